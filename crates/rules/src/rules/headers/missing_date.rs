use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `2xx`, `3xx` or `4xx` response without a `Date` header field. Silent when the observer
    /// cannot see `Date` (a CORS-filtered response).
    ///
    /// ## Why it matters
    /// RFC 9110 §6.6.1: "An origin server with a clock […] MUST generate a Date header field in
    /// all 2xx (Successful), 3xx (Redirection), and 4xx (Client Error) responses". Caches use
    /// `Date` to compute the response's age (RFC 9111 §4.2.3) and the freshness lifetime given
    /// by `Expires`; without it they substitute the time they received the response. A server
    /// without a reliable clock must not send `Date`, hence `info`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Cache-Control: max-age=60
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send the current time as an IMF-fixdate: `Date: Wed, 25 Nov 2026 21:00:00 GMT`. Most
    /// servers do this by default; embedded servers and some serverless runtimes do not.
    pub static MISSING_DATE = {
        code: "HDR003",
        name: "missing-date",
        category: Headers,
        severity: Info,
        summary: "Origin servers with a clock must send Date on 2xx, 3xx and 4xx responses",
        specs: [rfc(9110, "6.6.1"), rfc(9111, "4.2.3")],
        statuses: Range(200, 499),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(200..=499).contains(&status) {
        return;
    }
    if let Presence::Absent = c.header("Date") {
        let reason = crate::codes::reason(status);
        c.report(
            Target::Header { name: "Date".into(), index: None },
            format!("The `{status} {reason}` response has no `Date`; an origin server with a clock must send one, and caches need it to compute the response's age."),
            "Send `Date` with the current time, e.g. `Date: Wed, 25 Nov 2026 21:00:00 GMT`.",
        );
    }
}
