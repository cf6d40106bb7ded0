use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, coding_name, members};

declare_rule! {
    /// ## What it checks
    /// A `Transfer-Encoding` whose last transfer coding is not `chunked`
    /// (`Transfer-Encoding: gzip`, `Transfer-Encoding: chunked, gzip`).
    ///
    /// ## Why it matters
    /// RFC 9112 §6.1: a server that applies a transfer coding other than `chunked` "MUST either
    /// apply chunked as the final transfer coding or terminate the message by closing the
    /// connection". Without `chunked` last, the body ends only when the connection closes
    /// (§6.3): the connection cannot be reused, and a response cut short by a network error
    /// cannot be told from a complete one, so caches may store truncated content.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Transfer-Encoding: gzip
    ///
    /// …
    /// ```
    ///
    /// ## Fix
    /// Apply `chunked` last (`Transfer-Encoding: gzip, chunked`) — or better, compress with
    /// `Content-Encoding: gzip`, which every client supports, and leave framing to the server.
    pub static CHUNKED_NOT_FINAL = {
        code: "HDR010",
        name: "chunked-not-final",
        category: Headers,
        severity: Warning,
        summary: "chunked should be the final transfer coding",
        specs: [rfc(9112, "6.1"), rfc(9112, "6.3")],
        requires: &["Transfer-Encoding"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let ms: Vec<(usize, &str)> = members(c, "Transfer-Encoding").collect();
    let Some((i, last)) = ms.last() else { return };
    if coding_name(last) == "chunked" {
        return;
    }
    let all: Vec<&str> = ms.iter().map(|&(_, m)| m).collect();
    c.report(
        at("Transfer-Encoding", *i),
        format!("`Transfer-Encoding: {}` does not end with `chunked`, so the body ends only when the server closes the connection; a truncated response looks complete.", all.join(", ")),
        "Apply `chunked` last, or compress with `Content-Encoding` instead.",
    );
}
