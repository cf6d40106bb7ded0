use sfv::BareItemFromInput;

use crate::declare_rule;
use crate::registry::Checker;
use crate::rules::structured::bare_item;
use crate::spec::rfc;

use super::syntax::{at, http_date_secs, lines};

declare_rule! {
    /// ## What it checks
    /// A `Sunset` date earlier than the `Deprecation` date of the same response.
    ///
    /// ## Why it matters
    /// RFC 9745 §4: the timestamp in `Sunset` MUST NOT be earlier than the one in
    /// `Deprecation` — a resource cannot stop answering before it is deprecated. When it is,
    /// one of the two dates is wrong (often a copy-pasted date, or seconds mistaken for
    /// milliseconds), and client developers are left to guess which migration deadline is
    /// real.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Deprecation: @1735689600
    /// Sunset: Sun, 30 Jun 2024 23:59:59 GMT
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Correct whichever date is wrong so that the sunset comes on or after the deprecation:
    /// `Deprecation: @1688169599` with `Sunset: Sun, 30 Jun 2024 23:59:59 GMT`.
    pub static SUNSET_BEFORE_DEPRECATION = {
        code: "HDR049",
        name: "sunset-before-deprecation",
        category: Headers,
        severity: Error,
        summary: "Sunset must not be earlier than Deprecation",
        specs: [rfc(9745, "4"), rfc(8594, "3")],
        requires: &["Sunset"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    // Both must be valid; `invalid-deprecation` and `invalid-sunset` explain the others.
    let Some(deprecation) = c.header_combined("Deprecation") else { return };
    let Ok(BareItemFromInput::Date(d)) = bare_item(&deprecation) else { return };
    let deprecated = i64::from(d.unix_seconds());
    for (i, v) in lines(c, "Sunset") {
        let Some(sunset) = http_date_secs(v) else { continue };
        if sunset >= deprecated {
            continue;
        }
        let dep_text = std::time::UNIX_EPOCH
            .checked_add(std::time::Duration::from_secs(deprecated.max(0) as u64))
            .map(httpdate::fmt_http_date)
            .unwrap_or_else(|| format!("@{deprecated}"));
        c.report(
            at("Sunset", i),
            format!("`Sunset: {v}` is earlier than `Deprecation: {deprecation}` ({dep_text}): a resource cannot stop answering before it is deprecated, so one of the dates is wrong."),
            "Correct the dates so that `Sunset` is on or after `Deprecation`.",
        );
    }
}
