use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// Content in the response to a `HEAD` request. Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §9.3.2: "The server SHOULD send the same header fields in response to a HEAD
    /// request as it would have sent if the request method had been GET" but the response
    /// never has content (§6.4.1): clients stop reading after the header section, so bytes
    /// sent anyway corrupt the next response on the connection.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    /// (in answer to `HEAD / HTTP/1.1`)
    ///
    /// ## Fix
    /// Send the header section only; keep `Content-Length` as a GET would have it.
    pub static HEAD_RESPONSE_WITH_CONTENT = {
        code: "STA010",
        name: "head-response-with-content",
        category: Status,
        severity: Error,
        summary: "A response to HEAD cannot carry content",
        specs: [rfc(9110, "9.3.2"), rfc(9110, "6.4.1")],
        methods: &["HEAD"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.method() != Some("HEAD") {
        return;
    }
    let len = c.response().body.len();
    if len > 0 {
        c.report(
            Target::Body,
            format!("The response to a `HEAD` request carries {len} bytes of content."),
            "Send no content in answer to HEAD.",
        );
    }
}
