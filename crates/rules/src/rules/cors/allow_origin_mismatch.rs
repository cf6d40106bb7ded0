use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A response to a cross-origin request carrying `Origin` whose `Access-Control-Allow-Origin`
    /// names a different origin (neither `*` nor the request's `Origin`). The rule needs the
    /// request and stays silent without it, for same-origin requests, and when
    /// `Sec-Fetch-Mode` shows the request is not a CORS request.
    ///
    /// ## Why it matters
    /// The CORS check (Fetch §cors-check) passes only when the value equals the request's
    /// origin byte for byte. With another origin the browser blocks the page from reading the
    /// response. Common causes: a hard-coded origin (staging vs production, `http` vs `https`,
    /// `www.` or not), or a cache serving a response made for another origin without
    /// `Vary: Origin`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: https://www.example.com
    /// Vary: Origin
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    /// (answering a request with `Origin: https://example.com`)
    ///
    /// ## Fix
    /// Compare the request's `Origin` with your allow-list and echo it when allowed, with
    /// `Vary: Origin` so caches keep one response per origin.
    pub static ALLOW_ORIGIN_MISMATCH = {
        code: "COR006",
        name: "allow-origin-mismatch",
        category: Cors,
        severity: Error,
        summary: "Access-Control-Allow-Origin must match the request's Origin",
        specs: [fetch("cors-check"), fetch("http-origin"), fetch("cors-protocol-and-http-caches")],
        requires: &["Access-Control-Allow-Origin"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, v)) = super::single_allow_origin(c) else { return };
    // Cheapest tests first (all of them must pass for a finding).
    let Some(origin) = super::cors_origin(c) else { return };
    if v == origin || v == "*" || (!super::allow_origin_is_plain(c) && (super::looks_like_list(v) || super::origin_problem(v).is_some())) {
        return;
    }
    c.report(
        Target::Header { name: "Access-Control-Allow-Origin".into(), index: Some(i) },
        format!("`Access-Control-Allow-Origin: {v}` does not match the request's `Origin: {origin}`: the browser blocks the page from reading the response."),
        format!("Echo `{origin}` if it is allowed, with `Vary: Origin`."),
    );
}
