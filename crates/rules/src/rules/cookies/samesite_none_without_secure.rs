use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A `Set-Cookie` whose (last) `SameSite` attribute is `None` but that has no `Secure`
    /// attribute.
    ///
    /// ## Why it matters
    /// RFC 6265bis §5.7 (storage model): "If the cookie's same-site-flag is "None", abort these
    /// steps and ignore the cookie entirely unless the cookie's secure-only-flag is true."
    /// Chrome, Edge, Firefox and Safari all reject such cookies, so the cookie is never stored —
    /// typically breaking embedded widgets, single sign-on or payment flows that rely on it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: widget_session=8f14e45f; Path=/; SameSite=None
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Widget</title>
    /// ```
    ///
    /// ## Fix
    /// Add `Secure` (and serve the site over HTTPS): `SameSite=None; Secure`.
    pub static SAMESITE_NONE_WITHOUT_SECURE = {
        code: "COO001",
        name: "samesite-none-without-secure",
        category: Cookies,
        severity: Error,
        summary: "Cookies with SameSite=None must also be Secure, or browsers reject them",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.7 (Storage Model)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7"),
            StaticSpec::Other("RFC 6265bis §4.1.2.7 (The SameSite Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.2.7"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        let none = ck.last("SameSite").is_some_and(|a| a.value.eq_ignore_ascii_case("none"));
        if none && !ck.secure() {
            c.report(
                super::target(ck.index),
                format!("Cookie `{}` has `SameSite=None` without `Secure`: browsers reject it and it is never stored.", ck.label()),
                "Add `Secure` to the cookie (`SameSite=None; Secure`) and serve it over HTTPS.",
            );
        }
    }
}
