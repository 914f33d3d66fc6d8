//! Texts shortened for one line of a terminal or a comment: whitespace collapsed, cut at a word
//! boundary with "…" — never in the middle of a word; and text escaped for markup.

/// The text on one line: every run of whitespace (line breaks too) one space.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters: the text itself when it fits, else its words that fit followed by
/// "…" (a first word longer than `max` is cut, as there is no boundary to cut at).
pub fn cut_at_word(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    // Room for the "…".
    let room = max.saturating_sub(1);
    let mut end = 0;
    // `n` characters stand before byte `i`.
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n > room {
            break;
        }
        if c.is_whitespace() {
            end = i;
        }
    }
    let kept = if end == 0 { s.chars().take(room).collect::<String>() } else { s[..end].to_string() };
    // No dangling punctuation before the ellipsis: "a, …" reads as "a…".
    let kept = kept.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–'));
    format!("{kept}…")
}

/// Text as XML or HTML content or attribute value: the five markup characters as entities, and a
/// control character (allowed in neither XML 1.0 nor HTML) as a space.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_become_entities_and_control_characters_spaces() {
        assert_eq!(escape_markup("a<b>&\"c'\u{7}\n"), "a&lt;b&gt;&amp;&quot;c&#39; \n");
    }

    #[test]
    fn cuts_between_words() {
        assert_eq!(cut_at_word("kort", 10), "kort");
        assert_eq!(cut_at_word("een twee drie vier", 12), "een twee…");
        assert_eq!(cut_at_word("een, twee drie", 8), "een…");
        assert_eq!(cut_at_word("onafgebroken", 5), "onaf…");
        let cut = cut_at_word("Welzijn op Recept is uitgebreid naar alle veertien gemeenten", 30);
        assert_eq!(cut, "Welzijn op Recept is…");
        assert!(cut.chars().count() <= 30);
    }
}
