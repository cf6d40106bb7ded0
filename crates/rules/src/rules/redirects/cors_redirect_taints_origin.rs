use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::fetch;

use super::url;

declare_rule! {
    /// ## What it checks
    /// A redirect answering a cross-origin CORS request (it carried `Origin` from another
    /// origin) whose `Location` points to yet another host. The rule needs the request and
    /// stays silent without it, and when `Sec-Fetch-Mode` shows a navigation or `no-cors`
    /// request.
    ///
    /// ## Why it matters
    /// When a CORS request is redirected across origins, the browser marks its origin as
    /// tainted (Fetch §http-redirect-fetch) and sends `Origin: null` to the new location
    /// (§serializing-a-request-origin). The target must then answer
    /// `Access-Control-Allow-Origin: *` — or `null` — or the request fails, although the
    /// target allows the page's real origin. This is the usual cause of CORS errors that appear
    /// only behind a redirect to a CDN or a storage host (signed download URLs). The redirect
    /// response itself also needs `Access-Control-Allow-Origin`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Location: https://files.example-cdn.net/u/42/report.pdf?sig=abc
    /// Access-Control-Allow-Origin: https://app.example
    /// Vary: Origin
    /// Content-Length: 0
    /// ```
    /// (answering `GET https://api.example/reports/42` with `Origin: https://app.example`)
    ///
    /// ## Fix
    /// Have the redirect target answer `Access-Control-Allow-Origin: *` (it receives
    /// `Origin: null`), or return the target URL in the response body and let the page fetch it
    /// directly, or proxy the content instead of redirecting.
    pub static CORS_REDIRECT_TAINTS_ORIGIN = {
        code: "RED010",
        name: "cors-redirect-taints-origin",
        category: Redirects,
        severity: Info,
        summary: "A cross-origin redirect of a CORS request makes the browser send Origin: null",
        specs: [fetch("http-redirect-fetch"), fetch("serializing-a-request-origin"), fetch("cors-check")],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, loc)) = super::redirect_location(c) else { return };
    let Some(req_url) = super::absolute_request_url(c) else { return };
    if crate::rules::cors::cors_request_origin(c).is_none() {
        return;
    }
    let Some(next) = url::resolve(req_url, loc) else { return };
    let (Some(from), Some(to)) = (url::host_of(req_url), url::host_of(&next)) else { return };
    if to.is_empty() || from == to {
        return;
    }
    c.report(
        Target::Header { name: "Location".into(), index: Some(i) },
        format!("This redirect sends a CORS request on to another origin (`{to}`): the browser will send `Origin: null` there, which must answer `Access-Control-Allow-Origin: *` or the request fails."),
        format!("Make `{to}` answer `Access-Control-Allow-Origin: *`, or return the URL in the body instead of redirecting."),
    );
}
