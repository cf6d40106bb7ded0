//! `/api/auth/basic/{user}/{pass}` and `/api/auth/bearer`: the 401 challenge/response flow.
//! Without (or with wrong) credentials the answer is 401 with a `WWW-Authenticate` challenge
//! (RFC 9110 §11.6.1); with the right ones, 200 with a diagnostic that says who was accepted.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use base64::Engine;
use serde_json::json;

use crate::problem::InvalidParam;
use crate::sim::{drive, push, Ctx, Reply, SetHeader, MAX_HEADER_VALUE};
use crate::AppState;

pub const MAX_CREDENTIAL: usize = 64;
const REALM: &str = "Status Lab simulator";

/// How a request's credentials compare with what the endpoint expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Accepted(String),
    /// No `Authorization` for this scheme: a bare challenge (RFC 6750 §3: no error code).
    Missing,
    /// Credentials present but wrong: the reason, and the RFC 6750 error code for Bearer.
    Rejected(String, &'static str),
    /// The field cannot be read (RFC 6750 §3.1 `invalid_request`, answered 400).
    Malformed(String),
}

/// The credentials after `scheme` (case-insensitive, RFC 9110 §11.1) in `Authorization`.
fn credentials<'a>(authorization: Option<&'a str>, scheme: &str) -> Option<&'a str> {
    let (s, rest) = authorization?.trim().split_once(' ')?;
    s.eq_ignore_ascii_case(scheme).then(|| rest.trim())
}

/// Checks Basic credentials (RFC 7617: base64 of `user:pass`, UTF-8).
pub fn check_basic(authorization: Option<&str>, user: &str, pass: &str) -> Verdict {
    let Some(b64) = credentials(authorization, "Basic") else { return Verdict::Missing };
    let Ok(raw) = base64::engine::general_purpose::STANDARD.decode(b64) else {
        return Verdict::Rejected(format!("`{b64}` is not base64 (RFC 7617 §2)"), "invalid_token");
    };
    let text = String::from_utf8_lossy(&raw);
    let Some((u, p)) = text.split_once(':') else {
        return Verdict::Rejected("the decoded credentials have no `:` between user-id and password (RFC 7617 §2)".into(), "invalid_token");
    };
    if u == user && p == pass {
        Verdict::Accepted(u.to_string())
    } else {
        Verdict::Rejected(format!("wrong user-id or password for `{u}`"), "invalid_token")
    }
}

/// Checks a Bearer token (RFC 6750 §2.1: `Bearer` and a token68). With `expected`, the token must
/// equal it; without, any well-formed token is accepted.
pub fn check_bearer(authorization: Option<&str>, expected: Option<&str>) -> Verdict {
    let Some(token) = credentials(authorization, "Bearer") else { return Verdict::Missing };
    let token68 = !token.is_empty()
        && token.trim_end_matches('=').bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
        && !token.trim_end_matches('=').is_empty();
    if !token68 {
        return Verdict::Malformed("the token is not a token68 (letters, digits, -._~+/ and trailing =), RFC 6750 §2.1".into());
    }
    match expected {
        Some(e) if e != token => Verdict::Rejected("the token is not the one this endpoint expects (`token=`)".into(), "invalid_token"),
        _ => Verdict::Accepted("bearer".into()),
    }
}

fn bounded(name: &str, v: &str) -> Result<String, InvalidParam> {
    if v.is_empty() || v.len() > MAX_CREDENTIAL || v.chars().any(char::is_control) {
        return Err(InvalidParam { name: name.into(), reason: format!("must be 1–{MAX_CREDENTIAL} characters without control characters") });
    }
    Ok(v.to_string())
}

/// `ANY /api/auth/basic/{user}/{pass}`.
pub async fn basic(
    State(state): State<Arc<AppState>>,
    Path((user, pass)): Path<(String, String)>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let params = match (bounded("user", &user), bounded("pass", &pass)) {
        (Ok(u), Ok(p)) => Ok((u, p)),
        (a, b) => Err([a.err(), b.err()].into_iter().flatten().collect()),
    };
    drive(state, method, uri, headers, body, params, |ctx, (user, pass)| {
        let verdict = check_basic(ctx.header("authorization"), &user, &pass);
        Ok(answer(ctx, "Basic", format!("Basic realm=\"{REALM}\", charset=\"UTF-8\""), verdict))
    })
    .await
}

/// `ANY /api/auth/bearer[?token=…]`.
pub async fn bearer(State(state): State<Arc<AppState>>, method: Method, uri: Uri, headers: HeaderMap, body: Body) -> Response {
    let token = url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).find(|(k, _)| k == "token").map(|(_, v)| v.into_owned());
    let params = match &token {
        Some(t) if t.is_empty() || t.len() > MAX_HEADER_VALUE || check_bearer(Some(&format!("Bearer {t}")), None) != Verdict::Accepted("bearer".into()) => {
            Err(vec![InvalidParam { name: "token".into(), reason: "must be a token68 (RFC 6750 §2.1) of at most 4096 bytes".into() }])
        }
        _ => Ok(token),
    };
    drive(state, method, uri, headers, body, params, |ctx, token| {
        let verdict = check_bearer(ctx.header("authorization"), token.as_deref());
        let challenge = match &verdict {
            Verdict::Rejected(why, code) => format!("Bearer realm=\"{REALM}\", error=\"{code}\", error_description=\"{}\"", why.replace(['"', '\\', '`'], "'")),
            Verdict::Malformed(_) => format!("Bearer realm=\"{REALM}\", error=\"invalid_request\""),
            _ => format!("Bearer realm=\"{REALM}\""),
        };
        Ok(answer(ctx, "Bearer", challenge, verdict))
    })
    .await
}

fn answer(ctx: &Ctx<'_>, scheme: &str, challenge: String, verdict: Verdict) -> Reply {
    let mut h: Vec<SetHeader> = Vec::new();
    let (status, detail) = match &verdict {
        Verdict::Accepted(who) => (200, format!("authenticated with {scheme} as `{who}`")),
        Verdict::Missing => (401, format!("no `Authorization: {scheme} …` in the request")),
        Verdict::Rejected(why, _) => (401, why.clone()),
        Verdict::Malformed(why) => (400, why.clone()),
    };
    if status != 200 {
        push(&mut h, "WWW-Authenticate", challenge, "a 401 must carry a challenge (RFC 9110 §15.5.2, §11.6.1)");
    }
    push(&mut h, "Cache-Control", "no-store", "answers about credentials must not be reused (RFC 9111 §5.2.2.5)");
    push(&mut h, "Content-Type", "application/json", "the diagnostic body is JSON");
    push(&mut h, "X-Content-Type-Options", "nosniff", "disables MIME sniffing");
    ctx.finish_headers(&mut h);
    let note = (scheme == "Basic" && status == 401).then_some(
        "A Basic challenge makes the browser show its login dialog for same-origin (or no-cors) requests with credentials; a CORS request never prompts (Fetch §http-network-or-cache-fetch, the 401 step).",
    );
    let body = if *ctx.method == Method::HEAD {
        Vec::new()
    } else {
        serde_json::to_vec_pretty(&json!({
            "status": status,
            "authenticated": status == 200,
            "scheme": scheme,
            "detail": detail,
            "note": note,
            "request": ctx.req,
            "headers_set": h,
            "exchange_record": ctx.rid().map(|r| format!("/api/exchanges/{r}")),
        }))
        .unwrap_or_default()
    };
    Reply::new(status, h, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basic_header(u: &str, p: &str) -> String {
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}")))
    }

    #[test]
    fn basic_credentials() {
        assert_eq!(check_basic(Some(&basic_header("ann", "pw")), "ann", "pw"), Verdict::Accepted("ann".into()));
        assert_eq!(check_basic(Some(&basic_header("ann", "pw:with:colons")), "ann", "pw:with:colons"), Verdict::Accepted("ann".into()));
        assert!(matches!(check_basic(Some(&basic_header("ann", "no")), "ann", "pw"), Verdict::Rejected(..)));
        assert!(matches!(check_basic(Some("basic !!!"), "ann", "pw"), Verdict::Rejected(..)), "scheme is case-insensitive, value is not base64");
        assert_eq!(check_basic(None, "ann", "pw"), Verdict::Missing);
        assert_eq!(check_basic(Some("Bearer abc"), "ann", "pw"), Verdict::Missing);
    }

    #[test]
    fn bearer_tokens() {
        assert_eq!(check_bearer(Some("Bearer abc.def-123=="), None), Verdict::Accepted("bearer".into()));
        assert!(matches!(check_bearer(Some("Bearer abc"), Some("xyz")), Verdict::Rejected(..)));
        assert!(matches!(check_bearer(Some("Bearer a b"), None), Verdict::Malformed(_)));
        assert!(matches!(check_bearer(Some("Bearer ="), None), Verdict::Malformed(_)));
        assert_eq!(check_bearer(None, None), Verdict::Missing);
    }
}
