use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A cookie whose `Domain` is a public suffix: a single label (`Domain=com`,
    /// `Domain=.internal`) or a well-known multi-label suffix from the Public Suffix List
    /// (`co.uk`, `github.io`, `herokuapp.com`, `vercel.app` …). Not reported when the request
    /// went to that very host (browsers then treat the cookie as host-only), nor for
    /// `localhost`.
    ///
    /// ## Why it matters
    /// A cookie for a public suffix would be shared by every site under it — everyone's
    /// `*.herokuapp.com` app could read and overwrite it. RFC 6265bis §5.7 therefore has
    /// browsers ignore such cookies entirely (unless the suffix is the request host itself),
    /// and they implement it with the Public Suffix List. The cookie is never stored.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: sid=9b1c3e; Domain=herokuapp.com; Path=/; Secure; HttpOnly
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>My app</title>
    /// ```
    ///
    /// ## Fix
    /// Omit `Domain` (a host-only cookie), or use your own registrable domain
    /// (`Domain=example.co.uk`).
    pub static COOKIE_DOMAIN_PUBLIC_SUFFIX = {
        code: "COO011",
        name: "cookie-domain-public-suffix",
        category: Cookies,
        severity: Warning,
        summary: "A cookie Domain that is a public suffix is rejected by browsers",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.7 (Storage Model)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7"),
            StaticSpec::Other("Public Suffix List", "https://publicsuffix.org/list/"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

/// Multi-label entries of the Public Suffix List that cookies are often (wrongly) scoped to.
const KNOWN_SUFFIXES: &[&str] = &[
    "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "org.au", "co.jp", "co.nz", "com.br", "com.cn",
    "co.in", "co.za", "com.mx", "com.tr", "github.io", "gitlab.io", "herokuapp.com", "vercel.app",
    "netlify.app", "pages.dev", "workers.dev", "web.app", "firebaseapp.com", "appspot.com",
    "azurewebsites.net", "cloudfront.net", "blogspot.com", "onrender.com", "fly.dev",
];

fn check(c: &mut Checker<'_>) {
    // Cheapest test first: most responses set no cookie.
    let Some(cookies) = set_cookies(c).filter(|v| !v.is_empty()) else { return };
    let host = crate::rules::security::request_scheme_host(c).map(|(_, h)| h.trim_end_matches('.'));
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        let Some(domain) = ck.domain() else { continue };
        let domain = domain.trim_end_matches('.').to_string();
        if domain.is_empty() || domain == "localhost" || crate::rules::security::url::is_ip_literal(&domain) {
            continue;
        }
        let suffix = !domain.contains('.') || KNOWN_SUFFIXES.contains(&domain.as_str());
        if !suffix {
            continue;
        }
        if let Some(h) = &host {
            // The request host itself: browsers make the cookie host-only. A host that does not
            // domain-match at all is reported by `cookie-domain-mismatch`.
            if *h == domain || !super::domain_match(h, &domain) {
                continue;
            }
        }
        c.report(
            super::target(ck.index),
            format!("Cookie `{}` has `Domain={domain}`, a public suffix: browsers reject it so that other sites under `{domain}` cannot share it.", ck.label()),
            "Omit `Domain` (host-only cookie) or use your own registrable domain.",
        );
    }
}
