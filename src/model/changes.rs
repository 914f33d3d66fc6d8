//! What changed between two states of the programme — one computation for three readers:
//!
//! - `koers changes --since <rev>`: the data at an earlier commit against the work tree;
//! - the section "Wat is er veranderd sinds de vorige rapportage" of a rapportage: the programme
//!   at the end of the previous rapportage's period against the end of this one;
//! - the draft of a newsletter edition (`koers newsletter EDITION --new`): the previous edition
//!   against this one.
//!
//! A [`Stand`] is one such state: a programme, the last month it knows of (phases after it are
//! not yet taken), the document whose results count, and the projects it shows. [`compare`]
//! gives, per project, the phase steps, new and ended projects, new results and the projects that
//! run without results.

use crate::core::dates::{Month, Period};
use crate::core::phase::Fase;
use crate::model::{FaseStap, Gemeld, Programme, Project};
use serde::Serialize;

/// The programme as one state: what a reader of one document (or one commit) saw.
#[derive(Clone, Copy)]
pub struct Stand<'a> {
    pub prog: &'a Programme,
    /// Phases and ends up to and including this month count; `None`: everything recorded.
    pub tot: Option<Month>,
    /// The results that belong to this state (of one rapportage or edition); `None`: all.
    pub gemeld: Option<Gemeld>,
    /// The period whose projects the state shows (those running in it or reporting in it);
    /// `None`: every project in the data.
    pub periode: Option<Period>,
}

impl<'a> Stand<'a> {
    /// Everything recorded in the data (a commit, the work tree).
    pub fn alles(prog: &'a Programme) -> Self {
        Stand { prog, tot: None, gemeld: None, periode: None }
    }

    /// The programme as the rapportage of half year `p` shows it.
    pub fn rapportage(prog: &'a Programme, p: Period) -> Self {
        Stand { prog, tot: Some(p.last), gemeld: Some(Gemeld::Rapportage(p)), periode: Some(p) }
    }

    /// The programme as newsletter edition `e` shows it.
    pub fn editie(prog: &'a Programme, e: Period) -> Self {
        Stand { prog, tot: Some(e.last), gemeld: Some(Gemeld::Editie(e)), periode: Some(e) }
    }

    /// Whether the state shows project `p`.
    pub fn toont(&self, p: &Project) -> bool {
        match (self.periode, self.gemeld) {
            (None, _) => true,
            (Some(per), Some(g)) => p.loopt_in(&per) || p.resultaten.iter().any(|r| r.gemeld == g),
            (Some(per), None) => p.loopt_in(&per),
        }
    }

    /// The projects the state shows, in table order.
    pub fn projecten(&self) -> impl Iterator<Item = &'a Project> + '_ {
        self.prog.projects().filter(|p| self.toont(p))
    }

    /// The phase history of `p` as far as this state knows it.
    fn geschiedenis<'p>(&self, p: &'p Project) -> &'p [FaseStap] {
        let n = p.fasen.iter().take_while(|s| self.tot.is_none_or(|t| s.bekend_vanaf() <= t));
        &p.fasen[..n.count()]
    }

    /// The month `p` has ended by, in this state (a month end not after `tot`).
    fn geeindigd(&self, p: &Project) -> Option<Month> {
        p.einde.month().filter(|m| self.tot.is_none_or(|t| *m <= t))
    }
}

/// One step on the phase ladder.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Faseovergang {
    pub van: Option<Fase>,
    pub naar: Fase,
    pub sinds: Option<Month>,
    /// Why the project went back, for a step back.
    pub reden: Option<String>,
}

impl Faseovergang {
    /// A step down the ladder.
    pub fn terug(&self) -> bool {
        self.van.as_ref().is_some_and(|v| self.naar < *v)
    }
}

/// What changed for one project.
#[derive(Debug, Clone)]
pub struct Projectwijziging<'a> {
    pub project: &'a Project,
    /// Shown by the new state, not by the old one (or absent from the old data).
    pub nieuw: bool,
    /// In the old data, absent from the new data.
    pub verwijderd: bool,
    /// Ended (end month reached, or an end month set) since the old state.
    pub beeindigd: Option<Month>,
    pub fasen: Vec<Faseovergang>,
    /// Results of the new state that the old state did not have, in data order.
    pub nieuwe_resultaten: Vec<&'a crate::model::Resultaat>,
    /// The new state shows it, it runs then, and no result belongs to the new state (only when
    /// the new state is one document: a rapportage or an edition).
    pub zonder_resultaten: bool,
}

/// Compare two states. The result is in table order of the new data, the projects only in the old
/// data after them.
pub fn compare<'a>(oud: &Stand<'a>, nieuw: &Stand<'a>) -> Vec<Projectwijziging<'a>> {
    let mut out = Vec::new();
    for p in nieuw.prog.projects() {
        let o = oud.prog.project(&p.id);
        let toont_nieuw = nieuw.toont(p);
        let toont_oud = o.is_some_and(|o| oud.toont(o));
        if !toont_nieuw && !toont_oud {
            continue;
        }
        // Phase steps: the steps the new state knows that the old one did not.
        let oude_stappen: &[FaseStap] = o.map(|o| oud.geschiedenis(o)).unwrap_or(&[]);
        let nieuwe_stappen = nieuw.geschiedenis(p);
        let mut van = oude_stappen.last().map(|s| s.fase.clone());
        let mut fasen = Vec::new();
        for (i, s) in nieuwe_stappen.iter().enumerate() {
            let bekend = oude_stappen.get(i).is_some_and(|x| x.fase == s.fase && x.sinds == s.sinds);
            if bekend {
                continue;
            }
            let vorige = if i == 0 { None } else { Some(nieuwe_stappen[i - 1].fase.clone()) };
            let from = if oude_stappen.len() > i { van.clone() } else { vorige.or(van.clone()) };
            if from.as_ref() != Some(&s.fase) && toont_oud {
                fasen.push(Faseovergang { van: from, naar: s.fase.clone(), sinds: s.sinds, reden: s.reden.clone() });
            }
            van = Some(s.fase.clone());
        }
        let beeindigd = nieuw.geeindigd(p).filter(|m| o.and_then(|o| oud.geeindigd(o)) != Some(*m));
        let nieuwe_resultaten: Vec<_> = p
            .resultaten
            .iter()
            .filter(|r| nieuw.gemeld.is_none_or(|g| r.gemeld == g))
            .filter(|r| {
                !o.is_some_and(|o| {
                    o.resultaten
                        .iter()
                        .any(|x| oud.gemeld.is_none_or(|g| x.gemeld == g) && x.gemeld == r.gemeld && x.tekst == r.tekst)
                })
            })
            .collect();
        let zonder_resultaten = match (nieuw.gemeld, nieuw.periode) {
            (Some(g), Some(per)) => toont_nieuw && p.loopt_in(&per) && !p.resultaten.iter().any(|r| r.gemeld == g),
            _ => false,
        };
        out.push(Projectwijziging {
            project: p,
            nieuw: toont_nieuw && !toont_oud,
            verwijderd: false,
            beeindigd,
            fasen,
            nieuwe_resultaten,
            zonder_resultaten,
        });
    }
    for o in oud.prog.projects() {
        if nieuw.prog.project(&o.id).is_none() && oud.toont(o) {
            out.push(Projectwijziging {
                project: o,
                nieuw: false,
                verwijderd: true,
                beeindigd: None,
                fasen: vec![],
                nieuwe_resultaten: vec![],
                zonder_resultaten: false,
            });
        }
    }
    out.retain(|w| {
        w.nieuw
            || w.verwijderd
            || w.beeindigd.is_some()
            || !w.fasen.is_empty()
            || !w.nieuwe_resultaten.is_empty()
            || w.zonder_resultaten
    });
    out
}

/// The changes of one themalijn, as a document lists them (Dutch, for the templates).
#[derive(Debug, Serialize)]
pub struct ThemalijnWijzigingen {
    pub id: String,
    pub naam: String,
    pub fasestappen: Vec<FasestapView>,
    pub nieuw: Vec<ProjectRef>,
    pub beeindigd: Vec<ProjectRef>,
    pub zonder_resultaten: Vec<ProjectRef>,
}

#[derive(Debug, Serialize)]
pub struct ProjectRef {
    pub id: String,
    pub naam: String,
    /// The end month, for an ended project ("12-2024").
    pub einde: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct FasestapView {
    pub id: String,
    pub naam: String,
    pub van: Option<String>,
    pub naar: String,
    /// "09-2024"
    pub sinds: Option<String>,
    pub terug: bool,
    pub reden: Option<String>,
}

/// "Wat is er veranderd": the comparison of two states per themalijn (themalijnen without changes
/// left out), in themalijn order.
#[derive(Debug, Serialize)]
pub struct Wijzigingen {
    /// The state compared with ("de rapportage januari t/m juni 2024").
    pub sinds: String,
    /// "2 projecten naar een andere fase, 1 nieuw project, …" (Dutch, for the documents).
    pub samenvatting: String,
    pub themalijnen: Vec<ThemalijnWijzigingen>,
    /// Totals over the themalijnen.
    pub aantal_fasestappen: usize,
    pub aantal_nieuw: usize,
    pub aantal_beeindigd: usize,
    pub aantal_zonder_resultaten: usize,
}

impl Wijzigingen {
    pub fn from_compare(prog: &Programme, sinds: String, lijst: &[Projectwijziging]) -> Wijzigingen {
        let r = |p: &Project, einde: Option<Month>| ProjectRef {
            id: p.id.clone(),
            naam: p.naam.clone(),
            einde: einde.map(|m| m.table()),
        };
        let themalijnen: Vec<ThemalijnWijzigingen> = prog
            .themalijnen
            .iter()
            .map(|t| {
                let van_t: Vec<&Projectwijziging> = lijst.iter().filter(|w| w.project.themalijn == t.id).collect();
                ThemalijnWijzigingen {
                    id: t.id.clone(),
                    naam: t.naam.clone(),
                    fasestappen: van_t
                        .iter()
                        .flat_map(|w| {
                            w.fasen.iter().map(|f| FasestapView {
                                id: w.project.id.clone(),
                                naam: w.project.naam.clone(),
                                van: f.van.as_ref().map(|v| v.name().to_string()),
                                naar: f.naar.name().to_string(),
                                sinds: f.sinds.map(|m| m.table()),
                                terug: f.terug(),
                                reden: f.reden.clone(),
                            })
                        })
                        .collect(),
                    nieuw: van_t.iter().filter(|w| w.nieuw).map(|w| r(w.project, None)).collect(),
                    beeindigd: van_t.iter().filter_map(|w| w.beeindigd.map(|m| r(w.project, Some(m)))).collect(),
                    zonder_resultaten: van_t
                        .iter()
                        .filter(|w| w.zonder_resultaten)
                        .map(|w| r(w.project, None))
                        .collect(),
                }
            })
            .filter(|t| {
                !(t.fasestappen.is_empty()
                    && t.nieuw.is_empty()
                    && t.beeindigd.is_empty()
                    && t.zonder_resultaten.is_empty())
            })
            .collect();
        let tel = |n: usize, een: &str, meer: &str| format!("{n} {}", if n == 1 { een } else { meer });
        let n = |f: fn(&ThemalijnWijzigingen) -> usize| themalijnen.iter().map(f).sum::<usize>();
        let samenvatting = format!(
            "{}, {}, {} en {}",
            tel(n(|t| t.fasestappen.len()), "faseovergang", "faseovergangen"),
            tel(n(|t| t.nieuw.len()), "nieuw project", "nieuwe projecten"),
            tel(n(|t| t.beeindigd.len()), "beëindigd project", "beëindigde projecten"),
            tel(
                n(|t| t.zonder_resultaten.len()),
                "lopend project zonder resultaten",
                "lopende projecten zonder resultaten"
            ),
        );
        Wijzigingen {
            sinds,
            samenvatting,
            aantal_fasestappen: themalijnen.iter().map(|t| t.fasestappen.len()).sum(),
            aantal_nieuw: themalijnen.iter().map(|t| t.nieuw.len()).sum(),
            aantal_beeindigd: themalijnen.iter().map(|t| t.beeindigd.len()).sum(),
            aantal_zonder_resultaten: themalijnen.iter().map(|t| t.zonder_resultaten.len()).sum(),
            themalijnen,
        }
    }
}

/// The rapportage before half year `p`: the latest declared one that ends before `p` starts.
pub fn vorige_rapportage(prog: &Programme, p: Period) -> Option<Period> {
    prog.rapportage_periods().into_iter().filter(|x| x.last < p.first).max()
}

/// "Wat is er veranderd sinds de vorige rapportage" for the rapportage of `p`; `None` for the
/// first rapportage.
pub fn sinds_vorige_rapportage(prog: &Programme, p: Period) -> Option<Wijzigingen> {
    let vorige = vorige_rapportage(prog, p)?;
    let lijst = compare(&Stand::rapportage(prog, vorige), &Stand::rapportage(prog, p));
    Some(Wijzigingen::from_compare(prog, format!("de rapportage {}", vorige.dutch().to_lowercase()), &lijst))
}

/// The changes of newsletter edition `e` against the edition before it (when there is one).
pub fn sinds_vorige_editie(prog: &Programme, e: Period) -> Option<(Period, Vec<Projectwijziging<'_>>)> {
    let vorige = prog.edities.iter().map(|x| x.periode).filter(|x| x.last < e.first).max_by_key(|x| x.last)?;
    Some((vorige, compare(&Stand::editie(prog, vorige), &Stand::editie(prog, e))))
}

/// A change in the data since a commit, as `koers changes` lists it.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    NewProject { project: String, naam: String, themalijn: String },
    RemovedProject { project: String, naam: String },
    ProjectEnded { project: String, naam: String, einde: String },
    PhaseTransition { project: String, naam: String, from: Option<String>, to: String, sinds: Option<Month> },
    NewResult { project: String, naam: String, gemeld: String, tekst: String },
}

/// Differences between the programme at an earlier commit (`old`) and now (`new`): [`compare`] of
/// everything each records.
pub fn diff(old: &Programme, new: &Programme) -> Vec<Change> {
    let mut out = Vec::new();
    for w in compare(&Stand::alles(old), &Stand::alles(new)) {
        let (id, naam) = (w.project.id.clone(), w.project.naam.clone());
        if w.verwijderd {
            out.push(Change::RemovedProject { project: id, naam });
            continue;
        }
        if w.nieuw {
            out.push(Change::NewProject {
                project: id.clone(),
                naam: naam.clone(),
                themalijn: w.project.themalijn.clone(),
            });
        }
        for f in &w.fasen {
            out.push(Change::PhaseTransition {
                project: id.clone(),
                naam: naam.clone(),
                from: f.van.as_ref().map(|v| v.name().to_string()),
                to: f.naar.name().to_string(),
                sinds: f.sinds,
            });
        }
        if w.beeindigd.is_some() && !w.nieuw {
            out.push(Change::ProjectEnded { project: id.clone(), naam: naam.clone(), einde: w.project.einde.table() });
        }
        for r in &w.nieuwe_resultaten {
            out.push(Change::NewResult {
                project: id.clone(),
                naam: naam.clone(),
                gemeld: r.gemeld.label(),
                tekst: r.tekst.clone(),
            });
        }
    }
    out
}

/// Human-readable list, one change a line (results with the start of their text, cut between words).
pub fn render_human(since: &str, changes: &[Change]) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    if changes.is_empty() {
        let _ = writeln!(s, "{}", crate::t!("cmd-changes-none", since = since));
        return s;
    }
    let _ = writeln!(s, "{}", crate::t!("cmd-changes-heading", since = since));
    for c in changes {
        let line = match c {
            Change::NewProject { naam, themalijn, .. } => {
                crate::t!("cmd-changes-new-project", naam = naam.as_str(), themalijn = themalijn.as_str())
            }
            Change::RemovedProject { naam, .. } => crate::t!("cmd-changes-removed-project", naam = naam.as_str()),
            Change::ProjectEnded { naam, einde, .. } => {
                crate::t!("cmd-changes-project-ends", naam = naam.as_str(), einde = einde.as_str())
            }
            Change::PhaseTransition { naam, from, to, sinds, .. } => {
                let from = from.as_deref().unwrap_or("—");
                match sinds {
                    Some(m) => crate::t!(
                        "cmd-changes-phase-since",
                        naam = naam.as_str(),
                        from = from,
                        to = to.as_str(),
                        sinds = m.to_string()
                    ),
                    None => crate::t!("cmd-changes-phase", naam = naam.as_str(), from = from, to = to.as_str()),
                }
            }
            Change::NewResult { naam, gemeld, tekst, .. } => {
                let first = crate::core::text::cut_at_word(&crate::core::text::one_line(tekst), 90);
                crate::t!("cmd-changes-result", gemeld = gemeld.as_str(), naam = naam.as_str(), tekst = first)
            }
        };
        let _ = writeln!(s, "- {line}");
    }
    s
}
