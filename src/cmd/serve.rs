//! `koers serve`: every document in the browser at the path it has in out/, rebuilt when the data
//! or templates change and reloaded through server-sent events. Nothing is written to disk.
//!
//! Three parts: the HTTP server (axum on 127.0.0.1), a watcher (notify) that wakes the rebuild
//! thread, and the rebuild thread, which updates a [`Preview`] — the fast formats first, then the
//! PDFs — and announces what changed on the event channel.

use super::{Exit, paint_error};
use crate::flags::ServeArgs;
use anyhow::{Context, Result};
use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use koers::diagnostics::Diagnostics;
use koers::preview::{Formats, Preview, Site, Update};
use koers::render::Format;
use std::io::Write;
use std::sync::{Arc, RwLock, mpsc};
use std::time::Duration;
use tokio::sync::broadcast;

/// Where pages listen for reloads.
const EVENTS_PATH: &str = "/__koers/events";

/// The page script: reload when this page (or everything) changed. No polling.
const RELOAD_SCRIPT: &str = r#"<script>(function(){var here=decodeURIComponent(location.pathname.replace(/^\//,""));var es=new EventSource("/__koers/events");es.onmessage=function(e){var d=JSON.parse(e.data);if(d.everything||d.changed.indexOf(here)>=0||(here===""&&d.changed.indexOf("")>=0)){location.reload();}};})();</script>"#;

struct Shared {
    site: RwLock<Arc<Site>>,
    events: broadcast::Sender<String>,
}

pub(crate) fn run(a: ServeArgs) -> Result<Exit> {
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    runtime.block_on(serve(a))
}

async fn serve(a: ServeArgs) -> Result<Exit> {
    let data = a.data.data.clone();
    if !data.is_dir() {
        let _ = writeln!(
            std::io::stderr(),
            "{}: the data directory {} does not exist",
            paint_error("error"),
            data.display()
        );
        return Ok(Exit::Error);
    }
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", a.port)).await {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            let _ = writeln!(
                std::io::stderr(),
                "{}: port {} on 127.0.0.1 is in use (by another koers serve?); choose another with --port, e.g. --port {}",
                paint_error("error"),
                a.port,
                a.port.wrapping_add(1).max(1024)
            );
            return Ok(Exit::Error);
        }
        Err(e) => return Err(e).with_context(|| format!("listening on 127.0.0.1:{}", a.port)),
    };
    let port = listener.local_addr()?.port();

    let mut opts = koers::BuildOptions::new(&data, "out");
    opts.templates_dir = a.templates.clone();
    opts.merge_tags = a.merge_tags;
    let mut preview = Preview::new(opts);
    let watched = preview.watched_dirs();
    let started = std::time::Instant::now();
    let preview = tokio::task::spawn_blocking(move || {
        preview.update(Formats::Fast);
        if matches!(preview.site(), Site::Built { .. }) {
            preview.update(Formats::Pdf);
        }
        preview
    })
    .await?;
    let shared =
        Arc::new(Shared { site: RwLock::new(Arc::new(preview.site().clone())), events: broadcast::channel(64).0 });

    // Changes to the data or the templates wake the rebuild thread.
    let (wake, woken) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(e) = event
            && matters(&e)
        {
            let _ = wake.send(());
        }
    })
    .context("starting the file watcher")?;
    for dir in &watched {
        notify::Watcher::watch(&mut watcher, dir, notify::RecursiveMode::Recursive)
            .with_context(|| format!("watching {}", dir.display()))?;
    }
    let rebuild_shared = shared.clone();
    std::thread::spawn(move || rebuild_loop(preview, woken, &rebuild_shared));

    let url = format!("http://127.0.0.1:{port}/");
    let dirs: Vec<String> = watched.iter().map(|d| d.display().to_string()).collect();
    println!("koers serve: {url}");
    println!(
        "built in {:.2} s; watching {} (rebuilds on save; Ctrl-C stops)",
        started.elapsed().as_secs_f64(),
        dirs.join(" and ")
    );
    let _ = std::io::stdout().flush();
    if a.open {
        open_browser(&url);
    }

    let app = Router::new()
        .route("/", get(index))
        .route(EVENTS_PATH, get(events))
        .route("/{*path}", get(file))
        .with_state(shared);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("serving")?;
    drop(watcher);
    Ok(Exit::Ok)
}

/// A change of a data file or template (not an access, not an editor's swap file).
fn matters(e: &notify::Event) -> bool {
    use notify::EventKind;
    if !matches!(e.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any) {
        return false;
    }
    e.paths.iter().any(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy()).unwrap_or_default();
        !(name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.ends_with(".tmp"))
    })
}

fn rebuild_loop(mut preview: Preview, woken: mpsc::Receiver<()>, shared: &Shared) {
    while woken.recv().is_ok() {
        // An editor's save is several events: wait until they stop.
        while woken.recv_timeout(Duration::from_millis(15)).is_ok() {}
        let started = std::time::Instant::now();
        let fast = preview.update(Formats::Fast);
        publish(&preview, &fast, shared);
        report(&fast, &preview, started, "pages");
        if matches!(preview.site(), Site::Built { .. }) {
            let started = std::time::Instant::now();
            let pdf = preview.update(Formats::Pdf);
            if pdf.rendered > 0 || !pdf.changed.is_empty() {
                publish(&preview, &pdf, shared);
                report(&pdf, &preview, started, "PDFs");
            }
        }
    }
}

fn publish(preview: &Preview, update: &Update, shared: &Shared) {
    *shared.site.write().expect("not poisoned") = Arc::new(preview.site().clone());
    if update.everything || !update.changed.is_empty() {
        let message = serde_json::json!({ "changed": update.changed, "everything": update.everything });
        let _ = shared.events.send(message.to_string());
    }
}

fn report(update: &Update, preview: &Preview, started: std::time::Instant, what: &str) {
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match preview.site() {
        Site::Built { .. } => {
            eprintln!("rebuilt {what}: {} rendered, {} changed, {ms:.0} ms", update.rendered, update.changed.len())
        }
        Site::Invalid { diagnostics } => {
            eprint!("{}", diagnostics.render(koers::diagnostics::DiagnosticFormat::Human, false));
            eprintln!("the data is invalid: every page shows the diagnostics until it is fixed");
        }
        Site::Failed { message } => eprintln!("{}: {message}", paint_error("error")),
    }
}

fn current(shared: &Shared) -> Arc<Site> {
    shared.site.read().expect("not poisoned").clone()
}

async fn index(State(shared): State<Arc<Shared>>) -> Response {
    match &*current(&shared) {
        Site::Built { index, .. } => html_page(index),
        other => problem_page(other),
    }
}

async fn file(State(shared): State<Arc<Shared>>, UrlPath(path): UrlPath<String>) -> Response {
    let site = current(&shared);
    let Site::Built { files, manifest, .. } = &*site else {
        return problem_page(&site);
    };
    if path == "manifest.json" {
        return typed(manifest, "application/json");
    }
    let Some(f) = files.get(path.as_str()) else {
        let body = format!(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found</title><p>There is no document at /{}. <a href=\"/\">All documents</a></p>{RELOAD_SCRIPT}</html>",
            escape(&path)
        );
        return (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], body).into_response();
    };
    if path.ends_with(".png") {
        return typed(&f.bytes, "image/png");
    }
    match f.format {
        Format::Html | Format::Email => html_page(&f.bytes),
        Format::Md | Format::Txt => typed(&f.bytes, "text/plain; charset=utf-8"),
        Format::Pdf => {
            let mut r = typed(&f.bytes, "application/pdf");
            let name = path.rsplit('/').next().unwrap_or("document.pdf");
            if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{name}\"")) {
                r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
        Format::Eml => {
            let mut r = typed(&f.bytes, "message/rfc822");
            let name = path.rsplit('/').next().unwrap_or("nieuwsbrief.eml");
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
    }
}

async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let receiver = shared.events.subscribe();
    let stream = futures_util::stream::unfold(receiver, |mut rx| async move {
        let message = match rx.recv().await {
            Ok(message) => message,
            // Missed messages: reload everything.
            Err(broadcast::error::RecvError::Lagged(_)) => r#"{"changed":[],"everything":true}"#.to_string(),
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok(Event::default().data(message)), rx))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

fn typed(bytes: &[u8], content_type: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-store")], bytes.to_vec()).into_response()
}

/// An HTML page with the reload script before `</body>`.
fn html_page(bytes: &[u8]) -> Response {
    let html = String::from_utf8_lossy(bytes);
    let body = match html.rfind("</body>") {
        Some(i) => format!("{}{RELOAD_SCRIPT}{}", &html[..i], &html[i..]),
        None => format!("{html}{RELOAD_SCRIPT}"),
    };
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body).into_response()
}

/// What every page shows while the data is invalid or a template fails.
fn problem_page(site: &Site) -> Response {
    let (title, items, summary) = match site {
        Site::Invalid { diagnostics } => {
            let title = match diagnostics.error_count() {
                1 => "The data has 1 error".to_string(),
                n => format!("The data has {n} errors"),
            };
            (title, diagnostic_items(diagnostics), diagnostics.summary())
        }
        Site::Failed { message } => (
            "A document could not be rendered".to_string(),
            format!("<li><pre>{}</pre></li>", escape(message)),
            String::new(),
        ),
        Site::Built { .. } => (String::new(), String::new(), String::new()),
    };
    let summary = if summary.is_empty() { summary } else { format!("<p class=\"summary\">{}</p>", escape(&summary)) };
    let body = format!(
        r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>koers: {title}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}h1{{color:#a4001d}}li{{margin:0 0 1rem}}code,pre{{font:14px/1.4 ui-monospace,monospace}}pre{{background:#f4f4f4;padding:.5rem;overflow-x:auto}}.hint{{color:#333}}</style></head>
<body><main><h1>{title}</h1><p>Every page shows this until the problem is fixed; it reloads by itself when you save.</p><ol>{items}</ol>{summary}</main>{RELOAD_SCRIPT}</body></html>"#
    );
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")],
        body,
    )
        .into_response()
}

/// The diagnostics as list items, errors first (as `koers check` lists them).
fn diagnostic_items(d: &Diagnostics) -> String {
    let mut out = String::new();
    for x in d.in_order() {
        let place = match (x.line, x.column) {
            (0, _) => x.file.display().to_string(),
            (l, 0) => format!("{}:{l}", x.file.display()),
            (l, c) => format!("{}:{l}:{c}", x.file.display()),
        };
        let severity = if x.is_error() { "error" } else { "warning" };
        out.push_str(&format!(
            "<li><code>{}</code> <strong>{severity}</strong>: {}",
            escape(&place),
            escape(&x.message)
        ));
        if let Some(line) = &x.source_line {
            out.push_str(&format!("<pre>{}</pre>", escape(line)));
        }
        if let Some(h) = &x.hint {
            out.push_str(&format!("<div class=\"hint\">hint: {}</div>", escape(h)));
        }
        out.push_str("</li>");
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(program).arg(url).spawn() {
        eprintln!("could not open a browser ({program}: {e}); open {url} yourself");
    }
}
