//! `/api/cache`: a response with caller-chosen caching headers that answers conditional
//! requests with a correct 304 and counts the requests that really reached the server, so the
//! app can tell a browser-cache hit (no new request) from a revalidation (a 304) and a miss.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, Uri};
use axum::response::Response;
use serde_json::json;

use crate::problem::{InvalidParam, Problem};
use crate::sim::{drive, push, Ctx, Reply, SetHeader, MAX_HEADER_VALUE};
use crate::AppState;

/// Relative dates (`last-modified=-3600`, `expires=+60`) are bounded to ten years either way.
pub const MAX_OFFSET_SECS: i64 = 10 * 365 * 86_400;

/// The caching the caller asked for. Dates are kept as offsets or absolute times, resolved per
/// request so that a relative `expires=+60` means "60 s after this answer".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CachePlan {
    pub cache_control: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<When>,
    pub expires: Option<When>,
    pub vary: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    At(SystemTime),
    /// Seconds relative to the time of the answer.
    Offset(i64),
}

impl When {
    fn resolve(self, now: SystemTime) -> SystemTime {
        match self {
            When::At(t) => t,
            When::Offset(s) if s >= 0 => now + Duration::from_secs(s as u64),
            When::Offset(s) => now.checked_sub(Duration::from_secs(s.unsigned_abs())).unwrap_or(UNIX_EPOCH),
        }
    }
}

fn parse_when(v: &str) -> Result<When, String> {
    let v = v.trim();
    if let Ok(t) = httpdate::parse_http_date(v) {
        return Ok(When::At(t));
    }
    let digits = v.strip_prefix('+').or_else(|| v.strip_prefix('-')).unwrap_or(v);
    if !digits.is_empty() && digits.len() <= 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = digits.parse().map_err(|_| "not a number".to_string())?;
        if n > MAX_OFFSET_SECS {
            return Err(format!("{n} s is out of range (at most {MAX_OFFSET_SECS} s, ten years)"));
        }
        return Ok(When::Offset(if v.starts_with('-') { -n } else { n }));
    }
    Err(format!("`{v}` is neither an HTTP-date (`Wed, 25 Nov 2026 21:00:00 GMT`, RFC 9110 §5.6.7) nor seconds relative to now (`-3600`, `+60`)"))
}

/// An entity-tag: `"opaque"` or `W/"opaque"`, with etagc characters only (RFC 9110 §8.8.3).
pub fn valid_etag(v: &str) -> bool {
    let opaque = v.strip_prefix("W/").unwrap_or(v);
    opaque.len() >= 2
        && opaque.starts_with('"')
        && opaque.ends_with('"')
        && opaque[1..opaque.len() - 1].bytes().all(|b| b == 0x21 || (0x23..=0x7e).contains(&b) || b >= 0x80)
}

/// Checks the query: `cache-control`, `etag`, `last-modified`, `expires`, `vary`.
pub fn parse(query: &str) -> Result<CachePlan, Vec<InvalidParam>> {
    let mut plan = CachePlan::default();
    let mut errs = Vec::new();
    let mut bad = |name: &str, reason: String| errs.push(InvalidParam { name: name.into(), reason });
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        let value_ok = v.len() <= MAX_HEADER_VALUE && HeaderValue::from_str(&v).is_ok();
        match k.as_ref() {
            "cache-control" | "vary" | "etag" if !value_ok => {
                bad(&k, "must be a valid header value (no CR, LF or NUL; at most 4096 bytes)".into());
            }
            "cache-control" => plan.cache_control = Some(v.trim().to_string()),
            "vary" => plan.vary = Some(v.trim().to_string()),
            "etag" if valid_etag(v.trim()) => plan.etag = Some(v.trim().to_string()),
            "etag" => bad("etag", format!("`{v}` is not an entity-tag: write it in double quotes, `\"v1\"`, or weak, `W/\"v1\"` (RFC 9110 §8.8.3)")),
            "last-modified" | "expires" => match parse_when(&v) {
                Ok(w) if k == "expires" => plan.expires = Some(w),
                Ok(w) => plan.last_modified = Some(w),
                Err(reason) => bad(&k, reason),
            },
            _ => {}
        }
    }
    if errs.is_empty() {
        Ok(plan)
    } else {
        Err(errs)
    }
}

/// Whether `If-None-Match` matches `etag`, by weak comparison (RFC 9110 §13.1.2: `*` matches any
/// current representation; `W/` prefixes are ignored).
pub fn none_match_matches(if_none_match: &str, etag: Option<&str>) -> bool {
    if if_none_match.trim() == "*" {
        return true;
    }
    let Some(etag) = etag else { return false };
    let weak = |t: &str| t.trim().strip_prefix("W/").unwrap_or(t.trim()).to_string();
    let ours = weak(etag);
    if_none_match.split(',').any(|t| weak(t) == ours)
}

/// The conditional verdict (RFC 9110 §13.2.2): `If-None-Match` first; `If-Modified-Since` only
/// without it, only for GET/HEAD, and only with a valid date. Returns why a 304 is due.
pub fn not_modified(method: &Method, inm: Option<&str>, ims: Option<&str>, etag: Option<&str>, last_modified: Option<SystemTime>) -> Option<String> {
    if *method != Method::GET && *method != Method::HEAD {
        return None;
    }
    if let Some(inm) = inm {
        return none_match_matches(inm, etag).then(|| format!("If-None-Match: {inm} matches the ETag (weak comparison, RFC 9110 §13.1.2)"));
    }
    let (ims, lm) = (ims?, last_modified?);
    let since = httpdate::parse_http_date(ims).ok()?;
    // HTTP-dates have one-second resolution.
    let secs = |t: SystemTime| t.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    (secs(lm) <= secs(since)).then(|| format!("If-Modified-Since: {ims} is not earlier than Last-Modified (RFC 9110 §13.1.3)"))
}

/// `ANY /api/cache`.
pub async fn cache(State(state): State<Arc<AppState>>, method: Method, uri: Uri, headers: HeaderMap, body: Body) -> Response {
    let plan = parse(uri.query().unwrap_or(""));
    drive(state, method, uri, headers, body, plan, answer).await
}

fn answer(ctx: &Ctx<'_>, plan: CachePlan) -> Result<Reply, Problem> {
    let now = SystemTime::now();
    // This request is counted before it is recorded: earlier requests with the same rid + 1.
    let count = ctx.rid().map(|rid| ctx.state.store.requests(rid) + 1);
    let lm = plan.last_modified.map(|w| w.resolve(now));
    let mut h: Vec<SetHeader> = Vec::new();
    if let Some(cc) = &plan.cache_control {
        push(&mut h, "Cache-Control", cc.clone(), "set by the `cache-control` knob");
    }
    if let Some(e) = &plan.etag {
        push(&mut h, "ETag", e.clone(), "set by the `etag` knob: a validator for If-None-Match (RFC 9110 §8.8.3)");
    }
    if let Some(t) = lm {
        push(&mut h, "Last-Modified", httpdate::fmt_http_date(t), "set by the `last-modified` knob: a validator for If-Modified-Since (RFC 9110 §8.8.2)");
    }
    if let Some(w) = plan.expires {
        push(&mut h, "Expires", httpdate::fmt_http_date(w.resolve(now)), "set by the `expires` knob (RFC 9111 §5.3)");
    }
    if let Some(v) = &plan.vary {
        push(&mut h, "Vary", v.clone(), "set by the `vary` knob: the request headers this answer depends on (RFC 9110 §12.5.5)");
    }
    if let Some(n) = count {
        push(&mut h, "Statuslab-Request-Count", n.to_string(), "how many requests with this rid reached the simulator, this one included");
    }
    let inm = ctx.header("if-none-match");
    let ims = ctx.header("if-modified-since");
    if let Some(why) = not_modified(ctx.method, inm, ims, plan.etag.as_deref(), lm) {
        // A 304 carries the fields a 200 would have had that guide cache updates (RFC 9110
        // §15.4.5); Last-Modified only when there is no ETag.
        if plan.etag.is_some() {
            h.retain(|x| !x.name.eq_ignore_ascii_case("last-modified"));
        }
        // Header values stay ASCII (RFC 9110 §5.5).
        push(&mut h, "Statuslab-Not-Modified", why.replace('§', "section "), "why the simulator answered 304");
        ctx.finish_headers(&mut h);
        return Ok(Reply::new(304, h, Vec::new()));
    }
    let has_body = *ctx.method != Method::HEAD;
    push(&mut h, "Content-Type", "application/json", "the diagnostic body is JSON");
    push(&mut h, "X-Content-Type-Options", "nosniff", "disables MIME sniffing");
    ctx.finish_headers(&mut h);
    let body = json!({
        "status": 200,
        "request_number": count,
        "served_at": httpdate::fmt_http_date(now),
        "conditional": { "if_none_match": inm, "if_modified_since": ims, "matched": false },
        "request": ctx.req,
        "headers_set": h,
        "note": "If this body's served_at or request_number is older than the request you just made, the browser answered from its HTTP cache without asking the simulator.",
        "exchange_record": ctx.rid().map(|r| format!("/api/exchanges/{r}")),
    });
    let body = if has_body { serde_json::to_vec_pretty(&body).unwrap_or_default() } else { Vec::new() };
    Ok(Reply::new(200, h, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_knobs_and_rejects_bad_values() {
        let p = parse("cache-control=max-age%3D60&etag=%22v1%22&last-modified=-3600&expires=%2B60&vary=Accept").unwrap();
        assert_eq!(p.cache_control.as_deref(), Some("max-age=60"));
        assert_eq!(p.etag.as_deref(), Some("\"v1\""));
        assert_eq!(p.last_modified, Some(When::Offset(-3600)));
        assert_eq!(p.expires, Some(When::Offset(60)));
        let e = parse("etag=v1&last-modified=yesterday&expires=%2B999999999999").unwrap_err();
        assert_eq!(e.len(), 3);
        assert!(e[0].reason.contains("double quotes"));
        assert!(parse("last-modified=Wed,%2025%20Nov%202026%2021:00:00%20GMT").is_ok());
    }

    #[test]
    fn etag_syntax() {
        assert!(valid_etag("\"v1\""));
        assert!(valid_etag("W/\"v1\""));
        assert!(valid_etag("\"\""));
        assert!(!valid_etag("v1"));
        assert!(!valid_etag("\"a\"b\""));
        assert!(!valid_etag("w/\"v1\""));
    }

    #[test]
    fn conditionals() {
        let get = Method::GET;
        let lm = UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert!(not_modified(&get, Some("W/\"v1\""), None, Some("\"v1\""), None).is_some(), "weak comparison");
        assert!(not_modified(&get, Some("\"v0\", \"v1\""), None, Some("\"v1\""), None).is_some());
        assert!(not_modified(&get, Some("*"), None, None, None).is_some());
        assert!(not_modified(&get, Some("\"v2\""), Some("Sat, 01 Jan 2050 00:00:00 GMT"), Some("\"v1\""), Some(lm)).is_none(), "If-None-Match wins over If-Modified-Since");
        assert!(not_modified(&get, None, Some(&httpdate::fmt_http_date(lm)), None, Some(lm)).is_some());
        assert!(not_modified(&get, None, Some(&httpdate::fmt_http_date(lm - Duration::from_secs(1))), None, Some(lm)).is_none());
        assert!(not_modified(&get, None, Some("garbage"), None, Some(lm)).is_none());
        assert!(not_modified(&Method::POST, Some("*"), None, Some("\"v1\""), None).is_none());
    }
}
