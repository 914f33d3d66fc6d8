# Building and publishing: build-report, check's rendering, serve and its preview, the writers.

## The output guard (src/publish/guard.rs): an output directory koers will not replace.

build-refused-protected = koers schrijft de uitvoer niet naar { $path }: dat is { $what }, en koers vervangt de uitvoermap in zijn geheel. Kies een andere --out (standaard out/); --force verandert hier niets aan
build-refused-inside-protected = koers schrijft de uitvoer niet naar { $path }: dat ligt in { $what }. Kies een --out daarbuiten (standaard out/); --force verandert hier niets aan
build-refused-symlink = koers schrijft de uitvoer niet naar { $path }: dat is een symbolische koppeling, en koers vervangt alleen een map die het zelf heeft geschreven. Kies een andere --out, of verwijder de koppeling
build-refused-not-a-directory = koers schrijft de uitvoer niet naar { $path }: dat is een bestaand bestand, geen map die koers heeft geschreven. Kies een andere --out
build-refused-not-koers = koers vervangt { $path } niet: { $reason }. koers vervangt alleen een map die het zelf heeft geschreven. Kies een andere --out, of geef --force om deze map met alles erin te vervangen
# What a protected output path is ($what above).
build-protected-root = de hoofdmap /
build-protected-home = uw thuismap
build-protected-contains-home = een map waarin uw thuismap staat
build-protected-repo = de hoofdmap van de git-repository
build-protected-contains-repo = een map waarin de git-repository staat
build-protected-data = de gegevensmap
build-protected-templates = de sjablonenmap
build-protected-contains-data = een map waarin de gegevensmap { $dir } staat
build-protected-contains-templates = een map waarin de sjablonenmap { $dir } staat
build-protected-inside-data = de gegevensmap { $dir }
build-protected-inside-templates = de sjablonenmap { $dir }
# Why a directory is not one koers wrote ($reason above).
build-foreign-unreadable = de inhoud is niet te lezen ({ $error })
build-foreign-no-manifest = de map is niet leeg en heeft geen manifest.json van koers
build-foreign-other-manifest = de manifest.json in de map is niet door koers geschreven
build-foreign-unlisted = er staan bestanden in die niet in de manifest.json van koers staan ({ $files })
build-foreign-and-more = en nog { $count }

## Preparing a build (src/pipeline): the data, the templates, the date, the documents asked for.

build-rev-needs-git = --rev werkt alleen als de gegevensmap in een git-repository staat
build-template-ignored = dit bestand is geen sjabloon dat koers gebruikt; het wordt genegeerd
build-template-ignored-hint = de sjabloonbestanden zijn: { $templates }
build-no-date = de documenten hebben een datum nodig, en die is niet bekend: de gegevens noemen geen rapportage of editie en staan niet in een git-repository. Geef er een op met --date JJJJ-MM-DD
build-reading-templates = bij het lezen van de sjablonen uit { $dir }
build-period-no-rapportage = --period { $period }: koers.yaml noemt geen rapportage voor { $period }
build-period-no-rapportage-hint = voeg die toe met `koers rapportage new { $period }`, of maak een concept met --draft (gemarkeerd als CONCEPT)
build-no-such-themalijn = --themalijn { $themalijn }: die themalijn bestaat niet
build-no-such-themalijn-hint = de themalijnen zijn: { $themalijnen }
build-no-such-project = --project { $project }: dat project bestaat niet
build-no-such-project-hint = `koers status` toont de projecten
build-period-no-edition = --period { $period }: er is geen nieuwsbrief-editie { $period }
build-period-no-edition-hint = maak er een opzet van met `koers newsletter { $period } --new`
build-preview-not-built = nog niet gemaakt

## The writers (src/render): a template, a view or a file that could not be made.

build-render-template = sjabloon { $template }: { $message }
build-render-view = de weergave van { $document }: { $message }
build-render-view-lacks-format = die heeft geen { $format }
build-style-unclosed-var = een niet afgesloten var( in de opmaak
build-style-unknown-property = de opmaak gebruikt --{ $name }, maar theme.css definieert die niet
build-email-inline-css = bij het verwerken van de CSS van de e-mail: { $error }

## koers serve (src/cli/cmd/serve): its terminal and its pages in the browser.

build-serve-no-data-dir = de gegevensmap { $dir } bestaat niet
build-serve-serving = bij het tonen van de voorbeeldweergave
build-serve-port-in-use = poort { $port } op { $host } is al in gebruik (door een andere koers serve?); kies een andere met --port, bijvoorbeeld --port { $other }
build-serve-listening-on = bij het luisteren op { $host }:{ $port }
build-serve-open-to-network = luistert op { $host }: iedereen die deze computer op poort { $port } kan bereiken, kan elk document lezen, ook de concepten (koers serve heeft geen inlog); gebruik dit alleen op een netwerk dat u vertrouwt
build-serve-open-to-network-all = luistert op { $host } (elke netwerkaansluiting): iedereen die deze computer op poort { $port } kan bereiken, kan elk document lezen, ook de concepten (koers serve heeft geen inlog); gebruik dit alleen op een netwerk dat u vertrouwt
# The watched directories: the data and the templates.
build-serve-dirs-two = { $first } en { $second }
build-serve-built = gemaakt in { $seconds } s; houdt { $dirs } in de gaten (maakt de documenten opnieuw zodra u opslaat; Ctrl-C stopt)
build-serve-loopback-only = luistert alleen op { $host }: andere computers kunnen geen verbinding maken (wijzig dat met --host)
build-serve-starting-watcher = bij het starten van de bewaking van de bestanden
build-serve-watching = bij het bewaken van { $dir }
build-serve-not-found-title = Niet gevonden
build-serve-not-found = Er is geen document op { $path }.
build-serve-all-documents = Alle documenten
build-serve-too-many-streams = te veel open verbindingen voor het automatisch herladen
build-serve-data-errors = { $count ->
    [one] De gegevens bevatten 1 fout
   *[other] De gegevens bevatten { $count } fouten
}
build-serve-not-rendered = Een document kon niet worden gemaakt
build-serve-problem-explanation = Elke pagina toont dit totdat het probleem is opgelost; de pagina laadt vanzelf opnieuw wanneer u opslaat.
build-serve-no-browser = kon geen browser openen ({ $program }: { $error }); open { $url } zelf
build-serve-wrong-host = koers serve beantwoordt alleen verzoeken voor localhost of het eigen adres, niet voor { $host }: de pagina van een andere site mag de voorbeeldweergave niet lezen (DNS-rebinding). Open in plaats daarvan http://localhost:POORT/.
build-serve-rebuilt-pages = pagina's opnieuw gemaakt: { $rendered } gemaakt, { $changed } gewijzigd, { $ms } ms
build-serve-rebuilt-pdfs = pdf's opnieuw gemaakt: { $rendered } gemaakt, { $changed } gewijzigd, { $ms } ms
build-serve-data-invalid = de gegevens zijn ongeldig: elke pagina toont de meldingen totdat ze zijn opgelost
build-worker-unknown-request = onbekend verzoek { $request }
build-worker-finding-exe = bij het zoeken van het programma koers
build-worker-starting = bij het starten van het maken van de pagina's (koers preview-worker)
build-worker-what-pages = de pagina's (HTML, Markdown, e-mail, tekst)
build-worker-what-pdfs = de pdf's
build-worker-stopped = het maken van de pagina's is gestopt ({ $error }); het start opnieuw bij de volgende keer opslaan
build-worker-failed-because = het maken van { $what } is onverwacht gestopt ({ $error }); koers probeert het opnieuw bij de volgende keer opslaan
build-worker-failed = het maken van { $what } is onverwacht gestopt; koers probeert het opnieuw bij de volgende keer opslaan
build-worker-timeout = het maken van { $what } duurde langer dan { $seconds } s en is gestopt. Misschien herhaalt een sjabloon zich eindeloos (een onderdeel dat zichzelf aanroept, lussen binnen lussen), of wordt een typst-document nooit klaar met de opmaak (een `while` waarvan de voorwaarde waar blijft). Herstel het en sla op: koers probeert het opnieuw bij elke keer opslaan. (De limiet is KOERS_SERVE_TIME_LIMIT, in seconden.)

## The writers' files: the newsletter's view, the e-mail, the charts, the PDF, the reference documents.

build-view-no-edition = er is geen nieuwsbrief-editie { $period } (geen bestand nieuwsbrief/{ $period }.yaml)
build-email-bad-address = "{ $address }" is geen e-mailadres: { $error }
build-email-building = bij het samenstellen van het bericht: { $error }
build-chart-svg = SVG van de grafiek: { $error }
build-chart-size = formaat van de grafiek
build-chart-png = PNG van de grafiek: { $error }
build-figure-not-an-image = geen PNG-, JPEG- of SVG-afbeelding
build-pdf-date-out-of-range = de datum { $date } valt buiten het bereik van typst
build-pdf-writing-layout = bij het schrijven van de pagina-indeling { $path }: { $error }
build-pdf-writing-source = bij het schrijven van de typst-bron { $path }: { $error }
build-pdf-writing-trace = bij het schrijven van de typst-tijdmeting { $path }: { $error }
# Where a typst error is: in koers.typ or in the document koers generated.
build-pdf-generated-document = gegenereerd document
build-pdf-error-place = { $file }, regel { $line }: { $text }
build-reference-unreadable = het referentiedocument is niet te lezen: { $error }
build-reference-not-zip = geen ODT- of DOCX-document ({ $error }); sla de huisstijl vanuit uw kantoorprogramma op als .odt of .docx
build-reference-not-utf8 = { $name } is geen UTF-8-tekst
build-reference-not-text = een OpenDocument-bestand van het type { $mime }, geen tekstdocument; gebruik een Writer-document (.odt) of -sjabloon (.ott)
build-reference-odt-no-styles = de ODT heeft geen styles.xml
build-reference-neither = geen ODT (geen mimetype) en geen DOCX (geen word/styles.xml); sla de huisstijl vanuit uw kantoorprogramma op als .odt of .docx
build-reference-xml-invalid = { $part } is geen geldige XML: { $error }
build-reference-odt-no-named-styles = styles.xml heeft geen office:styles (benoemde stijlen)
build-reference-docx-not-styles = word/styles.xml is geen w:styles-onderdeel
build-reference-styles-invalid = de stijlen zijn geen geldige XML: { $error }
build-reference-styles-unended = het hoofdelement van de stijlen wordt niet afgesloten
build-reference-prefix-taken = de stijlen koppelen het voorvoegsel { $prefix }: aan { $bound }, niet aan { $uri }; sla de huisstijl opnieuw op vanuit uw kantoorprogramma
build-zip-truncated = afgebroken
build-zip-not-zip = geen ZIP-archief (het einde van de centrale inhoudsopgave ontbreekt)
build-zip-zip64 = ZIP64-archieven worden niet ondersteund
build-zip-broken-directory = beschadigde centrale inhoudsopgave
build-zip-method = compressiemethode { $method } wordt niet ondersteund
build-zip-encrypted = versleutelde bestanden worden niet ondersteund
build-zip-too-large = groter dan { $mib } MiB
build-zip-broken-header = beschadigde lokale kop
build-zip-checksum = controlegetal klopt niet

## Writing the output (src/publish): what was being done when the file system said no.

build-write-creating = bij het aanmaken van { $path }
build-write-opening-lock = bij het openen van het vergrendelbestand { $path }
build-write-locking = bij het vergrendelen van { $path }
build-write-creating-temporary = bij het aanmaken van een tijdelijke map in { $path }
build-write-writing = bij het schrijven van { $path }
build-write-moving-aside = bij het opzijzetten van de vorige { $path }
build-write-moving-in = bij het verplaatsen van de nieuwe uitvoer naar { $path }
build-write-removing-previous = bij het verwijderen van de vorige uitvoer { $path }
