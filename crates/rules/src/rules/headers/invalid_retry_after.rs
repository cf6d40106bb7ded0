use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::syntax::http_date_secs;

declare_rule! {
    /// ## What it checks
    /// A `Retry-After` value that is neither a non-negative integer number of seconds nor an
    /// HTTP-date.
    ///
    /// ## Why it matters
    /// RFC 9110 §10.2.3 defines `Retry-After = HTTP-date / delay-seconds`. Clients that cannot
    /// parse the value ignore it and fall back to guessing — often retrying immediately.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 503 Service Unavailable
    /// Retry-After: 5m
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send seconds (`Retry-After: 300`) or an IMF-fixdate (`Retry-After: Wed, 21 Oct 2026 07:28:00 GMT`).
    pub static INVALID_RETRY_AFTER = {
        code: "HDR001",
        name: "invalid-retry-after",
        category: Headers,
        severity: Warning,
        summary: "Retry-After must be delay-seconds or an HTTP-date",
        specs: [rfc(9110, "10.2.3"), rfc(9110, "5.6.7")],
        requires: &["Retry-After"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let bad: Vec<(usize, String)> = c
        .header_lines("Retry-After")
        .filter(|(_, v)| {
            let v = v.trim_fast();
            let seconds = !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit());
            !seconds && http_date_secs(v).is_none()
        })
        .map(|(i, v)| (i, v.to_string()))
        .collect();
    for (i, v) in bad {
        c.report(
            Target::Header { name: "Retry-After".into(), index: Some(i) },
            format!("`Retry-After: {v}` is neither a number of seconds nor an HTTP-date; clients will ignore it."),
            "Send `Retry-After: <seconds>` or an IMF-fixdate.",
        );
    }
}
