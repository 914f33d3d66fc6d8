//! The house style of koers.yaml: each colour `#rrggbb`, and text colours readable on the
//! surfaces they stand on (WCAG 2.1 AA 1.4.3: at least 4.5:1).

use crate::core::diagnostics::Diagnostic;
use crate::core::kleur::{contrast, rgb};
use crate::load::SourceFile;
use crate::load::data_files as df;
use crate::path;

/// The least contrast of text against its surface.
const MIN_CONTRAST: f64 = 4.5;

/// Which colour must be readable on which, by their keys ("wit": white).
const PAREN: [(&str, &str); 5] = [
    ("primair", "wit"),
    ("primair", "primair_licht"),
    ("accent_tekst", "wit"),
    ("accent_tekst", "accent_vlak"),
    ("accent_tekst", "primair_licht"),
];

pub(super) fn validate(f: &SourceFile, d: &df::ProgrammeFile) -> Vec<Diagnostic> {
    let Some(h) = &d.huisstijl else { return vec![] };
    let mut out = Vec::new();
    let mut geldig = true;
    for (key, value) in h.kleuren.gegeven() {
        if let Some(v) = value
            && rgb(v).is_none()
        {
            geldig = false;
            out.push(
                f.error_at(&path!["huisstijl", "kleuren", key], crate::t!("data-colour-invalid", value = v))
                    .hint(crate::t!("data-colour-invalid-hint")),
            );
        }
    }
    if !geldig {
        return out;
    }
    let kleur = |key: &str| if key == "wit" { "#ffffff" } else { h.kleuren.of(key) };
    for (tekst, vlak) in PAREN {
        let given = |k: &str| h.kleuren.gegeven().iter().any(|(g, v)| *g == k && v.is_some());
        if !given(tekst) && !given(vlak) {
            continue; // koers' defaults meet it
        }
        let c = contrast(rgb(kleur(tekst)).expect("checked"), rgb(kleur(vlak)).expect("checked"));
        if c < MIN_CONTRAST {
            let at = if given(tekst) { tekst } else { vlak };
            let op = if vlak == "wit" { crate::t!("data-colour-white") } else { format!("{vlak} {}", kleur(vlak)) };
            out.push(
                f.error_at(
                    &path!["huisstijl", "kleuren", at],
                    crate::t!(
                        "data-colour-contrast",
                        text = tekst,
                        colour = kleur(tekst),
                        background = op,
                        contrast = format!("{c:.1}")
                    ),
                )
                .hint(crate::t!("data-colour-contrast-hint", text = tekst, background = vlak)),
            );
        }
    }
    out
}
