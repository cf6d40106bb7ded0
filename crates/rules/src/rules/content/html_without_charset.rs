use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

use super::media;

declare_rule! {
    /// ## What it checks
    /// An HTML document with non-ASCII content whose encoding is declared nowhere: no `charset`
    /// in `Content-Type`, no byte order mark, and no `<meta charset>` (or `<meta http-equiv>`)
    /// in the first 1024 bytes.
    ///
    /// ## Why it matters
    /// The HTML standard's "determining the character encoding" then falls back to guessing
    /// (frequency analysis, the user's locale, windows-1252), so the same page renders with
    /// garbled characters for some users, and a mid-parse correction can force a reload. Worse,
    /// some guessed encodings (UTF-7 in old browsers, ISO-2022-JP) have enabled cross-site
    /// scripting.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html
    ///
    /// <!doctype html><title>Café</title><p>Menü</p>
    /// ```
    ///
    /// ## Fix
    /// Send `Content-Type: text/html; charset=utf-8`, and put `<meta charset="utf-8">` at the
    /// very start of `<head>`.
    pub static HTML_WITHOUT_CHARSET = {
        code: "CNT008",
        name: "html-without-charset",
        category: Content,
        severity: Info,
        summary: "HTML documents should declare their character encoding",
        specs: [
            StaticSpec::Other("HTML: Determining the character encoding", "https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding"),
            StaticSpec::Other("HTML: Specifying the document's character encoding", "https://html.spec.whatwg.org/multipage/semantics.html#charset"),
            rfc(9110, "8.3.2"),
        ],
        requires: &["Content-Type"],
        check: check,
    }
}

/// A `<meta …charset…>` tag in the first 1024 bytes (a simplified HTML prescan).
fn meta_charset(body: &[u8]) -> bool {
    let head = body.get(..1024).unwrap_or(body).to_ascii_lowercase();
    let mut rest: &[u8] = &head;
    while let Some(p) = rest.windows(5).position(|w| w == b"<meta") {
        let tag = &rest[p..];
        let end = tag.iter().position(|&b| b == b'>').unwrap_or(tag.len());
        if tag[..end].windows(7).any(|w| w == b"charset") {
            return true;
        }
        rest = &tag[5..];
    }
    false
}

fn check(c: &mut Checker<'_>) {
    let Some((i, m)) = media::response_mime(c) else { return };
    if !m.is_html() || m.charset().is_some() {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    if body.is_ascii() || super::has_bom(body) || meta_charset(body) {
        return;
    }
    c.report(
        Target::Header { name: "Content-Type".into(), index: Some(i) },
        "This HTML document contains non-ASCII bytes but declares no encoding (no `charset` parameter, byte order mark or early `<meta charset>`): browsers have to guess it.",
        "Send `Content-Type: text/html; charset=utf-8` and start `<head>` with `<meta charset=\"utf-8\">`.",
    );
}
