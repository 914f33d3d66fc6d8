//! `koers serve` as a user meets it: the process started on a free port over a copy of the data,
//! pages fetched over HTTP, a change seen through the reload channel (server-sent events), an
//! invalid file turning every page into the diagnostics and back, a port in use refused.

use crate::common;

use common::{copy_dir, koers, root, run, stderr};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

struct Server {
    child: Child,
    url: String,
    dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// `koers serve --port 0` over a copy of data/; waits for the address it prints.
    fn start() -> Server {
        Server::start_with(&[])
    }

    /// With these built-in templates copied into a `templates/` directory beside the data.
    fn start_with(templates: &[&str]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("data"), &dir.path().join("data"));
        for t in templates {
            std::fs::create_dir_all(dir.path().join("templates")).unwrap();
            std::fs::copy(root().join("templates").join(t), dir.path().join("templates").join(t)).unwrap();
        }
        let mut child = koers()
            .current_dir(dir.path())
            .args(["serve", "--data", "data", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start koers serve");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().expect("koers serve printed nothing").unwrap();
        let url = first.strip_prefix("koers serve: ").unwrap_or_else(|| panic!("unexpected first line {first:?}"));
        // Keep draining stdout so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, url: url.trim_end_matches('/').to_string(), dir }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn get(&self, path: &str) -> (u16, String, Vec<u8>) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let mut r = agent.get(&format!("{}{path}", self.url)).call().expect("request");
        let status = r.status().as_u16();
        let ct = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        let body = r.body_mut().with_config().limit(100 << 20).read_to_vec().unwrap();
        (status, ct, body)
    }

    fn text(&self, path: &str) -> (u16, String) {
        let (s, _, b) = self.get(path);
        (s, String::from_utf8(b).unwrap())
    }

    /// Subscribe to the reload channel: each event's data arrives on the receiver.
    fn events(&self) -> mpsc::Receiver<String> {
        let (tx, rx) = mpsc::channel();
        let url = format!("{}/__koers/events", self.url);
        let (ready_tx, ready_rx) = mpsc::channel();
        std::thread::spawn(move || {
            let r = ureq::get(&url).call().expect("subscribe");
            assert_eq!(r.headers().get("content-type").unwrap().to_str().unwrap(), "text/event-stream");
            let _ = ready_tx.send(());
            for line in BufReader::new(r.into_body().into_reader()).lines() {
                let Ok(line) = line else { return };
                if let Some(data) = line.strip_prefix("data: ")
                    && tx.send(data.to_string()).is_err()
                {
                    return;
                }
            }
        });
        ready_rx.recv_timeout(Duration::from_secs(10)).expect("the event stream did not open");
        rx
    }
}

/// The first event that satisfies `pred`, within 30 s.
fn wait_for(rx: &mpsc::Receiver<String>, what: &str, pred: impl Fn(&serde_json::Value) -> bool) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let data = rx.recv_timeout(left).unwrap_or_else(|_| panic!("no reload event for {what} within 30 s"));
        let v: serde_json::Value = serde_json::from_str(&data).unwrap();
        if pred(&v) {
            return v;
        }
    }
}

fn changed(v: &serde_json::Value, path: &str) -> bool {
    v["changed"].as_array().unwrap().iter().any(|p| p == path)
}

const RAPPORTAGE_HTML: &str = "/rapportage/tussentijdse-rapportage-2024-H1.html";

#[test]
fn serves_every_document_with_its_content_type() {
    let s = Server::start();
    let (status, index) = s.text("/");
    assert_eq!(status, 200);
    let doc = scraper::Html::parse_document(&index);
    let links: Vec<String> = doc
        .select(&scraper::Selector::parse("a[href]").unwrap())
        .map(|a| a.value().attr("href").unwrap().split('#').next().unwrap().to_string())
        .filter(|h| !h.is_empty() && !h.starts_with("http") && !h.starts_with("mailto"))
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .collect();
    assert!(links.len() >= 18, "the index links {} documents: {links:?}", links.len());
    for link in &links {
        let (status, ct, body) = s.get(&format!("/{link}"));
        assert_eq!(status, 200, "{link}");
        let expected = match link.rsplit('.').next().unwrap() {
            "html" => "text/html; charset=utf-8",
            "pdf" => "application/pdf",
            "md" | "txt" => "text/plain; charset=utf-8",
            "json" => "application/json",
            "png" => "image/png",
            "eml" => "message/rfc822",
            other => panic!("unexpected file type {other} ({link})"),
        };
        assert_eq!(ct, expected, "{link}");
        if expected == "application/pdf" {
            assert!(body.starts_with(b"%PDF-"), "{link} is not a PDF");
        }
        if expected.starts_with("text/html") {
            let html = String::from_utf8(body).unwrap();
            assert!(html.contains("new EventSource(\"/__koers/events\")"), "{link} has no reload script");
        }
    }
    let (status, _) = s.text("/rapportage/bestaat-niet.html");
    assert_eq!(status, 404);
    // Serving never writes an output directory.
    assert!(!s.dir.path().join("out").exists());
}

#[test]
fn a_change_is_rebuilt_and_announced_and_invalid_data_shows_everywhere() {
    let s = Server::start();
    let (_, page) = s.text(RAPPORTAGE_HTML);
    assert!(!page.contains("Valpreventieweek in alle veertien gemeenten"));
    let events = s.events();

    // A result recorded with the authoring command: the rapportage's pages are rebuilt and
    // announced, then its PDF.
    let o = run(koers().current_dir(s.dir.path()).args([
        "resultaat",
        "valpreventie",
        "Valpreventieweek in alle veertien gemeenten",
        "--periode",
        "2024-H1",
        "--data",
        "data",
    ]));
    assert!(o.status.success(), "{}", stderr(&o));
    let v = wait_for(&events, "the rapportage HTML", |v| changed(v, &RAPPORTAGE_HTML[1..]));
    assert_eq!(v["everything"], false);
    // Only what the change affects: not the regioplan, not the newsletters.
    assert!(v["changed"].as_array().unwrap().iter().all(|p| p.as_str().unwrap().starts_with("rapportage/")), "{v}");
    let (_, page) = s.text(RAPPORTAGE_HTML);
    assert!(page.contains("Valpreventieweek in alle veertien gemeenten"), "the page was not rebuilt");
    wait_for(&events, "the rapportage PDF", |v| changed(v, "rapportage/tussentijdse-rapportage-2024-H1.pdf"));

    // Invalid YAML: every page, the index and the PDF show the diagnostics.
    let path = s.data().join("projecten/valpreventie.yaml");
    let good = std::fs::read_to_string(&path).unwrap();
    let lines = good.lines().count();
    std::fs::write(&path, format!("{good}  - fase: [kapot\n")).unwrap();
    wait_for(&events, "the invalid data", |v| v["everything"] == true);
    for page in [
        "/",
        RAPPORTAGE_HTML,
        "/rapportage/tussentijdse-rapportage-2024-H1.pdf",
        "/nieuwsbrief/even-bijpraten-2025-04.email.html",
    ] {
        let (status, ct, body) = s.get(page);
        let body = String::from_utf8(body).unwrap();
        assert_eq!(status, 500, "{page}");
        assert_eq!(ct, "text/html; charset=utf-8", "{page}");
        let doc = scraper::Html::parse_document(&body);
        let items: Vec<String> =
            doc.select(&scraper::Selector::parse("li code").unwrap()).map(|c| c.inner_html()).collect();
        assert!(items.contains(&format!("data/projecten/valpreventie.yaml:{}:11", lines + 1)), "{page}: {items:?}");
        assert!(body.contains("unclosed bracket"), "{page}: {body}");
        assert!(body.contains("new EventSource"), "{page}: the diagnostics page must reload by itself");
        // The error first (the data's warnings stand in files before it), then the warnings,
        // then the one-line count.
        let severities: Vec<String> =
            doc.select(&scraper::Selector::parse("li > strong").unwrap()).map(|c| c.inner_html()).collect();
        let warnings = severities.iter().filter(|s| *s == "warning").count();
        assert!(warnings > 0, "{page}: the data's warnings are listed too: {severities:?}");
        assert_eq!(severities[0], "error", "{page}: {severities:?}");
        assert!(severities[1..].iter().all(|s| s == "warning"), "{page}: {severities:?}");
        let summary: Vec<String> =
            doc.select(&scraper::Selector::parse("main > p.summary").unwrap()).map(|c| c.inner_html()).collect();
        assert_eq!(summary, [format!("1 error, {warnings} warnings")], "{page}");
    }
    // Fixed: the pages come back.
    std::fs::write(&path, &good).unwrap();
    wait_for(&events, "the repaired data", |v| v["everything"] == true);
    let (status, page) = s.text(RAPPORTAGE_HTML);
    assert_eq!(status, 200);
    assert!(page.contains("Valpreventieweek in alle veertien gemeenten"));
}

#[test]
fn a_template_change_rebuilds_what_it_shows_and_keeps_serving_the_rest() {
    let s = Server::start_with(&["index.html"]);
    let events = s.events();
    let path = s.dir.path().join("templates/index.html");
    let t = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, t.replacen("{% block main %}", "{% block main %}<p>Sjabloon aangepast</p>", 1)).unwrap();
    let v = wait_for(&events, "the index", |v| changed(v, ""));
    // Only the index shows index.html: every document renders anew with the new templates, but
    // its bytes are the same, and nothing is reported changed or goes missing meanwhile.
    assert_eq!(v["changed"], serde_json::json!([""]), "{v}");
    let (status, ct, _) = s.get("/rapportage/tussentijdse-rapportage-2024-H1.pdf");
    assert_eq!((status, ct.as_str()), (200, "application/pdf"));
    assert!(s.text("/").1.contains("Sjabloon aangepast"));
}

#[test]
fn a_port_in_use_is_refused_with_the_flag_to_change_it() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let o = run(koers().args(["serve", "--data", &root().join("data").to_string_lossy(), "--port", &port]));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains(&format!("port {port}")) && err.contains("--port"), "{err}");
}

/// The reload in a real browser: a page open in headless Chromium shows a change to the data
/// without anyone touching it (tools/a11y/serve-reload.mjs drives it with puppeteer-core).
#[test]
#[ignore = "needs Chromium and the npm package puppeteer-core (tools/a11y: npm ci --ignore-scripts); run by .ci/run"]
fn an_open_page_reloads_in_a_real_browser() {
    let tools = root().join("tools/a11y");
    assert!(
        tools.join("node_modules/puppeteer-core/package.json").is_file(),
        "missing tools/a11y/node_modules/puppeteer-core: run `npm ci --ignore-scripts` in tools/a11y (.ci/run does this)"
    );
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let s = Server::start();
    let file = s.data().join("projecten/valpreventie.yaml");
    let old = "Aanbod valpreventieve beweeginterventies per gemeente in kaart gebracht.";
    let new = "Aanbod valpreventieve beweeginterventies per gemeente in kaart gebracht en gedeeld.";
    let o = run(std::process::Command::new("node")
        .arg(tools.join("serve-reload.mjs"))
        .arg(format!("{}{RAPPORTAGE_HTML}", s.url))
        .arg(&file)
        .arg(old)
        .arg(new)
        .env("CHROMIUM", &chromium));
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        o.status.code() != Some(2),
        "the browser check could not run (Node.js and Chromium at {chromium} are needed): {}",
        stderr(&o)
    );
    assert!(o.status.success(), "the open page did not reload with the change: {out} {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["reloaded"], true, "{out}");
}
