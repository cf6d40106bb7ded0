use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, connection_options};

declare_rule! {
    /// ## What it checks
    /// A `Connection` option that names an end-to-end field meant for every recipient:
    /// `Cache-Control`, `Content-*`, `Set-Cookie`, `Location`, `ETag`, `Last-Modified`,
    /// `Expires`, `Vary`, `Date`, `Age`, `Allow`, `Retry-After`, `WWW-Authenticate`,
    /// `Strict-Transport-Security` and the `Access-Control-*` fields.
    ///
    /// ## Why it matters
    /// Every field named in `Connection` is deleted by the next intermediary before it
    /// forwards the message (RFC 9110 §7.6.1). RFC 9110 §7.6.1: "A sender MUST NOT send a
    /// connection option corresponding to a field that is intended for all recipients of the
    /// content. For example, Cache-Control is never appropriate as a connection option". Behind
    /// any proxy or CDN the named field silently disappears.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Connection: keep-alive, Cache-Control
    /// Cache-Control: max-age=600
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// List only connection options (`close`, `keep-alive`, `upgrade`) and hop-by-hop
    /// fields in `Connection`.
    pub static CONNECTION_NAMES_END_TO_END_FIELD = {
        code: "HDR037",
        name: "connection-names-end-to-end-field",
        category: Headers,
        severity: Warning,
        summary: "Connection must not name end-to-end fields: proxies strip them",
        specs: [rfc(9110, "7.6.1")],
        requires: &["Connection"],
        check: check,
    }
}

const END_TO_END: &[&str] = &[
    "cache-control",
    "set-cookie",
    "location",
    "etag",
    "last-modified",
    "expires",
    "vary",
    "date",
    "age",
    "allow",
    "retry-after",
    "www-authenticate",
    "strict-transport-security",
];

fn is_end_to_end(o: &str) -> bool {
    END_TO_END.contains(&o) || o.starts_with("content-") || o.starts_with("access-control-")
}

fn check(c: &mut Checker<'_>) {
    for (i, o) in connection_options(c) {
        let i = *i;
        if is_end_to_end(o) {
            c.report(
                at("Connection", i),
                format!("`Connection` names `{o}`, an end-to-end field; the next proxy deletes `{o}` before forwarding the response."),
                format!("Remove `{o}` from `Connection`."),
            );
        }
    }
}
