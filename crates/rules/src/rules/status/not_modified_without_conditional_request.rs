use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `304 Not Modified` answering a `GET` or `HEAD` that carried neither `If-None-Match`
    /// nor `If-Modified-Since`. Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.4.5: a 304 "indicates that a conditional GET or HEAD request has been
    /// received and would have resulted in a 200 (OK) response if it were not for the fact
    /// that the condition evaluated to false". Only those two preconditions can produce it
    /// (§13.1.2, §13.1.3). A client that sent no validator has no stored copy to reuse, so it
    /// ends up with no content at all.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 304 Not Modified
    /// ETag: "v42"
    /// Cache-Control: max-age=60
    /// ```
    /// (in answer to a plain `GET /app.js`)
    ///
    /// ## Fix
    /// Evaluate preconditions only when the request carries them; otherwise answer
    /// `200 OK` with the representation.
    pub static NOT_MODIFIED_WITHOUT_CONDITIONAL_REQUEST = {
        code: "STA023",
        name: "not-modified-without-conditional-request",
        category: Status,
        severity: Warning,
        summary: "A 304 response answers a request that had no If-None-Match or If-Modified-Since",
        specs: [rfc(9110, "15.4.5"), rfc(9110, "13.1.2"), rfc(9110, "13.1.3")],
        methods: &["GET", "HEAD"],
        statuses: Codes(&[304]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 304 {
        return;
    }
    let Some(req) = c.request() else { return };
    if !(req.is_method("GET") || req.is_method("HEAD")) {
        return;
    }
    if req.headers.contains("If-None-Match") || req.headers.contains("If-Modified-Since") {
        return;
    }
    c.report(
        Target::StatusLine,
        format!("`304 Not Modified` answers a `{}` without `If-None-Match` or `If-Modified-Since`; the client has no stored copy to reuse.", req.method),
        "Send 200 with the representation unless the request is conditional.",
    );
}
