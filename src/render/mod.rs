//! Layer 4 — render: each document's view and typed tree ([`doc`]) made from the model, and
//! rendered into each format: Markdown, HTML, PDF (typst), ODT, DOCX, the e-mail and its text.
//!
//! Imports: `model`, `check` (the URL rule), `load` (figures) and `core`.
//!
//!
//! A [`Job`] names a document (rapportage of a half year, the regioplan or a section of it, a
//! newsletter edition) and the formats wanted. The [`Renderer`] holds the template environments
//! (built once) and turns jobs into [`RenderedFile`]s. Each job's [`Document`] (its view) is made
//! once and rendered in every format from it; the documents × formats render in parallel, the
//! largest PDF first and with no more PDFs side by side than the largest needs alone
//! ([`schedule`]).

pub(crate) mod chart;
pub mod doc;
pub mod docx;
pub(crate) mod eml;
pub mod html;
pub mod md;
pub mod odt;
pub mod office;
pub(crate) mod pdf;
pub(crate) mod schedule;
pub(crate) mod templates;
pub(crate) mod tera_env;
pub mod views;
pub mod zip;

use crate::core::document::{DocumentKind, DocumentPeriod, Format, Job, RenderedFile};
use crate::model::Programme;
use rayon::prelude::*;
use serde::Serialize;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tera_env::Lang;
use views::{MergeTags, Provenance};

/// Why a document could not be rendered. The data was validated before rendering, so each is a
/// defect of a template (a user's override, or koers' own) or of koers, named with what it concerns.
#[derive(Debug)]
pub enum RenderError {
    /// A template that does not parse, or does not render with the document's view.
    Template { template: String, message: String },
    /// A file that could not be made from the rendered text: a PDF (typst), a message ready to
    /// send, a chart image, an e-mail's styles.
    File { file: String, message: String },
    /// A view that does not become a template context.
    View { document: &'static str, message: String },
    /// Every failure of one build, so that all are reported at once.
    Several(Vec<RenderError>),
}

impl std::error::Error for RenderError {}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Template { template, message } => f.write_str(&crate::t!(
                "build-render-template",
                template = template.as_str(),
                message = message.as_str()
            )),
            RenderError::File { file, message } => write!(f, "{file}: {message}"),
            RenderError::View { document, message } => {
                f.write_str(&crate::t!("build-render-view", document = *document, message = message.as_str()))
            }
            RenderError::Several(all) => {
                f.write_str(&all.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
            }
        }
    }
}

impl RenderError {
    pub(crate) fn file(file: impl Into<String>, message: impl std::fmt::Display) -> RenderError {
        RenderError::File { file: file.into(), message: message.to_string() }
    }
}

/// What a document is rendered from.
#[derive(Debug, Clone)]
pub enum Content {
    /// The document as a tree of blocks, for the kinds every format renders from one model by the
    /// generic writers (the rapportage, the regioplan, the informatiepakket).
    Tree(Box<crate::render::doc::Document>),
    /// A view as template context and the templates' base name (`nieuwsbrief` renders through
    /// nieuwsbrief.md, .html, .txt and .email.html): the newsletter.
    Templates { template: &'static str, context: tera::Context },
}

/// A document ready to render: what it is rendered from, its charts, and what names it.
#[derive(Debug, Clone)]
pub struct Document {
    pub kind: DocumentKind,
    pub content: Content,
    pub period: DocumentPeriod,
    /// A draft (`--concept`).
    pub draft: bool,
    pub title: String,
    /// Path of the files without extension, relative to the output directory.
    pub stem: String,
    /// The charts the PDF embeds (as SVG files in typst's world).
    pub grafieken: Vec<chart::Grafiek>,
    /// Images written beside the e-mail (and inside the message ready to send): (path, image).
    pub afbeeldingen: Vec<(String, Afbeelding)>,
    /// Figures from the data: written beside the Markdown (at `bestand`, relative to the output
    /// directory) and handed to typst (at `typst`); the HTML embeds them.
    pub figuren: Vec<views::FiguurView>,
    /// The newsletter's sender and list headers, for the message ready to send (`.eml`).
    pub bericht: Option<Bericht>,
    /// The day the document is dated (published, adopted, sent), where the data or `--date` gives
    /// a day: the PDF's creation date and the message's Date. `None`: the PDF takes the build's
    /// reference date ([`Provenance::datum`]) and the message has no Date.
    pub dag: Option<chrono::NaiveDate>,
}

/// An image beside the e-mail, as PNG (mail clients show few SVGs).
#[derive(Debug, Clone)]
pub enum Afbeelding {
    /// A chart, rendered to PNG at twice its size.
    Grafiek(chart::Grafiek),
    /// The programme's logo: a PNG as it is, an SVG rendered to PNG at `hoogte` pixels high.
    Logo { logo: views::LogoView, hoogte: u32 },
}

impl Afbeelding {
    /// The image's PNG bytes (`file` names it in an error).
    pub fn png(&self, file: &str) -> Result<Vec<u8>, RenderError> {
        match self {
            Afbeelding::Grafiek(g) => chart::png(&g.svg, 2.0, file),
            Afbeelding::Logo { logo, .. } if logo.kind != crate::load::figure::ImageKind::Svg => {
                Ok(logo.bytes.to_vec())
            }
            Afbeelding::Logo { logo, hoogte } => {
                let schaal = *hoogte as f32 / logo.size().1.max(1) as f32;
                chart::png(&String::from_utf8_lossy(&logo.bytes), schaal, file)
            }
        }
    }
}

/// Who sends the newsletter, from koers.yaml.
#[derive(Debug, Clone)]
pub struct Bericht {
    /// The `afzender`, else the programme's e-mail address.
    pub van: String,
    /// The programme's name, shown as the sender.
    pub naam: String,
    pub antwoord_aan: Option<String>,
    pub afmelden: Option<String>,
}

/// typst documents up to this many bytes in all (source, tree and charts) may compile side by side,
/// however large the largest is: laying out 1 MB of it takes some 350 MB, and compiling small documents one at a time
/// would leave a core idle (typst's own parallelism, over pages, is small in a small document).
const PDF_SIDE_BY_SIDE: usize = 1 << 20;

/// A PDF to compile: a document's typst source and chart files, without its view (the other
/// formats' template context, freed once they are rendered).
struct PdfSource {
    source: String,
    /// The chart SVGs by their virtual path in typst's world.
    charts: Vec<(String, Vec<u8>)>,
    /// The PDF's identifier (stable between builds of the same commit).
    ident: String,
    /// The document's own day, for the PDF's creation date.
    dag: Option<chrono::NaiveDate>,
    /// The PDF's Creator: koers and the source commit (metadata, never on a page).
    creator: String,
    /// The file, its bytes still empty.
    file: RenderedFile,
}

/// The template environments, built once and shared by all jobs.
pub struct Renderer {
    md: tera::Tera,
    html: tera::Tera,
    txt: tera::Tera,
    style_typ: String,
    /// The typst source of every document with a tree.
    document_typ: String,
    /// The styles of the editable formats: a reference document's, else koers' own in the colours
    /// and fonts of `theme.css`.
    pub office: office::OfficeStyles,
    /// The custom properties of `theme.css`, resolved into the e-mail (mail clients lack `var()`).
    theme: Vec<(String, String)>,
    pub merge_tags: MergeTags,
}

impl Renderer {
    pub fn new(templates: &templates::TemplateSet) -> Result<Renderer, RenderError> {
        Ok(Renderer {
            md: tera_env::environment(Lang::Markdown, templates)?,
            html: tera_env::environment(Lang::Html, templates)?,
            txt: tera_env::environment(Lang::Text, templates)?,
            office: office::OfficeStyles::with_theme(office::Theme::from_css(templates.get("theme.css"))),
            style_typ: templates.get("koers.typ").to_string(),
            document_typ: templates.get("document.typ").to_string(),
            theme: theme_properties(templates.get("theme.css")),
            merge_tags: MergeTags::default(),
        })
    }

    /// Render every job in every requested format it supports. The result is in job order and
    /// format order, whatever the scheduling.
    pub fn render_all(
        &self,
        prog: &Programme,
        jobs: &[Job],
        formats: &[Format],
        bron: &Provenance,
        date: chrono::NaiveDate,
    ) -> Result<Vec<RenderedFile>, RenderError> {
        // Each job's document once: its formats all render from it.
        let mut documents = Vec::new();
        let mut errors = Vec::new();
        for made in jobs.par_iter().map(|job| self.document(prog, job, bron)).collect::<Vec<_>>() {
            match made {
                Ok(Some(doc)) => documents.push(doc),
                Ok(None) => {}
                Err(e) => errors.push(e),
            }
        }
        let wanted: Vec<(Arc<Document>, Format)> = documents
            .into_iter()
            .map(Arc::new)
            .flat_map(|d| {
                let formats = Format::for_kind(d.kind).iter().filter(|f| formats.contains(f));
                formats.map(move |f| (d.clone(), *f))
            })
            .collect();
        let mut files = Vec::new();
        for r in self.render_documents(wanted, bron, date) {
            match r {
                Ok(f) => files.extend(f),
                Err(e) => errors.push(e),
            }
        }
        match errors.len() {
            0 => Ok(files),
            1 => Err(errors.remove(0)),
            _ => Err(RenderError::Several(errors)),
        }
    }

    /// Render documents in formats, all cores busy: the PDFs (typst compiles, the work that needs
    /// memory) largest first and never more of them side by side than the largest needs alone
    /// (or than [`PDF_SIDE_BY_SIDE`] when that is more). When no compile is running after a large
    /// one, typst's cache is emptied, so no two large documents hold it at once (after small ones
    /// it keeps what the next may reuse: fonts, the style library). A document is freed when its last format is rendered, a PDF's typst source
    /// when it is compiled. The results are in the order of `wanted`.
    pub fn render_documents(
        &self,
        wanted: Vec<(Arc<Document>, Format)>,
        bron: &Provenance,
        date: chrono::NaiveDate,
    ) -> Vec<Result<Vec<RenderedFile>, RenderError>> {
        enum Work {
            Pdf(Box<PdfSource>),
            Other(Arc<Document>, Format),
        }
        // Each task's work is taken when it runs, so that what it holds is freed when it ends.
        type Slot = Mutex<Option<Result<Work, RenderError>>>;
        let tasks: Vec<schedule::Task<Slot>> = wanted
            .into_par_iter()
            .map(|(doc, format)| match format {
                Format::Pdf => match self.pdf_source(&doc, bron) {
                    // What typst lays out stands for the compile's memory: the source, the tree it
                    // reads and the charts (not the figures' image bytes, which are placed whole).
                    Ok(pdf) => {
                        let laid_out: usize = pdf
                            .charts
                            .iter()
                            .filter(|(path, _)| path.ends_with(".json") || path.ends_with(".svg"))
                            .map(|(_, bytes)| bytes.len())
                            .sum();
                        let heavy = Some(pdf.source.len() + laid_out);
                        schedule::Task { heavy, work: Mutex::new(Some(Ok(Work::Pdf(Box::new(pdf))))) }
                    }
                    Err(e) => schedule::Task { heavy: None, work: Mutex::new(Some(Err(e))) },
                },
                _ => schedule::Task { heavy: None, work: Mutex::new(Some(Ok(Work::Other(doc, format)))) },
            })
            .collect();
        schedule::run(
            &tasks,
            PDF_SIDE_BY_SIDE,
            |slot| match slot.lock().expect("task slot").take().expect("each task runs once")? {
                Work::Pdf(pdf) => Ok(vec![self.compile(*pdf, date)?]),
                Work::Other(doc, format) => self.render_document(&doc, format, bron, date),
            },
            |heaviest| if heaviest > PDF_SIDE_BY_SIDE / 4 { pdf::clear_cache() } else { pdf::evict_cache() },
        )
    }

    /// A job's document: its view as template context, its charts, title and file stem (None
    /// when the job has nothing to show, e.g. no regioplan). Each kind makes its own, in its
    /// module of [`views`]; a new kind is one such module and its templates.
    pub fn document(&self, prog: &Programme, job: &Job, bron: &Provenance) -> Result<Option<Document>, RenderError> {
        match job {
            Job::Rapportage { periode, concept } => {
                views::rapportage::document(prog, *periode, *concept, bron).map(Some)
            }
            Job::Regioplan(sel) => views::regioplan::document(prog, sel, bron),
            Job::Nieuwsbrief(period) => views::nieuwsbrief::document(prog, *period, self.merge_tags, bron).map(Some),
            Job::Informatiepakket => views::informatiepakket::document(prog, bron),
        }
    }

    /// One document in one format: the file, and for the e-mail the images beside it. A PDF
    /// compiled here leaves typst's recent cache entries for the next compile (the preview
    /// re-renders the same documents).
    ///
    /// Long because it is the one match over the formats, each arm the few calls that make that
    /// format's bytes.
    pub fn render_document(
        &self,
        doc: &Document,
        format: Format,
        bron: &Provenance,
        date: chrono::NaiveDate,
    ) -> Result<Vec<RenderedFile>, RenderError> {
        let bytes = match &doc.content {
            Content::Tree(tree) => match format {
                // Its figures beside the Markdown, in figuren/.
                Format::Md => md::write(tree, "figuren").into_bytes(),
                Format::Html => self.page(tree, bron)?.into_bytes(),
                Format::Odt => odt::write(tree, &self.office)?,
                Format::Docx => docx::write(tree, &self.office)?,
                Format::Pdf => {
                    let pdf = self.compile(self.pdf_source(doc, bron)?, date);
                    pdf::evict_cache();
                    return Ok(vec![pdf?]);
                }
                Format::Txt | Format::Email | Format::Eml => return Err(no_format(doc, format)),
            },
            Content::Templates { template, context } => match format {
                Format::Md => tidy(&tera_env::render(&self.md, &format!("{template}.md"), context)?).into_bytes(),
                Format::Html => tera_env::render(&self.html, &format!("{template}.html"), context)?.into_bytes(),
                Format::Txt => tidy(&tera_env::render(&self.txt, &format!("{template}.txt"), context)?).into_bytes(),
                Format::Email => self.email_html(template, context)?.into_bytes(),
                Format::Eml => {
                    let Some(bericht) = &doc.bericht else { return Ok(vec![]) }; // no sender known: no message
                    self.message(doc, bericht, template, context)?
                }
                Format::Pdf | Format::Odt | Format::Docx => return Err(no_format(doc, format)),
            },
        };
        let mut out = vec![self.file(doc, format, bytes)];
        if format == Format::Md {
            out.extend(
                doc.figuren.iter().map(|f| self.file_at(doc, format, PathBuf::from(&f.uitvoer), f.bytes.to_vec())),
            );
        }
        if format == Format::Email {
            for (path, a) in &doc.afbeeldingen {
                let bytes = a.png(path)?;
                out.push(self.file_at(doc, format, PathBuf::from(path), bytes));
            }
        }
        Ok(out)
    }

    /// What a document's PDF is compiled from: its typst source (which imports `koers.typ`) and
    /// its charts as files. A document with a tree: `document.typ`, reading the tree as data
    /// (`/document.json`), with its charts and figures beside it.
    fn pdf_source(&self, doc: &Document, bron: &Provenance) -> Result<PdfSource, RenderError> {
        let Content::Tree(tree) = &doc.content else { return Err(no_format(doc, Format::Pdf)) };
        let logo = tree.metadata.logo.as_deref();
        let mut files = vec![
            ("/document.json".to_string(), tree.to_json().into_bytes()),
            ("/huisstijl.json".to_string(), self.huisstijl_json(logo)),
        ];
        files.extend(logo.map(|l| (format!("/{}", l.image), l.bytes.to_vec())));
        files.extend(doc.grafieken.iter().map(|g| (format!("/grafiek/{}.svg", g.id), g.svg.clone().into_bytes())));
        files.extend(doc.figuren.iter().map(|f| (f.typst.clone(), f.bytes.to_vec())));
        Ok(PdfSource {
            source: self.document_typ.clone(),
            charts: files,
            ident: format!("{}-{}", doc.stem, bron.commit.as_deref().unwrap_or("local")),
            dag: doc.dag,
            creator: bron.beschrijving.clone(),
            file: self.file(doc, Format::Pdf, Vec::new()),
        })
    }

    /// The colours of the theme (`theme.css` and the data's `huisstijl`) for `koers.typ`, as data:
    /// `{"primair": "#005f73", …}`, the last value of each property; with a logo, its file in
    /// typst's world and its alt text: `"logo": {"pad": "/logo.svg", "alt": "…"}`.
    fn huisstijl_json(&self, logo: Option<&crate::render::doc::Figure>) -> Vec<u8> {
        let kleur = |name: &str, default: &str| {
            self.theme
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .filter(|v| v.len() == 7 && v.starts_with('#') && v[1..].chars().all(|c| c.is_ascii_hexdigit()))
                .unwrap_or_else(|| default.to_string())
        };
        let mut json = serde_json::json!({
            "primair": kleur("koers-kleur-primair", "#005f73"),
            "primair-licht": kleur("koers-kleur-primair-licht", "#d8ecef"),
            "accent": kleur("koers-kleur-accent", "#ee7d00"),
            "accent-tekst": kleur("koers-kleur-accent-tekst", "#9a4f00"),
            "accent-licht": kleur("koers-kleur-accent-vlak", "#fdf0e1"),
        });
        if let Some(l) = logo {
            json["logo"] = serde_json::json!({ "pad": format!("/{}", l.image), "alt": l.alt });
        }
        json.to_string().into_bytes()
    }

    /// Compile a PDF. Its creation date is the document's own day, else the build's reference
    /// date (PDF/A requires one).
    fn compile(&self, pdf: PdfSource, date: chrono::NaiveDate) -> Result<RenderedFile, RenderError> {
        let PdfSource { source, charts, ident, dag, creator, mut file } = pdf;
        let meta = pdf::Metadata { date: dag.unwrap_or(date), ident: &ident, creator: &creator };
        file.bytes = pdf::compile(&source, &self.style_typ, &charts, &meta, &file.path.display().to_string())?;
        Ok(file)
    }

    /// The document's file in a format (for the e-mail without its images).
    fn file(&self, doc: &Document, format: Format, bytes: Vec<u8>) -> RenderedFile {
        self.file_at(doc, format, PathBuf::from(format!("{}.{}", doc.stem, format.extension())), bytes)
    }

    /// A file of the document at `path` (a figure or chart image beside it, or the document itself).
    fn file_at(&self, doc: &Document, format: Format, path: PathBuf, bytes: Vec<u8>) -> RenderedFile {
        RenderedFile {
            document: doc.kind,
            period: doc.period.clone(),
            draft: doc.draft,
            format,
            title: doc.title.clone(),
            path,
            bytes,
        }
    }
}

impl Renderer {
    /// The HTML page of a document tree: the writer's parts in the page shell, `base.html`.
    fn page(&self, tree: &crate::render::doc::Document, bron: &Provenance) -> Result<String, RenderError> {
        let page = html::write(tree);
        let mut cx = tera::Context::new();
        cx.insert("titel", &page.title);
        cx.insert("taal", &page.language);
        cx.insert("omslag", &page.cover);
        cx.insert("inhoud", &page.body);
        cx.insert("voet", &page.footer);
        cx.insert("document", &tree.metadata);
        cx.insert("logo", &tree.metadata.logo.as_deref().map(html::logo));
        cx.insert("bron", bron);
        tera_env::render(&self.html, "base.html", &cx)
    }

    /// The e-mail HTML: the theme's tokens resolved, the CSS inlined.
    /// The newsletter as a message ready to send: its e-mail HTML and text, and the images beside
    /// the e-mail inside it, referred to by `cid:` (whatever the e-mail HTML refers to).
    fn message(
        &self,
        doc: &Document,
        bericht: &Bericht,
        template: &str,
        context: &tera::Context,
    ) -> Result<Vec<u8>, RenderError> {
        let mut in_message = context.clone();
        in_message.insert("bericht", &true);
        let mut html = self.email_html(template, &in_message)?;
        let text = tidy(&tera_env::render(&self.txt, &format!("{template}.txt"), context)?);
        let mut inline = Vec::new();
        for (path, a) in &doc.afbeeldingen {
            let file = path.rsplit('/').next().unwrap_or(path);
            let cid = format!("{}@koers", file.trim_end_matches(".png"));
            html = html.replace(&format!("src=\"{file}\""), &format!("src=\"cid:{cid}\""));
            inline.push((cid, a.png(path)?));
        }
        let headers = eml::EmlHeaders {
            subject: &doc.title,
            from: &bericht.van,
            from_name: &bericht.naam,
            reply_to: bericht.antwoord_aan.as_deref(),
            unsubscribe: bericht.afmelden.as_deref(),
            date: doc.dag,
        };
        eml::build(&headers, &text, &html, &inline, &format!("{}.eml", doc.stem))
    }

    fn email_html(&self, template: &str, context: &tera::Context) -> Result<String, RenderError> {
        let html = tera_env::render(&self.html, &format!("{template}.email.html"), context)?;
        let file = format!("{template}.email.html");
        let html = resolve_theme(&html, &self.theme, &file)?;
        inline_css(&html, &file)
    }
}

/// A format the document's kind does not have ([`Format::for_kind`] keeps such pairs out of a build).
fn no_format(doc: &Document, format: Format) -> RenderError {
    RenderError::View {
        document: doc.kind.as_str(),
        message: crate::t!("build-render-view-lacks-format", format = format.as_str()),
    }
}

/// Text outputs: no trailing spaces except Markdown hard breaks, at most one blank line in a row,
/// one final newline (template tags leave blank lines behind).
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = if line.ends_with("  ") && !line.trim().is_empty() { line } else { line.trim_end() };
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

pub(crate) fn to_context(document: &'static str, view: &impl Serialize) -> Result<tera::Context, RenderError> {
    tera::Context::from_serialize(view).map_err(|e| RenderError::View { document, message: e.to_string() })
}

/// The custom properties (`--name: value;`) declared in a theme stylesheet, in order.
pub fn theme_properties(css: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = strip_css_comments(css);
    while let Some(at) = rest.find("--") {
        rest = rest[at..].to_string();
        let Some(colon) = rest.find(':') else { break };
        let name = rest[2..colon].trim().to_string();
        let end = rest[colon..].find([';', '}']).map(|e| colon + e).unwrap_or(rest.len());
        let value = rest[colon + 1..end].trim().to_string();
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            out.push((name, value));
        }
        rest = rest[end..].to_string();
    }
    out
}

fn strip_css_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..].find("*/").map(|e| &rest[start + 2 + e + 2..]).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Replace every `var(--name)` in the `<style>` elements of an HTML document by the theme's
/// value, so that the e-mail carries plain colours. Text outside `<style>` (the data) is not
/// touched. An unknown property is an error: the e-mail would lose that colour.
pub fn resolve_theme(html: &str, theme: &[(String, String)], file: &str) -> Result<String, RenderError> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<style") {
        let Some(close) = rest[open..].find("</style>").map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        let mut css = &rest[open..close];
        while let Some(v) = css.find("var(--") {
            out.push_str(&css[..v]);
            let end = css[v..]
                .find(')')
                .map(|e| v + e)
                .ok_or_else(|| RenderError::file(file, crate::t!("build-style-unclosed-var")))?;
            let name = css[v + 6..end].split(',').next().unwrap_or_default().trim();
            let value = theme
                .iter()
                .rev()
                .find(|(n, _)| n == name)
                .map(|(_, value)| value.as_str())
                .ok_or_else(|| RenderError::file(file, crate::t!("build-style-unknown-property", name = name)))?;
            out.push_str(value);
            css = &css[end + 1..];
        }
        out.push_str(css);
        rest = &rest[close..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Inline the `<style>` rules into `style` attributes, as e-mail clients need; remote
/// stylesheets are never fetched. Media queries (dark mode, small screens) stay in the head.
pub fn inline_css(html: &str, file: &str) -> Result<String, RenderError> {
    let inliner = css_inline::CSSInliner::options()
        .load_remote_stylesheets(false)
        .keep_style_tags(false)
        .keep_at_rules(true)
        .keep_link_tags(false)
        .build();
    inliner
        .inline(html)
        .map_err(|e| RenderError::file(file, crate::t!("build-email-inline-css", error = e.to_string())))
}
