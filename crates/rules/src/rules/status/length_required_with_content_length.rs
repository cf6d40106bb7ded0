use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `411 Length Required` answering a request that did send a `Content-Length`. Silent
    /// when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.12: a 411 "indicates that the server refuses to accept the request
    /// without a defined Content-Length" and that the client "MAY repeat the request if it
    /// adds a valid Content-Length header field". When the length was already there, the
    /// client can do nothing and retries will fail the same way. This is often a proxy that
    /// strips the header, or a 411 used for "body too short".
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 411 Length Required
    /// Content-Length: 0
    /// ```
    /// (in answer to a `POST` with `Content-Length: 27`)
    ///
    /// ## Fix
    /// Check what reaches the server (a proxy may drop `Content-Length`), and answer 400 or
    /// 422 for content the server does not accept.
    pub static LENGTH_REQUIRED_WITH_CONTENT_LENGTH = {
        code: "STA030",
        name: "length-required-with-content-length",
        category: Status,
        severity: Warning,
        summary: "A 411 response answers a request that had a Content-Length",
        specs: [rfc(9110, "15.5.12"), rfc(9110, "8.6")],
        statuses: Codes(&[411]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 411 {
        return;
    }
    let Some(req) = c.request() else { return };
    let Some(len) = req.headers.get("Content-Length").filter(|l| super::helpers::parse_digits(l.trim_fast()).is_some()) else {
        return;
    };
    c.report(
        Target::StatusLine,
        format!("`411 Length Required` answers a request that sent `Content-Length: {len}`; the client cannot add what it already sent."),
        "Find what drops `Content-Length` on the way, or answer 400/422 for unacceptable content.",
    );
}
