use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, content_length_members};

declare_rule! {
    /// ## What it checks
    /// `Content-Length` sent more than once with the same value, on several lines or as a
    /// list (`Content-Length: 42, 42`).
    ///
    /// ## Why it matters
    /// `Content-Length` is a single value, not a list (RFC 9110 §8.6). RFC 9110 §8.6 lets a
    /// recipient of identical duplicates either reject the message as invalid or replace the
    /// value with a single instance; browsers do the latter, but strict proxies and HTTP
    /// libraries reject the response. It usually means two layers set the field.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Content-Length: 5
    /// Content-Length: 5
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send `Content-Length` once; find the proxy or middleware that adds the second copy.
    pub static REPEATED_CONTENT_LENGTH = {
        code: "HDR007",
        name: "repeated-content-length",
        category: Headers,
        severity: Warning,
        summary: "Content-Length should be sent once",
        specs: [rfc(9110, "8.6"), rfc(9112, "6.3")],
        requires: &["Content-Length"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let ms = content_length_members(c);
    if ms.len() < 2 {
        return;
    }
    let Some(Some(first)) = ms.first().map(|m| m.value) else { return };
    if ms.iter().all(|m| m.value == Some(first)) {
        let i = ms.get(1).map_or(0, |m| m.index);
        c.report(
            at("Content-Length", i),
            format!("`Content-Length: {first}` is sent {} times; browsers accept identical copies, but strict recipients reject the response.", ms.len()),
            "Send `Content-Length` once.",
        );
    }
}
