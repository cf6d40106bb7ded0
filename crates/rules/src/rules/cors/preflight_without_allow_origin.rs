use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A response to a CORS preflight (`OPTIONS` with `Access-Control-Request-Method`) without
    /// `Access-Control-Allow-Origin`. The rule needs the request and stays silent without it.
    ///
    /// ## Why it matters
    /// A preflight succeeds only if the response passes the CORS check (Fetch
    /// §cors-preflight-fetch), which needs `Access-Control-Allow-Origin`. Without it the
    /// browser never sends the actual request: the page sees a network error ("Response to
    /// preflight request doesn't pass access control check"). This often happens when a
    /// framework answers `OPTIONS` itself, before the CORS middleware runs.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Methods: GET, POST, PUT, DELETE
    /// Access-Control-Allow-Headers: Content-Type
    /// ```
    /// (answering `OPTIONS` with `Origin: https://app.example` and
    /// `Access-Control-Request-Method: PUT`)
    ///
    /// ## Fix
    /// Answer preflights with `Access-Control-Allow-Origin` (the request's origin, or `*`) along
    /// with the allowed methods and headers; make sure the CORS handling runs for `OPTIONS`.
    pub static PREFLIGHT_WITHOUT_ALLOW_ORIGIN = {
        code: "COR008",
        name: "preflight-without-allow-origin",
        category: Cors,
        severity: Error,
        summary: "A preflight response needs Access-Control-Allow-Origin or the request is blocked",
        specs: [fetch("cors-preflight-fetch"), fetch("cors-check")],
        methods: &["OPTIONS"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(method) = super::preflight(c) else { return };
    if !matches!(c.header("Access-Control-Allow-Origin"), Presence::Absent) {
        return;
    }
    let origin = c.request().and_then(|r| r.headers.get("Origin")).map(str::trim).unwrap_or("");
    let fix = if origin.is_empty() {
        "Add `Access-Control-Allow-Origin` with the request's origin (and `Vary: Origin`) or `*`.".to_string()
    } else {
        format!("Add `Access-Control-Allow-Origin: {origin}` (and `Vary: Origin`) or `*`.")
    };
    c.report(
        Target::Header { name: "Access-Control-Allow-Origin".into(), index: None },
        format!("The preflight for `{method}` got no `Access-Control-Allow-Origin`: it fails the CORS check and the browser never sends the actual request."),
        fix,
    );
}
