use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::hsts;

declare_rule! {
    /// ## What it checks
    /// A `Strict-Transport-Security` header that does not follow RFC 6797 §6.1: no `max-age`, a
    /// `max-age` that is not a number of seconds, a directive given twice, or directives
    /// separated by something other than `;`. Only the first such header counts (§8.1).
    ///
    /// ## Why it matters
    /// A user agent "MUST ignore any STS header field containing directives, or other header
    /// field value data, that does not conform to the syntax" (RFC 6797 §6.1), and `max-age` is
    /// REQUIRED (§6.1.1). A malformed header therefore gives no protection at all, while looking
    /// as if it did.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Strict-Transport-Security: max-age=31536000, includeSubDomains
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Separate directives with `;` and give `max-age` in seconds:
    /// `Strict-Transport-Security: max-age=31536000; includeSubDomains`.
    pub static INVALID_STRICT_TRANSPORT_SECURITY = {
        code: "SEC008",
        name: "invalid-strict-transport-security",
        category: Security,
        severity: Warning,
        summary: "A malformed Strict-Transport-Security header is ignored by browsers",
        specs: [rfc(6797, "6.1"), rfc(6797, "6.1.1"), rfc(6797, "8.1")],
        requires: &["Strict-Transport-Security"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, v, parsed)) = hsts::response_sts(c) else { return };
    if let Err(why) = parsed {
        c.report(
            Target::Header { name: "Strict-Transport-Security".into(), index: Some(i) },
            format!("Browsers ignore `Strict-Transport-Security: {v}`: {why}."),
            "Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` (directives separated by `;`, `max-age` in seconds).",
        );
    }
}
