use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::{cache_control, REQUEST_ONLY_DIRECTIVES};

declare_rule! {
    /// ## What it checks
    /// A response `Cache-Control` with a directive defined only for requests: `max-stale`,
    /// `min-fresh` or `only-if-cached` (RFC 9111 §5.2.1).
    ///
    /// ## Why it matters
    /// These directives let a *client* tell caches what it will accept (a stale response, one
    /// that stays fresh for a while longer, or only a stored one). They have no meaning in a
    /// response, and caches ignore them there (RFC 9111 §5.2.3). A server that sends
    /// `max-stale=300` probably wanted stale responses to be served — that is
    /// `stale-while-revalidate` or `stale-if-error` (RFC 5861).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=60, max-stale=300
    /// Content-Type: application/json
    /// ```
    ///
    /// ## Fix
    /// Use the response directive you meant: `stale-while-revalidate=300` or
    /// `stale-if-error=300`; remove `min-fresh` and `only-if-cached`.
    pub static REQUEST_DIRECTIVE_IN_RESPONSE = {
        code: "CAC011",
        name: "request-directive-in-response",
        category: Caching,
        severity: Warning,
        summary: "max-stale, min-fresh and only-if-cached are request directives",
        specs: [rfc(9111, "5.2.1"), rfc(9111, "5.2.3")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    let found: Vec<_> = cc.directives.iter().filter(|d| REQUEST_ONLY_DIRECTIVES.contains(&d.name.as_ref())).cloned().collect();
    for d in found {
        let fix = match d.name.as_ref() {
            "max-stale" => "To let caches serve this response while stale, send `stale-while-revalidate=<seconds>` or `stale-if-error=<seconds>`.",
            _ => "Remove it from the response; it is only meaningful in requests.",
        };
        c.report(
            d.target("Cache-Control"),
            format!("`{}` is a request directive; it has no meaning in a response and caches ignore it.", d.raw),
            fix.to_string(),
        );
    }
}
