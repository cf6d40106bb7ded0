use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{fetch, rfc};

declare_rule! {
    /// ## What it checks
    /// A `301 Moved Permanently` or `302 Found` answering a `POST`. Silent when the request is
    /// unknown.
    ///
    /// ## Why it matters
    /// For historical reasons, "a user agent MAY change the request method from POST to GET
    /// for the subsequent request" (RFC 9110 §15.4.2, §15.4.3), and browsers do: the Fetch
    /// standard turns a POST redirected by 301 or 302 into a GET without the body (Fetch
    /// §http-redirect-fetch). Other clients (curl, many libraries) keep the POST. The same
    /// response thus means two different things; `303` and `307`/`308` each mean one.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Location: /orders/42
    /// Content-Length: 0
    /// ```
    /// (in answer to `POST /orders`)
    ///
    /// ## Fix
    /// After handling a form, answer `303 See Other` to send the client to a page with GET;
    /// to have the POST repeated at another URI, answer `307` (or `308` if permanent).
    pub static POST_REDIRECT_BECOMES_GET = {
        code: "STA048",
        name: "post-redirect-becomes-get",
        category: Status,
        severity: Info,
        summary: "A 301 or 302 to a POST is ambiguous: browsers follow it with GET",
        specs: [rfc(9110, "15.4.2"), rfc(9110, "15.4.3"), fetch("http-redirect-fetch")],
        methods: &["POST"],
        statuses: Codes(&[301, 302]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if status != 301 && status != 302 {
        return;
    }
    if c.method() != Some("POST") {
        return;
    }
    let reason = crate::codes::reason(status);
    c.report(
        Target::StatusLine,
        format!("`{status} {reason}` answers a `POST`: browsers follow it with a `GET` without the body, other clients repeat the `POST`."),
        "Use 303 See Other to switch to GET, or 307/308 to keep the POST.",
    );
}
