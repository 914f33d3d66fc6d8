//! PDF through typst, embedded as a library: a small `World` with the embedded fonts, the main
//! source (`document.typ`), the house style `koers.typ` and the document's data files (its tree
//! as `/document.json`, its charts and figures).

use super::RenderError;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// Fonts and the standard library, loaded once per process and shared by every compile.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = typst_assets::fonts()
            .chain(EXTRA_FONTS.iter().copied())
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        Shared {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

/// A sans-serif body font (Carlito, SIL Open Font License 1.1, see `fonts/LICENSE-Carlito.txt`).
pub(crate) const EXTRA_FONTS: &[&[u8]] = &[
    include_bytes!("../../fonts/Carlito-Regular.ttf"),
    include_bytes!("../../fonts/Carlito-Bold.ttf"),
    include_bytes!("../../fonts/Carlito-Italic.ttf"),
    include_bytes!("../../fonts/Carlito-BoldItalic.ttf"),
];

fn file_id(path: &str) -> FileId {
    FileId::new(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).expect("valid virtual path")))
}

struct KoersWorld {
    main: Source,
    style: Source,
    /// Data files the document reads (the chart SVGs), by virtual path: bytes, never typst code.
    files: Vec<(FileId, Bytes)>,
    today: Datetime,
}

impl World for KoersWorld {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else if id == self.style.id() {
            Ok(self.style.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.iter().find(|(f, _)| *f == id).map(|(_, b)| b.clone()).ok_or(FileError::AccessDenied)
    }
    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// What a PDF's metadata says beside its title and language.
pub struct Metadata<'a> {
    /// The creation date; it also fixes typst's `today()`.
    pub date: chrono::NaiveDate,
    /// The document identifier (stable between builds of the same document and commit).
    pub ident: &'a str,
    /// The Creator: the program and the source it made the document from.
    pub creator: &'a str,
}

/// Compile typst markup (`main`, which imports `koers.typ`) into a tagged PDF/UA-1 + PDF/A-2a.
/// `date` is the document date: it fixes `today()` and the PDF timestamp, so the same input
/// always gives the same bytes. `files` are data files the markup may read by their absolute
/// virtual path (`image("/grafiek/x.svg")`). The caller frees typst's cache afterwards
/// ([`evict_cache`], [`clear_cache`]).
pub fn compile(
    main: &str,
    style: &str,
    files: &[(String, Vec<u8>)],
    meta: &Metadata,
    file: &str,
) -> Result<Vec<u8>, RenderError> {
    use chrono::Datelike;
    let date = meta.date;
    let fail = |message: String| RenderError::file(file, message);
    let today = Datetime::from_ymd(date.year(), date.month() as u8, date.day() as u8)
        .ok_or_else(|| fail(crate::t!("build-pdf-date-out-of-range", date = date.to_string())))?;
    let world = KoersWorld {
        main: Source::new(file_id("/main.typ"), main.to_string()),
        style: Source::new(file_id("/koers.typ"), style.to_string()),
        files: files.iter().map(|(p, b)| (file_id(p), Bytes::new(b.clone()))).collect(),
        today,
    };
    if let Some(dir) = std::env::var_os("KOERS_TYPST_SOURCES") {
        sources::write(main, style, files, std::path::Path::new(&dir), meta.ident);
    }
    let trace = timing::start();
    let result = typst::compile::<PagedDocument>(&world);
    let document = result.output.map_err(|errs| fail(describe(&world, &errs)))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1, PdfStandard::A_2a]).map_err(|e| fail(format!("{e:?}")))?;
    let options = PdfOptions {
        ident: typst::foundations::Smart::Custom(meta.ident.to_string()),
        creator: typst::foundations::Smart::Custom(Some(meta.creator.to_string())),
        timestamp: Some(Timestamp::new_utc(
            Datetime::from_ymd_hms(date.year(), date.month() as u8, date.day() as u8, 12, 0, 0)
                .ok_or_else(|| fail(crate::t!("build-pdf-date-out-of-range", date = date.to_string())))?,
        )),
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errs| fail(describe(&world, &errs)));
    if let Some(dir) = trace {
        timing::write(&world, &dir, meta.ident);
    }
    if let Some(dir) = std::env::var_os("KOERS_TYPST_LAYOUT") {
        layout::write(&document, std::path::Path::new(&dir), meta.ident);
    }
    pdf
}

/// How full each page is, for judging a layout: with `KOERS_TYPST_LAYOUT=DIR` every compile writes
/// `DIR/<document>.layout.json`, one entry a page: the share of the body's height (between the
/// margins of `koers.typ`, A4 24 mm top and 22 mm bottom) that text, shapes and images cover, and
/// whether a chapter (a level-1 heading, marked `<koers-hoofdstuk>` by `koers.typ`) starts on it.
pub mod layout {
    use serde::{Deserialize, Serialize};
    use typst::foundations::{Label, Selector};
    use typst::introspection::Introspector;
    use typst::layout::{Abs, Frame, FrameItem, Point};
    use typst_layout::PagedDocument;

    /// One page's fill.
    #[derive(Debug, Clone, Serialize, Deserialize)]
    pub struct PageFill {
        /// 1-based.
        pub page: usize,
        /// Covered share of the body height, 0 to 1.
        pub coverage: f64,
        pub chapter_start: bool,
        /// Pairs of text runs laid over each other (a part of the page printed on top of another,
        /// as an unbreakable block taller than the page would be): 0 on a sound page.
        pub overlaps: usize,
    }

    /// The body of a page: below the header, above the footer (koers.typ's A4 margins).
    const BODY_TOP_MM: f64 = 24.0;
    const BODY_BOTTOM_MM: f64 = 297.0 - 22.0;

    pub fn pages(document: &PagedDocument) -> Vec<PageFill> {
        let label = Label::new(typst::utils::PicoStr::intern("koers-hoofdstuk")).expect("a valid label");
        let mut starts = std::collections::BTreeSet::new();
        for m in document.introspector().query(&Selector::Label(label)) {
            if let Some(pos) = m.location().and_then(|l| document.introspector().position(l)) {
                starts.insert(pos.page.get());
            }
        }
        let (top, bottom) = (Abs::mm(BODY_TOP_MM), Abs::mm(BODY_BOTTOM_MM));
        document
            .pages()
            .iter()
            .enumerate()
            .map(|(i, page)| {
                let mut spans = Vec::new();
                let mut runs = Vec::new();
                collect(&page.frame, Point::zero(), &mut spans, &mut runs);
                let mut clipped: Vec<(Abs, Abs)> =
                    spans.into_iter().map(|(a, b)| (a.max(top), b.min(bottom))).filter(|(a, b)| a < b).collect();
                clipped.sort_by_key(|a| a.0);
                let mut covered = Abs::zero();
                let mut end = top;
                for (a, b) in clipped {
                    let a = a.max(end);
                    if b > a {
                        covered += b - a;
                        end = b;
                    }
                }
                PageFill {
                    page: i + 1,
                    coverage: covered / (bottom - top),
                    chapter_start: starts.contains(&(i + 1)),
                    overlaps: overlaps(&runs),
                }
            })
            .collect()
    }

    /// A text run's box: left, top, right, bottom.
    type Run = (Abs, Abs, Abs, Abs);

    /// The vertical extents of what a frame shows, placed at `at`, and the boxes of its text runs.
    fn collect(frame: &Frame, at: Point, out: &mut Vec<(Abs, Abs)>, runs: &mut Vec<Run>) {
        for (pos, item) in frame.items() {
            let p = at + *pos;
            match item {
                FrameItem::Group(g) => collect(&g.frame, p + Point::new(g.transform.tx, g.transform.ty), out, runs),
                FrameItem::Text(t) => {
                    let (top, bottom) = (p.y - t.size * 0.75, p.y + t.size * 0.25);
                    out.push((top, bottom));
                    runs.push((p.x, top, p.x + t.width(), bottom));
                }
                FrameItem::Shape(shape, _) => {
                    let b = shape.bbox(false);
                    out.push((p.y + b.min.y, p.y + b.max.y));
                }
                FrameItem::Image(_, size, _) => out.push((p.y, p.y + size.y)),
                FrameItem::Link(..) | FrameItem::Tag(_) => {}
            }
        }
    }

    /// The pairs of text runs whose boxes overlap by more than a point across and by more than
    /// half the smaller one's height (runs on one line only touch; kerning moves them less).
    fn overlaps(runs: &[Run]) -> usize {
        let eps = Abs::pt(1.0);
        let mut n = 0;
        for (i, a) in runs.iter().enumerate() {
            for b in &runs[i + 1..] {
                let across = a.2.min(b.2) - a.0.max(b.0);
                let down = a.3.min(b.3) - a.1.max(b.1);
                let smaller = (a.3 - a.1).min(b.3 - b.1);
                if across > eps && down > smaller * 0.5 {
                    n += 1;
                }
            }
        }
        n
    }

    pub(super) fn write(document: &PagedDocument, dir: &std::path::Path, ident: &str) {
        let path = dir.join(format!("{}.layout.json", ident.replace('/', "_")));
        let json = serde_json::to_vec_pretty(&pages(document)).expect("page fills serialise");
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!(
                "{}: {}",
                crate::t!("diagnostics-warning"),
                crate::t!("build-pdf-writing-layout", path = path.display().to_string(), error = e.to_string())
            );
        }
    }
}

/// What a compile reads, for working on `document.typ` and `koers.typ` with the typst CLI alone:
/// with `KOERS_TYPST_SOURCES=DIR` every compile writes `DIR/<document>/` holding `document.typ`,
/// `koers.typ`, `document.json` and the charts and figures, so that
/// `typst compile --root DIR/<document> --font-path fonts DIR/<document>/document.typ`
/// makes the same pages.
mod sources {
    pub(super) fn write(main: &str, style: &str, files: &[(String, Vec<u8>)], dir: &std::path::Path, ident: &str) {
        let root = dir.join(ident.replace('/', "_"));
        let all = [("/document.typ", main.as_bytes()), ("/koers.typ", style.as_bytes())]
            .into_iter()
            .chain(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
        for (path, bytes) in all {
            let target = root.join(path.trim_start_matches('/'));
            let result =
                target.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&target, bytes));
            if let Err(e) = result {
                eprintln!(
                    "{}: {}",
                    crate::t!("diagnostics-warning"),
                    crate::t!("build-pdf-writing-source", path = target.display().to_string(), error = e.to_string())
                );
            }
        }
    }
}

/// typst's timing hooks: with `KOERS_TYPST_TIMING=DIR`, every compile writes a Chrome trace
/// (`chrome://tracing`, Perfetto) of its phases to `DIR/<document>.json`, each event with its
/// source line. Compiles running side by side share one recorder: trace one document at a time
/// (`build-report --only regioplan --format pdf`).
mod timing {
    use super::KoersWorld;
    use typst::WorldExt;
    use typst::syntax::Span;

    pub(super) fn start() -> Option<std::path::PathBuf> {
        let dir = std::env::var_os("KOERS_TYPST_TIMING")?;
        typst_timing::enable();
        Some(dir.into())
    }

    pub(super) fn write(world: &KoersWorld, dir: &std::path::Path, ident: &str) {
        let path = dir.join(format!("{}.json", ident.replace('/', "_")));
        let result = std::fs::File::create(&path).map_err(|e| e.to_string()).and_then(|f| {
            typst_timing::export_json(std::io::BufWriter::new(f), |span| {
                let span = Span::from_raw(span);
                let line = world
                    .range(span)
                    .zip(span.id().and_then(|id| typst::World::source(world, id).ok()))
                    .and_then(|(range, src)| src.lines().byte_to_line(range.start))
                    .map_or(0, |l| l as u32 + 1);
                let file = span.id().map_or(String::new(), |id| format!("{id:?}"));
                (file, line)
            })
        });
        if let Err(e) = result {
            eprintln!(
                "{}: {}",
                crate::t!("diagnostics-warning"),
                crate::t!("build-pdf-writing-trace", path = path.display().to_string(), error = e.to_string())
            );
        }
    }
}

/// Drop typst's cache entries not used in the last few compiles: what a run of compiles of the
/// same documents (the preview) still reuses stays.
pub fn evict_cache() {
    typst::comemo::evict(10);
}

/// Empty typst's cache. Call it only when no compile is running (a compile in flight would lose
/// its cache and redo work); between the documents of a build nothing in it is worth the memory.
pub fn clear_cache() {
    typst::comemo::evict(0);
}

fn describe(world: &KoersWorld, errs: &[SourceDiagnostic]) -> String {
    errs.iter()
        .map(|e| {
            let place = e
                .span
                .id()
                .and_then(|id| world.source(id).ok())
                .and_then(|src| {
                    let range = world.range(e.span)?;
                    let line = src.lines().byte_to_line(range.start)? + 1;
                    let text =
                        src.text().lines().nth(line - 1).unwrap_or("").trim().chars().take(120).collect::<String>();
                    let file = if src.id() == world.style.id() {
                        "koers.typ".to_string()
                    } else {
                        crate::t!("build-pdf-generated-document")
                    };
                    Some(format!(" ({})", crate::t!("build-pdf-error-place", file = file, line = line, text = text)))
                })
                .unwrap_or_default();
            let hint = crate::t!("diagnostics-hint");
            let hints = e.hints.iter().map(|h| format!("; {hint}: {}", h.v)).collect::<String>();
            format!("typst: {}{place}{hints}", e.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}
