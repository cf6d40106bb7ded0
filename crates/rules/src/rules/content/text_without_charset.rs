use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::media;

declare_rule! {
    /// ## What it checks
    /// A `text/*` response (other than `text/html`, which has its own rule, and
    /// `text/event-stream`, which is always UTF-8) with non-ASCII content but no `charset`
    /// parameter and no byte order mark.
    ///
    /// ## Why it matters
    /// Without a declared encoding, the recipient guesses: browsers fall back to a
    /// locale-dependent legacy encoding (often windows-1252) for `text/plain`, and to the
    /// including document's encoding for CSS and classic scripts; other clients assume
    /// US-ASCII or ISO-8859-1. UTF-8 text then shows as mojibake (`Ã©` for `é`). RFC 9110 §8.3.2
    /// defines the `charset` parameter for exactly this; RFC 6838 §4.2.1 asks text types to use
    /// it. Pure-ASCII content is not reported: every fallback decodes it the same way.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    ///
    /// Café prices: 3 €
    /// ```
    ///
    /// ## Fix
    /// Declare the encoding: `Content-Type: text/plain; charset=utf-8`.
    pub static TEXT_WITHOUT_CHARSET = {
        code: "CNT007",
        name: "text-without-charset",
        category: Content,
        severity: Info,
        summary: "Non-ASCII text should declare its charset",
        specs: [rfc(9110, "8.3.2"), rfc(6838, "4.2.1")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, m)) = media::response_mime(c) else { return };
    if !m.essence.starts_with("text/") || m.essence == "text/html" || m.essence == "text/event-stream" || m.charset().is_some() {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    if body.is_ascii() || super::has_bom(body) {
        return;
    }
    let e = &m.essence;
    c.report(
        Target::Header { name: "Content-Type".into(), index: Some(i) },
        format!("`{e}` content with non-ASCII bytes declares no `charset`: recipients guess the encoding, and UTF-8 text may show as garbled characters."),
        format!("Send `Content-Type: {e}; charset=utf-8` (if the text is UTF-8)."),
    );
}
