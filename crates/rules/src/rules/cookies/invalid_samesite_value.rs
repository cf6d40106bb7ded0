use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A `SameSite` attribute (the last one, which is the one that counts) whose value is not
    /// `Strict`, `Lax` or `None` (case-insensitive), or that has no value.
    ///
    /// ## Why it matters
    /// RFC 6265bis §5.6.7: an unrecognised value sets the cookie's enforcement to "Default", as
    /// if the attribute were absent. Browsers then apply their own default — `Lax` in Chrome and
    /// Edge, no restriction in others. Case does not matter (`strict` works), but values such
    /// as `SameSite=Secure`, `SameSite=true` or `SameSite=no_restriction` silently do nothing.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: prefs=compact; Path=/; Secure; SameSite=true
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Settings</title>
    /// ```
    ///
    /// ## Fix
    /// Use `SameSite=Lax` (a good default), `Strict`, or `None` together with `Secure`.
    pub static INVALID_SAMESITE_VALUE = {
        code: "COO004",
        name: "invalid-samesite-value",
        category: Cookies,
        severity: Warning,
        summary: "SameSite accepts only Strict, Lax or None",
        specs: [StaticSpec::Other("RFC 6265bis §5.6.7 (The SameSite Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.7")],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        let Some(a) = ck.last("SameSite") else { continue };
        if ["strict", "lax", "none"].iter().any(|v| a.value.eq_ignore_ascii_case(v)) {
            continue;
        }
        let shown = if a.has_eq { format!("SameSite={}", a.value) } else { a.name.to_string() };
        c.report(
            super::target(ck.index),
            format!("Cookie `{}` has `{shown}`, which is not `Strict`, `Lax` or `None`: browsers ignore it and apply their default (`Lax` in Chrome and Edge).", ck.label()),
            "Use `SameSite=Lax`, `SameSite=Strict`, or `SameSite=None; Secure`.",
        );
    }
}
