use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, lines};

declare_rule! {
    /// ## What it checks
    /// A response with both `Transfer-Encoding` and `Content-Length`.
    ///
    /// ## Why it matters
    /// RFC 9112 §6.2: "A sender MUST NOT send a Content-Length header field in any message
    /// that contains a Transfer-Encoding header field." Recipients must let
    /// `Transfer-Encoding` win and ignore `Content-Length` (§6.3), but components that pick the
    /// other one see a different end of message: the classic ingredient of HTTP
    /// desynchronisation (request smuggling and response splitting, RFC 9112 §11.2).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Transfer-Encoding: chunked
    /// Content-Length: 5
    ///
    /// 5
    /// hello
    /// 0
    /// ```
    ///
    /// ## Fix
    /// Send one framing mechanism: remove `Content-Length` when the body is chunked (most
    /// often a proxy or middleware added one of the two).
    pub static CONTENT_LENGTH_WITH_TRANSFER_ENCODING = {
        code: "HDR009",
        name: "content-length-with-transfer-encoding",
        category: Headers,
        severity: Error,
        summary: "A response must not carry both Content-Length and Transfer-Encoding",
        specs: [rfc(9112, "6.2"), rfc(9112, "6.3"), rfc(9112, "11.2")],
        requires: &["Transfer-Encoding"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((_, te)) = lines(c, "Transfer-Encoding").next() else { return };
    let Some((i, cl)) = lines(c, "Content-Length").next() else { return };
    c.report(
        at("Content-Length", i),
        format!("The response has both `Transfer-Encoding: {te}` and `Content-Length: {cl}`; recipients must ignore `Content-Length`, and those that do not will disagree on where the response ends."),
        "Remove `Content-Length` from responses that use `Transfer-Encoding`.",
    );
}
