use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::helpers::{content_range, ContentRange};

declare_rule! {
    /// ## What it checks
    /// A `416 Range Not Satisfiable` whose `Content-Range` is not the unsatisfied-range form
    /// `bytes */<length>` (byte ranges only).
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.17: the 416 "SHOULD generate a Content-Range header field specifying the
    /// current length of the selected representation", written as an unsatisfied-range,
    /// `bytes */47022` (§14.4). A range such as `bytes 0-99/100` in a 416 contradicts the
    /// status, and a value that does not parse leaves resuming clients without the length
    /// they need to ask again.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 416 Range Not Satisfiable
    /// Content-Range: bytes 0-799/800
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send `Content-Range: bytes */800` (the representation's current length).
    pub static RANGE_NOT_SATISFIABLE_MALFORMED_CONTENT_RANGE = {
        code: "STA021",
        name: "range-not-satisfiable-malformed-content-range",
        category: Status,
        severity: Warning,
        summary: "A 416 should state the length as Content-Range: bytes */length",
        specs: [rfc(9110, "15.5.17"), rfc(9110, "14.4")],
        statuses: Codes(&[416]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 416 {
        return;
    }
    let Some((i, v)) = c.header_lines("Content-Range").next() else { return };
    let msg = match content_range(v) {
        ContentRange::Unsatisfied { .. } | ContentRange::OtherUnit => return,
        ContentRange::Range { .. } => {
            format!("`Content-Range: {v}` names a range in a `416 Range Not Satisfiable`; a 416 states only the length, as `bytes */<length>`.")
        }
        ContentRange::Invalid => format!("`Content-Range: {v}` is not `bytes */<length>`; clients cannot learn the representation's length from it."),
    };
    c.report(
        Target::Header { name: "Content-Range".into(), index: Some(i) },
        msg,
        "Send `Content-Range: bytes */<length>`.",
    );
}
