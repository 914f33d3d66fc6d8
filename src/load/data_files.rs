//! The shapes of the data files, exactly as people write them in YAML.
//!
//! These types are the single source of truth for the data format: the JSON Schemas that editors
//! use (`koers schema`) and the structural check of `koers check` are both derived from them.
//! Texts are Markdown; months, periods and dates are typed values ([`crate::core::dates::TextValue`]),
//! parsed once when the file is loaded.

use crate::core::dates::{Datum, Day, Edition, Einde, HalfYear, Month, Parsed, Start};
use crate::core::notation::StatedFte;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Markdown text (CommonMark with tables and footnotes). Shown as data: HTML or typst code in it is never run.
pub type Markdown = String;

/// `data/koers.yaml`: the programme.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "koers: programme (koers.yaml)")]
pub struct ProgrammeFile {
    /// Name of the programme, e.g. "Gezond Rivierenland".
    pub naam: String,
    /// The region, e.g. "Rivierenland".
    pub regio: String,
    /// Website (absolute URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Contact e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// LinkedIn page (absolute URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<String>,
    /// Last month of the werkagenda (YYYY-MM): what "doorlopend" means.
    pub werkagenda_einde: Parsed<Month>,
    /// Footnote shown at the first "doorlopend" of every project table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doorlopend_uitleg: Option<String>,
    /// The municipalities of the region.
    pub gemeenten: Vec<String>,
    /// The owners of the programme.
    #[serde(default)]
    pub eigenaren: Vec<String>,
    /// Governance bodies (BO, AO, programmateam, ...), as the Informatiepakket describes them.
    #[serde(default)]
    pub organisatie: Vec<Orgaan>,
    /// The phase ladder: its phases in order (two to six), each with its definition. Projects
    /// name their phases by these names.
    pub fasen: Vec<FaseDefinitie>,
    /// Abbreviations and their full forms.
    #[serde(default)]
    pub afkortingen: Vec<Afkorting>,
    /// Shared parts of every "Even bijpraten" edition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nieuwsbrief: Option<NieuwsbriefInstellingen>,
    /// The tussentijdse rapportages: one entry per half year that has a report, with its texts
    /// that belong to no project. Only these are built (others only as a draft on request).
    #[serde(default)]
    pub rapportages: Vec<RapportageTeksten>,
    /// Words that look like abbreviations but need no glossary entry: names (KPMG, MEE) and
    /// abbreviations whose meaning no source gives.
    #[serde(default)]
    pub geen_afkortingen: Vec<String>,
    /// The house style of the documents: colours and logo. Without it (or a colour left out),
    /// koers' default colours apply, those of its `theme.css`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub huisstijl: Option<Huisstijl>,
    /// The accessibility statement (toegankelijkheidsverklaring, `out/toegankelijkheidsverklaring.html`):
    /// the fields of the Dutch model statement that no other data gives. A field left out is shown
    /// as "nog in te vullen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toegankelijkheid: Option<Toegankelijkheid>,
}

/// The house style: the colours of the HTML pages, the e-mail, the PDF, the editable formats and
/// the charts, and the programme's logo.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Huisstijl {
    #[serde(default)]
    pub kleuren: Kleuren,
    /// The logo (an SVG or PNG file, relative to the data directory), shown at the top of the HTML
    /// pages, the e-mail and the PDF's title page. Without it, no logo is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// The logo's alt text (default: "Logo van" and the programme's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_alt: Option<String>,
}

/// The colours of the house style, each `#rrggbb`; one left out keeps koers' default. Text
/// colours must keep 4.5:1 contrast against the surfaces they stand on (checked).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Kleuren {
    /// Headings, links, table header text, the title page (default #005f73; text on white and
    /// on `primair_licht`, white text on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primair: Option<String>,
    /// Table header cells and passed phases (default #d8ecef).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primair_licht: Option<String>,
    /// The border of a box and accent lines (default #ee7d00).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent: Option<String>,
    /// Accent text: box titles, kickers (default #9a4f00; text on white and on `accent_vlak`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_tekst: Option<String>,
    /// The background of a box and of the report period in the timelines (default #fdf0e1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accent_vlak: Option<String>,
}

impl Kleuren {
    /// The defaults: the values of `templates/theme.css`.
    pub const STANDAARD: [(&'static str, &'static str); 5] = [
        ("primair", "#005f73"),
        ("primair_licht", "#d8ecef"),
        ("accent", "#ee7d00"),
        ("accent_tekst", "#9a4f00"),
        ("accent_vlak", "#fdf0e1"),
    ];

    /// Each colour as the data gives it (None: left out), by its key, in [`Kleuren::STANDAARD`] order.
    pub fn gegeven(&self) -> [(&'static str, Option<&str>); 5] {
        [
            ("primair", self.primair.as_deref()),
            ("primair_licht", self.primair_licht.as_deref()),
            ("accent", self.accent.as_deref()),
            ("accent_tekst", self.accent_tekst.as_deref()),
            ("accent_vlak", self.accent_vlak.as_deref()),
        ]
    }

    /// The colour of a key: the data's, else the default.
    pub fn of(&self, key: &str) -> &str {
        let given = self.gegeven().into_iter().find(|(k, _)| *k == key).and_then(|(_, v)| v);
        given.unwrap_or_else(|| Kleuren::STANDAARD.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v))
    }
}

/// The fields of the model toegankelijkheidsverklaring (digitoegankelijk.nl) that are decisions
/// of the organisation, not measurements.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Toegankelijkheid {
    /// The organisation responsible for the documents (default: not filled in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisatie: Option<String>,
    /// The status of the statement: A voldoet volledig, B voldoet gedeeltelijk, C eerste
    /// maatregelen genomen, D voldoet niet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ToegankelijkheidStatus>,
    /// Date the organisation signed the statement (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub datum: Option<Parsed<Day>>,
    /// Contact for accessibility problems (e-mail address; default: `email`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Known problems and what is done about them (Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bekende_problemen: Option<Markdown>,
    /// The route for a complaint or objection (klachtenprocedure, Nationale ombudsman; Markdown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub klachten: Option<Markdown>,
}

/// Status of a toegankelijkheidsverklaring, as in the Dutch model statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum ToegankelijkheidStatus {
    /// Voldoet volledig.
    A,
    /// Voldoet gedeeltelijk.
    B,
    /// Eerste maatregelen genomen.
    C,
    /// Voldoet niet.
    D,
}

impl ToegankelijkheidStatus {
    pub fn dutch(self) -> &'static str {
        match self {
            ToegankelijkheidStatus::A => "A: voldoet volledig",
            ToegankelijkheidStatus::B => "B: voldoet gedeeltelijk",
            ToegankelijkheidStatus::C => "C: eerste maatregelen genomen",
            ToegankelijkheidStatus::D => "D: voldoet niet",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Orgaan {
    pub naam: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afkorting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omschrijving: Option<Markdown>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FaseDefinitie {
    /// The phase's name, as documents show it (e.g. "Initiatiefase").
    pub naam: String,
    /// The short question, as in "Definitiefase (wat)".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vraag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definitie: Option<Markdown>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Afkorting {
    pub afkorting: String,
    pub betekenis: String,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NieuwsbriefInstellingen {
    /// Sender address people should add to their address book.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afzender: Option<String>,
    /// Title of the closing block, e.g. "We koersen samen".
    pub slot_titel: String,
    /// Text of the closing block.
    pub slot_tekst: Markdown,
    /// Target of the "Lees meer" link (absolute URL); defaults to the website.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lees_meer_url: Option<String>,
    /// Reply-To of the ready-to-send message (`.eml`); default: `afzender`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub antwoord_aan: Option<String>,
    /// Where a reader unsubscribes, for the `List-Unsubscribe` header of the `.eml`: a `mailto:`
    /// address or an `https://` URL that accepts a one-click POST (RFC 8058).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afmelden: Option<String>,
    /// The `https://` address of the folder where the newsletter's chart images are put online
    /// (the PNG files beside the e-mail in out/nieuwsbrief/): the e-mail HTML and the Markdown
    /// show the chart from there. Without it they show no image (the `.eml` carries its own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afbeeldingen_url: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RapportageTeksten {
    /// Half year, YYYY-H1 or YYYY-H2.
    pub periode: Parsed<HalfYear>,
    /// The publication date, as precise as the source gives it: a month (2024-10) or a day
    /// (2024-10-15). Shown on the cover; without it the rapportage is a draft (CONCEPT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gepubliceerd: Option<Parsed<Datum>>,
    /// The version shown beside the date on the cover, e.g. "Publieksversie".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub versie: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voorwoord: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ondertekening: Option<Ondertekening>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub algemene_informatie: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programmaorganisatie: Option<Markdown>,
    /// Boxes, each with its `plaats`.
    #[serde(default)]
    pub interessant: Vec<Interessant>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ondertekening {
    pub namen: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub functies: Option<String>,
}

/// A box beside the text: "Interessant!" (the default), "Tip!", or an unlabelled line.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interessant {
    /// On a project page: the report period it belongs to (YYYY-H1 or YYYY-H2). Not used elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periode: Option<Parsed<HalfYear>>,
    /// In `rapportages` of koers.yaml: the section it stands after. Not used elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plaats: Option<KaderPlaats>,
    /// The label: interessant ("Interessant!", default), tip ("Tip!") or tekst (no label).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soort: Option<KaderSoort>,
    /// The text of the box; a box may be a link line alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tekst: Option<Markdown>,
    /// The link line under the text; without an address it is not printed (`koers check` warns),
    /// and a box of a link line alone is then left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum KaderSoort {
    /// "Interessant!"
    #[default]
    Interessant,
    /// "Tip!"
    Tip,
    /// No label.
    Tekst,
}

/// Where a box of a rapportage stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum KaderPlaats {
    /// After "Algemene informatie".
    AlgemeneInformatie,
    /// At the start of "Programmaorganisatie algemeen", under its period.
    ProgrammaorganisatieBegin,
    /// After "Programmaorganisatie algemeen".
    Programmaorganisatie,
    /// After "Definities projectfasering", at the end.
    Definities,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub tekst: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `data/regioplan.yaml`: the general chapters of the Regioplan.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "koers: Regioplan (regioplan.yaml)")]
pub struct RegioplanFile {
    pub titel: String,
    /// e.g. "2024-2026".
    pub periode: String,
    /// Month the plan was adopted (YYYY-MM).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vastgesteld: Option<Parsed<Month>>,
    #[serde(default)]
    pub hoofdstukken: Vec<Hoofdstuk>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hoofdstuk {
    pub titel: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tekst: Option<Markdown>,
    #[serde(default)]
    pub paragrafen: Vec<Paragraaf>,
    /// Web addresses the plan prints under this section (absolute URLs).
    #[serde(default)]
    pub bronnen: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Paragraaf {
    pub titel: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tekst: Option<Markdown>,
    /// Sub-sections.
    #[serde(default)]
    pub paragrafen: Vec<Subparagraaf>,
    /// Web addresses the plan prints under this section (absolute URLs).
    #[serde(default)]
    pub bronnen: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subparagraaf {
    pub titel: String,
    pub tekst: Markdown,
    /// Web addresses the plan prints under this section (absolute URLs).
    #[serde(default)]
    pub bronnen: Vec<String>,
}

/// `data/themalijnen/<id>.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "koers: themalijn (themalijnen/<id>.yaml)")]
pub struct ThemalijnFile {
    pub naam: String,
    /// Position of the themalijn in every document (1 first).
    pub volgorde: u32,
    /// Ids of the projects of this themalijn, in table order.
    #[serde(default)]
    pub projecten: Vec<String>,
    /// The order of the project pages in the rapportage, if it differs from the table order:
    /// the same ids as `projecten`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paginavolgorde: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introductie: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambitie: Option<Markdown>,
    /// The figure of the themalijn's ambition (seed 003 has one per themalijn): shown after the
    /// introduction with the sentence that introduces it; without it, neither is printed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ambitie_figuur: Option<FiguurBestand>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regioplan: Option<ThemalijnRegioplan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financiering: Option<Markdown>,
    #[serde(default)]
    pub lokale_inzet: Vec<LokaleInzet>,
}

/// An image file in the data directory.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FiguurBestand {
    /// The file, relative to the data directory (e.g. `figuren/ambitie-ouderen.png`): a PNG,
    /// JPEG or SVG of at most 5 MB.
    pub bestand: String,
    /// What the figure shows, in words, for readers who cannot see it (required).
    pub alt: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ThemalijnRegioplan {
    /// Position of the themalijn in the Regioplan, if it differs from `volgorde`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volgorde: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introductie: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overkoepelend_doel: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aanpak: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners: Option<Markdown>,
    /// The heading above `partners`, where the plan words it otherwise than "Betrokken partners en
    /// stakeholders".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partners_kop: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LokaleInzet {
    /// Half year, YYYY-H1 or YYYY-H2.
    pub periode: Parsed<HalfYear>,
    pub tekst: Markdown,
    #[serde(default)]
    pub interessant: Vec<Interessant>,
}

/// `data/projecten/<id>.yaml`: one project or subproject.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "koers: project (projecten/<id>.yaml)")]
pub struct ProjectFile {
    pub naam: String,
    /// Name in the project table, if it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tabelnaam: Option<String>,
    /// Heading in the newsletter, if it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nieuwsbriefnaam: Option<String>,
    /// Id of the themalijn (a file in data/themalijnen/).
    pub themalijn: String,
    /// Id of the parent project, for subprojects.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hoofdproject: Option<String>,
    /// Month (YYYY-MM) the project was added after the Regioplan was adopted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toegevoegd_na_regioplan: Option<Parsed<Month>>,
    /// A month (YYYY-MM) or "voor huidige werkagenda".
    pub start: Parsed<Start>,
    /// A month (YYYY-MM), "doorlopend" or "nog niet bekend".
    pub einde: Parsed<Einde>,
    /// Phase history, oldest first (empty while no phase is recorded).
    #[serde(default)]
    pub fasen: Vec<FaseStap>,
    #[serde(default)]
    pub voetnoten: Vec<Voetnoot>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doelstelling: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regioplan: Option<ProjectRegioplan>,
    /// Notes under the phase ladder, before the doelstelling (no heading).
    #[serde(default)]
    pub toelichting: Vec<Bijzonderheid>,
    #[serde(default)]
    pub resultaten: Vec<Resultaat>,
    /// Notes after the results, under a heading ("Bijzonderheden" unless `kop` says otherwise).
    #[serde(default)]
    pub bijzonderheden: Vec<Bijzonderheid>,
    /// Boxes at the end of the project page.
    #[serde(default)]
    pub interessant: Vec<Interessant>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FaseStap {
    /// A phase of the ladder in koers.yaml (`fasen`), by its name.
    pub fase: String,
    /// Month (YYYY-MM) the phase began, where a source states it. Without it the step says where it
    /// was reported (`periode` or `editie`), and it is known only from that report on: koers never
    /// draws a phase back to a project's start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sinds: Option<Parsed<Month>>,
    /// The rapportage that reports the phase (a half year, YYYY-H1 or YYYY-H2): the project was in
    /// it at the end of that half year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periode: Option<Parsed<HalfYear>>,
    /// The newsletter edition that reports the phase (YYYY-MM or YYYY-Q1..Q4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editie: Option<Parsed<Edition>>,
    /// Why, required for a step back to an earlier phase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reden: Option<String>,
}

impl FaseStap {
    /// The first month the step is known to hold: `sinds`, else the last month of the report that
    /// states it (None when neither parsed).
    pub fn bekend_vanaf(&self) -> Option<Month> {
        let reported = self.periode.and_then(Parsed::valid).map(|h| h.0.last);
        let edition = self.editie.and_then(Parsed::valid).map(|e| e.0.last);
        self.sinds.and_then(Parsed::valid).or(reported).or(edition)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum VoetnootBij {
    Naam,
    Fase,
    Start,
    Einde,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Voetnoot {
    /// The table cell the footnote mark stands in.
    pub bij: VoetnootBij,
    pub tekst: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectRegioplan {
    /// The project's name in the Regioplan ("Project | <naam>"), if it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doel: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aanleiding: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aanpak: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inwonerparticipatie: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect_voor_de_inwoner: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raakvlakken: Option<Markdown>,
}

/// A result, recorded where it was reported: in the rapportage of a half year (`periode`) or in
/// a newsletter edition (`editie`), exactly one of the two.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resultaat {
    /// The rapportage that reports it: a half year, YYYY-H1 or YYYY-H2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub periode: Option<Parsed<HalfYear>>,
    /// The newsletter edition that reports it: YYYY-MM or YYYY-Q1..Q4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editie: Option<Parsed<Edition>>,
    /// The month it happened (YYYY-MM), only where a source states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maand: Option<Parsed<Month>>,
    pub tekst: Markdown,
    /// Heading above this result in the newsletter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kop: Option<String>,
}

/// A note on a project page of the rapportage of `periode`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bijzonderheid {
    /// The report period: a half year, YYYY-H1 or YYYY-H2.
    pub periode: Parsed<HalfYear>,
    /// Its heading; default "Bijzonderheden" (bijzonderheden) — not shown for a toelichting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kop: Option<String>,
    pub tekst: Markdown,
}

/// `data/nieuwsbrief/<editie>.yaml`: one "Even bijpraten" edition.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "koers: newsletter edition (nieuwsbrief/<editie>.yaml)")]
pub struct NieuwsbriefFile {
    pub titel: String,
    /// The day the edition was (or will be) sent, YYYY-MM-DD: the Date of the message ready to
    /// send (`.eml`). Without it the message has no Date, and the mailing tool sets it when it sends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verzonden: Option<Parsed<Day>>,
    /// Hidden preview line shown by mail clients; default: the start of the highlights.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preheader: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inleiding: Option<Markdown>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highlights: Option<Markdown>,
    /// Everything between the introduction and the closing block, in the order it stands:
    /// "Thema" headings, project updates, programme items and the "Uitgelicht" block. Every
    /// result reported in this edition (`editie` in a project file) is shown in one of them.
    #[serde(default)]
    pub blokken: Vec<NieuwsbriefBlok>,
    /// Whether the closing block has the "Lees meer" link (default: yes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lees_meer: Option<bool>,
}

/// One block of an edition: exactly one of `thema`, `project`, `item` and `uitgelicht`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NieuwsbriefBlok {
    /// A "Thema <naam>" heading: the id of a themalijn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thema: Option<String>,
    /// A project update: the id of a project; shows its results reported in this edition, each
    /// under its `kop` (default: the project's newsletter name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
    /// With `project`: only these of its results in this edition, in this order (1 is the first
    /// result with this `editie` in the project file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resultaten: Option<Vec<u32>>,
    /// With `project`: the heading the update stands under here, instead of the results' own.
    /// Needed to show a result a second time, under another heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kop: Option<String>,
    /// A programme item: a heading and its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<NieuwsbriefItem>,
    /// The "Uitgelicht" block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uitgelicht: Option<NieuwsbriefItem>,
    /// Link lines under the block's text; a link without an address is printed as text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NieuwsbriefItem {
    pub titel: String,
    pub tekst: Markdown,
}

/// `data/informatiepakket.yaml`: the Informatiepakket, the programme's facts for a board (owners
/// and governance come from koers.yaml, financing per themalijn from the themalijn files).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "koers: Informatiepakket (informatiepakket.yaml)")]
pub struct InformatiepakketFile {
    /// Title, e.g. "Informatiepakket Gezond Rivierenland".
    pub titel: String,
    /// "Voor:" — the addressee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voor: Option<String>,
    /// "Afschrift aan:" — who receives a copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub afschrift_aan: Option<String>,
    /// Date of the document, YYYY-MM-DD.
    pub datum: Parsed<Day>,
    /// "Vooraf".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vooraf: Option<Markdown>,
    /// "Strategisch en domeinoverstijgend".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategisch: Option<Markdown>,
    /// "1. De basis voor <programma>" › "Ontstaansgeschiedenis".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ontstaansgeschiedenis: Option<Markdown>,
    /// "Governance en afspraken", followed by the bodies of `organisatie` in koers.yaml.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub governance: Option<Markdown>,
    /// "Personele organisatie": the staffing in fte.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personeel: Option<Personeel>,
    /// The host organisation, e.g. "Gezond Rivierenland en de GGD".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gastheer: Option<Paragraaf>,
    /// "2. De context van <programma>": its sections in order.
    #[serde(default)]
    pub context: Vec<Paragraaf>,
    /// "3. Bouwstenen": the themalijnen with their projects and financing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bouwstenen: Option<Bouwstenen>,
    /// "4. Financiën": the text before the budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financien: Option<Markdown>,
    /// The budget: baten and lasten, with stated totals that must equal the sums.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub begroting: Option<Begroting>,
    /// "5. Gebruikte bronnen".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bronnen: Option<Markdown>,
}

/// The staffing on a reference date.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Personeel {
    /// Reference date of the figures, YYYY-MM-DD.
    pub peildatum: Parsed<Day>,
    /// The roles, in document order.
    pub functies: Vec<Functie>,
    /// The stated total in fte (a decimal, e.g. 33.21); must equal the sum of the roles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totaal_fte: Option<StatedFte>,
    /// The number of employees (people, not fte).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medewerkers: Option<u32>,
    /// What the number of employees leaves out, e.g. "excl. bedrijfsvoering via de gastorganisatie".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medewerkers_toelichting: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Functie {
    /// The role, e.g. "Themaleiders".
    pub functie: String,
    /// Size in fte, a decimal with at most two decimals (3.31).
    pub fte: StatedFte,
    /// What the role does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omschrijving: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bouwstenen {
    /// Text before the overview; the numbered list of themalijnen follows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inleiding: Option<Markdown>,
    /// One row per themalijn, in document order.
    pub themalijnen: Vec<Bouwsteen>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bouwsteen {
    /// Id of the themalijn (a file in data/themalijnen/); its name and `financiering` are shown.
    pub themalijn: String,
    /// "Inhoudelijke duiding"; the list of projects follows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duiding: Option<Markdown>,
    /// The projects of the themalijn as this document lists them.
    #[serde(default)]
    pub projecten: Vec<BouwsteenProject>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BouwsteenProject {
    /// Id of the project (a file in data/projecten/).
    pub project: String,
    /// The name as this document writes it, if it differs from the project's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naam: Option<String>,
}

/// A budget: baten and lasten side by side.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Begroting {
    /// The budget year.
    pub jaar: i32,
    /// Header of the amount columns, e.g. "Begroting (incl. wijziging)".
    pub kolom: String,
    pub baten: BegrotingZijde,
    pub lasten: BegrotingZijde,
}

/// One side of a budget: its lines and the totals as the source states them. The documents print
/// the sums computed from the lines; a stated total that differs is an error.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BegrotingZijde {
    pub posten: Vec<Begrotingspost>,
    /// "Totaal": the sum of the lines, in whole euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totaal: Option<i64>,
    /// "Risicoreserve", in whole euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risicoreserve: Option<i64>,
    /// "Totaal incl. reserve": the total plus the risicoreserve, in whole euros.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totaal_incl_reserve: Option<i64>,
}

impl BegrotingZijde {
    /// The sum of the lines: what the documents print as the total.
    pub fn sum(&self) -> i64 {
        self.posten.iter().map(|p| p.bedrag).sum()
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Begrotingspost {
    /// The label, e.g. "SPUK IZA".
    pub post: String,
    /// Amount in whole euros, without separators: 5326438 for € 5.326.438.
    pub bedrag: i64,
    /// A note on this line, shown below the table (marked *).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noot: Option<String>,
}
