# Diagnostics of the data: loading, the structure of each file, the checks across files.

diagnostics-error = fout
diagnostics-warning = waarschuwing
diagnostics-hint = tip
diagnostics-errors = { $count ->
    [one] 1 fout
   *[other] { $count } fouten
}
diagnostics-warnings = { $count ->
    [one] 1 waarschuwing
   *[other] { $count } waarschuwingen
}
# De regel onder een lijst: "1 fout, 29 waarschuwingen".
diagnostics-summary = { $errors }, { $warnings }

## Places in a file and what a value is.
data-place-the-file = het bestand
data-did-you-mean = bedoelt u "{ $best }"?
data-want-text = tekst
data-want-whole-number = een geheel getal
data-want-number = een getal
data-want-boolean = true of false
data-want-list = een lijst (regels die beginnen met "- ")
data-want-mapping = een groep velden (regels veld: waarde)
data-kind-list = een lijst
data-kind-number = een getal
data-kind-text = tekst
data-kind-mapping = een groep velden
data-kind-yes-no = een ja/nee-waarde
data-kind-nothing = niets (leeg)

## The structure of a file (its JSON schema).
data-schema-unknown-value = { $field } heeft de onbekende waarde "{ $value }"
data-schema-did-you-mean-allowed = bedoelt u "{ $best }"? Toegestaan: { $allowed }
data-schema-allowed = toegestaan: { $allowed }
data-schema-below-minimum = { $field } moet minstens { $min } zijn, maar is { $value }
data-schema-wrong-type = { $field } moet { $want } zijn, maar is { $actual }
data-schema-hint-write-a-list = zet elk onderdeel op een eigen regel die begint met "- "
data-schema-hint-not-a-list = haal de "- " ervoor weg: hier horen regels veld: waarde, geen lijst
data-schema-hint-long-text = schrijf voor een lange tekst "|" achter het veld en de tekst ingesprongen op de regels eronder
data-schema-hint-write-a-month = schrijf een maand als JJJJ-MM, bijvoorbeeld 2024-03
data-schema-allowed-keys = de velden die hier mogen zijn: { $keys }
data-schema-unknown-key = onbekend veld "{ $key }"
data-schema-add-key = voeg hier "{ $key }:" toe
data-schema-with-description = { $hint } ({ $description })
data-schema-missing-key = het verplichte veld "{ $key }" ontbreekt
data-schema-missing-key-in = het verplichte veld "{ $key }" ontbreekt in { $place }

## Months, periods, editions and dates.
data-month-not-a-month = "{ $value }" is geen maand: schrijf die als JJJJ-MM, bijvoorbeeld 2024-03
data-month-out-of-range = maand { $month } in "{ $value }" bestaat niet: de maanden lopen van 01 tot en met 12
data-month-in-words = bedoelt u { $month }?
data-start-not-a-start = "{ $value }" is geen start: schrijf een maand (JJJJ-MM) of "voor huidige werkagenda"
data-end-not-an-end = "{ $value }" is geen einde: schrijf een maand (JJJJ-MM), "doorlopend" of "nog niet bekend"
data-half-year-not-a-half-year = "{ $value }" is geen halfjaar: schrijf JJJJ-H1 (januari t/m juni) of JJJJ-H2 (juli t/m december)
data-edition-year-four-digits = "{ $value }": het jaar moet vier cijfers hebben
data-edition-not-a-quarter = "{ $value }" is geen kwartaal: schrijf JJJJ-Q1 … JJJJ-Q4
data-edition-not-an-edition = "{ $value }" is geen editie: schrijf een maand (JJJJ-MM) of een kwartaal (JJJJ-Q1 … JJJJ-Q4)
data-period-not-a-period = "{ $value }" is geen periode: schrijf een halfjaar (2024-H1), een maand (2025-04) of een kwartaal (2025-Q3)
data-date-not-a-date = "{ $value }" is geen datum: schrijf die als JJJJ-MM-DD, bijvoorbeeld 2024-10-31
data-how-month = een maand schrijft u als JJJJ-MM (2024-03); MM-JJJJ (03-2024) mag ook
data-how-start = een maand (JJJJ-MM) of "voor huidige werkagenda"
data-how-end = een maand (JJJJ-MM), "doorlopend" of "nog niet bekend"
data-how-half-year = een halfjaar: JJJJ-H1 (januari t/m juni) of JJJJ-H2 (juli t/m december)
data-how-edition = een editie van de nieuwsbrief: een maand (JJJJ-MM) of een kwartaal (JJJJ-Q1 … JJJJ-Q4)
data-how-date = een datum: JJJJ-MM-DD, bijvoorbeeld 2024-10-31
data-how-datum = een maand (JJJJ-MM, bijvoorbeeld 2024-10) of een dag (JJJJ-MM-DD, bijvoorbeeld 2024-10-31), zo precies als de bron

## The checks across files.
data-id-in-two-files = "{ $id }" staat in twee bestanden: { $first } en { $second } (alleen het eerste wordt gelezen)
data-id-in-two-files-hint = een id is de bestandsnaam zonder extensie en moet uniek zijn: geef een van de twee bestanden een andere naam of verwijder het
data-id-not-plain = de bestandsnaam "{ $id }" is geen eenvoudige id
data-id-not-plain-hint = gebruik kleine letters, cijfers en streepjes (bijvoorbeeld welzijn-op-recept.yaml): een id staat in links en opdrachten
data-not-an-email-address = "{ $value }" is geen e-mailadres
data-not-an-email-address-hint = schrijf een adres zoals communicatie@voorbeeld.nl
data-unsubscribe-not-https-or-mailto = "{ $value }" is geen https://- of mailto:-adres
data-unsubscribe-not-https-or-mailto-hint = de kopregel List-Unsubscribe vraagt om https://… (afmelden met één klik) of mailto:…
data-images-url-not-a-folder = "{ $value }" is geen https://-adres van een map
data-images-url-not-a-folder-hint = schrijf het adres van de map waarin de afbeeldingen van de grafieken komen, bijvoorbeeld https://www.example.org/nieuwsbrief/ (https, zonder ? of #): e-mailprogramma's laden afbeeldingen alleen via https
data-listed-twice = "{ $value }" staat twee keer in de lijst
data-listed-twice-hint = verwijder deze regel; dit is al regel { $first }
data-abbreviation-defined-twice = de afkorting "{ $abbreviation }" wordt twee keer uitgelegd
data-abbreviation-defined-twice-hint = houd één uitleg over; de andere is regel { $first } ("{ $meaning }")
data-ladder-size = de fasenladder heeft { $count } fasen; er moeten er { $min } tot en met { $max } zijn
data-ladder-size-hint = zet de fasen van het programma in de volgorde van de ladder, elk als "- naam: ..." (de grafieken onderscheiden er hoogstens zes)
data-phase-name-one-line = de naam van een fase is één regel tekst, zonder spaties ervoor of erna
data-phase-name-one-line-hint = schrijf de naam zoals de documenten hem tonen, bijvoorbeeld "naam: Initiatiefase"
data-phase-on-ladder-twice = de fase "{ $phase }" staat twee keer op de ladder
data-phase-on-ladder-twice-hint = houd er één over; de andere is fase { $first } ("{ $other }")
data-period-described-twice = de periode { $period } wordt twee keer beschreven
data-period-described-twice-hint = voeg de twee samen
data-box-unplaced = bij dit kader staat niet waar het komt
data-box-unplaced-hint = voeg "plaats: algemene_informatie", "plaats: programmaorganisatie_begin", "plaats: programmaorganisatie" of "plaats: definities" toe
data-box-has-period = een kader van een rapportage hoort bij de periode van die rapportage
data-box-has-period-hint = haal "periode" hier weg
data-not-a-web-address = "{ $value }" is geen web- of e-mailadres
data-not-a-web-address-hint = schrijf een volledig adres dat begint met https://, http:// of mailto:
data-image-remote = de afbeelding "{ $url }" staat op een andere website
data-image-remote-hint = de documenten zijn op zichzelf compleet: een afbeelding van elders zou het apparaat van elke lezer contact laten maken met die website (een volgrisico onder de AVG); laat de afbeelding weg
data-image-in-text = de afbeelding "{ $url }" kan niet getoond worden
data-image-in-text-hint = koers neemt geen afbeeldingen uit teksten op; laat de afbeelding weg
data-text-link-not-web = de link "{ $url }" is geen web- of e-mailadres
data-text-link-not-web-hint = een link in een tekst moet beginnen met https://, http:// of mailto:
data-box-empty = dit kader heeft geen tekst en geen linkregel
data-box-empty-hint = voeg "tekst: ..." of "link: { "{" } tekst: ..., url: https://... { "}" }" toe, of verwijder het kader
data-link-without-address = de linkregel "{ $text }" heeft geen adres, dus de documenten laten hem weg
data-link-without-address-hint = voeg "url: https://…" toe met het adres waarnaar hij verwijst, of verwijder de regel
data-volgorde-taken = volgorde { $volgorde } wordt ook gebruikt door themalijn "{ $other }"
data-volgorde-taken-hint = geef elke themalijn een eigen plaats
data-project-listed-twice = project "{ $project }" staat twee keer in de lijst
data-no-such-project = er is geen project "{ $project }"
data-no-such-project-hint-dir = de projecten zijn de bestanden in { $dir }/projecten/
data-project-of-other-themalijn = project "{ $project }" hoort bij themalijn "{ $own }", niet bij "{ $listed }"
data-project-of-other-themalijn-hint = zet het in de lijst van zijn eigen themalijn, of wijzig de themalijn van het project
data-page-order = de paginavolgorde { $what }
data-page-order-lacks = mist { $projects }
data-page-order-extra = noemt { $projects }, niet uit "projecten"
data-page-order-twice = noemt een project twee keer
data-page-order-hint = noem elke id uit "projecten" één keer, in de volgorde van de projectpagina's
data-end-before-start = het einde ({ $end }) ligt vóór de start ({ $start })
data-end-before-start-hint = draai ze om of verbeter een van de twee maanden
data-no-phase = voor dit project is geen fase vastgelegd
data-no-phase-hint = leg die vast: koers fase { $id } FASE --sinds JJJJ-MM
data-no-results-latest-period = geen resultaten in de laatste rapportageperiode ({ $period })
data-no-results-latest-period-hint = voeg toe wat er bereikt is, met "periode: { $period }"
data-no-such-themalijn = er is geen themalijn "{ $themalijn }"
data-known-themalijnen = bekende themalijnen: { $themalijnen }
data-project-not-in-themalijn-list = project "{ $project }" ontbreekt in de projectenlijst van themalijn "{ $themalijn }"
data-project-not-in-themalijn-list-hint = voeg "{ $project }" toe aan "projecten" in { $file }, op de plaats waar het in de tabel hoort
data-own-parent = een project kan niet zijn eigen hoofdproject zijn
data-own-parent-hint = haal "hoofdproject" weg of noem een ander project
data-parent-cycle = de hoofdprojecten vormen een kring: { $cycle }
data-parent-cycle-hint = een project kan niet (via een ander) zijn eigen hoofdproject zijn: haal één "hoofdproject" weg
data-result-after-report-date = dit resultaat is gerapporteerd in { $period }, na de rapportagedatum { $report_month }
data-result-after-report-date-hint = een resultaat is iets wat gebeurd is: verbeter de periode, of maak de documenten met een latere --date
data-result-period-after-end = dit resultaat is gerapporteerd in { $period }, na het einde van het project ({ $end })
data-result-period-after-end-hint = een project rapporteert resultaten tot zijn einde: verbeter de periode of het "einde" van het project
data-result-month-after-end = dit resultaat ({ $month }) valt na het einde van het project ({ $end })
data-correct-month-or-end = verbeter de maand of het "einde" van het project
data-result-month-after-report-date = dit resultaat is gedateerd { $month }, na de rapportagedatum { $report_month }
data-result-month-after-report-date-hint = een resultaat is iets wat gebeurd is: verbeter de maand, of maak de documenten met een latere --date
data-result-both-places = een resultaat heeft "periode" of "editie", niet allebei
data-result-both-places-hint = leg het vast waar het gerapporteerd is; een resultaat dat twee keer gerapporteerd is, staat er twee keer in
data-result-no-place = bij dit resultaat staat niet waar het gerapporteerd is: voeg "periode" of "editie" toe
data-result-no-place-hint = "periode: 2024-H1" voor de rapportage van een halfjaar, "editie: 2025-04" (of 2025-Q3) voor een editie van de nieuwsbrief
data-project-box-no-period = een kader op een projectpagina heeft de rapportageperiode nodig waar het bij hoort
data-project-box-no-period-hint = voeg "periode: JJJJ-H1" (of H2) toe
data-project-box-plaats = "plaats" is voor de kaders van een rapportage in koers.yaml
data-project-box-plaats-hint = haal het weg: de kaders van een project staan aan het eind van zijn pagina
data-phase-ladder-names = de fasen van de ladder in koers.yaml ("fasen") zijn: { $phases }
data-phase-not-on-ladder = "{ $phase }" is geen fase van de ladder in koers.yaml
data-step-both-places = een stap heeft "periode" of "editie", niet allebei
data-step-both-places-hint = leg hem vast waar hij gerapporteerd is
data-step-undated = bij de stap naar { $phase } staat niet sinds wanneer, en ook niet waar hij gerapporteerd is
data-step-undated-hint = voeg "sinds: JJJJ-MM" toe (de maand waarin hij begon), of "periode: 2024-H1" / "editie: 2025-04" (de rapportage die hem vermeldt); koers dateert een fase nooit terug naar de start van het project
data-step-after-its-report = deze fase begint ({ $since }) na de rapportage die hem vermeldt ({ $key } { $period })
data-step-after-its-report-hint = verbeter de maand of de rapportage
data-step-after-report-date = deze fase is gerapporteerd in { $period }, na de rapportagedatum { $report_month }
data-step-after-report-date-hint = verbeter de periode, of maak de documenten met een latere --date
data-step-after-end = deze fase begint ({ $since }) na het einde van het project ({ $end })
data-phase-history-order = de fasen staan niet op volgorde van datum: { $later } ligt niet na { $earlier }
data-phase-history-order-hint = zet de oudste fase bovenaan, en elke volgende met een latere maand
data-phase-follows-itself = { $phase } volgt op zichzelf
data-phase-follows-itself-hint = verwijder de herhaling, of leg een latere rapportage die de fase bevestigt vast met "periode" of "editie" in plaats van "sinds"
data-step-back-needs-reason = een stap terug van { $from } naar { $to } heeft een reden nodig
data-step-back-needs-reason-hint = voeg "reden: ..." toe met de uitleg waarom het project terugging
data-block-empty = dit blok toont niets
data-block-empty-hint = een blok is een kop "thema", een bericht "project", een "item" of het blok "uitgelicht"
data-block-two-things = een blok is één ding: dit blok is al "{ $first }"
data-block-two-things-hint = maak van "{ $second }" een eigen blok
data-block-key-of-project = "{ $key }" hoort bij een blok "project"
data-block-key-of-project-hint = haal het weg, of zet het bij het blok van het project waar het over gaat
data-thema-no-links = een kop "thema" heeft geen links
data-thema-no-links-hint = zet de links bij het blok waar ze onder horen
data-no-such-project-hint = de projecten zijn de bestanden in projecten/; de id is de bestandsnaam zonder .yaml
data-block-project-no-results = project "{ $project }" heeft geen resultaat gerapporteerd in editie { $edition }
data-block-project-no-results-hint = voeg een resultaat met "editie: { $edition }" toe aan projecten/{ $project }.yaml, of verwijder dit blok
data-block-results-empty = een lege lijst toont geen resultaat
data-block-results-empty-hint = laat "resultaten" weg om alle resultaten van het project in deze editie te tonen
data-block-no-such-result = project "{ $project }" heeft { $count ->
        [one] 1 resultaat
       *[other] { $count } resultaten
    } in editie { $edition }: er is geen resultaat { $number }
data-block-no-such-result-hint = nummer de resultaten met "editie: { $edition }" in projecten/{ $project }.yaml vanaf 1, in de volgorde van het bestand
data-block-result-shown-twice = resultaat { $number } van project "{ $project }" staat al in blok { $block }
data-block-result-shown-twice-hint = haal het hier weg, of geef dit blok een "kop" om het resultaat onder een andere kop te herhalen
data-edition-result-not-shown = dit resultaat is gerapporteerd in editie { $edition }, maar die editie toont het niet
data-edition-result-not-shown-hint-number = voeg { $number } toe aan de "resultaten" van een blok "project: { $project }" in nieuwsbrief/{ $edition }.yaml
data-edition-result-not-shown-hint-block = voeg "- project: { $project }" toe aan "blokken" in nieuwsbrief/{ $edition }.yaml
data-abbreviation-not-in-glossary = de afkorting "{ $abbreviation }" wordt gebruikt ({ $count ->
        [one] één keer
       *[other] in { $count } teksten
    }) maar staat niet in de lijst met afkortingen
data-abbreviation-not-in-glossary-hint = voeg hem toe onder "afkortingen" in koers.yaml (- { "{" } afkorting: { $abbreviation }, betekenis: ... { "}" }); is het een naam, of geeft geen bron de betekenis, zet hem dan onder "geen_afkortingen" in koers.yaml

## The informatiepakket and the house style.
data-budget-unbalanced = de begroting is niet in evenwicht: de baten tellen op tot { $baten }, de lasten tot { $lasten }
data-budget-unbalanced-hint = verbeter de regel die niet klopt, of verantwoord het verschil ({ $difference }) op een eigen regel, zoals de bron doet met "Positief resultaat"
data-budget-reserves-differ = de risicoreserve bij de lasten ({ $lasten }) verschilt van die bij de baten ({ $baten })
data-budget-reserves-differ-hint = de reserve staat aan beide kanten van de begroting, met hetzelfde bedrag
data-owner-count = de tekst spreekt van { $stated } eigenaren, maar koers.yaml noemt er { $owners }
data-owner-count-hint = verbeter het getal hier, of de lijst "eigenaren" in koers.yaml
data-fte-invalid = { $value } is geen aantal fte
data-fte-invalid-hint = schrijf fte als een getal van minstens 0 met hoogstens twee cijfers achter de punt, bijvoorbeeld 3.31
data-fte-total-differs = het opgegeven totaal van { $stated } fte verschilt van de som van de { $count } functies ({ $sum } fte)
data-fte-total-differs-hint = de documenten drukken de som af: zet het totaal op { $sum }, of verbeter de functie die niet klopt
data-fte-total-invalid-hint = schrijf het totaal als een getal met hoogstens twee cijfers achter de punt: { $sum }
data-budget-total-differs = het opgegeven totaal van de { $side } ({ $stated }) verschilt van de som van { $lines ->
        [one] de ene regel
       *[other] de { $lines } regels
    } ({ $sum })
data-budget-total-differs-hint = de documenten drukken de som af: zet het totaal op { $sum }, of verbeter de regel die niet klopt
data-budget-reserve-missing = de { $side } geven een totaal inclusief de reserve, maar geen "risicoreserve"
data-budget-reserve-missing-hint = voeg "risicoreserve:" toe met het bedrag, of haal "totaal_incl_reserve" weg
data-budget-total-with-reserve-differs = het opgegeven totaal inclusief de reserve van de { $side } ({ $stated }) verschilt van de som van { $lines ->
        [one] de ene regel
       *[other] de { $lines } regels
    } plus de risicoreserve ({ $sum } + { $reserve } = { $total })
data-budget-total-with-reserve-differs-hint = de documenten drukken de som af: zet het op { $total }, of verbeter de regel of de reserve die niet klopt
data-themalijn-listed-twice = themalijn "{ $themalijn }" staat twee keer in de lijst
data-projects-are-files = de projecten zijn de bestanden in projecten/
data-list-under-own-themalijn = zet het onder zijn eigen themalijn
data-colour-invalid = "{ $value }" is geen kleur in de vorm #rrggbb
data-colour-invalid-hint = schrijf de kleur als # en zes hexadecimale tekens, bijvoorbeeld "#005f73"
data-colour-white = wit
data-colour-contrast = tekst in { $text } { $colour } op { $background } heeft een contrast van { $contrast }:1, minder dan 4.5:1
data-colour-contrast-hint = kies een donkerdere { $text } of een lichtere { $background }: tekst moet leesbaar blijven (WCAG 1.4.3)

## Loading the data directory and its images.
data-file-ignored = dit bestand hoort niet bij het gegevensformaat en wordt overgeslagen
data-file-ignored-hint = de gegevensbestanden zijn koers.yaml, regioplan.yaml, informatiepakket.yaml, themalijnen/<id>.yaml, projecten/<id>.yaml en nieuwsbrief/<editie>.yaml
data-symlink-skipped = dit is een symbolische koppeling en wordt niet gelezen
data-symlink-skipped-hint = koers leest alleen de eigen bestanden van de gegevensmap: zet het bestand (of de map) zelf hier
data-programme-file-missing = het programmabestand koers.yaml ontbreekt
data-programme-file-missing-hint = elke gegevensmap heeft koers.yaml nodig, met het programma, de fasen en de gemeenten (zie README.md)
data-edition-file-name = de bestandsnaam: { $message }
data-edition-file-name-hint = geef een editiebestand de naam van zijn maand of kwartaal, bijvoorbeeld nieuwsbrief/2025-04.yaml of nieuwsbrief/2025-Q3.yaml
data-figure-no-alt = de figuur heeft geen alt-tekst
data-figure-no-alt-hint = beschrijf wat de figuur laat zien, voor lezers die hem niet kunnen zien
data-figure-unreadable = de figuur "{ $file }" kan niet gelezen worden: { $why }
data-figure-unreadable-hint = geef het pad vanaf de gegevensmap, bijvoorbeeld figuren/ambitie.png, van een bestand in die map
data-no-such-file = dat bestand bestaat niet
data-logo-alt-empty = de alt-tekst van het logo is leeg
data-logo-alt-empty-hint = noem wat het logo laat zien, of laat logo_alt weg voor "Logo van { $name }"
data-logo-alt-without-logo = logo_alt is ingevuld, maar er is geen logo
data-logo-alt-without-logo-hint = geef het bestand van het logo op als huisstijl.logo, of laat logo_alt weg
data-logo-where-hint = geef het pad vanaf de gegevensmap, bijvoorbeeld logo.svg, van een PNG- of SVG-bestand in die map
data-logo-outside = het logo "{ $file }" is geen pad binnen de gegevensmap
data-logo-unreadable = het logo "{ $file }" kan niet gelezen worden: { $why }
data-logo-jpeg = het logo "{ $file }" is een JPEG-afbeelding, geen PNG of SVG
data-logo-jpeg-hint = sla het logo op als SVG (het best) of PNG: een logo heeft scherpe randen en een doorzichtige achtergrond nodig
data-logo-not-an-image = "{ $file }" is geen PNG- of SVG-afbeelding
data-logo-not-an-image-hint = sla het logo op als SVG (het best) of PNG, met de naam .svg of .png
data-logo-no-size = het logo "{ $file }" heeft geen grootte die koers kan lezen
data-logo-no-size-hint = geef de SVG een breedte en hoogte (of een viewBox), of gebruik een PNG-bestand
data-file-does-not-match = het bestand past niet bij het gegevensformaat: { $error }
data-dir-unreadable = de gegevensmap { $dir } kan niet gelezen worden: { $error }
data-dir-not-a-dir = { $dir } is geen map
data-file-outside = het bestand staat buiten de gegevensmap
data-not-a-file = het is geen bestand
data-image-how = gebruik een PNG-, JPEG- of SVG-bestand van hoogstens 5 MB in de gegevensmap
data-image-too-large = de afbeelding "{ $file }" is { $size } MB, meer dan 5 MB
data-image-unknown-kind = "{ $file }" is geen PNG-, JPEG- of SVG-afbeelding
data-image-misnamed = "{ $file }" bevat een { $kind }-afbeelding, maar de naam zegt iets anders
data-image-misnamed-hint = geef het bestand de extensie van wat het bevat: .png, .jpg/.jpeg of .svg

## The YAML of a file.
data-not-utf8 = het bestand is geen geldige UTF-8-tekst
data-not-utf8-hint = sla het bestand op als UTF-8 (in de meeste editors: "Opslaan met codering" → UTF-8)
data-file-empty = het bestand is leeg
data-file-empty-hint = vul het in (zie het gegevensformaat in README.md) of verwijder het
data-yaml-duplicate-key = het veld "{ $key }" staat twee keer in deze groep
data-yaml-duplicate-hint = elk veld mag maar één keer in een groep staan: verwijder er een of geef het een andere naam
data-yaml-tab-hint = spring in met spaties, niet met tabs
data-yaml-expands-hint = het bestand groeit te ver uit (ankers/verwijzingen of nesting): schrijf de waarden uit
data-yaml-syntax-hint = controleer het inspringen, en dat tekst met ': ' erin of met een bijzonder teken aan het begin tussen aanhalingstekens staat of als blok (|) geschreven is
data-yaml-invalid = ongeldige YAML: { $detail }
data-yaml-detail-tab = een tab waar alleen spaties mogen inspringen
data-yaml-detail-list-item = een regel van de lijst begint niet met "- "
data-yaml-detail-colon = een ": " op een plek waar geen veld mag beginnen
data-yaml-detail-unclosed = een haakje wordt niet gesloten
data-yaml-detail-quote = een aanhalingsteken wordt niet gesloten
data-yaml-detail-expands = het bestand groeit te ver uit
data-yaml-detail-indentation = het inspringen klopt hier niet
data-yaml-detail-other = het bestand is hier niet als YAML te lezen

## A data directory as at a commit of its repository.
data-git-not-a-revision = "{ $rev }" is geen versie van deze repository: geef een commit, een tag of HEAD~N (bijvoorbeeld HEAD~3 voor drie commits geleden); `git log --oneline` toont de commits (git: { $error })
data-git-invalid-date = git: commit { $commit } heeft een ongeldige datum
data-git-outside-repository = { $dir } staat niet in de repository { $repository }
data-git-reading = bij het lezen van { $dir } in { $rev }
data-git-no-data-directory = git: er is geen gegevensmap "{ $dir }" in { $rev }
data-git-not-in-commit = niet in die commit

## A defect of koers itself.
data-internal-error = interne fout (voor de ontwikkelaars: { $detail })
data-internal-error-hint = koers nam gegevens aan die het niet kan verwerken; meld dit alstublieft, met de gegevens erbij
