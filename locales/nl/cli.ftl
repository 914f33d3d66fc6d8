# The command line: --help of every command and flag, the man page, the command line's own errors.
# Ids: cli-<command path>-about, cli-<command path>-<argument>, cli-arg-<argument> (an argument
# with the same help in several commands), cli-value-<set>-<value>; composed in src/cli/help.rs.

cli-about = De documenten van een regionaal gezondheidsprogramma uit YAML-gegevens: de tussentijdse rapportage, het Regioplan, de nieuwsbrief "Even bijpraten" en het Informatiepakket.
cli-after-help =
    Afsluitcodes: 0 gelukt (er kunnen waarschuwingen getoond zijn); 1 de gegevens zijn ongeldig of het verzoek past er niet bij (een onbekend id, een ontbrekende editie, een geweigerde wijziging), er is niets geschreven; 2 een onjuiste opdrachtregel, of een fout bij lezen of schrijven, in git of in een sjabloon.
    Zet NO_COLOR om kleuren uit te schakelen.
cli-lang = De taal van meldingen en hulp: nl (Nederlands) of en (Engels). Standaard: die van de taalinstelling van het systeem (LANG), anders Engels
cli-init-about = Begin een nieuw programma in een lege map: koers.yaml, een themalijn, een project, de schema's, een CI-workflow en een README
cli-init-dir = De map van het nieuwe programma: die mag niet bestaan, of moet leeg zijn (een `.git` erin blijft staan)
cli-init-naam = De naam van het programma, bijv. "Gezond Rivierenland"
cli-init-regio = De regio, bijv. "Rivierenland"
cli-init-gemeenten = De gemeenten van de regio, gescheiden door komma's (standaard: nog geen; vul ze in koers.yaml in)
cli-init-email = Het e-mailadres voor contact met het programma
cli-init-website = De website van het programma (https://…)
cli-init-themalijn = De naam van de eerste themalijn (standaard: een plaatshouder met "naam nog in te vullen")
cli-init-project = De naam van het eerste project (standaard: een plaatshouder met "naam nog in te vullen")
cli-init-project-start = De maand waarin het eerste project begon (JJJJ-MM): koers vult geen datum op de gok in
cli-init-werkagenda-einde = De laatste maand van de werkagenda: wat "doorlopend" betekent. Standaard: 2026-12, het einde van het Integraal Zorgakkoord
cli-init-fasen = De fasen, op volgorde, gescheiden door komma's (2 tot 6 fasen). Standaard: Initiatiefase, Definitiefase, Ontwerpfase, Voorbereidingsfase, Realisatiefase, Borgingsfase
cli-check-about = Controleer de gegevens (elk probleem met bestand, regel, kolom en een tip) en maak alle documenten in het geheugen: build-report zonder te schrijven
cli-check-message-format = Hoe meldingen worden getoond (dezelfde optie als bij build-report; --format mag ook)
cli-check-date = Rapportagedatum (JJJJ-MM-DD): resultaten mogen niet later gedateerd zijn. Standaard: vandaag
cli-check-data-only = Alleen de gegevens laden en controleren; de documenten niet in het geheugen maken
cli-build-report-about = Controleer de gegevens en maak dan de documenten in de uitvoermap (in één keer)
cli-build-report-out = De uitvoermap (als geheel vervangen wanneer het maken lukt). Alleen een map die koers schreef wordt vervangen
cli-build-report-period = Alleen deze perioden: een halfjaar (2024-H1) voor de rapportage, een maand (2025-04) of kwartaal (2025-Q3) voor de nieuwsbrief. Standaard: elke rapportage die koers.yaml noemt en elke editie
cli-build-report-draft = Met --period: maak de rapportage van een halfjaar dat koers.yaml niet noemt, als concept gemarkeerd met CONCEPT
cli-build-report-only = Alleen deze documenten
cli-build-report-format = Alleen deze formaten
cli-build-report-themalijn = Regioplan: alleen het deel van deze themalijn (een id, bijv. ouderen)
cli-build-report-project = Regioplan: alleen het deel van dit project (een id, bijv. valpreventie)
cli-build-report-with-later-projects = Regioplan: neem ook projecten op die na de vaststelling van het plan zijn toegevoegd
cli-build-report-templates = Map met sjablonen die de ingebouwde sjablonen per bestand vervangen. Standaard: templates/ naast de gegevensmap, als die er is
cli-build-report-date = Documentdatum (JJJJ-MM-DD): vervangt de eigen datum van elk document ("gepubliceerd" van een rapportage, "vastgesteld" van het regioplan, "verzonden" van een editie). Standaard: de datums in de gegevens; een rapportage zonder datum is een concept
cli-build-report-reference-doc = Een referentiedocument (.odt/.ott of .docx/.dotx) waarvan de ODT- of DOCX-bestanden de stijlen overnemen (koppen, tekst, tabellen), zoals in pandoc. Standaard: templates/reference.odt en templates/reference.docx als die er zijn, anders de stijlen van koers in de kleuren van theme.css
cli-build-report-rev = Maak de documenten van de gegevens en sjablonen zoals ze waren in deze git-revisie, zonder de werkmap aan te raken
cli-newsletter-about = Maak één editie van de nieuwsbrief, toon die, maak een concept voor een nieuw editiebestand (--new) of voeg de sindsdien vastgelegde resultaten toe (--update)
cli-newsletter-edition = De editie: een maand (2025-04) of een kwartaal (2025-Q3)
cli-newsletter-new = Schrijf een concept-editiebestand data/nieuwsbrief/<editie>.yaml met een blok voor elk project waarvan resultaten voor de editie zijn vastgelegd
cli-newsletter-update = Voeg aan het editiebestand een blok toe voor elk resultaat voor de editie dat nog in geen blok staat (de rest van het bestand blijft zoals het is)
cli-newsletter-dry-run = Met --new of --update: toon de wijziging als diff en schrijf niets
cli-newsletter-stdout = Toon één formaat op de standaarduitvoer in plaats van bestanden te schrijven
cli-newsletter-out = De uitvoermap. Alleen een map die koers schreef wordt vervangen
cli-newsletter-merge-tags = De schrijfwijze van samenvoegvelden van het mailprogramma
cli-newsletter-date = Documentdatum (JJJJ-MM-DD): de datum (Date) van het verzendklare bericht, in plaats van "verzonden" van de editie
cli-newsletter-templates = Map met sjablonen
cli-status-about = Elk project met zijn themalijn, huidige fase en sinds wanneer, begin, einde en resultaten per periode
cli-status-format = Uitvoerformaat: een tabel, of JSON voor scripts
cli-schema-about = Schrijf de JSON-schema's van de gegevensbestanden (voor aanvullen en controleren in de editor)
cli-schema-out = Map waarin de schemabestanden worden geschreven
cli-changes-about = Toon wat er in de gegevens veranderd is sinds een git-revisie: fasewisselingen, nieuwe resultaten, nieuwe en beëindigde projecten
cli-changes-since = De eerdere revisie (commit, tag, branch, HEAD~3, ...)
cli-changes-format = Uitvoerformaat
cli-project-about = Voeg een project toe, of beëindig er een: `project new ID ...`, `project einde ID JJJJ-MM`
cli-project-new-about = Maak projecten/ID.yaml en zet ID in de lijst met projecten van zijn themalijn
cli-project-new-id = Het id van het nieuwe project: kleine letters, cijfers en koppeltekens (de bestandsnaam)
cli-project-new-themalijn = De themalijn waar het bij hoort (een id, bijv. ouderen)
cli-project-new-naam = De naam, zoals de documenten die tonen
cli-project-new-start = De maand waarin het begon (JJJJ-MM), of "voor huidige werkagenda"
cli-project-new-einde = De maand waarin het eindigt, "doorlopend" of "nog niet bekend" (standaard: nog niet bekend)
cli-project-new-hoofdproject = Maak het een deelproject van dit project
cli-project-einde-about = Beëindig een project: zet zijn "einde" op een maand
cli-project-einde-einde = De maand waarin het eindigt (JJJJ-MM)
cli-fase-about = Leg een fasestap vast: het project is sinds een maand in FASE (een stap terug vraagt om --reden)
cli-fase-fase = De fase: een naam uit de fasen van koers.yaml (`fasen`), in hoofd- of kleine letters, met of zonder "fase"
cli-fase-sinds = De maand waarin het project de fase inging (JJJJ-MM)
cli-fase-reden = Waarom het project terugging naar een eerdere fase (verplicht bij een stap terug; staat in de rapportage)
cli-resultaat-about = Leg een resultaat vast, gemeld in een rapportage (--periode) of een editie van de nieuwsbrief (--editie)
cli-resultaat-tekst = Het resultaat, in Markdown (een zin of meer)
cli-resultaat-periode = Gemeld in de rapportage van dit halfjaar (JJJJ-H1 of JJJJ-H2)
cli-resultaat-editie = Gemeld in deze editie van de nieuwsbrief (JJJJ-MM of JJJJ-Qn). Als het bestand van de editie bestaat, krijgt het een blok voor het project als het er nog geen heeft
cli-resultaat-maand = De maand waarin het gebeurde, als u die weet (JJJJ-MM)
cli-rapportage-about = Leg een rapportageperiode vast: `rapportage new JJJJ-Hn` zet die in koers.yaml met de teksten die u nog invult
cli-rapportage-new-about = Leg de rapportage van een halfjaar vast in koers.yaml, met de tekstvelden die u nog invult
cli-rapportage-new-periode = Het halfjaar: JJJJ-H1 (januari t/m juni) of JJJJ-H2 (juli t/m december)
cli-serve-about = Bekijk elk document in de browser, opnieuw gemaakt en herladen wanneer de gegevens of sjablonen veranderen
cli-serve-port = De poort (0: een willekeurige vrije poort; het adres wordt getoond)
cli-serve-host = Het adres waarop geluisterd wordt. Alleen het standaardadres, 127.0.0.1, houdt het voorbeeld op deze computer; met een ander adres (0.0.0.0: elke netwerkaansluiting) kan iedereen die het bereikt elk document lezen, met een waarschuwing
cli-serve-open = Open het overzicht in de standaardbrowser
cli-serve-templates = Map met sjablonen die de ingebouwde sjablonen vervangen. Standaard: templates/ naast de gegevensmap, als die er is
cli-preview-worker-about = Het onderdeel van `koers serve` dat de documenten maakt, in een eigen proces (gestart door `serve`, niet met de hand)
cli-preview-worker-data = De gegevensmap
cli-completions-about = Toon een script voor het aanvullen van opdrachten in de shell (bash, zsh, fish, elvish, powershell)
cli-man-about = Toon de handleiding (man-pagina, roff) op de standaarduitvoer: `koers man > koers.1`

cli-value-diagnostic-format-human = Voor mensen: bestand:regel:kolom, de regel uit het bestand, een tip
cli-value-diagnostic-format-json = Een JSON-document met een vaste opbouw: {"{"}"errors": n, "warnings": n, "diagnostics": [...]{"}"}
cli-value-diagnostic-format-github = Workflow-opdrachten van GitHub Actions (::error file=…,line=…,col=…::message)
cli-value-document-kind-rapportage = De halfjaarlijkse voortgangsrapportage (tussentijdse rapportage)
cli-value-document-kind-regioplan = Het Regioplan, of een deel ervan
cli-value-document-kind-nieuwsbrief = De nieuwsbrief "Even bijpraten"
cli-value-document-kind-informatiepakket = Het Informatiepakket: eigenaren, sturing, bezetting, themalijnen en begroting
cli-value-format-md = Markdown (in de variant van GitHub, met tabellen en voetnoten)
cli-value-format-html = Een HTML-pagina die op zichzelf staat
cli-value-format-pdf = Een getagde PDF (PDF/UA-1, PDF/A-2a), opgemaakt met typst
cli-value-format-email = HTML die veilig is voor e-mail, met de opmaak (CSS) in de HTML zelf (alleen de nieuwsbrief)
cli-value-format-txt = Platte tekst, afgebroken op 72 tekens (alleen de nieuwsbrief)
cli-value-format-eml = Een verzendklaar bericht: MIME multipart/alternative met de tekst en de e-mail-HTML (alleen de nieuwsbrief)
cli-value-format-odt = Een bewerkbare OpenDocument-tekst (ODF 1.3) met benoemde stijlen (niet de nieuwsbrief)
cli-value-format-docx = Een bewerkbaar Word-document (Office Open XML) met benoemde stijlen (niet de nieuwsbrief)
cli-value-merge-tags-braces = {"{"}{"{"}email{"}"}{"}"}, {"{"}{"{"}unsubscribe{"}"}{"}"}, {"{"}{"{"}preferences{"}"}{"}"}, {"{"}{"{"}webversion{"}"}{"}"} (zoals Laposta en Brevo)
cli-value-merge-tags-mailchimp = {"*"}|EMAIL|*, *|UNSUB|*, *|UPDATE_PROFILE|*, *|ARCHIVE|* (Mailchimp)
cli-value-stdout-format-email = De e-mail-HTML om in het mailprogramma te plakken (de grafiek alleen uit de online kopie, nieuwsbrief.afbeeldingen_url)
cli-value-stdout-format-html = De webpagina
cli-value-stdout-format-txt = Platte tekst
cli-value-stdout-format-md = Markdown

cli-arg-colophon = Toon de herkomst (versie van koers, commit van de bron) op de documenten; die staat altijd in hun metadata
cli-arg-data = De gegevensmap
cli-arg-dry-run = Toon de wijziging als diff en schrijf niets
cli-arg-force = Vervang een --out-map die koers niet schreef, met alles erin (nooit de gegevens, sjablonen, de hoofdmap van de repository, de thuismap of /)
cli-arg-merge-tags = De schrijfwijze van samenvoegvelden van het mailprogramma voor de e-mail van de nieuwsbrief
cli-arg-message-format = Hoe meldingen worden getoond (json: de meldingen zijn de standaarduitvoer, dus de geschreven bestanden worden niet opgesomd)
cli-arg-project = Het id van het project
cli-arg-quiet = Som de geschreven bestanden niet op

## The placeholders of the values (<DIR>, <YYYY-MM>): cli-value-name-<placeholder>.
cli-value-name-dir = MAP
cli-value-name-date = DATUM
cli-value-name-text = TEKST
cli-value-name-file = BESTAND
cli-value-name-address = ADRES
cli-value-name-names = NAMEN
cli-value-name-period = PERIODE
cli-value-name-edition = EDITIE
cli-value-name-format = FORMAAT
cli-value-name-lang = TAAL
cli-value-name-rev = REVISIE
cli-value-name-id = ID
cli-value-name-url = URL
cli-value-name-yyyy-mm = JJJJ-MM
cli-value-name-yyyy-hn = JJJJ-Hn
cli-value-name-yyyy-mm-yyyy-qn = JJJJ-MM|JJJJ-Qn
cli-value-name-yyyy-mm-doorlopend-nog-niet-bekend = JJJJ-MM|doorlopend|"nog niet bekend"
cli-value-name-message-format = MELDINGSFORMAAT
cli-value-name-merge-tags = SAMENVOEGVELDEN
cli-value-name-only = DOCUMENT
cli-value-name-port = POORT
cli-value-name-project = PROJECT
cli-value-name-fase = FASE
cli-value-name-tekst = TEKST
cli-value-name-shell = SHELL

## Clap's own words: the help flags and command, the headings, the inline notes, the man page.
cli-help-flag = Toon deze hulp
cli-help-flag-more = Toon deze hulp (meer met '--help')
cli-help-flag-summary = Toon deze hulp (een samenvatting met '-h')
cli-version-flag = Toon de versie
cli-help-command = Toon deze hulp of die van de genoemde opdracht(en)
cli-help-command-arg = Toon de hulp van de opdracht(en)
cli-heading-usage = Gebruik
cli-heading-commands = Opdrachten
cli-heading-arguments = Argumenten
cli-heading-options = Opties
cli-value-name-command = OPDRACHT
cli-inline-default = [standaard:{" "}
cli-inline-possible-values = [mogelijke waarden:{" "}
cli-inline-possible-values-list = Mogelijke waarden:
cli-inline-env = [omgevingsvariabele:{" "}
cli-inline-aliases = [ook:{" "}
cli-inline-alias = [ook:{" "}
cli-inline-options = [OPTIES]
cli-inline-options-man = [opties]
cli-inline-subcommands-man = <opdrachten>
cli-manpage-name = NAAM
cli-manpage-synopsis = OVERZICHT
cli-manpage-description = BESCHRIJVING
cli-manpage-options = OPTIES
cli-manpage-subcommands = OPDRACHTEN
cli-manpage-extra = VERDER
cli-manpage-version = VERSIE
cli-manpage-authors = AUTEURS

## A value the command line's own parsers refuse (English prints the parser's own words).
cli-value-not-a-date = "{ $value }" is geen datum: schrijf die als JJJJ-MM-DD, bijv. 2024-03-15
cli-value-not-a-port = "{ $value }" is geen poort: schrijf een getal van 0 tot en met 65535
cli-value-not-an-address = "{ $value }" is geen IP-adres: schrijf bijv. 127.0.0.1 of 0.0.0.0

## The command line's parse errors (Dutch rendering; English prints clap's own).
cli-error-label = fout
cli-error-tip = tip: { $tip }
cli-error-did-you-mean = bedoelt u '{ $suggestion }'?
cli-error-unknown-option = onbekende optie '{ $arg }'
cli-error-unexpected-argument = onverwacht argument '{ $arg }'
cli-error-unknown-command = onbekende opdracht '{ $command }'
cli-error-value-missing = '{ $arg }' vraagt om een waarde, maar er is geen gegeven
cli-error-invalid-value = ongeldige waarde '{ $value }' voor '{ $arg }'
cli-error-accepted-values = {"  "}[mogelijke waarden: { $values }]
cli-error-value-refused = ongeldige waarde '{ $value }' voor '{ $arg }': { $reason }
cli-error-missing-required = { $count ->
    [one] dit verplichte argument ontbreekt:
   *[other] deze verplichte argumenten ontbreken:
}
cli-error-missing-command = er ontbreekt een opdracht
cli-error-conflict = '{ $arg }' kan niet samen met { $other } gebruikt worden
cli-error-conflict-self = '{ $arg }' mag maar één keer gegeven worden
cli-error-no-equals = geef de waarde van '{ $arg }' met een is-gelijkteken ('{ $arg }=…')
cli-error-too-many-values = onverwachte waarde '{ $value }' voor '{ $arg }'; er werden er niet meer verwacht
cli-error-wrong-number-of-values = een onjuist aantal waarden voor '{ $arg }'
cli-error-invalid-utf8 = een of meer argumenten bevatten ongeldige UTF-8
cli-error-other = { $message }
cli-error-more = Meer informatie: probeer '--help'.
