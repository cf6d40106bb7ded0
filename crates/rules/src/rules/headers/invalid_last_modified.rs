use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `Last-Modified` value that is not an HTTP-date. Obsolete (RFC 850, asctime) forms and
    /// near misses that lenient clients read (`+0000`, `UTC`, a wrong weekday) are `info`.
    ///
    /// ## Why it matters
    /// `Last-Modified = HTTP-date` (RFC 9110 §8.8.2). Clients echo it in `If-Modified-Since` to
    /// revalidate, and caches derive a heuristic freshness lifetime from it (RFC 9111 §4.2.2).
    /// A value they cannot parse is dropped: no conditional requests, no heuristic caching,
    /// and a full download on every request.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Last-Modified: 2026-11-01 10:00:00
    /// Content-Type: text/css
    ///
    /// body { margin: 0 }
    /// ```
    ///
    /// ## Fix
    /// Send the modification time as an IMF-fixdate in GMT:
    /// `Last-Modified: Sun, 01 Nov 2026 10:00:00 GMT`.
    pub static INVALID_LAST_MODIFIED = {
        code: "HDR019",
        name: "invalid-last-modified",
        category: Headers,
        severity: Warning,
        summary: "Last-Modified must be an HTTP-date",
        specs: [rfc(9110, "8.8.2"), rfc(9110, "5.6.7"), rfc(9111, "4.2.2")],
        requires: &["Last-Modified"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::syntax::report_bad_dates(c, "Last-Modified", "drop it as a validator and for heuristic freshness", &[]);
}
