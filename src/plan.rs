//! Stage 4a — plan: which documents a build makes, from the data and the options.

use crate::dates::{Period, PeriodChoice};
use crate::driver::BuildOptions;
use crate::model::Programme;
use crate::render::{DocumentKind, Job};
use anyhow::{Result, bail};

/// The documents to build: every rapportage koers.yaml declares, the regioplan, every edition,
/// the informatiepakket.
pub fn plan_jobs(prog: &Programme, opts: &BuildOptions) -> Result<Vec<Job>> {
    let wanted = |k: DocumentKind| opts.only.is_empty() || opts.only.contains(&k);
    let halves: Vec<Period> =
        opts.periods.iter().filter_map(|p| if let PeriodChoice::Half(h) = p { Some(*h) } else { None }).collect();
    let editions: Vec<Period> =
        opts.periods.iter().filter_map(|p| if let PeriodChoice::Edition(e) = p { Some(*e) } else { None }).collect();
    let mut jobs = Vec::new();
    if wanted(DocumentKind::Rapportage) && (opts.periods.is_empty() || !halves.is_empty()) {
        let declared = prog.rapportage_periods();
        if halves.is_empty() {
            jobs.extend(declared.into_iter().map(|p| Job::Rapportage { periode: p, concept: false }));
        } else {
            for h in halves {
                let concept = !declared.contains(&h);
                if concept && !opts.draft {
                    bail!(
                        "--period {h}: koers.yaml declares no rapportage for {h}. Declare it under \"rapportages\" in koers.yaml, or build a draft with --draft (marked CONCEPT)"
                    );
                }
                jobs.push(Job::Rapportage { periode: h, concept });
            }
        }
    }
    if wanted(DocumentKind::Regioplan) && opts.periods.is_empty() {
        if let Some(t) = &opts.regioplan.themalijn
            && !prog.themalijnen.iter().any(|x| &x.id == t)
        {
            bail!(
                "--themalijn {t}: there is no such themalijn (known: {})",
                prog.themalijnen.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ")
            );
        }
        if let Some(p) = &opts.regioplan.project
            && prog.project(p).is_none()
        {
            bail!("--project {p}: there is no such project");
        }
        if prog.regioplan.is_some() {
            jobs.push(Job::Regioplan(opts.regioplan.clone()));
        }
    }
    if wanted(DocumentKind::Nieuwsbrief) && (opts.periods.is_empty() || !editions.is_empty()) {
        if editions.is_empty() {
            jobs.extend(prog.edities.iter().map(|e| Job::Nieuwsbrief(e.periode)));
        } else {
            for e in editions {
                if !prog.edities.iter().any(|x| x.periode == e) {
                    bail!("--period {e}: there is no newsletter edition file nieuwsbrief/{e}.yaml");
                }
                jobs.push(Job::Nieuwsbrief(e));
            }
        }
    }
    if wanted(DocumentKind::Informatiepakket) && opts.periods.is_empty() && prog.informatiepakket.is_some() {
        jobs.push(Job::Informatiepakket);
    }
    Ok(jobs)
}
