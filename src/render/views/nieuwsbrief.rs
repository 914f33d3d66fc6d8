//! An "Even bijpraten" newsletter edition.

use super::{ProgrammeInfo, Provenance, programme_info};
use crate::core::dates::Period;
use crate::core::document::{DocumentKind, DocumentPeriod};
use crate::model::content::Link;
use crate::model::content::Markdown;
use crate::model::editie::BlokSoort;
use crate::model::{Programme, Project};
use crate::render::{Bericht, Content, Document, RenderError, to_context};
use serde::Serialize;

/// A piece of a block: a Markdown text, or a link line (text only when there is no address).
#[derive(Debug, Serialize)]
pub struct Deel {
    pub tekst: Option<Markdown>,
    pub link: Option<LinkView>,
}

#[derive(Debug, Serialize)]
pub struct LinkView {
    pub tekst: String,
    pub url: Option<String>,
}

/// One block of the edition, in the order the edition file lists them.
#[derive(Debug, Serialize)]
#[serde(tag = "soort", rename_all = "lowercase")]
pub enum Blok {
    /// "Thema <naam>".
    Thema { naam: String },
    /// A programme item.
    Item { titel: String, delen: Vec<Deel> },
    /// The "Uitgelicht" block.
    Uitgelicht { titel: String, delen: Vec<Deel> },
    /// Project updates under one heading.
    Update(Update),
}

#[derive(Debug, Serialize)]
pub struct Update {
    /// Heading of the update (the block's `kop`, the result's `kop`, or the project's newsletter name).
    pub kop: String,
    /// A subproject's update under its own heading: the parent's heading, printed before it when
    /// the update before was not already under that parent.
    pub groep: Option<String>,
    /// The update stands under a parent heading (its own heading one level lower).
    pub sub: bool,
    pub delen: Vec<Deel>,
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
    /// Everything between the introduction and the closing block, in order.
    pub blokken: Vec<Blok>,
    /// The projects per phase at the end of the edition's period — only when the data records a
    /// phase for that edition (a step since a month within it, or reported in it): an older report's
    /// phases say nothing of the edition's date.
    pub overzicht: Option<Overzicht>,
    pub slot_titel: Option<String>,
    pub slot_tekst: Option<Markdown>,
    /// The "Lees meer" link of the closing block, when the edition has one.
    pub lees_meer_url: Option<String>,
    pub afzender: Option<String>,
    /// Merge tags of the mailing tool, passed through verbatim.
    pub tag_email: String,
    pub tag_afmelden: String,
    pub tag_voorkeuren: String,
    pub tag_webversie: String,
    pub bron: Provenance,
    /// The programme's logo, at the top of the web page.
    pub logo: Option<super::LogoView>,
    /// The logo in the e-mail.
    pub logo_email: Option<LogoEmail>,
    /// Rendered for the message ready to send (`.eml`), which carries its images inside (`cid:`):
    /// set by the renderer for that format only.
    pub bericht: bool,
}

/// The merge-tag syntax of the mailing tool that sends the e-mail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MergeTags {
    /// {{email}}, {{unsubscribe}}, {{preferences}}, {{webversion}} (Laposta-, Brevo-style).
    #[default]
    Braces,
    /// *|EMAIL|*, *|UNSUB|*, *|UPDATE_PROFILE|*, *|ARCHIVE|* (Mailchimp).
    Mailchimp,
}

impl crate::core::named::Named for MergeTags {
    const ALL: &'static [Self] = &[MergeTags::Braces, MergeTags::Mailchimp];
    fn name(self) -> &'static str {
        match self {
            MergeTags::Braces => "braces",
            MergeTags::Mailchimp => "mailchimp",
        }
    }
}

impl MergeTags {
    fn tags(self) -> [&'static str; 4] {
        match self {
            MergeTags::Braces => ["{{email}}", "{{unsubscribe}}", "{{preferences}}", "{{webversion}}"],
            MergeTags::Mailchimp => ["*|EMAIL|*", "*|UNSUB|*", "*|UPDATE_PROFILE|*", "*|ARCHIVE|*"],
        }
    }
}

/// The logo in the e-mail: a PNG beside it (an SVG logo rendered to PNG: mail clients show few
/// SVGs), inside the message ready to send by `cid:`.
#[derive(Debug, Serialize)]
pub struct LogoEmail {
    /// The file name of its PNG, beside the e-mail.
    pub png: String,
    /// Its size in the e-mail, in CSS pixels.
    pub breedte: u32,
    pub hoogte: u32,
    /// Where the PNG is online (`nieuwsbrief.afbeeldingen_url`): the e-mail HTML to paste shows
    /// the logo only from there.
    pub png_url: Option<String>,
}

/// Where an image beside the e-mail is online, when koers.yaml says where they are put
/// (`nieuwsbrief.afbeeldingen_url`).
fn online(prog: &Programme, png: &str) -> Option<String> {
    prog.nieuwsbrief.as_ref().and_then(|s| s.afbeeldingen_url.as_ref()).map(|base| {
        let base = base.as_str();
        let slash = if base.ends_with('/') { "" } else { "/" };
        format!("{base}{slash}{png}")
    })
}

/// The logo in an edition's e-mail: 48 pixels high, never wider than the e-mail's content (536 pixels).
fn logo_email(prog: &Programme, l: &super::LogoView, period: Period) -> LogoEmail {
    let (w, h) = l.size();
    let (w, h) = (u64::from(w.max(1)), u64::from(h.max(1)));
    let png = format!("even-bijpraten-{}-logo.png", period.id());
    let hoogte = if 48 * w > 536 * h { (536 * h / w).max(1) } else { 48 };
    let breedte = (w * hoogte / h).max(1);
    LogoEmail { png_url: online(prog, &png), png, breedte: breedte as u32, hoogte: hoogte as u32 }
}

/// The phase chart of an edition, and its PNG for the e-mail.
#[derive(Debug, Serialize)]
pub struct Overzicht {
    pub grafiek: crate::render::chart::Grafiek,
    /// The file name of its PNG (beside the e-mail), and its height at the e-mail's content width
    /// (536 px).
    pub png: String,
    pub png_hoogte: u32,
    /// Where the PNG is online (`nieuwsbrief.afbeeldingen_url` and the file name): the e-mail HTML
    /// and the Markdown refer to it only there, so that a pasted copy never shows a broken image.
    pub png_url: Option<String>,
}

fn tekst(t: &Markdown) -> Deel {
    Deel { tekst: Some(t.clone()), link: None }
}

/// The link lines (those with an address: the model keeps no other).
fn links(l: &[Link]) -> impl Iterator<Item = Deel> + '_ {
    l.iter()
        .map(|l| Deel { tekst: None, link: Some(LinkView { tekst: l.tekst.clone(), url: Some(l.url.to_string()) }) })
}

/// The updates of one project block: the chosen results (all of the edition's by default), one
/// update per heading; a subproject's under its parent's heading unless the update before already
/// stands there.
/// `keuze`: the numbers of the results the block chooses (all when none); `kop`: its heading.
fn project_updates(
    prog: &Programme,
    p: &Project,
    (keuze, kop): (&Option<Vec<u32>>, &Option<String>),
    period: Period,
    out: &mut Vec<Blok>,
) {
    let all: Vec<_> = p.resultaten_in_editie(period).collect();
    let chosen: Vec<_> = match keuze {
        Some(nrs) => nrs.iter().filter_map(|n| all.get((*n as usize).checked_sub(1)?).copied()).collect(),
        None => all,
    };
    let parent = p.hoofdproject.as_deref().and_then(|h| prog.project(h)).map(|h| h.nieuwsbriefnaam.clone());
    for r in chosen {
        let (kop, parent) = match kop {
            // Placed under a heading of the edition's choosing: no parent heading.
            Some(k) => (k.clone(), None),
            None => (r.kop.clone().unwrap_or_else(|| p.nieuwsbriefnaam.clone()), parent.clone()),
        };
        // Under the parent's heading unless the update's own heading is the parent's.
        let sub = parent.as_ref().is_some_and(|pn| *pn != kop);
        let previous = match out.last_mut() {
            Some(Blok::Update(u)) => Some(u),
            _ => None,
        };
        match previous {
            // Consecutive results under the same heading read as one update.
            Some(u) if u.kop == kop && u.sub == sub => u.delen.push(tekst(&r.tekst)),
            previous => {
                let under_parent_already = previous.is_some_and(|u| {
                    parent
                        .as_ref()
                        .is_some_and(|pn| u.groep.as_ref() == Some(pn) || (u.sub && u.groep.is_none()) || &u.kop == pn)
                });
                let groep = if sub && !under_parent_already { parent.clone() } else { None };
                out.push(Blok::Update(Update { kop, groep, sub, delen: vec![tekst(&r.tekst)] }));
            }
        }
    }
}

/// The edition's blocks in the order of its file; the introduction and the closing block around them.
/// A newsletter edition as a document: its view, title, file stem, the chart (as an image
/// beside the e-mail) and who sends it.
pub(crate) fn document(
    prog: &Programme,
    period: Period,
    merge_tags: MergeTags,
    bron: &Provenance,
) -> Result<Document, RenderError> {
    let Some(editie) = prog.edities.iter().find(|e| e.periode == period) else {
        return Err(RenderError::View {
            document: "nieuwsbrief",
            message: crate::t!("build-view-no-edition", period = period.to_string()),
        });
    };
    let view = nieuwsbrief(prog, editie, merge_tags, bron);
    let settings = prog.nieuwsbrief.as_ref();
    let bericht = settings.and_then(|s| s.afzender.clone()).or_else(|| prog.email.clone()).map(|van| Bericht {
        van,
        naam: prog.naam.clone(),
        antwoord_aan: settings.and_then(|s| s.antwoord_aan.clone()),
        afmelden: settings.and_then(|s| s.afmelden.as_ref().map(ToString::to_string)),
    });
    Ok(Document {
        kind: DocumentKind::Nieuwsbrief,
        title: view.titel.clone(),
        grafieken: view.overzicht.iter().map(|o| o.grafiek.clone()).collect(),
        afbeeldingen: view
            .logo_email
            .iter()
            .map(|l| {
                let logo = view.logo.clone().expect("an e-mail logo is the logo's");
                (format!("nieuwsbrief/{}", l.png), crate::render::Afbeelding::Logo { logo, hoogte: 2 * l.hoogte })
            })
            .chain(
                view.overzicht
                    .iter()
                    .map(|o| (format!("nieuwsbrief/{}", o.png), crate::render::Afbeelding::Grafiek(o.grafiek.clone()))),
            )
            .collect(),
        figuren: vec![],
        content: Content::Templates { template: "nieuwsbrief", context: to_context("nieuwsbrief", &view)? },
        period: DocumentPeriod::Months(period),
        draft: false,
        stem: format!("nieuwsbrief/even-bijpraten-{}", period.id()),
        bericht,
        dag: bron.documentdatum.or(editie.verzonden),
    })
}

/// The blocks of an edition as the newsletter shows them: themes by name, each project's results
/// in this edition as updates, the items, with their link lines.
fn blokken(prog: &Programme, editie: &crate::model::Editie) -> Vec<Blok> {
    let period = editie.periode;
    let mut blokken: Vec<Blok> = Vec::new();
    for b in &editie.blokken {
        match &b.soort {
            BlokSoort::Thema(id) => {
                if let Some(t) = prog.themalijnen.iter().find(|t| t.id == *id) {
                    blokken.push(Blok::Thema { naam: t.naam.clone() });
                }
            }
            BlokSoort::Project { id, resultaten, kop } => {
                if let Some(p) = prog.project(id) {
                    project_updates(prog, p, (resultaten, kop), period, &mut blokken);
                    if let Some(Blok::Update(u)) = blokken.last_mut() {
                        u.delen.extend(links(&b.links));
                    }
                }
            }
            BlokSoort::Item(i) => {
                let delen = std::iter::once(tekst(&i.tekst)).chain(links(&b.links)).collect();
                blokken.push(Blok::Item { titel: i.titel.clone(), delen });
            }
            BlokSoort::Uitgelicht(i) => {
                let delen = std::iter::once(tekst(&i.tekst)).chain(links(&b.links)).collect();
                blokken.push(Blok::Uitgelicht { titel: i.titel.clone(), delen });
            }
        }
    }
    blokken
}

pub fn nieuwsbrief(
    prog: &Programme,
    editie: &crate::model::Editie,
    tags: MergeTags,
    bron: &Provenance,
) -> NieuwsbriefView {
    let period = editie.periode;
    let blokken = blokken(prog, editie);
    let settings = prog.nieuwsbrief.as_ref();
    let [tag_email, tag_afmelden, tag_voorkeuren, tag_webversie] = tags.tags().map(String::from);
    let preheader = editie.preheader.clone().unwrap_or_else(|| {
        let plain = editie
            .highlights
            .as_deref()
            .map(|h| crate::core::markdown::to_plain(h, usize::MAX / 2))
            .unwrap_or_default();
        plain.chars().take(140).collect()
    });
    let lees_meer = editie.lees_meer;
    let online = |png: &str| online(prog, png);
    let programma = programme_info(prog);
    let logo_email = programma.logo.as_ref().map(|l| logo_email(prog, l, period));
    let stand = crate::model::changes::Stand::editie(prog, period);
    let overzicht = stand.projecten().any(|p| p.fase_bekend_in(&period).is_some()).then(|| {
        let grafiek = crate::render::chart::fasenverdeling(
            &stand,
            &format!("fasen-{}", period.id()),
            &format!("stand eind {}", period.last.dutch()),
        );
        let png = format!("even-bijpraten-{}-fasen.png", period.id());
        let png_url = online(&png);
        Overzicht { png, png_hoogte: grafiek.hoogte_bij(536), png_url, grafiek }
    });
    NieuwsbriefView {
        titel: editie.titel.clone(),
        editie: period.id(),
        editie_nl: period.dutch(),
        preheader,
        logo: programma.logo.clone(),
        logo_email,
        programma,
        inleiding: editie.inleiding.clone(),
        highlights: editie.highlights.clone(),
        blokken,
        overzicht,
        slot_titel: settings.map(|s| s.slot_titel.clone()),
        slot_tekst: settings.map(|s| s.slot_tekst.clone()),
        lees_meer_url: settings
            .and_then(|s| s.lees_meer_url.as_ref().map(ToString::to_string))
            .or_else(|| prog.website.clone())
            .filter(|_| lees_meer),
        afzender: settings.and_then(|s| s.afzender.clone()),
        tag_email,
        tag_afmelden,
        tag_voorkeuren,
        tag_webversie,
        bron: bron.clone(),
        bericht: false,
    }
}
