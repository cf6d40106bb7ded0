use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `301 Moved Permanently` or `308 Permanent Redirect` without `Cache-Control` or
    /// `Expires`.
    ///
    /// ## Why it matters
    /// Both codes are heuristically cacheable (RFC 9110 §15.1): without explicit freshness a
    /// cache chooses a lifetime itself (RFC 9111 §4.2.2), and browsers keep permanent redirects
    /// for a long time — often until the cache is cleared. A permanent redirect sent by
    /// mistake, or one you later want to change, keeps sending visitors to the old target.
    /// That is the point of "permanent", but it should be a decision.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 301 Moved Permanently
    /// Location: https://www.example.com/
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// State the lifetime you can commit to, e.g. `Cache-Control: max-age=86400`, and raise it
    /// once the redirect is settled; use `302`/`307` while experimenting.
    pub static PERMANENT_REDIRECT_WITHOUT_CACHE_CONTROL = {
        code: "RED011",
        name: "permanent-redirect-without-cache-control",
        category: Redirects,
        severity: Info,
        summary: "A permanent redirect without Cache-Control may be cached by browsers indefinitely",
        specs: [rfc(9111, "4.2.2"), rfc(9110, "15.1"), rfc(9110, "15.4.2")],
        statuses: Codes(&[301, 308]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if status != 301 && status != 308 {
        return;
    }
    if !matches!(c.header("Cache-Control"), Presence::Absent) || !matches!(c.header("Expires"), Presence::Absent) {
        return;
    }
    let reason = crate::codes::reason(status);
    c.report(
        Target::Header { name: "Cache-Control".into(), index: None },
        format!("`{status} {reason}` has no `Cache-Control`: browsers cache it heuristically, often for a very long time, so it is hard to take back."),
        "Add `Cache-Control: max-age=86400` (or the lifetime you can commit to).",
    );
}
