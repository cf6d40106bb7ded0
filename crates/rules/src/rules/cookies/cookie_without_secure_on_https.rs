use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A cookie set in response to an `https` request without the `Secure` attribute. Silent
    /// when the request is unknown, for cookies being deleted (`Max-Age=0`, or an `Expires` in
    /// the past), and for `__Secure-`/`__Host-` cookies (reported by their own rules).
    ///
    /// ## Why it matters
    /// Without `Secure`, the browser also sends the cookie over plain HTTP — to any `http://`
    /// URL of the site, which an attacker on the network can provoke and read (RFC 6265bis
    /// §4.1.2.5, §8.3). A site served over HTTPS has no reason to let its cookies travel in
    /// clear text.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: cart=3f2a9c; Path=/; HttpOnly; SameSite=Lax
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Cart</title>
    /// ```
    ///
    /// ## Fix
    /// Add `Secure` to every cookie of an HTTPS site.
    pub static COOKIE_WITHOUT_SECURE_ON_HTTPS = {
        code: "COO002",
        name: "cookie-without-secure-on-https",
        category: Cookies,
        severity: Info,
        summary: "Cookies set over HTTPS should carry the Secure attribute",
        specs: [
            StaticSpec::Other("RFC 6265bis §4.1.2.5 (The Secure Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.2.5"),
            StaticSpec::Other("RFC 6265bis §8.3 (Clear Text)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-8.3"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    // Cheapest test first: most responses set no cookie.
    let Some(cookies) = set_cookies(c).filter(|v| !v.is_empty()) else { return };
    if !crate::rules::security::is_https(c) {
        return;
    }
    let now = c.context.now;
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        let prefixed = |p| crate::model::starts_with_ignore_ascii_case(ck.name, p);
        if ck.secure() || ck.is_deletion(now) || prefixed("__secure-") || prefixed("__host-") {
            continue;
        }
        c.report(
            super::target(ck.index),
            format!("Cookie `{}` is set over HTTPS without `Secure`: the browser will also send it over plain HTTP.", ck.label()),
            "Add `Secure` to the cookie.",
        );
    }
}
