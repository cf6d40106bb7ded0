use crate::declare_rule;
use crate::model::TrimExt;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

use super::media::{self, MimeType};

declare_rule! {
    /// ## What it checks
    /// A textual response — `text/*`, XML (`application/xml`, `text/xml`, any `…+xml` such as
    /// `image/svg+xml` or `application/xhtml+xml`) or JavaScript — labelled with a UTF-8
    /// `charset` (`utf-8`, or another WHATWG label of UTF-8 such as `utf8` or
    /// `unicode-1-1-utf-8`, in any case) whose content is not valid UTF-8. A leading UTF-8 byte
    /// order mark is fine; a UTF-16 one is left alone (it overrides the label when a browser
    /// decodes a document). JSON types are left to `invalid-json-body`, which reports the same
    /// octets; content-coded, chunked, partial or truncated captures, and bodies that are
    /// compressed data (`compressed-body-without-content-encoding`), are skipped. Nothing is
    /// reported without a `charset` or with another encoding.
    ///
    /// ## Why it matters
    /// The `charset` parameter tells the recipient how to turn the octets into characters
    /// (RFC 9110 §8.3.2), and a transport-layer label takes precedence over a `<meta charset>`
    /// or a CSS `@charset`. Browsers decode with the Encoding Standard's UTF-8 decoder, which
    /// turns every invalid sequence into U+FFFD: the page shows `�` where the author wrote
    /// `é`, `ü` or `€`. The usual cause is text saved or produced in Windows-1252 (Latin-1) —
    /// a template, a database column, a legacy file — behind a server that labels everything
    /// UTF-8. For XML it is worse: XML 1.0 §4.3.3 makes octets that are not legal in the
    /// declared encoding a fatal error, so parsers reject the document.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Menu</title><p>Café</p>
    /// ```
    /// (with the `é` sent as the single octet `0xE9`, its Windows-1252 encoding)
    ///
    /// ## Fix
    /// Convert the content to UTF-8 (re-save the file, set the database connection and the
    /// template engine to UTF-8), or, if it must stay in its legacy encoding, declare that one:
    /// `Content-Type: text/html; charset=windows-1252`.
    pub static BODY_NOT_IN_DECLARED_CHARSET = {
        code: "CNT014",
        name: "body-not-in-declared-charset",
        category: Content,
        severity: Warning,
        summary: "Content labelled charset=utf-8 must be valid UTF-8",
        specs: [
            rfc(9110, "8.3.2"),
            StaticSpec::Other("Encoding Standard: UTF-8 decode", "https://encoding.spec.whatwg.org/#utf-8-decode"),
            StaticSpec::Other("XML 1.0 §4.3.3 Character Encoding in Entities", "https://www.w3.org/TR/xml/#charencoding"),
        ],
        requires: &["Content-Type"],
        check: check,
    }
}

/// The WHATWG labels of UTF-8 (Encoding Standard §4.2, the first row of `ENCODING_LABELS` in
/// `headers/syntax.rs`).
const UTF8_LABELS: &[&str] = &["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"];

/// Whether `label` names UTF-8 as "get an encoding" reads it: ASCII whitespace around it
/// removed, compared ASCII case-insensitively.
pub(crate) fn is_utf8_label(label: &str) -> bool {
    let l = label.trim_matches(|c: char| matches!(c, '\t' | '\n' | '\x0C' | '\r' | ' '));
    UTF8_LABELS.iter().any(|u| u.eq_ignore_ascii_case(l))
}

/// A type whose content is text read through its `charset`: `text/*`, XML (`application/xml`,
/// `…+xml`, `application/xml-dtd`) and the JavaScript types of MIME Sniffing — JSON types
/// (`text/json` included) excepted.
pub(crate) fn is_text_type(m: &MimeType<'_>) -> bool {
    if m.is_json() {
        return false;
    }
    let e: &str = &m.essence;
    e.starts_with("text/")
        || e.ends_with("+xml")
        || matches!(
            e,
            "application/xml"
                | "application/xml-dtd"
                | "application/javascript"
                | "application/ecmascript"
                | "application/x-javascript"
                | "application/x-ecmascript"
        )
}

/// The character windows-1252 maps `b` to (WHATWG `index-windows-1252`: the octets 0x80–0x9F
/// differ from ISO-8859-1; the five it leaves unassigned map to the C1 controls).
fn cp1252_char(b: u8) -> char {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}', '\u{2C6}', '\u{2030}',
        '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}',
        '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}',
        '\u{17E}', '\u{178}',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Whether the octets around `at` read as windows-1252 text: no C0 control other than TAB, LF,
/// FF and CR, no DEL, and none of the five octets windows-1252 leaves unassigned. Binary data
/// almost always has such octets within a few positions; Latin-1 prose has none.
fn looks_like_windows_1252(body: &[u8], at: usize) -> bool {
    const AROUND: usize = 16;
    let window = &body[at.saturating_sub(AROUND)..(at + AROUND).min(body.len())];
    // Mostly ASCII, as Latin-1 prose is: Shift_JIS, GBK, EUC-KR or Big5 text is dense with
    // high octets, and reading it as windows-1252 would only garble it further.
    window.iter().filter(|b| !b.is_ascii()).count() <= 3
        && window.iter().all(|&b| match b {
            b'\t' | b'\n' | 0x0C | b'\r' => true,
            0x00..=0x1F | 0x7F | 0x81 | 0x8D | 0x8F | 0x90 | 0x9D => false,
            _ => true,
        })
}

/// What the first octet that is not UTF-8 is: its offset, the octet, and — when the text around
/// it reads as windows-1252 — the character it stands for there.
#[derive(Debug, PartialEq, Eq)]
struct Invalid {
    offset: usize,
    octet: u8,
    windows_1252: Option<char>,
}

/// The first octet of `body` that is not UTF-8 (a UTF-8 byte order mark is UTF-8: U+FEFF).
/// A character cut off by the end of `body` counts only when `complete` (the capture may have
/// stopped inside it).
fn first_invalid(body: &[u8], complete: bool) -> Option<Invalid> {
    let error = std::str::from_utf8(body).err()?;
    if error.error_len().is_none() && !complete {
        return None;
    }
    let offset = error.valid_up_to();
    let octet = *body.get(offset)?;
    let windows_1252 = looks_like_windows_1252(body, offset).then(|| cp1252_char(octet));
    Some(Invalid { offset, octet, windows_1252 })
}

fn check(c: &mut Checker<'_>) {
    let Some((_, m)) = media::response_mime(c) else { return };
    if !is_text_type(m) {
        return;
    }
    let Some(cs) = m.charset() else { return };
    if !is_utf8_label(cs) {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    // A UTF-16 byte order mark decides the encoding over the label (Encoding Standard "decode").
    if body.starts_with(b"\xFE\xFF") || body.starts_with(b"\xFF\xFE") {
        return;
    }
    // Compressed data is not text in another encoding: `compressed-body-without-content-encoding`.
    if super::compressed_body_without_content_encoding::compression(body).is_some() {
        return;
    }
    // Complete when `Content-Length` says so (a capture cut short has fewer octets).
    let complete = c.header_value("Content-Length").and_then(|v| v.trim_fast().parse::<usize>().ok()) == Some(body.len());
    let Some(bad) = first_invalid(body, complete) else { return };
    let e: &str = &m.essence;
    let xml = e.ends_with("+xml") || e.ends_with("/xml") || e == "application/xml-dtd";
    let consequence = if xml {
        "XML parsers must reject the document as a fatal error (XML 1.0 §4.3.3)"
    } else {
        "browsers decode it, and every other invalid sequence, as U+FFFD, shown as `\u{FFFD}`"
    };
    let (hint, fix) = match bad.windows_1252 {
        Some(ch) => {
            let shown = if ch.is_whitespace() || ch.is_control() || ch == '\u{AD}' {
                format!("U+{:04X}", u32::from(ch))
            } else {
                format!("`{ch}`")
            };
            (
                format!(" The text around it reads as Windows-1252 (Latin-1), where the octet is {shown}: the content was probably produced in that encoding."),
                format!("Convert the content to UTF-8, or, if it must stay in Windows-1252, send `Content-Type: {e}; charset=windows-1252`."),
            )
        }
        None => (String::new(), format!("Encode the content as UTF-8, or label it with the encoding it is really in (`Content-Type: {e}; charset=…`).")),
    };
    c.report(
        Target::Body,
        format!(
            "The `{e}` content is labelled `charset={cs}`, but the octet `0x{:02X}` at offset {} is not valid UTF-8, so {consequence}.{hint}",
            bad.octet, bad.offset
        ),
        fix,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::content::media::parse_mime_type;

    #[test]
    fn utf8_labels() {
        for l in ["utf-8", "UTF-8", "utf8", "UTF8", "Unicode-1-1-UTF-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8", " utf-8\t"] {
            assert!(is_utf8_label(l), "{l:?}");
        }
        for l in ["iso-8859-1", "windows-1252", "utf-16", "utf-8x", "utf_8", "", "latin1"] {
            assert!(!is_utf8_label(l), "{l:?}");
        }
    }

    #[test]
    fn text_types() {
        let t = |s: &str| is_text_type(&parse_mime_type(s).unwrap());
        for s in ["text/html", "text/plain", "text/css", "text/javascript", "text/xml", "application/xml", "image/svg+xml", "application/xhtml+xml", "application/atom+xml", "application/javascript"] {
            assert!(t(s), "{s}");
        }
        for s in ["application/json", "text/json", "application/problem+json", "image/png", "application/octet-stream", "application/gzip", "application/wasm"] {
            assert!(!t(s), "{s}");
        }
    }

    #[test]
    fn finds_the_first_invalid_octet() {
        assert_eq!(first_invalid(b"<p>caf\xc3\xa9</p>", true), None);
        assert_eq!(first_invalid(b"\xEF\xBB\xBFcaf\xc3\xa9", true), None, "a UTF-8 BOM is UTF-8");
        assert_eq!(first_invalid(b"<p>caf\xe9</p>", true), Some(Invalid { offset: 6, octet: 0xE9, windows_1252: Some('é') }));
        assert_eq!(first_invalid(b"caf\xe9", true), Some(Invalid { offset: 3, octet: 0xE9, windows_1252: Some('é') }), "cut at the end");
        assert_eq!(first_invalid(b"caf\xc3", false), None, "a capture that may stop inside a character");
        assert_eq!(first_invalid(b"caf\xe9 au lait", false), Some(Invalid { offset: 3, octet: 0xE9, windows_1252: Some('é') }));
        // Shift_JIS (\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8) is no windows-1252 text.
        assert_eq!(
            first_invalid(b"<p>\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67</p>", true).map(|i| i.windows_1252),
            Some(None)
        );
        assert_eq!(first_invalid(b"\x93quoted\x94", true), Some(Invalid { offset: 0, octet: 0x93, windows_1252: Some('\u{201C}') }));
        assert_eq!(first_invalid(b"price: 5 \x80", true), Some(Invalid { offset: 9, octet: 0x80, windows_1252: Some('€') }));
        // Binary data: control octets nearby.
        assert_eq!(first_invalid(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", true), Some(Invalid { offset: 0, octet: 0x89, windows_1252: None }));
        assert_eq!(first_invalid(b"ok \x81 x", true), Some(Invalid { offset: 3, octet: 0x81, windows_1252: None }), "unassigned in windows-1252");
        assert_eq!(cp1252_char(0xE9), 'é');
        assert_eq!(cp1252_char(0x9F), 'Ÿ');
        assert_eq!(cp1252_char(0x41), 'A');
    }
}
