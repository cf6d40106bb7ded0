use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `416 Range Not Satisfiable` without `Content-Range: bytes */<length>`.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.17: a server answering a byte-range request with 416 "SHOULD generate a
    /// Content-Range header field specifying the current length of the selected
    /// representation". Download managers and media players use it to learn the real size
    /// and request a valid range.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 416 Range Not Satisfiable
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send `Content-Range: bytes */1234` with the representation's length.
    pub static RANGE_NOT_SATISFIABLE_WITHOUT_CONTENT_RANGE = {
        code: "STA007",
        name: "range-not-satisfiable-without-content-range",
        category: Status,
        severity: Warning,
        summary: "A 416 should state the representation's length in Content-Range",
        specs: [rfc(9110, "15.5.17"), rfc(9110, "14.4")],
        statuses: Codes(&[416]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::require_critical_header(c,
        "Content-Range",
        "Add `Content-Range: bytes */<length>`.",
    );
}
