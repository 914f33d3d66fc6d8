//! The pages of the output beside the documents: the index (with its front page of the latest
//! rapportage) and the toegankelijkheidsverklaring.

use crate::core::document::{DocumentKind, Format};
use crate::model::Programme;
use crate::publish::ManifestEntry;
use crate::render::RenderError;
use crate::render::templates::TemplateSet;
use crate::render::tera_env::{self, Lang};
use crate::render::views::Provenance;
use serde::Serialize;

/// The index page of the output: every document with its formats.
pub fn render_index(
    templates: &TemplateSet,
    prog: &Programme,
    entries: &[ManifestEntry],
    bron: &Provenance,
) -> Result<Vec<u8>, RenderError> {
    render_site_page("index.html", templates, prog, entries, bron)
}

/// The toegankelijkheidsverklaring (accessibility statement) of the output, beside the index.
pub fn render_statement(
    templates: &TemplateSet,
    prog: &Programme,
    entries: &[ManifestEntry],
    bron: &Provenance,
) -> Result<Vec<u8>, RenderError> {
    render_site_page("toegankelijkheidsverklaring.html", templates, prog, entries, bron)
}

/// A page of the output beside the documents, from the index's context.
fn render_site_page(
    template: &str,
    templates: &TemplateSet,
    prog: &Programme,
    entries: &[ManifestEntry],
    bron: &Provenance,
) -> Result<Vec<u8>, RenderError> {
    let env = tera_env::environment(Lang::Html, templates)?;
    let ctx = index_context(prog, entries, bron);
    Ok(tera_env::render(&env, template, &ctx)?.into_bytes())
}

/// The front page's view of the latest rapportage in the output: its phase distribution, what
/// changed since the rapportage before it, and every project with a link to its page.
#[derive(Serialize)]
struct Voorpagina {
    titel: String,
    pad: String,
    overzicht: crate::render::chart::Grafiek,
    wijzigingen: Option<crate::model::changes::Wijzigingen>,
    /// The first rapportage: nothing to compare with.
    eerste: bool,
    themalijnen: Vec<VoorpaginaThemalijn>,
}

#[derive(Serialize)]
struct VoorpaginaThemalijn {
    naam: String,
    projecten: Vec<VoorpaginaProject>,
}

#[derive(Serialize)]
struct VoorpaginaProject {
    naam: String,
    fase: Option<String>,
    href: String,
}

fn voorpagina(prog: &Programme, entries: &[ManifestEntry]) -> Option<Voorpagina> {
    // The latest rapportage in HTML (a draft counts: it is the latest the reader can open).
    let (e, periode) = entries
        .iter()
        .filter(|e| e.document == DocumentKind::Rapportage && e.format == Format::Html)
        .filter_map(|e| Some((e, e.period.months()?)))
        .max_by_key(|(e, p)| (*p, !e.draft))?;
    let stand = crate::model::changes::Stand::rapportage(prog, periode);
    let themalijnen = prog
        .themalijnen
        .iter()
        .map(|t| VoorpaginaThemalijn {
            naam: t.naam.clone(),
            projecten: t
                .projecten
                .iter()
                .filter(|p| stand.toont(p))
                .map(|p| VoorpaginaProject {
                    naam: p.naam.clone(),
                    fase: Some(crate::render::chart::fase_cel(p, &periode)).filter(|c| c != "–"),
                    href: format!("{}#project-{}", e.path, p.id),
                })
                .collect(),
        })
        .filter(|t| !t.projecten.is_empty())
        .collect();
    Some(Voorpagina {
        titel: e.title.clone(),
        pad: e.path.clone(),
        overzicht: crate::render::chart::fasenverdeling(
            &stand,
            "fasen-voorpagina",
            &format!("stand eind {}", periode.last.dutch()),
        ),
        eerste: crate::model::changes::vorige_rapportage(prog, periode).is_none(),
        wijzigingen: crate::model::changes::sinds_vorige_rapportage(prog, periode),
        themalijnen,
    })
}

fn index_context(prog: &Programme, entries: &[ManifestEntry], bron: &Provenance) -> tera::Context {
    let naam = prog.naam.as_str();
    #[derive(Serialize)]
    struct Doc<'a> {
        document: &'a str,
        period: String,
        title: &'a str,
        files: Vec<(&'a str, &'a str)>,
    }
    let mut docs: Vec<Doc> = Vec::new();
    // The chart images beside the e-mail are part of it, not a format of their own.
    for e in entries.iter().filter(|e| !e.path.ends_with(".png")) {
        let key = (e.document.as_str(), e.title.as_str());
        match docs.iter_mut().find(|d| (d.document, d.title) == key) {
            Some(d) => d.files.push((e.format.as_str(), &e.path)),
            None => docs.push(Doc {
                document: e.document.as_str(),
                period: e.period.id(),
                title: &e.title,
                files: vec![(e.format.as_str(), &e.path)],
            }),
        }
    }
    // The formats to read first, then the editable ones, then the e-mail's.
    const ORDER: [&str; 8] = ["html", "md", "pdf", "odt", "docx", "email", "txt", "eml"];
    for d in &mut docs {
        d.files.sort_by_key(|(f, _)| ORDER.iter().position(|o| o == f).unwrap_or(ORDER.len()));
    }
    let mut ctx = tera::Context::new();
    let info = crate::render::views::programme_info(prog);
    ctx.insert("programma", naam);
    ctx.insert("logo", &info.logo);
    ctx.insert("programma_info", &info);
    ctx.insert("documenten", &docs);
    ctx.insert("voorpagina", &voorpagina(prog, entries));
    ctx.insert("bron", bron);
    // Links from these pages to the others are relative to out/ itself.
    ctx.insert("wortel", "");
    let t = prog.toegankelijkheid.clone().unwrap_or_default();
    ctx.insert("organisatie", &t.organisatie);
    ctx.insert("status", &t.status.map(|s| s.dutch()));
    ctx.insert("datum", &t.datum);
    ctx.insert("datum_nl", &t.datum.map(|d| crate::core::dates::day_dutch(d.0)));
    ctx.insert("contact", &t.contact.or_else(|| prog.email.clone()));
    ctx.insert("bekende_problemen", &t.bekende_problemen);
    ctx.insert("klachten", &t.klachten);
    ctx
}
