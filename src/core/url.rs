//! Web and mail addresses the documents may link to.

use serde::Serialize;

/// An absolute web address (`https://`, `http://`) or a mail address (`mailto:`) without spaces,
/// quotes or angle brackets: what a document may link to. Made once, by [`WebUrl::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct WebUrl(String);

impl WebUrl {
    /// The address, if `u` is one a document may link to (surrounding spaces removed).
    pub fn parse(u: &str) -> Option<WebUrl> {
        is_web_address(u).then(|| WebUrl(u.trim().to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for WebUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether `u` is an address a document may link to (see [`WebUrl`]).
pub fn is_web_address(u: &str) -> bool {
    let u = u.trim();
    let lower = u.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !u.chars().any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_addresses() {
        assert_eq!(WebUrl::parse(" https://example.nl/a ").unwrap().as_str(), "https://example.nl/a");
        assert!(WebUrl::parse("mailto:info@example.nl").is_some());
        for bad in ["javascript:alert(1)", "www.example.nl", "https://a b", "https://a\"><script>", "/pad", ""] {
            assert!(WebUrl::parse(bad).is_none(), "{bad}");
        }
    }
}
