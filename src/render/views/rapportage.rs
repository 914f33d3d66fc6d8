//! The tussentijdse rapportage of a half year.

use super::{InteressantView, ProgrammeInfo, Provenance, interessant, programme_info};
use crate::core::dates::{Einde, Period};
use crate::core::document::{DocumentKind, DocumentPeriod};
use crate::core::phase::{Fase, Ladder};
use crate::model::changes::{Stand, Wijzigingen};
use crate::model::content::KaderPlaats;
use crate::model::content::{self, Markdown, VoetnootBij};
use crate::model::{Programme, Project, Themalijn};
use crate::render::chart::{self, Grafiek};
use crate::render::{Content, Document, RenderError};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Sport {
    pub naam: String,
    /// The project is in this phase.
    pub actief: bool,
    /// The project has passed this phase.
    pub voorbij: bool,
}

fn ladder(ladder: &Ladder, fase: Option<&Fase>) -> Vec<Sport> {
    ladder
        .all()
        .iter()
        .map(|f| Sport {
            naam: f.name().to_string(),
            actief: Some(f) == fase,
            voorbij: fase.is_some_and(|cur| f < cur),
        })
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
    /// The phase at the end of the period as the data states it; an older one with its date.
    pub fase: Option<String>,
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
    pub noten: Vec<Noot>,
}

/// One part of a project page, in page order.
#[derive(Debug, Serialize)]
#[serde(tag = "soort", rename_all = "snake_case")]
pub enum Blok {
    /// A note under the phase ladder, without a heading.
    Toelichting {
        tekst: Markdown,
    },
    Doelstelling {
        tekst: Markdown,
    },
    /// "Gerealiseerde resultaten": every result reported in the period, in the source's order.
    Resultaten {
        items: Vec<Markdown>,
    },
    /// A note under its own heading ("Bijzonderheden", "Opmerking").
    Bijzonderheden {
        kop: String,
        tekst: Markdown,
    },
    Kader(InteressantView),
}

#[derive(Debug, Serialize)]
pub struct ProjectPagina {
    pub id: String,
    pub naam: String,
    pub hoofdproject: Option<String>,
    /// The phase at the end of the period as the data states it; an older one with its date.
    pub fase: Option<String>,
    /// False while no phase is recorded for the project at all.
    pub fase_vastgelegd: bool,
    pub ladder: Vec<Sport>,
    /// Why the project went back to its current phase, when it did.
    pub terugstap: Option<String>,
    pub start: String,
    pub einde: String,
    /// The page below the phase ladder, in order.
    pub blokken: Vec<Blok>,
}

#[derive(Debug, Serialize)]
pub struct ThemalijnRapportage {
    pub id: String,
    pub naam: String,
    pub introductie: Option<Markdown>,
    pub ambitie: Option<Markdown>,
    /// The figure of the themalijn's ambition, when the data has one.
    pub ambitie_figuur: Option<super::FiguurView>,
    /// Projects in the table: main projects and subprojects.
    pub aantal_projecten: usize,
    pub aantal_subprojecten: usize,
    /// "7 projecten", "5 projecten en 6 subprojecten".
    pub aantal_tekst: String,
    pub tabel: Tabel,
    /// The phase timeline of the table's projects.
    pub tijdlijn: Grafiek,
    pub projecten: Vec<ProjectPagina>,
    pub lokale_inzet: Option<Markdown>,
    pub lokale_inzet_interessant: Vec<InteressantView>,
}

#[derive(Debug, Serialize)]
pub struct FaseUitleg {
    pub naam: String,
    pub vraag: Option<String>,
    pub definitie: Option<Markdown>,
}

#[derive(Debug, Serialize)]
pub struct RapportageView {
    pub titel: String,
    /// A draft of a period koers.yaml does not declare: "CONCEPT" in the title and on every page.
    pub concept: bool,
    pub programma: ProgrammeInfo,
    pub periode: String,
    pub periode_nl: String,
    /// The cover's publication line: "oktober 2024 | Publieksversie" (none for a draft).
    pub publicatie: Option<String>,
    /// The day it was published, where known: the PDF's creation date.
    #[serde(skip)]
    pub dag: Option<chrono::NaiveDate>,
    pub voorwoord: Option<Markdown>,
    pub ondertekening: Option<content::Ondertekening>,
    pub algemene_informatie: Option<Markdown>,
    pub programmaorganisatie: Option<Markdown>,
    /// The boxes after "Algemene informatie", after "Programmaorganisatie algemeen" and at the end.
    pub kaders_algemene_informatie: Vec<InteressantView>,
    pub kaders_programmaorganisatie_begin: Vec<InteressantView>,
    pub kaders_programmaorganisatie: Vec<InteressantView>,
    pub kaders_definities: Vec<InteressantView>,
    /// "In één oogopslag": the projects per phase at the end of the period.
    pub overzicht: Grafiek,
    /// "Wat is er veranderd sinds de vorige rapportage" (none for the first rapportage).
    pub wijzigingen: Option<Wijzigingen>,
    pub themalijnen: Vec<ThemalijnRapportage>,
    pub afkortingen: Vec<content::Afkorting>,
    pub fasen: Vec<FaseUitleg>,
    pub bron: Provenance,
}

/// Build the numbered notes of a project table.
struct NoteNumbering {
    prefix: String,
    texts: Vec<String>,
}

impl NoteNumbering {
    fn noot(&self, nummer: usize, eerste: bool) -> Noot {
        Noot {
            nummer,
            sterren: "*".repeat(nummer),
            tekst: self.texts[nummer - 1].clone(),
            eerste,
            label: format!("{}-{nummer}", self.prefix),
        }
    }

    fn mark(&mut self, text: &str) -> Noot {
        match self.texts.iter().position(|t| t == text) {
            Some(i) => self.noot(i + 1, false),
            None => {
                self.texts.push(text.to_string());
                self.noot(self.texts.len(), true)
            }
        }
    }

    fn all(&self) -> Vec<Noot> {
        (1..=self.texts.len()).map(|n| self.noot(n, true)).collect()
    }
}

fn project_table(prog: &Programme, t: &Themalijn, projects: &[&Project], periode: Period) -> Tabel {
    let mut notes = NoteNumbering { prefix: format!("noot-{}", t.id), texts: vec![] };
    let mut doorlopend_marked = false;
    let mut rijen = Vec::new();
    for p in projects {
        let mut rij = TabelRij {
            id: p.id.clone(),
            naam: p.tabelnaam.clone(),
            subproject: p.is_subproject(),
            fase: Some(chart::fase_cel(p, &periode)).filter(|c| c != "–"),
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

/// The rapportage of a half year as a document: its view, title, file stem and charts.
pub(crate) fn document(
    prog: &Programme,
    periode: Period,
    concept: bool,
    bron: &Provenance,
) -> Result<Document, RenderError> {
    let view = rapportage(prog, periode, concept, bron);
    let concept = view.concept;
    let suffix = if concept { " (CONCEPT)" } else { "" };
    let stem_suffix = if concept { "-concept" } else { "" };
    Ok(Document {
        kind: DocumentKind::Rapportage,
        grafieken: view.grafieken().into_iter().cloned().collect(),
        content: Content::Tree(Box::new(tree(&view))),
        period: DocumentPeriod::Months(periode),
        draft: concept,
        title: format!("Tussentijdse rapportage {}{suffix}", periode.dutch().to_lowercase()),
        stem: format!("rapportage/tussentijdse-rapportage-{}{stem_suffix}", periode.id()),
        afbeeldingen: vec![],
        figuren: view.themalijnen.iter().filter_map(|t| t.ambitie_figuur.clone()).collect(),
        bericht: None,
        dag: view.dag,
    })
}

/// The rapportage's view of a half year: its chapters, its themalijnen with their projects' pages,
/// its boxes and charts.
///
/// Long because the view is one struct literal with a field per part of the document; each field is
/// computed in a line or a few.
pub fn rapportage(prog: &Programme, period: Period, concept: bool, bron: &Provenance) -> RapportageView {
    let rapportage = prog.rapportages.iter().find(|r| r.periode == period);
    // The publication date: --date, else the data's; without one the rapportage is a draft.
    let gepubliceerd = rapportage.and_then(|r| r.gepubliceerd);
    let datum = bron.documentdatum.map(crate::core::dates::Datum::Day).or(gepubliceerd);
    let concept = concept || datum.is_none();
    let publicatie = datum.map(|d| match rapportage.and_then(|r| r.versie.as_deref()) {
        Some(v) => format!("{} | {v}", d.dutch()),
        None => d.dutch(),
    });
    let kaders = |plaats: KaderPlaats| -> Vec<InteressantView> {
        rapportage
            .map(|r| r.kaders.iter().filter(|k| k.plaats == Some(plaats)).map(interessant).collect())
            .unwrap_or_default()
    };
    let alle: Vec<&Project> = prog.projects().filter(|p| p.in_rapportage(&period)).collect();
    let as_ = chart::Tijdas::voor(prog, &alle, period);
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
                ambitie_figuur: t
                    .ambitie_figuur
                    .as_ref()
                    .map(|f| super::FiguurView::new(f, &format!("ambitie-{}", t.id), "rapportage")),
                aantal_projecten: projects.iter().filter(|p| !p.is_subproject()).count(),
                aantal_subprojecten: projects.iter().filter(|p| p.is_subproject()).count(),
                aantal_tekst: aantal_tekst(&projects),
                tabel: project_table(prog, t, &projects, period),
                tijdlijn: chart::tijdlijn(prog, t, &projects, period, as_),
                projecten: t
                    .paginavolgorde
                    .iter()
                    .filter_map(|id| projects.iter().find(|p| &p.id == id))
                    .map(|p| project_page(prog, p, &period))
                    .collect(),
                lokale_inzet: lokale.map(|l| l.tekst.clone()),
                lokale_inzet_interessant: lokale
                    .map(|l| l.kaders.iter().map(interessant).collect())
                    .unwrap_or_default(),
            })
        })
        .collect();
    let mut view = RapportageView {
        titel: if concept { "Tussentijdse rapportage (CONCEPT)".into() } else { "Tussentijdse rapportage".into() },
        concept,
        programma: programme_info(prog),
        periode: period.id(),
        periode_nl: period.dutch(),
        publicatie,
        dag: datum.and_then(crate::core::dates::Datum::day),
        voorwoord: rapportage.and_then(|r| r.voorwoord.clone()),
        ondertekening: rapportage.and_then(|r| r.ondertekening.clone()),
        algemene_informatie: rapportage.and_then(|r| r.algemene_informatie.clone()),
        programmaorganisatie: rapportage.and_then(|r| r.programmaorganisatie.clone()),
        kaders_algemene_informatie: kaders(KaderPlaats::AlgemeneInformatie),
        kaders_programmaorganisatie_begin: kaders(KaderPlaats::ProgrammaorganisatieBegin),
        kaders_programmaorganisatie: kaders(KaderPlaats::Programmaorganisatie),
        kaders_definities: kaders(KaderPlaats::Definities),
        overzicht: chart::fasenverdeling(
            &Stand::rapportage(prog, period),
            &format!("fasen-{}", period.id()),
            &format!("stand eind {}", period.last.dutch()),
        ),
        wijzigingen: crate::model::changes::sinds_vorige_rapportage(prog, period),
        themalijnen,
        afkortingen: vec![],
        fasen: prog
            .fasen
            .iter()
            .map(|f| FaseUitleg { naam: f.naam.clone(), vraag: f.vraag.clone(), definitie: f.definitie.clone() })
            .collect(),
        bron: bron.clone(),
    };
    // The rapportage prints the whole glossary of the data, as seed 003 does (the regioplan only
    // the abbreviations it uses).
    view.afkortingen = prog.afkortingen.clone();
    view
}

impl RapportageView {
    /// Every chart of the document, in document order.
    pub fn grafieken(&self) -> Vec<&Grafiek> {
        std::iter::once(&self.overzicht).chain(self.themalijnen.iter().map(|t| &t.tijdlijn)).collect()
    }
}

fn aantal_tekst(projects: &[&Project]) -> String {
    let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let sub = projects.iter().filter(|p| p.is_subproject()).count();
    let main = count(projects.len() - sub, "project", "projecten");
    if sub == 0 { main } else { format!("{main} en {}", count(sub, "subproject", "subprojecten")) }
}

fn project_page(prog: &Programme, p: &Project, period: &Period) -> ProjectPagina {
    let fase = p.fase_op(period.last);
    let fase_tekst = Some(chart::fase_cel(p, period)).filter(|c| c != "–");
    let in_period = |n: &&crate::model::Notitie| n.periode == *period;
    let mut blokken: Vec<Blok> =
        p.toelichting.iter().filter(in_period).map(|n| Blok::Toelichting { tekst: n.tekst.clone() }).collect();
    if let Some(d) = &p.doelstelling {
        blokken.push(Blok::Doelstelling { tekst: d.clone() });
    }
    blokken.push(Blok::Resultaten { items: p.resultaten_in_rapportage(*period).map(|r| r.tekst.clone()).collect() });
    blokken.extend(p.bijzonderheden.iter().filter(in_period).map(|n| Blok::Bijzonderheden {
        kop: n.kop.clone().unwrap_or_else(|| "Bijzonderheden".into()),
        tekst: n.tekst.clone(),
    }));
    blokken.extend(p.interessant.iter().filter(|(h, _)| h == period).map(|(_, k)| Blok::Kader(interessant(k))));
    ProjectPagina {
        id: p.id.clone(),
        naam: p.naam.clone(),
        hoofdproject: p.hoofdproject.as_deref().and_then(|h| prog.project(h)).map(|h| h.naam.clone()),
        fase: fase_tekst,
        fase_vastgelegd: !p.fasen.is_empty(),
        ladder: ladder(&prog.ladder, fase.as_ref()),
        terugstap: p.current_step(period.last).and_then(|s| s.reden.clone()),
        start: p.start.table(),
        einde: p.einde.table(),
        blokken,
    }
}

// ---------------------------------------------------------------------------------------------
// The document tree

use super::tree::{self as t, Teksten};
use crate::render::doc::{self, Block, Inline, SectionKind};

/// A table note as inlines: the note itself at its first mark, a reference to it after.
fn noten(list: &[Noot]) -> Vec<Inline> {
    list.iter()
        .map(|n| {
            if n.eerste {
                Inline::Footnote { id: n.label.clone(), content: vec![t::alinea(n.tekst.as_str())] }
            } else {
                Inline::FootnoteRef { id: n.label.clone() }
            }
        })
        .collect()
}

fn cel(mut content: Vec<Inline>, notes: &[Noot]) -> Vec<Block> {
    content.extend(noten(notes));
    vec![Block::paragraph(content)]
}

fn project_tabel(th: &ThemalijnRapportage) -> Block {
    let mut table = doc::Table::with_headers(&["Project", "Fase", "Startdatum", "Einddatum"]);
    table.caption = Some(doc::text(format!(
        "Projecten van de themalijn {}, met hun fase volgens deze rapportage",
        th.naam.to_lowercase()
    )));
    table.row_headers = true;
    for r in &th.tabel.rijen {
        let naam =
            vec![Inline::InternalLink { anchor: format!("project-{}", r.id), content: doc::text(r.naam.as_str()) }];
        table.rows.push(doc::Row {
            style: if r.subproject { doc::RowStyle::Sub } else { doc::RowStyle::Normal },
            cells: vec![
                cel(naam, &r.noten_naam),
                cel(doc::text(r.fase.as_deref().unwrap_or("–")), &r.noten_fase),
                cel(doc::text(r.start.as_str()), &r.noten_start),
                cel(doc::text(r.einde.as_str()), &r.noten_einde),
            ],
        });
    }
    Block::Table(table)
}

fn project(p: &ProjectPagina, tk: &Teksten) -> Block {
    let label = match &p.hoofdproject {
        Some(h) => format!("Subproject van {h}"),
        None => "Project".to_string(),
    };
    let anchor = format!("project-{}", p.id);
    let mut content = vec![t::kop_met_label(3, &p.naam, Some(&anchor), &label)];
    content.push(Block::PhaseLadder {
        steps: p
            .ladder
            .iter()
            .map(|s| doc::PhaseStep {
                name: s.naam.to_string(),
                state: if s.actief {
                    doc::StepState::Current
                } else if s.voorbij {
                    doc::StepState::Passed
                } else {
                    doc::StepState::Upcoming
                },
            })
            .collect(),
    });
    let fase = match (&p.fase, p.fase_vastgelegd) {
        (Some(f), _) => f.clone(),
        (None, true) => "nog niet gestart".into(),
        (None, false) => "nog niet vastgelegd".into(),
    };
    let mut regel = doc::text("Huidige fase: ");
    regel.push(Inline::Strong { content: doc::text(fase) });
    regel.push(Inline::text(format!(" · Startdatum {} · Einddatum {}", p.start, p.einde)));
    if let Some(r) = &p.terugstap {
        regel.push(Inline::LineBreak);
        regel.push(Inline::text(format!("Teruggegaan naar deze fase: {r}")));
    }
    content.push(t::alinea_stijl(doc::ParagraphStyle::Small, regel));
    for b in &p.blokken {
        match b {
            Blok::Toelichting { tekst } => content.extend(tk.md(tekst, 4)),
            Blok::Doelstelling { tekst } => {
                content.push(t::tussenkop(4, "Doelstelling"));
                content.extend(tk.md(tekst, 5));
            }
            Blok::Resultaten { items } => {
                content.push(t::tussenkop(4, "Gerealiseerde resultaten"));
                if items.is_empty() {
                    content.push(t::alinea_stijl(
                        doc::ParagraphStyle::Muted,
                        doc::text("Geen resultaten gemeld in deze periode."),
                    ));
                } else {
                    content.push(Block::List {
                        ordered: false,
                        start: 1,
                        style: doc::ListStyle::Results,
                        items: items.iter().map(|r| tk.md(r, 5)).collect(),
                    });
                }
            }
            Blok::Bijzonderheden { kop, tekst } => {
                content.push(t::tussenkop(4, kop));
                content.extend(tk.md(tekst, 5));
            }
            Blok::Kader(k) => content.push(t::kader(k, tk)),
        }
    }
    t::sectie(SectionKind::Project, &anchor, content)
}

fn wijzigingen(w: &Wijzigingen) -> Vec<Block> {
    let link =
        |id: &str, naam: &str| Inline::InternalLink { anchor: format!("project-{id}"), content: doc::text(naam) };
    let lijst = |items: Vec<Vec<Inline>>| Block::List {
        ordered: false,
        start: 1,
        style: doc::ListStyle::Default,
        items: items.into_iter().map(|i| vec![Block::paragraph(i)]).collect(),
    };
    let mut out = vec![t::alinea(format!("Vergeleken met {}: {}.", w.sinds, w.samenvatting))];
    for th in &w.themalijnen {
        out.push(t::kop(2, &format!("Themalijn {}", th.naam.to_lowercase()), None));
        if !th.fasestappen.is_empty() {
            out.push(t::tussenkop(3, "Naar een andere fase"));
            out.push(lijst(
                th.fasestappen
                    .iter()
                    .map(|f| {
                        let mut s = format!(": {} → {}", f.van.as_deref().unwrap_or("–"), f.naar);
                        if let Some(m) = &f.sinds {
                            s.push_str(&format!(" (sinds {m})"));
                        }
                        if f.terug {
                            s.push_str("; een stap terug");
                            if let Some(r) = &f.reden {
                                s.push_str(&format!(": {r}"));
                            }
                        }
                        vec![link(&f.id, &f.naam), Inline::text(s)]
                    })
                    .collect(),
            ));
        }
        if !th.nieuw.is_empty() {
            out.push(t::tussenkop(3, "Nieuwe projecten"));
            out.push(lijst(th.nieuw.iter().map(|p| vec![link(&p.id, &p.naam)]).collect()));
        }
        if !th.beeindigd.is_empty() {
            out.push(t::tussenkop(3, "Beëindigde projecten"));
            out.push(lijst(
                th.beeindigd
                    .iter()
                    .map(|p| doc::text(format!("{} (einddatum {})", p.naam, p.einde.as_deref().unwrap_or("–"))))
                    .collect(),
            ));
        }
        if !th.zonder_resultaten.is_empty() {
            out.push(t::tussenkop(3, "Lopende projecten zonder resultaten in deze periode"));
            out.push(lijst(th.zonder_resultaten.iter().map(|p| vec![link(&p.id, &p.naam)]).collect()));
        }
    }
    out
}

/// The rapportage as a document tree: what every format shows, in order.
///
/// Long because it lists the document's parts in reading order, each a few lines: the order of the
/// function is the order of the document.
pub fn tree(view: &RapportageView) -> doc::Document {
    let tk = Teksten::new(&view.afkortingen);
    let mut m = t::metadata("rapportage", &view.titel, &view.programma, &view.bron);
    m.period = Some(view.periode_nl.clone());
    m.publication = view.publicatie.clone();
    m.date = view.dag;
    m.draft = view.concept;
    m.contents_depth = 2;
    let kaders = |list: &[InteressantView]| -> Vec<Block> { list.iter().map(|k| t::kader(k, &tk)).collect() };
    let mut blocks = Vec::new();
    if let Some(v) = &view.voorwoord {
        let mut c = tk.md(v, 2);
        if let Some(o) = &view.ondertekening {
            c.push(Block::Signature { names: o.namen.clone(), roles: o.functies.clone() });
        }
        blocks.push(t::hoofdstuk("voorwoord", "Voorwoord", c));
    }
    blocks.push(t::hoofdstuk(
        "overzicht",
        "Het programma in één oogopslag",
        vec![
            t::alinea(
                "Hoeveel projecten staan aan het einde van de periode in elke fase, per themalijn en in totaal. Het cijfer in de balk is het aantal projecten; de volgorde van links naar rechts is de volgorde van de fasen.",
            ),
            t::grafiek(&view.overzicht, doc::ChartPlacement::Inline),
        ],
    ));
    if let Some(w) = &view.wijzigingen {
        blocks.push(t::hoofdstuk("wijzigingen", "Wat is er veranderd sinds de vorige rapportage", wijzigingen(w)));
    }
    if let Some(a) = &view.algemene_informatie {
        let mut c = tk.md(a, 2);
        c.extend(kaders(&view.kaders_algemene_informatie));
        blocks.push(t::hoofdstuk("algemene-informatie", "Algemene informatie", c));
    }
    if let Some(p) = &view.programmaorganisatie {
        let mut c = vec![t::alinea_stijl(doc::ParagraphStyle::Muted, doc::text(view.periode_nl.as_str()))];
        c.extend(kaders(&view.kaders_programmaorganisatie_begin));
        c.extend(tk.md(p, 2));
        c.extend(kaders(&view.kaders_programmaorganisatie));
        blocks.push(t::hoofdstuk("programmaorganisatie", "Programmaorganisatie algemeen", c));
    }
    for th in &view.themalijnen {
        let anchor = format!("themalijn-{}", th.id);
        let mut c = vec![t::kop_met_label(1, &th.naam, Some(&anchor), "Themalijn")];
        for text in [&th.introductie, &th.ambitie].into_iter().flatten() {
            c.extend(tk.md(text, 2));
        }
        if let Some(f) = &th.ambitie_figuur {
            c.push(t::alinea(format!(
                "In het figuur hieronder staat de ambitie van de themalijn {}. Deze is vertaald naar doelstellingen die we willen bereiken.",
                th.naam.to_lowercase()
            )));
            c.push(t::figuur(f, &format!("ambitie-{}", th.id)));
        }
        c.push(t::alinea(format!(
            "We werken aan dit thema met {}. Het overzicht van deze projecten staat in de tabel op de volgende pagina.",
            th.aantal_tekst
        )));
        let mut zie = doc::text("Op de ");
        zie.push(Inline::Strong { content: doc::text("projectpagina's") });
        zie.push(Inline::text(" lees je meer over de voortgang van de projecten."));
        c.push(Block::paragraph(zie));
        // The timeline at the foot of the themalijn's first page (the seed has its ambition
        // figure there), else at the foot of the next.
        c.push(t::grafiek(&th.tijdlijn, doc::ChartPlacement::Bottom));
        c.push(Block::Break { kind: doc::BreakKind::Page });
        let mut uitleg = doc::text("Benieuwd naar de definities die we gebruiken voor de verschillende fases? ");
        uitleg.push(Inline::InternalLink {
            anchor: "definities".into(),
            content: doc::text("Klik hier voor de uitleg."),
        });
        c.push(Block::paragraph(uitleg));
        c.push(project_tabel(th));
        c.push(t::kop(2, "Terugblikken projecten", None));
        c.extend(th.projecten.iter().map(|p| project(p, &tk)));
        if let Some(l) = &th.lokale_inzet {
            c.push(t::kop(2, "Lokale inzet", None));
            c.extend(tk.md(l, 3));
            c.extend(kaders(&th.lokale_inzet_interessant));
        }
        blocks.push(t::sectie(SectionKind::Chapter, &anchor, c));
    }
    blocks.push(t::hoofdstuk(
        "afkortingen",
        "Afkortingen",
        vec![t::afkortingen(&view.afkortingen, "De afkortingen in deze rapportage en hun betekenis")],
    ));
    let mut d = vec![Block::Definitions {
        items: view
            .fasen
            .iter()
            .filter_map(|f| {
                let def = f.definitie.as_ref()?;
                let term = match &f.vraag {
                    Some(v) => format!("{} ({v})", f.naam),
                    None => f.naam.to_string(),
                };
                Some(doc::Definition { term: doc::text(term), description: tk.md(def, 4) })
            })
            .collect(),
    }];
    d.extend(kaders(&view.kaders_definities));
    // As in seed 003: right after the glossary, on its page.
    d.insert(0, t::kop(1, "Definities projectfasering", Some("definities")));
    blocks.push(t::sectie(SectionKind::Part, "definities", d));
    doc::Document { metadata: m, blocks }
}
