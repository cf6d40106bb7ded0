use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A `Set-Cookie` whose name-value pair has no `=` (`Set-Cookie: abc123; Path=/`) or an empty
    /// name (`Set-Cookie: =abc123`).
    ///
    /// ## Why it matters
    /// The grammar requires a non-empty `cookie-name` (RFC 6265bis §4.1.1). User agents store the
    /// string as the value of a cookie with an empty name (§5.6), which they send back as a bare
    /// `Cookie: abc123` — most server frameworks cannot read it, and every nameless cookie of
    /// the site overwrites the others. With an empty name *and* value, the header is ignored.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: 4f9a1c2e; Path=/; Secure
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Give the cookie a name: `Set-Cookie: sid=4f9a1c2e; Path=/; Secure`.
    pub static NAMELESS_COOKIE = {
        code: "COO016",
        name: "nameless-cookie",
        category: Cookies,
        severity: Warning,
        summary: "Set-Cookie needs a cookie name before the '='",
        specs: [
            StaticSpec::Other("RFC 6265bis §4.1.1 (Set-Cookie Syntax)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.1"),
            StaticSpec::Other("RFC 6265bis §5.6 (The Set-Cookie Header Field)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| k.name.is_empty()) {
        let message = if ck.value.is_empty() {
            "This `Set-Cookie` has neither a name nor a value: browsers ignore it.".to_string()
        } else {
            format!("`Set-Cookie: {}` has no cookie name: browsers store a nameless cookie that most servers cannot read back.", ck.label())
        };
        c.report(super::target(ck.index), message, "Write the cookie as `name=value`.".to_string());
    }
}
