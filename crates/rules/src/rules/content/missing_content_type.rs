use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A response with content but no `Content-Type` header.
    ///
    /// ## Why it matters
    /// RFC 9110 §8.3: "A sender that generates a message containing content SHOULD generate a
    /// Content-Type header field in that message". Without it the recipient guesses: browsers
    /// sniff (MIME sniffing can turn data into executable HTML or script), API clients fail to
    /// decode JSON.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Length: 13
    ///
    /// {"ok": true}
    /// ```
    ///
    /// ## Fix
    /// Send the media type, e.g. `Content-Type: application/json`, and
    /// `X-Content-Type-Options: nosniff`.
    pub static MISSING_CONTENT_TYPE = {
        code: "CNT001",
        name: "missing-content-type",
        category: Content,
        severity: Warning,
        summary: "Content should be labelled with Content-Type",
        specs: [rfc(9110, "8.3")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.response().body.is_empty() || c.method() == Some("HEAD") {
        return;
    }
    // `Content-Type` is CORS-safelisted, so it is visible to every non-opaque observer.
    if let Presence::Absent = c.header("Content-Type") {
        let len = c.response().body.len();
        c.report(
            Target::Header { name: "Content-Type".into(), index: None },
            format!("The response carries {len} bytes of content but no `Content-Type`; clients must guess (sniff) what it is."),
            "Add `Content-Type` with the media type of the content.",
        );
    }
}
