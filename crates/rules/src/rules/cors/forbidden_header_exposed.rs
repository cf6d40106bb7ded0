use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Expose-Headers` listing `Set-Cookie` or `Set-Cookie2`.
    ///
    /// ## Why it matters
    /// These are forbidden response-header names (Fetch §forbidden-response-header-name):
    /// browsers remove them from every response handed to scripts, same-origin or not, and
    /// no CORS header changes that (§cors-filtered-response). Listing them has no effect; code
    /// that expects to read the cookie from the response gets `null`. Cookies are stored by
    /// the browser itself (with `Access-Control-Allow-Credentials: true` for cross-origin
    /// requests) and read with `document.cookie` only if they are not `HttpOnly`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Expose-Headers: Set-Cookie, X-Request-Id
    /// Vary: Origin
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// Remove `Set-Cookie` from the list. To hand a token to the script, put it in the body or
    /// in a custom exposed header.
    pub static FORBIDDEN_HEADER_EXPOSED = {
        code: "COR022",
        name: "forbidden-header-exposed",
        category: Cors,
        severity: Warning,
        summary: "Set-Cookie can never be exposed to scripts, whatever Access-Control-Expose-Headers says",
        specs: [fetch("forbidden-response-header-name"), fetch("cors-filtered-response"), fetch("http-access-control-expose-headers")],
        requires: &["Access-Control-Expose-Headers"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Access-Control-Expose-Headers") else { return };
    let Some(name) = super::response_list(c, "Access-Control-Expose-Headers")
        .into_iter()
        .find(|n| n.eq_ignore_ascii_case("set-cookie") || n.eq_ignore_ascii_case("set-cookie2"))
    else {
        return;
    };
    c.report(
        Target::Header { name: "Access-Control-Expose-Headers".into(), index: Some(i) },
        format!("`Access-Control-Expose-Headers` lists `{name}`, a forbidden response-header name that browsers never expose to scripts."),
        format!("Remove `{name}`; pass tokens in the body or in a custom exposed header."),
    );
}
