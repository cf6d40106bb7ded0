use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, bodiless_or_tunnel, lines};

declare_rule! {
    /// ## What it checks
    /// `Transfer-Encoding` on a `1xx` or `204 No Content` response, or on a `2xx` answer to
    /// `CONNECT` (the latter only when the request is known).
    ///
    /// ## Why it matters
    /// RFC 9112 §6.1: "A server MUST NOT send a Transfer-Encoding header field in any response
    /// with a status code of 1xx (Informational) or 204 (No Content). A server MUST NOT send a
    /// Transfer-Encoding header field in any 2xx (Successful) response to a CONNECT request".
    /// These responses end with their header section (or, for CONNECT, turn the connection
    /// into a tunnel); a recipient that honours `Transfer-Encoding` instead waits for chunks
    /// that never come, or eats the first bytes of the next message.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Transfer-Encoding: chunked
    /// ```
    ///
    /// ## Fix
    /// Send no `Transfer-Encoding` (and no `Content-Length`) on these responses. Frameworks
    /// that chunk every response usually skip it when the status is set before writing.
    pub static TRANSFER_ENCODING_ON_BODILESS_STATUS = {
        code: "HDR013",
        name: "transfer-encoding-on-bodiless-status",
        category: Headers,
        severity: Error,
        summary: "1xx and 204 responses, and 2xx answers to CONNECT, must not carry Transfer-Encoding",
        specs: [rfc(9112, "6.1"), rfc(9110, "15.3.5"), rfc(9110, "9.3.6")],
        requires: &["Transfer-Encoding"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(connect) = bodiless_or_tunnel(c) else { return };
    let status = c.status();
    let Some((i, v)) = lines(c, "Transfer-Encoding").next() else { return };
    let reason = crate::codes::reason(status);
    let msg = if connect {
        format!("A `{status} {reason}` answer to `CONNECT` carries `Transfer-Encoding: {v}`; the connection becomes a tunnel after the header section, and a recipient that believes the header misreads the tunnelled bytes.")
    } else {
        format!("A `{status} {reason}` response carries `Transfer-Encoding: {v}`; it has no content, and a recipient that believes the header waits for chunks that never come.")
    };
    c.report(
        at("Transfer-Encoding", i),
        msg,
        "Remove `Transfer-Encoding` from this response.",
    );
}
