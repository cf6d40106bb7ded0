use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Allow-Credentials` on a response without `Access-Control-Allow-Origin`.
    ///
    /// ## Why it matters
    /// The CORS check (Fetch §cors-check) looks at `Access-Control-Allow-Origin` first and
    /// fails without it; `Access-Control-Allow-Credentials` is only read after the origin
    /// matched. On its own it does nothing: either the origin header was forgotten (on this
    /// path, or on error responses), or the credentials header is left over.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Credentials: true
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// Add `Access-Control-Allow-Origin` with the allowed origin (and `Vary: Origin`) where
    /// cross-origin reads are intended; otherwise drop `Access-Control-Allow-Credentials`.
    pub static ALLOW_CREDENTIALS_WITHOUT_ALLOW_ORIGIN = {
        code: "COR015",
        name: "allow-credentials-without-allow-origin",
        category: Cors,
        severity: Info,
        summary: "Access-Control-Allow-Credentials does nothing without Access-Control-Allow-Origin",
        specs: [fetch("cors-check"), fetch("http-access-control-allow-credentials")],
        requires: &["Access-Control-Allow-Credentials"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Access-Control-Allow-Credentials") else { return };
    if !matches!(c.header("Access-Control-Allow-Origin"), Presence::Absent) {
        return;
    }
    c.report(
        Target::Header { name: "Access-Control-Allow-Credentials".into(), index: Some(i) },
        "`Access-Control-Allow-Credentials` without `Access-Control-Allow-Origin` has no effect: the CORS check fails before it is read.",
        "Add `Access-Control-Allow-Origin` with the allowed origin, or drop `Access-Control-Allow-Credentials`.",
    );
}
