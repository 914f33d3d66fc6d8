//! What each document shows, computed from the model: grouped, ordered and numbered, so that the
//! templates only lay it out. The same view feeds the Markdown, HTML and typst templates.

use crate::data_files::{self as df, Markdown, VoetnootBij};
use crate::dates::{Einde, Month, Period};
use crate::model::{Programme, Project, Themalijn};
use crate::phase::Fase;
use serde::Serialize;
use std::collections::BTreeSet;

/// Where a document comes from: shown in its colophon.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Provenance {
    pub generator: String,
    /// Short hash of the source commit, when the data is in a git repository.
    pub commit: Option<String>,
    /// Date of the source commit (YYYY-MM-DD).
    pub commit_datum: Option<String>,
    /// The data in the work tree differs from the commit.
    pub gewijzigd: bool,
    /// The document date (from --date, the commit, or the data).
    pub datum: String,
    /// The document date in Dutch ("22 november 2026").
    pub datum_nl: String,
}

#[derive(Debug, Serialize)]
pub struct ProgrammeInfo {
    pub naam: String,
    pub regio: String,
    pub website: Option<String>,
    pub website_kort: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
}

fn programme_info(p: &Programme) -> ProgrammeInfo {
    ProgrammeInfo {
        naam: p.naam.clone(),
        regio: p.regio.clone(),
        website: p.website.clone(),
        website_kort: p
            .website
            .as_deref()
            .map(|w| w.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/').to_string()),
        email: p.email.clone(),
        linkedin: p.linkedin.clone(),
    }
}

#[derive(Debug, Serialize)]
pub struct Sport {
    pub naam: &'static str,
    /// The project is in this phase.
    pub actief: bool,
    /// The project has passed this phase.
    pub voorbij: bool,
}

fn ladder(fase: Option<Fase>) -> Vec<Sport> {
    Fase::ALL
        .iter()
        .map(|f| Sport { naam: f.name(), actief: Some(*f) == fase, voorbij: fase.is_some_and(|cur| *f < cur) })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct Noot {
    /// 1-based number within its table.
    pub nummer: usize,
    /// Asterisks as the printed reports mark them ("*", "**", ...).
    pub sterren: String,
    pub tekst: String,
    /// First reference to this note (typst: the footnote itself; later ones refer to it).
    pub eerste: bool,
    /// Label for cross-references: unique in the document.
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct TabelRij {
    pub id: String,
    pub naam: String,
    pub subproject: bool,
    pub fase: Option<&'static str>,
    pub start: String,
    pub einde: String,
    pub noten_naam: Vec<Noot>,
    pub noten_fase: Vec<Noot>,
    pub noten_start: Vec<Noot>,
    pub noten_einde: Vec<Noot>,
}

#[derive(Debug, Serialize)]
pub struct Tabel {
    pub rijen: Vec<TabelRij>,
    /// Every distinct note of the table, in order of first use.
    pub noten: Vec<NootTekst>,
}

#[derive(Debug, Serialize)]
pub struct NootTekst {
    pub nummer: usize,
    pub sterren: String,
    pub tekst: String,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct ResultaatView {
    pub maand: Month,
    pub maand_nl: String,
    pub tekst: Markdown,
}

#[derive(Debug, Serialize)]
pub struct InteressantView {
    pub tekst: Markdown,
    pub link_tekst: Option<String>,
    pub link_url: Option<String>,
}

fn interessant(i: &df::Interessant) -> InteressantView {
    InteressantView {
        tekst: i.tekst.clone(),
        link_tekst: i.link.as_ref().map(|l| l.tekst.clone()),
        link_url: i.link.as_ref().and_then(|l| l.url.clone()).filter(|u| crate::validate::is_safe_url(u)),
    }
}

#[derive(Debug, Serialize)]
pub struct ProjectPagina {
    pub id: String,
    pub naam: String,
    pub hoofdproject: Option<String>,
    pub fase: Option<&'static str>,
    pub ladder: Vec<Sport>,
    /// Why the project went back to its current phase, when it did.
    pub terugstap: Option<String>,
    pub start: String,
    pub einde: String,
    pub doelstelling: Option<Markdown>,
    pub resultaten: Vec<ResultaatView>,
    pub interessant: Vec<InteressantView>,
    pub bijzonderheden: Vec<Markdown>,
    pub gemeenten: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct ThemalijnRapportage {
    pub id: String,
    pub naam: String,
    pub introductie: Option<Markdown>,
    pub ambitie: Option<Markdown>,
    pub aantal_projecten: usize,
    pub tabel: Tabel,
    pub projecten: Vec<ProjectPagina>,
    pub lokale_inzet: Option<Markdown>,
    pub lokale_inzet_interessant: Vec<InteressantView>,
}

#[derive(Debug, Serialize)]
pub struct FaseUitleg {
    pub naam: &'static str,
    pub vraag: Option<String>,
    pub definitie: Option<Markdown>,
}

#[derive(Debug, Serialize)]
pub struct RapportageView {
    pub titel: String,
    pub programma: ProgrammeInfo,
    pub periode: String,
    pub periode_nl: String,
    pub publicatie: Option<String>,
    pub voorwoord: Option<Markdown>,
    pub ondertekening: Option<df::Ondertekening>,
    pub algemene_informatie: Option<Markdown>,
    pub programmaorganisatie: Option<Markdown>,
    pub interessant: Vec<InteressantView>,
    pub themalijnen: Vec<ThemalijnRapportage>,
    pub afkortingen: Vec<df::Afkorting>,
    pub fasen: Vec<FaseUitleg>,
    pub bron: Provenance,
}

/// Build the numbered notes of a project table.
struct NoteNumbering {
    prefix: String,
    texts: Vec<String>,
}

impl NoteNumbering {
    fn mark(&mut self, text: &str) -> Noot {
        let (nummer, eerste) = match self.texts.iter().position(|t| t == text) {
            Some(i) => (i + 1, false),
            None => {
                self.texts.push(text.to_string());
                (self.texts.len(), true)
            }
        };
        Noot {
            nummer,
            sterren: "*".repeat(nummer),
            tekst: text.to_string(),
            eerste,
            label: format!("{}-{nummer}", self.prefix),
        }
    }

    fn all(&self) -> Vec<NootTekst> {
        self.texts
            .iter()
            .enumerate()
            .map(|(i, t)| NootTekst {
                nummer: i + 1,
                sterren: "*".repeat(i + 1),
                tekst: t.clone(),
                label: format!("{}-{}", self.prefix, i + 1),
            })
            .collect()
    }
}

fn project_table(prog: &Programme, t: &Themalijn, projects: &[&Project], at: Month) -> Tabel {
    let mut notes = NoteNumbering { prefix: format!("noot-{}", t.id), texts: vec![] };
    let mut doorlopend_marked = false;
    let mut rijen = Vec::new();
    for p in projects {
        let mut rij = TabelRij {
            id: p.id.clone(),
            naam: p.tabelnaam.clone(),
            subproject: p.is_subproject(),
            fase: p.fase_op(at).map(Fase::name),
            start: p.start.table(),
            einde: p.einde.table(),
            noten_naam: vec![],
            noten_fase: vec![],
            noten_start: vec![],
            noten_einde: vec![],
        };
        // Notes in reading order: name, phase, start, end.
        for bij in [VoetnootBij::Naam, VoetnootBij::Fase, VoetnootBij::Start, VoetnootBij::Einde] {
            for v in p.voetnoten.iter().filter(|v| v.bij == bij) {
                let noot = notes.mark(&v.tekst);
                match bij {
                    VoetnootBij::Naam => rij.noten_naam.push(noot),
                    VoetnootBij::Fase => rij.noten_fase.push(noot),
                    VoetnootBij::Start => rij.noten_start.push(noot),
                    VoetnootBij::Einde => rij.noten_einde.push(noot),
                }
            }
            if bij == VoetnootBij::Einde
                && p.einde == Einde::Doorlopend
                && !doorlopend_marked
                && let Some(uitleg) = &prog.doorlopend_uitleg
            {
                doorlopend_marked = true;
                rij.noten_einde.push(notes.mark(uitleg));
            }
        }
        rijen.push(rij);
    }
    Tabel { rijen, noten: notes.all() }
}

pub fn rapportage(prog: &Programme, period: Period, bron: &Provenance) -> RapportageView {
    let teksten = prog.rapportages.iter().find(|r| r.periode == period).map(|r| &r.teksten);
    let themalijnen: Vec<ThemalijnRapportage> = prog
        .themalijnen
        .iter()
        .filter_map(|t| {
            let projects: Vec<&Project> = t.projecten.iter().filter(|p| p.in_rapportage(&period)).collect();
            if projects.is_empty() {
                return None;
            }
            let lokale = t.lokale_inzet.iter().find(|(p, _)| *p == period).map(|(_, l)| l);
            Some(ThemalijnRapportage {
                id: t.id.clone(),
                naam: t.naam.clone(),
                introductie: t.introductie.clone(),
                ambitie: t.ambitie.clone(),
                aantal_projecten: projects.len(),
                tabel: project_table(prog, t, &projects, period.last),
                projecten: projects.iter().map(|p| project_page(prog, p, &period)).collect(),
                lokale_inzet: lokale.map(|l| l.tekst.clone()),
                lokale_inzet_interessant: lokale
                    .map(|l| l.interessant.iter().map(interessant).collect())
                    .unwrap_or_default(),
            })
        })
        .collect();
    let mut view = RapportageView {
        titel: "Tussentijdse rapportage".into(),
        programma: programme_info(prog),
        periode: period.id(),
        periode_nl: period.dutch(),
        publicatie: teksten.and_then(|t| t.publicatie.clone()),
        voorwoord: teksten.and_then(|t| t.voorwoord.clone()),
        ondertekening: teksten.and_then(|t| t.ondertekening.clone()),
        algemene_informatie: teksten.and_then(|t| t.algemene_informatie.clone()),
        programmaorganisatie: teksten.and_then(|t| t.programmaorganisatie.clone()),
        interessant: teksten.map(|t| t.interessant.iter().map(interessant).collect()).unwrap_or_default(),
        themalijnen,
        afkortingen: vec![],
        fasen: prog
            .fasen
            .iter()
            .map(|f| FaseUitleg { naam: f.naam.name(), vraag: f.vraag.clone(), definitie: f.definitie.clone() })
            .collect(),
        bron: bron.clone(),
    };
    view.afkortingen = used_abbreviations(prog, &view);
    view
}

fn project_page(prog: &Programme, p: &Project, period: &Period) -> ProjectPagina {
    let fase = p.fase_op(period.last);
    let in_period = |m: Option<Month>| m.is_none_or(|m| period.contains(m));
    ProjectPagina {
        id: p.id.clone(),
        naam: p.naam.clone(),
        hoofdproject: p.hoofdproject.as_deref().and_then(|h| prog.project(h)).map(|h| h.naam.clone()),
        fase: fase.map(Fase::name),
        ladder: ladder(fase),
        terugstap: p.current_step(period.last).and_then(|s| s.reden.clone()),
        start: p.start.table(),
        einde: p.einde.table(),
        doelstelling: p.doelstelling.clone(),
        resultaten: p
            .resultaten_in(period)
            .map(|r| ResultaatView { maand: r.maand, maand_nl: r.maand.dutch(), tekst: r.tekst.clone() })
            .collect(),
        interessant: p.interessant.iter().filter(|i| in_period(i.maand)).map(|i| interessant(&i.item)).collect(),
        bijzonderheden: p.bijzonderheden.iter().filter(|b| in_period(b.maand)).map(|b| b.item.tekst.clone()).collect(),
        gemeenten: p.gemeenten.clone(),
    }
}

/// The glossary entries whose abbreviation occurs as a word in the document, alphabetically.
pub fn used_abbreviations(prog: &Programme, view: &impl Serialize) -> Vec<df::Afkorting> {
    let json = serde_json::to_value(view).unwrap_or_default();
    let mut words = BTreeSet::new();
    collect_words(&json, &mut words);
    prog.afkortingen.iter().filter(|a| words.contains(a.afkorting.as_str())).cloned().collect()
}

fn collect_words(v: &serde_json::Value, out: &mut BTreeSet<String>) {
    match v {
        serde_json::Value::String(s) => {
            for w in s.split(|c: char| !c.is_alphanumeric()) {
                if !w.is_empty() {
                    out.insert(w.to_string());
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_words(x, out)),
        serde_json::Value::Object(o) => {
            o.iter().filter(|(k, _)| *k != "afkortingen").for_each(|(_, x)| collect_words(x, out))
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- regioplan

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

pub fn regioplan(prog: &Programme, sel: &RegioplanSelection, bron: &Provenance) -> Option<RegioplanView> {
    let plan = prog.regioplan.as_ref()?;
    let whole = sel.themalijn.is_none() && sel.project.is_none();
    let project_filter = |p: &Project| match &sel.project {
        Some(id) => &p.id == id,
        None => sel.met_latere_projecten || p.toegevoegd_na_regioplan.is_none(),
    };
    let themalijnen: Vec<RegioplanThemalijn> = prog
        .themalijnen
        .iter()
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
                    naam: p.naam.clone(),
                    hoofdproject: p.hoofdproject.as_deref().and_then(|h| prog.project(h)).map(|h| h.naam.clone()),
                    toegevoegd_na_regioplan: p.toegevoegd_na_regioplan.map(|m| m.dutch()),
                    regioplan: p.regioplan.clone(),
                    heeft_tekst: p.regioplan_has_text(),
                })
                .collect(),
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

impl Project {
    pub fn regioplan_has_text(&self) -> bool {
        let r = &self.regioplan;
        [&r.doel, &r.aanleiding, &r.aanpak, &r.inwonerparticipatie, &r.effect_voor_de_inwoner, &r.raakvlakken]
            .iter()
            .any(|x| x.is_some())
    }
}

// ---------------------------------------------------------------- nieuwsbrief

#[derive(Debug, Serialize)]
pub struct Update {
    /// Heading of the update (the result's `kop`, or the project's newsletter name).
    pub kop: String,
    /// A subproject's update, shown under its parent's heading.
    pub sub: bool,
    pub teksten: Vec<Markdown>,
}

#[derive(Debug, Serialize)]
pub struct ThemaUpdates {
    pub naam: String,
    pub updates: Vec<Update>,
}

#[derive(Debug, Serialize)]
pub struct LinkView {
    pub tekst: String,
    pub url: String,
}

#[derive(Debug, Serialize)]
pub struct NieuwsbriefView {
    pub titel: String,
    pub editie: String,
    pub editie_nl: String,
    pub preheader: String,
    pub programma: ProgrammeInfo,
    pub inleiding: Option<Markdown>,
    pub highlights: Option<Markdown>,
    pub items: Vec<df::NieuwsbriefItem>,
    pub uitgelicht: Option<df::NieuwsbriefItem>,
    pub themas: Vec<ThemaUpdates>,
    pub slot_titel: Option<String>,
    pub slot_tekst: Option<Markdown>,
    pub lees_meer_url: Option<String>,
    pub links: Vec<LinkView>,
    pub afzender: Option<String>,
    /// Merge tags of the mailing tool, passed through verbatim.
    pub tag_email: String,
    pub tag_afmelden: String,
    pub tag_voorkeuren: String,
    pub tag_webversie: String,
    pub bron: Provenance,
}

/// The merge-tag syntax of the mailing tool that sends the e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum MergeTags {
    /// {{email}}, {{unsubscribe}}, {{preferences}}, {{webversion}} (Laposta-, Brevo-style).
    #[default]
    Braces,
    /// *|EMAIL|*, *|UNSUB|*, *|UPDATE_PROFILE|*, *|ARCHIVE|* (Mailchimp).
    Mailchimp,
}

impl MergeTags {
    fn tags(self) -> [&'static str; 4] {
        match self {
            MergeTags::Braces => ["{{email}}", "{{unsubscribe}}", "{{preferences}}", "{{webversion}}"],
            MergeTags::Mailchimp => ["*|EMAIL|*", "*|UNSUB|*", "*|UPDATE_PROFILE|*", "*|ARCHIVE|*"],
        }
    }
}

/// The updates of an edition: results dated in its period, grouped per themalijn, a subproject's
/// under its parent; in the edition's project order when it gives one, else in table order.
pub fn nieuwsbrief(
    prog: &Programme,
    editie: &crate::model::Editie,
    tags: MergeTags,
    bron: &Provenance,
) -> NieuwsbriefView {
    let period = editie.periode;
    let chosen: Option<&Vec<String>> = editie.data.projecten.as_ref();
    let mut themas = Vec::new();
    for t in &prog.themalijnen {
        let mut order: Vec<&Project> = match chosen {
            Some(ids) => ids.iter().filter_map(|id| t.projecten.iter().find(|p| &p.id == id)).collect(),
            None => t.projecten.iter().collect(),
        };
        order.retain(|p| p.resultaten_in(&period).any(|r| r.nieuwsbrief));
        let mut updates = Vec::new();
        for p in order {
            let results: Vec<_> = p.resultaten_in(&period).filter(|r| r.nieuwsbrief).collect();
            // Consecutive results with the same heading form one update.
            let mut cur: Option<Update> = None;
            for r in results {
                let kop = r.kop.clone().unwrap_or_else(|| p.nieuwsbriefnaam.clone());
                match &mut cur {
                    Some(u) if u.kop == kop => u.teksten.push(r.tekst.clone()),
                    _ => {
                        if let Some(u) = cur.take() {
                            updates.push(u);
                        }
                        cur = Some(Update { kop, sub: false, teksten: vec![r.tekst.clone()] });
                    }
                }
            }
            if let Some(u) = cur {
                updates.push(u);
            }
        }
        if !updates.is_empty() {
            themas.push(ThemaUpdates { naam: t.naam.clone(), updates });
        }
    }
    let settings = prog.nieuwsbrief.as_ref();
    let mut links = Vec::new();
    if let Some(w) = &prog.website {
        links.push(LinkView { tekst: programme_info(prog).website_kort.unwrap_or_else(|| w.clone()), url: w.clone() });
    }
    if let Some(l) = &prog.linkedin {
        links.push(LinkView { tekst: format!("LinkedIn {}", prog.naam), url: l.clone() });
    }
    let [tag_email, tag_afmelden, tag_voorkeuren, tag_webversie] = tags.tags().map(String::from);
    let preheader = editie.data.preheader.clone().unwrap_or_else(|| {
        let plain =
            editie.data.highlights.as_deref().map(|h| crate::markdown::to_plain(h, usize::MAX / 2)).unwrap_or_default();
        plain.chars().take(140).collect()
    });
    NieuwsbriefView {
        titel: editie.data.titel.clone(),
        editie: period.id(),
        editie_nl: period.dutch(),
        preheader,
        programma: programme_info(prog),
        inleiding: editie.data.inleiding.clone(),
        highlights: editie.data.highlights.clone(),
        items: editie.data.items.clone(),
        uitgelicht: editie.data.uitgelicht.clone(),
        themas,
        slot_titel: settings.map(|s| s.slot_titel.clone()),
        slot_tekst: settings.map(|s| s.slot_tekst.clone()),
        lees_meer_url: settings.and_then(|s| s.lees_meer_url.clone()).or_else(|| prog.website.clone()),
        links,
        afzender: settings.and_then(|s| s.afzender.clone()),
        tag_email,
        tag_afmelden,
        tag_voorkeuren,
        tag_webversie,
        bron: bron.clone(),
    }
}
