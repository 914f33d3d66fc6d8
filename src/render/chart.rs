//! Charts of the programme, computed from the model once and drawn as ONE SVG per chart.
//!
//! Every format uses the same SVG: the HTML inlines it (with `<title>`, `<desc>` and the same
//! numbers in a real table), the PDF embeds it as a vector image with alt text (handed to typst
//! as a file, never as typst code), the e-mail gets a PNG rasterised from it with resvg. Phases
//! are told apart by pattern, by their number in the bar and by position on the ladder, never by
//! colour alone. No clock, no hash map: the same data gives the same bytes.
//!
//! - [`fasenverdeling`]: per themalijn and in total, how many projects stand in each phase;
//! - [`tijdlijn`]: per project, its phases over time from start to end, the period marked.

use crate::core::dates::{Einde, Month, Period, Start};
use crate::core::kleur;
use crate::core::phase::{Fase, Ladder, MAX_FASEN};
use crate::model::changes::Stand;
use crate::model::{Programme, Project, Themalijn};
use serde::Serialize;
use std::fmt::Write;

/// A chart: its one SVG and the same numbers as a table.
#[derive(Debug, Clone, Serialize)]
pub struct Grafiek {
    /// Unique in its document; also the file name of the image (`<id>.svg`, `<id>.png`).
    pub id: String,
    /// Short title: `<title>`, caption.
    pub titel: String,
    /// The numbers in words: `<desc>`, the alt text of the e-mail PNG.
    pub beschrijving: String,
    /// The alt text of the PDF image: the description, shortened when PDF/A cannot hold it.
    pub beschrijving_pdf: String,
    /// The SVG document (without XML declaration, so it can be inlined in HTML).
    pub svg: String,
    /// Its size in CSS pixels.
    pub breedte: u32,
    pub hoogte: u32,
    pub tabel: Tabel,
}

impl Grafiek {
    /// The height at `breedte` pixels wide, for an `<img>` scaled down (the e-mail).
    pub fn hoogte_bij(&self, breedte: u32) -> u32 {
        (self.hoogte as u64 * breedte as u64).div_ceil(self.breedte as u64) as u32
    }
}

/// The longest alt text a PDF image gets, in characters. PDF/A allows no string longer than
/// 32767 bytes, and typst writes a non-ASCII text in UTF-16 (two bytes a character).
const PDF_ALT_MAX: usize = 16_000;

/// A description as alt text for the PDF: whole when it fits in [`PDF_ALT_MAX`], else cut after
/// the last sentence that fits, saying so (a timeline of some hundreds of projects).
fn pdf_alt(beschrijving: &str) -> String {
    const INGEKORT: &str = " (Ingekort: de fase van elk project staat in de projecttabel en op zijn projectpagina.)";
    if beschrijving.chars().count() <= PDF_ALT_MAX {
        return beschrijving.to_string();
    }
    let ruimte: String = beschrijving.chars().take(PDF_ALT_MAX - INGEKORT.chars().count()).collect();
    let zin = ruimte.rfind(". ").map_or(ruimte.len(), |i| i + 1);
    format!("{}{INGEKORT}", &ruimte[..zin])
}

#[derive(Debug, Clone, Serialize)]
pub struct Tabel {
    pub bijschrift: String,
    /// The cells are numbers (aligned right).
    pub numeriek: bool,
    /// Column headers; the first heads the row headers.
    pub kolommen: Vec<String>,
    pub rijen: Vec<TabelRij>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TabelRij {
    pub kop: String,
    pub cellen: Vec<String>,
    /// The total row, set apart.
    pub totaal: bool,
}

/// The body font of the documents, first in the SVG's font list (typst and resvg resolve it from
/// the embedded fonts; browsers fall back to the rest).
const FONTS: &str = "Carlito, Calibri, Arial, Helvetica, sans-serif";
const PRIMAIR: &str = "#005f73";
const TEKST: &str = "#1e1e1e";
const GRIJS: &str = "#5c5c5c";
const PERIODE: &str = "#fdf0e1";
const ACCENT: &str = "#b85f00";
/// The lines of the patterns on the light phase styles, and the edge of an empty legend box.
const PATROONLIJN: &str = "#0b3640";
const LEGENDARAND: &str = "#7a9aa0";

/// Fill, pattern and label colour of the phase styles, light to dark: a ladder of six phases has
/// them in this order, a shorter one a spread of them from the first to the last ([`stijl`]).
const FASE_STIJL: [(&str, Patroon, &str); MAX_FASEN] = [
    ("#eef6f7", Patroon::Stippen, TEKST),
    ("#c6e3e8", Patroon::Schuin, TEKST),
    ("#93cdd7", Patroon::Ruit, TEKST),
    ("#56a9b8", Patroon::Horizontaal, TEKST),
    ("#1b7686", Patroon::TegenSchuin, "#ffffff"),
    ("#003f4c", Patroon::Geen, "#ffffff"),
];

#[derive(Clone, Copy, Debug)]
enum Patroon {
    Stippen,
    Schuin,
    Ruit,
    Horizontaal,
    TegenSchuin,
    Geen,
}

pub use crate::core::text::escape_markup as xml;

/// The chart in the colours of the data's house style, where it gives them: its primary colour for
/// lines and marks, its accent surface and accent text colour for the report period, and the phase
/// styles and their pattern lines in tints of the primary colour at the luminance of koers' own
/// (so every label keeps its contrast). Only the attribute values koers writes are replaced, in
/// one pass (text from the data is escaped, `"` included).
fn in_huisstijl(svg: String, prog: &Programme) -> String {
    let k = &prog.kleuren;
    let mut vervang: Vec<(String, String)> = Vec::new();
    for (standaard, gegeven) in [(PRIMAIR, &k.primair), (PERIODE, &k.accent_vlak), (ACCENT, &k.accent_tekst)] {
        if let Some(kleur) = gegeven.as_deref().filter(|g| !g.eq_ignore_ascii_case(standaard)) {
            vervang.push((standaard.to_string(), kleur.to_string()));
        }
    }
    if let Some(primair) = k.primair.as_deref().filter(|g| !g.eq_ignore_ascii_case(PRIMAIR)).and_then(kleur::rgb) {
        let tinten = FASE_STIJL.iter().map(|(vlak, _, _)| *vlak).chain([PATROONLIJN, LEGENDARAND]);
        for standaard in tinten {
            let l = kleur::luminance(kleur::rgb(standaard).expect("koers' colours are #rrggbb"));
            vervang.push((standaard.to_string(), kleur::hex(kleur::at_luminance(primair, l))));
        }
    }
    if vervang.is_empty() {
        return svg;
    }
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg.as_str();
    while let Some(at) = rest.find("=\"#") {
        let waarde = rest.get(at + 2..at + 9).unwrap_or("");
        out.push_str(&rest[..at + 2]);
        match vervang.iter().find(|(v, _)| v.eq_ignore_ascii_case(waarde)) {
            Some((_, door)) if rest[at + 9..].starts_with('"') => {
                out.push_str(&xml(door));
                rest = &rest[at + 9..];
            }
            _ => rest = &rest[at + 2..],
        }
    }
    out.push_str(rest);
    out
}

/// `<svg …><title/><desc/>` and the pattern definitions.
fn begin(id: &str, w: u32, h: u32, titel: &str, beschrijving: &str) -> String {
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"grafiek\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{id}-titel {id}-desc\" font-family=\"{FONTS}\" font-size=\"12\">\n<title id=\"{id}-titel\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n<defs>\n",
        xml(titel),
        xml(beschrijving)
    );
    for (i, (_, patroon, _)) in FASE_STIJL.iter().enumerate() {
        let (lijn, licht) = if i >= 4 { ("#ffffff", "0.45") } else { (PATROONLIJN, "0.4") };
        let body = match patroon {
            Patroon::Stippen => {
                format!("<circle cx=\"3\" cy=\"3\" r=\"1.1\" fill=\"{lijn}\" fill-opacity=\"{licht}\"/>")
            }
            Patroon::Schuin => {
                format!(
                    "<path d=\"M0 6 L6 0 M-1 1 L1 -1 M5 7 L7 5\" stroke=\"{lijn}\" stroke-opacity=\"{licht}\" stroke-width=\"1\"/>"
                )
            }
            Patroon::Ruit => format!(
                "<path d=\"M0 3 H6 M3 0 V6\" stroke=\"{lijn}\" stroke-opacity=\"{licht}\" stroke-width=\"0.9\"/>"
            ),
            Patroon::Horizontaal => {
                format!(
                    "<path d=\"M0 1.5 H6 M0 4.5 H6\" stroke=\"{lijn}\" stroke-opacity=\"{licht}\" stroke-width=\"1\"/>"
                )
            }
            Patroon::TegenSchuin => {
                format!(
                    "<path d=\"M0 0 L6 6 M5 -1 L7 1 M-1 5 L1 7\" stroke=\"{lijn}\" stroke-opacity=\"{licht}\" stroke-width=\"1\"/>"
                )
            }
            Patroon::Geen => String::new(),
        };
        if !body.is_empty() {
            let _ = writeln!(
                s,
                "<pattern id=\"{id}-p{n}\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">{body}</pattern>",
                n = i + 1
            );
        }
    }
    s.push_str("</defs>\n");
    s
}

/// The style of a phase: on a ladder of n phases, the first is the lightest of [`FASE_STIJL`], the
/// last the darkest, and those between spread evenly over the rest (each a style of its own).
fn stijl(f: &Fase) -> usize {
    let (i, n) = (f.index(), f.of().clamp(2, MAX_FASEN));
    ((i * (MAX_FASEN - 1) + (n - 1) / 2) / (n - 1)).min(MAX_FASEN - 1)
}

/// A rectangle in a phase's fill and pattern.
fn fase_rect(s: &mut String, id: &str, f: &Fase, x: f64, y: f64, w: f64, h: f64) {
    let stijl = stijl(f);
    let (fill, patroon, _) = FASE_STIJL[stijl];
    let _ = write!(s, "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"{fill}\"/>");
    if !matches!(patroon, Patroon::Geen) {
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{h:.1}\" fill=\"url(#{id}-p{})\"/>",
            stijl + 1
        );
    }
}

/// A number in a small white label, centred at (cx, cy).
fn pill(s: &mut String, cx: f64, cy: f64, text: &str) {
    let w = 6.0 + 6.0 * text.chars().count() as f64;
    let _ = write!(
        s,
        "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"13\" rx=\"6.5\" fill=\"#ffffff\" fill-opacity=\"0.92\"/><text x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10.5\" font-weight=\"bold\" fill=\"{TEKST}\">{}</text>",
        cx - w / 2.0,
        cy - 6.5,
        cy + 3.7,
        xml(text)
    );
}

/// The phase legend: swatch, ladder number and name, in `per_rij` columns.
fn legenda(s: &mut String, id: &str, ladder: &Ladder, (x0, y0): (f64, f64), breedte: f64, per_rij: usize) -> f64 {
    let kol = breedte / per_rij as f64;
    for (i, f) in ladder.all().iter().enumerate() {
        let x = x0 + kol * (i % per_rij) as f64;
        let y = y0 + 20.0 * (i / per_rij) as f64;
        let _ = write!(s, "<g class=\"legenda\" data-fase=\"{}\">", xml(f.name()));
        fase_rect(s, id, f, x, y, 22.0, 14.0);
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"22\" height=\"14\" fill=\"none\" stroke=\"{LEGENDARAND}\" stroke-width=\"0.6\"/>"
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"{TEKST}\">{}. {}</text></g>",
            x + 28.0,
            y + 11.0,
            i + 1,
            xml(f.name())
        );
    }
    y0 + 20.0 * ladder.len().div_ceil(per_rij) as f64
}

/// The legend entry of a bar part whose phase the data does not state; returns the y below it.
fn legenda_niet_vastgelegd(s: &mut String, x: f64, y: f64) -> f64 {
    let _ = writeln!(
        s,
        "<g class=\"legenda\" data-fase=\"geen\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"22\" height=\"14\" fill=\"#ffffff\" stroke=\"{GRIJS}\" stroke-dasharray=\"3 2\"/><text x=\"{:.1}\" y=\"{:.1}\" fill=\"{TEKST}\">fase niet vastgelegd</text></g>",
        x + 28.0,
        y + 11.0
    );
    y + 20.0
}

// ---------------------------------------------------------------------------------------------
// Phase distribution

/// One row of the distribution: a themalijn or the total.
#[derive(Debug, Clone, Serialize)]
pub struct VerdelingRij {
    /// The themalijn id, or `totaal`.
    pub id: String,
    pub naam: String,
    /// Projects per phase, in ladder order.
    pub aantallen: Vec<usize>,
    /// Projects whose phase the data does not state for the moment (none recorded, or only for an
    /// earlier report).
    pub zonder_fase: usize,
    /// Of all counted: the subprojects.
    pub subprojecten: usize,
}

impl VerdelingRij {
    pub fn totaal(&self) -> usize {
        self.aantallen.iter().sum::<usize>() + self.zonder_fase
    }
}

/// The distribution of a state over the phases: its rows, and the projects it leaves out because
/// they had not started by its last month.
pub struct Verdeling<'a> {
    /// Per themalijn (those with projects counted, in themalijn order), then the total.
    pub rijen: Vec<VerdelingRij>,
    pub niet_gestart: Vec<&'a Project>,
}

/// How many projects the state shows in each phase at its last month, per themalijn and in total.
/// A phase counts only where the data states it for that moment ([`Project::fase_bekend_in`]); a
/// project that starts after the moment is not counted (it is listed in `niet_gestart`).
pub fn verdeling<'a>(stand: &Stand<'a>) -> Verdeling<'a> {
    let at = stand.tot.unwrap_or(stand.prog.werkagenda_einde);
    let moment = stand.periode.unwrap_or(Period { first: at, last: at, kind: crate::core::dates::PeriodKind::Month });
    let mut rijen: Vec<VerdelingRij> = Vec::new();
    let mut niet_gestart = Vec::new();
    let leeg = |id: &str, naam: &str| VerdelingRij {
        id: id.into(),
        naam: naam.into(),
        aantallen: vec![0; stand.prog.ladder.len()],
        zonder_fase: 0,
        subprojecten: 0,
    };
    let mut totaal = leeg("totaal", "Totaal");
    for t in &stand.prog.themalijnen {
        let mut rij = leeg(&t.id, &t.naam);
        for p in t.projecten.iter().filter(|p| stand.toont(p)) {
            if p.start.month().is_some_and(|s| s > at) {
                niet_gestart.push(p);
                continue;
            }
            match p.fase_bekend_in(&moment) {
                Some(step) => rij.aantallen[step.fase.index()] += 1,
                None => rij.zonder_fase += 1,
            }
            rij.subprojecten += usize::from(p.is_subproject());
        }
        if rij.totaal() == 0 {
            continue;
        }
        for (t, a) in totaal.aantallen.iter_mut().zip(&rij.aantallen) {
            *t += a;
        }
        totaal.zonder_fase += rij.zonder_fase;
        totaal.subprojecten += rij.subprojecten;
        rijen.push(rij);
    }
    rijen.push(totaal);
    Verdeling { rijen, niet_gestart }
}

fn projecten(n: usize) -> String {
    format!("{n} {}", if n == 1 { "project" } else { "projecten" })
}

/// "22 projecten en 6 subprojecten": what a count counts.
fn projecten_en_sub(n: usize, sub: usize) -> String {
    match sub {
        0 => projecten(n),
        1 => format!("{} en 1 subproject", projecten(n - 1)),
        _ => format!("{} en {sub} subprojecten", projecten(n - sub)),
    }
}

/// The phase distribution chart of a state. `moment` names its last month in words ("eind juni
/// 2024").
pub fn fasenverdeling(stand: &Stand, id: &str, moment: &str) -> Grafiek {
    let Verdeling { rijen, niet_gestart } = verdeling(stand);
    let totaal = rijen.last().expect("the total row");
    let titel = format!("Projecten per fase, {moment}");
    let ladder = &stand.prog.ladder;
    let (beschrijving, niet_gestart_tekst) = verdeling_beschrijving(ladder, &rijen, &niet_gestart, moment);

    // Layout: a label column, a bar of 100 % per row with the count in every segment, the row
    // total, then the legend.
    let w = 640.0;
    let maat = VerdelingMaat { label_w: 176.0, bar_x: 184.0, bar_w: 372.0, bar_h: 20.0 };
    let (rij_h, top) = (28.0, 22.0);
    let bar_x = maat.bar_x;
    let mut s = String::new();
    let (eerste, laatste_fase) = (ladder.first().map_or("", Fase::name), ladder.last().map_or("", Fase::name));
    let _ = writeln!(
        s,
        "<text x=\"{bar_x}\" y=\"13\" font-size=\"10.5\" fill=\"{GRIJS}\">← 1. {} … {}. {} →</text><text x=\"{:.1}\" y=\"13\" font-size=\"10.5\" fill=\"{GRIJS}\">aantal</text>",
        xml(eerste),
        ladder.len(),
        xml(laatste_fase),
        bar_x + maat.bar_w + 10.0
    );
    let mut y = top;
    let laatste = rijen.len() - 1;
    for (ri, r) in rijen.iter().enumerate() {
        if ri == laatste {
            let _ = writeln!(
                s,
                "<line x1=\"0\" y1=\"{:.1}\" x2=\"{w}\" y2=\"{:.1}\" stroke=\"#b8c4c6\" stroke-width=\"0.8\"/>",
                y + 1.0,
                y + 1.0
            );
            y += 6.0;
        }
        verdeling_rij(&mut s, ladder, r, (y, ri == laatste), id, &maat);
        y += rij_h;
    }
    let mut eind = legenda(&mut s, id, ladder, (bar_x - 60.0, y + 6.0), w - (bar_x - 60.0), 3);
    let met_zonder = rijen.iter().any(|r| r.zonder_fase > 0);
    if met_zonder {
        eind = legenda_niet_vastgelegd(&mut s, bar_x - 60.0, eind);
    }
    if let Some(t) = &niet_gestart_tekst {
        for regel in regels(t, 96, 4) {
            let _ = writeln!(
                s,
                "<text class=\"niet-gestart\" x=\"0\" y=\"{:.1}\" font-size=\"10.5\" fill=\"{GRIJS}\">{}</text>",
                eind + 12.0,
                xml(&regel)
            );
            eind += 14.0;
        }
        eind += 4.0;
    }
    let h = (eind + 4.0).ceil() as u32;
    let svg = in_huisstijl(begin(id, w as u32, h, &titel, &beschrijving) + &s + "</svg>\n", stand.prog);

    let tabel = verdeling_tabel(ladder, &rijen, totaal, (niet_gestart_tekst.as_deref(), met_zonder), moment);
    let beschrijving_pdf = pdf_alt(&beschrijving);
    Grafiek { id: id.to_string(), titel, beschrijving, beschrijving_pdf, svg, breedte: w as u32, hoogte: h, tabel }
}

/// The phase distribution in words (the chart's description), and the sentence on the projects
/// not counted because they start later.
fn verdeling_beschrijving(
    ladder: &Ladder,
    rijen: &[VerdelingRij],
    niet_gestart: &[&Project],
    moment: &str,
) -> (String, Option<String>) {
    let totaal = rijen.last().expect("the total row");
    let per_fase = |r: &VerdelingRij, ook_nul: bool| -> String {
        let mut delen: Vec<String> = ladder
            .all()
            .iter()
            .filter(|f| ook_nul || r.aantallen[f.index()] > 0)
            .map(|f| format!("{} {}", f.name(), r.aantallen[f.index()]))
            .collect();
        if r.zonder_fase > 0 {
            delen.push(format!("fase niet vastgelegd {}", r.zonder_fase));
        }
        delen.join(", ")
    };
    let mut beschrijving = format!(
        "Aantal projecten per fase, {moment}. In totaal {}: {}.",
        projecten_en_sub(totaal.totaal(), totaal.subprojecten),
        per_fase(totaal, true)
    );
    for r in &rijen[..rijen.len() - 1] {
        let _ = write!(
            beschrijving,
            " {} ({}): {}.",
            r.naam,
            projecten_en_sub(r.totaal(), r.subprojecten),
            per_fase(r, false)
        );
    }
    let niet_gestart_tekst = (!niet_gestart.is_empty()).then(|| {
        let namen: Vec<String> =
            niet_gestart.iter().map(|p| format!("{} (start {})", p.tabelnaam, p.start.table())).collect();
        format!(
            "Niet meegeteld: {} die later {} gestart: {}.",
            projecten(niet_gestart.len()),
            if niet_gestart.len() == 1 { "is" } else { "zijn" },
            namen.join(", ")
        )
    });
    if let Some(t) = &niet_gestart_tekst {
        let _ = write!(beschrijving, " {t}");
    }
    (beschrijving, niet_gestart_tekst)
}

/// The measures of a phase distribution's rows.
#[derive(Clone, Copy)]
struct VerdelingMaat {
    label_w: f64,
    bar_x: f64,
    bar_w: f64,
    bar_h: f64,
}

/// One row of the phase distribution (a themalijn, or the total in bold): its label, a bar of
/// 100 % with a segment per phase and its count, and its total.
fn verdeling_rij(
    s: &mut String,
    ladder: &Ladder,
    r: &VerdelingRij,
    (y, vet): (f64, bool),
    id: &str,
    maat: &VerdelingMaat,
) {
    let VerdelingMaat { label_w, bar_x, bar_w, bar_h } = *maat;
    let n = r.totaal();
    let gewicht = if vet { "bold" } else { "normal" };
    let _ = writeln!(
        s,
        "<g class=\"rij\" data-rij=\"{}\" data-totaal=\"{n}\"><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" font-weight=\"{gewicht}\" fill=\"{TEKST}\">{}</text>",
        xml(&r.id),
        label_w,
        y + bar_h / 2.0 + 4.0,
        xml(&r.naam)
    );
    let mut x = bar_x;
    let per = if n == 0 { 0.0 } else { bar_w / n as f64 };
    for f in ladder.all() {
        let a = r.aantallen[f.index()];
        if a == 0 {
            continue;
        }
        let sw = per * a as f64;
        let _ = write!(
            s,
            "<g class=\"segment\" data-fase=\"{}\" data-aantal=\"{a}\"><title>{}: {} in de {}</title>",
            xml(f.name()),
            xml(&r.naam),
            projecten(a),
            xml(f.name())
        );
        fase_rect(s, id, f, x, y, sw, bar_h);
        let _ = write!(
            s,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{sw:.1}\" height=\"{bar_h}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"1\"/>"
        );
        let pw = 6.0 + 6.0 * a.to_string().len() as f64;
        let cx = (x + sw / 2.0).clamp(bar_x + pw / 2.0, bar_x + bar_w - pw / 2.0);
        pill(s, cx, y + bar_h / 2.0, &a.to_string());
        s.push_str("</g>\n");
        x += sw;
    }
    if r.zonder_fase > 0 {
        let sw = per * r.zonder_fase as f64;
        let _ = write!(
            s,
            "<g class=\"segment\" data-fase=\"geen\" data-aantal=\"{}\"><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{sw:.1}\" height=\"{bar_h}\" fill=\"#ffffff\" stroke=\"{GRIJS}\" stroke-dasharray=\"3 2\"/>",
            r.zonder_fase
        );
        pill(s, x + sw / 2.0, y + bar_h / 2.0, &r.zonder_fase.to_string());
        s.push_str("</g>\n");
    }
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-weight=\"{gewicht}\" fill=\"{TEKST}\">{n}</text></g>",
        bar_x + bar_w + 10.0,
        y + bar_h / 2.0 + 4.0
    );
}

/// The phase distribution as a table: a row per themalijn and the total.
fn verdeling_tabel(
    ladder: &Ladder,
    rijen: &[VerdelingRij],
    totaal: &VerdelingRij,
    (niet_gestart_tekst, met_zonder): (Option<&str>, bool),
    moment: &str,
) -> Tabel {
    let laatste = rijen.len() - 1;
    let mut kolommen = vec!["Themalijn".to_string()];
    kolommen.extend(ladder.names().map(str::to_string));
    if met_zonder {
        kolommen.push("Fase niet vastgelegd".into());
    }
    kolommen.push("Totaal".into());
    Tabel {
        bijschrift: format!(
            "Aantal projecten per fase per themalijn, {moment}: {}{}",
            projecten_en_sub(totaal.totaal(), totaal.subprojecten),
            niet_gestart_tekst.map(|t| format!(". {t}")).unwrap_or_default()
        ),
        numeriek: true,
        kolommen,
        rijen: rijen
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut cellen: Vec<String> = r.aantallen.iter().map(|a| a.to_string()).collect();
                if met_zonder {
                    cellen.push(r.zonder_fase.to_string());
                }
                cellen.push(r.totaal().to_string());
                TabelRij { kop: r.naam.clone(), cellen, totaal: i == laatste }
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Phase timeline

/// The time axis of the timelines of one document, whole years: from the year of the earliest
/// dated start to the end of the werkagenda (or a later end).
#[derive(Debug, Clone, Copy)]
pub struct Tijdas {
    pub van: Month,
    pub tot: Month,
}

impl Tijdas {
    pub fn voor(prog: &Programme, projecten: &[&Project], periode: Period) -> Tijdas {
        let eerste = projecten.iter().filter_map(|p| p.start.month()).chain([periode.first]).min().expect("non-empty");
        let laatste = projecten
            .iter()
            .filter_map(|p| p.einde.month())
            .chain([periode.last, prog.werkagenda_einde])
            .max()
            .expect("non-empty");
        Tijdas { van: Month { year: eerste.year, month: 1 }, tot: Month { year: laatste.year, month: 12 } }
    }

    fn maanden(&self) -> i64 {
        index(self.van, self.tot) + 1
    }
}

/// Months from `a` to `b`.
fn index(a: Month, b: Month) -> i64 {
    (b.year as i64 - a.year as i64) * 12 + b.month as i64 - a.month as i64
}

/// Wrap a label into lines of at most `breedte` characters (at most `max` lines; the last line
/// ends in "…" when the name is longer: the table under the chart has it in full).
fn regels(tekst: &str, breedte: usize, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = textwrap::wrap(tekst, breedte).into_iter().map(|c| c.into_owned()).collect();
    if lines.len() > max {
        lines.truncate(max);
        let last = lines.last_mut().expect("max > 0");
        let keep: String = last.chars().take(breedte.saturating_sub(1)).collect();
        *last = format!("{}…", keep.trim_end());
    }
    lines
}

/// A phase segment of a project: `fase` (None: before its first phase) from `van` to `tot`.
struct Stuk {
    fase: Option<Fase>,
    van: Month,
    tot: Month,
}

/// The known phases of `p` from `begin` to `eind` (inclusive).
fn stukken(p: &Project, begin: Month, eind: Month) -> Vec<Stuk> {
    let mut out: Vec<Stuk> = Vec::new();
    let mut m = begin;
    while m <= eind {
        let f = p.fase_op(m);
        match out.last_mut() {
            Some(s) if s.fase == f => s.tot = m,
            _ => out.push(Stuk { fase: f, van: m, tot: m }),
        }
        m = m.next();
    }
    out
}

/// "Definitiefase per juni 2024; Realisatiefase sinds 09-2024" — the phase history known up to
/// `tot`: a dated step since its month, an undated one as of the report that states it.
fn geschiedenis(p: &Project, tot: Month) -> String {
    let delen: Vec<String> = p
        .fasen
        .iter()
        .filter(|s| s.bekend_vanaf() <= tot)
        .map(|s| match s.sinds {
            Some(m) => format!("{} sinds {}", s.fase.name(), m.table()),
            None => format!("{} {}", s.fase.name(), bekend(p, s)),
        })
        .collect();
    if delen.is_empty() { "geen fase vastgelegd".into() } else { delen.join("; ") }
}

/// Since when an undated step is known: "per juni 2024", the end of the period of the report that
/// states it; "volgens de rapportage over januari t/m juni 2024" when the project started after that
/// month (the report, written later, states the phase of a project that had not started at the end
/// of its period, and no month is given).
fn bekend(p: &Project, step: &crate::model::FaseStap) -> String {
    match (step.gemeld, p.start.month()) {
        (Some(g), Some(start)) if start > step.bekend_vanaf() => {
            let soort = match g {
                crate::model::Gemeld::Rapportage(_) => "de rapportage",
                crate::model::Gemeld::Editie(_) => "de nieuwsbrief",
            };
            format!("volgens {soort} over {}", g.periode().dutch().to_lowercase())
        }
        _ => format!("per {}", step.bekend_vanaf().dutch()),
    }
}

/// The phase of `p` at the end of `periode` as a table cell: the phase the data states for the
/// period, else the latest one known before it with its date, else "–".
pub fn fase_cel(p: &Project, periode: &Period) -> String {
    match (p.fase_bekend_in(periode), p.current_step(periode.last)) {
        (Some(step), _) => step.fase.name().to_string(),
        (None, Some(step)) => format!("{} ({})", step.fase.name(), bekend(p, step)),
        (None, None) => "–".into(),
    }
}

/// The phase timeline of the projects of themalijn `t` that the rapportage of `periode` shows: a
/// row per project (its label, its phases, its expected run, its open start or end), then the
/// legend; beside it the same facts as a table.
pub fn tijdlijn(prog: &Programme, t: &Themalijn, projecten: &[&Project], periode: Period, as_: Tijdas) -> Grafiek {
    let id = format!("tijdlijn-{}", t.id);
    let titel = format!("Tijdlijn van de projecten van de themalijn {}", t.naam);
    let tot = periode.last;
    let mut beschrijving = format!(
        "Per project de looptijd van start tot einde, met elke fase vanaf de maand waarin die is vastgelegd (een fase zonder begindatum vanaf de rapportage die haar noemt), tot en met {}; gemarkeerd is de rapportageperiode {}.",
        tot.dutch(),
        periode.dutch().to_lowercase()
    );
    for p in projecten {
        let _ = write!(
            beschrijving,
            " {}: start {}, einde {}; {}.",
            p.tabelnaam,
            p.start.table(),
            p.einde.table(),
            geschiedenis(p, tot)
        );
    }

    let w = 640.0;
    let schaal = Schaal { van: as_.van, x0: 222.0, breedte: 378.0, maanden: as_.maanden() as f64 };
    let kop = 20.0;
    // Rows and their heights first: the period band spans them all.
    let labels: Vec<Vec<String>> =
        projecten.iter().map(|p| regels(&p.tabelnaam, if p.is_subproject() { 33 } else { 36 }, 3)).collect();
    let hoogtes: Vec<f64> = labels.iter().map(|l| (l.len() as f64 * 13.0 + 9.0).max(24.0)).collect();
    let rijen_h: f64 = hoogtes.iter().sum();
    let mut s = String::new();
    raster(&mut s, &schaal, as_, periode, kop, rijen_h);
    let mut y = kop;
    for ((p, label), h) in projecten.iter().zip(&labels).zip(&hoogtes) {
        let rij = Rij { y, h: *h, bar_h: 12.0 };
        tijdlijn_rij(&mut s, prog, p, label, &rij, &schaal, as_, periode, &id);
        y += h;
    }
    // Legend: the marks, then the phases.
    let ly = y + 16.0;
    let _ = writeln!(
        s,
        "<g class=\"legenda-tekens\" font-size=\"10.5\" fill=\"{TEKST}\"><rect x=\"0\" y=\"{:.1}\" width=\"18\" height=\"10\" fill=\"{PERIODE}\" stroke=\"{ACCENT}\" stroke-width=\"0.8\" stroke-dasharray=\"2 2\"/><text x=\"24\" y=\"{:.1}\">rapportageperiode {}</text><rect x=\"230\" y=\"{:.1}\" width=\"18\" height=\"9\" fill=\"none\" stroke=\"{PRIMAIR}\" stroke-dasharray=\"3 2\"/><text x=\"254\" y=\"{:.1}\">verwachte looptijd na de periode</text><path d=\"M440 {:.1} L448 {:.1} L440 {:.1} Z\" fill=\"{PRIMAIR}\"/><text x=\"452\" y=\"{:.1}\">doorlopend</text><text x=\"520\" y=\"{:.1}\" font-weight=\"bold\" fill=\"{PRIMAIR}\">?</text><text x=\"530\" y=\"{:.1}\">einde nog niet bekend</text></g>",
        ly - 9.0,
        ly,
        xml(&periode.dutch().to_lowercase()),
        ly - 8.5,
        ly,
        ly - 8.0,
        ly - 3.0,
        ly + 2.0,
        ly,
        ly,
        ly
    );
    let ly2 = ly + 16.0;
    let _ = writeln!(
        s,
        "<g class=\"legenda-tekens\" font-size=\"10.5\" fill=\"{TEKST}\"><path d=\"M0 {:.1} L7 {:.1} L7 {:.1} Z\" fill=\"{PRIMAIR}\"/><text x=\"12\" y=\"{ly2:.1}\">gestart voor de huidige werkagenda</text><line x1=\"230\" y1=\"{:.1}\" x2=\"230\" y2=\"{:.1}\" stroke=\"{PRIMAIR}\" stroke-width=\"2\"/><text x=\"236\" y=\"{ly2:.1}\">einddatum</text><text x=\"330\" y=\"{ly2:.1}\">het cijfer is de fase, vanaf de maand waarin die is vastgelegd:</text></g>",
        ly2 - 4.0,
        ly2 - 9.0,
        ly2 + 1.0,
        ly2 - 10.0,
        ly2 + 2.0
    );
    let eind_y = legenda(&mut s, &id, &prog.ladder, (0.0, ly2 + 8.0), w, 3);
    let eind_y = legenda_niet_vastgelegd(&mut s, 0.0, eind_y);
    let h = (eind_y + 4.0).ceil() as u32;
    let svg = in_huisstijl(begin(&id, w as u32, h, &titel, &beschrijving) + &s + "</svg>\n", prog);
    let tabel = tijdlijn_tabel(t, projecten, periode);
    let beschrijving_pdf = pdf_alt(&beschrijving);
    Grafiek { id, titel, beschrijving, beschrijving_pdf, svg, breedte: w as u32, hoogte: h, tabel }
}

/// The horizontal scale of a timeline: months to x.
struct Schaal {
    van: Month,
    x0: f64,
    breedte: f64,
    maanden: f64,
}

impl Schaal {
    /// The start of month `m`.
    fn x(&self, m: Month) -> f64 {
        self.x0 + index(self.van, m) as f64 * self.breedte / self.maanden
    }
    /// The end of month `m`.
    fn x_na(&self, m: Month) -> f64 {
        self.x(m) + self.breedte / self.maanden
    }
}

/// A project's row: its top, its height and the height of its bar.
struct Rij {
    y: f64,
    h: f64,
    bar_h: f64,
}

impl Rij {
    /// The top of the bar, centred in the row.
    fn by(&self) -> f64 {
        self.y + (self.h - self.bar_h) / 2.0
    }
}

/// The period band, the year grid and the year labels, behind the rows.
fn raster(s: &mut String, schaal: &Schaal, as_: Tijdas, periode: Period, kop: f64, rijen_h: f64) {
    let _ = writeln!(
        s,
        "<rect class=\"periode\" data-van=\"{}\" data-tot=\"{}\" x=\"{:.1}\" y=\"{kop}\" width=\"{:.1}\" height=\"{rijen_h:.1}\" fill=\"{PERIODE}\" stroke=\"{ACCENT}\" stroke-width=\"0.8\" stroke-dasharray=\"2 2\"/>",
        periode.first,
        periode.last,
        schaal.x(periode.first),
        schaal.x_na(periode.last) - schaal.x(periode.first)
    );
    for jaar in as_.van.year..=as_.tot.year {
        let jx = schaal.x(Month { year: jaar, month: 1 });
        let _ = writeln!(
            s,
            "<line x1=\"{jx:.1}\" y1=\"{:.1}\" x2=\"{jx:.1}\" y2=\"{:.1}\" stroke=\"#d5dcde\" stroke-width=\"0.7\"/><text x=\"{:.1}\" y=\"14\" text-anchor=\"middle\" font-size=\"10.5\" fill=\"{GRIJS}\">{jaar}</text>",
            kop - 4.0,
            kop + rijen_h,
            jx + schaal.breedte / schaal.maanden * 6.0
        );
    }
    let eind_x = schaal.x_na(as_.tot);
    let _ = writeln!(
        s,
        "<line x1=\"{eind_x:.1}\" y1=\"{:.1}\" x2=\"{eind_x:.1}\" y2=\"{:.1}\" stroke=\"#d5dcde\" stroke-width=\"0.7\"/>",
        kop - 4.0,
        kop + rijen_h
    );
}

/// One project's row of the timeline: its label, the phases known up to the end of the period,
/// the expected run after it, and its open start or end.
#[allow(clippy::too_many_arguments)]
fn tijdlijn_rij(
    s: &mut String,
    prog: &Programme,
    p: &Project,
    label: &[String],
    rij: &Rij,
    schaal: &Schaal,
    as_: Tijdas,
    periode: Period,
    id: &str,
) {
    let tot = periode.last;
    let fase = p.fase_bekend_in(&periode).map(|s| &s.fase);
    let _ = write!(
        s,
        "<g class=\"project\" data-project=\"{}\" data-start=\"{}\" data-einde=\"{}\" data-fase=\"{}\">",
        xml(&p.id),
        xml(&p.start.table()),
        xml(&p.einde.table()),
        xml(fase.map_or("", |f| f.name()))
    );
    rij_label(s, p, label, rij);
    // Start: a month, or before the werkagenda (an open start at the axis).
    let begin = match p.start {
        Start::Month(m) => m.max(as_.van),
        Start::BeforeWerkagenda => as_.van,
    };
    // End: a month, the werkagenda's end for "doorlopend", the axis end for "nog niet bekend".
    let eind = match p.einde {
        Einde::Month(m) => m.min(as_.tot),
        Einde::Doorlopend => prog.werkagenda_einde.min(as_.tot),
        Einde::NogNietBekend => as_.tot,
    };
    // Known: the phases up to the end of the period; after it only the expected run.
    let bekend_tot = eind.min(tot);
    if begin <= bekend_tot {
        rij_fasen(s, p, rij, schaal, begin, bekend_tot, id);
    }
    rij_gepland(s, rij, schaal, begin, eind, tot);
    rij_einden(s, p, rij, schaal, as_, eind);
    s.push_str("</g>\n");
}

/// A project's label beside its bar; a subproject indented under a small hook (the fonts have no
/// arrow glyph to rely on).
fn rij_label(s: &mut String, p: &Project, label: &[String], rij: &Rij) {
    let (y, h) = (rij.y, rij.h);
    let ly = y + (h - 13.0 * label.len() as f64) / 2.0 + 10.0;
    let inspring = if p.is_subproject() { 14.0 } else { 0.0 };
    if p.is_subproject() {
        let _ = write!(
            s,
            "<path class=\"sub\" d=\"M3 {:.1} V{:.1} H10\" fill=\"none\" stroke=\"{GRIJS}\" stroke-width=\"1\"/>",
            ly - 9.0,
            ly - 3.5
        );
    }
    let _ = write!(s, "<text x=\"{:.1}\" y=\"{ly:.1}\" fill=\"{TEKST}\" font-size=\"11\">", inspring);
    for (i, l) in label.iter().enumerate() {
        let _ = write!(s, "<tspan x=\"{inspring}\" dy=\"{}\">{}</tspan>", if i == 0 { 0 } else { 13 }, xml(l));
    }
    s.push_str("</text>");
}

/// The phases of a project's row from `begin` to `bekend_tot`: a bar piece per phase from the
/// month it is recorded (or a dashed piece where none is), and a phase known only from a report
/// marked at that report's month.
fn rij_fasen(s: &mut String, p: &Project, rij: &Rij, schaal: &Schaal, begin: Month, bekend_tot: Month, id: &str) {
    let (by, bar_h) = (rij.by(), rij.bar_h);
    for st in stukken(p, begin, bekend_tot) {
        let (sx, sw) = (schaal.x(st.van), schaal.x_na(st.tot) - schaal.x(st.van));
        match st.fase {
            Some(f) => {
                let _ = write!(
                    s,
                    "<g class=\"fase\" data-fase=\"{}\" data-van=\"{}\" data-tot=\"{}\"><title>{}: {} van {} tot en met {}</title>",
                    xml(f.name()),
                    st.van,
                    st.tot,
                    xml(&p.tabelnaam),
                    xml(f.name()),
                    st.van.table(),
                    st.tot.table()
                );
                fase_rect(s, id, &f, sx, by, sw, bar_h);
                let _ = write!(
                    s,
                    "<rect x=\"{sx:.1}\" y=\"{by:.1}\" width=\"{sw:.1}\" height=\"{bar_h}\" fill=\"none\" stroke=\"{PRIMAIR}\" stroke-width=\"0.6\"/>"
                );
                if sw >= 16.0 {
                    pill(s, sx + sw / 2.0, by + bar_h / 2.0, &(f.index() + 1).to_string());
                }
                s.push_str("</g>");
            }
            None => {
                // A project started before the werkagenda has no first month: its bar begins at
                // the axis, which is no date of the project's.
                let open = p.start == Start::BeforeWerkagenda && st.van == begin;
                let (data_van, van) = if open {
                    (String::new(), String::new())
                } else {
                    (format!(" data-van=\"{}\"", st.van), format!("van {} ", st.van.table()))
                };
                let _ = write!(
                    s,
                    "<rect class=\"zonder-fase\"{data_van} data-tot=\"{}\" x=\"{sx:.1}\" y=\"{by:.1}\" width=\"{sw:.1}\" height=\"{bar_h}\" fill=\"#ffffff\" stroke=\"{GRIJS}\" stroke-width=\"0.6\" stroke-dasharray=\"3 2\"><title>{}: fase niet vastgelegd {van}tot en met {}</title></rect>",
                    st.tot,
                    xml(&p.tabelnaam),
                    st.tot.table()
                );
            }
        }
    }
    // A phase known only from a report: marked at that report's month with its number.
    for step in p.fasen.iter().filter(|st| !st.gedateerd()) {
        let m = step.bekend_vanaf();
        if m < begin || m > bekend_tot {
            continue;
        }
        let _ = write!(
            s,
            "<g class=\"fase-per\" data-fase=\"{}\" data-per=\"{m}\"><title>{}: {} per {}</title>",
            xml(step.fase.name()),
            xml(&p.tabelnaam),
            xml(step.fase.name()),
            m.dutch()
        );
        let cx = (schaal.x(m) + schaal.x_na(m)) / 2.0;
        fase_rect(s, id, &step.fase, cx - 9.0, by - 2.0, 18.0, bar_h + 4.0);
        let _ = write!(
            s,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"18\" height=\"{:.1}\" fill=\"none\" stroke=\"{PRIMAIR}\" stroke-width=\"0.8\"/>",
            cx - 9.0,
            by - 2.0,
            bar_h + 4.0
        );
        pill(s, cx, by + bar_h / 2.0, &(step.fase.index() + 1).to_string());
        s.push_str("</g>");
    }
}

/// The expected run after the period (or after a start later than the period), dashed.
fn rij_gepland(s: &mut String, rij: &Rij, schaal: &Schaal, begin: Month, eind: Month, tot: Month) {
    let (by, bar_h) = (rij.by(), rij.bar_h);
    let gepland_van = if begin > tot { begin } else { tot.next() };
    if gepland_van <= eind {
        let (gx, gw) = (schaal.x(gepland_van), schaal.x_na(eind) - schaal.x(gepland_van));
        let _ = write!(
            s,
            "<rect class=\"gepland\" data-van=\"{gepland_van}\" data-tot=\"{eind}\" x=\"{gx:.1}\" y=\"{:.1}\" width=\"{gw:.1}\" height=\"{:.1}\" fill=\"none\" stroke=\"{PRIMAIR}\" stroke-width=\"0.9\" stroke-dasharray=\"3 2\"/>",
            by + 1.5,
            bar_h - 3.0
        );
    }
}

/// A project's open start (before the werkagenda) and its end: a month, "doorlopend" or "nog niet
/// bekend".
fn rij_einden(s: &mut String, p: &Project, rij: &Rij, schaal: &Schaal, as_: Tijdas, eind: Month) {
    let (by, bar_h) = (rij.by(), rij.bar_h);
    // Open start and open ends.
    let my = by + bar_h / 2.0;
    if p.start == Start::BeforeWerkagenda {
        let ax = schaal.x(as_.van);
        let _ = write!(
            s,
            "<path class=\"open-start\" d=\"M{:.1} {my:.1} L{ax:.1} {:.1} L{ax:.1} {:.1} Z\" fill=\"{PRIMAIR}\"><title>gestart voor de huidige werkagenda</title></path>",
            ax - 7.0,
            my - 5.0,
            my + 5.0
        );
    }
    let ex = schaal.x_na(eind);
    match p.einde {
        Einde::Doorlopend => {
            let _ = write!(
                s,
                "<path class=\"open-einde\" data-einde=\"doorlopend\" d=\"M{ex:.1} {:.1} L{:.1} {my:.1} L{ex:.1} {:.1} Z\" fill=\"{PRIMAIR}\"><title>doorlopend</title></path><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"9.5\" fill=\"{GRIJS}\">doorl.</text>",
                my - 5.0,
                ex + 8.0,
                my + 5.0,
                ex + 10.0,
                my + 3.5
            );
        }
        Einde::NogNietBekend => {
            let _ = write!(
                s,
                "<text class=\"open-einde\" data-einde=\"nog niet bekend\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"12\" font-weight=\"bold\" fill=\"{PRIMAIR}\">?<title>einde nog niet bekend</title></text>",
                ex + 3.0,
                my + 4.0
            );
        }
        Einde::Month(_) => {
            let _ = write!(
                s,
                "<line class=\"einde\" x1=\"{ex:.1}\" y1=\"{:.1}\" x2=\"{ex:.1}\" y2=\"{:.1}\" stroke=\"{PRIMAIR}\" stroke-width=\"2\"/>",
                by - 2.0,
                by + bar_h + 2.0
            );
        }
    }
}

/// The timeline's facts as a table: each project's start, end, phases and current phase.
fn tijdlijn_tabel(t: &Themalijn, projecten: &[&Project], periode: Period) -> Tabel {
    let tot = periode.last;
    Tabel {
        bijschrift: format!("Looptijd en fasen van de projecten van de themalijn {}", t.naam.to_lowercase()),
        numeriek: false,
        kolommen: vec![
            "Project".into(),
            "Startdatum".into(),
            "Einddatum".into(),
            format!("Fasen tot en met {}", tot.dutch()),
            "Fase volgens deze rapportage".into(),
        ],
        rijen: projecten
            .iter()
            .map(|p| TabelRij {
                kop: p.tabelnaam.clone(),
                cellen: vec![p.start.table(), p.einde.table(), geschiedenis(p, tot), fase_cel(p, &periode)],
                totaal: false,
            })
            .collect(),
    }
}

// ---------------------------------------------------------------------------------------------
// Raster image for e-mail

/// The SVG rasterised to PNG at `schaal` (2: sharp on high-density screens), with the embedded
/// fonts only (no system fonts: the same bytes on every machine).
pub fn png(svg: &str, schaal: f32, file: &str) -> Result<Vec<u8>, super::RenderError> {
    let fail = |message: &str| super::RenderError::file(file, message);
    use resvg::{tiny_skia, usvg};
    use std::sync::{Arc, OnceLock};
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    let fontdb = FONTS
        .get_or_init(|| {
            let mut db = usvg::fontdb::Database::new();
            for f in super::pdf::EXTRA_FONTS {
                db.load_font_data(f.to_vec());
            }
            db.set_sans_serif_family("Carlito");
            Arc::new(db)
        })
        .clone();
    let opt = usvg::Options { font_family: "Carlito".into(), fontdb, ..usvg::Options::default() };
    let tree =
        usvg::Tree::from_str(svg, &opt).map_err(|e| fail(&crate::t!("build-chart-svg", error = e.to_string())))?;
    let size = tree.size().to_int_size().scale_by(schaal).ok_or_else(|| fail(&crate::t!("build-chart-size")))?;
    let mut pixmap =
        tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| fail(&crate::t!("build-chart-size")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(&tree, tiny_skia::Transform::from_scale(schaal, schaal), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| fail(&crate::t!("build-chart-png", error = e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_in_names() {
        assert_eq!(xml("A & B <script>\"x\"'"), "A &amp; B &lt;script&gt;&quot;x&quot;&#39;");
    }

    #[test]
    fn the_pdf_alt_text_is_whole_when_it_fits_and_cut_after_a_sentence_when_not() {
        assert_eq!(pdf_alt("Twee projecten. Eén: start 2024."), "Twee projecten. Eén: start 2024.");
        let lang = "Project één: start 2024-01, einde doorlopend. ".repeat(1000);
        let alt = pdf_alt(&lang);
        assert!(alt.chars().count() <= PDF_ALT_MAX, "{}", alt.chars().count());
        assert!(alt.ends_with("op zijn projectpagina.)") && alt.contains("doorlopend. (Ingekort"), "{alt}");
        // UTF-16 with its byte-order mark: within PDF/A's 32767 bytes.
        assert!(alt.encode_utf16().count() * 2 + 2 <= 32767);
    }

    #[test]
    fn long_labels_wrap_and_end_in_an_ellipsis() {
        let l = regels("Scholing- en deskundigheidsbevordering voor huishoudelijke ondersteuning", 36, 3);
        assert!(l.len() <= 3 && !l.concat().contains('…'), "{l:?}");
        let l = regels(&"woord ".repeat(40), 12, 2);
        assert_eq!(l.len(), 2);
        assert!(l[1].ends_with('…'));
    }
}
