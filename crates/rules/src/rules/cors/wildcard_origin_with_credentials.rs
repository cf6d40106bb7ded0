use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Allow-Origin: *` together with `Access-Control-Allow-Credentials: true`.
    ///
    /// ## Why it matters
    /// The Fetch standard's CORS check (§cors-check) fails a credentialed request when the
    /// allowed origin is `*`: the wildcard only works for requests without cookies or HTTP
    /// authentication. The combination therefore never does what it seems to promise —
    /// credentialed requests are blocked with "The value of the 'Access-Control-Allow-Origin'
    /// header in the response must not be the wildcard '*' when the request's credentials
    /// mode is 'include'".
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: *
    /// Access-Control-Allow-Credentials: true
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// Echo the request's `Origin` after checking it against an allow-list, and send
    /// `Vary: Origin`; or drop `Access-Control-Allow-Credentials` if no credentials are needed.
    pub static WILDCARD_ORIGIN_WITH_CREDENTIALS = {
        code: "COR001",
        name: "wildcard-origin-with-credentials",
        category: Cors,
        severity: Error,
        summary: "ACAO * cannot be combined with Access-Control-Allow-Credentials: true",
        specs: [fetch("cors-check"), fetch("http-access-control-allow-origin")],
        requires: &["Access-Control-Allow-Origin"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let (Presence::Present(i, acao), Presence::Present(_, acac)) =
        (c.header("Access-Control-Allow-Origin"), c.header("Access-Control-Allow-Credentials"))
    else {
        return;
    };
    if acao.trim_fast() == "*" && acac.trim_fast() == "true" {
        c.report(
            Target::Header { name: "Access-Control-Allow-Origin".into(), index: Some(i) },
            "`Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true`: browsers block every credentialed request.",
            "Echo the allowed `Origin` (and send `Vary: Origin`) or drop `Access-Control-Allow-Credentials`.",
        );
    }
}
