use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` with an unqualified `private` and an `s-maxage`.
    ///
    /// ## Why it matters
    /// `s-maxage` sets the freshness lifetime for shared caches only (RFC 9111 §5.2.2.10), but
    /// an unqualified `private` forbids shared caches from storing the response at all
    /// (§5.2.2.7). The `s-maxage` can never apply; its presence suggests the author expected a
    /// CDN or proxy to cache the response, which it will not — or, worse, that the response is
    /// per-user and someone tried to make a CDN cache it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: private, max-age=60, s-maxage=600
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Per-user content: remove `s-maxage`. Shared content: remove `private`.
    pub static S_MAXAGE_WITH_PRIVATE = {
        code: "CAC004",
        name: "s-maxage-with-private",
        category: Caching,
        severity: Warning,
        summary: "s-maxage has no effect on a private response",
        specs: [rfc(9111, "5.2.2.10"), rfc(9111, "5.2.2.7")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    if !cc.has_unqualified("private") || cc.has("no-store") {
        return;
    }
    let Some(s) = cc.get("s-maxage") else { return };
    let (target, raw) = (s.target("Cache-Control"), s.raw);
    c.report(
        target,
        format!("`{raw}` applies only to shared caches, but `private` forbids shared caches from storing this response."),
        "Remove `s-maxage` for per-user responses, or remove `private` if shared caches may store it.",
    );
}
