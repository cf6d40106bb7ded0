use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `206 Partial Content` with `multipart/byteranges` content answering a request whose
    /// `Range` asked for a single range. Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.3.7.2: "A server MUST NOT generate a multipart response to a request for a
    /// single range, since a client that does not request multiple parts might not support
    /// multipart responses." Such a client stores the multipart framing as if it were the
    /// requested bytes.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 206 Partial Content
    /// Content-Type: multipart/byteranges; boundary=SEP
    /// Content-Length: 160
    /// ```
    /// (in answer to `Range: bytes=0-99`)
    ///
    /// ## Fix
    /// Answer a single range with a single-part 206: the bytes as content and
    /// `Content-Range: bytes 0-99/<length>`.
    pub static BYTERANGES_FOR_SINGLE_RANGE = {
        code: "STA019",
        name: "byteranges-for-single-range",
        category: Status,
        severity: Error,
        summary: "A request for one range must not get a multipart 206",
        specs: [rfc(9110, "15.3.7.2"), rfc(9110, "14.2")],
        statuses: Codes(&[206]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 206 {
        return;
    }
    let Some(req) = c.request() else { return };
    let Some(range) = req.headers.get("Range") else { return };
    if super::helpers::range_count(range) != 1 {
        return;
    }
    let h = &c.response().headers;
    let Some(i) = h.index_of("Content-Type") else { return };
    if super::helpers::content_type(h).is_none_or(|m| m.essence != "multipart/byteranges") {
        return;
    }
    c.report(
        Target::Header { name: "Content-Type".into(), index: Some(i) },
        format!("The request asked for one range (`Range: {range}`) but the `206` is `multipart/byteranges`, which a client asking for one range may not understand."),
        "Send a single-part 206 with `Content-Range` for a single requested range.",
    );
}
