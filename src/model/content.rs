//! The boxes and link lines the documents show, made once from the data: a link line only with
//! an address a document may link to (one without an address would promise a link that is not
//! there; `koers check` warns of it), so a view never checks an address again.

use crate::core::url::WebUrl;
use crate::load::data_files as df;

/// The texts and values of the data that are typed as written (no date, address or reference in
/// them to convert): the model hands them on as they loaded.
pub use crate::load::data_files::{
    Afkorting, Begrotingspost, Bouwstenen, FaseDefinitie, Hoofdstuk, KaderPlaats, KaderSoort, Kleuren, Markdown,
    Ondertekening, Orgaan, Paragraaf, ProjectRegioplan, Subparagraaf, ThemalijnRegioplan, ToegankelijkheidStatus,
    Voetnoot, VoetnootBij,
};

/// A link line with its address.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub tekst: String,
    pub url: WebUrl,
}

impl Link {
    /// The line, if it has an address a document may link to.
    pub fn of(l: &df::Link) -> Option<Link> {
        let url = l.url.as_deref().and_then(WebUrl::parse)?;
        Some(Link { tekst: l.tekst.clone(), url })
    }

    /// The lines of `links` that have an address, in order.
    pub fn all(links: &[df::Link]) -> Vec<Link> {
        links.iter().filter_map(Link::of).collect()
    }
}

/// A box beside the text: "Interessant!", "Tip!" or an unlabelled text, with its link line.
#[derive(Debug, Clone, PartialEq)]
pub struct Kader {
    /// Where a box of the rapportage's own texts stands.
    pub plaats: Option<KaderPlaats>,
    pub soort: KaderSoort,
    pub tekst: Option<Markdown>,
    pub link: Option<Link>,
}

impl Kader {
    /// The box as documents show it; `None` for a box of a link line alone without an address.
    pub fn of(i: &df::Interessant) -> Option<Kader> {
        let link = i.link.as_ref().and_then(Link::of);
        if i.tekst.is_none() && link.is_none() {
            return None;
        }
        Some(Kader { plaats: i.plaats, soort: i.soort.unwrap_or_default(), tekst: i.tekst.clone(), link })
    }

    /// The boxes of `boxes` that show something, in order.
    pub fn all(boxes: &[df::Interessant]) -> Vec<Kader> {
        boxes.iter().filter_map(Kader::of).collect()
    }
}
