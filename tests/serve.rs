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

pub(crate) struct Server {
    child: Child,
    url: String,
    dir: tempfile::TempDir,
    /// What the server printed on standard output after its address.
    pub(crate) printed: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
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
        Server::launch(templates, |_| {}, &[])
    }

    /// With templates copied as above, `setup` run on the directory that holds data/ and
    /// templates/, and these environment variables.
    pub(crate) fn launch(templates: &[&str], setup: impl FnOnce(&std::path::Path), env: &[(&str, &str)]) -> Server {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("data"), &dir.path().join("data"));
        for t in templates {
            std::fs::create_dir_all(dir.path().join("templates")).unwrap();
            std::fs::copy(root().join("templates").join(t), dir.path().join("templates").join(t)).unwrap();
        }
        setup(dir.path());
        let mut child = koers()
            .current_dir(dir.path())
            .args(["serve", "--data", "data", "--port", "0"])
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start koers serve");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().expect("koers serve printed nothing").unwrap();
        let url = first.strip_prefix("koers serve: ").unwrap_or_else(|| panic!("unexpected first line {first:?}"));
        // Keep draining stdout so the server never blocks on a full pipe.
        let printed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let keep = printed.clone();
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                keep.lock().unwrap().push(line);
            }
        });
        Server { child, url: url.trim_end_matches('/').to_string(), dir, printed }
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

    pub(crate) fn text(&self, path: &str) -> (u16, String) {
        let (s, _, b) = self.get(path);
        (s, String::from_utf8(b).unwrap())
    }

    fn port(&self) -> u16 {
        self.url.rsplit(':').next().unwrap().parse().unwrap()
    }

    /// A request written by hand (the target and `Host` exactly as given; no `Host` when None):
    /// the status and the body.
    fn raw(&self, target: &str, host: Option<&str>) -> (u16, String) {
        let (status, head, body) = raw_request(self.port(), target, host);
        let _ = head;
        (status, body)
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

/// `GET target` on 127.0.0.1:port over a fresh connection, closed after the answer: the status,
/// the head and the body.
fn raw_request(port: u16, target: &str, host: Option<&str>) -> (u16, String, String) {
    use std::io::{Read, Write};
    let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let host = host.map(|h| format!("Host: {h}\r\n")).unwrap_or_default();
    write!(c, "GET {target} HTTP/1.1\r\n{host}Connection: close\r\n\r\n").unwrap();
    let mut answer = Vec::new();
    c.read_to_end(&mut answer).unwrap();
    let answer = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no status in {head:?}"));
    (status, head.to_string(), body.to_string())
}

/// Open the event stream on a new connection: its status and head, the connection left open.
fn open_event_stream(port: u16) -> (u16, String, std::net::TcpStream) {
    use std::io::{Read, Write};
    let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(c, "GET /__koers/events HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n").unwrap();
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        assert_eq!(c.read(&mut byte).unwrap(), 1, "the connection closed before the head ended");
        head.push(byte[0]);
    }
    let head = String::from_utf8(head).unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, head, c)
}

/// A value of /proc/PID/status in kB (Linux).
fn proc_kb(pid: u32, key: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with(key)).unwrap_or_else(|| panic!("no {key}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

fn open_files(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).unwrap().count()
}

/// The processes whose parent is `pid` (Linux), not counting zombies.
fn children(pid: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else { continue };
        // After the command name in parentheses: state, parent.
        let mut rest = stat.rsplit_once(')').unwrap().1.split_whitespace();
        let (state, parent) = (rest.next().unwrap(), rest.next().unwrap());
        if parent == pid.to_string() && state != "Z" {
            out.push(child);
        }
    }
    out
}

/// Wait until `cond` holds, at most `secs` seconds; false if it never did.
pub(crate) fn eventually(secs: u64, mut cond: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < deadline {
        if cond() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    cond()
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
    let links = local_links(&index);
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
            "odt" => "application/vnd.oasis.opendocument.text",
            "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            other => panic!("unexpected file type {other} ({link})"),
        };
        assert_eq!(ct, expected, "{link}");
        if link.ends_with(".odt") || link.ends_with(".docx") {
            assert!(body.starts_with(b"PK\x03\x04"), "{link} is not a ZIP package");
        }
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

/// Only this computer: the server listens on 127.0.0.1 and says so; a page of another site that
/// reaches it through DNS rebinding (its own name pointing at 127.0.0.1) is refused, because its
/// requests carry that name as `Host`.
#[test]
fn listens_on_loopback_only_and_refuses_other_host_names() {
    let s = Server::start();
    let port = s.port();
    assert!(
        eventually(10, || s
            .printed
            .lock()
            .unwrap()
            .iter()
            .any(|l| l == "listening on 127.0.0.1 only: other computers cannot connect (--host to change that)")),
        "{:?}",
        s.printed.lock().unwrap()
    );
    // The listening socket's address, as the kernel has it: 127.0.0.1 (0100007F), not 0.0.0.0.
    let tcp = std::fs::read_to_string("/proc/net/tcp").unwrap();
    let listening: Vec<String> = tcp
        .lines()
        .skip(1)
        .map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|f| f[3] == "0A" && f[1].ends_with(&format!(":{port:04X}")))
        .map(|f| f[1].clone())
        .collect();
    assert_eq!(listening, vec![format!("0100007F:{port:04X}")]);

    for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}"), "localhost".to_string()] {
        assert_eq!(s.raw("/", Some(&host)).0, 200, "{host}");
        assert_eq!(s.raw(RAPPORTAGE_HTML, Some(&host)).0, 200, "{host}");
    }
    for host in [Some(format!("evil.example:{port}")), Some("127.0.0.1.evil.example".into()), Some(String::new()), None]
    {
        for target in ["/", RAPPORTAGE_HTML, "/manifest.json", "/__koers/events"] {
            let (status, body) = s.raw(target, host.as_deref());
            assert_eq!(status, 403, "{target} with Host {host:?}: {body}");
            assert!(body.contains("DNS rebinding") && !body.contains("Valpreventie"), "{body}");
        }
    }
}

/// `--host` opens the preview to other computers, with a warning.
#[test]
fn another_host_is_listened_on_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    let mut child = koers()
        .current_dir(dir.path())
        .args(["serve", "--data", "data", "--port", "0", "--host", "0.0.0.0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Both pipes stay open until the server is stopped (a closed stdout would end it early).
    let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = stdout.next().unwrap().unwrap();
    let warning =
        BufReader::new(child.stderr.take().unwrap()).lines().map_while(Result::ok).find(|l| l.starts_with("warning:"));
    let _ = child.kill();
    let _ = child.wait();
    drop(stdout);
    assert!(first.starts_with("koers serve: http://127.0.0.1:"), "{first}");
    let warning = warning.expect("no warning");
    assert!(warning.contains("listening on 0.0.0.0 (every network interface)"), "{warning}");
    assert!(warning.contains("anyone who can reach this computer"), "{warning}");
}

/// Only the rendered documents are served: no request reaches a file — not with `..` (plain or
/// percent-encoded), not with an absolute path, not through a symbolic link in data/ or
/// templates/ that points outside (the data's link is reported and not read).
#[test]
fn never_serves_anything_outside_the_rendered_documents() {
    const SECRET: &str = "GEHEIM-7f3a";
    let s = Server::launch(
        &["index.html"],
        |dir| {
            std::fs::write(dir.join("geheim.txt"), format!("naam: {SECRET}\n")).unwrap();
            std::fs::create_dir(dir.join("buiten")).unwrap();
            std::fs::write(dir.join("buiten/x.yaml"), format!("naam: {SECRET}\n")).unwrap();
            std::os::unix::fs::symlink("../../geheim.txt", dir.join("data/projecten/geheim.yaml")).unwrap();
            std::os::unix::fs::symlink("../buiten", dir.join("data/buiten")).unwrap();
            std::os::unix::fs::symlink("../geheim.txt", dir.join("templates/geheim.html")).unwrap();
            std::os::unix::fs::symlink("/etc/passwd", dir.join("data/passwd.yaml")).unwrap();
        },
        &[],
    );
    let secret = s.dir.path().join("geheim.txt");
    let targets = [
        "/../geheim.txt".to_string(),
        "/../../../../../../etc/passwd".into(),
        "/%2e%2e/geheim.txt".into(),
        "/%2e%2e%2fgeheim.txt".into(),
        "/rapportage/%2e%2e/%2e%2e/geheim.txt".into(),
        "/..%5cgeheim.txt".into(),
        "//etc/passwd".into(),
        format!("/{}", secret.display()),
        format!("/{}", secret.display()).replace('/', "%2f"),
        "/projecten/geheim.yaml".into(),
        "/data/projecten/geheim.yaml".into(),
        "/data/passwd.yaml".into(),
        "/passwd.yaml".into(),
        "/buiten/x.yaml".into(),
        "/templates/geheim.html".into(),
        "/geheim.html".into(),
        "/geheim.txt".into(),
        format!("http://localhost:{}/../geheim.txt", s.port()),
    ];
    for target in &targets {
        let (status, body) = s.raw(target, Some(&format!("localhost:{}", s.port())));
        assert!(status == 404 || status == 400, "{target}: {status}");
        assert!(!body.contains(SECRET) && !body.contains("root:"), "{target} served {body}");
    }
    // Nor is the secret in any document.
    let (_, index) = s.text("/");
    assert!(!index.contains(SECRET));
    let check = run(koers().current_dir(s.dir.path()).args(["check", "--data-only", "--data", "data"]));
    let err = stderr(&check);
    for link in ["data/projecten/geheim.yaml", "data/buiten", "data/passwd.yaml"] {
        assert!(
            err.lines().any(|l| l.contains(link)) && err.contains("this is a symbolic link and is not read"),
            "{link} is not reported: {err}"
        );
    }
}

/// Fifty clients at once fetch every document while event streams are opened and dropped by
/// the hundred: each client gets every document whole; the server opens no more event streams
/// than its bound (the others are told to come back later), its memory stays bounded, and once
/// the clients are gone it holds no more connections than before and announces changes again.
#[test]
fn fifty_clients_and_reconnect_storms_stay_bounded() {
    let s = std::sync::Arc::new(Server::start());
    let pid = s.child.id();
    let port = s.port();
    let (_, index) = s.text("/");
    let links = local_links(&index);
    let reference: std::collections::BTreeMap<String, Vec<u8>> =
        links.iter().map(|l| (l.clone(), s.get(&format!("/{l}")).2)).collect();
    let reference = std::sync::Arc::new(reference);
    let files_before = open_files(pid);

    let mut threads = Vec::new();
    for _ in 0..50 {
        let (s, reference) = (s.clone(), reference.clone());
        threads.push(std::thread::spawn(move || {
            for (link, bytes) in reference.iter() {
                let (status, _, body) = s.get(&format!("/{link}"));
                assert_eq!(status, 200, "{link}");
                assert!(body == *bytes, "{link} differs");
            }
        }));
    }
    for _ in 0..10 {
        threads.push(std::thread::spawn(move || {
            for _ in 0..100 {
                let (status, _, stream) = open_event_stream(port);
                assert!(status == 200 || status == 503, "{status}");
                drop(stream);
            }
        }));
    }
    for t in threads {
        t.join().unwrap();
    }

    // 200 streams held open at once: a bounded number is served, the rest are refused.
    let held: Vec<(u16, String, std::net::TcpStream)> = (0..200).map(|_| open_event_stream(port)).collect();
    let served = held.iter().filter(|(status, ..)| *status == 200).count();
    let refused: Vec<&String> = held.iter().filter(|(status, ..)| *status == 503).map(|(_, head, _)| head).collect();
    assert_eq!(served + refused.len(), 200);
    assert!(!refused.is_empty() && served > 50, "{served} streams served of 200");
    assert!(refused.iter().all(|h| h.to_lowercase().contains("retry-after: 3")), "{refused:?}");
    drop(held);

    let peak_mb = proc_kb(pid, "VmHWM") / 1024;
    eprintln!("koers serve: peak resident memory {peak_mb} MB (the renderer's process not included)");
    assert!(peak_mb < 200, "the server's peak memory: {peak_mb} MB");
    assert!(
        eventually(20, || open_files(pid) <= files_before + 2),
        "the server still holds {} files, {files_before} before",
        open_files(pid)
    );
    // Every stream's place is free again: a page's stream hears the next change.
    let events = s.events();
    let path = s.data().join("projecten/valpreventie.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("naam: Valpreventie", "naam: Valpreventie na de storm")).unwrap();
    wait_for(&events, "a change after the storm", |v| changed(v, &RAPPORTAGE_HTML[1..]));
}

/// The data directory removed (a checkout, a restore) and back: every page shows the problem
/// meanwhile, the documents return with it, and saves in it are seen again.
#[test]
fn survives_the_data_directory_disappearing_and_returning() {
    let s = Server::start();
    let events = s.events();
    let away = s.dir.path().join("weg");
    std::fs::rename(s.data(), &away).unwrap();
    wait_for(&events, "the data directory gone", |v| v["everything"] == true);
    let (status, page) = s.text("/");
    assert_eq!(status, 500);
    assert!(page.contains("cannot read the data directory"), "{page}");

    // Back, as a new directory (made beside it, then moved into place).
    let fresh = s.dir.path().join("nieuw");
    copy_dir(&root().join("data"), &fresh);
    let project = "projecten/valpreventie.yaml";
    let text = std::fs::read_to_string(fresh.join(project)).unwrap();
    std::fs::write(fresh.join(project), text.replace("naam: Valpreventie", "naam: Valpreventie terug")).unwrap();
    std::fs::rename(&fresh, s.data()).unwrap();
    wait_for(&events, "the data directory back", |v| v["everything"] == true);
    assert!(
        eventually(30, || s.text(RAPPORTAGE_HTML).1.contains("Valpreventie terug")),
        "the documents did not return"
    );

    // Saves in the new directory are seen.
    let text = std::fs::read_to_string(s.data().join(project)).unwrap();
    std::fs::write(s.data().join(project), text.replace("Valpreventie terug", "Valpreventie weer bewerkt")).unwrap();
    wait_for(&events, "a save in the returned directory", |v| changed(v, &RAPPORTAGE_HTML[1..]));
    assert!(s.text(RAPPORTAGE_HTML).1.contains("Valpreventie weer bewerkt"));
}

/// An editor that truncates the file, then writes it in parts: the server may see the empty or
/// half file (and shows its problem meanwhile), but ends with the saved document.
#[test]
fn a_half_written_save_ends_in_the_saved_document() {
    use std::io::Write;
    let s = Server::start();
    let events = s.events();
    let path = s.data().join("projecten/valpreventie.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replace("naam: Valpreventie", "naam: Valpreventie half bewaard");
    let mut f = std::fs::OpenOptions::new().write(true).truncate(true).open(&path).unwrap();
    f.sync_all().unwrap();
    wait_for(&events, "the emptied file", |v| v["everything"] == true);
    assert!(s.text("/").1.contains("the file is empty"));
    let half = text.len() / 2;
    f.write_all(&text.as_bytes()[..half]).unwrap();
    f.sync_all().unwrap();
    std::thread::sleep(Duration::from_millis(100));
    f.write_all(&text.as_bytes()[half..]).unwrap();
    drop(f);
    assert!(
        eventually(30, || {
            let (status, page) = s.text(RAPPORTAGE_HTML);
            status == 200 && page.contains("Valpreventie half bewaard")
        }),
        "the saved document is not served"
    );
}

/// A limit of 15 s: well above the cold build of data/ (about 1–3 s on a busy machine).
const LIMIT: &str = "15";

/// A template that never ends (loops within loops; tera cannot be interrupted) is stopped at
/// the time limit: its process is killed, every page says what happened, and the fixed template
/// renders again. No process outlives the server.
#[test]
fn a_template_that_never_ends_is_stopped_with_a_clear_error() {
    let endless = "{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% for c in range(end=100000) %}{% endfor %}{% endfor %}{% endfor %}";
    let s = Server::launch(
        &["index.html"],
        |dir| {
            let path = dir.join("templates/index.html");
            let t = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, t.replacen("{% block main %}", &format!("{{% block main %}}{endless}"), 1)).unwrap();
        },
        &[("KOERS_SERVE_TIME_LIMIT", LIMIT)],
    );
    let pid = s.child.id();
    let (status, page) = s.text("/");
    assert_eq!(status, 500);
    assert!(
        page.contains(&format!(
            "rendering the pages (HTML, Markdown, e-mail, text) took longer than {LIMIT} s and was stopped"
        )),
        "{page}"
    );
    assert!(page.contains("A template may loop without end"), "{page}");
    assert_eq!(s.text(RAPPORTAGE_HTML).0, 500);
    // The runaway renderer is gone.
    assert!(eventually(10, || children(pid).is_empty()), "renderers still running: {:?}", children(pid));

    let events = s.events();
    std::fs::copy(root().join("templates/index.html"), s.dir.path().join("templates/index.html")).unwrap();
    wait_for(&events, "the fixed template", |v| v["everything"] == true);
    let (status, _) = s.text("/");
    assert_eq!(status, 200);
    let workers = children(pid);
    assert_eq!(workers.len(), 1, "{workers:?}");

    // The server killed: its renderer ends too.
    let mut s = s;
    s.child.kill().unwrap();
    s.child.wait().unwrap();
    assert!(
        eventually(10, || !std::path::Path::new(&format!("/proc/{}", workers[0])).exists()
            || std::fs::read_to_string(format!("/proc/{}/stat", workers[0])).is_ok_and(|st| st.contains(") Z"))),
        "the renderer outlived the server"
    );
}

/// A typst document that never ends (loops within loops past typst's own checks) is stopped the
/// same way, after the pages were updated; fixed, the PDFs return.
#[test]
fn a_typst_document_that_never_ends_is_stopped_with_a_clear_error() {
    let s = Server::launch(&["koers.typ"], |_| {}, &[("KOERS_SERVE_TIME_LIMIT", LIMIT)]);
    let pdf = "/rapportage/tussentijdse-rapportage-2024-H1.pdf";
    assert_eq!(s.get(pdf).0, 200);
    let events = s.events();
    let path = s.dir.path().join("templates/koers.typ");
    let original = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!(
            "{original}\n#for a in range(100000) {{ for b in range(100000) {{ for c in range(100000) {{ }} }} }}\n"
        ),
    )
    .unwrap();
    wait_for(&events, "the PDFs stopped", |v| v["everything"] == true);
    let (status, page) = s.text(pdf);
    assert_eq!(status, 500);
    assert!(page.contains(&format!("rendering the PDFs took longer than {LIMIT} s and was stopped")), "{page}");
    assert!(page.contains("a typst document may never finish laying out"), "{page}");
    assert!(eventually(10, || children(s.child.id()).is_empty()), "the runaway renderer is still running");

    std::fs::write(&path, original).unwrap();
    assert!(eventually(60, || s.get(pdf).0 == 200), "the PDF did not return");
    assert!(s.get(pdf).2.starts_with(b"%PDF-"));
}

/// The pages a page links to on the same site, each once, in path order (no fragment).
fn local_links(html: &str) -> Vec<String> {
    scraper::Html::parse_document(html)
        .select(&scraper::Selector::parse("a[href]").unwrap())
        .map(|a| a.value().attr("href").unwrap().split('#').next().unwrap().to_string())
        .filter(|h| !h.is_empty() && !h.starts_with("http") && !h.starts_with("mailto"))
        .collect::<std::collections::BTreeSet<String>>()
        .into_iter()
        .collect()
}
