//! The command line's flags: one definition for `--help`, the man page and the completions.
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
#[command(name = "koers", version, about = "The documents of a regional health programme from YAML data: the tussentijdse rapportage, the Regioplan, the \"Even bijpraten\" newsletter and the Informatiepakket.", long_about = None)]
#[command(
    after_help = "Exit codes: 0 success (warnings may have been printed); 1 the data is invalid or the request does not fit it (an unknown id, a missing edition, a refused change), nothing written; 2 a wrong command line, or an I/O, git or template error.\nSet NO_COLOR to disable colours."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
    /// The language of messages and help: nl (Dutch) or en (English). Default: the locale's (LANG), else English.
    #[arg(long, global = true, value_parser = ["nl", "en"], env = "KOERS_LANG", value_name = "LANG")]
    pub(crate) lang: Option<String>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Start a new programme in an empty directory: koers.yaml, a themalijn, a project, the schemas, a CI workflow and a README.
    Init(InitArgs),
    /// Validate the data (every problem with file, line, column and a hint) and render every document in memory: build-report without writing.
    Check(CheckArgs),
    /// Validate, then render the documents into the output directory (atomically).
    BuildReport(BuildArgs),
    /// Produce one newsletter edition, print it, draft a new edition file (--new) or add the results recorded since (--update).
    Newsletter(NewsletterArgs),
    /// Every project with its themalijn, current phase and since when, start, end and results per period.
    #[command(visible_alias = "projecten")]
    Status(StatusArgs),
    /// Write the JSON Schemas of the data files (for editor completion and checking).
    Schema(SchemaArgs),
    /// List what changed in the data since a git revision: phase transitions, new results, new and ended projects.
    Changes(ChangesArgs),
    /// Add a project, or end one: `project new ID ...`, `project einde ID YYYY-MM`.
    #[command(subcommand)]
    Project(ProjectCommand),
    /// Record a phase step: the project is in FASE since a month (a step back needs --reden).
    Fase(FaseArgs),
    /// Record a result, reported in a rapportage (--periode) or a newsletter edition (--editie).
    Resultaat(ResultaatArgs),
    /// Declare a report period: `rapportage new YYYY-Hn` adds it to koers.yaml with its texts to fill in.
    #[command(subcommand)]
    Rapportage(RapportageCommand),
    /// Preview every document in the browser, rebuilt and reloaded when the data or templates change.
    Serve(ServeArgs),
    /// The renderer of `koers serve`, in a process of its own (started by `serve`, not by hand).
    #[command(hide = true)]
    PreviewWorker(PreviewWorkerArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the man page (roff) to standard output: `koers man > koers.1`.
    Man,
}

#[derive(Args)]
pub(crate) struct DataArgs {
    /// The data directory.
    #[arg(long, default_value = "data", value_name = "DIR")]
    pub(crate) data: PathBuf,
}

#[derive(Args)]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    /// How to print diagnostics (the same flag as on build-report; --format is accepted too).
    #[arg(long = "message-format", visible_alias = "format", value_parser = choice::<DiagnosticFormat>(), default_value = "human")]
    pub(crate) message_format: DiagnosticFormat,
    /// Report date (YYYY-MM-DD): results may not be dated after it. Default: today.
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<chrono::NaiveDate>,
    /// Only load and validate the data; skip rendering the documents in memory.
    #[arg(long)]
    pub(crate) data_only: bool,
}

#[derive(Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    /// The output directory (replaced as a whole when the build succeeds). Only a directory koers wrote is replaced.
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Replace an --out directory that koers did not write, with everything in it (never the data, templates, repository root, home or /).
    #[arg(long)]
    pub(crate) force: bool,
    /// Only these periods: a half year (2024-H1) for the rapportage, a month (2025-04) or quarter (2025-Q3) for the newsletter. Default: every rapportage koers.yaml declares and every edition.
    #[arg(long, value_delimiter = ',', value_name = "PERIOD")]
    pub(crate) period: Vec<PeriodChoice>,
    /// With --period: build the rapportage of a half year koers.yaml does not declare, as a draft marked CONCEPT.
    #[arg(long, requires = "period")]
    pub(crate) draft: bool,
    /// Only these documents.
    #[arg(long, value_parser = choice::<DocumentKind>(), value_delimiter = ',')]
    pub(crate) only: Vec<DocumentKind>,
    /// Only these formats.
    #[arg(long, value_parser = choice::<Format>(), value_delimiter = ',')]
    pub(crate) format: Vec<Format>,
    /// Regioplan: only this themalijn's section (an id, e.g. ouderen).
    #[arg(long, value_name = "ID")]
    pub(crate) themalijn: Option<String>,
    /// Regioplan: only this project's section (an id, e.g. valpreventie).
    #[arg(long, value_name = "ID")]
    pub(crate) project: Option<String>,
    /// Regioplan: include projects added after the plan was adopted.
    #[arg(long)]
    pub(crate) with_later_projects: bool,
    /// Templates directory overriding the built-in templates file by file. Default: templates/ beside the data directory, if present.
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    /// Document date (YYYY-MM-DD): replaces each document's own date (a rapportage's "gepubliceerd", the regioplan's "vastgesteld", an edition's "verzonden"). Default: the dates in the data; a rapportage without one is a draft.
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<chrono::NaiveDate>,
    /// Print the provenance (koers version, source commit) on the documents; it is always in their metadata.
    #[arg(long)]
    pub(crate) colophon: bool,
    /// A reference document (.odt/.ott or .docx/.dotx) whose styles the ODT or DOCX files take (headings, body text, tables), as in pandoc. Default: templates/reference.odt and templates/reference.docx when present, else koers' styles in the colours of theme.css.
    #[arg(long, value_name = "FILE")]
    pub(crate) reference_doc: Vec<PathBuf>,
    /// Build the data and templates as they were at this git revision, without touching the work tree.
    #[arg(long, value_name = "REV")]
    pub(crate) rev: Option<String>,
    /// Merge-tag syntax of the mailing tool for the newsletter e-mail.
    #[arg(long, value_parser = choice::<MergeTags>(), default_value = "braces")]
    pub(crate) merge_tags: MergeTags,
    /// How to print diagnostics (json: the diagnostics are standard output, so the files written are not listed).
    #[arg(long, value_parser = choice::<DiagnosticFormat>(), default_value = "human")]
    pub(crate) message_format: DiagnosticFormat,
    /// Do not list the files written.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("edit").args(["new", "update"]))]
pub(crate) struct NewsletterArgs {
    /// The edition: a month (2025-04) or a quarter (2025-Q3).
    #[arg(value_parser = parse_edition)]
    pub(crate) edition: Period,
    #[command(flatten)]
    pub(crate) data: DataArgs,
    /// Write a draft edition file data/nieuwsbrief/<edition>.yaml with a block for each project whose results are recorded for the edition.
    #[arg(long, conflicts_with_all = ["stdout", "update"])]
    pub(crate) new: bool,
    /// Add a block to the edition file for each result recorded for the edition that no block shows yet (a lossless edit).
    #[arg(long, conflicts_with = "stdout")]
    pub(crate) update: bool,
    /// With --new or --update: print the change as a diff and write nothing.
    #[arg(long, requires = "edit")]
    pub(crate) dry_run: bool,
    /// Print one format to standard output instead of writing files.
    #[arg(long, value_parser = choice::<StdoutFormat>(), value_name = "FORMAT")]
    pub(crate) stdout: Option<StdoutFormat>,
    /// The output directory. Only a directory koers wrote is replaced.
    #[arg(long, default_value = "out", value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// Replace an --out directory that koers did not write, with everything in it (never the data, templates, repository root, home or /).
    #[arg(long, conflicts_with_all = ["stdout", "new", "update"])]
    pub(crate) force: bool,
    /// Merge-tag syntax of the mailing tool.
    #[arg(long, value_parser = choice::<MergeTags>(), default_value = "braces")]
    pub(crate) merge_tags: MergeTags,
    /// Document date (YYYY-MM-DD): the Date of the message ready to send, instead of the edition's "verzonden".
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<chrono::NaiveDate>,
    /// Print the provenance (koers version, source commit) on the documents; it is always in their metadata.
    #[arg(long)]
    pub(crate) colophon: bool,
    /// Templates directory.
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    /// How to print diagnostics (json: the diagnostics are standard output, so the files written are not listed).
    #[arg(long, value_parser = choice::<DiagnosticFormat>(), default_value = "human")]
    pub(crate) message_format: DiagnosticFormat,
    /// Do not list the files written.
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
    fn help(self) -> &'static str {
        match self {
            StdoutFormat::Email => {
                "The e-mail HTML to paste into the mailing tool (its chart only from the hosted copy, nieuwsbrief.afbeeldingen_url)"
            }
            StdoutFormat::Html => "The web page",
            StdoutFormat::Txt => "Plain text",
            StdoutFormat::Md => "Markdown",
        }
    }
}

/// What every authoring command shares.
#[derive(Args)]
pub(crate) struct EditArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    /// Print the change as a diff and write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
}

#[derive(Subcommand)]
pub(crate) enum ProjectCommand {
    /// Create projecten/ID.yaml and add ID to its themalijn's list of projects.
    New(ProjectNewArgs),
    /// End a project: set its "einde" to a month.
    Einde(ProjectEindeArgs),
}

#[derive(Args)]
pub(crate) struct ProjectNewArgs {
    /// The new project's id: lowercase letters, digits and hyphens (the file name).
    pub(crate) id: String,
    /// The themalijn it belongs to (an id, e.g. ouderen).
    #[arg(long, value_name = "ID")]
    pub(crate) themalijn: String,
    /// Its name, as the documents print it.
    #[arg(long, value_name = "TEXT")]
    pub(crate) naam: String,
    /// The month it started (YYYY-MM), or "voor huidige werkagenda".
    #[arg(long, value_name = "YYYY-MM", value_parser = Start::parse)]
    pub(crate) start: Start,
    /// The month it ends, "doorlopend" or "nog niet bekend" (the default: not known yet).
    #[arg(long, value_name = "YYYY-MM|doorlopend|\"nog niet bekend\"", value_parser = Einde::parse)]
    pub(crate) einde: Option<Einde>,
    /// Make it a subproject of this project.
    #[arg(long, value_name = "ID")]
    pub(crate) hoofdproject: Option<String>,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Args)]
pub(crate) struct ProjectEindeArgs {
    /// The project's id.
    pub(crate) project: String,
    /// The month it ends (YYYY-MM).
    #[arg(value_name = "YYYY-MM", value_parser = Month::parse)]
    pub(crate) einde: Month,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Args)]
pub(crate) struct FaseArgs {
    /// The project's id.
    pub(crate) project: String,
    /// The phase: a name on the phase ladder of koers.yaml (`fasen`), in any case, with or without "fase".
    pub(crate) fase: String,
    /// The month the project entered the phase (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM", value_parser = Month::parse)]
    pub(crate) sinds: Month,
    /// Why the project went back to an earlier phase (required for a step back; shown in the rapportage).
    #[arg(long, value_name = "TEXT")]
    pub(crate) reden: Option<String>,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Args)]
#[command(group = clap::ArgGroup::new("gemeld").required(true).args(["periode", "editie"]))]
pub(crate) struct ResultaatArgs {
    /// The project's id.
    pub(crate) project: String,
    /// The result, in Markdown (one sentence or more).
    pub(crate) tekst: String,
    /// Reported in the rapportage of this half year (YYYY-H1 or YYYY-H2).
    #[arg(long, value_name = "YYYY-Hn", value_parser = Period::parse_half)]
    pub(crate) periode: Option<Period>,
    /// Reported in this newsletter edition (YYYY-MM or YYYY-Qn). When the edition's file exists, a block for the project is added to it if it has none.
    #[arg(long, value_name = "YYYY-MM|YYYY-Qn", value_parser = parse_edition)]
    pub(crate) editie: Option<Period>,
    /// The month it happened, where you know it (YYYY-MM).
    #[arg(long, value_name = "YYYY-MM", value_parser = Month::parse)]
    pub(crate) maand: Option<Month>,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Subcommand)]
pub(crate) enum RapportageCommand {
    /// Declare the rapportage of a half year in koers.yaml, with its text fields to fill in.
    New(RapportageNewArgs),
}

#[derive(Args)]
pub(crate) struct RapportageNewArgs {
    /// The half year: YYYY-H1 (januari t/m juni) or YYYY-H2 (juli t/m december).
    #[arg(value_name = "YYYY-Hn", value_parser = Period::parse_half)]
    pub(crate) periode: Period,
    #[command(flatten)]
    pub(crate) edit: EditArgs,
}

#[derive(Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) data: DataArgs,
    /// The port (0: any free port; the address is printed).
    #[arg(long, default_value_t = 8000)]
    pub(crate) port: u16,
    /// The address to listen on. Only the default, 127.0.0.1, keeps the preview to this computer; another address (0.0.0.0: every interface) lets anyone who can reach it read every document, with a warning.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDRESS")]
    pub(crate) host: std::net::IpAddr,
    /// Open the index in the default browser.
    #[arg(long)]
    pub(crate) open: bool,
    /// Templates directory overriding the built-in templates. Default: templates/ beside the data directory, if present.
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    /// Merge-tag syntax of the mailing tool for the newsletter e-mail.
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
    /// Directory to write the schema files to.
    #[arg(long, default_value = "data/schema", value_name = "DIR")]
    pub(crate) out: PathBuf,
}

#[derive(Args)]
pub(crate) struct ChangesArgs {
    /// The earlier revision (commit, tag, branch, HEAD~3, ...).
    #[arg(long, value_name = "REV")]
    pub(crate) since: String,
    #[command(flatten)]
    pub(crate) data: DataArgs,
    /// Output format.
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
    /// Output format: a table, or JSON for scripts.
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
    /// The directory of the new programme: it must not exist, or be empty (a `.git` in it is kept).
    #[arg(default_value = ".", value_name = "DIR")]
    pub(crate) dir: PathBuf,
    /// The programme's name, e.g. "Gezond Rivierenland".
    #[arg(long, value_name = "TEXT")]
    pub(crate) naam: String,
    /// The region, e.g. "Rivierenland".
    #[arg(long, value_name = "TEXT")]
    pub(crate) regio: String,
    /// The municipalities of the region, separated by commas (default: none yet; fill them in koers.yaml).
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub(crate) gemeenten: Vec<String>,
    /// The programme's contact e-mail address.
    #[arg(long, value_name = "ADDRESS")]
    pub(crate) email: Option<String>,
    /// The programme's website (https://…).
    #[arg(long, value_name = "URL")]
    pub(crate) website: Option<String>,
    /// The name of the first themalijn (default: a placeholder marked "naam nog in te vullen").
    #[arg(long, value_name = "TEXT")]
    pub(crate) themalijn: Option<String>,
    /// The name of the first project (default: a placeholder marked "naam nog in te vullen").
    #[arg(long, value_name = "TEXT")]
    pub(crate) project: Option<String>,
    /// The month the first project started (YYYY-MM): koers dates nothing by guess.
    #[arg(long, value_name = "YYYY-MM", value_parser = Start::parse)]
    pub(crate) project_start: Start,
    /// The last month of the werkagenda: what "doorlopend" means. Default: 2026-12, the end of the Integraal Zorgakkoord.
    #[arg(long, value_name = "YYYY-MM", value_parser = Month::parse, default_value = "2026-12")]
    pub(crate) werkagenda_einde: Month,
    /// The phase ladder, in order, separated by commas (2 to 6 phases). Default: Initiatiefase,
    /// Definitiefase, Ontwerpfase, Voorbereidingsfase, Realisatiefase, Borgingsfase.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub(crate) fasen: Vec<String>,
    /// Do not list the files written.
    #[arg(long, short)]
    pub(crate) quiet: bool,
}

fn parse_edition(s: &str) -> Result<Period, String> {
    Period::parse_edition(s)
}

/// The choices of a flag whose values are a closed set of the library's ([`Named`]): their names
/// and help for `--help`, the man page and completions, parsed into the typed value here.
fn choice<T: Named + Clone>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(T::ALL.iter().map(|v| PossibleValue::new(v.name()).help(v.help())))
        .map(|name| *T::ALL.iter().find(|v| v.name() == name).expect("one of the possible values"))
}
