use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `407 Proxy Authentication Required` response without a `Proxy-Authenticate` header.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.8: "The proxy MUST send a Proxy-Authenticate header field containing a
    /// challenge applicable to that proxy for the request." A client cannot answer a proxy
    /// challenge it was never given. Note also that a browser treats a 407 from anything but
    /// its configured proxy as a network error: `fetch()` rejects and the page sees nothing.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 407 Proxy Authentication Required
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send `Proxy-Authenticate` with the proxy's scheme. If this comes from an origin server
    /// rather than a proxy, use `401` with `WWW-Authenticate` instead.
    pub static PROXY_AUTH_WITHOUT_CHALLENGE = {
        code: "STA002",
        name: "proxy-auth-without-challenge",
        category: Status,
        severity: Error,
        summary: "A 407 response must carry a Proxy-Authenticate challenge",
        specs: [rfc(9110, "15.5.8"), rfc(9110, "11.7.1")],
        statuses: Codes(&[407]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::require_critical_header(c,
        "Proxy-Authenticate",
        "Add `Proxy-Authenticate` with the proxy's scheme; an origin server should answer 401 with `WWW-Authenticate` instead.",
    );
}
