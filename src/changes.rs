//! `koers changes --since <rev>`: what changed in the data since a commit — the raw material of
//! the next newsletter.

use crate::Checked;
use crate::dates::Month;
use crate::model::Programme;
use serde::Serialize;

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    NewProject { project: String, naam: String, themalijn: String },
    RemovedProject { project: String, naam: String },
    ProjectEnded { project: String, naam: String, einde: String },
    PhaseTransition { project: String, naam: String, from: Option<String>, to: String, sinds: Option<Month> },
    NewResult { project: String, naam: String, gemeld: String, tekst: String },
}

/// Differences between the programme at an earlier commit (`old`) and now (`new`).
pub fn diff(old: &Programme, new: &Programme) -> Vec<Change> {
    let mut out = Vec::new();
    for p in new.projects() {
        let Some(o) = old.project(&p.id) else {
            out.push(Change::NewProject {
                project: p.id.clone(),
                naam: p.naam.clone(),
                themalijn: p.themalijn.clone(),
            });
            for r in &p.resultaten {
                out.push(Change::NewResult {
                    project: p.id.clone(),
                    naam: p.naam.clone(),
                    gemeld: r.gemeld.label(),
                    tekst: r.tekst.clone(),
                });
            }
            continue;
        };
        let last = |proj: &crate::model::Project| proj.fasen.last().map(|f| f.fase);
        if p.fasen.len() > o.fasen.len() || last(p) != last(o) {
            for step in p.fasen.iter().skip(o.fasen.len().min(p.fasen.len().saturating_sub(1))) {
                if Some(step.fase) != last(o) {
                    out.push(Change::PhaseTransition {
                        project: p.id.clone(),
                        naam: p.naam.clone(),
                        from: last(o).map(|f| f.name().to_string()),
                        to: step.fase.name().to_string(),
                        sinds: step.sinds,
                    });
                }
            }
        }
        if p.einde != o.einde && p.einde.month().is_some() {
            out.push(Change::ProjectEnded { project: p.id.clone(), naam: p.naam.clone(), einde: p.einde.table() });
        }
        for r in &p.resultaten {
            if !o.resultaten.iter().any(|x| x.gemeld == r.gemeld && x.tekst == r.tekst) {
                out.push(Change::NewResult {
                    project: p.id.clone(),
                    naam: p.naam.clone(),
                    gemeld: r.gemeld.label(),
                    tekst: r.tekst.clone(),
                });
            }
        }
    }
    for o in old.projects() {
        if new.project(&o.id).is_none() {
            out.push(Change::RemovedProject { project: o.id.clone(), naam: o.naam.clone() });
        }
    }
    out
}

/// Human-readable list, one change a line (results with their first line of text).
pub fn render_human(since: &str, changes: &[Change]) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    if changes.is_empty() {
        let _ = writeln!(s, "No changes in the data since {since}.");
        return s;
    }
    let _ = writeln!(s, "Changes in the data since {since}:");
    for c in changes {
        let line = match c {
            Change::NewProject { naam, themalijn, .. } => format!("new project: {naam} (themalijn {themalijn})"),
            Change::RemovedProject { naam, .. } => format!("removed project: {naam}"),
            Change::ProjectEnded { naam, einde, .. } => format!("project ends: {naam} ({einde})"),
            Change::PhaseTransition { naam, from, to, sinds, .. } => format!(
                "phase: {naam}: {} → {to}{}",
                from.as_deref().unwrap_or("—"),
                sinds.map(|m| format!(" (since {m})")).unwrap_or_default()
            ),
            Change::NewResult { naam, gemeld, tekst, .. } => {
                let first: String = tekst.lines().next().unwrap_or("").chars().take(90).collect();
                format!("result ({gemeld}): {naam}: {first}")
            }
        };
        let _ = writeln!(s, "- {line}");
    }
    s
}

/// The programme of a checked data set, or an error describing why there is none.
pub fn programme_of(checked: Checked, what: &str) -> Result<Programme, String> {
    checked.programme.ok_or_else(|| {
        format!("the data {what} is invalid ({} errors): run koers check", checked.diagnostics.error_count())
    })
}
