use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, is_digits, lines};

declare_rule! {
    /// ## What it checks
    /// An `Age` value that is not a non-negative integer number of seconds (`delta-seconds`).
    ///
    /// ## Why it matters
    /// `Age = delta-seconds` (RFC 9111 §5.1), the time in seconds since the response was
    /// generated or validated at the origin, added by caches. Downstream caches add it to their
    /// own age calculation (§4.2.3); a value they cannot parse is ignored, so the response
    /// looks fresher than it is and may be served past its lifetime. Negative or fractional
    /// values usually come from a cache with a broken clock computation.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Age: 12.5
    /// Cache-Control: max-age=60
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send whole seconds: `Age: 12`. If a CDN or proxy adds the value, report it to its
    /// vendor; an application should not set `Age` itself.
    pub static INVALID_AGE = {
        code: "HDR022",
        name: "invalid-age",
        category: Headers,
        severity: Warning,
        summary: "Age must be a non-negative integer number of seconds",
        specs: [rfc(9111, "5.1"), rfc(9111, "1.2.2"), rfc(9111, "4.2.3")],
        requires: &["Age"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for (i, v) in lines(c, "Age") {
        if is_digits(v.trim_fast()) {
            continue;
        }
        let msg = if v.trim_fast().is_empty() {
            "`Age` is empty; caches ignore it and may treat the response as fresher than it is.".to_string()
        } else {
            format!("`Age: {v}` is not a whole number of seconds; caches ignore it and may treat the response as fresher than it is.")
        };
        c.report(at("Age", i), msg, "Send `Age` as whole seconds, e.g. `Age: 12`.".to_string());
    }
}
