use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Allow-Headers: *` (or a list containing `*`) that does not also name
    /// `Authorization`.
    ///
    /// ## Why it matters
    /// `Authorization` is a CORS non-wildcard request-header name (Fetch
    /// §cors-non-wildcard-request-header-name): `*` never allows it, even without credentials.
    /// A page that sends a bearer token to this API fails its preflight ("Request header field
    /// authorization is not allowed by Access-Control-Allow-Headers"), although `*` looks as if
    /// it allowed everything. If clients never send `Authorization`, nothing is wrong.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Origin: *
    /// Access-Control-Allow-Methods: GET, POST, PUT
    /// Access-Control-Allow-Headers: *
    /// ```
    ///
    /// ## Fix
    /// Name it next to the wildcard when clients send it: `Access-Control-Allow-Headers: *,
    /// Authorization`.
    pub static WILDCARD_ALLOW_HEADERS_WITHOUT_AUTHORIZATION = {
        code: "COR020",
        name: "wildcard-allow-headers-without-authorization",
        category: Cors,
        severity: Info,
        summary: "Access-Control-Allow-Headers: * never covers Authorization",
        specs: [fetch("cors-non-wildcard-request-header-name"), fetch("cors-preflight-fetch"), fetch("http-access-control-allow-headers")],
        requires: &["Access-Control-Allow-Headers"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Access-Control-Allow-Headers") else { return };
    let list = super::response_list(c, "Access-Control-Allow-Headers");
    if !list.contains(&"*") || list.iter().any(|n| n.eq_ignore_ascii_case("authorization")) {
        return;
    }
    c.report(
        Target::Header { name: "Access-Control-Allow-Headers".into(), index: Some(i) },
        "`Access-Control-Allow-Headers: *` does not cover `Authorization`: requests that send it fail their preflight unless it is named explicitly.",
        "If clients send `Authorization`, use `Access-Control-Allow-Headers: *, Authorization`.",
    );
}
