use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

use super::helpers::{http_date, response_date};

declare_rule! {
    /// ## What it checks
    /// A `Retry-After` given as an HTTP-date that is already past: earlier than the
    /// response's own `Date`, or — when the response has no `Date` — than the time of linting.
    ///
    /// ## Why it matters
    /// `Retry-After` tells the client how long to wait (RFC 9110 §10.2.3). A date in the past
    /// means "retry now": clients come straight back, which defeats the purpose for a `503`
    /// or `429`. It usually comes from a stale, cached date or a server clock that is off;
    /// delay-seconds (`Retry-After: 120`) avoid clock problems altogether.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 503 Service Unavailable
    /// Date: Wed, 25 Nov 2026 21:00:00 GMT
    /// Retry-After: Wed, 25 Nov 2026 20:30:00 GMT
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send the delay in seconds (`Retry-After: 120`), or a date computed when the response
    /// is generated.
    pub static RETRY_AFTER_ALREADY_PASSED = {
        code: "STA047",
        name: "retry-after-already-passed",
        category: Status,
        severity: Info,
        summary: "Retry-After names a time that has already passed",
        specs: [rfc(9110, "10.2.3"), rfc(9110, "6.6.1")],
        requires: &["Retry-After"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, v) = c.header("Retry-After") else { return };
    let Some(at) = http_date(v) else { return };
    let h = &c.response().headers;
    let (reference, what) = match response_date(h) {
        Some(d) => (d, "the response's `Date`"),
        None => match c.context.now {
            Some(now) => (i64::try_from(now).unwrap_or(i64::MAX), "now"),
            None => return,
        },
    };
    if at < reference {
        c.report(
            Target::Header { name: "Retry-After".into(), index: Some(i) },
            format!("`Retry-After: {v}` is earlier than {what}, so clients retry at once."),
            "Send the delay in seconds, e.g. `Retry-After: 120`.",
        );
    }
}
