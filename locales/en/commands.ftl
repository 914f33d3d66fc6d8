# The commands' own messages: init, status, changes, newsletter, the authoring commands
# (project, fase, resultaat, rapportage) and their refusals.

## What every command shares: the labels of an error line and a hint, progress, files.

cmd-error-label = error
cmd-hint-label = hint
cmd-note-label = note
cmd-reading = reading { $path }
cmd-creating = creating { $path }
cmd-writing = writing { $path }
cmd-nothing-written = nothing was written
cmd-did-you-mean = did you mean "{ $suggestion }"?

## build-report, check, newsletter: the line that counts the warnings about the data.

cmd-build-data-warnings = { $count ->
    [one] 1 warning in the data (run `koers check` to see it)
   *[other] { $count } warnings in the data (run `koers check` to see them)
}
cmd-build-summary-data-warnings = { $summary } (run `koers check` to see the warnings about the data)
cmd-build-progress = koers: building { $data } → { $out }
cmd-build-invalid = the data is invalid; nothing was written ({ $out } is unchanged)
cmd-build-wrote = wrote { $count } files in { $seconds } s
cmd-check-rendered = rendered { $count } files in memory

## changes

cmd-changes-needs-git = koers changes needs the data directory to be inside a git repository
cmd-changes-old-invalid = the data at { $since } does not validate ({ $errors } errors), so there is nothing to compare with
cmd-changes-old-invalid-hint = give a later revision
cmd-changes-new-invalid = the data in the work tree does not validate ({ $errors } errors)
cmd-changes-new-invalid-hint = `koers check` shows the errors
cmd-changes-none = No changes in the data since { $since }.
cmd-changes-heading = Changes in the data since { $since }:
cmd-changes-new-project = new project: { $naam } (themalijn { $themalijn })
cmd-changes-removed-project = removed project: { $naam }
cmd-changes-project-ends = project ends: { $naam } ({ $einde })
cmd-changes-phase = phase: { $naam }: { $from } → { $to }
cmd-changes-phase-since = phase: { $naam }: { $from } → { $to } (since { $sinds })
cmd-changes-result = result ({ $gemeld }): { $naam }: { $tekst }

## status: the table's headings ("per" before the month a phase is known from).

cmd-status-project = project
cmd-status-themalijn = themalijn
cmd-status-fase = fase
cmd-status-sinds = sinds
cmd-status-start = start
cmd-status-einde = einde
cmd-status-resultaten = resultaten
cmd-status-known-from = per { $month }

## init (the files it writes are Dutch whatever the language: they are the programme's own)

cmd-init-not-a-directory = { $dir } is not a directory
cmd-init-not-a-directory-hint = give a new or an empty directory
cmd-init-not-empty = { $count ->
    [one] { $dir } is not empty (it holds 1 file or directory); koers init writes only into a new or empty directory, so that it overwrites nothing
   *[other] { $dir } is not empty (it holds { $count } files or directories); koers init writes only into a new or empty directory, so that it overwrites nothing
}
cmd-init-not-empty-hint = give a new directory, for example: koers init my-programme --naam … --regio …
cmd-init-invalid = the new programme would not be valid (see above); nothing was written
cmd-init-done = new programme in { $dir }: read README.md there; `koers check` checks the data, `koers build-report` makes the documents

## newsletter

cmd-newsletter-no-edition-file = there is no edition { $id }: { $file } does not exist
cmd-newsletter-draft-it = draft it with `koers newsletter { $id } --new`

## The authoring commands: what they do, what they refuse.

cmd-author-unchanged = nothing to change: the data records this already
cmd-author-edition-unchanged = nothing to change: every result recorded for edition { $id } is shown in its file already
cmd-author-would-be-invalid = the data would not be valid with this change (the errors above)
cmd-author-conflict = { $file } changed while koers was editing it
cmd-author-conflict-hint = someone else (another koers command, an editor) is changing it: run the command again
cmd-author-redone = { $file } changed while koers was editing it; the change was made again on its new content
cmd-author-dry-run = dry run: nothing was written
cmd-author-invalid-before-file = { $files } is invalid (the errors above), and this is made from valid data only: fix that file first, then run the command again
cmd-author-invalid-before-files = these files are invalid (the errors above): { $files }; this is made from valid data only: fix them first, then run the command again
cmd-author-broken-before-file = { $files } was invalid already before this change (the errors above); the change adds no error, but koers writes only data that validates: fix that file first, then run the command again
cmd-author-broken-before-files = these files were invalid already before this change (the errors above): { $files }; the change adds no error, but koers writes only data that validates: fix them first, then run the command again
cmd-author-also-broken-file = besides, { $files } was invalid already before this change (the errors above); fix it too
cmd-author-also-broken-files = besides, these files were invalid already before this change (the errors above): { $files }; fix them too

cmd-edition-needs-valid-data = the data has errors, and a draft edition is made from valid data
cmd-edition-needs-valid-data-hint = fix them first: `koers check` shows them
cmd-no-project = there is no project "{ $id }" (no file projecten/{ $id }.yaml)
cmd-no-project-hint = `ls data/projecten` lists the project ids
cmd-cannot-edit = cannot edit { $file }: { $reason }
cmd-project-id-invalid = "{ $id }" cannot be a project id
cmd-project-id-invalid-hint = use lowercase letters, digits and hyphens, e.g. welzijn-op-recept: ids appear in file names, links and commands
cmd-project-exists = a project "{ $id }" exists already ({ $file })
cmd-project-exists-hint = choose another id, or record phases and results of the existing project with `koers fase` and `koers resultaat`
cmd-no-themalijn = there is no themalijn "{ $themalijn }"
cmd-no-themalijn-hint = the themalijnen are: { $list }
cmd-project-needs-name = the project needs a name (--naam)
cmd-main-project-other-themalijn = the main project "{ $main }" belongs to themalijn "{ $its }", not to "{ $themalijn }"
cmd-main-project-other-themalijn-hint = a subproject belongs to the themalijn of its main project
cmd-main-project-is-subproject = "{ $main }" is itself a subproject; a subproject's main project must be a project
cmd-phase-step-exists = { $project } already records a phase step in { $month }
cmd-phase-step-exists-hint = edit that step in { $file }, or give another month
cmd-phase-already = { $project } is already in the { $fase } since before { $sinds }
cmd-phase-already-hint = record a step to another phase
cmd-fase-step-back-needs-reason = { $project }: from { $from } back to { $fase } is a step back, and a step back needs a reason
cmd-fase-step-back-needs-reason-hint = give it with --reden "..." (it is shown in the rapportage)
cmd-not-a-phase = "{ $fase }" is not a phase
cmd-not-a-phase-hint = the phases of the ladder in koers.yaml are: { $list }
cmd-result-no-text = the result has no text
cmd-result-month-outside = --maand { $month } is not in { $period }
cmd-result-month-outside-hint = the month a result happened lies in the period or edition that reports it
cmd-report-not-half-year = { $periode } is not a half year
cmd-report-not-half-year-hint = a rapportage covers YYYY-H1 or YYYY-H2
cmd-report-programme-not-loaded = koers.yaml did not load; fix it first (`koers check`)
cmd-report-exists = koers.yaml declares the rapportage { $periode } already
cmd-report-exists-hint = fill in its texts under "rapportages" in koers.yaml
cmd-edition-exists = the edition { $id } exists already ({ $file })
cmd-edition-exists-hint = edit it; results recorded for it since it was drafted are added by `koers newsletter { $id } --update`
cmd-edition-not-loaded = the file of edition { $id } did not load
cmd-edition-not-loaded-hint = fix it first: `koers check` shows its problems
cmd-no-edition = there is no edition { $id } (no file nieuwsbrief/{ $id }.yaml)
cmd-edition-result-not-shown = result { $nr } of project "{ $project }" for edition { $id } is not shown, and block { $block } of { $file } chooses the results it shows
cmd-edition-result-not-shown-hint = add { $nr } to the "resultaten" of that block

## The notes of a change, one a changed line ("data/projecten/x.yaml:12: …").

cmd-note-new-project = new project "{ $id }" ({ $naam }) in themalijn { $themalijn }
cmd-note-listed = "{ $id }" added to the projects of themalijn { $themalijn }
cmd-note-page-order = "{ $id }" added to the page order of themalijn { $themalijn }
cmd-note-phase = { $project }: { $fase } since { $sinds }
cmd-note-result = { $project }: a result reported in the { $gemeld }
cmd-note-project-ends = { $project } ends { $einde }
cmd-note-project-ends-was = { $project } ends { $einde } (was { $was })
cmd-note-report = the rapportage { $id } is declared; fill in its texts below this line
cmd-note-edition-draft = the draft of edition { $id }, with { $blocks } project block(s): fill in its texts
cmd-note-thema-heading = a thema heading for themalijn { $themalijn }
cmd-note-project-block = { $count ->
    [one] a block for project { $project }: its result recorded for edition { $id }
   *[other] a block for project { $project }: its { $count } results recorded for edition { $id }
}

## Why a data file cannot be edited by a command (after "cannot edit FILE: ").

cmd-yaml-lone-cr = the file has a carriage return (CR) that ends no line; save it with LF or CRLF line endings
cmd-yaml-invalid = the file is not valid YAML (line { $line }: { $message }); fix it first (`koers check`)
cmd-yaml-not-a-mapping = the file is not a mapping of keys to values
cmd-yaml-top-level-indented = the file's top-level keys do not start at the beginning of their lines; fix it first (`koers check`)
cmd-yaml-flow-list = "{ $key }" is written as a flow list ([...]); write it as a block list (one "- " item per line) to add to it
cmd-yaml-not-a-list = "{ $key }" is { $kind }, not a list
cmd-yaml-not-an-id = "{ $value }" cannot stand in a list of ids
cmd-yaml-list-not-found = cannot find the list of "{ $key }"
cmd-yaml-not-a-list-of-ids = "{ $key }" is a list of lists or mappings, not of ids
cmd-yaml-one-line = the value of "{ $key }" must be one line
cmd-yaml-multi-line = "{ $key }" is written over several lines; write it on one line to change it
cmd-yaml-unforeseen-layout = this change cannot be made without breaking the file or changing more than "{ $key }" (its layout is one koers does not foresee, e.g. an empty list over two lines); make it by hand
cmd-lock-failed = cannot lock the data directory { $dir } for writing: { $reason }
