//! Benchmark: the `koers serve` loop as a writer meets it. The release binary serves a copy of
//! data/; each round saves one project file with one result changed (as an editor does) and
//! measures, from the save, until
//! - the reload event for the rapportage HTML arrives and the new HTML has been fetched, and
//! - the reload event for its PDF arrives and the new PDF has been fetched.
//!
//! `cargo bench --bench serve_loop` prints min / median / max over `KOERS_BENCH_RUNS` rounds
//! (default 10). Nothing here is asserted as a timing.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let runs: usize = std::env::var("KOERS_BENCH_RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let tmp = tempfile::tempdir().expect("temp dir");
    copy_dir(&root.join("data"), &tmp.path().join("data"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_koers"))
        .current_dir(tmp.path())
        .args(["serve", "--data", "data", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start koers serve");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first.strip_prefix("koers serve: ").unwrap().trim_end_matches('/').to_string();
    std::thread::spawn(move || for _ in lines {});

    let (tx, events) = mpsc::channel::<(Instant, String)>();
    let events_url = format!("{url}/__koers/events");
    std::thread::spawn(move || {
        let r = ureq::get(&events_url).call().unwrap();
        for line in BufReader::new(r.into_body().into_reader()).lines() {
            // The stream ends when the server stops.
            let Ok(line) = line else { return };
            if let Some(d) = line.strip_prefix("data: ") {
                let _ = tx.send((Instant::now(), d.to_string()));
            }
        }
    });
    std::thread::sleep(Duration::from_millis(300));

    let file = tmp.path().join("data/projecten/valpreventie.yaml");
    let original = std::fs::read_to_string(&file).unwrap();
    let old = "Aanbod valpreventieve beweeginterventies per gemeente in kaart gebracht.";
    assert!(original.contains(old));
    let html = "rapportage/tussentijdse-rapportage-2024-H1.html";
    let pdf = "rapportage/tussentijdse-rapportage-2024-H1.pdf";
    let (mut html_ms, mut pdf_ms) = (Vec::new(), Vec::new());
    for round in 0..=runs {
        let marker = format!("Ronde {round} van de meting.");
        let saved = Instant::now();
        std::fs::write(&file, original.replace(old, &format!("{old} {marker}"))).unwrap();
        let wait = |path: &str| loop {
            let (at, data) = events.recv_timeout(Duration::from_secs(30)).expect("no reload event");
            if data.contains(&format!("\"{path}\"")) {
                return at;
            }
        };
        wait(html);
        let page = ureq::get(&format!("{url}/{html}")).call().unwrap().into_body().read_to_string().unwrap();
        assert!(page.contains(&marker), "the served HTML is not the new one");
        let html_done = saved.elapsed();
        wait(pdf);
        let bytes = ureq::get(&format!("{url}/{pdf}"))
            .call()
            .unwrap()
            .into_body()
            .with_config()
            .limit(100 << 20)
            .read_to_vec()
            .unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let pdf_done = saved.elapsed();
        if round > 0 {
            // Round 0 warms the server's caches.
            html_ms.push(html_done.as_secs_f64() * 1e3);
            pdf_ms.push(pdf_done.as_secs_f64() * 1e3);
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    let _ = child.kill();
    let _ = child.wait();
    report("save → new rapportage HTML served", &mut html_ms);
    report("save → new rapportage PDF served", &mut pdf_ms);
}

fn report(label: &str, ms: &mut [f64]) {
    ms.sort_by(f64::total_cmp);
    println!(
        "{label:<40} min {:>6.1} ms   median {:>6.1} ms   max {:>6.1} ms   ({} rounds)",
        ms[0],
        ms[ms.len() / 2],
        ms[ms.len() - 1],
        ms.len()
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}
