use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::spec::rfc;

use super::syntax::{at, is_digits, lines};

declare_rule! {
    /// ## What it checks
    /// An `Expires` value that is not an HTTP-date, such as the common `Expires: 0` or
    /// `Expires: -1`.
    ///
    /// ## Why it matters
    /// RFC 9111 §5.3: "A cache recipient MUST interpret invalid date formats, especially the
    /// value "0", as representing a time in the past (i.e., "already expired")." So an invalid
    /// `Expires` does make the response stale — which is usually what `0` or `-1` is meant to
    /// say — but the intent is clearer (and reaches every cache) with `Cache-Control`. A date
    /// that was meant to be in the future but is malformed silently disables caching. When
    /// `Cache-Control: max-age` is present, caches ignore `Expires` altogether.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Expires: 0
    /// Content-Type: text/html
    ///
    /// <p>Hello</p>
    /// ```
    ///
    /// ## Fix
    /// To forbid reuse without revalidation send `Cache-Control: no-cache` (or `no-store`);
    /// to allow caching send `Cache-Control: max-age=<seconds>`, and if you also need
    /// `Expires` for HTTP/1.0 caches, an IMF-fixdate: `Expires: Thu, 01 Jan 1970 00:00:00 GMT`.
    pub static INVALID_EXPIRES = {
        code: "HDR021",
        name: "invalid-expires",
        category: Headers,
        severity: Info,
        summary: "Expires should be an HTTP-date; invalid values mean already expired",
        specs: [rfc(9111, "5.3"), rfc(9110, "5.6.7")],
        requires: &["Expires"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let mut numeric = Vec::new();
    for (i, v) in lines(c, "Expires") {
        let t = v.trim_fast();
        let n = t.strip_prefix('-').unwrap_or(t);
        if is_digits(n) {
            numeric.push((i, v));
        }
    }
    for (i, v) in &numeric {
        c.report_with(
            Severity::Info,
            at("Expires", *i),
            format!("`Expires: {v}` is not a date; caches treat the response as already expired, which `Cache-Control: no-cache` says explicitly."),
            "Send `Cache-Control: no-cache` (or `max-age=0`) instead of a numeric `Expires`.",
        );
    }
    let skip: Vec<usize> = numeric.iter().map(|(i, _)| *i).collect();
    super::syntax::report_bad_dates(c, "Expires", "treat the response as already expired", &skip);
}
