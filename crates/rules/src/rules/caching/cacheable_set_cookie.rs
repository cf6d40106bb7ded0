use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity, Target};
use crate::spec::rfc;

use super::{cache_control, cacheable_method, explicit_lifetime, heuristic_lifetime, lifetime_text};

declare_rule! {
    /// ## What it checks
    /// A response with `Set-Cookie` that shared caches are allowed to store and reuse: it says
    /// `public` or has an `s-maxage` (warning), or has a positive `max-age` (info), without
    /// `private`, `no-store`, or a qualified `no-cache="Set-Cookie"` / `private="Set-Cookie"`.
    /// A response with no explicit freshness that caches may reuse heuristically (a `200` with
    /// `Last-Modified`, RFC 9111 §4.2.2) is reported as info too.
    ///
    /// ## Why it matters
    /// Caches store header fields with the response (RFC 9111 §3.1) — `Set-Cookie` included. A
    /// shared cache that reuses the response hands the same cookie to every later visitor,
    /// which can log one user into another's session. RFC 9111 §7.3 warns that `Set-Cookie`
    /// "does not inhibit caching" and that such responses are often reused. Many CDNs refuse to
    /// cache responses that set cookies, but spec-following caches need not.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: public, max-age=600
    /// Set-Cookie: session=4f2a9c; Path=/; HttpOnly
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Set cookies only on responses marked `Cache-Control: private` (or `no-store`), or keep
    /// the cookie out of the cached copy with `Cache-Control: no-cache="Set-Cookie"`.
    pub static CACHEABLE_SET_COOKIE = {
        code: "CAC024",
        name: "cacheable-set-cookie",
        category: Caching,
        severity: Warning,
        summary: "A Set-Cookie on a response shared caches may store is served to every user",
        specs: [rfc(9111, "7.3"), rfc(9111, "3.1"), rfc(9111, "5.2.2.7")],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !cacheable_method(c) {
        return;
    }
    let Presence::Present(i, _) = c.header("Set-Cookie") else { return };
    let Some(cc) = cache_control(c) else { return };
    if cc.has_unqualified("private")
        || cc.has("no-store")
        || cc.qualified_names("no-cache", "set-cookie")
        || cc.qualified_names("private", "set-cookie")
    {
        return;
    }
    let target = Target::Header { name: "Set-Cookie".into(), index: Some(i) };
    let fix = "Mark responses that set cookies `Cache-Control: private` (or `no-store`), or add `no-cache=\"Set-Cookie\"`.".to_string();
    if let Some(d) = cc.directives.iter().find(|d| d.name == "public" || d.name == "s-maxage") {
        let raw = d.raw;
        c.report(
            target,
            format!("This response sets a cookie and `{raw}` lets shared caches store it: they may hand the same cookie to every user."),
            fix,
        );
    } else if let Some(d) = cc.get("max-age").filter(|d| d.seconds().is_some_and(|s| s > 0)) {
        let raw = d.raw;
        c.report_with(
            Severity::Info,
            target,
            format!("This response sets a cookie and `{raw}` without `private` lets shared caches store it; a cache that does so hands the cookie to other users."),
            fix,
        );
    } else if explicit_lifetime(c, true).is_none() && !cc.has_unqualified("no-cache") {
        // No explicit freshness: heuristically cacheable statuses may still be reused (§4.2.2).
        let Some(h) = heuristic_lifetime(c, cc).filter(|h| h.secs > 0) else { return };
        c.report_with(
            Severity::Info,
            target,
            format!(
                "This response sets a cookie but states no freshness: caches may reuse it heuristically for about {}, cookie included.",
                lifetime_text(&h)
            ),
            fix,
        );
    }
}
