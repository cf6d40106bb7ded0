use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, content_length_members};

declare_rule! {
    /// ## What it checks
    /// A `Content-Length` line that is not a non-negative decimal integer (`1*DIGIT`): empty,
    /// negative, fractional, with units, or too large to represent. A comma-separated list of
    /// integers is left to `conflicting-content-length` and `repeated-content-length`.
    ///
    /// ## Why it matters
    /// `Content-Length` is how an HTTP/1.1 recipient finds the end of the response. RFC 9112
    /// §6.3: with an invalid `Content-Length` "the message framing is invalid and the recipient
    /// MUST treat it as an unrecoverable error"; a user agent must close the connection and
    /// discard the response. Recipients that are more forgiving disagree with each other on
    /// where the message ends, which is how response splitting and cache poisoning start.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Content-Length: 5 bytes
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send the exact number of bytes of the content as a bare integer (`Content-Length: 5`),
    /// or leave `Content-Length` out and let the server use chunked transfer coding.
    pub static INVALID_CONTENT_LENGTH = {
        code: "HDR005",
        name: "invalid-content-length",
        category: Headers,
        severity: Error,
        summary: "Content-Length must be a non-negative integer",
        specs: [rfc(9110, "8.6"), rfc(9112, "6.3")],
        requires: &["Content-Length"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let mut reported: Vec<usize> = Vec::new();
    for m in content_length_members(c) {
        if m.value.is_some() || reported.contains(&m.index) {
            continue;
        }
        reported.push(m.index);
        let msg = if m.line.trim_fast().is_empty() {
            "`Content-Length` is empty; recipients must treat the response's framing as invalid.".to_string()
        } else {
            format!(
                "`Content-Length: {}` is not a non-negative integer; recipients must treat the response's framing as invalid.",
                m.line
            )
        };
        c.report(at("Content-Length", m.index), msg, "Send the size of the content in bytes as a bare integer, or omit `Content-Length`.".to_string());
    }
}
