use crate::declare_rule;
use crate::registry::{names_filter, Checker, NamesFilter, Severity};
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
const REQUEST_ONLY: &[&str] = FIELDS.split_at(11).0;
const CREDENTIALS: &[&str] = FIELDS.split_at(11).1;

fn check(c: &mut Checker<'_>) {
    const FILTER: NamesFilter = names_filter(&FIELDS);
    let found: Vec<(usize, &'static str, bool)> = c
        .lines_maybe_named(FILTER)
        .filter_map(|(i, n, _)| {
            if let Some(k) = CREDENTIALS.iter().find(|k| k.eq_ignore_ascii_case(n)) {
                Some((i, *k, true))
            } else {
                REQUEST_ONLY.iter().find(|k| k.eq_ignore_ascii_case(n)).map(|k| (i, *k, false))
            }
        })
        .collect();
    for (i, name, credential) in found {
        if credential {
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
