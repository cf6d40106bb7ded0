use crate::declare_rule;
use crate::model::TrimExt;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, bodiless_or_tunnel, lines};

declare_rule! {
    /// ## What it checks
    /// `Content-Length` on a `1xx` response, `Content-Length: 0` on a `204 No Content` (a
    /// non-zero length there is `content-on-bodiless-status`'s error), and `Content-Length` on a
    /// `2xx` answer to `CONNECT` (only when the request is known). A `304 Not Modified` or an
    /// answer to `HEAD` may send one: it gives the length the content would have.
    ///
    /// ## Why it matters
    /// RFC 9110 §8.6: "A server MUST NOT send a Content-Length header field in any response
    /// with a status code of 1xx (Informational) or 204 (No Content). A server MUST NOT send a
    /// Content-Length header field in any 2xx (Successful) response to a CONNECT request". These
    /// responses have no content, or turn the connection into a tunnel, so the field describes
    /// nothing. Recipients are told to cope — a client "MUST ignore any Content-Length or
    /// Transfer-Encoding header fields received in a successful response to CONNECT" (§9.3.6),
    /// and a zero length frames a 204 the way it is framed anyway — which is why this is a
    /// warning, not an error: it marks a server (or framework) that sets the length without
    /// looking at the status.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send no `Content-Length` on `1xx` and `204` responses, nor on a `2xx` answer to
    /// `CONNECT`. Most frameworks leave it out when the status is set before the body is
    /// written.
    pub static CONTENT_LENGTH_ON_BODILESS_STATUS = {
        code: "HDR063",
        name: "content-length-on-bodiless-status",
        category: Headers,
        severity: Warning,
        summary: "1xx and 204 responses, and 2xx answers to CONNECT, must not carry Content-Length",
        specs: [rfc(9110, "8.6"), rfc(9110, "9.3.6"), rfc(9110, "15.3.5")],
        requires: &["Content-Length"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(connect) = bodiless_or_tunnel(c) else { return };
    let status = c.status();
    let Some((i, v)) = lines(c, "Content-Length").next() else { return };
    // A non-zero length on a 204 announces content: `content-on-bodiless-status` reports that.
    if status == 204 && v.trim_fast() != "0" {
        return;
    }
    let reason = crate::codes::reason(status);
    let msg = if connect {
        format!("A `{status} {reason}` answer to `CONNECT` carries `Content-Length: {v}`; the connection becomes a tunnel after the header section, so the length describes nothing (clients must ignore it).")
    } else {
        format!("A `{status} {reason}` response carries `Content-Length: {v}`; it has no content, and RFC 9110 §8.6 forbids the field on it.")
    };
    c.report(at("Content-Length", i), msg, "Remove `Content-Length` from this response.");
}
