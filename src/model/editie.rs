//! A newsletter edition and the programme's newsletter settings, as typed values: the sending
//! day a day, the addresses checked addresses, each block one kind. Made once from the data
//! ([`Editie::of`], [`NieuwsbriefInstellingen::of`]); no view reads the edition's file.

use crate::core::dates::{Parsed, Period};
use crate::core::url::WebUrl;
use crate::load::data_files as df;
use crate::model::content::{Link, Markdown};

/// One edition of "Even bijpraten".
#[derive(Debug, Clone)]
pub struct Editie {
    pub periode: Period,
    pub titel: String,
    /// The day it was sent, where the data gives one.
    pub verzonden: Option<chrono::NaiveDate>,
    /// The hidden preview line mail clients show, where the data gives one.
    pub preheader: Option<String>,
    pub inleiding: Option<Markdown>,
    pub highlights: Option<Markdown>,
    /// Between the introduction and the closing block, in the order the file has them.
    pub blokken: Vec<Blok>,
    /// Whether the closing block has the "Lees meer" link.
    pub lees_meer: bool,
}

/// A block of an edition with the link lines under it that have an address.
#[derive(Debug, Clone)]
pub struct Blok {
    pub soort: BlokSoort,
    pub links: Vec<Link>,
}

/// What a block is: exactly one of these (`koers check` refuses a block with none or several).
#[derive(Debug, Clone)]
pub enum BlokSoort {
    /// A "Thema" heading: the id of a themalijn.
    Thema(String),
    /// A project update: the project's id; with `resultaten`, only these of its results in this
    /// edition (1-based), in this order; with `kop`, under this heading.
    Project { id: String, resultaten: Option<Vec<u32>>, kop: Option<String> },
    /// A programme item.
    Item(Item),
    /// The "Uitgelicht" block.
    Uitgelicht(Item),
}

/// A heading with its text.
#[derive(Debug, Clone)]
pub struct Item {
    pub titel: String,
    pub tekst: Markdown,
}

impl Item {
    fn of(i: &df::NieuwsbriefItem) -> Item {
        Item { titel: i.titel.clone(), tekst: i.tekst.clone() }
    }
}

impl Blok {
    /// The block as the data gives it; `None` for one of no kind (an error `koers check` reports).
    fn of(b: &df::NieuwsbriefBlok) -> Option<Blok> {
        let soort = if let Some(id) = &b.thema {
            BlokSoort::Thema(id.clone())
        } else if let Some(id) = &b.project {
            BlokSoort::Project { id: id.clone(), resultaten: b.resultaten.clone(), kop: b.kop.clone() }
        } else if let Some(i) = &b.item {
            BlokSoort::Item(Item::of(i))
        } else {
            BlokSoort::Uitgelicht(Item::of(b.uitgelicht.as_ref()?))
        };
        Some(Blok { soort, links: Link::all(&b.links) })
    }
}

impl Editie {
    pub fn of(periode: Period, e: &df::NieuwsbriefFile) -> Editie {
        Editie {
            periode,
            titel: e.titel.clone(),
            verzonden: e.verzonden.and_then(Parsed::valid).map(|d| d.0),
            preheader: e.preheader.clone(),
            inleiding: e.inleiding.clone(),
            highlights: e.highlights.clone(),
            blokken: e.blokken.iter().filter_map(Blok::of).collect(),
            lees_meer: e.lees_meer.unwrap_or(true),
        }
    }
}

/// The newsletter settings of koers.yaml (`nieuwsbrief`).
#[derive(Debug, Clone)]
pub struct NieuwsbriefInstellingen {
    /// The sender's address.
    pub afzender: Option<String>,
    /// The closing block's title and text.
    pub slot_titel: String,
    pub slot_tekst: Markdown,
    /// Where "Lees meer" leads, when it is not the website.
    pub lees_meer_url: Option<WebUrl>,
    /// The Reply-To address of the ready-to-send message.
    pub antwoord_aan: Option<String>,
    /// Where a reader unsubscribes: an `https://` or `mailto:` address.
    pub afmelden: Option<WebUrl>,
    /// The `https://` folder the chart images are put online in.
    pub afbeeldingen_url: Option<WebUrl>,
}

impl NieuwsbriefInstellingen {
    /// The settings with their addresses checked once; an address that is no web or mail address
    /// (an error `koers check` reports) is left out.
    pub fn of(s: &df::NieuwsbriefInstellingen) -> NieuwsbriefInstellingen {
        let url = |u: &Option<String>| u.as_deref().and_then(WebUrl::parse);
        NieuwsbriefInstellingen {
            afzender: s.afzender.clone(),
            slot_titel: s.slot_titel.clone(),
            slot_tekst: s.slot_tekst.clone(),
            lees_meer_url: url(&s.lees_meer_url),
            antwoord_aan: s.antwoord_aan.clone(),
            afmelden: url(&s.afmelden),
            afbeeldingen_url: url(&s.afbeeldingen_url),
        }
    }
}
