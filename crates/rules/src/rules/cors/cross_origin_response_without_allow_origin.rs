use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A response without `Access-Control-Allow-Origin` to a cross-origin request that carried
    /// `Origin` (a `fetch()` or XHR from another origin). Preflights are
    /// `preflight-without-allow-origin`. The rule needs the request and stays silent without
    /// it, for same-origin requests, and when `Sec-Fetch-Mode` shows a navigation or `no-cors`
    /// request.
    ///
    /// ## Why it matters
    /// Without the header the CORS check fails (Fetch §cors-check): the request reached the
    /// server — and had its effects — but the browser hides the response from the calling
    /// page, which sees only a network error ("No 'Access-Control-Allow-Origin' header is
    /// present on the requested resource"). That is exactly right when the resource is not
    /// meant for other origins; it is a bug when the page is supposed to read it. Error pages
    /// produced by a proxy or framework often miss the CORS headers the normal responses have,
    /// which hides the real status from the client.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 500 Internal Server Error
    /// Content-Type: application/json
    /// Cache-Control: no-store
    ///
    /// {"error": "database unavailable"}
    /// ```
    /// (answering a request with `Origin: https://app.example`)
    ///
    /// ## Fix
    /// If the page should read the response, add `Access-Control-Allow-Origin` with the
    /// request's origin (and `Vary: Origin`) or `*` — on error responses too. If it should not,
    /// nothing needs to change.
    pub static CROSS_ORIGIN_RESPONSE_WITHOUT_ALLOW_ORIGIN = {
        code: "COR007",
        name: "cross-origin-response-without-allow-origin",
        category: Cors,
        severity: Info,
        summary: "A cross-origin request got a response without Access-Control-Allow-Origin",
        specs: [fetch("cors-check"), fetch("http-access-control-allow-origin")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !matches!(c.header("Access-Control-Allow-Origin"), Presence::Absent) {
        return;
    }
    let Some(origin) = super::cors_request_origin(c) else { return };
    c.report(
        Target::Header { name: "Access-Control-Allow-Origin".into(), index: None },
        format!("The request came from `{origin}` but the response has no `Access-Control-Allow-Origin`: a page there cannot read it (fine if that is intended)."),
        format!("If `{origin}` should read it, add `Access-Control-Allow-Origin: {origin}` with `Vary: Origin` (or `*` for public data)."),
    );
}
