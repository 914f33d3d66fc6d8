//! Stage 4a — plan: which documents a build makes, from the data and the options. A request the
//! data cannot meet (a period it does not declare, an unknown themalijn) is a [`Refusal`].

use crate::core::dates::{Period, PeriodChoice};
use crate::core::document::{DocumentKind, Job, RegioplanSelection};
use crate::core::refusal::Refusal;
use crate::model::Programme;
use anyhow::Result;

/// Which documents a build asks for; everything when empty.
#[derive(Debug, Clone, Copy)]
pub struct Selection<'a> {
    /// Only these periods: half years for the rapportage, months or quarters for the newsletter.
    pub periods: &'a [PeriodChoice],
    /// Only these kinds of document.
    pub only: &'a [DocumentKind],
    /// The part of the regioplan.
    pub regioplan: &'a RegioplanSelection,
    /// A rapportage for a half year koers.yaml does not declare is made as a draft.
    pub draft: bool,
}

/// The documents to build: every rapportage koers.yaml declares, the regioplan, every edition,
/// the informatiepakket (or those the selection names).
pub fn plan_jobs(prog: &Programme, opts: &Selection) -> Result<Vec<Job>> {
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
                    return Err(Refusal::new(crate::t!("build-period-no-rapportage", period = h.to_string()))
                        .hint(crate::t!("build-period-no-rapportage-hint", period = h.to_string()))
                        .into());
                }
                jobs.push(Job::Rapportage { periode: h, concept });
            }
        }
    }
    if wanted(DocumentKind::Regioplan) && opts.periods.is_empty() {
        if let Some(t) = &opts.regioplan.themalijn
            && !prog.themalijnen.iter().any(|x| &x.id == t)
        {
            let known: Vec<&str> = prog.themalijnen.iter().map(|t| t.id.as_str()).collect();
            return Err(Refusal::new(crate::t!("build-no-such-themalijn", themalijn = t.as_str()))
                .hint(crate::t!("build-no-such-themalijn-hint", themalijnen = known.join(", ")))
                .into());
        }
        if let Some(p) = &opts.regioplan.project
            && prog.project(p).is_none()
        {
            return Err(Refusal::new(crate::t!("build-no-such-project", project = p.as_str()))
                .hint(crate::t!("build-no-such-project-hint"))
                .into());
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
                    return Err(Refusal::new(crate::t!("build-period-no-edition", period = e.to_string()))
                        .hint(crate::t!("build-period-no-edition-hint", period = e.to_string()))
                        .into());
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
