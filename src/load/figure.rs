//! Images the data refers to by file (a themalijn's ambition figure): read once when the data
//! loads, checked (inside the data directory, a real PNG, JPEG or SVG of a sane size, with alt
//! text), and carried as bytes to every format — embedded in the HTML, a file beside the
//! Markdown, a file in typst's world for the PDF.

use std::sync::Arc;

/// The largest image a document embeds.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// The image formats koers embeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    Svg,
}

impl ImageKind {
    /// What the bytes are, by their content (never by the file name alone).
    pub fn sniff(bytes: &[u8]) -> Option<ImageKind> {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return Some(ImageKind::Png);
        }
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            return Some(ImageKind::Jpeg);
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
        let head = head.trim_start_matches('\u{feff}').trim_start();
        if (head.starts_with("<svg") || head.starts_with("<?xml") || head.starts_with("<!--")) && head.contains("<svg")
        {
            return Some(ImageKind::Svg);
        }
        None
    }

    /// The kind a file name promises.
    pub fn from_extension(name: &str) -> Option<ImageKind> {
        let ext = name.rsplit('.').next()?.to_ascii_lowercase();
        match ext.as_str() {
            "png" => Some(ImageKind::Png),
            "jpg" | "jpeg" => Some(ImageKind::Jpeg),
            "svg" => Some(ImageKind::Svg),
            _ => None,
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Svg => "image/svg+xml",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
            ImageKind::Svg => "svg",
        }
    }
}

/// The size in pixels of an image: a PNG's IHDR, a JPEG's frame header, an SVG's own size.
pub fn pixel_size(kind: ImageKind, bytes: &[u8]) -> Option<(u32, u32)> {
    match kind {
        ImageKind::Png => {
            let b = bytes.get(16..24)?;
            Some((u32::from_be_bytes(b[..4].try_into().ok()?), u32::from_be_bytes(b[4..].try_into().ok()?)))
        }
        ImageKind::Jpeg => {
            let mut i = 2;
            while i + 9 < bytes.len() {
                if bytes[i] != 0xFF {
                    return None;
                }
                let marker = bytes[i + 1];
                let len = u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]) as usize;
                // A start-of-frame marker (not DHT, JPG, DAC) holds the height and the width.
                if (0xC0..=0xCF).contains(&marker) && !matches!(marker, 0xC4 | 0xC8 | 0xCC) {
                    let h = u16::from_be_bytes([bytes[i + 5], bytes[i + 6]]) as u32;
                    let w = u16::from_be_bytes([bytes[i + 7], bytes[i + 8]]) as u32;
                    return Some((w, h));
                }
                i += 2 + len;
            }
            None
        }
        ImageKind::Svg => {
            let tree = resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default()).ok()?;
            let size = tree.size().to_int_size();
            Some((size.width(), size.height()))
        }
    }
}

/// A checked image from the data.
#[derive(Debug, Clone)]
pub struct Figuur {
    /// The path in the data directory, as written (`figuren/ambitie-ouderen.png`).
    pub bestand: String,
    pub kind: ImageKind,
    pub bytes: Arc<Vec<u8>>,
    /// What the image shows, for readers who do not see it.
    pub alt: String,
}

impl Figuur {
    /// The image as a `data:` URL, for a self-contained HTML page.
    pub fn data_url(&self) -> String {
        use base64::Engine;
        format!("data:{};base64,{}", self.kind.mime(), base64::engine::general_purpose::STANDARD.encode(&*self.bytes))
    }
}

/// Why an image file cannot be used, in words for a diagnostic: (message, hint).
pub fn check(bestand: &str, bytes: &[u8]) -> Result<ImageKind, (String, String)> {
    let how = || crate::t!("data-image-how");
    if bytes.len() > MAX_BYTES {
        return Err((
            crate::t!("data-image-too-large", file = bestand, size = bytes.len().div_ceil(1024 * 1024)),
            how(),
        ));
    }
    let Some(kind) = ImageKind::sniff(bytes) else {
        return Err((crate::t!("data-image-unknown-kind", file = bestand), how()));
    };
    match ImageKind::from_extension(bestand) {
        Some(k) if k == kind => Ok(kind),
        _ => Err((
            crate::t!("data-image-misnamed", file = bestand, kind = kind.extension().to_uppercase()),
            crate::t!("data-image-misnamed-hint"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_are_known_by_their_content() {
        assert_eq!(ImageKind::sniff(b"\x89PNG\r\n\x1a\nrest"), Some(ImageKind::Png));
        assert_eq!(ImageKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(ImageKind::Jpeg));
        assert_eq!(
            ImageKind::sniff(b"<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            Some(ImageKind::Svg)
        );
        assert_eq!(ImageKind::sniff(b"GIF89a"), None);
        assert!(check("a.png", b"<svg></svg>").is_err(), "an SVG named .png");
        assert!(check("a.gif", b"GIF89a").is_err());
        assert_eq!(check("a.svg", b"<svg></svg>"), Ok(ImageKind::Svg));
    }
}
