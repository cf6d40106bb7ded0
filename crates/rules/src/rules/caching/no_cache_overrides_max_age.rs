use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` with an unqualified `no-cache` and a `max-age` or `s-maxage` greater
    /// than zero (and no `no-store`, which another rule covers).
    ///
    /// ## Why it matters
    /// `no-cache` means a cache must not reuse the response without first validating it with
    /// the origin (RFC 9111 §5.2.2.4) — whatever its freshness lifetime. With both present the
    /// most restrictive wins (§4.2.1), so `max-age=3600` buys nothing: every reuse costs a round
    /// trip. Usually one of the two was added by a framework default or a proxy and the other by
    /// the application.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: no-cache, max-age=3600
    /// ETag: "v7"
    /// Content-Type: application/javascript
    /// ```
    ///
    /// ## Fix
    /// To revalidate on every use, send `Cache-Control: no-cache` (with an `ETag`). To let
    /// caches reuse the response for an hour, send `Cache-Control: max-age=3600` without
    /// `no-cache`.
    pub static NO_CACHE_OVERRIDES_MAX_AGE = {
        code: "CAC005",
        name: "no-cache-overrides-max-age",
        category: Caching,
        severity: Warning,
        summary: "no-cache makes a positive max-age or s-maxage meaningless",
        specs: [rfc(9111, "5.2.2.4"), rfc(9111, "4.2.1")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    if !cc.has_unqualified("no-cache") || cc.has("no-store") {
        return;
    }
    let Some(d) = cc.directives.iter().find(|d| matches!(d.name.as_ref(), "max-age" | "s-maxage") && d.seconds().is_some_and(|s| s > 0))
    else {
        return;
    };
    let (target, raw) = (d.target("Cache-Control"), d.raw);
    c.report(
        target,
        format!("`no-cache` requires revalidation before every reuse, so `{raw}` never lets a cache skip the round trip."),
        "Send either `no-cache` (always revalidate) or the `max-age` (reuse while fresh), not both.",
    );
}
