# The commands' own messages: init, status, changes, newsletter, the authoring commands
# (project, fase, resultaat, rapportage) and their refusals.

## Wat alle opdrachten delen: de labels van een foutregel en een tip, voortgang, bestanden.

cmd-error-label = fout
cmd-hint-label = tip
cmd-note-label = let op
cmd-reading = lezen van { $path }
cmd-creating = aanmaken van { $path }
cmd-writing = schrijven van { $path }
cmd-nothing-written = er is niets geschreven
cmd-did-you-mean = bedoelt u "{ $suggestion }"?

## build-report, check, newsletter: de regel die de waarschuwingen over de gegevens telt.

cmd-build-data-warnings = { $count ->
    [one] 1 waarschuwing in de gegevens (`koers check` toont die)
   *[other] { $count } waarschuwingen in de gegevens (`koers check` toont ze)
}
cmd-build-summary-data-warnings = { $summary } (`koers check` toont de waarschuwingen over de gegevens)
cmd-build-progress = koers: documenten maken van { $data } → { $out }
cmd-build-invalid = de gegevens zijn ongeldig; er is niets geschreven ({ $out } is niet gewijzigd)
cmd-build-wrote = { $count ->
    [one] 1 bestand geschreven in { $seconds } s
   *[other] { $count } bestanden geschreven in { $seconds } s
}
cmd-check-rendered = { $count ->
    [one] 1 bestand gemaakt in het geheugen
   *[other] { $count } bestanden gemaakt in het geheugen
}

## changes

cmd-changes-needs-git = koers changes werkt alleen als de gegevensmap in een git-repository staat
cmd-changes-old-invalid = { $errors ->
    [one] de gegevens bij { $since } zijn niet geldig (1 fout), dus er is niets om mee te vergelijken
   *[other] de gegevens bij { $since } zijn niet geldig ({ $errors } fouten), dus er is niets om mee te vergelijken
}
cmd-changes-old-invalid-hint = geef een latere revisie
cmd-changes-new-invalid = { $errors ->
    [one] de gegevens in de werkmap zijn niet geldig (1 fout)
   *[other] de gegevens in de werkmap zijn niet geldig ({ $errors } fouten)
}
cmd-changes-new-invalid-hint = `koers check` toont de fouten
cmd-changes-none = Geen wijzigingen in de gegevens sinds { $since }.
cmd-changes-heading = Wijzigingen in de gegevens sinds { $since }:
cmd-changes-new-project = nieuw project: { $naam } (themalijn { $themalijn })
cmd-changes-removed-project = project verwijderd: { $naam }
cmd-changes-project-ends = project eindigt: { $naam } ({ $einde })
cmd-changes-phase = fase: { $naam }: { $from } → { $to }
cmd-changes-phase-since = fase: { $naam }: { $from } → { $to } (sinds { $sinds })
cmd-changes-result = resultaat ({ $gemeld }): { $naam }: { $tekst }

## status: de koppen van de tabel ("per" vóór de maand vanaf wanneer een fase bekend is).

cmd-status-project = project
cmd-status-themalijn = themalijn
cmd-status-fase = fase
cmd-status-sinds = sinds
cmd-status-start = start
cmd-status-einde = einde
cmd-status-resultaten = resultaten
cmd-status-known-from = per { $month }

## init (de bestanden die het schrijft zijn altijd Nederlands: ze zijn van het programma zelf)

cmd-init-not-a-directory = { $dir } is geen map
cmd-init-not-a-directory-hint = geef een nieuwe of een lege map
cmd-init-not-empty = { $count ->
    [one] { $dir } is niet leeg (er staat 1 bestand of map in); koers init schrijft alleen in een nieuwe of lege map, zodat het niets overschrijft
   *[other] { $dir } is niet leeg (er staan { $count } bestanden of mappen in); koers init schrijft alleen in een nieuwe of lege map, zodat het niets overschrijft
}
cmd-init-not-empty-hint = geef een nieuwe map, bijvoorbeeld: koers init mijn-programma --naam … --regio …
cmd-init-invalid = het nieuwe programma zou niet geldig zijn (zie hierboven); er is niets geschreven
cmd-init-done = nieuw programma in { $dir }: lees README.md daar; `koers check` controleert de gegevens, `koers build-report` maakt de documenten

## newsletter

cmd-newsletter-no-edition-file = er is geen editie { $id }: { $file } bestaat niet
cmd-newsletter-draft-it = maak er een concept van met `koers newsletter { $id } --new`

## De opdrachten die gegevens vastleggen: wat ze doen, wat ze weigeren.

cmd-author-unchanged = niets te wijzigen: de gegevens bevatten dit al
cmd-author-edition-unchanged = niets te wijzigen: elk resultaat dat voor editie { $id } is vastgelegd, staat al in het bestand van die editie
cmd-author-would-be-invalid = de gegevens zouden met deze wijziging niet geldig zijn (zie de fouten hierboven)
cmd-author-conflict = { $file } is gewijzigd terwijl koers het bewerkte
cmd-author-conflict-hint = iemand anders (een andere koers-opdracht, een editor) wijzigt het: voer de opdracht opnieuw uit
cmd-author-redone = { $file } is gewijzigd terwijl koers het bewerkte; de wijziging is opnieuw gemaakt op de nieuwe inhoud
cmd-author-dry-run = proefrun: er is niets geschreven
cmd-author-invalid-before-file = { $files } is ongeldig (zie de fouten hierboven), en dit wordt alleen van geldige gegevens gemaakt: herstel eerst dat bestand en voer de opdracht dan opnieuw uit
cmd-author-invalid-before-files = deze bestanden zijn ongeldig (zie de fouten hierboven): { $files }; dit wordt alleen van geldige gegevens gemaakt: herstel ze eerst en voer de opdracht dan opnieuw uit
cmd-author-broken-before-file = { $files } was al ongeldig vóór deze wijziging (zie de fouten hierboven); de wijziging voegt geen fout toe, maar koers schrijft alleen geldige gegevens: herstel eerst dat bestand en voer de opdracht dan opnieuw uit
cmd-author-broken-before-files = deze bestanden waren al ongeldig vóór deze wijziging (zie de fouten hierboven): { $files }; de wijziging voegt geen fout toe, maar koers schrijft alleen geldige gegevens: herstel ze eerst en voer de opdracht dan opnieuw uit
cmd-author-also-broken-file = bovendien was { $files } al ongeldig vóór deze wijziging (zie de fouten hierboven); herstel dat ook
cmd-author-also-broken-files = bovendien waren deze bestanden al ongeldig vóór deze wijziging (zie de fouten hierboven): { $files }; herstel die ook

cmd-edition-needs-valid-data = de gegevens bevatten fouten, en een concept-editie wordt alleen van geldige gegevens gemaakt
cmd-edition-needs-valid-data-hint = herstel die eerst: `koers check` toont ze
cmd-no-project = er is geen project "{ $id }" (geen bestand projecten/{ $id }.yaml)
cmd-no-project-hint = `ls data/projecten` toont de ids van de projecten
cmd-cannot-edit = { $file } kan niet worden bewerkt: { $reason }
cmd-project-id-invalid = "{ $id }" kan geen project-id zijn
cmd-project-id-invalid-hint = gebruik kleine letters, cijfers en streepjes, bijvoorbeeld welzijn-op-recept: ids staan in bestandsnamen, links en opdrachten
cmd-project-exists = er is al een project "{ $id }" ({ $file })
cmd-project-exists-hint = kies een andere id, of leg fasen en resultaten van het bestaande project vast met `koers fase` en `koers resultaat`
cmd-no-themalijn = er is geen themalijn "{ $themalijn }"
cmd-no-themalijn-hint = de themalijnen zijn: { $list }
cmd-project-needs-name = het project heeft een naam nodig (--naam)
cmd-main-project-other-themalijn = het hoofdproject "{ $main }" hoort bij themalijn "{ $its }", niet bij "{ $themalijn }"
cmd-main-project-other-themalijn-hint = een deelproject hoort bij de themalijn van zijn hoofdproject
cmd-main-project-is-subproject = "{ $main }" is zelf een deelproject; het hoofdproject van een deelproject moet een gewoon project zijn
cmd-phase-step-exists = { $project } heeft al een fasestap in { $month }
cmd-phase-step-exists-hint = pas die stap aan in { $file }, of geef een andere maand
cmd-phase-already = { $project } is al vóór { $sinds } in de { $fase }
cmd-phase-already-hint = leg een stap naar een andere fase vast
cmd-fase-step-back-needs-reason = { $project }: van { $from } terug naar { $fase } is een stap terug, en een stap terug heeft een reden nodig
cmd-fase-step-back-needs-reason-hint = geef die op met --reden "..." (de reden staat in de rapportage)
cmd-not-a-phase = "{ $fase }" is geen fase
cmd-not-a-phase-hint = de fasen van de ladder in koers.yaml zijn: { $list }
cmd-result-no-text = het resultaat heeft geen tekst
cmd-result-month-outside = --maand { $month } valt niet in { $period }
cmd-result-month-outside-hint = de maand van een resultaat valt in de periode of editie die het meldt
cmd-report-not-half-year = { $periode } is geen halfjaar
cmd-report-not-half-year-hint = een rapportage beslaat JJJJ-H1 of JJJJ-H2
cmd-report-programme-not-loaded = koers.yaml kon niet worden gelezen; herstel dat eerst (`koers check`)
cmd-report-exists = koers.yaml bevat de rapportage { $periode } al
cmd-report-exists-hint = vul de teksten in onder "rapportages" in koers.yaml
cmd-edition-exists = de editie { $id } bestaat al ({ $file })
cmd-edition-exists-hint = bewerk die; resultaten die sinds het concept zijn vastgelegd, voegt `koers newsletter { $id } --update` toe
cmd-edition-not-loaded = het bestand van editie { $id } kon niet worden gelezen
cmd-edition-not-loaded-hint = herstel het eerst: `koers check` toont de problemen
cmd-no-edition = er is geen editie { $id } (geen bestand nieuwsbrief/{ $id }.yaml)
cmd-edition-result-not-shown = resultaat { $nr } van project "{ $project }" voor editie { $id } wordt niet getoond, en blok { $block } van { $file } kiest zelf welke resultaten het toont
cmd-edition-result-not-shown-hint = voeg { $nr } toe aan de "resultaten" van dat blok

## Wat een wijziging deed, een regel per gewijzigde regel ("data/projecten/x.yaml:12: …").

cmd-note-new-project = nieuw project "{ $id }" ({ $naam }) in themalijn { $themalijn }
cmd-note-listed = "{ $id }" toegevoegd aan de projecten van themalijn { $themalijn }
cmd-note-page-order = "{ $id }" toegevoegd aan de paginavolgorde van themalijn { $themalijn }
cmd-note-phase = { $project }: { $fase } sinds { $sinds }
cmd-note-result = { $project }: een resultaat gemeld in de { $gemeld }
cmd-note-project-ends = { $project } eindigt in { $einde }
cmd-note-project-ends-was = { $project } eindigt in { $einde } (was { $was })
cmd-note-report = de rapportage { $id } is toegevoegd; vul de teksten in onder deze regel
cmd-note-edition-draft = { $blocks ->
    [one] het concept van editie { $id }, met 1 projectblok: vul de teksten in
   *[other] het concept van editie { $id }, met { $blocks } projectblokken: vul de teksten in
}
cmd-note-thema-heading = een thema-kop voor themalijn { $themalijn }
cmd-note-project-block = { $count ->
    [one] een blok voor project { $project }: het resultaat dat voor editie { $id } is vastgelegd
   *[other] een blok voor project { $project }: de { $count } resultaten die voor editie { $id } zijn vastgelegd
}

## Waarom een opdracht een gegevensbestand niet kan bewerken (na "FILE kan niet worden bewerkt: ").

cmd-yaml-lone-cr = het bestand bevat een regelterugloop (CR) die geen regel beëindigt; sla het op met LF- of CRLF-regeleinden
cmd-yaml-invalid = het bestand is geen geldige YAML (regel { $line }: { $message }); herstel dat eerst (`koers check`)
cmd-yaml-not-a-mapping = het bestand bestaat niet uit sleutels met waarden
cmd-yaml-top-level-indented = de sleutels op het hoogste niveau beginnen niet aan het begin van hun regel; herstel dat eerst (`koers check`)
cmd-yaml-flow-list = "{ $key }" is geschreven als lijst tussen haken ([...]); schrijf het als lijst met één "- "-item per regel om er iets aan toe te voegen
cmd-yaml-not-a-list = "{ $key }" is { $kind }, geen lijst
cmd-yaml-not-an-id = "{ $value }" kan niet in een lijst van ids staan
cmd-yaml-list-not-found = de lijst van "{ $key }" is niet te vinden
cmd-yaml-not-a-list-of-ids = "{ $key }" is een lijst van lijsten of sleutels met waarden, niet van ids
cmd-yaml-one-line = de waarde van "{ $key }" moet op één regel staan
cmd-yaml-multi-line = "{ $key }" staat over meerdere regels; schrijf het op één regel om het te laten wijzigen
cmd-yaml-unforeseen-layout = deze wijziging kan niet worden gemaakt zonder het bestand te breken of meer te wijzigen dan "{ $key }" (de opmaak is er een die koers niet voorziet, bijvoorbeeld een lege lijst over twee regels); pas het met de hand aan
cmd-lock-failed = de gegevensmap { $dir } kan niet worden vergrendeld om te schrijven: { $reason }
