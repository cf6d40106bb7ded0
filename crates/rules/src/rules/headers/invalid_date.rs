use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `Date` value that is not an HTTP-date (RFC 9110 §5.6.7). Values in the obsolete
    /// RFC 850 or asctime forms, and near misses most clients still read (a numeric zone such
    /// as `+0000`, `UTC`, a wrong weekday, lower case), are reported at `info`.
    ///
    /// ## Why it matters
    /// RFC 9110 §5.6.7: "A sender MUST generate timestamps in the IMF-fixdate format". Caches
    /// compute a response's age from `Date` (RFC 9111 §4.2.3); a recipient that cannot parse
    /// it falls back to the time it received the response, so freshness and `Expires` are
    /// judged from the wrong point in time.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Date: 2026-11-25T21:00:00Z
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send the IMF-fixdate form, always in GMT: `Date: Wed, 25 Nov 2026 21:00:00 GMT`. Every
    /// server framework has a helper for it (`http.TimeFormat` in Go, `formatdate(usegmt=True)`
    /// in Python, `toUTCString()` in JavaScript).
    pub static INVALID_DATE = {
        code: "HDR002",
        name: "invalid-date",
        category: Headers,
        severity: Warning,
        summary: "Date must be an HTTP-date in IMF-fixdate form",
        specs: [rfc(9110, "6.6.1"), rfc(9110, "5.6.7"), rfc(9111, "4.2.3")],
        requires: &["Date"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::syntax::report_bad_dates(c, "Date", "fall back to the time they received the response when computing its age", &[]);
}
