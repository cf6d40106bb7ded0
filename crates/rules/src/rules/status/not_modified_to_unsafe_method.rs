use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `304 Not Modified` answering a method other than `GET` or `HEAD`. Silent when the
    /// request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §13.1.2: when `If-None-Match` evaluates to false, "the origin server MUST
    /// respond with either a) the 304 (Not Modified) status code if the request method is
    /// GET or HEAD or b) the 412 (Precondition Failed) status code for all other request
    /// methods". `If-Modified-Since` is ignored outside GET and HEAD (§13.1.3). A client
    /// that sent a `PUT` or `POST` gets no indication that its change was refused.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 304 Not Modified
    /// ETag: "v7"
    /// ```
    /// (in answer to `PUT /doc/7` with `If-None-Match: *`)
    ///
    /// ## Fix
    /// Answer a failed precondition on any other method with `412 Precondition Failed`.
    pub static NOT_MODIFIED_TO_UNSAFE_METHOD = {
        code: "STA024",
        name: "not-modified-to-unsafe-method",
        category: Status,
        severity: Error,
        summary: "Only GET and HEAD can be answered with 304; other methods get 412",
        specs: [rfc(9110, "13.1.2"), rfc(9110, "15.4.5"), rfc(9110, "15.5.13")],
        statuses: Codes(&[304]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 304 {
        return;
    }
    let Some(m) = c.method() else { return };
    if m == "GET" || m == "HEAD" {
        return;
    }
    c.report(
        Target::StatusLine,
        format!("`304 Not Modified` answers a `{m}` request; a failed precondition on anything but GET or HEAD must be answered with `412 Precondition Failed`."),
        "Answer with 412 Precondition Failed.",
    );
}
