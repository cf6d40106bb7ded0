use crate::declare_rule;
use crate::registry::Checker;

use super::invalid_ratelimit::{check_field, Shape, DRAFT};

declare_rule! {
    /// ## What it checks
    /// A `RateLimit-Policy` field that is not what draft 11 defines (§3): a non-empty
    /// Structured Field List of Quota Policy Items, each a String naming the policy (a Token is
    /// not enough) with a `q` parameter (the quota, a non-negative Integer) and optionally `w`
    /// (the window in seconds, an Integer of at least 1: "non-negative, non-zero"), `qu` (the
    /// quota unit, a String) and `pk` (a Byte Sequence).
    ///
    /// ## Why it matters
    /// `RateLimit-Policy` tells clients the quota they are held to, so they can plan their
    /// request rate. The draft lets recipients ignore a malformed field; a policy without its
    /// quota, or in the syntax of an earlier draft (`100;w=60`), is lost on them.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// RateLimit-Policy: "default";w=60
    ///
    /// {"items": []}
    /// ```
    ///
    /// ## Fix
    /// Give every policy its quota: `RateLimit-Policy: "default";q=100;w=60`.
    pub static INVALID_RATELIMIT_POLICY = {
        code: "HDR052",
        name: "invalid-ratelimit-policy",
        category: Headers,
        severity: Warning,
        summary: "RateLimit-Policy must be a List of \"policy\";q=quota items",
        specs: [DRAFT, crate::spec::rfc(9651, "3.1")],
        requires: &["RateLimit-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    check_field(
        c,
        &Shape {
            name: "RateLimit-Policy",
            item: "Quota Policy Item",
            required: ("q", "the quota"),
            integers: &["q", "w"],
            nonzero: &["w"],
            quota_unit: true,
            example: "\"default\";q=100;w=60",
        },
    );
}
