# Diagnostics of the data: loading, the structure of each file, the checks across files.

diagnostics-error = error
diagnostics-warning = warning
diagnostics-hint = hint
diagnostics-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
diagnostics-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
# The line that ends a listing: "1 error, 29 warnings".
diagnostics-summary = { $errors }, { $warnings }

## Places in a file and what a value is.
data-place-the-file = the file
data-did-you-mean = did you mean "{ $best }"?
data-want-text = text
data-want-whole-number = a whole number
data-want-number = a number
data-want-boolean = true or false
data-want-list = a list (lines starting with "- ")
data-want-mapping = a mapping (key: value pairs)
data-kind-list = a list
data-kind-number = a number
data-kind-text = text
data-kind-mapping = a mapping
data-kind-yes-no = a yes/no value
data-kind-nothing = nothing (empty)

## The structure of a file (its JSON schema).
data-schema-unknown-value = { $field } has the unknown value "{ $value }"
data-schema-did-you-mean-allowed = did you mean "{ $best }"? Allowed: { $allowed }
data-schema-allowed = allowed: { $allowed }
data-schema-below-minimum = { $field } must be at least { $min }, but it is { $value }
data-schema-wrong-type = { $field } must be { $want }, but it is { $actual }
data-schema-hint-write-a-list = write each entry on its own line starting with "- "
data-schema-hint-not-a-list = remove the "- " in front: this takes key: value pairs, not a list
data-schema-hint-long-text = for a long text write "|" after the key and the text indented on the lines below
data-schema-hint-write-a-month = write a month as YYYY-MM, e.g. 2024-03
data-schema-allowed-keys = the keys allowed here are: { $keys }
data-schema-unknown-key = unknown key "{ $key }"
data-schema-add-key = add "{ $key }:" here
data-schema-with-description = { $hint } ({ $description })
data-schema-missing-key = the required key "{ $key }" is missing
data-schema-missing-key-in = the required key "{ $key }" is missing in { $place }

## Months, periods, editions and dates.
data-month-not-a-month = "{ $value }" is not a month: write it as YYYY-MM, e.g. 2024-03
data-month-out-of-range = month { $month } in "{ $value }" does not exist: months run from 01 to 12
data-month-in-words = did you mean { $month }?
data-start-not-a-start = "{ $value }" is not a start: write a month (YYYY-MM) or "voor huidige werkagenda"
data-end-not-an-end = "{ $value }" is not an end: write a month (YYYY-MM), "doorlopend" or "nog niet bekend"
data-half-year-not-a-half-year = "{ $value }" is not a half year: write YYYY-H1 (januari t/m juni) or YYYY-H2 (juli t/m december)
data-edition-year-four-digits = "{ $value }": the year must have four digits
data-edition-not-a-quarter = "{ $value }" is not a quarter: write YYYY-Q1 … YYYY-Q4
data-edition-not-an-edition = "{ $value }" is not an edition: write a month (YYYY-MM) or a quarter (YYYY-Q1 … YYYY-Q4)
data-period-not-a-period = "{ $value }" is no period: write a half year (2024-H1), a month (2025-04) or a quarter (2025-Q3)
data-date-not-a-date = "{ $value }" is not a date: write it as YYYY-MM-DD, e.g. 2024-10-31
data-how-month = months are written YYYY-MM (2024-03); MM-YYYY (03-2024) is accepted too
data-how-start = a month (YYYY-MM) or "voor huidige werkagenda"
data-how-end = a month (YYYY-MM), "doorlopend" or "nog niet bekend"
data-how-half-year = a half year: YYYY-H1 (januari t/m juni) or YYYY-H2 (juli t/m december)
data-how-edition = a newsletter edition: a month (YYYY-MM) or a quarter (YYYY-Q1 … YYYY-Q4)
data-how-date = a date: YYYY-MM-DD, e.g. 2024-10-31
data-how-datum = a month (YYYY-MM, e.g. 2024-10) or a day (YYYY-MM-DD, e.g. 2024-10-31), as precise as the source

## The checks across files.
data-id-in-two-files = "{ $id }" is in two files: { $first } and { $second } (only the first is read)
data-id-in-two-files-hint = ids are file names without extension and must be unique: rename or remove one of the two files
data-id-not-plain = the file name "{ $id }" is not a plain id
data-id-not-plain-hint = use lowercase letters, digits and hyphens (e.g. welzijn-op-recept.yaml): ids appear in links and commands
data-not-an-email-address = "{ $value }" is not an e-mail address
data-not-an-email-address-hint = write an address like communicatie@voorbeeld.nl
data-unsubscribe-not-https-or-mailto = "{ $value }" is not an https:// or mailto: address
data-unsubscribe-not-https-or-mailto-hint = the List-Unsubscribe header needs https://… (one-click) or mailto:…
data-images-url-not-a-folder = "{ $value }" is not an https:// address of a folder
data-images-url-not-a-folder-hint = write the address of the folder the chart images are put in, e.g. https://www.example.org/nieuwsbrief/ (https, no ? or #): mail clients load images only over https
data-listed-twice = "{ $value }" is listed twice
data-listed-twice-hint = remove this entry; it is already entry { $first }
data-abbreviation-defined-twice = the abbreviation "{ $abbreviation }" is defined twice
data-abbreviation-defined-twice-hint = keep one definition; the other is entry { $first } ("{ $meaning }")
data-ladder-size = the phase ladder has { $count } phases; it needs { $min } to { $max }
data-ladder-size-hint = list the phases of the programme in ladder order, each as "- naam: ..." (the charts tell at most six apart)
data-phase-name-one-line = a phase's name is one line of text, without spaces around it
data-phase-name-one-line-hint = write the name as documents show it, e.g. "naam: Initiatiefase"
data-phase-on-ladder-twice = the phase "{ $phase }" is on the ladder twice
data-phase-on-ladder-twice-hint = keep one; the other is phase { $first } ("{ $other }")
data-period-described-twice = the period { $period } is described twice
data-period-described-twice-hint = merge the two entries
data-box-unplaced = this box does not say where it stands
data-box-unplaced-hint = add "plaats: algemene_informatie", "plaats: programmaorganisatie_begin", "plaats: programmaorganisatie" or "plaats: definities"
data-box-has-period = a box of a rapportage has the period of its rapportage
data-box-has-period-hint = remove "periode" here
data-not-a-web-address = "{ $value }" is not a web or e-mail address
data-not-a-web-address-hint = write a full address starting with https://, http:// or mailto:
data-image-remote = the image "{ $url }" is on another website
data-image-remote-hint = the documents are self-contained: a remote image would make every reader's device contact that website (a tracking risk under the AVG); leave the image out
data-image-in-text = the image "{ $url }" cannot be shown
data-image-in-text-hint = koers does not embed images from texts; leave the image out
data-text-link-not-web = the link "{ $url }" is not a web or e-mail address
data-text-link-not-web-hint = a link in a text must start with https://, http:// or mailto:
data-box-empty = this box has neither a text nor a link line
data-box-empty-hint = add "tekst: ..." or "link: { "{" } tekst: ..., url: https://... { "}" }", or remove the box
data-link-without-address = the link line "{ $text }" has no address, so the documents leave it out
data-link-without-address-hint = add "url: https://…" with the address it points to, or remove the line
data-volgorde-taken = volgorde { $volgorde } is also used by themalijn "{ $other }"
data-volgorde-taken-hint = give every themalijn its own position
data-project-listed-twice = project "{ $project }" is listed twice
data-no-such-project = there is no project "{ $project }"
data-no-such-project-hint-dir = projects are the files in { $dir }/projecten/
data-project-of-other-themalijn = project "{ $project }" belongs to themalijn "{ $own }", not to "{ $listed }"
data-project-of-other-themalijn-hint = move it to the list of its own themalijn, or change the project's themalijn
data-page-order = the page order { $what }
data-page-order-lacks = lacks { $projects }
data-page-order-extra = names { $projects }, not in "projecten"
data-page-order-twice = lists a project twice
data-page-order-hint = list every id of "projecten" once, in the order of the project pages
data-end-before-start = the end ({ $end }) is before the start ({ $start })
data-end-before-start-hint = swap them or correct one of the two months
data-no-phase = no phase is recorded for this project
data-no-phase-hint = record it: koers fase { $id } FASE --sinds YYYY-MM
data-no-results-latest-period = no results in the latest report period ({ $period })
data-no-results-latest-period-hint = add what was achieved, with "periode: { $period }"
data-no-such-themalijn = there is no themalijn "{ $themalijn }"
data-known-themalijnen = known themalijnen: { $themalijnen }
data-project-not-in-themalijn-list = project "{ $project }" is missing from the project list of themalijn "{ $themalijn }"
data-project-not-in-themalijn-list-hint = add "{ $project }" to "projecten" in { $file }, where it should stand in the table
data-own-parent = a project cannot be its own parent
data-own-parent-hint = remove "hoofdproject" or name another project
data-parent-cycle = the parent projects form a cycle: { $cycle }
data-parent-cycle-hint = a project cannot be (indirectly) its own parent: remove one "hoofdproject"
data-result-after-report-date = this result is reported in { $period }, after the report date { $report_month }
data-result-after-report-date-hint = a result is something that happened: correct the period, or build with a later --date
data-result-period-after-end = this result is reported in { $period }, after the project ended ({ $end })
data-result-period-after-end-hint = a project reports results until its end: correct the period or the project's "einde"
data-result-month-after-end = this result ({ $month }) is dated after the project ended ({ $end })
data-correct-month-or-end = correct the month or the project's "einde"
data-result-month-after-report-date = this result is dated { $month }, after the report date { $report_month }
data-result-month-after-report-date-hint = a result is something that happened: correct the month, or build with a later --date
data-result-both-places = a result has either "periode" or "editie", not both
data-result-both-places-hint = record it where it was reported; a result reported twice is two entries
data-result-no-place = this result says neither where it was reported: add "periode" or "editie"
data-result-no-place-hint = "periode: 2024-H1" for the rapportage of a half year, "editie: 2025-04" (or 2025-Q3) for a newsletter edition
data-project-box-no-period = a box on a project page needs the report period it belongs to
data-project-box-no-period-hint = add "periode: YYYY-H1" (or H2)
data-project-box-plaats = "plaats" is for the boxes of a rapportage in koers.yaml
data-project-box-plaats-hint = remove it: a project's boxes stand at the end of its page
data-phase-ladder-names = the phases of the ladder in koers.yaml ("fasen") are: { $phases }
data-phase-not-on-ladder = "{ $phase }" is not a phase of the ladder in koers.yaml
data-step-both-places = a phase step has either "periode" or "editie", not both
data-step-both-places-hint = record it where it was reported
data-step-undated = the step to { $phase } says neither since when nor where it was reported
data-step-undated-hint = add "sinds: YYYY-MM" (the month it began), or "periode: 2024-H1" / "editie: 2025-04" (the report that states it); koers never dates a phase back to the project's start
data-step-after-its-report = this phase begins ({ $since }) after the report that states it ({ $key } { $period })
data-step-after-its-report-hint = correct the month or the report
data-step-after-report-date = this phase is reported in { $period }, after the report date { $report_month }
data-step-after-report-date-hint = correct the period, or build with a later --date
data-step-after-end = this phase begins ({ $since }) after the project ends ({ $end })
data-phase-history-order = the phase history is not in date order: { $later } is not after { $earlier }
data-phase-history-order-hint = list the phases oldest first, each known from a later month
data-phase-follows-itself = { $phase } follows itself
data-phase-follows-itself-hint = remove the repeated entry, or record a later report that confirms the phase with "periode" or "editie" instead of "sinds"
data-step-back-needs-reason = a step back from { $from } to { $to } needs a reason
data-step-back-needs-reason-hint = add "reden: ..." explaining why the project went back
data-block-empty = this block shows nothing
data-block-empty-hint = a block is a "thema" heading, a "project" update, an "item" or the "uitgelicht" block
data-block-two-things = a block is one thing: this one is "{ $first }" already
data-block-two-things-hint = make "{ $second }" a block of its own
data-block-key-of-project = "{ $key }" belongs to a project block
data-block-key-of-project-hint = remove it, or add it to the block of the project it is about
data-thema-no-links = a thema heading has no links
data-thema-no-links-hint = give the links to the block they belong under
data-no-such-project-hint = projects are the files in projecten/; the id is the file name without .yaml
data-block-project-no-results = project "{ $project }" has no result reported in edition { $edition }
data-block-project-no-results-hint = add a result with "editie: { $edition }" to projecten/{ $project }.yaml, or remove this block
data-block-results-empty = an empty list shows no result
data-block-results-empty-hint = leave "resultaten" out to show all of the project's results in this edition
data-block-no-such-result = project "{ $project }" has { $count ->
        [one] 1 result
       *[other] { $count } results
    } in edition { $edition }: there is no result { $number }
data-block-no-such-result-hint = number the results with "editie: { $edition }" in projecten/{ $project }.yaml from 1, in file order
data-block-result-shown-twice = result { $number } of project "{ $project }" is already shown in block { $block }
data-block-result-shown-twice-hint = remove it here, or give this block a "kop" to repeat the result under another heading
data-edition-result-not-shown = this result is reported in edition { $edition }, but that edition does not show it
data-edition-result-not-shown-hint-number = add { $number } to the "resultaten" of a "project: { $project }" block in nieuwsbrief/{ $edition }.yaml
data-edition-result-not-shown-hint-block = add "- project: { $project }" to "blokken" in nieuwsbrief/{ $edition }.yaml
data-abbreviation-not-in-glossary = the abbreviation "{ $abbreviation }" is used ({ $count ->
        [one] once
       *[other] in { $count } texts
    }) but not in the glossary
data-abbreviation-not-in-glossary-hint = add it under "afkortingen" in koers.yaml (- { "{" } afkorting: { $abbreviation }, betekenis: ... { "}" }); if it is a name, or no source gives its meaning, list it under "geen_afkortingen" in koers.yaml

## The informatiepakket and the house style.
data-budget-unbalanced = the budget does not balance: the baten add up to { $baten }, the lasten to { $lasten }
data-budget-unbalanced-hint = correct the line that is wrong, or account for the difference ({ $difference }) in a line of its own, as the source does with "Positief resultaat"
data-budget-reserves-differ = the risicoreserve of the lasten ({ $lasten }) differs from that of the baten ({ $baten })
data-budget-reserves-differ-hint = the reserve stands on both sides of the budget with the same amount
data-owner-count = the text speaks of { $stated } eigenaren, but koers.yaml lists { $owners } owners
data-owner-count-hint = correct the number here, or the list "eigenaren" in koers.yaml
data-fte-invalid = { $value } is not an amount of fte
data-fte-invalid-hint = write fte as a decimal number of at least 0 with at most two decimals, e.g. 3.31
data-fte-total-differs = the stated total of { $stated } fte differs from the sum of its { $count } roles ({ $sum } fte)
data-fte-total-differs-hint = the documents print the sum: correct the total to { $sum }, or correct the role that is wrong
data-fte-total-invalid-hint = write the total as a decimal with at most two decimals: { $sum }
data-budget-total-differs = the stated total of the { $side } ({ $stated }) differs from the sum of { $lines ->
        [one] its 1 line
       *[other] its { $lines } lines
    } ({ $sum })
data-budget-total-differs-hint = the documents print the sum: correct the total to { $sum }, or correct the line that is wrong
data-budget-reserve-missing = the { $side } state a total including the reserve, but no "risicoreserve"
data-budget-reserve-missing-hint = add "risicoreserve:" with its amount, or remove "totaal_incl_reserve"
data-budget-total-with-reserve-differs = the stated total including the reserve of the { $side } ({ $stated }) differs from the sum of { $lines ->
        [one] its 1 line
       *[other] its { $lines } lines
    } plus the risicoreserve ({ $sum } + { $reserve } = { $total })
data-budget-total-with-reserve-differs-hint = the documents print the sum: correct it to { $total }, or correct the line or the reserve that is wrong
data-themalijn-listed-twice = themalijn "{ $themalijn }" is listed twice
data-projects-are-files = projects are the files in projecten/
data-list-under-own-themalijn = list it under its own themalijn
data-colour-invalid = "{ $value }" is not a colour of the form #rrggbb
data-colour-invalid-hint = write the colour as # and six hexadecimal digits, e.g. "#005f73"
data-colour-white = white
data-colour-contrast = text in { $text } { $colour } on { $background } has a contrast of { $contrast }:1, less than 4.5:1
data-colour-contrast-hint = choose a darker { $text } or a lighter { $background }: text must stay readable (WCAG 1.4.3)

## Loading the data directory and its images.
data-file-ignored = this file is not part of the data format and is ignored
data-file-ignored-hint = data files are koers.yaml, regioplan.yaml, informatiepakket.yaml, themalijnen/<id>.yaml, projecten/<id>.yaml and nieuwsbrief/<editie>.yaml
data-symlink-skipped = this is a symbolic link and is not read
data-symlink-skipped-hint = koers reads only the data directory's own files: put the file (or directory) itself here
data-programme-file-missing = the programme file koers.yaml is missing
data-programme-file-missing-hint = every data directory needs koers.yaml with the programme, its phases and municipalities (see README.md)
data-edition-file-name = the file name: { $message }
data-edition-file-name-hint = name edition files after their month or quarter, e.g. nieuwsbrief/2025-04.yaml or nieuwsbrief/2025-Q3.yaml
data-figure-no-alt = the figure has no alt text
data-figure-no-alt-hint = describe what the figure shows, for readers who cannot see it
data-figure-unreadable = the figure "{ $file }" cannot be read: { $why }
data-figure-unreadable-hint = give a path relative to the data directory, e.g. figuren/ambitie.png, of a file inside it
data-no-such-file = there is no such file
data-logo-alt-empty = the logo's alt text is empty
data-logo-alt-empty-hint = name what the logo shows, or leave logo_alt out for "Logo van { $name }"
data-logo-alt-without-logo = logo_alt is given, but there is no logo
data-logo-alt-without-logo-hint = give the logo's file as huisstijl.logo, or leave logo_alt out
data-logo-where-hint = give a path relative to the data directory, e.g. logo.svg, of a PNG or SVG file inside it
data-logo-outside = the logo "{ $file }" is not a path inside the data directory
data-logo-unreadable = the logo "{ $file }" cannot be read: { $why }
data-logo-jpeg = the logo "{ $file }" is a JPEG image, not a PNG or SVG
data-logo-jpeg-hint = save the logo as SVG (best) or PNG: a logo needs sharp edges and a transparent background
data-logo-not-an-image = "{ $file }" is not a PNG or SVG image
data-logo-not-an-image-hint = save the logo as SVG (best) or PNG, named .svg or .png
data-logo-no-size = the logo "{ $file }" has no size koers can read
data-logo-no-size-hint = give the SVG a width and height (or a viewBox), or use a PNG file
data-file-does-not-match = the file does not match the data format: { $error }
data-dir-unreadable = cannot read the data directory { $dir }: { $error }
data-dir-not-a-dir = { $dir } is not a directory
data-file-outside = the file is outside the data directory
data-not-a-file = it is not a file
data-image-how = use a PNG, JPEG or SVG file of at most 5 MB inside the data directory
data-image-too-large = the image "{ $file }" is { $size } MB, more than 5 MB
data-image-unknown-kind = "{ $file }" is not a PNG, JPEG or SVG image
data-image-misnamed = "{ $file }" holds a { $kind } image, but its name says otherwise
data-image-misnamed-hint = name the file after what it holds: .png, .jpg/.jpeg or .svg

## The YAML of a file.
data-not-utf8 = the file is not valid UTF-8 text
data-not-utf8-hint = save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)
data-file-empty = the file is empty
data-file-empty-hint = fill it in (see the data format in README.md) or delete it
data-yaml-duplicate-key = the key "{ $key }" appears twice in this mapping
data-yaml-duplicate-hint = each key may appear only once in a mapping: remove or rename one of them
data-yaml-tab-hint = indent with spaces, not tabs
data-yaml-expands-hint = the file expands too far (anchors/aliases or nesting): write the values out
data-yaml-syntax-hint = check the indentation and that text containing ': ' or starting with a special character is quoted or written as a block (|)
data-yaml-invalid = invalid YAML: { $detail }
data-yaml-detail-tab = a tab where only spaces may indent
data-yaml-detail-list-item = a line of the list does not start with "- "
data-yaml-detail-colon = a ": " where no key may start
data-yaml-detail-unclosed = a bracket is not closed
data-yaml-detail-quote = a quotation mark is not closed
data-yaml-detail-expands = the file expands too far
data-yaml-detail-indentation = the indentation is not as expected
data-yaml-detail-other = the file cannot be read as YAML here

## A data directory as at a commit of its repository.
data-git-not-a-revision = "{ $rev }" is not a revision of this repository: give a commit, a tag or HEAD~N (e.g. HEAD~3 for three commits ago); `git log --oneline` lists the commits (git: { $error })
data-git-invalid-date = git: commit { $commit } has an invalid date
data-git-outside-repository = { $dir } is not inside the repository { $repository }
data-git-reading = reading { $dir } at { $rev }
data-git-no-data-directory = git: there is no data directory "{ $dir }" at { $rev }
data-git-not-in-commit = not in that commit

## A defect of koers itself.
data-internal-error = internal error: { $detail }
data-internal-error-hint = koers accepted data it cannot build; please report this with the data
