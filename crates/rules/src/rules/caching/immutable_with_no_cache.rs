use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` with both `immutable` and an unqualified `no-cache`.
    ///
    /// ## Why it matters
    /// `immutable` tells clients the response will not change while fresh, so they need not
    /// revalidate it, even on reload (RFC 8246 §2). `no-cache` says the opposite: revalidate
    /// before every reuse (RFC 9111 §5.2.2.4). Caches follow the more restrictive directive
    /// (RFC 9111 §4.2.1), so `immutable` is dead weight — and if the author meant the asset to be
    /// immutable, every page view still pays a revalidation round trip.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=31536000, immutable, no-cache
    /// Content-Type: text/css
    /// ```
    ///
    /// ## Fix
    /// Fingerprinted assets: `Cache-Control: max-age=31536000, immutable`. Mutable resources:
    /// `Cache-Control: no-cache` with an `ETag`, without `immutable`.
    pub static IMMUTABLE_WITH_NO_CACHE = {
        code: "CAC006",
        name: "immutable-with-no-cache",
        category: Caching,
        severity: Warning,
        summary: "immutable and no-cache contradict each other",
        specs: [rfc(8246, "2"), rfc(9111, "5.2.2.4")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    if !cc.has_unqualified("no-cache") || cc.has("no-store") {
        return;
    }
    let Some(d) = cc.get("immutable") else { return };
    let target = d.target("Cache-Control");
    c.report(
        target,
        "`immutable` says the response never needs revalidation while fresh, but `no-cache` requires revalidation before every reuse.",
        "Drop `no-cache` for fingerprinted, never-changing assets, or drop `immutable` for resources that change.",
    );
}
