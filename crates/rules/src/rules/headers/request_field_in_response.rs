use crate::declare_rule;
use crate::registry::{name_set, Checker, NameSet, Severity};
use crate::spec::rfc;

use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// Request-only header fields in a response: `Host`, `Expect`, `Max-Forwards`, `TE`,
    /// `Range`, `Referer`, the conditional fields (`If-Match`, `If-None-Match`,
    /// `If-Modified-Since`, `If-Unmodified-Since`, `If-Range`) — and, at `warning`, the
    /// credentials `Authorization`, `Proxy-Authorization` and `Cookie`.
    ///
    /// ## Why it matters
    /// These fields are defined for requests only (RFC 9110 §7.2, §10.1, §13.1, §14.2, §11.6.2;
    /// RFC 6265 §5.4) and mean nothing in a response. They usually show a server or proxy that
    /// echoes the request's header section. Echoed credentials are worse: a `Cookie` in a
    /// response is readable by any script on the page through `fetch` or `XMLHttpRequest`
    /// (defeating `HttpOnly`), and shared caches and logs may store the credentials.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// Cookie: session=8f14e45f
    ///
    /// {"ok": true}
    /// ```
    ///
    /// ## Fix
    /// Stop copying request headers into the response (debug middleware, reverse-proxy
    /// misconfiguration).
    pub static REQUEST_FIELD_IN_RESPONSE = {
        code: "HDR044",
        name: "request-field-in-response",
        category: Headers,
        severity: Info,
        summary: "Request-only fields have no meaning in a response",
        specs: [rfc(9110, "10.1"), rfc(9110, "13.1"), rfc(9110, "11.6.2"), rfc(6265, "5.4")],
        requires: &FIELDS,
        check: check,
    }
}

/// The request-only fields, then the credentials: what the rule looks for, and so what it
/// `requires`.
const FIELDS: [&str; 14] = [
    "Host",
    "Expect",
    "Max-Forwards",
    "TE",
    "Range",
    "Referer",
    "If-Match",
    "If-None-Match",
    "If-Modified-Since",
    "If-Unmodified-Since",
    "If-Range",
    "Authorization",
    "Proxy-Authorization",
    "Cookie",
];
/// The credentials, after the eleven request-only fields.
const CREDENTIALS: &[&str] = FIELDS.split_at(11).1;

fn check(c: &mut Checker<'_>) {
    const SET: NameSet<14> = name_set(FIELDS);
    for (i, name, _) in c.lines_named(&SET) {
        if CREDENTIALS.contains(&name) {
            c.report_with(
                Severity::Warning,
                at(name, i),
                format!("The response echoes the `{name}` request header; scripts on the page can read the credentials, and caches and logs may keep them."),
                format!("Stop copying `{name}` into responses."),
            );
        } else {
            c.report(
                at(name, i),
                format!("`{name}` is a request header field and means nothing in a response; something echoes request headers."),
                format!("Remove `{name}` from the response."),
            );
        }
    }
}
