use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` that says `no-store` and, in the same response, also grants reuse:
    /// `public`, `max-age` or `s-maxage` greater than zero, `immutable`,
    /// `stale-while-revalidate` or `stale-if-error`.
    ///
    /// ## Why it matters
    /// `no-store` forbids every cache from storing the response (RFC 9111 §5.2.2.5), so the
    /// directives that describe how long or by whom it may be reused can never apply. Caches
    /// honour the most restrictive directive (§4.2.1), but the header no longer says what its
    /// author meant: either the response is sensitive and the other directives are noise, or it
    /// was meant to be cached and `no-store` — often added by a framework or proxy default —
    /// silently defeats it. (With `must-understand`, `no-store` is a deliberate fallback for
    /// older caches, §5.2.2.3; that combination is not reported.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: public, max-age=3600, no-store
    /// Content-Type: text/css
    /// ```
    ///
    /// ## Fix
    /// Decide: for sensitive responses send `Cache-Control: no-store` alone; for cacheable ones
    /// remove `no-store` and keep `max-age` (and `public` only if needed).
    pub static NO_STORE_WITH_FRESHNESS = {
        code: "CAC002",
        name: "no-store-with-freshness",
        category: Caching,
        severity: Warning,
        summary: "no-store contradicts directives that allow the response to be reused",
        specs: [rfc(9111, "5.2.2.5"), rfc(9111, "4.2.1")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    let Some(no_store) = cc.get("no-store") else { return };
    if cc.has("must-understand") {
        return;
    }
    let conflicting: Vec<String> = cc
        .directives
        .iter()
        .filter(|d| match d.name.as_ref() {
            "public" | "immutable" => true,
            "max-age" | "s-maxage" | "stale-while-revalidate" | "stale-if-error" => d.seconds().is_some_and(|s| s > 0),
            _ => false,
        })
        .map(|d| format!("`{}`", d.raw))
        .collect();
    if conflicting.is_empty() {
        return;
    }
    let target = no_store.target("Cache-Control");
    c.report(
        target,
        format!(
            "`no-store` forbids caches from storing this response, so {} can never take effect.",
            conflicting.join(", ")
        ),
        "Keep either `no-store` (sensitive response) or the freshness directives (cacheable response), not both.",
    );
}
