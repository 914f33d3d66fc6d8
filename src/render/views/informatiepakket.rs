//! The Informatiepakket: the programme's owners, governance, staffing, themalijnen with their
//! financing and the budget, for a board. Amounts and totals are formatted here, in Dutch notation,
//! from the totals the model computed.

use super::{ProgrammeInfo, Provenance, programme_info};
use crate::core::dates::day_dutch as date_dutch;
use crate::core::document::{DocumentKind, DocumentPeriod};
use crate::core::notation::euro;
use crate::model::Programme;
use crate::model::content::{self, Markdown};
use crate::model::informatiepakket::Zijde;
use crate::render::{Content, Document, RenderError};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct OrgaanView {
    /// Anchor in the HTML page.
    pub id: String,
    /// "Bestuurlijk Overleg (BO)".
    pub titel: String,
    pub omschrijving: Option<Markdown>,
}

#[derive(Debug, Serialize)]
pub struct FunctieView {
    pub functie: String,
    /// "3,31".
    pub fte: String,
    pub omschrijving: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PersoneelView {
    /// "1 november 2024".
    pub peildatum_nl: String,
    pub functies: Vec<FunctieView>,
    /// The sum of the roles: "33,21".
    pub totaal_fte: String,
    pub medewerkers: Option<u32>,
    pub medewerkers_toelichting: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct BouwsteenView {
    /// Position in the overview (1 first).
    pub nummer: usize,
    pub id: String,
    pub naam: String,
    /// "Themalijn bestaanszekerheid".
    pub titel: String,
    pub duiding: Option<Markdown>,
    /// The project names as the document lists them.
    pub projecten: Vec<String>,
    /// From the themalijn file.
    pub financiering: Option<Markdown>,
}

#[derive(Debug, Serialize)]
pub struct BouwstenenView {
    pub inleiding: Option<Markdown>,
    pub themalijnen: Vec<BouwsteenView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PostView {
    pub post: String,
    /// "€ 5.326.438".
    pub bedrag: String,
    /// The mark of this line's note ("*"), if it has one.
    pub teken: Option<String>,
    /// The number of that note (1 first).
    pub noot: Option<usize>,
}

/// A total of one side: "Totaal", "Risicoreserve", "Totaal incl. reserve".
#[derive(Debug, Clone, Serialize)]
pub struct TotaalView {
    pub label: &'static str,
    pub bedrag: String,
    /// A sum (printed bold), not a stated amount such as the reserve.
    pub som: bool,
}

#[derive(Debug, Serialize)]
pub struct ZijdeView {
    pub posten: Vec<PostView>,
    pub totalen: Vec<TotaalView>,
}

/// A row of the side-by-side table (PDF): a baten line and a lasten line, either may be absent.
#[derive(Debug, Serialize)]
pub struct RijView<T> {
    pub baten: Option<T>,
    pub lasten: Option<T>,
}

#[derive(Debug, Serialize)]
pub struct NootView {
    pub teken: String,
    pub tekst: String,
}

#[derive(Debug, Serialize)]
pub struct BegrotingView {
    pub jaar: i32,
    /// Header of the amount columns.
    pub kolom: String,
    pub baten: ZijdeView,
    pub lasten: ZijdeView,
    /// The lines side by side, the longer side setting the number of rows.
    pub rijen: Vec<RijView<PostView>>,
    /// The totals side by side, aligned below the lines.
    pub totaalrijen: Vec<RijView<TotaalView>>,
    /// The notes on lines, in order of their marks.
    pub noten: Vec<NootView>,
}

#[derive(Debug, Serialize)]
pub struct InformatiepakketView {
    pub titel: String,
    pub voor: Option<String>,
    pub afschrift_aan: Option<String>,
    /// YYYY-MM-DD: the file name and the manifest's period.
    pub datum: chrono::NaiveDate,
    /// "31 oktober 2024".
    pub datum_nl: String,
    pub programma: ProgrammeInfo,
    pub vooraf: Option<Markdown>,
    pub strategisch: Option<Markdown>,
    pub ontstaansgeschiedenis: Option<Markdown>,
    pub governance: Option<Markdown>,
    /// The governance bodies of koers.yaml, in order.
    pub organen: Vec<OrgaanView>,
    pub personeel: Option<PersoneelView>,
    pub gastheer: Option<content::Paragraaf>,
    pub context: Vec<content::Paragraaf>,
    pub bouwstenen: Option<BouwstenenView>,
    pub financien: Option<Markdown>,
    pub begroting: Option<BegrotingView>,
    pub bronnen: Option<Markdown>,
    pub bron: Provenance,
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn zijde(z: &Zijde, noot: &mut impl FnMut(&content::Begrotingspost) -> Option<usize>) -> ZijdeView {
    let mut totalen = vec![TotaalView { label: "Totaal", bedrag: euro(z.totaal), som: true }];
    if let (Some(r), Some(t)) = (z.risicoreserve, z.totaal_incl_reserve) {
        totalen.push(TotaalView { label: "Risicoreserve", bedrag: euro(r), som: false });
        totalen.push(TotaalView { label: "Totaal incl. reserve", bedrag: euro(t), som: true });
    }
    ZijdeView {
        posten: z
            .posten
            .iter()
            .map(|p| {
                let noot = noot(p);
                PostView { post: p.post.clone(), bedrag: euro(p.bedrag), teken: noot.map(|n| "*".repeat(n)), noot }
            })
            .collect(),
        totalen,
    }
}

/// Side by side: row i holds line i of each side.
fn naast_elkaar<T>(a: Vec<T>, b: Vec<T>) -> Vec<RijView<T>> {
    let n = a.len().max(b.len());
    let (mut a, mut b) = (a.into_iter(), b.into_iter());
    (0..n).map(|_| RijView { baten: a.next(), lasten: b.next() }).collect()
}

/// The informatiepakket as a document; None when there is no informatiepakket.yaml.
pub(crate) fn document(prog: &Programme, bron: &Provenance) -> Result<Option<Document>, RenderError> {
    let Some(view) = informatiepakket(prog, bron) else {
        return Ok(None);
    };
    Ok(Some(Document {
        kind: DocumentKind::Informatiepakket,
        content: Content::Tree(Box::new(tree(&view))),
        title: view.titel.clone(),
        stem: format!("informatiepakket/informatiepakket-{}", view.datum),
        period: DocumentPeriod::Text(view.datum.to_string()),
        draft: false,
        grafieken: vec![],
        afbeeldingen: vec![],
        figuren: vec![],
        bericht: None,
        // Its date is a fact of the document (the board meeting it was written for), in its file name
        // too: --date does not replace it.
        dag: prog.informatiepakket.as_ref().map(|i| i.datum),
    }))
}

/// The informatiepakket's view: owners, governance, staffing, themalijnen and budget, with the
/// budget's notes numbered.
///
/// Long because the view is one struct literal with a field per part of the document; each field is
/// computed in a line or a few.
pub fn informatiepakket(prog: &Programme, bron: &Provenance) -> Option<InformatiepakketView> {
    let ip = prog.informatiepakket.as_ref()?;
    let organen = prog
        .organisatie
        .iter()
        .map(|o| OrgaanView {
            id: slug(&o.naam),
            titel: match &o.afkorting {
                Some(a) => format!("{} ({a})", o.naam),
                None => o.naam.clone(),
            },
            omschrijving: o.omschrijving.clone(),
        })
        .collect();
    let personeel = ip.personeel.as_ref().map(|p| PersoneelView {
        peildatum_nl: date_dutch(p.peildatum),
        functies: p
            .functies
            .iter()
            .map(|f| FunctieView {
                functie: f.functie.clone(),
                fte: f.fte.dutch(),
                omschrijving: f.omschrijving.clone(),
            })
            .collect(),
        totaal_fte: p.totaal.dutch(),
        medewerkers: p.medewerkers,
        medewerkers_toelichting: p.medewerkers_toelichting.clone(),
    });
    let bouwstenen = ip.bouwstenen.as_ref().map(|b| BouwstenenView {
        inleiding: b.inleiding.clone(),
        themalijnen: b
            .themalijnen
            .iter()
            .enumerate()
            .filter_map(|(i, bs)| {
                let t = prog.themalijnen.iter().find(|t| t.id == bs.themalijn)?;
                Some(BouwsteenView {
                    nummer: i + 1,
                    id: t.id.clone(),
                    naam: t.naam.clone(),
                    titel: format!("Themalijn {}", t.naam.to_lowercase()),
                    duiding: bs.duiding.clone(),
                    projecten: bs
                        .projecten
                        .iter()
                        .filter_map(|p| p.naam.clone().or_else(|| prog.project(&p.project).map(|x| x.naam.clone())))
                        .collect(),
                    financiering: t.financiering.clone(),
                })
            })
            .collect(),
    });
    let begroting = ip.begroting.as_ref().map(|b| {
        let mut noten: Vec<NootView> = Vec::new();
        let mut noot = |p: &content::Begrotingspost| {
            let tekst = p.noot.as_ref()?;
            noten.push(NootView { teken: "*".repeat(noten.len() + 1), tekst: tekst.clone() });
            Some(noten.len())
        };
        let baten = zijde(&b.baten, &mut noot);
        let lasten = zijde(&b.lasten, &mut noot);
        let rijen = naast_elkaar(baten.posten.clone(), lasten.posten.clone());
        let totaalrijen = naast_elkaar(baten.totalen.clone(), lasten.totalen.clone());
        BegrotingView { jaar: b.jaar, kolom: b.kolom.clone(), baten, lasten, rijen, totaalrijen, noten }
    });
    Some(InformatiepakketView {
        titel: ip.titel.clone(),
        voor: ip.voor.clone(),
        afschrift_aan: ip.afschrift_aan.clone(),
        datum: ip.datum,
        datum_nl: date_dutch(ip.datum),
        programma: programme_info(prog),
        vooraf: ip.vooraf.clone(),
        strategisch: ip.strategisch.clone(),
        ontstaansgeschiedenis: ip.ontstaansgeschiedenis.clone(),
        governance: ip.governance.clone(),
        organen,
        personeel,
        gastheer: ip.gastheer.clone(),
        context: ip.context.clone(),
        bouwstenen,
        financien: ip.financien.clone(),
        begroting,
        bronnen: ip.bronnen.clone(),
        bron: bron.clone(),
    })
}

// ---------------------------------------------------------------------------------------------
// The document tree

use super::tree::{self as t, Teksten};
use crate::render::doc::{self, Block, Inline, SectionKind};

fn deel(anchor: &str, titel: &str, mut content: Vec<Block>) -> Block {
    content.insert(0, t::kop(2, titel, Some(anchor)));
    t::sectie(SectionKind::Part, anchor, content)
}

fn personeel(p: &PersoneelView, naam: &str) -> Vec<Block> {
    let mut out = vec![
        t::tussenkop(4, "Personele organisatie"),
        t::alinea(format!(
            "{naam} kent de volgende personele indeling, in aantal fte’s (Peildatum {}):",
            p.peildatum_nl
        )),
        Block::List {
            ordered: false,
            start: 1,
            style: doc::ListStyle::Default,
            items: p
                .functies
                .iter()
                .map(|f| {
                    let mut s = format!("{} {}", f.fte, f.functie);
                    if let Some(o) = &f.omschrijving {
                        s.push_str(&format!(": {o}"));
                    }
                    vec![t::alinea(s)]
                })
                .collect(),
        },
    ];
    let mut totaal = doc::text(format!("In totaal (peildatum {}) bestaat de organisatie uit ", p.peildatum_nl));
    match p.medewerkers {
        Some(n) => {
            let toelichting = p.medewerkers_toelichting.as_ref().map(|x| format!(" ({x})")).unwrap_or_default();
            totaal.push(Inline::text(format!(
                "{n} medewerkers{toelichting} en is de personele omvang van de organisatie "
            )));
        }
        None => totaal.push(Inline::text("een personele omvang van ")),
    }
    totaal.push(Inline::Strong { content: doc::text(format!("{} fte", p.totaal_fte)) });
    totaal.push(Inline::text("."));
    out.push(Block::paragraph(totaal));
    out
}

fn begroting(b: &BegrotingView) -> Vec<Block> {
    let mut table = doc::Table::with_headers(&["Baten", &b.kolom, "Lasten", &b.kolom]);
    table.caption = Some(doc::text(format!("Baten en lasten {}", b.jaar)));
    for i in [1, 3] {
        table.columns[i].numeric = true;
        table.columns[i].align = doc::Align::Right;
    }
    let post = |p: &Option<PostView>| -> [Vec<Block>; 2] {
        match p {
            Some(p) => [
                vec![t::alinea(format!("{}{}", p.post, p.teken.as_deref().unwrap_or("")))],
                vec![t::alinea(p.bedrag.as_str())],
            ],
            None => [vec![], vec![]],
        }
    };
    for r in &b.rijen {
        let [a, b2] = post(&r.baten);
        let [c, d] = post(&r.lasten);
        table.rows.push(doc::Row { style: doc::RowStyle::Normal, cells: vec![a, b2, c, d] });
    }
    let totaal = |x: &Option<TotaalView>| -> [Vec<Block>; 2] {
        match x {
            Some(x) if x.som => [
                vec![Block::paragraph(vec![Inline::Strong { content: doc::text(x.label) }])],
                vec![Block::paragraph(vec![Inline::Strong { content: doc::text(x.bedrag.as_str()) }])],
            ],
            Some(x) => [vec![t::alinea(x.label)], vec![t::alinea(x.bedrag.as_str())]],
            None => [vec![], vec![]],
        }
    };
    for r in &b.totaalrijen {
        let [a, b2] = totaal(&r.baten);
        let [c, d] = totaal(&r.lasten);
        table.rows.push(doc::Row { style: doc::RowStyle::Total, cells: vec![a, b2, c, d] });
    }
    let mut out = vec![Block::Table(table)];
    out.extend(
        b.noten
            .iter()
            .map(|n| t::alinea_stijl(doc::ParagraphStyle::Small, doc::text(format!("{} {}", n.teken, n.tekst)))),
    );
    out
}

/// The informatiepakket as a document tree: a title block instead of a cover, as its source has.
///
/// Long because it lists the document's parts in reading order, each a few lines: the order of the
/// function is the order of the document.
pub fn tree(view: &InformatiepakketView) -> doc::Document {
    let tk = Teksten::new(&[]);
    let naam = view.programma.naam.as_str();
    let mut m = t::metadata("informatiepakket", &view.titel, &view.programma, &view.bron);
    m.cover = false;
    m.contents = false;
    m.chapters_on_new_pages = false;
    m.date_text = Some(view.datum_nl.clone());
    m.date = Some(view.datum);
    let mut blocks = vec![Block::Heading {
        level: 1,
        content: doc::text(view.titel.as_str()),
        anchor: None,
        outlined: false,
        kicker: None,
    }];
    let mut feiten = Vec::new();
    for (label, waarde) in [("Voor:", &view.voor), ("Afschrift aan:", &view.afschrift_aan)] {
        if let Some(w) = waarde {
            feiten.push(doc::Fact { label: doc::text(label), value: doc::text(w.as_str()) });
        }
    }
    feiten.push(doc::Fact { label: doc::text("Datum:"), value: doc::text(view.datum_nl.as_str()) });
    blocks.push(Block::Facts { items: feiten });
    if let Some(x) = &view.vooraf {
        blocks.push(deel("vooraf", "Vooraf", tk.md(x, 3)));
    }
    if let Some(x) = &view.strategisch {
        blocks.push(deel("strategisch", "Strategisch en domeinoverstijgend", tk.md(x, 3)));
    }
    let mut basis = Vec::new();
    if let Some(x) = &view.ontstaansgeschiedenis {
        basis.push(t::kop(3, "Ontstaansgeschiedenis", Some("ontstaansgeschiedenis")));
        basis.extend(tk.md(x, 4));
    }
    if view.governance.is_some() || !view.organen.is_empty() || view.personeel.is_some() {
        basis.push(t::kop(3, "Governance en afspraken", Some("governance")));
        if let Some(x) = &view.governance {
            basis.extend(tk.md(x, 4));
        }
        for o in &view.organen {
            basis.push(Block::Heading {
                level: 4,
                content: doc::text(o.titel.as_str()),
                anchor: Some(o.id.clone()),
                outlined: false,
                kicker: None,
            });
            if let Some(x) = &o.omschrijving {
                basis.extend(tk.md(x, 5));
            }
        }
        if let Some(p) = &view.personeel {
            basis.extend(personeel(p, naam));
        }
    }
    if let Some(g) = &view.gastheer {
        basis.push(t::kop(3, &g.titel, Some("gastheer")));
        basis.extend(g.tekst.as_deref().map(|x| tk.md(x, 4)).unwrap_or_default());
    }
    blocks.push(deel("basis", &format!("1. De basis voor {naam}"), basis));
    if !view.context.is_empty() {
        let mut c = Vec::new();
        for p in &view.context {
            c.push(t::kop(3, &p.titel, None));
            c.extend(p.tekst.as_deref().map(|x| tk.md(x, 4)).unwrap_or_default());
        }
        blocks.push(Block::Break { kind: doc::BreakKind::Page });
        blocks.push(deel("context", &format!("2. De context van {naam}"), c));
    }
    if let Some(b) = &view.bouwstenen {
        let mut c = b.inleiding.as_deref().map(|x| tk.md(x, 3)).unwrap_or_default();
        c.push(Block::List {
            ordered: true,
            start: 1,
            style: doc::ListStyle::Default,
            items: b.themalijnen.iter().map(|x| vec![t::alinea(x.naam.as_str())]).collect(),
        });
        let mut table = doc::Table::with_headers(&[
            "Bouwsteen",
            "Inhoudelijke duiding (uit de themalijn in de Tussentijdse rapportage / het Jaarplan)",
            "Financiering",
        ]);
        table.caption = Some(doc::text(format!(
            "De bouwstenen van {naam}: per themalijn de inhoudelijke duiding en de financiering"
        )));
        table.row_headers = true;
        for x in &b.themalijnen {
            let mut duiding = x.duiding.as_deref().map(|d| tk.md(d, 4)).unwrap_or_default();
            if !x.projecten.is_empty() {
                duiding.push(Block::List {
                    ordered: false,
                    start: 1,
                    style: doc::ListStyle::Default,
                    items: x.projecten.iter().map(|p| vec![t::alinea(p.as_str())]).collect(),
                });
            }
            table.rows.push(doc::Row {
                style: doc::RowStyle::Normal,
                cells: vec![
                    vec![t::alinea(format!("{} {}", x.nummer, x.titel))],
                    duiding,
                    x.financiering.as_deref().map(|f| tk.md(f, 4)).unwrap_or_default(),
                ],
            });
        }
        c.push(Block::Table(table));
        blocks.push(Block::Break { kind: doc::BreakKind::Page });
        blocks.push(deel("bouwstenen", "3. Bouwstenen: Taken en activiteiten", c));
    }
    if view.financien.is_some() || view.begroting.is_some() {
        let mut c = view.financien.as_deref().map(|x| tk.md(x, 3)).unwrap_or_default();
        if let Some(b) = &view.begroting {
            c.extend(begroting(b));
        }
        blocks.push(Block::Break { kind: doc::BreakKind::Page });
        blocks.push(deel("financien", &format!("4. Financiën {naam}"), c));
    }
    if let Some(x) = &view.bronnen {
        blocks.push(deel("bronnen", "5. Gebruikte bronnen", tk.md(x, 3)));
    }
    doc::Document { metadata: m, blocks }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Bestuurlijk Overleg"), "bestuurlijk-overleg");
        assert_eq!(slug("Twentse Koers en SamenTwente"), "twentse-koers-en-samentwente");
    }

    #[test]
    fn sides_are_padded() {
        let rows = naast_elkaar(vec![1, 2], vec![1, 2, 3]);
        assert_eq!(rows.len(), 3);
        assert!(rows[2].baten.is_none() && rows[2].lasten == Some(3));
    }
}
