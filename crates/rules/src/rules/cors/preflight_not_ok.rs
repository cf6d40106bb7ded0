use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A response to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) whose
    /// status is not `2xx`. The rule needs the request and stays silent without it.
    ///
    /// ## Why it matters
    /// A preflight succeeds only with an ok status, `200`–`299` (Fetch §cors-preflight-fetch,
    /// §ok-status); any other status fails it and the actual request is never sent. Preflights
    /// do not follow redirects, and they never carry cookies or `Authorization`, so an
    /// authentication check that also guards `OPTIONS` answers `401`/`403` and breaks every
    /// cross-origin call. A `404` or `405` means nothing handles `OPTIONS` for the URL.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 401 Unauthorized
    /// WWW-Authenticate: Bearer realm="api"
    /// Access-Control-Allow-Origin: https://app.example
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Answer preflights with `204 No Content` (or `200`) and the CORS headers, before any
    /// authentication, routing or redirect logic.
    pub static PREFLIGHT_NOT_OK = {
        code: "COR009",
        name: "preflight-not-ok",
        category: Cors,
        severity: Error,
        summary: "A preflight response must have a 2xx status",
        specs: [fetch("cors-preflight-fetch"), fetch("ok-status")],
        methods: &["OPTIONS"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(method) = super::preflight(c) else { return };
    let status = c.status();
    if (200..=299).contains(&status) {
        return;
    }
    let why = match status {
        300..=399 => " (preflights do not follow redirects)",
        401 | 403 | 407 => " (preflights carry no credentials, so authentication must not apply to them)",
        404 | 405 | 501 => " (nothing handles `OPTIONS` for this URL)",
        _ => "",
    };
    let reason = crate::codes::reason(status);
    c.report(
        Target::StatusLine,
        format!("The preflight for `{method}` got `{status} {reason}`; only `2xx` lets it pass{why}, so the browser never sends the actual request."),
        "Answer `OPTIONS` preflights with `204 No Content` and the CORS headers, before authentication, routing or redirects.",
    );
}
