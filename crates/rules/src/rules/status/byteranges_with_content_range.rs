use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `206 Partial Content` with `multipart/byteranges` content that also has a
    /// `Content-Range` header in its header section.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.3.7.2: "To avoid confusion with single-part responses, a server MUST NOT
    /// generate a Content-Range header field in the HTTP header section of a multiple part
    /// response (this field will be sent in each part instead)." A client that sees
    /// `Content-Range` may take the whole multipart body as the bytes of that one range.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 206 Partial Content
    /// Content-Type: multipart/byteranges; boundary=SEP
    /// Content-Range: bytes 0-50/1000
    /// Content-Length: 280
    /// ```
    ///
    /// ## Fix
    /// Remove `Content-Range` from the header section; put one in the header of each body
    /// part instead.
    pub static BYTERANGES_WITH_CONTENT_RANGE = {
        code: "STA018",
        name: "byteranges-with-content-range",
        category: Status,
        severity: Error,
        summary: "A multipart 206 must not carry Content-Range in its header section",
        specs: [rfc(9110, "15.3.7.2"), rfc(9110, "14.4")],
        statuses: Codes(&[206]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 206 {
        return;
    }
    let h = &c.response().headers;
    if super::helpers::content_type(h).is_none_or(|m| m.essence != "multipart/byteranges") {
        return;
    }
    if let Some((i, v)) = h.all("Content-Range").next() {
        c.report(
            Target::Header { name: "Content-Range".into(), index: Some(i) },
            format!("This `multipart/byteranges` response also sends `Content-Range: {v}` in its header section; clients may read the whole body as that one range."),
            "Remove the top-level `Content-Range`; each body part carries its own.",
        );
    }
}
