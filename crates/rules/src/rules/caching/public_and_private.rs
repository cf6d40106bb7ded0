use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` with both `public` and an unqualified `private`.
    ///
    /// ## Why it matters
    /// `public` marks the response as storable by any cache, including shared ones
    /// (RFC 9111 §5.2.2.9); `private` says shared caches must not store it (§5.2.2.7). The two
    /// contradict each other. Careful caches honour the more restrictive `private` (§4.2.1), but
    /// a cache that only looks for `public` may store a per-user response and serve it to other
    /// users.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: public, private, max-age=300
    /// Content-Type: application/json
    /// ```
    ///
    /// ## Fix
    /// Per-user content: `Cache-Control: private, max-age=300`. Content that is the same for
    /// everyone: drop `private` (and usually `public` too — it is rarely needed).
    pub static PUBLIC_AND_PRIVATE = {
        code: "CAC003",
        name: "public-and-private",
        category: Caching,
        severity: Warning,
        summary: "Cache-Control says both public and private",
        specs: [rfc(9111, "5.2.2.7"), rfc(9111, "5.2.2.9")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    if !cc.has("public") || !cc.has_unqualified("private") {
        return;
    }
    let target = cc.directives.iter().find(|d| d.name == "private").map(|d| d.target("Cache-Control"));
    let target = target.unwrap_or_else(|| cc.target("Cache-Control"));
    c.report(
        target,
        "`Cache-Control` says both `public` and `private`: caches that honour `private` keep it out of shared caches, others may share a per-user response.",
        "Send `private` for per-user responses, or remove `private` if the response is the same for every user.",
    );
}
