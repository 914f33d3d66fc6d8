//! `koers init`: the files of a new programme, for any region — its koers.yaml, one themalijn,
//! one project, the JSON Schemas, a CI workflow that publishes the documents, and a README for the
//! secretary. Nothing in them is dated by guess: the first project's start is given, no phase is
//! recorded (`koers check` warns until one is), and the one rapportage declared is the current
//! half year's, a draft (CONCEPT) until it is given a publication date.

use crate::core::dates::{Month, Period, Start};
use crate::load::DataSource;
use std::io;
use std::path::{Path, PathBuf};

/// What the programme is given on the command line.
#[derive(Debug, Clone)]
pub struct InitOptions {
    pub naam: String,
    pub regio: String,
    pub gemeenten: Vec<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// The name of the first themalijn and of its first project; None: a placeholder, marked
    /// "(naam nog in te vullen)" in the data and so in every document, until it is filled in.
    pub themalijn: Option<String>,
    pub project: Option<String>,
    pub project_start: Start,
    pub werkagenda_einde: Month,
    /// The phase ladder, in order ([`STANDAARD_FASEN`] unless the programme names its own).
    pub fasen: Vec<String>,
    /// The month `koers init` runs: its half year is the rapportage declared (as a draft).
    pub nu: Month,
}

/// The phase ladder `koers init` writes when none is given: the six phases of the project
/// management method many programmes use (a programme with other phases gives its own, or edits
/// `fasen` in koers.yaml).
pub const STANDAARD_FASEN: [&str; 6] =
    ["Initiatiefase", "Definitiefase", "Ontwerpfase", "Voorbereidingsfase", "Realisatiefase", "Borgingsfase"];

/// The files of the new programme: (path relative to its directory, text).
pub fn files(o: &InitOptions) -> Vec<(PathBuf, String)> {
    let themalijn = Named::of(o.themalijn.as_deref(), "eerste-themalijn", "Themalijn");
    let project = Named::of(o.project.as_deref(), "eerste-project", "Project");
    let mut out = vec![
        (PathBuf::from("data/koers.yaml"), koers_yaml(o)),
        (PathBuf::from(format!("data/themalijnen/{}.yaml", themalijn.id)), themalijn_yaml(&themalijn, &project.id)),
        (PathBuf::from(format!("data/projecten/{}.yaml", project.id)), project_yaml(o, &project, &themalijn.id)),
    ];
    for kind in crate::load::schema::FileKind::ALL {
        let mut json = serde_json::to_string_pretty(&kind.schema()).expect("a schema serialises");
        json.push('\n');
        out.push((PathBuf::from("data/schema").join(kind.schema_file()), json));
    }
    out.push((PathBuf::from(".github/workflows/publish.yml"), workflow()));
    out.push((PathBuf::from(".gitignore"), "/out/\n/.out.koers-*\n/.*.koers-new-*\n/.*.koers-old-*\n".into()));
    out.push((PathBuf::from("README.md"), readme(o, &project.id)));
    out
}

/// What marks a name koers was not given: it stands in the documents until it is replaced.
pub const PLACEHOLDER: &str = "(naam nog in te vullen)";

/// The id and name of the first themalijn or project: the given name, or a placeholder.
struct Named {
    id: String,
    naam: String,
    placeholder: bool,
}

impl Named {
    fn of(given: Option<&str>, fallback_id: &str, what: &str) -> Named {
        match given.map(str::trim).filter(|n| !n.is_empty()) {
            Some(n) => Named { id: id_of(n, fallback_id), naam: n.to_string(), placeholder: false },
            None => Named { id: fallback_id.to_string(), naam: format!("{what} {PLACEHOLDER}"), placeholder: true },
        }
    }

    /// The `naam:` line, with a comment when it is a placeholder.
    fn line(&self) -> String {
        let comment = if self.placeholder { "   # in te vullen: de echte naam" } else { "" };
        format!("naam: {}{comment}\n", value(&self.naam))
    }
}

/// The data files of `files` as a data directory in memory, to validate them before anything is
/// written.
pub struct InMemory {
    /// Where they will stand: diagnostics show paths below it.
    pub root: PathBuf,
    pub files: Vec<(PathBuf, String)>,
}

impl DataSource for InMemory {
    fn files(&self) -> io::Result<Vec<(PathBuf, Vec<u8>)>> {
        let mut data: Vec<(PathBuf, Vec<u8>)> = self
            .files
            .iter()
            .filter_map(|(p, t)| Some((p.strip_prefix("data").ok()?.to_path_buf(), t.clone().into_bytes())))
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        data.sort();
        Ok(data)
    }
    fn display_root(&self) -> PathBuf {
        self.root.join("data")
    }
    fn read(&self, rel: &Path) -> io::Result<Vec<u8>> {
        let path = Path::new("data").join(rel);
        self.files
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, t)| t.clone().into_bytes())
            .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "not a file of the new programme"))
    }
}

/// An id from a name: lowercase letters and digits, accents dropped, words joined by hyphens
/// ("Zorg & Welzijn" is zorg-welzijn); `fallback` when no letter or digit is left.
pub fn id_of(naam: &str, fallback: &str) -> String {
    let mut id = String::new();
    for c in naam.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() { fallback.to_string() } else { id }
}

/// A value on one line of YAML, quoted where YAML needs it.
fn value(s: &str) -> String {
    crate::authoring::yaml_text::one_line_field("k", s).trim_start_matches("k: ").to_string()
}

fn koers_yaml(o: &InitOptions) -> String {
    let mut s = String::from("# yaml-language-server: $schema=schema/koers.schema.json\n");
    s.push_str("# Het programma. README.md naast data/ zegt wat u invult; `koers check` controleert het.\n");
    s.push_str(&format!("naam: {}\n", value(&o.naam)));
    s.push_str(&format!("regio: {}\n", value(&o.regio)));
    if let Some(w) = &o.website {
        s.push_str(&format!("website: {}\n", value(w)));
    }
    if let Some(e) = &o.email {
        s.push_str(&format!("email: {}\n", value(e)));
    }
    s.push_str(&format!(
        "werkagenda_einde: {}   # de laatste maand van de werkagenda: wat \"doorlopend\" betekent\n",
        o.werkagenda_einde
    ));
    if o.gemeenten.is_empty() {
        s.push_str("gemeenten: []   # de gemeenten van de regio, bijvoorbeeld [Aadorp, Beekbergen]\n");
    } else {
        let list: Vec<String> = o.gemeenten.iter().map(|g| value(g.trim())).collect();
        s.push_str(&format!("gemeenten: [{}]\n", list.join(", ")));
    }
    s.push_str(
        "eigenaren: []   # de eigenaren van het programma (gemeenten, zorgverzekeraar, ...), voor het informatiepakket\n",
    );
    s.push_str("fasen:          # de faseladder, in volgorde; geef elke fase \"vraag\" en \"definitie\" zoals uw plan ze verwoordt\n");
    for f in &o.fasen {
        s.push_str(&format!("  - naam: {}\n", value(f.trim())));
    }
    s.push_str("afkortingen: [] # de afkortingenlijst: - { afkorting: AO, betekenis: Ambtelijk overleg }\n");
    s.push_str(concat!(
        "# De huisstijl (niet verplicht; zonder huisstijl krijgen de documenten de kleuren van\n",
        "# templates/theme.css en geen logo):\n",
        "# huisstijl:\n",
        "#   kleuren: { primair: \"#rrggbb\", primair_licht: \"#rrggbb\", accent: \"#rrggbb\" }\n",
        "#   logo: logo.svg          # een SVG- of PNG-bestand in data/\n",
        "#   logo_alt: Logo van …    # wat een schermlezer ervan voorleest\n",
    ));
    let half = Period::half_of(o.nu);
    s.push_str("rapportages:    # de rapportages die er zijn; `koers rapportage new JJJJ-Hn` voegt er een toe\n");
    s.push_str(&format!(
        "  - periode: {}   # een concept (CONCEPT) totdat er \"gepubliceerd: JJJJ-MM\" bij staat\n",
        half.id()
    ));
    s
}

fn themalijn_yaml(naam: &Named, project: &str) -> String {
    format!(
        "# yaml-language-server: $schema=../schema/themalijn.schema.json\n{}volgorde: 1\nprojecten: [{project}]\n",
        naam.line()
    )
}

fn project_yaml(o: &InitOptions, naam: &Named, themalijn: &str) -> String {
    format!(
        "# yaml-language-server: $schema=../schema/project.schema.json\n\
         {}\
         themalijn: {themalijn}\n\
         start: {}\n\
         einde: nog niet bekend\n\
         # No phase is recorded: none is known yet (`koers check` warns until `koers fase` records one).\n\
         # Results are recorded with `koers resultaat`; the doelstelling and the Regioplan texts are\n\
         # written here.\n",
        naam.line(),
        o.project_start
    )
}

/// The repository koers is released from, as `owner/name` (from Cargo.toml's `repository`).
fn koers_repository() -> &'static str {
    env!("CARGO_PKG_REPOSITORY").trim_start_matches("https://github.com/")
}

/// The publishing workflow of the programme's repository: the released koers binary, checked
/// against its SHA-256, checks the data, builds every document and deploys out/ to GitHub Pages
/// (the pattern of koers' own .github/workflows/publish.yml).
fn workflow() -> String {
    format!(
        r#"# Check the data, build every document and publish out/ on each push to main, with the released
# koers binary (downloaded from {repo} and checked against its SHA-256; nothing is compiled).
# Turn on GitHub Pages for this repository (Settings → Pages → Source: GitHub Actions).
#
# KOERS_VERSION is the release used: "latest", or a tag such as v0.1.0 to pin one.
name: publish
on:
  push:
    branches: [main]
  pull_request:

permissions:
  contents: read
  pages: write
  id-token: write

env:
  KOERS_VERSION: latest
  KOERS_REPOSITORY: {repo}

concurrency:
  group: publish-${{{{ github.ref }}}}
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0 # the commit date and hash stamp every document
          persist-credentials: false
      - name: Install koers (the released binary)
        env:
          GH_TOKEN: ${{{{ github.token }}}}
        run: |
          archive=koers-x86_64-unknown-linux-gnu.tar.xz
          dir="$RUNNER_TEMP/koers"
          tag=()
          if [ "$KOERS_VERSION" != latest ]; then tag=("$KOERS_VERSION"); fi
          gh release download "${{tag[@]}}" --repo "$KOERS_REPOSITORY" --dir "$dir" \
            --pattern "$archive" --pattern "$archive.sha256"
          echo "$(cut -d ' ' -f 1 "$dir/$archive.sha256")  $dir/$archive" | sha256sum --check --strict
          tar -xJf "$dir/$archive" -C "$dir"
          install -D -m 755 "$dir/koers-x86_64-unknown-linux-gnu/koers" "$HOME/.local/bin/koers"
          echo "$HOME/.local/bin" >> "$GITHUB_PATH"
          "$HOME/.local/bin/koers" --version
      - name: Check the data (annotations on the pull request)
        run: koers check --message-format github
      - name: Build every document
        run: koers build-report --message-format github
      - uses: actions/upload-pages-artifact@v3
        if: github.event_name == 'push'
        with:
          path: out

  publish:
    if: github.event_name == 'push'
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"#,
        repo = koers_repository()
    )
}

/// The README for the secretary, in Dutch.
fn readme(o: &InitOptions, project: &str) -> String {
    let half = Period::half_of(o.nu).id();
    format!(
        r#"# {naam}

De documenten van {naam} (regio {regio}) — de tussentijdse rapportage, de nieuwsbrief en, als u
ze toevoegt, het regioplan en het informatiepakket — worden gemaakt met
[koers](https://github.com/{repo}) uit de gegevens in `data/`. U past de gegevens aan; koers
controleert ze en maakt de documenten in Markdown, HTML en PDF.

## Wat er in deze map staat

| bestand | wat erin staat |
|---|---|
| `data/koers.yaml` | het programma: naam, regio, gemeenten, eigenaren, de fasen, de afkortingen en de rapportages |
| `data/themalijnen/*.yaml` | één bestand per themalijn, met de projecten in de volgorde van de tabel |
| `data/projecten/*.yaml` | één bestand per project: start, einde, fasen en resultaten |
| `data/nieuwsbrief/*.yaml` | één bestand per editie van de nieuwsbrief (maakt u met `koers newsletter`) |
| `data/schema/*.json` | de beschrijving van de bestanden, voor een editor die aanvult en controleert |
| `.github/workflows/publish.yml` | controleert en publiceert de documenten bij elke wijziging op `main` |

Er staat nog niets in wat koers niet weet: het eerste project heeft nog geen fase (`koers check`
waarschuwt daarvoor), de gemeenten en eigenaren vult u zelf in, en de rapportage van {half} is
een concept tot u er een publicatiedatum (`gepubliceerd:`) bij zet. Een naam die bij `koers init`
niet gegeven is, staat er als "{placeholder}" (ook in de documenten): vervang die door de echte
naam.

## Zo werkt u

Open een terminal in deze map.

```sh
koers check                       # controleer de gegevens: elke fout met bestand, regel en een tip
koers status                      # alle projecten: themalijn, fase en sinds wanneer, start, einde, resultaten
koers serve --open                # bekijk de documenten in de browser terwijl u schrijft (Ctrl-C stopt)
koers build-report                # maak alle documenten in out/
```

Nieuwe feiten legt u vast met een opdracht; koers controleert eerst of alles daarna nog klopt en
verandert alleen de regels die erbij komen:

```sh
koers fase {project} {eerste_fase} --sinds 2025-01              # het project is sinds januari 2025 in de fase {eerste_fase}
koers resultaat {project} "Wat er bereikt is." --periode {half}  # een resultaat voor de rapportage van {half}
koers project new nieuw-project --themalijn … --naam "…" --start 2025-03
koers project einde {project} 2026-06
koers rapportage new 2027-H1                                     # de rapportage van een volgend halfjaar
koers newsletter 2026-09 --new                                   # een nieuwe editie van de nieuwsbrief
koers newsletter 2026-09 --update                                # resultaten die later zijn vastgelegd erbij zetten
```

Elke opdracht kan eerst laten zien wat hij zou veranderen: zet `--dry-run` erachter.
`koers --help` en `koers <opdracht> --help` geven alle mogelijkheden.

Gebruik alleen datums die u weet: koers vult nooit zelf een maand of fase in.

## Publiceren

Zet deze map in een GitHub-repository en zet GitHub Pages aan (Settings → Pages → Source:
GitHub Actions). Bij elke wijziging controleert de workflow de gegevens (fouten verschijnen bij de
pull request) en op `main` publiceert hij de documenten.
"#,
        naam = o.naam,
        regio = o.regio,
        repo = koers_repository(),
        placeholder = PLACEHOLDER,
        eerste_fase = o.fasen.first().map_or("…", |f| f.trim()),
    )
}
