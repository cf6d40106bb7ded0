use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::{parse_max_age, set_cookies, MAX_ATTRIBUTE_VALUE};

declare_rule! {
    /// ## What it checks
    /// A `Max-Age` attribute that is not an integer: digits, optionally preceded by `-`
    /// (`Max-Age=3600s`, `Max-Age=1.5`, `Max-Age=+60`, `Max-Age=` or a bare `Max-Age`).
    ///
    /// ## Why it matters
    /// RFC 6265bis §5.6.2: a value that is not an optional `-` followed by digits only makes the
    /// user agent "ignore the cookie-av". The cookie then falls back to `Expires`, or becomes a
    /// session cookie that disappears when the browser closes.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: theme=dark; Path=/; Max-Age=30d
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Settings</title>
    /// ```
    ///
    /// ## Fix
    /// Give the lifetime in whole seconds: `Max-Age=2592000`.
    pub static INVALID_COOKIE_MAX_AGE = {
        code: "COO008",
        name: "invalid-cookie-max-age",
        category: Cookies,
        severity: Warning,
        summary: "A Max-Age attribute that is not an integer is ignored",
        specs: [StaticSpec::Other("RFC 6265bis §5.6.2 (The Max-Age Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.2")],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        for a in ck.attrs.iter().filter(|a| a.is("Max-Age") && a.value.len() <= MAX_ATTRIBUTE_VALUE) {
            if parse_max_age(a.value).is_some() {
                continue;
            }
            let shown = if a.has_eq { format!("Max-Age={}", a.value) } else { a.name.to_string() };
            c.report(
                super::target(ck.index),
                format!("Cookie `{}` has `{shown}`, which is not a whole number of seconds: browsers ignore the attribute.", ck.label()),
                "Give `Max-Age` in whole seconds, e.g. `Max-Age=3600`.",
            );
        }
    }
}
