use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A cookie whose name starts with `__Secure-` (case-insensitive) without the `Secure`
    /// attribute.
    ///
    /// ## Why it matters
    /// The `__Secure-` prefix promises that the cookie was set with `Secure` from a secure
    /// origin. RFC 6265bis §5.7: browsers "abort these steps and ignore the cookie entirely
    /// unless the cookie's secure-only-flag is true" (§4.1.3.1). The cookie is never stored.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: __Secure-token=4e0d2b; Path=/; HttpOnly
    /// Content-Type: application/json
    ///
    /// {"ok":true}
    /// ```
    ///
    /// ## Fix
    /// Add `Secure` (and serve over HTTPS), or drop the prefix.
    pub static INVALID_SECURE_PREFIX_COOKIE = {
        code: "COO006",
        name: "invalid-secure-prefix-cookie",
        category: Cookies,
        severity: Error,
        summary: "__Secure- cookies must carry Secure, or browsers reject them",
        specs: [
            StaticSpec::Other("RFC 6265bis §4.1.3.1 (The \"__Secure-\" Prefix)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.3.1"),
            StaticSpec::Other("RFC 6265bis §5.7 (Storage Model)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        if crate::model::starts_with_ignore_ascii_case(ck.name, "__secure-") && !ck.secure() {
            c.report(
                super::target(ck.index),
                format!("Browsers reject the `__Secure-` cookie `{}` because it is not `Secure`.", ck.label()),
                "Add `Secure` to the cookie (or drop the `__Secure-` prefix).",
            );
        }
    }
}
