use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `206 Partial Content` answering a request that had no `Range` header. Silent when the
    /// request is unknown.
    ///
    /// ## Why it matters
    /// A 206 "indicates that the server is successfully fulfilling a range request" (RFC 9110
    /// §15.3.7). A client that did not ask for a range expects the whole representation:
    /// many clients treat the 206 as an error, others keep only the fragment as if it were the
    /// full content.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 206 Partial Content
    /// Content-Range: bytes 0-1023/146515
    /// Content-Type: video/mp4
    /// Content-Length: 1024
    /// ```
    /// (in answer to `GET /intro.mp4` without `Range`)
    ///
    /// ## Fix
    /// Answer requests without `Range` with `200 OK` and the whole representation; send 206
    /// only when the request asked for a range.
    pub static PARTIAL_CONTENT_WITHOUT_RANGE_REQUEST = {
        code: "STA016",
        name: "partial-content-without-range-request",
        category: Status,
        severity: Warning,
        summary: "A 206 response answers a request that asked for no range",
        specs: [rfc(9110, "15.3.7"), rfc(9110, "14.2")],
        statuses: Codes(&[206]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 206 {
        return;
    }
    let Some(req) = c.request() else { return };
    if req.headers.contains("Range") {
        return;
    }
    c.report(
        Target::StatusLine,
        format!("`206 Partial Content` answers a `{}` request that has no `Range` header; the client expects the whole representation.", req.method),
        "Answer with 200 and the full content unless the request carries `Range`.",
    );
}
