use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A cookie set without a `SameSite` attribute (deletions are not reported).
    ///
    /// ## Why it matters
    /// Without `SameSite`, the cookie's cross-site behaviour is left to each browser (RFC
    /// 6265bis §5.6.7 "Default" enforcement): Chrome and Edge treat it as `Lax` (with a
    /// two-minute exception for top-level `POST`s), Firefox and Safari send it on cross-site
    /// requests. The same cookie then protects against cross-site request forgery in some
    /// browsers and not in others, and cross-site flows that work in one break in another.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: sid=5e7f9a; Path=/; Secure; HttpOnly
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// State it: `SameSite=Lax` for most cookies, `Strict` for sensitive ones, `None; Secure`
    /// only for cookies that must travel on cross-site requests.
    pub static COOKIE_WITHOUT_SAMESITE = {
        code: "COO015",
        name: "cookie-without-samesite",
        category: Cookies,
        severity: Info,
        summary: "Cookies should state their SameSite policy instead of relying on browser defaults",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.6.7 (The SameSite Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7"),
            StaticSpec::Other("RFC 6265bis §8.8 (SameSite Cookies)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-8.8"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    let now = c.context.now;
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        if ck.attrs.iter().any(|a| a.is("SameSite")) || ck.is_deletion(now) {
            continue;
        }
        c.report(
            super::target(ck.index),
            format!("Cookie `{}` has no `SameSite` attribute: browsers disagree on whether to send it with cross-site requests.", ck.label()),
            "Add `SameSite=Lax` (or `Strict`, or `None; Secure` for cookies needed cross-site).",
        );
    }
}
