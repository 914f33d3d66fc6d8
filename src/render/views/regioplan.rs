//! The Regioplan, or one themalijn's or project's section of it.

use super::{ProgrammeInfo, Provenance, programme_info, used_abbreviations};
use crate::core::document::RegioplanSelection;
use crate::core::document::{DocumentKind, DocumentPeriod};
use crate::model::content;
use crate::model::{Programme, Project};
use crate::render::{Content, Document, RenderError};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct RegioplanProject {
    pub id: String,
    pub naam: String,
    pub hoofdproject: Option<String>,
    pub toegevoegd_na_regioplan: Option<String>,
    pub regioplan: content::ProjectRegioplan,
    /// False for a project asked for explicitly that the plan does not describe.
    pub heeft_tekst: bool,
}

#[derive(Debug, Serialize)]
pub struct RegioplanThemalijn {
    pub id: String,
    pub naam: String,
    pub regioplan: content::ThemalijnRegioplan,
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
    pub hoofdstukken: Vec<content::Hoofdstuk>,
    pub themalijnen: Vec<RegioplanThemalijn>,
    pub afkortingen: Vec<content::Afkorting>,
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
        content: Content::Tree(Box::new(tree(&view))),
        period: DocumentPeriod::Text(view.periode.clone()),
        draft: false,
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
            regioplan: if sel.project.is_some() { content::ThemalijnRegioplan::default() } else { t.regioplan.clone() },
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
        vastgesteld_nl: plan.vastgesteld.map(|m| m.dutch()),
        hoofdstukken: if whole { plan.hoofdstukken.clone() } else { vec![] },
        themalijnen,
        afkortingen: vec![],
        bron: bron.clone(),
    };
    view.afkortingen = used_abbreviations(prog, &view);
    Some(view)
}

// ---------------------------------------------------------------------------------------------
// The document tree

use super::tree::{self as t, Teksten};
use crate::render::doc::{self, Block, Inline, SectionKind};

/// The web addresses the plan prints under a section, each a link.
fn bronnen(urls: &[String]) -> impl Iterator<Item = Block> + '_ {
    urls.iter().map(|u| {
        t::alinea_stijl(
            doc::ParagraphStyle::Small,
            vec![Inline::Link { url: u.clone(), content: doc::text(u.as_str()) }],
        )
    })
}

/// The regioplan (or a section of it) as a document tree. Its chapters follow each other, as in
/// the letter it comes from.
///
/// Long because it lists the document's parts in reading order, each a few lines: the order of the
/// function is the order of the document.
pub fn tree(view: &RegioplanView) -> doc::Document {
    let tk = Teksten::new(&view.afkortingen);
    let mut m = t::metadata("regioplan", &view.titel, &view.programma, &view.bron);
    m.subtitle = view.onderdeel.clone();
    m.publication = Some(match &view.vastgesteld_nl {
        Some(v) => format!("Vastgesteld in {v}"),
        None => "CONCEPT – nog niet vastgesteld".to_string(),
    });
    m.draft = view.vastgesteld_nl.is_none();
    m.chapters_on_new_pages = false;
    m.contents_depth = 2;
    let mut blocks = Vec::new();
    for (i, h) in view.hoofdstukken.iter().enumerate() {
        let mut c = Vec::new();
        if let Some(x) = &h.tekst {
            c.extend(tk.md(x, 2));
        }
        for p in &h.paragrafen {
            c.push(t::kop(2, &p.titel, None));
            if let Some(x) = &p.tekst {
                c.extend(tk.md(x, 3));
            }
            for q in &p.paragrafen {
                c.push(t::tussenkop(3, &q.titel));
                c.extend(tk.md(&q.tekst, 4));
                c.extend(bronnen(&q.bronnen));
            }
            c.extend(bronnen(&p.bronnen));
        }
        c.extend(bronnen(&h.bronnen));
        blocks.push(t::hoofdstuk(&format!("h-{}", i + 1), &h.titel, c));
    }
    for th in &view.themalijnen {
        let anchor = format!("themalijn-{}", th.id);
        let r = &th.regioplan;
        let mut c = vec![t::kop_met_label(1, &th.naam, Some(&anchor), "Themalijn")];
        if let Some(x) = &r.introductie {
            c.extend(tk.md(x, 2));
        }
        let partners = r.partners_kop.as_deref().unwrap_or("Betrokken partners en stakeholders");
        for (kop, tekst) in
            [("Overkoepelend doel", &r.overkoepelend_doel), ("Onze aanpak", &r.aanpak), (partners, &r.partners)]
        {
            if let Some(x) = tekst {
                c.push(t::kop(2, kop, None));
                c.extend(tk.md(x, 3));
            }
        }
        for p in &th.projecten {
            let panchor = format!("project-{}", p.id);
            let label = match &p.hoofdproject {
                Some(h) => format!("Project · subproject van {h}"),
                None => "Project".to_string(),
            };
            let mut pc = vec![t::kop_met_label(2, &p.naam, Some(&panchor), &label)];
            if let Some(w) = &p.toegevoegd_na_regioplan {
                pc.push(t::alinea_stijl(
                    doc::ParagraphStyle::Muted,
                    vec![Inline::Emphasis {
                        content: doc::text(format!(
                            "Toegevoegd aan de werkagenda in {w}, na de vaststelling van het regioplan."
                        )),
                    }],
                ));
            }
            if !p.heeft_tekst {
                pc.push(t::alinea_stijl(
                    doc::ParagraphStyle::Muted,
                    vec![Inline::Emphasis { content: doc::text("Het regioplan beschrijft dit project (nog) niet.") }],
                ));
            }
            let pr = &p.regioplan;
            for (kop, tekst) in [
                ("Doel", &pr.doel),
                ("Aanleiding", &pr.aanleiding),
                ("Onze aanpak", &pr.aanpak),
                ("Inwonerparticipatie", &pr.inwonerparticipatie),
                ("Effect voor de inwoner", &pr.effect_voor_de_inwoner),
                ("Raakvlakken met andere regionale plannen", &pr.raakvlakken),
            ] {
                if let Some(x) = tekst {
                    pc.push(t::tussenkop(3, kop));
                    pc.extend(tk.md(x, 4));
                }
            }
            c.push(t::sectie(SectionKind::Project, &panchor, pc));
        }
        blocks.push(t::sectie(SectionKind::Chapter, &anchor, c));
    }
    if !view.afkortingen.is_empty() {
        blocks.push(t::hoofdstuk(
            "afkortingen",
            "Afkortingen",
            vec![t::afkortingen(&view.afkortingen, "De afkortingen in dit regioplan en hun betekenis")],
        ));
    }
    doc::Document { metadata: m, blocks }
}
