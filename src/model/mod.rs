//! Layer 3 — model: a checked data set resolved into one typed [`Programme`], with the queries
//! every document shares ([`changes`] between dates, the [`status`] of each project) and the
//! [`informatiepakket`]'s totals computed. [`checked`] runs load → check → model in one call.
//!
//! Imports: `check`, `load` and `core`.
//!
//! Stage 3 — model: the validated data resolved into one ordered, cross-linked programme.
//!
//! Everything a document needs is computed here once (phase at a date, results of a period,
//! projects in table order with their subprojects), so templates receive data already grouped
//! and ordered.

pub mod changes;
pub mod checked;
pub mod content;
pub mod editie;
pub mod informatiepakket;
pub mod status;

use crate::core::dates::{Day, Einde, Month, Parsed, Period, Start};
use crate::core::phase::{Fase, Ladder};
use crate::load::DataSet;
use crate::load::data_files::{self as df, Markdown};
pub use editie::Editie;
use serde::Serialize;

/// A rule validation should have enforced that does not hold in a data set given to the model:
/// a defect of koers, reported, never a document that silently leaves something out.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Unresolved(pub String);

#[derive(Debug, Clone)]
pub struct Programme {
    pub naam: String,
    pub regio: String,
    pub website: Option<String>,
    pub email: Option<String>,
    pub linkedin: Option<String>,
    pub werkagenda_einde: Month,
    pub doorlopend_uitleg: Option<String>,
    pub gemeenten: Vec<String>,
    /// Words that look like abbreviations but need no glossary entry.
    pub geen_afkortingen: Vec<String>,
    pub eigenaren: Vec<String>,
    pub organisatie: Vec<content::Orgaan>,
    pub fasen: Vec<content::FaseDefinitie>,
    /// The phase ladder of `fasen`: its names in its order.
    pub ladder: Ladder,
    /// The house style's colours (`huisstijl.kleuren`; those left out keep koers' defaults).
    pub kleuren: content::Kleuren,
    /// The logo (`huisstijl.logo`): a PNG or SVG read and checked when the data loaded, with its
    /// alt text (`logo_alt`, else "Logo van" and the programme's name).
    pub logo: Option<crate::load::figure::Figuur>,
    /// Sorted alphabetically (case-insensitive).
    pub afkortingen: Vec<content::Afkorting>,
    pub nieuwsbrief: Option<editie::NieuwsbriefInstellingen>,
    pub toegankelijkheid: Option<Toegankelijkheid>,
    pub rapportages: Vec<Rapportage>,
    pub regioplan: Option<Regioplan>,
    pub informatiepakket: Option<crate::model::informatiepakket::Informatiepakket>,
    /// In `volgorde`.
    pub themalijnen: Vec<Themalijn>,
    /// In edition order.
    pub edities: Vec<Editie>,
}

#[derive(Debug, Clone)]
pub struct Rapportage {
    pub periode: Period,
    /// The day or month it was published, where the data gives one.
    pub gepubliceerd: Option<crate::core::dates::Datum>,
    /// Shown beside the date on the cover, e.g. "Publieksversie".
    pub versie: Option<String>,
    pub voorwoord: Option<Markdown>,
    pub ondertekening: Option<content::Ondertekening>,
    pub algemene_informatie: Option<Markdown>,
    pub programmaorganisatie: Option<Markdown>,
    /// The boxes beside its own texts (those that show something).
    pub kaders: Vec<content::Kader>,
}

impl Rapportage {
    /// The rapportage of koers.yaml's entry: its dates converted, its boxes made once.
    fn of(r: &df::RapportageTeksten) -> Result<Rapportage, Unresolved> {
        Ok(Rapportage {
            periode: valid(r.periode, || "a rapportage's period".into())?.0,
            gepubliceerd: r.gepubliceerd.and_then(Parsed::valid),
            kaders: content::Kader::all(&r.interessant),
            versie: r.versie.clone(),
            voorwoord: r.voorwoord.clone(),
            ondertekening: r.ondertekening.clone(),
            algemene_informatie: r.algemene_informatie.clone(),
            programmaorganisatie: r.programmaorganisatie.clone(),
        })
    }
}

/// The regioplan: its title, years, month of adoption (where the data gives it) and chapters.
#[derive(Debug, Clone)]
pub struct Regioplan {
    pub titel: String,
    /// The years it covers, as written (2024-2026).
    pub periode: String,
    pub vastgesteld: Option<Month>,
    pub hoofdstukken: Vec<content::Hoofdstuk>,
}

/// What the municipalities did locally in a themalijn in a half year, with its boxes.
#[derive(Debug, Clone)]
pub struct LokaleInzet {
    pub tekst: Markdown,
    pub kaders: Vec<content::Kader>,
}

#[derive(Debug, Clone)]
pub struct Themalijn {
    pub id: String,
    pub naam: String,
    pub volgorde: u32,
    pub introductie: Option<Markdown>,
    pub ambitie: Option<Markdown>,
    /// The figure of the themalijn's ambition, read and checked when the data loaded.
    pub ambitie_figuur: Option<crate::load::figure::Figuur>,
    pub regioplan: content::ThemalijnRegioplan,
    pub financiering: Option<Markdown>,
    pub lokale_inzet: Vec<(Period, LokaleInzet)>,
    /// In table order.
    pub projecten: Vec<Project>,
    /// The ids of the projects in the order of their pages in the rapportage.
    pub paginavolgorde: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Project {
    pub id: String,
    pub naam: String,
    pub tabelnaam: String,
    pub nieuwsbriefnaam: String,
    pub themalijn: String,
    pub hoofdproject: Option<String>,
    pub toegevoegd_na_regioplan: Option<Month>,
    pub start: Start,
    pub einde: Einde,
    pub fasen: Vec<FaseStap>,
    pub voetnoten: Vec<content::Voetnoot>,
    pub doelstelling: Option<Markdown>,
    pub regioplan: content::ProjectRegioplan,
    /// In data order: the order the source reports them in.
    pub resultaten: Vec<Resultaat>,
    /// Notes before the doelstelling, per report period.
    pub toelichting: Vec<Notitie>,
    /// Notes after the results, per report period.
    pub bijzonderheden: Vec<Notitie>,
    /// Boxes at the end of the page, per report period.
    pub interessant: Vec<(Period, content::Kader)>,
}

/// A step of the phase history: the phase, and what the data says of when it held.
#[derive(Debug, Clone, Serialize)]
pub struct FaseStap {
    pub fase: Fase,
    /// The month it began, where a source states it.
    pub sinds: Option<Month>,
    /// The report that states it (a step without `sinds` always has one).
    #[serde(skip)]
    pub gemeld: Option<Gemeld>,
    pub reden: Option<String>,
    /// The first month the step is known to hold (see [`FaseStap::new`]).
    #[serde(skip)]
    bekend_vanaf: Month,
}

impl FaseStap {
    /// A step known from the month it began, else from the last month of the report that states
    /// it — never earlier: no phase is dated back to a project's start. `None` when it has neither.
    pub fn new(fase: Fase, sinds: Option<Month>, gemeld: Option<Gemeld>, reden: Option<String>) -> Option<FaseStap> {
        let bekend_vanaf = sinds.or(gemeld.map(|g| g.periode().last))?;
        Some(FaseStap { fase, sinds, gemeld, reden, bekend_vanaf })
    }

    /// The first month the step is known to hold.
    pub fn bekend_vanaf(&self) -> Month {
        self.bekend_vanaf
    }

    /// Whether the step dates itself (`sinds`), so that it holds from that month until the next
    /// step; a step known only from a report is a fact about that report's date.
    pub fn gedateerd(&self) -> bool {
        self.sinds.is_some()
    }
}

/// Where a result was reported: that is the document it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Gemeld {
    /// In the tussentijdse rapportage of this half year.
    Rapportage(Period),
    /// In this newsletter edition.
    Editie(Period),
}

impl Gemeld {
    /// The half year or edition.
    pub fn periode(self) -> Period {
        match self {
            Gemeld::Rapportage(p) | Gemeld::Editie(p) => p,
        }
    }

    /// "rapportage 2024-H1", "nieuwsbrief 2025-Q3".
    pub fn label(self) -> String {
        match self {
            Gemeld::Rapportage(p) => format!("rapportage {}", p.id()),
            Gemeld::Editie(e) => format!("nieuwsbrief {}", e.id()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Resultaat {
    pub gemeld: Gemeld,
    /// The month it happened, where a source states it.
    pub maand: Option<Month>,
    pub tekst: Markdown,
    pub kop: Option<String>,
}

/// A note on a project page of one report period.
#[derive(Debug, Clone)]
pub struct Notitie {
    pub periode: Period,
    pub kop: Option<String>,
    pub tekst: Markdown,
}

impl Project {
    /// The phase the project is in during month `m` (None before its first phase).
    pub fn fase_op(&self, m: Month) -> Option<Fase> {
        self.current_step(m).map(|s| s.fase.clone())
    }

    /// The step of the phase history in force during month `m`: the last one known from `m` or
    /// earlier (None before the first step is known).
    pub fn current_step(&self, m: Month) -> Option<&FaseStap> {
        self.fasen.iter().take_while(|s| s.bekend_vanaf() <= m).last()
    }

    /// The phase during the report of period `p` as far as the data knows it for that report: the
    /// step in force at its last month when the step is dated (`sinds`) or stated for a report
    /// within `p`; `None` when the latest thing known is an undated phase of an earlier report.
    pub fn fase_bekend_in(&self, p: &Period) -> Option<&FaseStap> {
        self.current_step(p.last).filter(|s| s.gedateerd() || s.bekend_vanaf() >= p.first)
    }

    /// The results reported in the rapportage of half year `p`, in data order.
    pub fn resultaten_in_rapportage(&self, p: Period) -> impl Iterator<Item = &Resultaat> {
        self.resultaten.iter().filter(move |r| r.gemeld == Gemeld::Rapportage(p))
    }

    /// The results reported in newsletter edition `e`, in data order.
    pub fn resultaten_in_editie(&self, e: Period) -> impl Iterator<Item = &Resultaat> {
        self.resultaten.iter().filter(move |r| r.gemeld == Gemeld::Editie(e))
    }

    /// Whether the project runs (at least partly) in `p`.
    pub fn loopt_in(&self, p: &Period) -> bool {
        let started = match self.start {
            Start::Month(s) => s <= p.last,
            Start::BeforeWerkagenda => true,
        };
        let not_ended = match self.einde {
            Einde::Month(e) => e >= p.first,
            _ => true,
        };
        started && not_ended
    }

    /// Whether the project belongs in the report of `p`: it runs then, or that report tells of
    /// it (a project formally added later but already at work).
    pub fn in_rapportage(&self, p: &Period) -> bool {
        self.loopt_in(p) || self.resultaten_in_rapportage(*p).next().is_some()
    }

    /// Whether the Regioplan describes this project.
    pub fn regioplan_has_text(&self) -> bool {
        let r = &self.regioplan;
        [&r.doel, &r.aanleiding, &r.aanpak, &r.inwonerparticipatie, &r.effect_voor_de_inwoner, &r.raakvlakken]
            .iter()
            .any(|x| x.is_some())
    }

    pub fn is_subproject(&self) -> bool {
        self.hoofdproject.is_some()
    }
}

/// The value of a text that parsed when it was loaded (the structural check reported every one
/// that did not, and a data set with errors is never resolved).
fn valid<T: Copy>(p: Parsed<T>, what: impl FnOnce() -> String) -> Result<T, Unresolved> {
    p.valid().ok_or_else(|| Unresolved(format!("{} did not parse", what())))
}

fn valid_opt<T: Copy>(p: Option<Parsed<T>>, what: impl FnOnce() -> String) -> Result<Option<T>, Unresolved> {
    p.map(|p| valid(p, what)).transpose()
}

/// The facts of the toegankelijkheidsverklaring (the output's accessibility statement), its date
/// a day (checked when it loaded).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Toegankelijkheid {
    pub organisatie: Option<String>,
    pub status: Option<content::ToegankelijkheidStatus>,
    pub datum: Option<Day>,
    pub contact: Option<String>,
    pub bekende_problemen: Option<Markdown>,
    pub klachten: Option<Markdown>,
}

impl Toegankelijkheid {
    fn of(t: &df::Toegankelijkheid) -> Result<Toegankelijkheid, Unresolved> {
        Ok(Toegankelijkheid {
            organisatie: t.organisatie.clone(),
            status: t.status,
            datum: valid_opt(t.datum, || "the toegankelijkheidsverklaring's datum".into())?,
            contact: t.contact.clone(),
            bekende_problemen: t.bekende_problemen.clone(),
            klachten: t.klachten.clone(),
        })
    }
}

/// A themalijn with its projects in table order and its local efforts by period.
fn themalijn(set: &DataSet, id: &str, t: &df::ThemalijnFile) -> Result<Themalijn, Unresolved> {
    let projecten = t
        .projecten
        .iter()
        .map(|pid| match set.projecten.get(pid) {
            Some(p) => project(pid, &p.data, &set.ladder()),
            None => Err(Unresolved(format!("themalijn {id} lists the unknown project {pid}"))),
        })
        .collect::<Result<_, _>>()?;
    let mut lokale_inzet: Vec<(Period, LokaleInzet)> = t
        .lokale_inzet
        .iter()
        .map(|l| {
            let periode = valid(l.periode, || format!("a period of themalijn {id}"))?.0;
            Ok((periode, LokaleInzet { tekst: l.tekst.clone(), kaders: content::Kader::all(&l.interessant) }))
        })
        .collect::<Result<_, Unresolved>>()?;
    lokale_inzet.sort_by_key(|(p, _)| *p);
    Ok(Themalijn {
        id: id.to_string(),
        naam: t.naam.clone(),
        volgorde: t.volgorde,
        introductie: t.introductie.clone(),
        ambitie: t.ambitie.clone(),
        ambitie_figuur: match &t.ambitie_figuur {
            Some(f) => Some(
                set.figuren
                    .get(&f.bestand)
                    .cloned()
                    .ok_or_else(|| Unresolved(format!("the figure {} of themalijn {id} was not loaded", f.bestand)))?,
            ),
            None => None,
        },
        regioplan: t.regioplan.clone().unwrap_or_default(),
        financiering: t.financiering.clone(),
        lokale_inzet,
        paginavolgorde: t.paginavolgorde.clone().unwrap_or_else(|| t.projecten.clone()),
        projecten,
    })
}

impl Programme {
    /// Resolve a data set that passed validation: its values are typed already (parsed when
    /// loaded); this orders them and follows the references. A rule of validation that did not
    /// hold (a reference to nothing, a result reported nowhere) is an `Err` naming it, never a
    /// silent omission.
    pub fn from_data(set: &DataSet) -> Result<Programme, Unresolved> {
        let p = &set.programme.as_ref().ok_or_else(|| Unresolved("there is no koers.yaml".into()))?.data;
        let mut afkortingen = p.afkortingen.clone();
        afkortingen.sort_by_key(|a| a.afkorting.to_lowercase());
        let mut rapportages: Vec<Rapportage> = p.rapportages.iter().map(Rapportage::of).collect::<Result<_, _>>()?;
        rapportages.sort_by_key(|r| r.periode);

        let mut themalijnen: Vec<Themalijn> =
            set.themalijnen.iter().map(|(id, t)| themalijn(set, id, &t.data)).collect::<Result<_, Unresolved>>()?;
        themalijnen.sort_by(|a, b| (a.volgorde, &a.id).cmp(&(b.volgorde, &b.id)));

        let mut edities: Vec<Editie> = set.edities.iter().map(|(editie, e)| Editie::of(editie.0, &e.data)).collect();
        edities.sort_by_key(|e| (e.periode.first, e.periode.last));

        Ok(Programme {
            naam: p.naam.clone(),
            regio: p.regio.clone(),
            website: p.website.clone(),
            email: p.email.clone(),
            linkedin: p.linkedin.clone(),
            werkagenda_einde: valid(p.werkagenda_einde, || "werkagenda_einde".into())?,
            doorlopend_uitleg: p.doorlopend_uitleg.clone(),
            gemeenten: p.gemeenten.clone(),
            geen_afkortingen: p.geen_afkortingen.clone(),
            eigenaren: p.eigenaren.clone(),
            organisatie: p.organisatie.clone(),
            fasen: p.fasen.clone(),
            ladder: set.ladder(),
            kleuren: p.huisstijl.as_ref().map(|h| h.kleuren.clone()).unwrap_or_default(),
            logo: match p.huisstijl.as_ref().and_then(|h| h.logo.as_ref()) {
                Some(bestand) => Some(
                    set.logo
                        .clone()
                        .ok_or_else(|| Unresolved(format!("the logo {bestand} of koers.yaml was not loaded")))?,
                ),
                None => None,
            },
            afkortingen,
            nieuwsbrief: p.nieuwsbrief.as_ref().map(editie::NieuwsbriefInstellingen::of),
            toegankelijkheid: p.toegankelijkheid.as_ref().map(Toegankelijkheid::of).transpose()?,
            rapportages,
            regioplan: set
                .regioplan
                .as_ref()
                .map(|r| {
                    Ok(Regioplan {
                        titel: r.data.titel.clone(),
                        periode: r.data.periode.clone(),
                        vastgesteld: valid_opt(r.data.vastgesteld, || "vastgesteld".into())?,
                        hoofdstukken: r.data.hoofdstukken.clone(),
                    })
                })
                .transpose()?,
            informatiepakket: crate::model::informatiepakket::Informatiepakket::from_data(set)?,
            themalijnen,
            edities,
        })
    }

    pub fn project(&self, id: &str) -> Option<&Project> {
        self.themalijnen.iter().flat_map(|t| &t.projecten).find(|p| p.id == id)
    }

    pub fn projects(&self) -> impl Iterator<Item = &Project> {
        self.themalijnen.iter().flat_map(|t| &t.projecten)
    }

    /// The half years koers.yaml declares a rapportage for, oldest first.
    pub fn rapportage_periods(&self) -> Vec<Period> {
        self.rapportages.iter().map(|r| r.periode).collect()
    }

    pub fn definitie(&self, f: &Fase) -> Option<&content::FaseDefinitie> {
        self.fasen.iter().find(|d| d.naam == f.name())
    }
}

/// Names are single lines, whatever YAML block style they were written in.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn project(id: &str, p: &df::ProjectFile, ladder: &Ladder) -> Result<Project, Unresolved> {
    let resultaten = p
        .resultaten
        .iter()
        .map(|r| {
            let what = || format!("a result of project {id}");
            let gemeld = match (r.periode, r.editie) {
                (Some(h), None) => Gemeld::Rapportage(valid(h, what)?.0),
                (None, Some(e)) => Gemeld::Editie(valid(e, what)?.0),
                _ => {
                    return Err(Unresolved(format!(
                        "a result of project {id} has not exactly one of \"periode\" and \"editie\""
                    )));
                }
            };
            Ok(Resultaat { gemeld, maand: valid_opt(r.maand, what)?, tekst: r.tekst.clone(), kop: r.kop.clone() })
        })
        .collect::<Result<_, _>>()?;
    let notities = |v: &[df::Bijzonderheid]| -> Result<Vec<Notitie>, Unresolved> {
        v.iter()
            .map(|b| {
                let periode = valid(b.periode, || format!("a note of project {id}"))?.0;
                Ok(Notitie { periode, kop: b.kop.clone(), tekst: b.tekst.clone() })
            })
            .collect()
    };
    let mut interessant = Vec::new();
    for i in &p.interessant {
        let Some(h) = i.periode else {
            return Err(Unresolved(format!("a box of project {id} has no \"periode\"")));
        };
        let periode = valid(h, || format!("a box of project {id}"))?.0;
        interessant.extend(content::Kader::of(i).map(|k| (periode, k)));
    }
    Ok(Project {
        id: id.to_string(),
        naam: one_line(&p.naam),
        tabelnaam: one_line(p.tabelnaam.as_deref().unwrap_or(&p.naam)),
        nieuwsbriefnaam: one_line(p.nieuwsbriefnaam.as_deref().unwrap_or(&p.naam)),
        themalijn: p.themalijn.clone(),
        hoofdproject: p.hoofdproject.clone(),
        toegevoegd_na_regioplan: valid_opt(p.toegevoegd_na_regioplan, || format!("toegevoegd_na_regioplan of {id}"))?,
        start: valid(p.start, || format!("the start of project {id}"))?,
        einde: valid(p.einde, || format!("the end of project {id}"))?,
        fasen: p
            .fasen
            .iter()
            .map(|f| {
                let what = || format!("a phase step of project {id}");
                let sinds = valid_opt(f.sinds, what)?;
                let gemeld = match (f.periode, f.editie) {
                    (Some(h), None) => Some(Gemeld::Rapportage(valid(h, what)?.0)),
                    (None, Some(e)) => Some(Gemeld::Editie(valid(e, what)?.0)),
                    (None, None) => None,
                    (Some(_), Some(_)) => return Err(Unresolved(format!("{} has two reports", what()))),
                };
                let fase = ladder
                    .find(&f.fase)
                    .ok_or_else(|| Unresolved(format!("{}: \"{}\" is not on the phase ladder", what(), f.fase)))?;
                FaseStap::new(fase.clone(), sinds, gemeld, f.reden.clone())
                    .ok_or_else(|| Unresolved(format!("{} says neither since when nor where it was reported", what())))
            })
            .collect::<Result<_, Unresolved>>()?,
        voetnoten: p.voetnoten.clone(),
        doelstelling: p.doelstelling.clone(),
        regioplan: p.regioplan.clone().unwrap_or_default(),
        resultaten,
        toelichting: notities(&p.toelichting)?,
        bijzonderheden: notities(&p.bijzonderheden)?,
        interessant,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fase(name: &str) -> Fase {
        let ladder = Ladder::new(["Initiatiefase", "Definitiefase", "Ontwerpfase", "Realisatiefase", "Borgingsfase"]);
        ladder.find(name).expect("on the ladder").clone()
    }

    fn step(fase: Fase, sinds: Option<&str>) -> FaseStap {
        let h1 = Period::parse_half("2024-H1").unwrap();
        let gemeld = sinds.is_none().then_some(Gemeld::Rapportage(h1));
        FaseStap::new(fase, sinds.map(|s| Month::parse(s).unwrap()), gemeld, None).unwrap()
    }

    fn project_with(fasen: Vec<FaseStap>, start: Start, einde: Einde) -> Project {
        Project {
            id: "p".into(),
            naam: "P".into(),
            tabelnaam: "P".into(),
            nieuwsbriefnaam: "P".into(),
            themalijn: "t".into(),
            hoofdproject: None,
            toegevoegd_na_regioplan: None,
            start,
            einde,
            fasen,
            voetnoten: vec![],
            doelstelling: None,
            regioplan: Default::default(),
            resultaten: vec![Resultaat {
                gemeld: Gemeld::Rapportage(Period::parse_half("2024-H1").unwrap()),
                maand: None,
                tekst: "r".into(),
                kop: None,
            }],
            toelichting: vec![],
            bijzonderheden: vec![],
            interessant: vec![],
        }
    }

    #[test]
    fn phase_at_a_date_follows_the_history() {
        let p = project_with(
            vec![step(fase("Definitiefase"), Some("2023-09")), step(fase("Ontwerpfase"), Some("2024-07"))],
            Start::Month(Month::parse("2023-09").unwrap()),
            Einde::Doorlopend,
        );
        let at = |s: &str| p.fase_op(Month::parse(s).unwrap());
        assert_eq!(at("2023-08"), None);
        assert_eq!(at("2023-09"), Some(fase("Definitiefase")));
        assert_eq!(at("2024-06"), Some(fase("Definitiefase")));
        assert_eq!(at("2024-07"), Some(fase("Ontwerpfase")));
    }

    #[test]
    fn an_undated_phase_is_known_from_its_report_and_never_back_to_the_start() {
        let p = project_with(
            vec![step(fase("Realisatiefase"), None)],
            Start::Month(Month::parse("2020-09").unwrap()),
            Einde::Doorlopend,
        );
        let at = |s: &str| p.fase_op(Month::parse(s).unwrap());
        assert_eq!(at("2020-09"), None, "the start month states no phase");
        assert_eq!(at("2024-05"), None);
        assert_eq!(at("2024-06"), Some(fase("Realisatiefase")), "known at the end of the report's half year");
        let h1 = Period::parse_half("2024-H1").unwrap();
        let h2 = Period::parse_half("2024-H2").unwrap();
        assert_eq!(p.fase_bekend_in(&h1).map(|s| s.fase.clone()), Some(fase("Realisatiefase")));
        assert!(p.fase_bekend_in(&h2).is_none(), "a phase of the 2024-H1 report says nothing of 2024-H2");
        assert!(p.fase_bekend_in(&Period::parse_edition("2025-04").unwrap()).is_none());
    }

    #[test]
    fn no_phase_before_a_dated_first_step() {
        let p = project_with(
            vec![step(fase("Initiatiefase"), Some("2024-09"))],
            Start::BeforeWerkagenda,
            Einde::NogNietBekend,
        );
        assert_eq!(p.fase_op(Month::parse("2024-08").unwrap()), None);
        assert_eq!(p.fase_op(Month::parse("2024-09").unwrap()), Some(fase("Initiatiefase")));
    }

    #[test]
    fn which_projects_a_report_shows() {
        let h1 = Period::parse_half("2024-H1").unwrap();
        let later = project_with(
            vec![step(fase("Initiatiefase"), None)],
            Start::Month(Month::parse("2024-09").unwrap()),
            Einde::NogNietBekend,
        );
        assert!(!later.loopt_in(&h1));
        assert!(later.in_rapportage(&h1), "it has a result in the period");
        let ended = project_with(
            vec![step(fase("Borgingsfase"), None)],
            Start::BeforeWerkagenda,
            Einde::Month(Month::parse("2023-12").unwrap()),
        );
        assert!(!ended.loopt_in(&h1));
        assert_eq!(ended.resultaten_in_rapportage(h1).count(), 1);
        assert_eq!(ended.resultaten_in_rapportage(Period::parse_half("2024-H2").unwrap()).count(), 0);
    }
}
