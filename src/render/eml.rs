//! The newsletter as a message ready to send: `even-bijpraten-<edition>.eml`, MIME
//! multipart/alternative (the text version and the e-mail HTML, UTF-8), built with lettre's
//! message builder (no transport). Deterministic: the Date is the document date and the MIME
//! boundary is derived from the content, so a rebuild gives the same bytes. It has no To and
//! carries `X-Unsent: 1`, so Outlook and Thunderbird open it as a draft to address and send.

use super::RenderError;
use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use sha2::Digest;

/// What the message needs besides its two bodies.
pub struct EmlHeaders<'a> {
    pub subject: &'a str,
    /// The sender: the newsletter's `afzender`, else the programme's e-mail address.
    pub from: &'a str,
    /// The sender's display name (the programme's name).
    pub from_name: &'a str,
    pub reply_to: Option<&'a str>,
    /// `mailto:` address or `https://` URL for List-Unsubscribe.
    pub unsubscribe: Option<&'a str>,
    /// The day the edition is sent (`verzonden`, or `--date`); without one the message has no
    /// Date header and the mailing tool sets it when it sends (RFC 6409 §8.3).
    pub date: Option<chrono::NaiveDate>,
}

fn mailbox(name: Option<&str>, address: &str, file: &str) -> Result<Mailbox, RenderError> {
    let email = address.parse::<lettre::Address>().map_err(|e| {
        RenderError::file(file, crate::t!("build-email-bad-address", address = address, error = e.to_string()))
    })?;
    Ok(Mailbox::new(name.map(str::to_string), email))
}

/// The formatted message (CRLF line ends, as RFC 5322 has them).
/// `inline`: images the HTML refers to as `cid:<id>`, as (id, PNG bytes); with them the HTML
/// and its images form a multipart/related part.
pub fn build(
    h: &EmlHeaders,
    text: &str,
    html: &str,
    inline: &[(String, Vec<u8>)],
    file: &str,
) -> Result<Vec<u8>, RenderError> {
    let from = mailbox(Some(h.from_name), h.from, file)?;
    let digest = sha2::Sha256::digest([text.as_bytes(), html.as_bytes()].concat());
    let boundary: String = format!("koers-{}", digest[..12].iter().map(|b| format!("{b:02x}")).collect::<String>());
    // 08:00 UTC of the day it is sent: a fixed moment, in the morning in the Netherlands (the
    // data gives the day only). Without a day the builder gets the epoch, whose header is removed
    // below: lettre would otherwise date the message by the clock.
    let seconds = h.date.map_or(0, |d| d.and_hms_opt(8, 0, 0).expect("valid time").and_utc().timestamp());
    let date = std::time::UNIX_EPOCH + std::time::Duration::from_secs(u64::try_from(seconds).unwrap_or(0));
    let mut builder = Message::builder()
        .from(from.clone())
        .subject(h.subject)
        .date(date)
        .user_agent(crate::core::document::GENERATOR.to_string())
        // The envelope is for a transport only; the draft itself has no To.
        .envelope(
            lettre::address::Envelope::new(Some(from.email.clone()), vec![from.email.clone()])
                .map_err(|e| RenderError::file(file, e))?,
        )
        .raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("X-Unsent"), "1".into()));
    if let Some(r) = h.reply_to {
        builder = builder.reply_to(mailbox(None, r, file)?);
    }
    if let Some(u) = h.unsubscribe {
        builder =
            builder.raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{u}>")));
        if u.starts_with("https://") {
            // One-click unsubscribe (RFC 8058) needs an https URL that accepts the POST.
            builder = builder.raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".into(),
            ));
        }
    }
    let plain = SinglePart::builder().header(ContentType::TEXT_PLAIN).body(text.to_string());
    let html_part = SinglePart::builder().header(ContentType::TEXT_HTML).body(html.to_string());
    let alternative = MultiPart::alternative().boundary(format!("{boundary}-alt")).singlepart(plain);
    let body = if inline.is_empty() {
        alternative.singlepart(html_part)
    } else {
        let png = ContentType::parse("image/png").expect("a valid content type");
        let mut related = MultiPart::related().boundary(format!("{boundary}-rel")).singlepart(html_part);
        for (cid, bytes) in inline {
            related = related.singlepart(Attachment::new_inline(cid.clone()).body(bytes.clone(), png.clone()));
        }
        alternative.multipart(related)
    };
    let message = builder
        .multipart(body)
        .map_err(|e| RenderError::file(file, crate::t!("build-email-building", error = e.to_string())))?;
    let formatted = message.formatted();
    Ok(if h.date.is_some() { formatted } else { without_header(&formatted, b"Date: ") })
}

/// The message without the header field starting with `name` (and its folded lines).
fn without_header(message: &[u8], name: &[u8]) -> Vec<u8> {
    let end = message.windows(4).position(|w| w == b"\r\n\r\n").map_or(message.len(), |i| i + 2);
    let (head, body) = message.split_at(end);
    let mut out = Vec::with_capacity(message.len());
    let mut skipping = false;
    for line in head.split_inclusive(|b| *b == b'\n') {
        let folded = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        skipping = if folded { skipping } else { line.starts_with(name) };
        if !skipping {
            out.extend_from_slice(line);
        }
    }
    out.extend_from_slice(body);
    out
}
