use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity};
use crate::spec::rfc;

use super::syntax::{at, coding_name, content_length, members};

declare_rule! {
    /// ## What it checks
    /// A `Content-Length` that disagrees with the number of body bytes captured. Only when the
    /// body was captured (it is not empty), it is not compressed (no `Content-Encoding`, since a
    /// capture may hold the decoded bytes), there is no `Transfer-Encoding`, and the response
    /// can have content (not `HEAD`, `1xx`, `204` or `304`). Trailing line ends pasted after the
    /// body are forgiven. A body *longer* than declared is a `warning`; a *shorter* one is
    /// `info`, since the capture itself may be truncated.
    ///
    /// ## Why it matters
    /// The recipient reads exactly `Content-Length` bytes (RFC 9112 §6.3). Extra bytes are
    /// read as the start of the next response on the connection, which corrupts it (a
    /// desynchronisation bug); missing bytes leave the client waiting, then failing with an
    /// incomplete response (RFC 9112 §8).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// Content-Length: 10
    ///
    /// {"ok": true}
    /// ```
    ///
    /// ## Fix
    /// Compute `Content-Length` from the bytes actually sent — after any compression or
    /// templating, counting bytes rather than characters — or leave it out and let the server
    /// use chunked transfer coding.
    pub static CONTENT_LENGTH_MISMATCH = {
        code: "HDR008",
        name: "content-length-mismatch",
        category: Headers,
        severity: Warning,
        summary: "Content-Length should equal the number of bytes in the body",
        specs: [rfc(9112, "6.3"), rfc(9112, "8"), rfc(9110, "8.6")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    let body = &c.response().body;
    if body.is_empty() || (100..200).contains(&status) || status == 204 || status == 304 {
        return;
    }
    if c.method() == Some("HEAD") || (c.method() == Some("CONNECT") && (200..300).contains(&status)) {
        return;
    }
    if !matches!(c.header("Transfer-Encoding"), Presence::Absent) {
        return;
    }
    match c.header("Content-Encoding") {
        Presence::Absent => {}
        Presence::Hidden => return,
        Presence::Present(..) => {
            if members(c, "Content-Encoding").any(|(_, m)| coding_name(m) != "identity") {
                return;
            }
        }
    }
    let Some((i, cl)) = content_length(c) else { return };
    let len = body.len() as u64;
    let trailing = body.iter().rev().take_while(|&&b| b == b'\r' || b == b'\n').count() as u64;
    if len > cl {
        if len - cl <= trailing {
            return;
        }
        c.report(
            at("Content-Length", i),
            format!("`Content-Length: {cl}` but the body has {len} bytes; the {} extra bytes would be read as the start of the next response on the connection.", len - cl),
            "Compute `Content-Length` from the bytes actually sent, or omit it and use chunked transfer coding.",
        );
    } else if len < cl {
        c.report_with(
            Severity::Info,
            at("Content-Length", i),
            format!("`Content-Length: {cl}` but only {len} bytes of body were captured; if the capture is complete, clients wait for the missing {} bytes and then treat the response as incomplete.", cl - len),
            "Compute `Content-Length` from the bytes actually sent, or omit it and use chunked transfer coding.",
        );
    }
}
