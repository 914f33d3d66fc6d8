# Building and publishing: build-report, check's rendering, serve and its preview, the writers.

## The output guard (src/publish/guard.rs): an output directory koers will not replace.

build-refused-protected = refusing to write the output to { $path }: it is { $what }, and a build replaces its output directory as a whole. Choose another --out (the default is out/); --force does not override this
build-refused-inside-protected = refusing to write the output to { $path }: it lies inside { $what }. Choose an --out outside it (the default is out/); --force does not override this
build-refused-symlink = refusing to write the output to { $path }: it is a symbolic link, and koers replaces only a directory it wrote itself. Choose another --out, or remove the link
build-refused-not-a-directory = refusing to write the output to { $path }: it is an existing file, not a directory koers wrote. Choose another --out
build-refused-not-koers = refusing to replace { $path }: { $reason }. koers replaces only a directory it wrote itself. Choose another --out, or pass --force to replace this directory and everything in it
# What a protected output path is ($what above).
build-protected-root = the root directory /
build-protected-home = your home directory
build-protected-contains-home = a directory that contains your home directory
build-protected-repo = the root of the git repository
build-protected-contains-repo = a directory that contains the git repository
build-protected-data = the data directory
build-protected-templates = the templates directory
build-protected-contains-data = a directory that contains the data directory { $dir }
build-protected-contains-templates = a directory that contains the templates directory { $dir }
build-protected-inside-data = the data directory { $dir }
build-protected-inside-templates = the templates directory { $dir }
# Why a directory is not one koers wrote ($reason above).
build-foreign-unreadable = its contents cannot be read ({ $error })
build-foreign-no-manifest = it is not empty and has no koers manifest.json
build-foreign-other-manifest = its manifest.json was not written by koers
build-foreign-unlisted = it holds files that koers' manifest.json does not list ({ $files })
build-foreign-and-more = and { $count } more

## Preparing a build (src/pipeline): the data, the templates, the date, the documents asked for.

build-rev-needs-git = --rev needs the data directory to be inside a git repository
build-template-ignored = this file is not a template koers uses; it is ignored
build-template-ignored-hint = template files are: { $templates }
build-no-date = the documents need a date, and none is known: the data declares no rapportage or edition and is not in a git repository. Give one with --date YYYY-MM-DD
build-reading-templates = reading templates from { $dir }
build-period-no-rapportage = --period { $period }: koers.yaml declares no rapportage for { $period }
build-period-no-rapportage-hint = declare it with `koers rapportage new { $period }`, or build a draft with --draft (marked CONCEPT)
build-no-such-themalijn = --themalijn { $themalijn }: there is no such themalijn
build-no-such-themalijn-hint = the themalijnen are: { $themalijnen }
build-no-such-project = --project { $project }: there is no such project
build-no-such-project-hint = `koers status` lists the projects
build-period-no-edition = --period { $period }: there is no newsletter edition { $period }
build-period-no-edition-hint = draft it with `koers newsletter { $period } --new`
build-preview-not-built = not built yet

## The writers (src/render): a template, a view or a file that could not be made.

build-render-template = template { $template }: { $message }
build-render-view = the view of { $document }: { $message }
build-render-view-lacks-format = it has no { $format }
build-style-unclosed-var = an unclosed var( in the style
build-style-unknown-property = the style uses --{ $name }, which theme.css does not define
build-email-inline-css = inlining the e-mail's CSS: { $error }

## koers serve (src/cli/cmd/serve): its terminal and its pages in the browser.

build-serve-no-data-dir = the data directory { $dir } does not exist
build-serve-serving = serving
build-serve-port-in-use = port { $port } on { $host } is in use (by another koers serve?); choose another with --port, e.g. --port { $other }
build-serve-listening-on = listening on { $host }:{ $port }
build-serve-open-to-network = listening on { $host }: anyone who can reach this computer on port { $port } can read every document, drafts included (koers serve has no login); use it only on a network you trust
build-serve-open-to-network-all = listening on { $host } (every network interface): anyone who can reach this computer on port { $port } can read every document, drafts included (koers serve has no login); use it only on a network you trust
# The watched directories: the data and the templates.
build-serve-dirs-two = { $first } and { $second }
build-serve-built = built in { $seconds } s; watching { $dirs } (rebuilds on save; Ctrl-C stops)
build-serve-loopback-only = listening on { $host } only: other computers cannot connect (--host to change that)
build-serve-starting-watcher = starting the file watcher
build-serve-watching = watching { $dir }
build-serve-not-found-title = Not found
build-serve-not-found = There is no document at { $path }.
build-serve-all-documents = All documents
build-serve-too-many-streams = too many open event streams
build-serve-data-errors = { $count ->
    [one] The data has 1 error
   *[other] The data has { $count } errors
}
build-serve-not-rendered = A document could not be rendered
build-serve-problem-explanation = Every page shows this until the problem is fixed; it reloads by itself when you save.
build-serve-no-browser = could not open a browser ({ $program }: { $error }); open { $url } yourself
build-serve-wrong-host = koers serve answers only requests for localhost or its own address, not for { $host }: another site's page must not read the preview (DNS rebinding). Open http://localhost:PORT/ instead.
build-serve-rebuilt-pages = rebuilt pages: { $rendered } rendered, { $changed } changed, { $ms } ms
build-serve-rebuilt-pdfs = rebuilt PDFs: { $rendered } rendered, { $changed } changed, { $ms } ms
build-serve-data-invalid = the data is invalid: every page shows the diagnostics until it is fixed
build-worker-unknown-request = unknown request { $request }
build-worker-finding-exe = finding the koers executable
build-worker-starting = starting the renderer (koers preview-worker)
build-worker-what-pages = the pages (HTML, Markdown, e-mail, text)
build-worker-what-pdfs = the PDFs
build-worker-stopped = the renderer stopped ({ $error }); it is started again on the next save
build-worker-failed-because = rendering { $what } stopped unexpectedly ({ $error }); koers tries again on the next save
build-worker-failed = rendering { $what } stopped unexpectedly; koers tries again on the next save
build-worker-timeout = rendering { $what } took longer than { $seconds } s and was stopped. A template may loop without end (a component that calls itself, loops within loops), or a typst document may never finish laying out (a `while` whose condition stays true). Fix it and save: koers tries again on every save. (The limit is KOERS_SERVE_TIME_LIMIT, in seconds.)

## The writers' files: the newsletter's view, the e-mail, the charts, the PDF, the reference documents.

build-view-no-edition = there is no newsletter edition { $period } (no file nieuwsbrief/{ $period }.yaml)
build-email-bad-address = "{ $address }" is not an e-mail address: { $error }
build-email-building = building the message: { $error }
build-chart-svg = chart SVG: { $error }
build-chart-size = chart size
build-chart-png = chart PNG: { $error }
build-figure-not-an-image = not a PNG, JPEG or SVG image
build-pdf-date-out-of-range = the date { $date } is out of typst's range
build-pdf-writing-layout = writing the page layout { $path }: { $error }
build-pdf-writing-source = writing the typst source { $path }: { $error }
build-pdf-writing-trace = writing the typst timing trace { $path }: { $error }
# Where a typst error is: in koers.typ or in the document koers generated.
build-pdf-generated-document = generated document
build-pdf-error-place = { $file }, line { $line }: { $text }
build-reference-unreadable = cannot read the reference document: { $error }
build-reference-not-zip = not an ODT or DOCX document ({ $error }); save the house style from your office suite as .odt or .docx
build-reference-not-utf8 = { $name } is not UTF-8 text
build-reference-not-text = an OpenDocument file of type { $mime }, not a text document; use a Writer document (.odt) or template (.ott)
build-reference-odt-no-styles = the ODT has no styles.xml
build-reference-neither = neither an ODT (no mimetype entry) nor a DOCX (no word/styles.xml); save the house style from your office suite as .odt or .docx
build-reference-xml-invalid = { $part } does not parse: { $error }
build-reference-odt-no-named-styles = styles.xml has no office:styles (named styles)
build-reference-docx-not-styles = word/styles.xml is not a w:styles part
build-reference-styles-invalid = the styles do not parse: { $error }
build-reference-styles-unended = the styles' root element does not end
build-reference-prefix-taken = its styles bind the prefix { $prefix }: to { $bound }, not to { $uri }; save the house style again from your office suite
build-zip-truncated = truncated
build-zip-not-zip = not a ZIP archive (no end of central directory)
build-zip-zip64 = ZIP64 archives are not supported
build-zip-broken-directory = broken central directory
build-zip-method = compression method { $method } is not supported
build-zip-encrypted = encrypted entries are not supported
build-zip-too-large = larger than { $mib } MiB
build-zip-broken-header = broken local header
build-zip-checksum = checksum mismatch

## Writing the output (src/publish): what was being done when the file system said no.

build-write-creating = creating { $path }
build-write-opening-lock = opening the lock file { $path }
build-write-locking = locking { $path }
build-write-creating-temporary = creating a temporary directory in { $path }
build-write-writing = writing { $path }
build-write-moving-aside = moving the previous { $path } aside
build-write-moving-in = moving the new output into { $path }
build-write-removing-previous = removing the previous output { $path }
