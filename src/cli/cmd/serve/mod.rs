//! `koers serve`: every document in the browser at the path it has in out/, rebuilt when the data
//! or templates change and reloaded through server-sent events. Nothing is written to disk.
//!
//! Four parts: the HTTP server (axum, on 127.0.0.1 unless `--host` says otherwise, behind the
//! checks of [`guard`]), a watcher (notify) that wakes the rebuild thread, the rebuild thread,
//! which asks the renderer for an update — the fast formats first, then the PDFs — and announces
//! what changed on the event channel, and the renderer itself: a [`koers::pipeline::preview::Preview`] in a
//! process of its own under a time limit ([`worker`]).

mod guard;
pub(crate) mod worker;

use super::{Exit, paint_error};
use crate::cli::flags::ServeArgs;
use anyhow::{Context, Result};
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use koers::core::diagnostics::Diagnostics;
use koers::core::document::Format;
use koers::pipeline::preview::{Formats, Site, Update};
use std::io::Write;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock, mpsc};
use std::time::Duration;
use tokio::sync::{Semaphore, broadcast};
use worker::{Renderer, Served};

/// Where pages listen for reloads.
const EVENTS_PATH: &str = "/__koers/events";

/// The page script: reload when this page (or everything) changed. No polling.
const RELOAD_SCRIPT: &str = r#"<script>(function(){var here=decodeURIComponent(location.pathname.replace(/^\//,""));var es=new EventSource("/__koers/events");es.onmessage=function(e){var d=JSON.parse(e.data);if(d.everything||d.changed.indexOf(here)>=0||(here===""&&d.changed.indexOf("")>=0)){location.reload();}};})();</script>"#;

struct Shared {
    served: RwLock<Arc<Served>>,
    events: broadcast::Sender<String>,
    /// The permits of the open event streams.
    streams: Arc<Semaphore>,
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
            "{}: {}",
            paint_error(&koers::t!("diagnostics-error")),
            koers::t!("build-serve-no-data-dir", dir = data.display().to_string())
        );
        return Ok(Exit::Error);
    }
    let host = a.host;
    let Some(listener) = listen(host, a.port).await? else { return Ok(Exit::Error) };
    let port = listener.local_addr()?.port();

    let mut opts = koers::BuildOptions::new(&data, "out");
    opts.templates_dir = a.templates.clone();
    let mut watched = vec![data.clone()];
    watched.extend(koers::pipeline::templates_dir(&opts));
    let started = std::time::Instant::now();
    let mut renderer = Renderer::new(&a);
    let (renderer, served) = tokio::task::spawn_blocking(move || {
        let mut answer = renderer.update(Formats::Fast);
        if matches!(answer.served, Served::Built { .. }) {
            answer = renderer.update(Formats::Pdf);
        }
        (renderer, answer.served)
    })
    .await?;
    let shared = Arc::new(Shared {
        served: RwLock::new(Arc::new(served)),
        events: broadcast::channel(64).0,
        streams: guard::event_streams(),
    });

    // Changes to the data or the templates wake the rebuild thread.
    let (wake, woken) = mpsc::channel::<()>();
    let watch = Watch::start(watched.clone(), wake)?;
    let rebuild_shared = shared.clone();
    std::thread::spawn(move || rebuild_loop(renderer, watch, woken, &rebuild_shared));

    let url = announce(host, port, &watched, started);
    if a.open {
        open_browser(&url);
    }

    let hosts = Arc::new(guard::Hosts::new(host));
    let app = Router::new()
        .route("/", get(index))
        .route(EVENTS_PATH, get(events))
        .route("/{*path}", get(file))
        .with_state(shared)
        .layer(axum::middleware::from_fn_with_state(hosts, guard::check_host));
    axum::serve(guard::Limited::new(listener, guard::MAX_CONNECTIONS, guard::IDLE), app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .with_context(|| koers::t!("build-serve-serving"))?;
    Ok(Exit::Ok)
}

/// The listener on `host`:`port`; `None` when the port is taken (said on stderr).
async fn listen(host: IpAddr, port: u16) -> Result<Option<tokio::net::TcpListener>> {
    match tokio::net::TcpListener::bind((host, port)).await {
        Ok(l) => Ok(Some(l)),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            let _ = writeln!(
                std::io::stderr(),
                "{}: {}",
                paint_error(&koers::t!("diagnostics-error")),
                koers::t!(
                    "build-serve-port-in-use",
                    port = port.to_string(),
                    host = host.to_string(),
                    other = port.wrapping_add(1).max(1024).to_string()
                )
            );
            Ok(None)
        }
        Err(e) => Err(e)
            .with_context(|| koers::t!("build-serve-listening-on", host = host.to_string(), port = port.to_string())),
    }
}

/// Say where the preview is, what it watches and who can reach it (a warning first when other
/// computers can); its address.
fn announce(host: IpAddr, port: u16, watched: &[PathBuf], started: std::time::Instant) -> String {
    let shown = match host {
        IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
        IpAddr::V6(ip) if ip.is_unspecified() => "[::1]".to_string(),
        IpAddr::V4(ip) => ip.to_string(),
        IpAddr::V6(ip) => format!("[{ip}]"),
    };
    let url = format!("http://{shown}:{port}/");
    let dirs: Vec<String> = watched.iter().map(|d| d.display().to_string()).collect();
    if !host.is_loopback() {
        let message = if host.is_unspecified() {
            koers::t!("build-serve-open-to-network-all", host = host.to_string(), port = port.to_string())
        } else {
            koers::t!("build-serve-open-to-network", host = host.to_string(), port = port.to_string())
        };
        let _ = writeln!(std::io::stderr(), "{}: {message}", paint_warning(&koers::t!("diagnostics-warning")));
    }
    println!("koers serve: {url}");
    let dirs = match dirs.as_slice() {
        [one, two] => koers::t!("build-serve-dirs-two", first = one.as_str(), second = two.as_str()),
        _ => dirs.join(", "),
    };
    println!(
        "{}",
        koers::t!("build-serve-built", seconds = format!("{:.2}", started.elapsed().as_secs_f64()), dirs = dirs)
    );
    if host.is_loopback() {
        println!("{}", koers::t!("build-serve-loopback-only", host = host.to_string()));
    }
    let _ = std::io::stdout().flush();

    url
}

fn paint_warning(s: &str) -> String {
    if super::color() { format!("\x1b[1;33m{s}\x1b[0m") } else { s.to_string() }
}

/// The watcher of the data and templates directories. Each directory's parent is watched too (not
/// recursively), so that a directory removed and made again (a `git checkout`, a restored
/// backup) is seen, and watched anew ([`Watch::refresh`]).
struct Watch {
    watcher: notify::RecommendedWatcher,
    dirs: Vec<PathBuf>,
}

impl Watch {
    fn start(dirs: Vec<PathBuf>, wake: mpsc::Sender<()>) -> Result<Watch> {
        // Events name paths as watched: below the directory as given, or below its parent.
        let absolute: Vec<PathBuf> = dirs.iter().filter_map(|d| std::path::absolute(d).ok()).collect();
        let relevant: Vec<PathBuf> = dirs.iter().chain(&absolute).cloned().collect();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            if let Ok(e) = event
                && matters(&e)
                && e.paths.iter().any(|p| relevant.iter().any(|d| p.starts_with(d)))
            {
                let _ = wake.send(());
            }
        })
        .with_context(|| koers::t!("build-serve-starting-watcher"))?;
        for dir in &dirs {
            notify::Watcher::watch(&mut watcher, dir, notify::RecursiveMode::Recursive)
                .with_context(|| koers::t!("build-serve-watching", dir = dir.display().to_string()))?;
        }
        for parent in absolute.iter().filter_map(|d| d.parent()) {
            // Best effort: without it, a directory that returns is seen on the next restart.
            let _ = notify::Watcher::watch(&mut watcher, parent, notify::RecursiveMode::NonRecursive);
        }
        Ok(Watch { watcher, dirs })
    }

    /// Watch every directory that exists now (again, if it was removed and made anew; watching a
    /// watched directory changes nothing).
    fn refresh(&mut self) {
        for dir in &self.dirs {
            if dir.is_dir() {
                let _ = notify::Watcher::watch(&mut self.watcher, dir, notify::RecursiveMode::Recursive);
            }
        }
    }
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

fn rebuild_loop(mut renderer: Renderer, mut watch: Watch, woken: mpsc::Receiver<()>, shared: &Shared) {
    while woken.recv().is_ok() {
        // An editor's save is several events: wait until they stop.
        while woken.recv_timeout(Duration::from_millis(15)).is_ok() {}
        watch.refresh();
        let fast = renderer.update(Formats::Fast);
        publish(fast.served, &fast.update, shared);
        if matches!(*current(shared), Served::Built { .. }) {
            let pdf = renderer.update(Formats::Pdf);
            if pdf.update.rendered > 0 || !pdf.update.changed.is_empty() || pdf.update.everything {
                publish(pdf.served, &pdf.update, shared);
            }
        }
    }
}

fn publish(served: Served, update: &Update, shared: &Shared) {
    *shared.served.write().expect("not poisoned") = Arc::new(served);
    if update.everything || !update.changed.is_empty() {
        let message = serde_json::json!({ "changed": update.changed, "everything": update.everything });
        let _ = shared.events.send(message.to_string());
    }
}

fn current(shared: &Shared) -> Arc<Served> {
    shared.served.read().expect("not poisoned").clone()
}

async fn index(State(shared): State<Arc<Shared>>) -> Response {
    match &*current(&shared) {
        Served::Built { index, .. } => html_page(index),
        Served::Problem(page) => problem_page(page),
    }
}

/// A file of the rendered set, looked up by its path; nothing else is ever served (no path
/// reaches the file system).
async fn file(State(shared): State<Arc<Shared>>, UrlPath(path): UrlPath<String>) -> Response {
    let served = current(&shared);
    let files = match &*served {
        Served::Built { files, manifest, .. } => {
            if path == "manifest.json" {
                return typed(manifest, "application/json");
            }
            files
        }
        Served::Problem(page) => return problem_page(page),
    };
    let Some(f) = files.get(path.as_str()) else {
        let body = format!(
            "<!doctype html><html lang=\"{lang}\"><meta charset=\"utf-8\"><title>{title}</title><p>{text} <a href=\"/\">{all}</a></p>{RELOAD_SCRIPT}</html>",
            lang = koers::core::i18n::language().code(),
            title = escape(&koers::t!("build-serve-not-found-title")),
            text = escape(&koers::t!("build-serve-not-found", path = format!("/{path}"))),
            all = escape(&koers::t!("build-serve-all-documents")),
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
        Format::Eml | Format::Odt | Format::Docx => {
            let content_type = match f.format {
                Format::Odt => "application/vnd.oasis.opendocument.text",
                Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                _ => "message/rfc822",
            };
            let mut r = typed(&f.bytes, content_type);
            let name = path.rsplit('/').next().unwrap_or("document");
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
                r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
            }
            r
        }
    }
}

async fn events(State(shared): State<Arc<Shared>>) -> Response {
    // A bounded number of streams; a browser's EventSource tries again by itself.
    let Ok(permit) = shared.streams.clone().try_acquire_owned() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "3"), (header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{}\n", koers::t!("build-serve-too-many-streams")),
        )
            .into_response();
    };
    let receiver = shared.events.subscribe();
    // The permit lives as long as the stream.
    let stream = futures_util::stream::unfold((receiver, permit), |(mut rx, permit)| async move {
        let message = match rx.recv().await {
            Ok(message) => message,
            // Missed messages: reload everything.
            Err(broadcast::error::RecvError::Lagged(_)) => r#"{"changed":[],"everything":true}"#.to_string(),
            Err(broadcast::error::RecvError::Closed) => return None,
        };
        Some((Ok::<_, std::convert::Infallible>(Event::default().data(message)), (rx, permit)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default()).into_response()
}

/// The bytes of a served file, shared with the site (not copied for each request).
struct SharedBytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for SharedBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn typed(bytes: &Arc<Vec<u8>>, content_type: &'static str) -> Response {
    let body = Body::from(Bytes::from_owner(SharedBytes(bytes.clone())));
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "no-store")], body).into_response()
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

fn problem_page(page: &Arc<String>) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")],
        Body::from(Bytes::from_owner(SharedText(page.clone()))),
    )
        .into_response()
}

struct SharedText(Arc<String>);

impl AsRef<[u8]> for SharedText {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// What every page shows while the data is invalid or a template fails.
fn problem_html(site: &Site) -> String {
    let (title, items, summary) = match site {
        Site::Invalid { diagnostics } => {
            let title = koers::t!("build-serve-data-errors", count = diagnostics.error_count());
            (title, diagnostic_items(diagnostics), diagnostics.summary())
        }
        Site::Failed { message } => {
            (koers::t!("build-serve-not-rendered"), format!("<li><pre>{}</pre></li>", escape(message)), String::new())
        }
        Site::Built { .. } => (String::new(), String::new(), String::new()),
    };
    let summary = if summary.is_empty() { summary } else { format!("<p class=\"summary\">{}</p>", escape(&summary)) };
    let lang = koers::core::i18n::language().code();
    let title = escape(&title);
    let explanation = escape(&koers::t!("build-serve-problem-explanation"));
    format!(
        r#"<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>koers: {title}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}h1{{color:#a4001d}}li{{margin:0 0 1rem}}code,pre{{font:14px/1.4 ui-monospace,monospace}}pre{{background:#f4f4f4;padding:.5rem;overflow-x:auto;white-space:pre-wrap}}.hint{{color:#333}}</style></head>
<body><main><h1>{title}</h1><p>{explanation}</p><ol>{items}</ol>{summary}</main>{RELOAD_SCRIPT}</body></html>"#
    )
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
        let severity = if x.is_error() { koers::t!("diagnostics-error") } else { koers::t!("diagnostics-warning") };
        out.push_str(&format!(
            "<li><code>{}</code> <strong>{severity}</strong>: {}",
            escape(&place),
            escape(&x.message)
        ));
        if let Some(line) = &x.source_line {
            out.push_str(&format!("<pre>{}</pre>", escape(line)));
        }
        if let Some(h) = &x.hint {
            out.push_str(&format!(
                "<div class=\"hint\">{}: {}</div>",
                escape(&koers::t!("diagnostics-hint")),
                escape(h)
            ));
        }
        out.push_str("</li>");
    }
    out
}

use koers::core::text::escape_markup as escape;

fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(program).arg(url).spawn() {
        eprintln!("{}", koers::t!("build-serve-no-browser", program = program, error = e.to_string(), url = url));
    }
}
