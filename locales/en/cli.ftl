# The command line: --help of every command and flag, the man page, the command line's own errors.
# Ids: cli-<command path>-about, cli-<command path>-<argument>, cli-arg-<argument> (an argument
# with the same help in several commands), cli-value-<set>-<value>; composed in src/cli/help.rs.

cli-about = The documents of a regional health programme from YAML data: the tussentijdse rapportage, the Regioplan, the "Even bijpraten" newsletter and the Informatiepakket.
cli-after-help =
    Exit codes: 0 success (warnings may have been printed); 1 the data is invalid or the request does not fit it (an unknown id, a missing edition, a refused change), nothing written; 2 a wrong command line, or an I/O, git or template error.
    Set NO_COLOR to disable colours.
cli-lang = The language of messages and help: nl (Dutch) or en (English). Default: the locale's (LANG), else English
cli-init-about = Start a new programme in an empty directory: koers.yaml, a themalijn, a project, the schemas, a CI workflow and a README
cli-init-dir = The directory of the new programme: it must not exist, or be empty (a `.git` in it is kept)
cli-init-naam = The programme's name, e.g. "Gezond Rivierenland"
cli-init-regio = The region, e.g. "Rivierenland"
cli-init-gemeenten = The municipalities of the region, separated by commas (default: none yet; fill them in koers.yaml)
cli-init-email = The programme's contact e-mail address
cli-init-website = The programme's website (https://…)
cli-init-themalijn = The name of the first themalijn (default: a placeholder marked "naam nog in te vullen")
cli-init-project = The name of the first project (default: a placeholder marked "naam nog in te vullen")
cli-init-project-start = The month the first project started (YYYY-MM): koers dates nothing by guess
cli-init-werkagenda-einde = The last month of the werkagenda: what "doorlopend" means. Default: 2026-12, the end of the Integraal Zorgakkoord
cli-init-fasen = The phase ladder, in order, separated by commas (2 to 6 phases). Default: Initiatiefase, Definitiefase, Ontwerpfase, Voorbereidingsfase, Realisatiefase, Borgingsfase
cli-check-about = Validate the data (every problem with file, line, column and a hint) and render every document in memory: build-report without writing
cli-check-message-format = How to print diagnostics (the same flag as on build-report; --format is accepted too)
cli-check-date = Report date (YYYY-MM-DD): results may not be dated after it. Default: today
cli-check-data-only = Only load and validate the data; skip rendering the documents in memory
cli-build-report-about = Validate, then render the documents into the output directory (atomically)
cli-build-report-out = The output directory (replaced as a whole when the build succeeds). Only a directory koers wrote is replaced
cli-build-report-period = Only these periods: a half year (2024-H1) for the rapportage, a month (2025-04) or quarter (2025-Q3) for the newsletter. Default: every rapportage koers.yaml declares and every edition
cli-build-report-draft = With --period: build the rapportage of a half year koers.yaml does not declare, as a draft marked CONCEPT
cli-build-report-only = Only these documents
cli-build-report-format = Only these formats
cli-build-report-themalijn = Regioplan: only this themalijn's section (an id, e.g. ouderen)
cli-build-report-project = Regioplan: only this project's section (an id, e.g. valpreventie)
cli-build-report-with-later-projects = Regioplan: include projects added after the plan was adopted
cli-build-report-templates = Templates directory overriding the built-in templates file by file. Default: templates/ beside the data directory, if present
cli-build-report-date = Document date (YYYY-MM-DD): replaces each document's own date (a rapportage's "gepubliceerd", the regioplan's "vastgesteld", an edition's "verzonden"). Default: the dates in the data; a rapportage without one is a draft
cli-build-report-reference-doc = A reference document (.odt/.ott or .docx/.dotx) whose styles the ODT or DOCX files take (headings, body text, tables), as in pandoc. Default: templates/reference.odt and templates/reference.docx when present, else koers' styles in the colours of theme.css
cli-build-report-rev = Build the data and templates as they were at this git revision, without touching the work tree
cli-newsletter-about = Produce one newsletter edition, print it, draft a new edition file (--new) or add the results recorded since (--update)
cli-newsletter-edition = The edition: a month (2025-04) or a quarter (2025-Q3)
cli-newsletter-new = Write a draft edition file data/nieuwsbrief/<edition>.yaml with a block for each project whose results are recorded for the edition
cli-newsletter-update = Add a block to the edition file for each result recorded for the edition that no block shows yet (a lossless edit)
cli-newsletter-dry-run = With --new or --update: print the change as a diff and write nothing
cli-newsletter-stdout = Print one format to standard output instead of writing files
cli-newsletter-out = The output directory. Only a directory koers wrote is replaced
cli-newsletter-merge-tags = Merge-tag syntax of the mailing tool
cli-newsletter-date = Document date (YYYY-MM-DD): the Date of the message ready to send, instead of the edition's "verzonden"
cli-newsletter-templates = Templates directory
cli-status-about = Every project with its themalijn, current phase and since when, start, end and results per period
cli-status-format = Output format: a table, or JSON for scripts
cli-schema-about = Write the JSON Schemas of the data files (for editor completion and checking)
cli-schema-out = Directory to write the schema files to
cli-changes-about = List what changed in the data since a git revision: phase transitions, new results, new and ended projects
cli-changes-since = The earlier revision (commit, tag, branch, HEAD~3, ...)
cli-changes-format = Output format
cli-project-about = Add a project, or end one: `project new ID ...`, `project einde ID YYYY-MM`
cli-project-new-about = Create projecten/ID.yaml and add ID to its themalijn's list of projects
cli-project-new-id = The new project's id: lowercase letters, digits and hyphens (the file name)
cli-project-new-themalijn = The themalijn it belongs to (an id, e.g. ouderen)
cli-project-new-naam = Its name, as the documents print it
cli-project-new-start = The month it started (YYYY-MM), or "voor huidige werkagenda"
cli-project-new-einde = The month it ends, "doorlopend" or "nog niet bekend" (the default: not known yet)
cli-project-new-hoofdproject = Make it a subproject of this project
cli-project-einde-about = End a project: set its "einde" to a month
cli-project-einde-einde = The month it ends (YYYY-MM)
cli-fase-about = Record a phase step: the project is in FASE since a month (a step back needs --reden)
cli-fase-fase = The phase: a name on the phase ladder of koers.yaml (`fasen`), in any case, with or without "fase"
cli-fase-sinds = The month the project entered the phase (YYYY-MM)
cli-fase-reden = Why the project went back to an earlier phase (required for a step back; shown in the rapportage)
cli-resultaat-about = Record a result, reported in a rapportage (--periode) or a newsletter edition (--editie)
cli-resultaat-tekst = The result, in Markdown (one sentence or more)
cli-resultaat-periode = Reported in the rapportage of this half year (YYYY-H1 or YYYY-H2)
cli-resultaat-editie = Reported in this newsletter edition (YYYY-MM or YYYY-Qn). When the edition's file exists, a block for the project is added to it if it has none
cli-resultaat-maand = The month it happened, where you know it (YYYY-MM)
cli-rapportage-about = Declare a report period: `rapportage new YYYY-Hn` adds it to koers.yaml with its texts to fill in
cli-rapportage-new-about = Declare the rapportage of a half year in koers.yaml, with its text fields to fill in
cli-rapportage-new-periode = The half year: YYYY-H1 (januari t/m juni) or YYYY-H2 (juli t/m december)
cli-serve-about = Preview every document in the browser, rebuilt and reloaded when the data or templates change
cli-serve-port = The port (0: any free port; the address is printed)
cli-serve-host = The address to listen on. Only the default, 127.0.0.1, keeps the preview to this computer; another address (0.0.0.0: every interface) lets anyone who can reach it read every document, with a warning
cli-serve-open = Open the index in the default browser
cli-serve-templates = Templates directory overriding the built-in templates. Default: templates/ beside the data directory, if present
cli-preview-worker-about = The renderer of `koers serve`, in a process of its own (started by `serve`, not by hand)
cli-preview-worker-data = The data directory
cli-completions-about = Print a shell completion script (bash, zsh, fish, elvish, powershell)
cli-man-about = Print the man page (roff) to standard output: `koers man > koers.1`

cli-value-diagnostic-format-human = For people: file:line:column, the source line, a hint
cli-value-diagnostic-format-json = A stable JSON document: {"{"}"errors": n, "warnings": n, "diagnostics": [...]{"}"}
cli-value-diagnostic-format-github = GitHub Actions workflow commands (::error file=…,line=…,col=…::message)
cli-value-document-kind-rapportage = The half-yearly progress report (tussentijdse rapportage)
cli-value-document-kind-regioplan = The Regioplan, or a section of it
cli-value-document-kind-nieuwsbrief = The "Even bijpraten" newsletter
cli-value-document-kind-informatiepakket = The Informatiepakket: owners, governance, staffing, themalijnen and budget
cli-value-format-md = Markdown (GitHub-flavoured, with tables and footnotes)
cli-value-format-html = A self-contained HTML page
cli-value-format-pdf = A tagged PDF (PDF/UA-1, PDF/A-2a), typeset by typst
cli-value-format-email = E-mail-safe HTML with inlined CSS (newsletter only)
cli-value-format-txt = Plain text wrapped at 72 columns (newsletter only)
cli-value-format-eml = A message ready to send: MIME multipart/alternative of the text and the e-mail HTML (newsletter only)
cli-value-format-odt = An editable OpenDocument text (ODF 1.3) with named styles (not the newsletter)
cli-value-format-docx = An editable Word document (Office Open XML) with named styles (not the newsletter)
cli-value-merge-tags-braces = {"{"}{"{"}email{"}"}{"}"}, {"{"}{"{"}unsubscribe{"}"}{"}"}, {"{"}{"{"}preferences{"}"}{"}"}, {"{"}{"{"}webversion{"}"}{"}"} (Laposta-, Brevo-style)
cli-value-merge-tags-mailchimp = {"*"}|EMAIL|*, *|UNSUB|*, *|UPDATE_PROFILE|*, *|ARCHIVE|* (Mailchimp)
cli-value-stdout-format-email = The e-mail HTML to paste into the mailing tool (its chart only from the hosted copy, nieuwsbrief.afbeeldingen_url)
cli-value-stdout-format-html = The web page
cli-value-stdout-format-txt = Plain text
cli-value-stdout-format-md = Markdown

cli-arg-colophon = Print the provenance (koers version, source commit) on the documents; it is always in their metadata
cli-arg-data = The data directory
cli-arg-dry-run = Print the change as a diff and write nothing
cli-arg-force = Replace an --out directory that koers did not write, with everything in it (never the data, templates, repository root, home or /)
cli-arg-merge-tags = Merge-tag syntax of the mailing tool for the newsletter e-mail
cli-arg-message-format = How to print diagnostics (json: the diagnostics are standard output, so the files written are not listed)
cli-arg-project = The project's id
cli-arg-quiet = Do not list the files written

## The placeholders of the values (<DIR>, <YYYY-MM>): cli-value-name-<placeholder>.
cli-value-name-dir = DIR
cli-value-name-date = DATE
cli-value-name-text = TEXT
cli-value-name-file = FILE
cli-value-name-address = ADDRESS
cli-value-name-names = NAMES
cli-value-name-period = PERIOD
cli-value-name-edition = EDITION
cli-value-name-format = FORMAT
cli-value-name-lang = LANG
cli-value-name-rev = REV
cli-value-name-id = ID
cli-value-name-url = URL
cli-value-name-yyyy-mm = YYYY-MM
cli-value-name-yyyy-hn = YYYY-Hn
cli-value-name-yyyy-mm-yyyy-qn = YYYY-MM|YYYY-Qn
cli-value-name-yyyy-mm-doorlopend-nog-niet-bekend = YYYY-MM|doorlopend|"nog niet bekend"
cli-value-name-message-format = MESSAGE_FORMAT
cli-value-name-merge-tags = MERGE_TAGS
cli-value-name-only = ONLY
cli-value-name-port = PORT
cli-value-name-project = PROJECT
cli-value-name-fase = FASE
cli-value-name-tekst = TEKST
cli-value-name-shell = SHELL

## Clap's own words: the help flags and command, the headings, the inline notes, the man page.
cli-help-flag = Print help
cli-help-flag-more = Print help (see more with '--help')
cli-help-flag-summary = Print help (see a summary with '-h')
cli-version-flag = Print version
cli-help-command = Print this message or the help of the given subcommand(s)
cli-help-command-arg = Print help for the subcommand(s)
cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-value-name-command = COMMAND
cli-inline-default = [default:{" "}
cli-inline-possible-values = [possible values:{" "}
cli-inline-possible-values-list = Possible values:
cli-inline-env = [env:{" "}
cli-inline-aliases = [aliases:{" "}
cli-inline-alias = [alias:{" "}
cli-inline-options = [OPTIONS]
cli-inline-options-man = [options]
cli-inline-subcommands-man = <subcommands>
cli-manpage-name = NAME
cli-manpage-synopsis = SYNOPSIS
cli-manpage-description = DESCRIPTION
cli-manpage-options = OPTIONS
cli-manpage-subcommands = SUBCOMMANDS
cli-manpage-extra = EXTRA
cli-manpage-version = VERSION
cli-manpage-authors = AUTHORS

## A value the command line's own parsers refuse (English prints the parser's own words).
cli-value-not-a-date = "{ $value }" is not a date: write it as YYYY-MM-DD, e.g. 2024-03-15
cli-value-not-a-port = "{ $value }" is not a port: write a number from 0 to 65535
cli-value-not-an-address = "{ $value }" is not an IP address: write e.g. 127.0.0.1 or 0.0.0.0

## The command line's parse errors (Dutch rendering; English prints clap's own).
cli-error-label = error
cli-error-tip = tip: { $tip }
cli-error-did-you-mean = a similar one exists: '{ $suggestion }'
cli-error-unknown-option = unexpected argument '{ $arg }' found
cli-error-unexpected-argument = unexpected argument '{ $arg }' found
cli-error-unknown-command = unrecognized subcommand '{ $command }'
cli-error-value-missing = a value is required for '{ $arg }' but none was supplied
cli-error-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-error-accepted-values = {"  "}[possible values: { $values }]
cli-error-value-refused = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-error-missing-required = { $count ->
    [one] the following required argument was not provided:
   *[other] the following required arguments were not provided:
}
cli-error-missing-command = a command is required
cli-error-conflict = the argument '{ $arg }' cannot be used with { $other }
cli-error-conflict-self = the argument '{ $arg }' cannot be used more than once
cli-error-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-error-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-error-wrong-number-of-values = a wrong number of values for '{ $arg }'
cli-error-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-error-other = { $message }
cli-error-more = For more information, try '--help'.
