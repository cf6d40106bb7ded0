use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::{cache_control, cacheable_method, explicit_lifetime, lifetime_text};

declare_rule! {
    /// ## What it checks
    /// A `4xx` or `5xx` response given a positive freshness lifetime (`max-age`, `s-maxage` or a
    /// future `Expires`) without `no-store` or `no-cache`. Codes that are cacheable by default
    /// because they describe a lasting state — `404`, `405`, `410`, `414`, `451`, `501` — are
    /// deliberate negative caching and are not reported.
    ///
    /// ## Why it matters
    /// Caches reuse any final response with explicit freshness (RFC 9111 §3), errors included.
    /// A `500`, `502`, `503` or `429` describes a transient condition; with `max-age=600` every
    /// browser or CDN that stored it keeps serving the error for ten minutes after the server has
    /// recovered — often because a blanket caching rule was applied to all responses. A `401` or
    /// `403` cached by a shared cache can even lock out users who are allowed in.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 503 Service Unavailable
    /// Cache-Control: public, max-age=600
    /// Retry-After: 30
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Send `Cache-Control: no-store` on transient errors (apply caching rules to successful
    /// responses only). If a short negative cache is intended, keep it to seconds and prefer
    /// `private`.
    pub static ERROR_MADE_CACHEABLE = {
        code: "CAC027",
        name: "error-made-cacheable",
        category: Caching,
        severity: Warning,
        summary: "A transient error response is given a freshness lifetime",
        specs: [rfc(9111, "3"), rfc(9111, "4.2.1"), rfc(9110, "15.1")],
        statuses: Range(400, 599),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(400..=599).contains(&status) || crate::codes::get(status).is_some_and(|e| e.cacheable_by_default) || !cacheable_method(c) {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    if cc.has("no-store") || cc.has_unqualified("no-cache") {
        return;
    }
    let private = explicit_lifetime(c, false);
    let shared = if cc.has_unqualified("private") { None } else { explicit_lifetime(c, true) };
    let best = match (private, shared) {
        (Some(a), Some(b)) => if a.secs >= b.secs { a } else { b },
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return,
    };
    if best.secs == 0 {
        return;
    }
    let reason = crate::codes::reason(status);
    c.report(
        best.target(),
        format!(
            "`{status} {reason}` is made cacheable for {}: caches may keep serving this error after the problem is fixed.",
            lifetime_text(best)
        ),
        "Send `Cache-Control: no-store` on error responses (apply caching rules to successful responses only).",
    );
}
