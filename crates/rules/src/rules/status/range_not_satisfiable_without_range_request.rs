use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `416 Range Not Satisfiable` answering a request that had no `Range` header. Silent
    /// when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.17: a 416 "indicates that the set of ranges in the request's Range header
    /// field has been rejected". Without a `Range`, there is nothing the client could change:
    /// it will show an error for a resource it simply asked for. This is usually a server
    /// that validates a missing `Range` as if it were an empty one, or a cached 416 served to
    /// another request.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 416 Range Not Satisfiable
    /// Content-Range: bytes */800
    /// Content-Length: 0
    /// ```
    /// (in answer to `GET /report.pdf` without `Range`)
    ///
    /// ## Fix
    /// Answer requests without `Range` with `200 OK` and the whole representation.
    pub static RANGE_NOT_SATISFIABLE_WITHOUT_RANGE_REQUEST = {
        code: "STA022",
        name: "range-not-satisfiable-without-range-request",
        category: Status,
        severity: Warning,
        summary: "A 416 response answers a request that asked for no range",
        specs: [rfc(9110, "15.5.17"), rfc(9110, "14.2")],
        statuses: Codes(&[416]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 416 {
        return;
    }
    let Some(req) = c.request() else { return };
    if req.headers.contains("Range") {
        return;
    }
    c.report(
        Target::StatusLine,
        format!("`416 Range Not Satisfiable` answers a `{}` request that has no `Range` header; there is no range to reject.", req.method),
        "Answer with 200 and the full content when the request has no `Range`.",
    );
}
