use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Expose-Headers` containing `*` on a response with
    /// `Access-Control-Allow-Credentials: true`.
    ///
    /// ## Why it matters
    /// `*` exposes all response headers only to requests without credentials. For a request
    /// made with `credentials: "include"` — the kind `Access-Control-Allow-Credentials: true` is
    /// for — `*` is a header literally named `*` (Fetch §http-access-control-expose-headers,
    /// §cors-protocol-and-credentials), so scripts can read only the CORS-safelisted headers
    /// plus those listed by name. Code reading `ETag`, `Location` or a custom header then gets
    /// `null`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Credentials: true
    /// Access-Control-Expose-Headers: *
    /// Vary: Origin
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// List the headers scripts need by name: `Access-Control-Expose-Headers: ETag, Location,
    /// X-Request-Id`.
    pub static WILDCARD_EXPOSE_HEADERS_WITH_CREDENTIALS = {
        code: "COR016",
        name: "wildcard-expose-headers-with-credentials",
        category: Cors,
        severity: Warning,
        summary: "Access-Control-Expose-Headers: * exposes nothing extra to credentialed requests",
        specs: [fetch("http-access-control-expose-headers"), fetch("cors-protocol-and-credentials")],
        requires: &["Access-Control-Expose-Headers"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Access-Control-Expose-Headers") else { return };
    if !super::response_list(c, "Access-Control-Expose-Headers").contains(&"*") || !super::credentials_true(c) {
        return;
    }
    c.report(
        Target::Header { name: "Access-Control-Expose-Headers".into(), index: Some(i) },
        "`Access-Control-Expose-Headers: *` with `Access-Control-Allow-Credentials: true`: for credentialed requests `*` is a literal header name, so only safelisted headers are exposed.",
        "List the exposed headers by name, e.g. `Access-Control-Expose-Headers: ETag, Location`.",
    );
}
