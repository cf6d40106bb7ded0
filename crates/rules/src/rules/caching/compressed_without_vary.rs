use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;
use crate::rules::headers::syntax::vary_members;

use super::{cache_control, cacheable_method, explicit_lifetime};

declare_rule! {
    /// ## What it checks
    /// A response with a `Content-Encoding` (`gzip`, `br`, `zstd` …) that shared caches may
    /// store — explicit freshness or a heuristically cacheable status, no `private` or
    /// `no-store` — whose `Vary` does not name `Accept-Encoding`.
    ///
    /// ## Why it matters
    /// A server that compresses according to the request's `Accept-Encoding` is negotiating,
    /// and "an origin server SHOULD send a Vary header field when its algorithm for selecting a
    /// representation varies based on aspects of the request message" (RFC 9110 §12.5.5).
    /// Caches select stored responses only on the fields named in `Vary` (RFC 9111 §4.1):
    /// without `Accept-Encoding` there, a proxy or CDN may hand the compressed bytes to a client
    /// that cannot decode them, or an uncompressed copy to everyone else. Many CDNs patch this
    /// up themselves; caches in between may not.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=3600
    /// Content-Type: text/css
    /// Content-Encoding: gzip
    /// ```
    ///
    /// ## Fix
    /// Add `Vary: Accept-Encoding` to responses whose encoding depends on the request (most
    /// servers have a switch for it, e.g. nginx `gzip_vary on`).
    pub static COMPRESSED_WITHOUT_VARY = {
        code: "CAC018",
        name: "compressed-without-vary",
        category: Caching,
        severity: Info,
        summary: "A cacheable compressed response should say Vary: Accept-Encoding",
        specs: [rfc(9110, "12.5.5"), rfc(9111, "4.1"), rfc(9110, "8.4")],
        requires: &["Content-Encoding"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !cacheable_method(c) || c.status() < 200 || c.status() == 304 {
        return;
    }
    let Presence::Present(i, _) = c.header("Content-Encoding") else { return };
    let codings: Vec<String> = c
        .response()
        .headers
        .list("Content-Encoding")
        .into_iter()
        .filter(|m| !m.eq_ignore_ascii_case("identity"))
        .collect();
    // Dictionary compression needs `Available-Dictionary` in `Vary` too: that rule says it all.
    if codings.is_empty() || codings.iter().any(|m| m.eq_ignore_ascii_case("dcb") || m.eq_ignore_ascii_case("dcz")) {
        return;
    }
    match c.header("Vary") {
        Presence::Hidden => return,
        Presence::Present(..) => {
            let vary: Vec<&str> = vary_members(c).iter().map(|&(_, m)| m).collect();
            if vary.iter().any(|&m| m == "*" || m.eq_ignore_ascii_case("accept-encoding")) {
                return;
            }
        }
        Presence::Absent => {}
    }
    let Some(cc) = cache_control(c) else { return };
    if cc.has("no-store") || cc.has_unqualified("private") {
        return;
    }
    let explicit = explicit_lifetime(c, true).is_some_and(|l| l.secs > 0);
    let heuristic = !cc.has("max-age")
        && !cc.has("s-maxage")
        && crate::codes::get(c.status()).is_some_and(|e| e.cacheable_by_default);
    if !explicit && !heuristic {
        return;
    }
    let coding = codings.join(", ");
    c.report(
        Target::Header { name: "Content-Encoding".into(), index: Some(i) },
        format!("`Content-Encoding: {coding}` on a cacheable response without `Vary: Accept-Encoding`: a shared cache may serve these compressed bytes to a client that did not ask for `{coding}`."),
        "Add `Vary: Accept-Encoding` (e.g. nginx `gzip_vary on`).",
    );
}
