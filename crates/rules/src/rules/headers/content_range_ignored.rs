use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, lines};

declare_rule! {
    /// ## What it checks
    /// A `Content-Range` on a response whose status is neither `206 Partial Content` nor
    /// `416 Range Not Satisfiable`.
    ///
    /// ## Why it matters
    /// RFC 9110 §14.4: "The Content-Range header field has no meaning for status codes that do
    /// not explicitly describe its semantic. For this specification, only the 206 (Partial
    /// Content) and 416 (Range Not Satisfiable) status codes describe a meaning for
    /// Content-Range." Clients ignore it elsewhere. On a `200` it usually means the server
    /// meant to answer a range request with `206` and got the status wrong — a client that
    /// asked for a range then treats the partial bytes as the whole representation.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Range: bytes 0-99/5000
    /// Content-Type: video/mp4
    /// Content-Length: 100
    /// ```
    ///
    /// ## Fix
    /// Answer a satisfiable range request with `206 Partial Content`; otherwise send the full
    /// representation with `200` and no `Content-Range`.
    pub static CONTENT_RANGE_IGNORED = {
        code: "HDR041",
        name: "content-range-ignored",
        category: Headers,
        severity: Info,
        summary: "Content-Range only has meaning on 206 and 416 responses",
        specs: [rfc(9110, "14.4"), rfc(9110, "15.3.7")],
        requires: &["Content-Range"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if matches!(status, 206 | 416) {
        return;
    }
    if let Some((i, v)) = lines(c, "Content-Range").next() {
        let reason = crate::codes::reason(status);
        c.report(
            at("Content-Range", i),
            format!("`Content-Range: {v}` has no meaning on a `{status} {reason}` response; only 206 and 416 define it, and clients ignore it here."),
            "Send `206 Partial Content` for a partial response, or drop `Content-Range`.",
        );
    }
}
