use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A cookie whose `Domain` attribute does not domain-match the host the request went to —
    /// e.g. `Domain=example.org` on a response from `api.example.com`, or `Domain=app.example.com`
    /// from `example.com` (a parent cannot set cookies for a child). Silent when the request URL
    /// is unknown.
    ///
    /// ## Why it matters
    /// RFC 6265bis §5.7: "If the canonicalized request-host does not domain-match the
    /// domain-attribute: Ignore the cookie entirely and abort these steps." A server can only
    /// set cookies for its own host and the domains above it; anything else is dropped, usually
    /// because a configuration copied from another environment (staging, a second brand) names
    /// the wrong domain.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: sid=7d8a9f; Domain=example.org; Path=/; Secure; HttpOnly
    /// Content-Type: application/json
    ///
    /// {"ok":true}
    /// ```
    ///
    /// ## Fix
    /// Use the request's host or one of its parent domains (`Domain=example.com` for
    /// `api.example.com`), or omit `Domain` to make a host-only cookie.
    pub static COOKIE_DOMAIN_MISMATCH = {
        code: "COO010",
        name: "cookie-domain-mismatch",
        category: Cookies,
        severity: Error,
        summary: "A cookie Domain must cover the host that sets it, or browsers reject the cookie",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.7 (Storage Model)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7"),
            StaticSpec::Other("RFC 6265bis §5.1.3 (Domain Matching)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.1.3"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    // Cheapest test first: most responses set no cookie.
    let Some(cookies) = set_cookies(c).filter(|v| !v.is_empty()) else { return };
    let Some((_, host)) = crate::rules::security::request_scheme_host(c) else { return };
    let host = host.trim_end_matches('.');
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        let Some(domain) = ck.domain() else { continue };
        let domain = domain.trim_end_matches('.').to_string();
        if domain.is_empty() || super::domain_match(host, &domain) {
            continue;
        }
        c.report(
            super::target(ck.index),
            format!("Cookie `{}` has `Domain={domain}`, which does not cover the request host `{host}`: browsers reject it.", ck.label()),
            format!("Use `Domain={host}` (or a parent domain of it), or omit `Domain`."),
        );
    }
}
