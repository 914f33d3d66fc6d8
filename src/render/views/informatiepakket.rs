//! The Informatiepakket: the programme's owners, governance, staffing, themalijnen with their
//! financing and the budget, for a board. Amounts and totals are formatted here, in Dutch notation,
//! from the totals the model computed.

use super::{ProgrammeInfo, Provenance, programme_info};
use crate::data_files::{self as df, Markdown};
use crate::dates::day_dutch as date_dutch;
use crate::informatiepakket::{Zijde, euro};
use crate::model::Programme;
use crate::render::{Document, DocumentKind, RenderError, to_context};
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
    pub datum: String,
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
    pub gastheer: Option<df::Paragraaf>,
    pub context: Vec<df::Paragraaf>,
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

fn zijde(z: &Zijde, noot: &mut impl FnMut(&df::Begrotingspost) -> Option<usize>) -> ZijdeView {
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
        template: "informatiepakket",
        context: to_context("informatiepakket", &view)?,
        title: view.titel.clone(),
        stem: format!("informatiepakket/informatiepakket-{}", view.datum),
        period: view.datum.clone(),
        grafieken: vec![],
        afbeeldingen: vec![],
        figuren: vec![],
        bericht: None,
        // Its date is a fact of the document (the board meeting it was written for), in its file name
        // too: --date does not replace it.
        dag: prog.informatiepakket.as_ref().map(|i| i.datum),
    }))
}

pub fn informatiepakket(prog: &Programme, bron: &Provenance) -> Option<InformatiepakketView> {
    let ip = prog.informatiepakket.as_ref()?;
    let d = &ip.data;
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
            .map(|(f, fte)| FunctieView {
                functie: f.functie.clone(),
                fte: fte.dutch(),
                omschrijving: f.omschrijving.clone(),
            })
            .collect(),
        totaal_fte: p.totaal.dutch(),
        medewerkers: p.medewerkers,
        medewerkers_toelichting: p.medewerkers_toelichting.clone(),
    });
    let bouwstenen = d.bouwstenen.as_ref().map(|b| BouwstenenView {
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
        let mut noot = |p: &df::Begrotingspost| {
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
        titel: d.titel.clone(),
        voor: d.voor.clone(),
        afschrift_aan: d.afschrift_aan.clone(),
        datum: ip.datum.to_string(),
        datum_nl: date_dutch(ip.datum),
        programma: programme_info(prog),
        vooraf: d.vooraf.clone(),
        strategisch: d.strategisch.clone(),
        ontstaansgeschiedenis: d.ontstaansgeschiedenis.clone(),
        governance: d.governance.clone(),
        organen,
        personeel,
        gastheer: d.gastheer.clone(),
        context: d.context.clone(),
        bouwstenen,
        financien: d.financien.clone(),
        begroting,
        bronnen: d.bronnen.clone(),
        bron: bron.clone(),
    })
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
