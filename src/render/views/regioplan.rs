//! The Regioplan, or one themalijn's or project's section of it.

use super::{ProgrammeInfo, Provenance, programme_info, used_abbreviations};
use crate::data_files as df;
use crate::model::{Programme, Project};
use crate::render::{Document, DocumentKind, RenderError, to_context};
use serde::Serialize;

/// Which part of the Regioplan to render.
#[derive(Debug, Clone, Default)]
pub struct RegioplanSelection {
    /// Only this themalijn's section.
    pub themalijn: Option<String>,
    /// Only this project's section.
    pub project: Option<String>,
    /// Include projects added after the plan was adopted.
    pub met_latere_projecten: bool,
}

#[derive(Debug, Serialize)]
pub struct RegioplanProject {
    pub id: String,
    pub naam: String,
    pub hoofdproject: Option<String>,
    pub toegevoegd_na_regioplan: Option<String>,
    pub regioplan: df::ProjectRegioplan,
    /// False for a project asked for explicitly that the plan does not describe.
    pub heeft_tekst: bool,
}

#[derive(Debug, Serialize)]
pub struct RegioplanThemalijn {
    pub id: String,
    pub naam: String,
    pub regioplan: df::ThemalijnRegioplan,
    pub projecten: Vec<RegioplanProject>,
}

#[derive(Debug, Serialize)]
pub struct RegioplanView {
    pub titel: String,
    /// The document's subtitle when only a section is rendered.
    pub onderdeel: Option<String>,
    pub programma: ProgrammeInfo,
    pub periode: String,
    pub vastgesteld_nl: Option<String>,
    pub hoofdstukken: Vec<df::Hoofdstuk>,
    pub themalijnen: Vec<RegioplanThemalijn>,
    pub afkortingen: Vec<df::Afkorting>,
    pub bron: Provenance,
}

/// The regioplan (or the section `sel` names) as a document; None when there is no regioplan.
pub(crate) fn document(
    prog: &Programme,
    sel: &RegioplanSelection,
    bron: &Provenance,
) -> Result<Option<Document>, RenderError> {
    let Some(view) = regioplan(prog, sel, bron) else {
        return Ok(None);
    };
    let onderdeel = || format!("{} — {}", view.titel, view.onderdeel.clone().unwrap_or_default());
    let (stem, title) = match (&sel.project, &sel.themalijn) {
        (Some(p), _) => (format!("regioplan/regioplan-project-{p}"), onderdeel()),
        (None, Some(t)) => (format!("regioplan/regioplan-{t}"), onderdeel()),
        _ => (format!("regioplan/regioplan-{}", view.periode), view.titel.clone()),
    };
    Ok(Some(Document {
        kind: DocumentKind::Regioplan,
        template: "regioplan",
        context: to_context("regioplan", &view)?,
        period: view.periode.clone(),
        title,
        stem,
        grafieken: vec![],
        afbeeldingen: vec![],
        figuren: vec![],
        bericht: None,
        dag: bron.documentdatum,
    }))
}

pub fn regioplan(prog: &Programme, sel: &RegioplanSelection, bron: &Provenance) -> Option<RegioplanView> {
    let plan = prog.regioplan.as_ref()?;
    let whole = sel.themalijn.is_none() && sel.project.is_none();
    let project_filter = |p: &Project| match &sel.project {
        Some(id) => &p.id == id,
        None => sel.met_latere_projecten || p.toegevoegd_na_regioplan.is_none(),
    };
    let mut in_plan_order: Vec<&crate::model::Themalijn> = prog.themalijnen.iter().collect();
    in_plan_order.sort_by_key(|t| (t.regioplan.volgorde.unwrap_or(t.volgorde), t.volgorde));
    let themalijnen: Vec<RegioplanThemalijn> = in_plan_order
        .into_iter()
        .filter(|t| sel.themalijn.as_ref().is_none_or(|id| &t.id == id))
        .filter(|t| sel.project.as_ref().is_none_or(|id| t.projecten.iter().any(|p| &p.id == id)))
        .map(|t| RegioplanThemalijn {
            id: t.id.clone(),
            naam: t.naam.clone(),
            regioplan: if sel.project.is_some() { df::ThemalijnRegioplan::default() } else { t.regioplan.clone() },
            projecten: t
                .projecten
                .iter()
                .filter(|p| project_filter(p))
                .filter(|p| p.regioplan_has_text() || sel.project.as_deref() == Some(p.id.as_str()))
                .map(|p| RegioplanProject {
                    id: p.id.clone(),
                    naam: p.regioplan.naam.clone().unwrap_or_else(|| p.naam.clone()),
                    hoofdproject: p.hoofdproject.as_deref().and_then(|h| prog.project(h)).map(|h| h.naam.clone()),
                    toegevoegd_na_regioplan: p.toegevoegd_na_regioplan.map(|m| m.dutch()),
                    regioplan: p.regioplan.clone(),
                    heeft_tekst: p.regioplan_has_text(),
                })
                .collect(),
        })
        // A themalijn the plan does not describe (jeugd) has no section.
        .filter(|t: &RegioplanThemalijn| {
            let r = &t.regioplan;
            !t.projecten.is_empty()
                || [&r.introductie, &r.overkoepelend_doel, &r.aanpak, &r.partners].iter().any(|x| x.is_some())
        })
        .collect();
    let onderdeel = match (&sel.project, &sel.themalijn) {
        (Some(id), _) => prog.project(id).map(|p| format!("Project {}", p.naam)),
        (None, Some(id)) => {
            prog.themalijnen.iter().find(|t| &t.id == id).map(|t| format!("Themalijn {}", t.naam.to_lowercase()))
        }
        _ => None,
    };
    let mut view = RegioplanView {
        titel: plan.titel.clone(),
        onderdeel,
        programma: programme_info(prog),
        periode: plan.periode.clone(),
        vastgesteld_nl: prog.regioplan_vastgesteld.map(|m| m.dutch()),
        hoofdstukken: if whole { plan.hoofdstukken.clone() } else { vec![] },
        themalijnen,
        afkortingen: vec![],
        bron: bron.clone(),
    };
    view.afkortingen = used_abbreviations(prog, &view);
    Some(view)
}
