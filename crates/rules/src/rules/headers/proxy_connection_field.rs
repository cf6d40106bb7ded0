use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, lines};

declare_rule! {
    /// ## What it checks
    /// A `Proxy-Connection` header field in a response.
    ///
    /// ## Why it matters
    /// `Proxy-Connection` was never standardised: old clients sent it to proxies instead of
    /// `Connection`. RFC 9110 §7.6.1 lists it among the connection-specific fields
    /// intermediaries should remove, and in HTTP/2 and HTTP/3 any connection-specific field
    /// makes the message malformed (RFC 9113 §8.2.2). No client needs it in a response; it
    /// usually leaks from a proxy that copies request fields into the response.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Proxy-Connection: keep-alive
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Remove `Proxy-Connection`; use `Connection` for connection options.
    pub static PROXY_CONNECTION_FIELD = {
        code: "HDR036",
        name: "proxy-connection-field",
        category: Headers,
        severity: Info,
        summary: "Proxy-Connection is non-standard and has no place in a response",
        specs: [rfc(9110, "7.6.1"), rfc(9113, "8.2.2"), rfc(9112, "C.2.2")],
        requires: &["Proxy-Connection"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if let Some((i, v)) = lines(c, "Proxy-Connection").next() {
        c.report(
            at("Proxy-Connection", i),
            format!("`Proxy-Connection: {v}` is a non-standard field that no recipient needs; an HTTP/2 or HTTP/3 response carrying it is malformed."),
            "Remove `Proxy-Connection`.",
        );
    }
}
