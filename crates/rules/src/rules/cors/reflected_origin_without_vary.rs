use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::{fetch, rfc};
use crate::rules::headers::syntax::vary_members;

declare_rule! {
    /// ## What it checks
    /// An `Access-Control-Allow-Origin` naming a specific origin without `Vary: Origin`
    /// (or `Vary: *`).
    ///
    /// ## Why it matters
    /// A response whose ACAO depends on the request's `Origin` differs per origin. Without
    /// `Vary: Origin` (RFC 9110 §12.5.5) a shared or browser cache may hand the response
    /// made for one origin to another, whose CORS check then fails — intermittent CORS errors
    /// that depend on who asked first (Fetch §cors-protocol-and-http-caches).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: https://app.example
    /// Cache-Control: max-age=600
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// Add `Vary: Origin` whenever the value of `Access-Control-Allow-Origin` is chosen per request.
    pub static REFLECTED_ORIGIN_WITHOUT_VARY = {
        code: "COR002",
        name: "reflected-origin-without-vary",
        category: Cors,
        severity: Warning,
        summary: "A per-origin Access-Control-Allow-Origin needs Vary: Origin",
        specs: [fetch("cors-protocol-and-http-caches"), rfc(9110, "12.5.5")],
        requires: &["Access-Control-Allow-Origin"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, acao) = c.header("Access-Control-Allow-Origin") else { return };
    let acao = acao.trim_fast();
    if acao == "*" || acao.is_empty() {
        return;
    }
    match c.header("Vary") {
        Presence::Hidden => {}
        _ => {
            if !vary_members(c).iter().any(|&(_, v)| v == "*" || v.eq_ignore_ascii_case("origin")) {
                c.report(
                    Target::Header { name: "Access-Control-Allow-Origin".into(), index: Some(i) },
                    format!("`Access-Control-Allow-Origin: {acao}` names one origin but the response has no `Vary: Origin`; caches may serve it to other origins."),
                    "Add `Vary: Origin`.",
                );
            }
        }
    }
}
