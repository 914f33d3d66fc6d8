//! Colours of the house style: `#rrggbb`, their WCAG luminance and contrast, and tints of a colour
//! at a given luminance (the phase styles of the charts in a region's own colour).

/// A `#rrggbb` colour's red, green and blue.
pub fn rgb(s: &str) -> Option<[u8; 3]> {
    let hex = s.strip_prefix('#').filter(|h| h.len() == 6 && h.chars().all(|c| c.is_ascii_hexdigit()))?;
    let at = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some([at(0)?, at(2)?, at(4)?])
}

/// `#rrggbb` of a colour.
pub fn hex(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

/// The relative luminance of a colour (WCAG 2.1).
pub fn luminance(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.03928 { s / 12.92 } else { ((s + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// The WCAG contrast ratio of two colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// `c` mixed with white (`t` > 0) or black (`t` < 0): at 1 or -1 wholly white or black.
fn mix(c: [u8; 3], t: f64) -> [u8; 3] {
    let (target, t) = if t >= 0.0 { (255.0, t) } else { (0.0, -t) };
    c.map(|v| (v as f64 + (target - v as f64) * t).round() as u8)
}

/// The tint or shade of `c` whose luminance is closest to `target`: `c` mixed with white for a
/// lighter one, with black for a darker one. Text readable on a colour of that luminance is
/// readable on the tint as well (contrast depends on luminance alone).
pub fn at_luminance(c: [u8; 3], target: f64) -> [u8; 3] {
    let (mut lo, mut hi) = if target >= luminance(c) { (0.0, 1.0) } else { (-1.0, 0.0) };
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        if luminance(mix(c, mid)) < target { lo = mid } else { hi = mid }
    }
    let (a, b) = (mix(c, lo), mix(c, hi));
    if (luminance(a) - target).abs() <= (luminance(b) - target).abs() { a } else { b }
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
        assert_eq!(hex([0, 95, 115]), "#005f73");
    }

    #[test]
    fn a_tint_has_the_luminance_asked_for_in_the_colours_hue() {
        let rood = rgb("#8b1a1a").unwrap();
        for target in [0.02, 0.1, 0.3, 0.6, 0.9] {
            let t = at_luminance(rood, target);
            assert!((luminance(t) - target).abs() < 0.01, "{target}: {}", hex(t));
            // Red stays the strongest channel.
            assert!(t[0] >= t[1] && t[0] >= t[2], "{}", hex(t));
        }
    }
}
