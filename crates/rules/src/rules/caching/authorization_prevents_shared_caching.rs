use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::{cache_control, cacheable_method, explicit_lifetime, lifetime_text};

declare_rule! {
    /// ## What it checks
    /// A response to a request that carried `Authorization`, with a positive freshness lifetime
    /// but none of `public`, `s-maxage`, `must-revalidate` or `private` (and no `no-store`).
    /// Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9111 §3.5: a shared cache must not reuse a response to a request with
    /// `Authorization` unless a directive explicitly allows it (`public`, `s-maxage`,
    /// `must-revalidate`). So the `max-age` here only reaches the browser's cache; a CDN or
    /// proxy will forward every request to the origin. That is the safe default for per-user
    /// data — this finding explains it, for when you expected the CDN to cache.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=600
    /// Content-Type: application/json
    /// ```
    ///
    /// ## Fix
    /// Per-user data: say so with `Cache-Control: private, max-age=600`. Content identical for
    /// all users: add `s-maxage=600` (or `public`) so shared caches may reuse it.
    pub static AUTHORIZATION_PREVENTS_SHARED_CACHING = {
        code: "CAC026",
        name: "authorization-prevents-shared-caching",
        category: Caching,
        severity: Info,
        summary: "Shared caches will not reuse a response to an authenticated request without an explicit directive",
        specs: [rfc(9111, "3.5"), rfc(9111, "3")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(req) = c.request() else { return };
    if !req.headers.contains("Authorization") || !cacheable_method(c) || c.status() < 200 || c.status() == 304 {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    if ["public", "s-maxage", "must-revalidate", "private", "no-store"].iter().any(|d| cc.has(d)) {
        return;
    }
    let Some(l) = explicit_lifetime(c, false) else { return };
    if l.secs == 0 {
        return;
    }
    c.report(
        l.target(),
        format!(
            "The request carried `Authorization`, so shared caches will not reuse this response: its lifetime of {} applies to the browser's cache only.",
            lifetime_text(l)
        ),
        "Add `private` to make that explicit for per-user data, or `s-maxage=<seconds>` if shared caches may reuse it.",
    );
}
