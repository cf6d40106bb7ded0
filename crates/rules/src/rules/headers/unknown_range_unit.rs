use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, members};

declare_rule! {
    /// ## What it checks
    /// An `Accept-Ranges` member other than `bytes` or `none` (compared case-insensitively).
    ///
    /// ## Why it matters
    /// `Accept-Ranges` tells clients which range units they can use in `Range` (RFC 9110
    /// §14.3). The only range unit registered is `bytes` (`none` is reserved to say "no range
    /// requests", §14.1). Clients know no other unit, so resumable downloads and media
    /// seeking will not use range requests; values such as `true` or `yes` are usually
    /// attempts to say `bytes`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Accept-Ranges: true
    /// Content-Type: video/mp4
    /// Content-Length: 1048576
    /// ```
    ///
    /// ## Fix
    /// Send `Accept-Ranges: bytes` if the resource supports byte ranges, `Accept-Ranges: none`
    /// (or nothing) if it does not.
    pub static UNKNOWN_RANGE_UNIT = {
        code: "HDR027",
        name: "unknown-range-unit",
        category: Headers,
        severity: Info,
        summary: "Accept-Ranges should be bytes or none",
        specs: [rfc(9110, "14.3"), rfc(9110, "14.1")],
        requires: &["Accept-Ranges"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for (i, m) in members(c, "Accept-Ranges") {
        if m.eq_ignore_ascii_case("bytes") || m.eq_ignore_ascii_case("none") {
            continue;
        }
        c.report(
            at("Accept-Ranges", i),
            format!("`Accept-Ranges` lists `{m}`, which is not a range unit clients know; only `bytes` (or `none`) is defined."),
            "Send `Accept-Ranges: bytes` or `Accept-Ranges: none`.",
        );
    }
}
