use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `412 Precondition Failed` answering a request that carried no precondition: no
    /// `If-*` header field (`If-Match`, `If-Unmodified-Since`, `If-None-Match`, WebDAV `If`,
    /// CalDAV `If-Schedule-Tag-Match` …) and no WebDAV `Overwrite`. Silent when the request is
    /// unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.13: a 412 "indicates that one or more conditions given in the request
    /// header fields evaluated to false when tested on the server". With no condition in the
    /// request, the client cannot know what to change; generic clients treat 412 as a lost
    /// update race and may refetch and retry forever. Business-rule failures have their own
    /// codes (`409 Conflict`, `422 Unprocessable Content`).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 412 Precondition Failed
    /// Content-Type: application/json
    ///
    /// {"error": "account not verified"}
    /// ```
    /// (in answer to a `POST` without any `If-*` header)
    ///
    /// ## Fix
    /// Use `409 Conflict`, `422 Unprocessable Content` or `403 Forbidden` for conditions that
    /// are not request preconditions; keep 412 for failed `If-*` headers.
    pub static PRECONDITION_FAILED_WITHOUT_PRECONDITION = {
        code: "STA028",
        name: "precondition-failed-without-precondition",
        category: Status,
        severity: Warning,
        summary: "A 412 response answers a request that had no precondition",
        specs: [rfc(9110, "15.5.13"), rfc(9110, "13.1")],
        statuses: Codes(&[412]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 412 {
        return;
    }
    let Some(req) = c.request() else { return };
    let has_condition = req.headers.iter().any(|(n, _)| {
        let n = n.to_ascii_lowercase();
        n == "if" || n.starts_with("if-") || n == "overwrite"
    });
    if has_condition {
        return;
    }
    c.report(
        Target::StatusLine,
        format!("`412 Precondition Failed` answers a `{}` request that carries no precondition (`If-Match`, `If-Unmodified-Since` …).", req.method),
        "Use 409, 422 or 403 for failures that are not request preconditions.",
    );
}
