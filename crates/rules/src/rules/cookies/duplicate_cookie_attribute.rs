use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A `Set-Cookie` that repeats `Expires`, `Max-Age`, `Domain`, `Path` or `SameSite` with
    /// different values.
    ///
    /// ## Why it matters
    /// When an attribute repeats, the last one wins (RFC 6265bis §5.7: user agents use "the last
    /// attribute in the cookie-attribute-list" with that name). Conflicting values usually mean
    /// two layers (framework and proxy, say) each append their own, and the one you intended
    /// may be the one that loses. Servers "SHOULD NOT include more than one cookie-av with the
    /// same attribute-name" (§4.1.1).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: sid=1f2e3d; Path=/; SameSite=Strict; Secure; HttpOnly; SameSite=Lax
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Send each attribute once, with the value you intend.
    pub static DUPLICATE_COOKIE_ATTRIBUTE = {
        code: "COO014",
        name: "duplicate-cookie-attribute",
        category: Cookies,
        severity: Info,
        summary: "Repeated cookie attributes with different values: only the last one counts",
        specs: [
            StaticSpec::Other("RFC 6265bis §4.1.1 (Set-Cookie Syntax)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.1"),
            StaticSpec::Other("RFC 6265bis §5.7 (Storage Model)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        for attr in ["Expires", "Max-Age", "Domain", "Path", "SameSite"] {
            // Most cookies carry each attribute once: tell that before collecting anything.
            if ck.attrs.iter().filter(|a| a.is(attr)).nth(1).is_none() {
                continue;
            }
            let values: Vec<&str> = ck.attrs.iter().filter(|a| a.is(attr)).map(|a| a.value).collect();
            let Some(last) = values.last() else { continue };
            let differs = values.iter().any(|v| if attr == "SameSite" || attr == "Domain" { !v.eq_ignore_ascii_case(last) } else { v != last });
            if !differs {
                continue;
            }
            let list = values.iter().map(|v| format!("`{attr}={v}`")).collect::<Vec<_>>().join(", ");
            c.report(
                super::target(ck.index),
                format!("Cookie `{}` repeats {list}: only the last one counts.", ck.label()),
                format!("Send `{attr}` once with the intended value."),
            );
        }
    }
}
