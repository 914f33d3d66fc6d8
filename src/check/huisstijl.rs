//! The house style of koers.yaml: each colour `#rrggbb`, and text colours readable on the
//! surfaces they stand on (WCAG 2.1 AA 1.4.3: at least 4.5:1).

use crate::core::diagnostics::Diagnostic;
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

/// A `#rrggbb` colour's red, green and blue.
fn rgb(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#').filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()))?;
    let at = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([at(0)?, at(2)?, at(4)?])
}

/// The WCAG contrast ratio of two colours.
fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let lum = |c: [u8; 3]| {
        let lin = |v: u8| {
            let s = v as f64 / 255.0;
            if s <= 0.03928 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_as_wcag_computes_it() {
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        // theme.css: #005f73 is 7.3:1 on white, #9a4f00 6.0:1.
        assert!((contrast(rgb("#005f73").unwrap(), [255; 3]) - 7.3).abs() < 0.1);
        assert!((contrast(rgb("#9a4f00").unwrap(), [255; 3]) - 6.0).abs() < 0.1);
        assert_eq!(rgb("#12345"), None);
        assert_eq!(rgb("005f73"), None);
    }
}
