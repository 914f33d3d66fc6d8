//! The command line's flags: one definition for `--help`, the man page and the completions
//! (their texts in `locales/{nl,en}/cli.ftl`, applied by [`help::command`](super::help::command)).
//! Strings become typed values here, once (periods, editions, formats); the commands in `cmd`
//! receive them parsed.

use clap::{Args, Parser, Subcommand};
use koers::core::dates::{Einde, Month, Period, PeriodChoice, Start};
use koers::core::diagnostics::DiagnosticFormat;
use koers::core::document::{DocumentKind, Format};
use koers::core::named::Named;
use koers::render::views::MergeTags;
use std::path::PathBuf;

#[derive(Parser)]
// The about, after-help and every command's and argument's help are in locales/{nl,en}/cli.ftl
// (`cli-about`, `cli-build-report-out`, …), set by `help::command`.
#[command(name = "koers", version, long_about = None)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    #[arg(long, global = true, value_parser = ["nl", "en"], env = "KOERS_LANG", value_name = "LANG")]
    pub(crate) lang: Option<String>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    Init(InitArgs),
    Check(CheckArgs),
    BuildReport(BuildArgs),
    Newsletter(NewsletterArgs),
    #[command(visible_alias = "projecten")]
    Status(StatusArgs),
    Schema(SchemaArgs),
    Changes(ChangesArgs),
    #[command(subcommand)]
    Project(ProjectCommand),
    Fase(FaseArgs),
    Resultaat(ResultaatArgs),
    #[command(subcommand)]
    Rapportage(RapportageCommand),
    Serve(ServeArgs),
    #[command(hide = true)]
    PreviewWorker(PreviewWorkerArgs),
    Completions {
        shell: clap_complete::Shell,
    },
    Man,
}

#[derive(Args)]
pub(crate) struct DataArgs {
    #[arg(long, default_value = "data", value_name = "DIR")]
    pub(crate) data: PathBuf,
}

#[derive(Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    #[arg(long = "message-format", visible_alias = "format", value_parser = choice::<DiagnosticFormat>(), default_value = "human")]
    pub(crate) message_format: DiagnosticFormat,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) date: Option<chrono::NaiveDate>,
    #[arg(long)]
    pub(crate) data_only: bool,
}

#[derive(Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub(crate) out: PathBuf,
    #[arg(long)]
    pub(crate) force: bool,
    #[arg(long, value_delimiter = ',', value_name = "PERIOD")]
    pub(crate) period: Vec<PeriodChoice>,
    #[arg(long, requires = "period")]
    pub(crate) draft: bool,
    #[arg(long, value_parser = choice::<DocumentKind>(), value_delimiter = ',')]
    pub(crate) only: Vec<DocumentKind>,
    #[arg(long, value_parser = choice::<Format>(), value_delimiter = ',')]
    pub(crate) format: Vec<Format>,
    #[arg(long, value_name = "ID")]
    pub(crate) themalijn: Option<String>,
    #[arg(long, value_name = "ID")]
    pub(crate) project: Option<String>,
    #[arg(long)]
    pub(crate) with_later_projects: bool,
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) date: Option<chrono::NaiveDate>,
    #[arg(long)]
    pub(crate) colophon: bool,
    #[arg(long, value_name = "FILE")]
    pub(crate) reference_doc: Vec<PathBuf>,
    #[arg(long, value_name = "REV")]
    pub(crate) rev: Option<String>,
    #[arg(long, value_parser = choice::<MergeTags>(), default_value = "braces")]
    pub(crate) merge_tags: MergeTags,
    #[arg(long, value_parser = choice::<DiagnosticFormat>(), default_value = "human")]
    pub(crate) message_format: DiagnosticFormat,
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("edit").args(["new", "update"]))]
pub(crate) struct NewsletterArgs {
    #[arg(value_parser = parse_edition)]
    pub(crate) edition: Period,
    #[command(flatten)]
    pub(crate) data: DataArgs,
    #[arg(long, conflicts_with_all = ["stdout", "update"])]
    pub(crate) new: bool,
    #[arg(long, conflicts_with = "stdout")]
    pub(crate) update: bool,
    #[arg(long, requires = "edit")]
    pub(crate) dry_run: bool,
    #[arg(long, value_parser = choice::<StdoutFormat>(), value_name = "FORMAT")]
    pub(crate) stdout: Option<StdoutFormat>,
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub(crate) out: PathBuf,
    #[arg(long, conflicts_with_all = ["stdout", "new", "update"])]
    pub(crate) force: bool,
    #[arg(long, value_parser = choice::<MergeTags>(), default_value = "braces")]
    pub(crate) merge_tags: MergeTags,
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub(crate) date: Option<chrono::NaiveDate>,
    #[arg(long)]
    pub(crate) colophon: bool,
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    #[arg(long, value_parser = choice::<DiagnosticFormat>(), default_value = "human")]
    pub(crate) message_format: DiagnosticFormat,
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

/// The formats `koers newsletter --stdout` prints: the text ones (a PDF is not made of a
/// newsletter; the .eml is a file to open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StdoutFormat {
    Email,
    Html,
    Txt,
    Md,
}

impl StdoutFormat {
    pub(crate) fn format(self) -> Format {
        match self {
            StdoutFormat::Email => Format::Email,
            StdoutFormat::Html => Format::Html,
            StdoutFormat::Txt => Format::Txt,
            StdoutFormat::Md => Format::Md,
        }
    }
}

impl Named for StdoutFormat {
    const ALL: &'static [Self] = &[StdoutFormat::Email, StdoutFormat::Html, StdoutFormat::Txt, StdoutFormat::Md];
    fn name(self) -> &'static str {
        self.format().as_str()
    }
}

/// What every authoring command shares.
#[derive(Args)]
pub(crate) struct EditArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    #[arg(long)]
    pub(crate) dry_run: bool,
}

#[derive(Subcommand)]
pub(crate) enum ProjectCommand {
    New(ProjectNewArgs),
    Einde(ProjectEindeArgs),
}

#[derive(Args)]
pub(crate) struct ProjectNewArgs {
    pub(crate) id: String,
    #[arg(long, value_name = "ID")]
    pub(crate) themalijn: String,
    #[arg(long, value_name = "TEXT")]
    pub(crate) naam: String,
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_start)]
    pub(crate) start: Start,
    #[arg(long, value_name = "YYYY-MM|doorlopend|\"nog niet bekend\"", value_parser = parse_einde)]
    pub(crate) einde: Option<Einde>,
    #[arg(long, value_name = "ID")]
    pub(crate) hoofdproject: Option<String>,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Args)]
pub(crate) struct ProjectEindeArgs {
    pub(crate) project: String,
    #[arg(value_name = "YYYY-MM", value_parser = parse_month)]
    pub(crate) einde: Month,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Args)]
pub(crate) struct FaseArgs {
    pub(crate) project: String,
    pub(crate) fase: String,
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub(crate) sinds: Month,
    #[arg(long, value_name = "TEXT")]
    pub(crate) reden: Option<String>,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("gemeld").required(true).args(["periode", "editie"]))]
pub(crate) struct ResultaatArgs {
    pub(crate) project: String,
    pub(crate) tekst: String,
    #[arg(long, value_name = "YYYY-Hn", value_parser = Period::parse_half)]
    pub(crate) periode: Option<Period>,
    #[arg(long, value_name = "YYYY-MM|YYYY-Qn", value_parser = parse_edition)]
    pub(crate) editie: Option<Period>,
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
    pub(crate) maand: Option<Month>,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Subcommand)]
pub(crate) enum RapportageCommand {
    New(RapportageNewArgs),
}

#[derive(Args)]
pub(crate) struct RapportageNewArgs {
    #[arg(value_name = "YYYY-Hn", value_parser = Period::parse_half)]
    pub(crate) periode: Period,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    #[arg(long, default_value_t = 8000, value_parser = parse_port)]
    pub(crate) port: u16,
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS", value_parser = parse_host)]
    pub(crate) host: std::net::IpAddr,
    #[arg(long)]
    pub(crate) open: bool,
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    #[arg(long, value_parser = choice::<MergeTags>(), default_value = "braces")]
    pub(crate) merge_tags: MergeTags,
}

#[derive(Args)]
pub(crate) struct PreviewWorkerArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    #[arg(long, value_parser = choice::<MergeTags>(), default_value = "braces")]
    pub(crate) merge_tags: MergeTags,
}

#[derive(Args)]
pub(crate) struct SchemaArgs {
    #[arg(long, default_value = "data/schema", value_name = "DIR")]
    pub(crate) out: PathBuf,
}

#[derive(Args)]
pub(crate) struct ChangesArgs {
    #[arg(long, value_name = "REV")]
    pub(crate) since: String,
    #[command(flatten)]
    pub(crate) data: DataArgs,
    #[arg(long, value_enum, default_value_t = ChangesFormat::Human)]
    pub(crate) format: ChangesFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum ChangesFormat {
    Human,
    Json,
}

#[derive(Args)]
pub(crate) struct StatusArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub(crate) format: StatusFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub(crate) enum StatusFormat {
    Table,
    Json,
}

#[derive(Args)]
pub(crate) struct InitArgs {
    #[arg(default_value = ".", value_name = "DIR")]
    pub(crate) dir: PathBuf,
    #[arg(long, value_name = "TEXT")]
    pub(crate) naam: String,
    #[arg(long, value_name = "TEXT")]
    pub(crate) regio: String,
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub(crate) gemeenten: Vec<String>,
    #[arg(long, value_name = "ADDRESS")]
    pub(crate) email: Option<String>,
    #[arg(long, value_name = "URL")]
    pub(crate) website: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub(crate) themalijn: Option<String>,
    #[arg(long, value_name = "TEXT")]
    pub(crate) project: Option<String>,
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_start)]
    pub(crate) project_start: Start,
    #[arg(long, value_name = "YYYY-MM", value_parser = parse_month, default_value = "2026-12")]
    pub(crate) werkagenda_einde: Month,
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub(crate) fasen: Vec<String>,
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

fn parse_edition(s: &str) -> Result<Period, String> {
    Period::parse_edition(s).map_err(|e| month_in_words(e, s))
}

fn parse_month(s: &str) -> Result<Month, String> {
    Month::parse(s).map_err(|e| month_in_words(e, s))
}

fn parse_start(s: &str) -> Result<Start, String> {
    Start::parse(s).map_err(|e| month_in_words(e, s))
}

fn parse_einde(s: &str) -> Result<Einde, String> {
    Einde::parse(s).map_err(|e| month_in_words(e, s))
}

/// A refused month, start, end or edition written in words ("juli 2024"): the reason, and the
/// month to write ("did you mean 2024-07?"), as `koers check` says it of the data.
fn month_in_words(reason: String, s: &str) -> String {
    match koers::core::dates::month_in_words(s) {
        Some(m) => format!("{reason}; {}", koers::t!("data-month-in-words", month = m.to_string())),
        None => reason,
    }
}

/// The reason a value is refused: in English the parser's own words (chrono's, the standard
/// library's, clap's, as before), else the catalogue's.
fn refused(english: String, translated: impl FnOnce() -> String) -> String {
    match koers::core::i18n::language() {
        koers::core::i18n::Lang::En => english,
        _ => translated(),
    }
}

/// A date (YYYY-MM-DD).
fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    s.parse::<chrono::NaiveDate>().map_err(|e| refused(e.to_string(), || koers::t!("cli-value-not-a-date", value = s)))
}

/// A port: 0 to 65535 (in English clap's own words for a number out of range).
fn parse_port(s: &str) -> Result<u16, String> {
    match s.parse::<i64>() {
        Err(e) => Err(refused(e.to_string(), || koers::t!("cli-value-not-a-port", value = s))),
        Ok(n) => u16::try_from(n)
            .map_err(|_| refused(format!("{n} is not in 0..=65535"), || koers::t!("cli-value-not-a-port", value = s))),
    }
}

/// An IP address to listen on.
fn parse_host(s: &str) -> Result<std::net::IpAddr, String> {
    s.parse::<std::net::IpAddr>()
        .map_err(|e| refused(e.to_string(), || koers::t!("cli-value-not-an-address", value = s)))
}

/// The choices of a flag whose values are a closed set of the library's ([`Named`]): their names
/// and help for `--help`, the man page and completions, parsed into the typed value here.
fn choice<T: Named + Clone>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        T::ALL.iter().map(|v| PossibleValue::new(v.name()).help(crate::cli::help::value_help::<T>(v.name()))),
    )
    .map(|name| *T::ALL.iter().find(|v| v.name() == name).expect("one of the possible values"))
}
