use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, http_date_secs, lines};

declare_rule! {
    /// ## What it checks
    /// A `Sunset` value that is not an HTTP-date (RFC 8594 §3: `Sunset = HTTP-date`).
    ///
    /// ## Why it matters
    /// `Sunset` tells clients when a resource is expected to stop answering, so that API
    /// clients, SDKs and monitoring can warn their owners in time. A value they cannot parse —
    /// an ISO 8601 timestamp, a Unix time, a date without time zone — is ignored, and the
    /// warning never reaches anyone.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Sunset: 2027-06-30
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send an IMF-fixdate in GMT: `Sunset: Wed, 30 Jun 2027 23:59:59 GMT`.
    pub static INVALID_SUNSET = {
        code: "HDR047",
        name: "invalid-sunset",
        category: Headers,
        severity: Warning,
        summary: "Sunset must be an HTTP-date",
        specs: [rfc(8594, "3"), rfc(9110, "5.6.7")],
        requires: &["Sunset"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for (i, v) in lines(c, "Sunset") {
        // The three forms of RFC 9110 §5.6.7, as recipients must read them, 1970 or not.
        if http_date_secs(v).is_some() {
            continue;
        }
        c.report(
            at("Sunset", i),
            format!("`Sunset: {v}` is not an HTTP-date, so clients that watch for it ignore the announced end of life."),
            "Send an IMF-fixdate in GMT, e.g. `Sunset: Wed, 30 Jun 2027 23:59:59 GMT`.",
        );
    }
}
