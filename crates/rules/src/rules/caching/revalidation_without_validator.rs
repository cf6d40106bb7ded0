use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::{cache_control, cacheable_method, has_validator, CacheControl};

declare_rule! {
    /// ## What it checks
    /// A `200` or `203` response that caches must revalidate before every reuse — `no-cache`
    /// or `max-age=0` — but that carries neither `ETag` nor `Last-Modified` (and no `no-store`).
    ///
    /// ## Why it matters
    /// Revalidation is a conditional request (`If-None-Match` / `If-Modified-Since`) answered by
    /// a small `304 Not Modified` (RFC 9111 §4.3.1). It needs a validator to send back; without
    /// one a cache can only fetch the whole response again, so storing it gains
    /// nothing and every reuse costs a full download.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: no-cache
    /// Content-Type: application/json
    ///
    /// {"items": []}
    /// ```
    ///
    /// ## Fix
    /// Add a validator — `ETag: "<hash of the content>"` or `Last-Modified` — and answer
    /// conditional requests with `304`. If the response must never be reused, send
    /// `Cache-Control: no-store` instead.
    pub static REVALIDATION_WITHOUT_VALIDATOR = {
        code: "CAC013",
        name: "revalidation-without-validator",
        category: Caching,
        severity: Info,
        summary: "A response that must be revalidated before each reuse has no ETag or Last-Modified",
        specs: [rfc(9111, "4.3.1"), rfc(9110, "8.8"), rfc(9111, "5.2.2.4")],
        statuses: Codes(&[200, 203]),
        check: check,
    }
}

/// The directive that makes caches revalidate before every reuse, as written: an unqualified
/// `no-cache`, or a first `max-age` of 0 (only the first occurrence counts, RFC 9111 §4.2.1).
pub(crate) fn revalidation_directive<'a>(cc: &CacheControl<'a>) -> Option<&'a str> {
    if let Some(d) = cc.directives.iter().find(|d| d.name == "no-cache" && d.unqualified()) {
        return Some(d.raw);
    }
    cc.get("max-age").filter(|d| d.seconds() == Some(0)).map(|d| d.raw)
}

fn check(c: &mut Checker<'_>) {
    if !matches!(c.status(), 200 | 203) || !cacheable_method(c) {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    if cc.has("no-store") {
        return;
    }
    let Some(directive) = revalidation_directive(cc) else { return };
    if has_validator(c) != Some(false) {
        return;
    }
    let target = cc.target("Cache-Control");
    c.report(
        target,
        format!("`{directive}` makes caches revalidate this response before every reuse, but it has no `ETag` or `Last-Modified`: every reuse is a full download."),
        "Add an `ETag` (or `Last-Modified`) and answer `If-None-Match` with `304 Not Modified`; use `no-store` if it must never be reused.",
    );
}
