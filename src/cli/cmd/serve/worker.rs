//! The renderer of `koers serve` in a process of its own, under a time limit.
//!
//! A template can loop for as long as it likes (a tera component that calls itself twice at each
//! of its 20 permitted levels, loops over ranges within ranges) and a typst document can lay out
//! forever (`#while true {}` past typst's own checks); neither tera nor typst can be interrupted.
//! A thread that runs away could only be abandoned, holding a core and its memory for good. So
//! `koers serve` renders in a child process, `koers preview-worker` (hidden): it keeps the
//! [`Preview`] — and with it typst's warm cache — between updates, and answers each request
//! ("fast", "pdf") with the whole site. The server waits for an answer at most
//! [`time_limit`]; past it, it kills the worker (its time and memory end there), every page
//! shows the limit and its likely cause, and the next save starts a fresh worker. A worker that
//! dies (a crash, the system's OOM killer) is replaced the same way. The worker exits when the
//! server's end of its standard input closes, so it never outlives the server.
//!
//! Protocol: a request is one line on the worker's standard input; the answer on its standard
//! output is one line of JSON ([`Header`]) followed by the bytes it announces. The worker's
//! standard error is the server's: it prints what each update did.

use super::problem_html;
use crate::cli::flags::PreviewWorkerArgs;
use anyhow::{Context, Result};
use koers::core::document::Format;
use koers::core::named::Named;
use koers::pipeline::preview::{Formats, Preview, ServedFile, Site, Update};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

/// What the server serves: the documents, or one page about a problem that every path shows.
#[derive(Debug, Clone)]
pub(super) enum Served {
    Built { files: BTreeMap<String, ServedFile>, index: Arc<Vec<u8>>, manifest: Arc<Vec<u8>> },
    Problem(Arc<String>),
}

/// One answer of the worker: what the update changed and the site after it.
pub(super) struct Answer {
    pub(super) update: Update,
    pub(super) served: Served,
}

#[derive(Serialize, Deserialize)]
struct Header {
    changed: Vec<String>,
    everything: bool,
    rendered: usize,
    /// The page every path shows while the data is invalid or a document failed.
    problem: Option<String>,
    /// Each file's path, format and length; its bytes follow the header in this order, then the
    /// index's and the manifest's.
    files: Vec<(String, Format, usize)>,
    index: usize,
    manifest: usize,
}

/// The longest an update may take: `KOERS_SERVE_TIME_LIMIT` seconds, by default 20 (the PDFs of
/// the real data take 0.3 s, the largest PDF of 1,000 projects 6 s).
pub(super) fn time_limit() -> Duration {
    let secs = std::env::var("KOERS_SERVE_TIME_LIMIT").ok().and_then(|s| s.parse::<f64>().ok());
    Duration::from_secs_f64(secs.filter(|s| *s > 0.0).unwrap_or(20.0))
}

/// `koers preview-worker`: answer requests until standard input closes.
pub(crate) fn run(a: PreviewWorkerArgs) -> Result<super::Exit> {
    let mut opts = koers::BuildOptions::new(&a.data.data, "out");
    opts.templates_dir = a.templates;
    opts.merge_tags = a.merge_tags;
    let mut preview = Preview::new(opts);
    let (requests, incoming) = mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if requests.send(line).is_err() {
                break;
            }
        }
        // The server is gone: so is the worker, even in the middle of an update.
        std::process::exit(0);
    });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for request in incoming {
        let formats = match request.as_str() {
            "fast" => Formats::Fast,
            "pdf" => Formats::Pdf,
            other => anyhow::bail!(koers::t!("build-worker-unknown-request", request = format!("{other:?}"))),
        };
        let started = Instant::now();
        let update = preview.update(formats);
        report(&update, &preview, started, formats);
        write_answer(&mut out, &update, preview.site())?;
        out.flush()?;
    }
    Ok(super::Exit::Ok)
}

fn report(update: &Update, preview: &Preview, started: Instant, formats: Formats) {
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    match preview.site() {
        Site::Built { .. } if formats == Formats::Pdf && update.rendered == 0 && update.changed.is_empty() => {}
        Site::Built { .. } => {
            let (rendered, changed, ms) = (update.rendered, update.changed.len(), format!("{ms:.0}"));
            let line = match formats {
                Formats::Fast => {
                    koers::t!("build-serve-rebuilt-pages", rendered = rendered, changed = changed, ms = ms)
                }
                Formats::Pdf => koers::t!("build-serve-rebuilt-pdfs", rendered = rendered, changed = changed, ms = ms),
            };
            eprintln!("{line}")
        }
        Site::Invalid { diagnostics } => {
            eprint!("{}", diagnostics.render(koers::core::diagnostics::DiagnosticFormat::Human, false));
            eprintln!("{}", koers::t!("build-serve-data-invalid"));
        }
        Site::Failed { message } => eprintln!("{}: {message}", super::paint_error(&koers::t!("diagnostics-error"))),
    }
}

fn write_answer(out: &mut impl Write, update: &Update, site: &Site) -> std::io::Result<()> {
    let mut header = Header {
        changed: update.changed.clone(),
        everything: update.everything,
        rendered: update.rendered,
        problem: None,
        files: vec![],
        index: 0,
        manifest: 0,
    };
    let mut bodies: Vec<&[u8]> = vec![];
    match site {
        Site::Built { files, index, manifest, .. } => {
            for (path, f) in files {
                header.files.push((path.clone(), f.format, f.bytes.len()));
                bodies.push(&f.bytes);
            }
            (header.index, header.manifest) = (index.len(), manifest.len());
            bodies.extend([index.as_slice(), manifest.as_slice()]);
        }
        other => header.problem = Some(problem_html(other)),
    }
    serde_json::to_writer(&mut *out, &header)?;
    out.write_all(b"\n")?;
    for b in bodies {
        out.write_all(b)?;
    }
    Ok(())
}

fn read_answer(input: &mut impl BufRead) -> std::io::Result<Answer> {
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        return Err(std::io::ErrorKind::UnexpectedEof.into());
    }
    let header: Header = serde_json::from_str(&line)?;
    let mut take = |n: usize| -> std::io::Result<Arc<Vec<u8>>> {
        let mut bytes = vec![0; n];
        input.read_exact(&mut bytes)?;
        Ok(Arc::new(bytes))
    };
    let served = match header.problem {
        Some(page) => Served::Problem(Arc::new(page)),
        None => {
            let mut files = BTreeMap::new();
            for (path, format, len) in header.files {
                files.insert(path, ServedFile { format, bytes: take(len)? });
            }
            Served::Built { files, index: take(header.index)?, manifest: take(header.manifest)? }
        }
    };
    let update = Update { changed: header.changed, everything: header.everything, rendered: header.rendered };
    Ok(Answer { update, served })
}

/// The server's side: the worker process, started when needed, killed past the time limit.
pub(super) struct Renderer {
    args: Vec<std::ffi::OsString>,
    worker: Option<Worker>,
    limit: Duration,
}

struct Worker {
    child: Child,
    stdin: ChildStdin,
    answers: mpsc::Receiver<std::io::Result<Answer>>,
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Renderer {
    pub(super) fn new(a: &crate::cli::flags::ServeArgs) -> Renderer {
        let mut args: Vec<std::ffi::OsString> =
            vec!["preview-worker".into(), "--data".into(), a.data.data.clone().into()];
        if let Some(t) = &a.templates {
            args.extend(["--templates".into(), t.clone().into()]);
        }
        args.extend(["--merge-tags".into(), a.merge_tags.name().into()]);
        Renderer { args, worker: None, limit: time_limit() }
    }

    fn spawn(&self) -> Result<Worker> {
        let exe = std::env::current_exe().with_context(|| koers::t!("build-worker-finding-exe"))?;
        let mut child = Command::new(exe)
            .args(&self.args)
            // The renderer speaks the language this process was given.
            .env("KOERS_LANG", koers::core::i18n::language().code())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .with_context(|| koers::t!("build-worker-starting"))?;
        let stdin = child.stdin.take().expect("piped");
        let mut stdout = BufReader::with_capacity(1 << 16, child.stdout.take().expect("piped"));
        let (tx, answers) = mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let answer = read_answer(&mut stdout);
                let failed = answer.is_err();
                if tx.send(answer).is_err() || failed {
                    return;
                }
            }
        });
        Ok(Worker { child, stdin, answers })
    }

    /// Update the site, within the time limit. Past it, or when the worker fails, the answer is
    /// a problem page for every path (and the worker is stopped; the next update starts another).
    pub(super) fn update(&mut self, formats: Formats) -> Answer {
        let what = match formats {
            Formats::Fast => koers::t!("build-worker-what-pages"),
            Formats::Pdf => koers::t!("build-worker-what-pdfs"),
        };
        let failed = |message: String| {
            eprintln!("{}: {message}", super::paint_error(&koers::t!("diagnostics-error")));
            Answer {
                update: Update { everything: true, ..Update::default() },
                served: Served::Problem(Arc::new(problem_html(&Site::Failed { message }))),
            }
        };
        let mut worker = match self.worker.take() {
            Some(w) => w,
            None => match self.spawn() {
                Ok(w) => w,
                Err(e) => return failed(format!("{e:#}")),
            },
        };
        let request = match formats {
            Formats::Fast => "fast\n",
            Formats::Pdf => "pdf\n",
        };
        if let Err(e) = worker.stdin.write_all(request.as_bytes()).and_then(|()| worker.stdin.flush()) {
            return failed(koers::t!("build-worker-stopped", error = e.to_string()));
        }
        match worker.answers.recv_timeout(self.limit) {
            Ok(Ok(answer)) => {
                self.worker = Some(worker);
                answer
            }
            Ok(Err(e)) => failed(koers::t!("build-worker-failed-because", what = what.as_str(), error = e.to_string())),
            Err(mpsc::RecvTimeoutError::Disconnected) => failed(koers::t!("build-worker-failed", what = what.as_str())),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // Dropping the worker kills it.
                drop(worker);
                failed(koers::t!(
                    "build-worker-timeout",
                    what = what.as_str(),
                    seconds = self.limit.as_secs_f64().to_string()
                ))
            }
        }
    }
}
