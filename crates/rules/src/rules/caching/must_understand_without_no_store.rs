use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` with `must-understand` but without `no-store`.
    ///
    /// ## Why it matters
    /// `must-understand` limits storing the response to caches that understand its status
    /// code's caching requirements (RFC 9111 §5.2.2.3). It works as an opt-in *over* `no-store`:
    /// caches that implement it ignore `no-store` when they understand the status code, and
    /// caches that do not implement it fall back to `no-store`. Hence "A response that contains
    /// the must-understand directive SHOULD also contain the no-store directive." Without
    /// `no-store`, an older cache that does not know the directive — or the status code — may
    /// store and reuse the response anyway.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: must-understand, max-age=600
    /// Content-Type: application/json
    /// ```
    ///
    /// ## Fix
    /// `Cache-Control: must-understand, no-store, max-age=600`.
    pub static MUST_UNDERSTAND_WITHOUT_NO_STORE = {
        code: "CAC012",
        name: "must-understand-without-no-store",
        category: Caching,
        severity: Warning,
        summary: "must-understand should be paired with no-store",
        specs: [rfc(9111, "5.2.2.3")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    if cc.has("no-store") {
        return;
    }
    let Some(d) = cc.get("must-understand") else { return };
    let target = d.target("Cache-Control");
    c.report(
        target,
        "`must-understand` without `no-store`: caches that do not implement it have no fallback telling them not to store the response.",
        "Add `no-store` next to `must-understand`; caches that understand the status code ignore it.",
    );
}
