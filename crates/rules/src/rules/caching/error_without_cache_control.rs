use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `4xx` or `5xx` response without `Cache-Control` (or `Expires`).
    ///
    /// ## Why it matters
    /// Without explicit freshness, caches apply their own policy. For the codes RFC 9110
    /// §15.1 makes heuristically cacheable — `404`, `405`, `410`, `414`, `501` (and `451`, RFC 7725
    /// §3) — a cache may
    /// store the error and keep serving it after you fixed the problem (RFC 9111 §4.2.2);
    /// CDNs commonly cache such errors for minutes. For other errors the behaviour depends on
    /// the cache. Either way, the server should decide.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 404 Not Found
    /// Content-Type: text/html
    ///
    /// <h1>Not found</h1>
    /// ```
    ///
    /// ## Fix
    /// Say how long the error may be reused: `Cache-Control: no-store` for transient errors,
    /// or a short `max-age` for deliberate negative caching.
    pub static ERROR_WITHOUT_CACHE_CONTROL = {
        code: "CAC001",
        name: "error-without-cache-control",
        category: Caching,
        severity: Warning,
        summary: "Error responses should state their cacheability explicitly",
        specs: [rfc(9111, "4.2.2"), rfc(9110, "15.1"), rfc(9111, "5.2")],
        statuses: Range(400, 599),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(400..=599).contains(&status) {
        return;
    }
    // Both fields are CORS-safelisted response headers: always visible unless opaque.
    let cc = c.header("Cache-Control");
    let exp = c.header("Expires");
    if !matches!(cc, Presence::Absent) || !matches!(exp, Presence::Absent) {
        return;
    }
    let reason = crate::codes::reason(status);
    let target = Target::Header { name: "Cache-Control".into(), index: None };
    let fix = "Add `Cache-Control: no-store` (or a short `max-age` if you mean to cache the error).".to_string();
    // Heuristically cacheable codes (RFC 9110 §15.1; 451 by RFC 7725 §3), from the knowledge base.
    if crate::codes::get(status).is_some_and(|e| e.cacheable_by_default) {
        c.report(
            target,
            format!("`{status} {reason}` is cacheable by default and has no `Cache-Control`: caches may keep serving this error after it is fixed."),
            fix,
        );
    } else {
        c.report_with(
            Severity::Info,
            target,
            format!("`{status} {reason}` has no `Cache-Control`; whether caches store it is left to each cache."),
            fix,
        );
    }
}
