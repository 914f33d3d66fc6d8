//! An "Even bijpraten" newsletter edition.

use super::{ProgrammeInfo, Provenance, programme_info};
use crate::data_files::{self as df, Markdown};
use crate::model::{Programme, Project};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Update {
    /// Heading of the update (the result's `kop`, or the project's newsletter name).
    pub kop: String,
    /// A subproject's update under its own heading: the parent's heading, printed before it when
    /// the update before was not already under that parent.
    pub groep: Option<String>,
    /// The update stands under a parent heading (its own heading one level lower).
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
    /// Programme items before the project updates.
    pub items: Vec<df::NieuwsbriefItem>,
    /// Programme items after the project updates.
    pub items_einde: Vec<df::NieuwsbriefItem>,
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
        order.retain(|p| p.resultaten_in_editie(period).next().is_some());
        let mut updates: Vec<Update> = Vec::new();
        for p in order {
            let parent = p.hoofdproject.as_deref().and_then(|h| prog.project(h)).map(|h| h.nieuwsbriefnaam.clone());
            let results: Vec<_> = p.resultaten_in_editie(period).collect();
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
                        // Under the parent's heading unless the update's own heading is the parent's.
                        let sub = parent.as_ref().is_some_and(|pn| *pn != kop);
                        let previous = cur.as_ref().or(updates.last());
                        let under_parent_already = previous.is_some_and(|u| {
                            parent.as_ref().is_some_and(|pn| {
                                u.groep.as_ref() == Some(pn) || (u.sub && u.groep.is_none()) || &u.kop == pn
                            })
                        });
                        let groep = if sub && !under_parent_already { parent.clone() } else { None };
                        cur = Some(Update { kop, groep, sub, teksten: vec![r.tekst.clone()] });
                    }
                }
            }
            if let Some(u) = cur {
                updates.push(u);
            }
        }
        // Updates of several projects under the same heading (e.g. a parent and its subprojects
        // all headed "Gezond en zelfredzaam ouder worden") read as one.
        let mut merged: Vec<Update> = Vec::new();
        for u in updates {
            match merged.last_mut() {
                Some(last) if last.kop == u.kop && last.sub == u.sub && u.groep.is_none() => {
                    last.teksten.extend(u.teksten)
                }
                _ => merged.push(u),
            }
        }
        let updates = merged;
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
        items: editie.data.items.iter().filter(|i| i.plaats != Some(df::Plaats::Einde)).cloned().collect(),
        items_einde: editie.data.items.iter().filter(|i| i.plaats == Some(df::Plaats::Einde)).cloned().collect(),
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
