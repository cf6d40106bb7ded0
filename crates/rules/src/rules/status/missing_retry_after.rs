use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `429 Too Many Requests` or `503 Service Unavailable` without `Retry-After`.
    ///
    /// ## Why it matters
    /// Both codes mean "try again later" (RFC 6585 §4, RFC 9110 §15.6.4). `Retry-After`
    /// (RFC 9110 §10.2.3) tells clients when: without it, well-behaved clients guess with
    /// backoff and badly behaved ones retry at once, adding load to a server that is already
    /// refusing it. Crawlers use it to schedule their return.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 429 Too Many Requests
    /// Content-Type: text/plain
    ///
    /// slow down
    /// ```
    ///
    /// ## Fix
    /// Send `Retry-After: 30` (seconds) or an HTTP date.
    pub static MISSING_RETRY_AFTER = {
        code: "STA006",
        name: "missing-retry-after",
        category: Status,
        severity: Warning,
        summary: "429 and 503 should tell clients when to retry",
        specs: [rfc(9110, "10.2.3"), rfc(6585, "4"), rfc(9110, "15.6.4")],
        statuses: Codes(&[429, 503]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::require_critical_header(c,
        "Retry-After",
        "Add `Retry-After: <seconds>` so clients know when to come back.",
    );
}
