//! The templates: compiled into the binary, overridable file by file from a directory.

use std::collections::BTreeMap;
use std::path::Path;

/// The default templates, embedded at compile time from `templates/`.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("nieuwsbrief.md", include_str!("../../templates/nieuwsbrief.md")),
    ("nieuwsbrief.html", include_str!("../../templates/nieuwsbrief.html")),
    ("nieuwsbrief.email.html", include_str!("../../templates/nieuwsbrief.email.html")),
    ("nieuwsbrief.txt", include_str!("../../templates/nieuwsbrief.txt")),
    ("index.html", include_str!("../../templates/index.html")),
    ("base.html", include_str!("../../templates/base.html")),
    ("theme.css", include_str!("../../templates/theme.css")),
    ("document.css", include_str!("../../templates/document.css")),
    ("toegankelijkheidsverklaring.html", include_str!("../../templates/toegankelijkheidsverklaring.html")),
    ("grafiek.html", include_str!("../../templates/grafiek.html")),
    ("grafiek.md", include_str!("../../templates/grafiek.md")),
    ("koers.typ", include_str!("../../templates/koers.typ")),
    ("document.typ", include_str!("../../templates/document.typ")),
];

/// A set of template sources by name.
#[derive(Debug, Clone)]
pub struct TemplateSet {
    pub sources: BTreeMap<String, String>,
    /// Names that came from an override directory.
    pub overridden: Vec<String>,
    /// Files in the override directory that are not templates koers uses (probably misnamed).
    pub ignored: Vec<std::path::PathBuf>,
}

impl TemplateSet {
    pub fn embedded() -> TemplateSet {
        TemplateSet {
            sources: EMBEDDED.iter().map(|(n, s)| (n.to_string(), s.to_string())).collect(),
            overridden: vec![],
            ignored: vec![],
        }
    }

    /// The embedded templates, with every file of `dir` that has a known name replacing its default.
    /// The reference documents of the editable formats may stand beside them.
    pub fn with_overrides(dir: &Path) -> std::io::Result<TemplateSet> {
        let mut set = TemplateSet::embedded();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if !entry.file_type()?.is_file() || name.starts_with('.') {
                continue;
            }
            if REFERENCE_DOCUMENTS.contains(&name.as_str()) {
                // The editable formats' styles: read by the build, not a template.
                continue;
            }
            if set.sources.contains_key(&name) {
                set.sources.insert(name.clone(), std::fs::read_to_string(entry.path())?);
                set.overridden.push(name);
            } else {
                set.ignored.push(entry.path());
            }
        }
        set.overridden.sort();
        set.ignored.sort();
        Ok(set)
    }

    /// Replace templates from in-memory files (e.g. read from a git commit).
    pub fn override_from(&mut self, files: impl IntoIterator<Item = (String, String)>) {
        for (name, content) in files {
            if self.sources.contains_key(&name) {
                self.sources.insert(name.clone(), content);
                self.overridden.push(name);
            }
        }
        self.overridden.sort();
        self.overridden.dedup();
    }

    /// The colours of the data's house style (`huisstijl.kleuren` in koers.yaml) as the theme's
    /// custom properties, after those of `theme.css`: the HTML pages, the e-mail, the PDF and the
    /// editable formats take them from there. Nothing changes when the data gives no colour.
    pub fn apply_huisstijl(&mut self, kleuren: &crate::model::content::Kleuren) {
        let tokens: Vec<String> = kleuren
            .gegeven()
            .into_iter()
            .filter_map(|(key, v)| Some(format!("  --koers-kleur-{}: {};\n", key.replace('_', "-"), v?)))
            .collect();
        if tokens.is_empty() {
            return;
        }
        let css = self.sources.entry("theme.css".into()).or_default();
        css.push_str("/* The colours of koers.yaml (huisstijl.kleuren). */\n:root {\n");
        css.push_str(&tokens.concat());
        css.push_str("}\n");
    }

    pub fn get(&self, name: &str) -> &str {
        self.sources.get(name).map(String::as_str).unwrap_or_default()
    }
}

/// The reference documents a templates directory may hold: the styles of the ODT and DOCX files.
pub const REFERENCE_DOCUMENTS: &[&str] = &["reference.odt", "reference.docx"];
