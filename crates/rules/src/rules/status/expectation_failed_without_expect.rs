use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `417 Expectation Failed` answering a request that had no `Expect` header. Silent
    /// when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.18: a 417 "indicates that the expectation given in the request's Expect
    /// header field could not be met by at least one of the inbound servers". Without an
    /// `Expect`, the client has nothing to drop before retrying (clients such as curl retry a
    /// 417 without `Expect: 100-continue`), so the request simply fails.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 417 Expectation Failed
    /// Content-Length: 0
    /// ```
    /// (in answer to a `POST` without `Expect`)
    ///
    /// ## Fix
    /// Answer with the status that describes the real failure (often 400 or 422).
    pub static EXPECTATION_FAILED_WITHOUT_EXPECT = {
        code: "STA029",
        name: "expectation-failed-without-expect",
        category: Status,
        severity: Warning,
        summary: "A 417 response answers a request that had no Expect header",
        specs: [rfc(9110, "15.5.18"), rfc(9110, "10.1.1")],
        statuses: Codes(&[417]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 417 {
        return;
    }
    let Some(req) = c.request() else { return };
    if req.headers.contains("Expect") {
        return;
    }
    c.report(
        Target::StatusLine,
        format!("`417 Expectation Failed` answers a `{}` request that has no `Expect` header; there is no expectation to fail.", req.method),
        "Answer with the status that describes the real failure.",
    );
}
