use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::{cache_control, cacheable_method, explicit_lifetime};

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` with `immutable` but no positive explicit freshness lifetime: no
    /// `max-age` or `s-maxage` above zero and no future `Expires`.
    ///
    /// ## Why it matters
    /// `immutable` only means "do not revalidate this response *while it is fresh*"
    /// (RFC 8246 §2). Without an explicit lifetime, the response is either stale at once
    /// (`max-age=0`) or fresh only for whatever heuristic a cache picks (RFC 9111 §4.2.2) — so
    /// `immutable` has little or no effect and the asset is revalidated far more often than
    /// intended.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: public, immutable
    /// Content-Type: application/javascript
    /// ```
    ///
    /// ## Fix
    /// Give fingerprinted assets a long lifetime: `Cache-Control: max-age=31536000, immutable`.
    pub static IMMUTABLE_WITHOUT_FRESHNESS = {
        code: "CAC028",
        name: "immutable-without-freshness",
        category: Caching,
        severity: Info,
        summary: "immutable has no effect without a freshness lifetime",
        specs: [rfc(8246, "2"), rfc(9111, "4.2.1")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !cacheable_method(c) {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    // `no-cache` and `no-store` with `immutable` are reported by their own rules.
    if cc.has_unqualified("no-cache") || cc.has("no-store") {
        return;
    }
    let Some(d) = cc.get("immutable") else { return };
    let target = d.target("Cache-Control");
    let fresh = [explicit_lifetime(c, false), explicit_lifetime(c, true)]
        .iter()
        .any(|l| l.as_ref().is_some_and(|l| l.secs > 0));
    if fresh {
        return;
    }
    c.report(
        target,
        "`immutable` only skips revalidation while the response is fresh, and this response has no positive `max-age`, `s-maxage` or `Expires`.",
        "Add a long lifetime: `Cache-Control: max-age=31536000, immutable`.",
    );
}
