//! The `koers` command line: flag definitions and glue over the `koers` library.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use koers::dates::{Month, Period};
use koers::diagnostics::DiagnosticFormat;
use koers::load::DirSource;
use koers::render::views::{MergeTags, RegioplanSelection};
use koers::render::{DocumentKind, Format};
use koers::validate::ValidateOptions;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes.
const EXIT_OK: u8 = 0;
const EXIT_INVALID: u8 = 1;
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(name = "koers", version, about = "Reports for the Twentse Koers programme from YAML data: the tussentijdse rapportage, the Regioplan, the \"Even bijpraten\" newsletter and the Informatiepakket.", long_about = None)]
#[command(
    after_help = "Exit codes: 0 success, 1 invalid data (diagnostics printed), 2 usage, I/O, git or template error.\nSet NO_COLOR to disable colours."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate the data (every problem with file, line, column and a hint) and render every document in memory: build-report without writing.
    Check(CheckArgs),
    /// Validate, then render the documents into the output directory (atomically).
    BuildReport(BuildArgs),
    /// Produce one newsletter edition, print it, or draft a new edition file.
    Newsletter(NewsletterArgs),
    /// Write the JSON Schemas of the data files (for editor completion and checking).
    Schema(SchemaArgs),
    /// List what changed in the data since a git revision: phase transitions, new results, new and ended projects.
    Changes(ChangesArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff) to standard output: `koers man > koers.1`.
    Man,
}

#[derive(Args)]
struct DataArgs {
    /// The data directory.
    #[arg(long, default_value = "data", value_name = "DIR")]
    data: PathBuf,
}

#[derive(Args)]
struct CheckArgs {
    #[command(flatten)]
    data: DataArgs,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    format: DiagnosticFormat,
    /// Report date (YYYY-MM-DD): results may not be dated after it. Default: today.
    #[arg(long, value_name = "DATE")]
    date: Option<chrono::NaiveDate>,
    /// Only load and validate the data; skip rendering the documents in memory.
    #[arg(long)]
    data_only: bool,
}

#[derive(Args)]
struct BuildArgs {
    #[command(flatten)]
    data: DataArgs,
    /// The output directory (replaced as a whole when the build succeeds). Only a directory koers wrote is replaced.
    #[arg(long, default_value = "out", value_name = "DIR")]
    out: PathBuf,
    /// Replace an --out directory that koers did not write, with everything in it (never the data, templates, repository root, home or /).
    #[arg(long)]
    force: bool,
    /// Only these periods: a half year (2024-H1) for the rapportage, a month (2025-04) or quarter (2025-Q3) for the newsletter. Default: every rapportage koers.yaml declares and every edition.
    #[arg(long, value_delimiter = ',', value_name = "PERIOD")]
    period: Vec<String>,
    /// With --period: build the rapportage of a half year koers.yaml does not declare, as a draft marked CONCEPT.
    #[arg(long, requires = "period")]
    draft: bool,
    /// Only these documents.
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<DocumentKind>,
    /// Only these formats.
    #[arg(long, value_enum, value_delimiter = ',')]
    format: Vec<Format>,
    /// Regioplan: only this themalijn's section (an id, e.g. ouderen).
    #[arg(long, value_name = "ID")]
    themalijn: Option<String>,
    /// Regioplan: only this project's section (an id, e.g. valpreventie).
    #[arg(long, value_name = "ID")]
    project: Option<String>,
    /// Regioplan: include projects added after the plan was adopted.
    #[arg(long)]
    with_later_projects: bool,
    /// Templates directory overriding the built-in templates file by file. Default: templates/ beside the data directory, if present.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Document date (YYYY-MM-DD) for PDFs and colophons. Default: the source commit's date, else the latest month in the data.
    #[arg(long, value_name = "DATE")]
    date: Option<chrono::NaiveDate>,
    /// Build the data and templates as they were at this git revision, without touching the work tree.
    #[arg(long, value_name = "REV")]
    rev: Option<String>,
    /// Merge-tag syntax of the mailing tool for the newsletter e-mail.
    #[arg(long, value_enum, default_value_t = MergeTags::Braces)]
    merge_tags: MergeTags,
    /// How to print diagnostics.
    #[arg(long, value_enum, default_value_t = DiagnosticFormat::Human)]
    message_format: DiagnosticFormat,
}

#[derive(Args)]
struct NewsletterArgs {
    /// The edition: a month (2025-04) or a quarter (2025-Q3).
    edition: String,
    #[command(flatten)]
    data: DataArgs,
    /// Write a draft edition file data/nieuwsbrief/<edition>.yaml listing the project results dated in the edition.
    #[arg(long, conflicts_with = "stdout")]
    new: bool,
    /// Print one format to standard output instead of writing files.
    #[arg(long, value_enum, value_name = "FORMAT")]
    stdout: Option<Format>,
    /// The output directory. Only a directory koers wrote is replaced.
    #[arg(long, default_value = "out", value_name = "DIR")]
    out: PathBuf,
    /// Replace an --out directory that koers did not write, with everything in it (never the data, templates, repository root, home or /).
    #[arg(long, conflicts_with_all = ["stdout", "new"])]
    force: bool,
    /// Merge-tag syntax of the mailing tool.
    #[arg(long, value_enum, default_value_t = MergeTags::Braces)]
    merge_tags: MergeTags,
    /// Document date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    date: Option<chrono::NaiveDate>,
    /// Templates directory.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
}

#[derive(Args)]
struct SchemaArgs {
    /// Directory to write the schema files to.
    #[arg(long, default_value = "data/schema", value_name = "DIR")]
    out: PathBuf,
}

#[derive(Args)]
struct ChangesArgs {
    /// The earlier revision (commit, tag, branch, HEAD~3, ...).
    #[arg(long, value_name = "REV")]
    since: String,
    #[command(flatten)]
    data: DataArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ChangesFormat::Human)]
    format: ChangesFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ChangesFormat {
    Human,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(a) => check(a),
        Command::BuildReport(a) => build_report(a),
        Command::Newsletter(a) => newsletter(a),
        Command::Schema(a) => schema(a),
        Command::Changes(a) => changes(a),
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut <Cli as clap::CommandFactory>::command(),
                "koers",
                &mut std::io::stdout(),
            );
            Ok(EXIT_OK)
        }
        Command::Man => clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
            .render(&mut std::io::stdout())
            .map(|_| EXIT_OK)
            .map_err(anyhow::Error::from),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "{}: {e:#}", paint_error("error"));
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

fn paint_error(s: &str) -> String {
    if color() { format!("\x1b[1;31m{s}\x1b[0m") } else { s.to_string() }
}

fn progress(msg: &str) {
    if std::io::stderr().is_terminal() {
        let _ = writeln!(std::io::stderr(), "{msg}");
    }
}

fn print_diagnostics(d: &koers::diagnostics::Diagnostics, format: DiagnosticFormat) {
    if d.items.is_empty() && format == DiagnosticFormat::Github {
        return;
    }
    let text = d.render(format, color());
    match format {
        DiagnosticFormat::Json => print!("{text}"),
        _ => eprint!("{text}"),
    }
}

/// Building: errors in full; warnings (shown in full by `koers check`) as one summary line in the
/// human format, all of them in the machine formats.
fn print_build_diagnostics(d: &koers::diagnostics::Diagnostics, format: DiagnosticFormat, data: &std::path::Path) {
    if format != DiagnosticFormat::Human || d.has_errors() {
        return print_diagnostics(d, format);
    }
    // Warnings about templates are not shown by `koers check`: print them here.
    let (in_data, other): (Vec<_>, Vec<_>) = d.items.iter().cloned().partition(|x| x.file.starts_with(data));
    if !other.is_empty() {
        eprint!("{}", koers::diagnostics::Diagnostics { items: other }.render(format, color()));
    }
    let n = in_data.len();
    if n > 0 {
        let _ = writeln!(
            std::io::stderr(),
            "{n} warning{} in the data (run `koers check` to see them)",
            if n == 1 { "" } else { "s" }
        );
    }
}

fn today_month(date: Option<chrono::NaiveDate>) -> Month {
    date.map(Month::of).unwrap_or_else(koers::output::current_month)
}

fn check(a: CheckArgs) -> Result<u8> {
    if !a.data_only {
        let mut opts = koers::BuildOptions::new(&a.data.data, "out");
        opts.date = a.date;
        opts.dry_run = true;
        let report = koers::build(&opts)?;
        print_diagnostics(&report.diagnostics, a.format);
        if report.diagnostics.has_errors() {
            return Ok(EXIT_INVALID);
        }
        progress(&format!("rendered {} files in memory", report.files.len()));
        return Ok(EXIT_OK);
    }
    let checked =
        koers::check(&DirSource { root: a.data.data.clone() }, &ValidateOptions { report_month: today_month(a.date) })?;
    print_diagnostics(&checked.diagnostics, a.format);
    Ok(if checked.diagnostics.has_errors() { EXIT_INVALID } else { EXIT_OK })
}

fn build_report(a: BuildArgs) -> Result<u8> {
    let mut opts = koers::BuildOptions::new(&a.data.data, &a.out);
    opts.periods = a.period;
    opts.only = a.only;
    opts.formats = a.format;
    opts.regioplan =
        RegioplanSelection { themalijn: a.themalijn, project: a.project, met_latere_projecten: a.with_later_projects };
    opts.templates_dir = a.templates;
    opts.date = a.date;
    opts.rev = a.rev;
    opts.merge_tags = a.merge_tags;
    opts.force = a.force;
    opts.draft = a.draft;
    progress(&format!("koers: building {} → {}", a.data.data.display(), a.out.display()));
    let started = std::time::Instant::now();
    let report = koers::build(&opts)?;
    print_build_diagnostics(&report.diagnostics, a.message_format, &a.data.data);
    if report.diagnostics.has_errors() {
        let _ = writeln!(
            std::io::stderr(),
            "{}: the data is invalid; nothing was written ({} is unchanged)",
            paint_error("error"),
            a.out.display()
        );
        return Ok(EXIT_INVALID);
    }
    for f in &report.files {
        progress(&format!("  {}", a.out.join(&f.path).display()));
    }
    progress(&format!("wrote {} files in {:.2} s", report.files.len(), started.elapsed().as_secs_f64()));
    Ok(EXIT_OK)
}

fn newsletter(a: NewsletterArgs) -> Result<u8> {
    let period = Period::parse_edition(&a.edition).map_err(anyhow::Error::msg)?;
    if a.new {
        return draft_edition(&a.data.data, period, a.date);
    }
    let mut opts = koers::BuildOptions::new(&a.data.data, &a.out);
    opts.periods = vec![period.id()];
    opts.only = vec![DocumentKind::Nieuwsbrief];
    opts.merge_tags = a.merge_tags;
    opts.date = a.date;
    opts.templates_dir = a.templates;
    opts.force = a.force;
    if let Some(format) = a.stdout {
        if !Format::for_kind(DocumentKind::Nieuwsbrief).contains(&format) {
            bail!("--stdout {}: the newsletter is made as email, html, txt or md", format.as_str());
        }
        opts.formats = vec![format];
        opts.dry_run = true;
        let (report, files) = koers::output::build_in_memory(&opts)?;
        print_diagnostics(&report.diagnostics, DiagnosticFormat::Human);
        if report.diagnostics.has_errors() {
            return Ok(EXIT_INVALID);
        }
        let mut out = std::io::stdout().lock();
        for f in files {
            out.write_all(&f.bytes)?;
        }
        return Ok(EXIT_OK);
    }
    let report = koers::build(&opts)?;
    print_diagnostics(&report.diagnostics, DiagnosticFormat::Human);
    if report.diagnostics.has_errors() {
        return Ok(EXIT_INVALID);
    }
    for f in &report.files {
        println!("{}", a.out.join(&f.path).display());
    }
    Ok(EXIT_OK)
}

fn draft_edition(data: &std::path::Path, period: Period, date: Option<chrono::NaiveDate>) -> Result<u8> {
    let checked =
        koers::check(&DirSource { root: data.to_path_buf() }, &ValidateOptions { report_month: today_month(date) })?;
    print_diagnostics(&checked.diagnostics, DiagnosticFormat::Human);
    let Some(prog) = checked.programme else {
        return Ok(EXIT_INVALID);
    };
    let path = data.join("nieuwsbrief").join(format!("{}.yaml", period.id()));
    if path.exists() {
        bail!("{} already exists; edit it, or remove it to draft anew", path.display());
    }
    let text = koers::output::draft_edition_yaml(&prog, period);
    std::fs::create_dir_all(path.parent().expect("has parent"))
        .with_context(|| format!("creating {}", path.display()))?;
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    println!("{}", path.display());
    Ok(EXIT_OK)
}

fn schema(a: SchemaArgs) -> Result<u8> {
    std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
    for kind in koers::schema::FileKind::ALL {
        let path = a.out.join(kind.schema_file());
        let mut json = serde_json::to_string_pretty(&kind.schema())?;
        json.push('\n');
        std::fs::write(&path, json).with_context(|| format!("writing {}", path.display()))?;
        println!("{}", path.display());
    }
    Ok(EXIT_OK)
}

fn changes(a: ChangesArgs) -> Result<u8> {
    let repo = koers::git::Repo::discover(&a.data.data)
        .context("koers changes needs the data directory to be inside a git repository")?;
    let far_future = ValidateOptions { report_month: Month { year: 9999, month: 12 } };
    let old = koers::check(&repo.snapshot(&a.since, &a.data.data, None)?, &far_future)?;
    let new = koers::check(&DirSource { root: a.data.data.clone() }, &far_future)?;
    let old = koers::changes::programme_of(old, &format!("at {}", a.since)).map_err(anyhow::Error::msg)?;
    let new = koers::changes::programme_of(new, "in the work tree").map_err(anyhow::Error::msg)?;
    let list = koers::changes::diff(&old, &new);
    match a.format {
        ChangesFormat::Human => print!("{}", koers::changes::render_human(&a.since, &list)),
        ChangesFormat::Json => {
            println!("{}", serde_json::to_string_pretty(&serde_json::json!({"since": a.since, "changes": list}))?)
        }
    }
    Ok(EXIT_OK)
}
