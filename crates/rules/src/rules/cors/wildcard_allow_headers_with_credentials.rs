use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Allow-Headers` containing `*` on a response with
    /// `Access-Control-Allow-Credentials: true`.
    ///
    /// ## Why it matters
    /// `*` allows any request header only for requests without credentials. For a
    /// credentialed request it is a header literally named `*` (Fetch §cors-preflight-fetch,
    /// §http-access-control-allow-headers), so a request with cookies that sends
    /// `Content-Type: application/json` or a custom header fails its preflight unless the
    /// header is also listed by name.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Credentials: true
    /// Access-Control-Allow-Methods: GET, POST
    /// Access-Control-Allow-Headers: *
    /// Vary: Origin
    /// ```
    ///
    /// ## Fix
    /// List the headers by name: `Access-Control-Allow-Headers: Content-Type, Authorization,
    /// X-Request-Id` (or echo `Access-Control-Request-Headers` after checking it).
    pub static WILDCARD_ALLOW_HEADERS_WITH_CREDENTIALS = {
        code: "COR018",
        name: "wildcard-allow-headers-with-credentials",
        category: Cors,
        severity: Warning,
        summary: "Access-Control-Allow-Headers: * does not cover credentialed requests",
        specs: [fetch("http-access-control-allow-headers"), fetch("cors-preflight-fetch"), fetch("cors-protocol-and-credentials")],
        requires: &["Access-Control-Allow-Headers"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Access-Control-Allow-Headers") else { return };
    if !super::response_list(c, "Access-Control-Allow-Headers").contains(&"*") || !super::credentials_true(c) {
        return;
    }
    c.report(
        Target::Header { name: "Access-Control-Allow-Headers".into(), index: Some(i) },
        "`Access-Control-Allow-Headers: *` with `Access-Control-Allow-Credentials: true`: for credentialed requests `*` is a literal header name, so unlisted headers fail the preflight.",
        "List the allowed headers by name, e.g. `Access-Control-Allow-Headers: Content-Type, Authorization`.",
    );
}
