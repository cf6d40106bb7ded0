use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `401 Unauthorized` response without a `WWW-Authenticate` header field.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.2: "The server generating a 401 response MUST send a WWW-Authenticate
    /// header field containing at least one challenge applicable to the target resource."
    /// Without a challenge, a client cannot tell which authentication scheme to use, and
    /// generic HTTP clients and libraries will not retry with credentials.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 401 Unauthorized
    /// Content-Type: application/json
    ///
    /// {"error": "token expired"}
    /// ```
    ///
    /// ## Fix
    /// Send a challenge for the scheme the resource accepts, e.g.
    /// `WWW-Authenticate: Bearer realm="api", error="invalid_token"` (RFC 6750 §3). If the
    /// client is authenticated but not allowed, the right status is `403 Forbidden`.
    pub static UNAUTHORIZED_WITHOUT_CHALLENGE = {
        code: "STA001",
        name: "unauthorized-without-challenge",
        category: Status,
        severity: Error,
        summary: "A 401 response must carry a WWW-Authenticate challenge",
        specs: [rfc(9110, "15.5.2"), rfc(9110, "11.6.1")],
        statuses: Codes(&[401]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::require_critical_header(c,
        "WWW-Authenticate",
        "Add `WWW-Authenticate: Bearer realm=\"…\"` (or the scheme you accept); use 403 if credentials are valid but insufficient.",
    );
}
