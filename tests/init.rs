//! `koers init` (issue #23 point 9, its first part): a new programme for another region that
//! builds out of the box — its data validates, `koers build-report` makes its documents — with
//! nothing invented: what it was not told stands as a marked placeholder or is left empty.

use crate::common;

use common::{koers, pdf_text, run, snapshot, squash, stderr, stdout};

#[test]
fn a_new_programme_validates_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(koers().current_dir(dir.path()).args([
        "init",
        "rivierenland",
        "--naam",
        "Gezond Rivierenland",
        "--regio",
        "Rivierenland",
        "--gemeenten",
        "Culemborg, Tiel,West Betuwe",
        "--project-start",
        "2025-03",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let prog = dir.path().join("rivierenland");
    // Every file written is listed, one a line.
    let listed: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    let written: Vec<String> = snapshot(&prog).keys().map(|k| format!("rivierenland/{k}")).collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, written);
    for f in ["data/koers.yaml", "README.md", ".github/workflows/publish.yml", "data/schema/project.schema.json"] {
        assert!(listed.contains(&format!("rivierenland/{f}")), "{f}: {listed:?}");
    }
    let koers_yaml = std::fs::read_to_string(prog.join("data/koers.yaml")).unwrap();
    assert!(koers_yaml.contains("naam: Gezond Rivierenland\nregio: Rivierenland\n"), "{koers_yaml}");
    assert!(koers_yaml.contains("gemeenten: [Culemborg, Tiel, West Betuwe]\n"), "{koers_yaml}");
    assert!(!koers_yaml.contains("website:") && !koers_yaml.contains("email:"), "no address invented: {koers_yaml}");
    // The house style is shown, not invented: commented out, so the documents take the theme's.
    assert!(
        koers_yaml.contains("\n# huisstijl:\n#   kleuren:") && !koers_yaml.contains("\nhuisstijl:"),
        "{koers_yaml}"
    );
    // Names not given are marked placeholders; no phase is recorded, the start is the one given.
    let project = std::fs::read_to_string(prog.join("data/projecten/eerste-project.yaml")).unwrap();
    assert!(project.contains("naam: Project (naam nog in te vullen)   # in te vullen: de echte naam\n"), "{project}");
    assert!(project.contains("start: 2025-03\n") && !project.contains("fasen:"), "{project}");
    // The schemas are koers' own (as `koers schema` writes them).
    let schemas = tempfile::tempdir().unwrap();
    assert!(run(koers().args(["schema", "--out"]).arg(schemas.path())).status.success());
    for (name, bytes) in snapshot(schemas.path()) {
        assert_eq!(std::fs::read(prog.join("data/schema").join(&name)).unwrap(), bytes, "{name}");
    }

    // The data validates (the warnings say what to fill in: a phase, a result).
    let o = run(koers().current_dir(&prog).args(["check"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 errors"), "{}", stderr(&o));
    assert!(stderr(&o).contains("hint: record it: koers fase eerste-project FASE --sinds YYYY-MM"), "{}", stderr(&o));
    // And builds: the rapportage of the current half year, a draft.
    let o = run(koers().current_dir(&prog).args(["build-report", "--quiet"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(prog.join("out/manifest.json")).unwrap()).unwrap();
    let pdf = manifest["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .find(|p| p.starts_with("rapportage/") && p.ends_with("-concept.pdf"))
        .expect("a draft rapportage PDF");
    let text = squash(&pdf_text(&std::fs::read(prog.join("out").join(&pdf)).unwrap()));
    assert!(text.contains("CONCEPT"), "{text}");
    assert!(text.contains("Project (naam nog in te vullen)"), "{text}");
    assert!(text.contains("Themalijn (naam nog in te vullen)"), "{text}");
    // Nothing of Twente in any file the new programme has: its data, schemas, README and workflow,
    // and every document in every format (the PDFs' text, every part of the ODT and DOCX files).
    let files = snapshot(&prog);
    assert!(
        files.keys().any(|f| f.ends_with(".docx")) && files.keys().any(|f| f.ends_with(".odt")),
        "{:?}",
        files.keys()
    );
    for (name, bytes) in &files {
        let texts: Vec<String> = if name.ends_with(".pdf") {
            vec![pdf_text(bytes)]
        } else if name.ends_with(".odt") || name.ends_with(".docx") {
            koers::render::zip::read(bytes)
                .unwrap()
                .into_iter()
                .map(|e| String::from_utf8_lossy(&e.data).into_owned())
                .collect()
        } else if name.ends_with(".png") || name.starts_with(".git/") {
            continue;
        } else {
            vec![String::from_utf8_lossy(bytes).into_owned()]
        };
        for t in texts {
            // Where koers itself is released from (the workflow downloads it) is the tool's
            // address, not the programme's.
            let tool = env!("CARGO_PKG_REPOSITORY").trim_start_matches("https://github.com/");
            let lower = t.replace(tool, "").to_lowercase();
            if let Some(at) = lower.find("twent") {
                let from = (0..=at.saturating_sub(40)).rev().find(|i| lower.is_char_boundary(*i)).unwrap_or(0);
                let context: String = lower[from..].chars().take(80).collect();
                panic!("{name} mentions Twente: …{context}…");
            }
        }
    }
    // A project added with the authoring command, to the themalijn init made.
    let o = run(koers().current_dir(&prog).args([
        "project",
        "new",
        "valpreventie",
        "--themalijn",
        "eerste-themalijn",
        "--naam",
        "Valpreventie",
        "--start",
        "2025-06",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn init_writes_only_into_a_new_or_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notities.txt"), "van mij").unwrap();
    let args = ["init", ".", "--naam", "X", "--regio", "Y", "--project-start", "2025-01"];
    let o = run(koers().current_dir(dir.path()).args(args).env("LANG", "nl_NL.UTF-8"));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("is niet leeg"), "{}", stderr(&o));
    assert_eq!(snapshot(dir.path()).len(), 1, "init wrote into a directory that was not empty");
    // An empty directory with only a git repository in it is fine.
    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir(empty.path().join(".git")).unwrap();
    let o = run(koers().current_dir(empty.path()).args(args));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(empty.path().join("data/koers.yaml").is_file());
}

#[test]
fn a_new_programme_takes_its_own_phase_ladder() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(koers().current_dir(dir.path()).args([
        "init",
        "zuid",
        "--naam",
        "Samen Zuid",
        "--regio",
        "Zuid",
        "--project-start",
        "2025-03",
        "--fasen",
        "Verkennen, Ontwerpen,Uitvoeren,Verankeren",
        "--quiet",
    ]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let prog = dir.path().join("zuid");
    let koers_yaml = std::fs::read_to_string(prog.join("data/koers.yaml")).unwrap();
    let ladder: Vec<&str> = koers_yaml.lines().filter_map(|l| l.strip_prefix("  - naam: ")).collect();
    assert_eq!(ladder, ["Verkennen", "Ontwerpen", "Uitvoeren", "Verankeren"], "{koers_yaml}");
    // The secretary's README speaks of the ladder's first phase.
    let readme = std::fs::read_to_string(prog.join("README.md")).unwrap();
    assert!(readme.contains("koers fase eerste-project Verkennen --sinds"), "{readme}");
    assert!(!readme.contains("Initiatiefase"), "{readme}");
    // A phase of the ladder is recorded; one of another ladder is refused with the names that exist.
    let o = run(koers().current_dir(&prog).args(["fase", "eerste-project", "ontwerpen", "--sinds", "2025-04"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let project = std::fs::read_to_string(prog.join("data/projecten/eerste-project.yaml")).unwrap();
    assert!(project.contains("- fase: Ontwerpen\n    sinds: 2025-04\n"), "{project}");
    let o = run(koers().current_dir(&prog).args(["fase", "eerste-project", "Realisatiefase", "--sinds", "2025-05"]));
    assert_ne!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stderr(&o).contains("Verankeren"), "{}", stderr(&o));
    // The chart of its rapportage reads the ladder.
    let o = run(koers().current_dir(&prog).args(["build-report", "--quiet", "--format", "html"]));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let html: String = snapshot(&prog.join("out"))
        .into_iter()
        .filter(|(k, _)| k.starts_with("rapportage/") && k.ends_with(".html"))
        .map(|(_, v)| String::from_utf8(v).unwrap())
        .collect();
    assert!(html.contains("1. Verkennen … 4. Verankeren"), "no ladder axis in the rapportage");
}
