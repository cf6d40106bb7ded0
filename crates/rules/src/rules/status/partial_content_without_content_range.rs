use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `206 Partial Content` that has neither a `Content-Range` header nor
    /// `multipart/byteranges` content.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.3.7.1: "If a single part is being transferred, the server generating the
    /// 206 response MUST generate a Content-Range header field, describing what range of the
    /// selected representation is enclosed". Without it the client cannot tell where the
    /// bytes belong: download managers and media players cannot stitch the parts together,
    /// and caches cannot combine them (RFC 9111 §3.4).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 206 Partial Content
    /// Content-Type: video/mp4
    /// Content-Length: 1024
    /// ```
    ///
    /// ## Fix
    /// Send `Content-Range: bytes 0-1023/146515` (first and last byte position, and the full
    /// length), or answer `200 OK` with the whole representation.
    pub static PARTIAL_CONTENT_WITHOUT_CONTENT_RANGE = {
        code: "STA015",
        name: "partial-content-without-content-range",
        category: Status,
        severity: Error,
        summary: "A single-part 206 response must say which range it carries in Content-Range",
        specs: [rfc(9110, "15.3.7.1"), rfc(9110, "14.4")],
        statuses: Codes(&[206]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 206 {
        return;
    }
    if super::helpers::content_type(&c.response().headers).is_some_and(|m| m.essence == "multipart/byteranges") {
        return;
    }
    if let Presence::Absent = c.header("Content-Range") {
        c.report(
            Target::Header { name: "Content-Range".into(), index: None },
            "A `206 Partial Content` response has no `Content-Range`: the client cannot tell which part of the representation it received.",
            "Add `Content-Range: bytes <first>-<last>/<length>`, or answer 200 with the whole representation.",
        );
    }
}
