use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, content_length_members};

declare_rule! {
    /// ## What it checks
    /// `Content-Length` given with different values, on several lines or as a
    /// comma-separated list (`Content-Length: 42, 43`).
    ///
    /// ## Why it matters
    /// Two lengths mean two possible ends of the message. RFC 9112 §6.3 makes such a
    /// `Content-Length` invalid: the recipient "MUST treat it as an unrecoverable error", and a
    /// user agent must close the connection and discard the response (browsers fail with an
    /// error such as `ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH`). Intermediaries that pick
    /// different values are the basis of response-splitting attacks.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Content-Length: 5
    /// Content-Length: 12
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send one `Content-Length`. Two differing values usually come from two layers (an
    /// application and a proxy, or a middleware that rewrote the body) each setting it.
    pub static CONFLICTING_CONTENT_LENGTH = {
        code: "HDR006",
        name: "conflicting-content-length",
        category: Headers,
        severity: Error,
        summary: "Content-Length must not carry differing values",
        specs: [rfc(9110, "8.6"), rfc(9112, "6.3")],
        requires: &["Content-Length"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let ms = content_length_members(c);
    // Unparsable members are `invalid-content-length`'s business.
    if ms.iter().any(|m| m.value.is_none()) {
        return;
    }
    let mut values = ms.iter().filter_map(|m| m.value.map(|v| (m.index, v)));
    let Some((_, first)) = values.next() else { return };
    if let Some((i, other)) = values.find(|&(_, v)| v != first) {
        c.report(
            at("Content-Length", i),
            format!("`Content-Length` is sent as both {first} and {other}; the response's framing is ambiguous and recipients must reject it."),
            "Send a single `Content-Length` with the size of the content in bytes.",
        );
    }
}
