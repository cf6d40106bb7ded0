use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A response to a cross-origin request that carried `Origin` and `Cookie` — a request made
    /// with credentials (`credentials: "include"`, `withCredentials`) — where
    /// `Access-Control-Allow-Origin` is present but `Access-Control-Allow-Credentials` is not
    /// exactly `true`, or where the allowed origin is `*`. The rule needs the request and stays
    /// silent without it, for same-origin requests, and when `Sec-Fetch-Mode` shows a
    /// navigation or `no-cors` request.
    ///
    /// ## Why it matters
    /// Browsers attach cookies to a cross-origin `fetch()` only in credentials mode
    /// `include`, and then the CORS check (Fetch §cors-check) also requires
    /// `Access-Control-Allow-Credentials: true` and a concrete origin: `*` does not count
    /// (§cors-protocol-and-credentials). Otherwise the page gets a network error although the
    /// server did the work, typically "The value of the 'Access-Control-Allow-Credentials'
    /// header in the response is '' which must be 'true' when the request's credentials mode is
    /// 'include'".
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: https://app.example
    /// Vary: Origin
    /// Content-Type: application/json
    ///
    /// {"cart": []}
    /// ```
    /// (answering a request with `Origin: https://app.example` and `Cookie: session=…`)
    ///
    /// ## Fix
    /// Send `Access-Control-Allow-Credentials: true` with the request's origin echoed (never
    /// `*`) and `Vary: Origin` — or, if cookies are not needed, make the request with
    /// `credentials: "omit"` or `"same-origin"`.
    pub static CREDENTIALED_REQUEST_WITHOUT_ALLOW_CREDENTIALS = {
        code: "COR023",
        name: "credentialed-request-without-allow-credentials",
        category: Cors,
        severity: Error,
        summary: "A credentialed CORS request needs Access-Control-Allow-Credentials: true and a concrete origin",
        specs: [fetch("cors-check"), fetch("cors-protocol-and-credentials"), fetch("http-access-control-allow-credentials")],
        requires: &["Access-Control-Allow-Origin"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, acao)) = super::single_allow_origin(c) else { return };
    let Some(origin) = super::cors_request_origin(c) else { return };
    if !c.request().is_some_and(|r| r.headers.contains("Cookie")) {
        return;
    }
    let creds = super::credentials_true(c);
    let target = Target::Header { name: "Access-Control-Allow-Origin".into(), index: Some(i) };
    if acao == "*" {
        if creds {
            return; // wildcard-origin-with-credentials
        }
        c.report(
            target,
            "The request carried cookies (a credentialed request) but the response allows origin `*`, which does not count for credentialed requests: the browser blocks it.",
            format!("Echo `Access-Control-Allow-Origin: {origin}` with `Access-Control-Allow-Credentials: true` and `Vary: Origin`."),
        );
    } else if !creds {
        c.report(
            target,
            "The request carried cookies (a credentialed request) but the response has no `Access-Control-Allow-Credentials: true`: the browser blocks the page from reading it.",
            "Add `Access-Control-Allow-Credentials: true`, or make the request without credentials.",
        );
    }
}
