use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::revalidation_without_validator::revalidation_directive;
use super::{cache_control, cacheable_method, explicit_lifetime, has_validator, lifetime_text};

declare_rule! {
    /// ## What it checks
    /// A `200` or `203` response with a positive explicit freshness lifetime (`max-age`,
    /// `s-maxage` or `Expires`) but neither `ETag` nor `Last-Modified`.
    ///
    /// ## Why it matters
    /// While the response is fresh, caches reuse it without asking. Once it goes stale they
    /// revalidate with a conditional request and get a cheap `304 Not Modified` back if nothing
    /// changed (RFC 9111 §4.3.1) — but only if the response carried a validator
    /// (RFC 9110 §8.8). Without one, every expiry means downloading the whole response again,
    /// even when it did not change.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=300
    /// Content-Type: application/json
    ///
    /// {"price": 42}
    /// ```
    ///
    /// ## Fix
    /// Send an `ETag` (a hash or version of the content) or `Last-Modified`, and answer
    /// conditional requests with `304 Not Modified`.
    pub static FRESH_RESPONSE_WITHOUT_VALIDATOR = {
        code: "CAC014",
        name: "fresh-response-without-validator",
        category: Caching,
        severity: Info,
        summary: "A cacheable response without ETag or Last-Modified cannot be revalidated cheaply",
        specs: [rfc(9111, "4.3.1"), rfc(9110, "8.8.3")],
        statuses: Codes(&[200, 203]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !matches!(c.status(), 200 | 203) || !cacheable_method(c) {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    // `revalidation-without-validator` covers responses that must always be revalidated.
    if cc.has("no-store") || revalidation_directive(cc).is_some() {
        return;
    }
    // An unqualified `private` keeps shared caches (and their `s-maxage`) out.
    let shared = if cc.has_unqualified("private") { None } else { explicit_lifetime(c, true) };
    let lifetime = match (explicit_lifetime(c, false), shared) {
        (Some(a), Some(b)) => if a.secs >= b.secs { a } else { b },
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => return,
    };
    if lifetime.secs == 0 || has_validator(c) != Some(false) {
        return;
    }
    c.report(
        lifetime.target(),
        format!(
            "This response is fresh for {} but has no `ETag` or `Last-Modified`: once stale it must be downloaded again in full.",
            lifetime_text(lifetime)
        ),
        "Add an `ETag` or `Last-Modified` so caches can revalidate with a `304 Not Modified`.",
    );
}
