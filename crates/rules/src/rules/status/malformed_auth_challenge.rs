use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::helpers::{parse_challenges, ChallengeError};

declare_rule! {
    /// ## What it checks
    /// The syntax of `WWW-Authenticate` in a `401` and of `Proxy-Authenticate` in a `407`:
    /// each challenge is an auth-scheme token, optionally followed by a space and either a
    /// token68 or comma-separated `name=value` parameters whose values are tokens or quoted
    /// strings. Flags an empty value, a value that starts with a parameter (no scheme), and
    /// members that are neither (e.g. an unquoted value with spaces).
    ///
    /// ## Why it matters
    /// RFC 9110 §11.6.1 and §11.7.1 require at least one challenge; its grammar is in §11.3.
    /// Clients pick the scheme from the first token: `realm="api"` alone has no scheme, and
    /// `realm=My API` cannot be split into parameters. Browsers and libraries then ignore
    /// the challenge, and the client cannot authenticate.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 401 Unauthorized
    /// WWW-Authenticate: realm="api"
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Start each challenge with its scheme and quote parameter values:
    /// `WWW-Authenticate: Bearer realm="My API"`.
    pub static MALFORMED_AUTH_CHALLENGE = {
        code: "STA034",
        name: "malformed-auth-challenge",
        category: Status,
        severity: Warning,
        summary: "An authentication challenge must start with a scheme and use valid parameters",
        specs: [rfc(9110, "11.3"), rfc(9110, "11.6.1"), rfc(9110, "11.7.1")],
        statuses: Codes(&[401, 407]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let field = match c.status() {
        401 => "WWW-Authenticate",
        407 => "Proxy-Authenticate",
        _ => return,
    };
    let bad: Vec<(usize, String, ChallengeError)> = c
        .response()
        .headers
        .all(field)
        .filter_map(|(i, v)| parse_challenges(v).err().map(|e| (i, v.to_string(), e)))
        .collect();
    for (i, v, e) in bad {
        let msg = match e {
            ChallengeError::Empty => format!("`{field}` is empty: it holds no challenge."),
            ChallengeError::MissingScheme(m) => {
                format!("`{field}: {v}` starts with the parameter `{m}` instead of an auth-scheme such as `Bearer` or `Basic`.")
            }
            ChallengeError::Malformed(m) => {
                format!("`{field}: {v}` cannot be parsed: `{m}` is neither a challenge nor a `name=value` parameter (quote values that contain spaces).")
            }
        };
        c.report(
            Target::Header { name: field.to_string().into(), index: Some(i) },
            msg,
            format!("Write `{field}: <Scheme> name=\"value\", …`, e.g. `Bearer realm=\"api\"`."),
        );
    }
}
