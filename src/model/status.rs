//! `koers status`: where every project stands — its themalijn, the phase it is in and since when,
//! its start and end, and how many results each report or edition records — as a table for
//! people and as JSON for scripts. Only what the data states: a phase known from a report is "per"
//! that report's last month, never dated back.

use crate::core::dates::Month;
use crate::model::{Programme, Project};
use serde::Serialize;

/// One project's row.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectStatus {
    pub id: String,
    pub naam: String,
    pub themalijn: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hoofdproject: Option<String>,
    /// The latest phase known in the month the status is taken (None: no phase recorded yet).
    pub fase: Option<FaseStatus>,
    /// A month (YYYY-MM) or "voor huidige werkagenda".
    pub start: String,
    /// A month, "doorlopend" or "nog niet bekend".
    pub einde: String,
    /// The number of results per rapportage (YYYY-Hn) or edition (YYYY-MM, YYYY-Qn), oldest first.
    pub resultaten: Vec<Resultaten>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FaseStatus {
    pub naam: String,
    /// The month the phase began, where the data states it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sinds: Option<String>,
    /// For a phase without `sinds`: the report that states it ("rapportage 2024-H1") …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gemeld: Option<String>,
    /// … and the month from which it is known (that report's last month).
    pub bekend_vanaf: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Resultaten {
    pub periode: String,
    pub aantal: usize,
}

/// Every project in document order (themalijn by themalijn, each in table order), as of month `nu`.
pub fn status(prog: &Programme, nu: Month) -> Vec<ProjectStatus> {
    prog.projects().map(|p| project_status(p, nu)).collect()
}

fn project_status(p: &Project, nu: Month) -> ProjectStatus {
    let fase = p.current_step(nu).map(|s| FaseStatus {
        naam: s.fase.name().to_string(),
        sinds: s.sinds.map(|m| m.to_string()),
        gemeld: s.sinds.is_none().then(|| s.gemeld.map(|g| g.label())).flatten(),
        bekend_vanaf: s.bekend_vanaf().to_string(),
    });
    let mut resultaten: Vec<(crate::core::dates::Period, usize)> = Vec::new();
    for r in &p.resultaten {
        let per = r.gemeld.periode();
        match resultaten.iter_mut().find(|(q, _)| *q == per) {
            Some((_, n)) => *n += 1,
            None => resultaten.push((per, 1)),
        }
    }
    resultaten.sort_by_key(|(q, _)| (q.last, q.first));
    ProjectStatus {
        id: p.id.clone(),
        naam: p.naam.clone(),
        themalijn: p.themalijn.clone(),
        hoofdproject: p.hoofdproject.clone(),
        fase,
        start: p.start.to_string(),
        einde: p.einde.to_string(),
        resultaten: resultaten.into_iter().map(|(q, aantal)| Resultaten { periode: q.id(), aantal }).collect(),
    }
}

/// The rows as a table with a header (in the words of the data, which the secretary reads),
/// columns padded to their widest cell; a subproject's id is marked "↳".
pub fn table(rows: &[ProjectStatus]) -> String {
    let header = [
        crate::t!("cmd-status-project"),
        crate::t!("cmd-status-themalijn"),
        crate::t!("cmd-status-fase"),
        crate::t!("cmd-status-sinds"),
        crate::t!("cmd-status-start"),
        crate::t!("cmd-status-einde"),
        crate::t!("cmd-status-resultaten"),
    ];
    let cells: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            let (fase, since) = match &r.fase {
                None => ("—".to_string(), String::new()),
                Some(f) => {
                    let since = match &f.sinds {
                        Some(m) => m.clone(),
                        None => crate::t!("cmd-status-known-from", month = f.bekend_vanaf.as_str()),
                    };
                    (f.naam.clone(), since)
                }
            };
            let resultaten: Vec<String> = r.resultaten.iter().map(|x| format!("{} {}", x.periode, x.aantal)).collect();
            let id = match &r.hoofdproject {
                Some(_) => format!("↳ {}", r.id),
                None => r.id.clone(),
            };
            [id, r.themalijn.clone(), fase, since, r.start.clone(), r.einde.clone(), resultaten.join(", ")]
        })
        .collect();
    let width = |i: usize| {
        cells.iter().map(|c| c[i].chars().count()).chain(std::iter::once(header[i].chars().count())).max().unwrap_or(0)
    };
    let widths: Vec<usize> = (0..header.len()).map(width).collect();
    let line = |c: &[String]| {
        let padded: Vec<String> =
            c.iter().zip(&widths).map(|(s, w)| format!("{s}{}", " ".repeat(w - s.chars().count()))).collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&header);
    for c in &cells {
        out.push_str(&line(c));
    }
    out
}
