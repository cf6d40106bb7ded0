use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// An `application/problem+json` body whose `status` member differs from the response's
    /// status code, on a `4xx` or `5xx` response (a problem sent with `2xx` is
    /// `success-with-problem-details`).
    ///
    /// ## Why it matters
    /// RFC 9457 §3.1.2: the `status` member "is only advisory; it conveys the HTTP status code
    /// used for the convenience of the consumer. Generators MUST use the same status code in
    /// the actual HTTP response". Clients that log or display `status` show one code while
    /// caches, proxies and retry logic act on another — usually a sign that an intermediary
    /// or error handler rewrote one of them.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 500 Internal Server Error
    /// Content-Type: application/problem+json
    ///
    /// {"title": "Invalid input", "status": 400}
    /// ```
    ///
    /// ## Fix
    /// Set the response status and the `status` member from the same value, or omit the
    /// member.
    pub static PROBLEM_STATUS_MISMATCH = {
        code: "STA045",
        name: "problem-status-mismatch",
        category: Status,
        severity: Warning,
        summary: "A problem details status member must equal the response status",
        specs: [rfc(9457, "3.1.2")],
        statuses: Range(400, 599),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(400..=599).contains(&status) {
        return;
    }
    let r = c.response();
    if super::helpers::content_type(&r.headers).is_none_or(|m| m.essence != "application/problem+json") {
        return;
    }
    let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&r.body) else { return };
    let Some(member) = doc.get("status").and_then(|s| s.as_u64()) else { return };
    if member == u64::from(status) {
        return;
    }
    let reason = crate::codes::reason(status);
    c.report(
        Target::Body,
        format!("The problem details say `\"status\": {member}` but the response is `{status} {reason}`; the two must be the same."),
        "Use one status code for both the response and the `status` member.",
    );
}
