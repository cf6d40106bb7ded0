use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::helpers::parse_challenges;

/// Error codes defined for the `Bearer` challenge: RFC 6750 §3.1 and RFC 9470 §3.
pub(crate) const BEARER_ERRORS: &[(&str, u16)] = &[
    ("invalid_request", 400),
    ("invalid_token", 401),
    ("insufficient_scope", 403),
    ("insufficient_user_authentication", 401),
];

declare_rule! {
    /// ## What it checks
    /// A `Bearer` challenge in `WWW-Authenticate` whose `error` parameter is not one of the
    /// codes defined for it: `invalid_request`, `invalid_token`, `insufficient_scope`
    /// (RFC 6750 §3.1) and `insufficient_user_authentication` (RFC 9470 §3).
    ///
    /// ## Why it matters
    /// OAuth client libraries branch on `error`: `invalid_token` triggers a token refresh,
    /// `insufficient_scope` a new authorization with the scopes in `scope`. An unknown value
    /// (`expired`, `token_expired`, `unauthorized`) gets none of that handling: the client
    /// just fails. Describe details in `error_description` instead.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 401 Unauthorized
    /// WWW-Authenticate: Bearer realm="api", error="token_expired"
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Use a defined code and put the detail in `error_description`:
    /// `Bearer realm="api", error="invalid_token", error_description="The access token expired"`.
    pub static UNKNOWN_BEARER_ERROR = {
        code: "STA035",
        name: "unknown-bearer-error",
        category: Status,
        severity: Info,
        summary: "A Bearer challenge's error should be one of the codes OAuth clients know",
        specs: [rfc(6750, "3.1"), rfc(9470, "3")],
        requires: &["WWW-Authenticate"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let mut found = Vec::new();
    for (i, v) in c.header_lines("WWW-Authenticate") {
        let Ok(chs) = parse_challenges(v) else { continue };
        for ch in chs.iter().filter(|ch| ch.scheme.eq_ignore_ascii_case("bearer")) {
            if let Some(e) = ch.param("error") {
                if !BEARER_ERRORS.iter().any(|(k, _)| *k == e) {
                    found.push((i, e.to_string()));
                }
            }
        }
    }
    for (i, e) in found {
        c.report(
            Target::Header { name: "WWW-Authenticate".into(), index: Some(i) },
            format!("The `Bearer` challenge's `error=\"{e}\"` is not a defined error code; OAuth clients will not know how to react to it."),
            "Use `invalid_request`, `invalid_token` or `insufficient_scope` and put details in `error_description`.",
        );
    }
}
