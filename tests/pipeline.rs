//! The build as CI uses it: escaping of hostile text, atomic output, locking, git provenance,
//! `--rev`, `koers changes`, the newsletter commands and `koers schema`.

use crate::common;
use common::*;
use std::path::Path;

fn build(data: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    run(koers().args(["build-report", "--date", "2024-10-01", "--data"]).arg(data).arg("--out").arg(out).args(extra))
}

#[test]
fn text_from_yaml_cannot_inject_html_or_typst() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    let p = data.join("projecten/wandelen.yaml");
    let hostile = std::fs::read_to_string(&p).unwrap().replace(
        "doelstelling: Meer mensen wandelen.",
        "doelstelling: |\n  Meer <script>alert('x')</script> wandelen #set page(fill: red) $x^2$ // weg\n\n  <img src=x onerror=alert(1)>",
    ).replace("naam: Wandelen", "naam: \"Wandelen <b>vet</b> #strong[x] ]) #panic()\"");
    std::fs::write(&p, hostile).unwrap();
    let out = tmp.path().join("out");
    let o = build(&data, &out, &["--period", "2024-H1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H1.html")).unwrap();
    assert!(!html.contains("<script>alert"), "script injected");
    assert!(html.contains("&lt;script&gt;alert"), "shown as text");
    assert!(!html.contains("<img src=x"), "raw HTML injected");
    // A javascript: link is an error of `koers check` (fixture 39-unsafe-markdown-link).
    assert!(html.contains("Wandelen &lt;b&gt;vet&lt;/b&gt;"));
    let pdf = std::fs::read(out.join("rapportage/tussentijdse-rapportage-2024-H1.pdf")).unwrap();
    let t = squash(&pdf_text(&pdf));
    assert!(t.contains("#set page(fill: red)"), "typst code shown literally: {t}");
    assert!(t.contains("Wandelen <b>vet</b> #strong[x] ]) #panic()"), "name shown literally");
    assert!(t.contains("// weg"));
    let md = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H1.md")).unwrap();
    assert!(!md.contains("<script>"), "{md}");
}

#[test]
fn failed_build_leaves_previous_output_intact() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    let out = tmp.path().join("out");
    assert!(build(&data, &out, &[]).status.success());
    let before = snapshot(&out);
    assert!(before.contains_key("manifest.json"));
    // Break the data: nothing may change.
    let p = data.join("projecten/fietsen.yaml");
    std::fs::write(&p, std::fs::read_to_string(&p).unwrap().replace("Initiatiefase", "Initiatiefaze")).unwrap();
    let o = build(&data, &out, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nothing was written"));
    assert_eq!(snapshot(&out), before, "out/ changed after a failed build");
    // Break a template: an error, and again nothing changes.
    std::fs::write(&p, std::fs::read_to_string(&p).unwrap().replace("Initiatiefaze", "Initiatiefase")).unwrap();
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("nieuwsbrief.md"), "{% for x in %}").unwrap();
    let o = build(&data, &out, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nieuwsbrief.md"), "{}", stderr(&o));
    assert_eq!(snapshot(&out), before);
    // No temporary directories are left behind.
    let leftovers: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("koers-new") || n.contains("koers-old"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn templates_beside_the_data_override_the_builtin_ones() {
    let tmp = fixture();
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("nieuwsbrief.txt"), "EIGEN SJABLOON {{ titel }}\n").unwrap();
    std::fs::write(templates.join("nieuwsbrief.text"), "misnamed").unwrap();
    let out = tmp.path().join("out");
    let o = build(&tmp.path().join("data"), &out, &["--only", "nieuwsbrief", "--format", "txt"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("nieuwsbrief.text"), "a misnamed template is pointed out: {}", stderr(&o));
    assert!(stderr(&o).contains("this file is not a template koers uses"));
    assert_eq!(
        std::fs::read_to_string(out.join("nieuwsbrief/even-bijpraten-2024-05.txt")).unwrap(),
        "EIGEN SJABLOON Even bijpraten... Mei 2024\n"
    );
}

#[test]
fn concurrent_builds_do_not_corrupt_each_other() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    let out = tmp.path().join("out");
    let children: Vec<_> = (0..3)
        .map(|_| {
            koers()
                .args(["build-report", "--date", "2024-10-01", "--format", "md,html", "--data"])
                .arg(&data)
                .arg("--out")
                .arg(&out)
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    for d in m["documents"].as_array().unwrap() {
        assert!(out.join(d["path"].as_str().unwrap()).exists());
    }
}

fn git(dir: &Path, args: &[&str]) {
    git_at(dir, args, "2024-09-01T10:00:00Z");
}

fn commit(dir: &Path, message: &str, date: &str) {
    git_at(dir, &["commit", "-q", "-m", message], date);
}

/// A repository with two commits: the fixture, then a phase transition and a new result.
fn repo_with_two_commits() -> tempfile::TempDir {
    let tmp = fixture();
    let d = tmp.path();
    git(d, &["init", "-q", "-b", "main"]);
    git(d, &["add", "."]);
    commit(d, "eerste", "2024-09-01T10:00:00Z");
    let p = d.join("data/projecten/fietsen.yaml");
    let changed = std::fs::read_to_string(&p).unwrap().replace(
        "fasen:\n  - fase: Initiatiefase\n    periode: 2024-H1\n",
        "fasen:\n  - fase: Initiatiefase\n    sinds: 2024-01\n  - fase: Definitiefase\n    sinds: 2024-06\n",
    ) + "  - periode: 2024-H1\n    tekst: De tweede fietsroute is open.\n";
    std::fs::write(&p, changed).unwrap();
    git(d, &["add", "."]);
    commit(d, "tweede", "2024-09-20T10:00:00Z");
    tmp
}

#[test]
fn git_stamp_rev_and_changes() {
    let tmp = repo_with_two_commits();
    let d = tmp.path();
    let data = d.join("data");
    // Stamp: the commit's short hash and date in the metadata (HTML generator, manifest), not on the page.
    let out = d.join("out");
    let o = run(koers().args(["build-report", "--format", "md,html", "--data"]).arg(&data).arg("--out").arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let head = m["source"]["commit"].as_str().unwrap().to_string();
    assert_eq!(m["source"]["date"], "2024-09-20");
    let md = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H1.md")).unwrap();
    assert!(!md.contains(&head), "{md}");
    let html = std::fs::read_to_string(out.join("rapportage/tussentijdse-rapportage-2024-H1.html")).unwrap();
    assert!(
        html.contains(&format!(
            "<meta name=\"generator\" content=\"koers {}, gegevens van commit {head} (2024-09-20)\">",
            env!("CARGO_PKG_VERSION")
        )),
        "{html}"
    );
    assert!(md.contains("| [Fietsen](#project--fietsen) | Definitiefase"), "HEAD has the new phase: {md}");
    // --rev HEAD~1: the data as it was, the work tree untouched.
    let out1 = d.join("out-rev");
    let o = run(koers()
        .args(["build-report", "--rev", "HEAD~1", "--format", "md,html", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out1));
    assert!(o.status.success(), "{}", stderr(&o));
    let md1 = std::fs::read_to_string(out1.join("rapportage/tussentijdse-rapportage-2024-H1.md")).unwrap();
    assert!(md1.contains("| [Fietsen](#project--fietsen) | Initiatiefase"), "{md1}");
    assert!(!md1.contains("De tweede fietsroute is open."));
    let html1 = std::fs::read_to_string(out1.join("rapportage/tussentijdse-rapportage-2024-H1.html")).unwrap();
    assert!(html1.contains("(2024-09-01)\">"), "stamped with the older commit");
    // changes --since HEAD~1, human and JSON.
    let o = run(koers().args(["changes", "--since", "HEAD~1", "--data"]).arg(&data));
    assert!(o.status.success(), "{}", stderr(&o));
    let human = stdout(&o);
    assert!(human.contains("phase: Fietsen: Initiatiefase → Definitiefase (since 2024-06)"), "{human}");
    assert!(human.contains("result (rapportage 2024-H1): Fietsen: De tweede fietsroute is open."), "{human}");
    let o = run(koers().args(["changes", "--since", "HEAD~1", "--format", "json", "--data"]).arg(&data));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let kinds: Vec<&str> = j["changes"].as_array().unwrap().iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["phase_transition", "new_result"]);
    assert!(m["source"].get("modified").is_none(), "clean work tree");
    // Uncommitted changes in the data: the stamp says so.
    let p = data.join("projecten/wandelen.yaml");
    std::fs::write(
        &p,
        std::fs::read_to_string(&p).unwrap().replace("Meer mensen wandelen.", "Nog meer mensen wandelen."),
    )
    .unwrap();
    let out2 = d.join("out-dirty");
    let o = run(koers()
        .args(["build-report", "--format", "md", "--colophon", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out2));
    assert!(o.status.success());
    let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out2.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(m["source"]["modified"], true);
    // With --colophon the stamp is printed, and says so.
    let md = std::fs::read_to_string(out2.join("rapportage/tussentijdse-rapportage-2024-H1.md")).unwrap();
    assert!(md.contains("met niet-vastgelegde wijzigingen"), "{md}");
    // Outside a repository: no stamp, everything else works.
    let plain = fixture();
    let o = build(&plain.path().join("data"), &plain.path().join("out"), &["--format", "md"]);
    assert!(o.status.success());
    let m: serde_json::Value =
        serde_json::from_slice(&std::fs::read(plain.path().join("out/manifest.json")).unwrap()).unwrap();
    assert!(m.get("source").is_none());
}

#[test]
fn newsletter_commands() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    // Print the e-mail for the mailing tool, with Mailchimp merge tags.
    let o = run(koers()
        .args(["newsletter", "2024-05", "--stdout", "email", "--merge-tags", "mailchimp", "--data"])
        .arg(&data));
    assert!(o.status.success(), "{}", stderr(&o));
    let mail = stdout(&o);
    assert!(mail.contains("Deze e-mail is verstuurd aan *|EMAIL|*."));
    assert!(mail.contains("href=\"*|UNSUB|*\""));
    assert!(mail.contains("Wandelen in mei"), "result heading (kop) used");
    assert!(mail.contains("Een nieuwsbriefbericht over wandelen."), "the result recorded for this edition");
    assert!(!mail.contains("Tien wandelingen georganiseerd."), "a result of the rapportage is not in the newsletter");
    // Draft a new edition from the results recorded for it.
    let p = data.join("projecten/fietsen.yaml");
    let with_update =
        std::fs::read_to_string(&p).unwrap() + "  - editie: 2024-04\n    tekst: Een fietsroute is uitgezet in april.\n";
    std::fs::write(&p, with_update).unwrap();
    let o = run(koers().args(["newsletter", "2024-04", "--new", "--date", "2024-10-01", "--data"]).arg(&data));
    assert!(o.status.success(), "{}", stderr(&o));
    let draft = std::fs::read_to_string(data.join("nieuwsbrief/2024-04.yaml")).unwrap();
    assert!(draft.contains("titel: \"Even bijpraten... April 2024\""));
    assert!(
        draft.contains(
            "  - thema: gezondheid  # Thema gezondheid\n  - project: fietsen  # Fietsen: 1 result\n    #   Een fietsroute is uitgezet in april.\n"
        ),
        "{draft}"
    );
    // The draft is a valid edition file.
    let o = run(koers().args(["check", "--date", "2024-10-01", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    // Drafting again refuses to overwrite (the request does not fit the data: exit 1).
    let o = run(koers().args(["newsletter", "2024-04", "--new", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("the edition 2024-04 exists already"), "{}", stderr(&o));
}

#[test]
fn schema_command_writes_schemas_editors_can_use() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(koers().args(["schema", "--out"]).arg(tmp.path()));
    assert!(o.status.success());
    let s: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("project.schema.json")).unwrap()).unwrap();
    assert_eq!(s["additionalProperties"], false);
    // A phase is a name on the ladder of koers.yaml, which the check stage holds it against: the
    // schema names none.
    assert_eq!(s["$defs"]["FaseStap"]["properties"]["fase"]["type"], "string");
    assert!(!serde_json::to_string(&s).unwrap().contains("Initiatiefase"));
    assert!(s["required"].as_array().unwrap().contains(&serde_json::json!("themalijn")));
    // The committed schemas are the current ones.
    for kind in ["koers", "regioplan", "themalijn", "project", "nieuwsbrief", "informatiepakket"] {
        let fresh = std::fs::read_to_string(tmp.path().join(format!("{kind}.schema.json"))).unwrap();
        let committed =
            std::fs::read_to_string(root().join(format!("data/schema/{kind}.schema.json"))).unwrap_or_default();
        assert_eq!(fresh, committed, "data/schema/{kind}.schema.json is stale: run `koers schema`");
    }
}

#[test]
fn partial_builds_add_to_the_output_and_full_builds_replace_it() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    let out = tmp.path().join("out");
    assert!(build(&data, &out, &[]).status.success());
    let full = snapshot(&out);
    let manifest = |out: &Path| -> Vec<String> {
        let m: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
        m["documents"].as_array().unwrap().iter().map(|d| d["path"].as_str().unwrap().to_string()).collect()
    };
    let full_paths = manifest(&out);
    // A newsletter run and a regioplan section keep everything else.
    let o = run(koers()
        .args(["newsletter", "2024-05", "--date", "2024-10-01", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&out));
    assert!(o.status.success(), "{}", stderr(&o));
    let o = build(&data, &out, &["--only", "regioplan", "--themalijn", "gezondheid", "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after = snapshot(&out);
    for (path, bytes) in &full {
        // The manifest, the index and the toegankelijkheidsverklaring list the documents: they change.
        if !["manifest.json", "index.html", "toegankelijkheidsverklaring.html"].contains(&path.as_str()) {
            assert_eq!(after.get(path), Some(bytes), "{path} kept by the partial builds");
        }
    }
    let paths = manifest(&out);
    assert!(paths.contains(&"regioplan/regioplan-gezondheid.md".to_string()));
    for p in &full_paths {
        assert!(paths.contains(p), "{p} still in the manifest");
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        index.contains("regioplan/regioplan-gezondheid.md")
            && index.contains("rapportage/tussentijdse-rapportage-2024-H1.pdf")
    );
    // A full build starts afresh: the section is gone.
    assert!(build(&data, &out, &[]).status.success());
    assert_eq!(manifest(&out), full_paths);
    assert!(!out.join("regioplan/regioplan-gezondheid.md").exists());
}

#[test]
fn check_renders_in_memory_and_catches_template_errors() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(templates.join("koers.typ"), "#let koers-document(..args, body) = { body; undefined-function() }\n")
        .unwrap();
    let o = run(koers().args(["check", "--date", "2024-10-01", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("rapportage/tussentijdse-rapportage-2024-H1.pdf: typst: unknown variable"), "{err}");
    assert!(err.contains("(generated document, line"), "the typst error points at its line: {err}");
    // Nothing was written.
    assert!(!tmp.path().join("out").exists());
    let o = run(koers().args(["check", "--data-only", "--date", "2024-10-01", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(0));
}

/// Months and periods are parsed once, when a file is loaded: a text that does not parse is
/// reported by the structural check (and the file's other rules still run), and the model never
/// drops such a value silently — given one anyway, it refuses with an error naming it.
#[test]
fn a_month_that_does_not_parse_is_reported_once_and_never_dropped() {
    let tmp = fixture();
    let data = tmp.path().join("data");
    let file = data.join("projecten/fietsen-jong.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("start: 2024-02", "start: 2024-14")).unwrap();

    let (set, diagnostics) = koers::load::load(&koers::load::DirSource { root: data.clone() }).unwrap();
    let errors: Vec<String> =
        diagnostics.items.iter().map(|d| format!("{}:{} {}", d.line, d.column, d.message)).collect();
    assert_eq!(
        errors,
        ["5:8 \"2024-14\" is not a start: write a month (YYYY-MM) or \"voor huidige werkagenda\""],
        "{errors:#?}"
    );
    // The file loaded, with its start marked invalid, so that its other rules are checked too.
    let project = &set.projecten["fietsen-jong"].data;
    assert_eq!(project.start, koers::core::dates::Parsed::Invalid);
    let broken = koers::model::Programme::from_data(&set)
        .map(|_| ())
        .expect_err("the model refuses an invalid start")
        .to_string();
    assert!(broken.contains("the start of project fietsen-jong did not parse"), "{broken}");

    // `koers check` reports it once, at its position.
    let o = run(koers().args(["check", "--date", "2024-10-01", "--data"]).arg(&data));
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(stderr(&o).matches("\"2024-14\" is not a start").count(), 1, "{}", stderr(&o));
}
