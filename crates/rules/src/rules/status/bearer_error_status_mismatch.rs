use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::helpers::parse_challenges;
use super::unknown_bearer_error::BEARER_ERRORS;

declare_rule! {
    /// ## What it checks
    /// A `Bearer` challenge whose `error` does not go with the response's status:
    /// `invalid_request` belongs to `400`, `invalid_token` and
    /// `insufficient_user_authentication` to `401`, `insufficient_scope` to `403`.
    ///
    /// ## Why it matters
    /// RFC 6750 §3.1 pairs each error with a status: the resource server "SHOULD respond with
    /// the HTTP 400 (Bad Request)", "401 (Unauthorized)", "403 (Forbidden)" respectively
    /// (RFC 9470 §3 adds `insufficient_user_authentication` with 401). Clients decide from the
    /// status whether to refresh the token (401) or ask for more scope (403); a
    /// `401` with `insufficient_scope` makes them refresh a token that is valid, in a loop.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 401 Unauthorized
    /// WWW-Authenticate: Bearer realm="api", error="insufficient_scope", scope="orders:write"
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Answer `insufficient_scope` with `403 Forbidden` (keeping the challenge), and
    /// `invalid_request` with `400 Bad Request`.
    pub static BEARER_ERROR_STATUS_MISMATCH = {
        code: "STA036",
        name: "bearer-error-status-mismatch",
        category: Status,
        severity: Info,
        summary: "A Bearer challenge's error code implies a different status",
        specs: [rfc(6750, "3.1"), rfc(9470, "3")],
        requires: &["WWW-Authenticate"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    let mut found = Vec::new();
    for (i, v) in c.header_lines("WWW-Authenticate") {
        let Ok(chs) = parse_challenges(v) else { continue };
        for ch in chs.iter().filter(|ch| ch.scheme.eq_ignore_ascii_case("bearer")) {
            let Some(e) = ch.param("error") else { continue };
            if let Some((_, want)) = BEARER_ERRORS.iter().find(|(k, _)| *k == e) {
                if *want != status {
                    found.push((i, e.to_string(), *want));
                }
            }
        }
    }
    let reason = crate::codes::reason(status);
    for (i, e, want) in found {
        let want_reason = crate::codes::reason(want);
        c.report(
            Target::Header { name: "WWW-Authenticate".into(), index: Some(i) },
            format!("The `Bearer` error `{e}` goes with `{want} {want_reason}`, but the response is `{status} {reason}`."),
            format!("Answer `{e}` with {want} {want_reason}."),
        );
    }
}
