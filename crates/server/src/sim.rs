//! The simulator: `/api/status/{code}` answers with the status asked for, the headers the
//! knowledge base says the code needs, CORS that lets any page read everything, and a JSON
//! diagnostic body describing the request it received and every header it set, with why.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::json;
use statuslab_rules::codes::{self, RegistryStatus};

use crate::problem::{InvalidParam, Problem};
use crate::store::{valid_rid, RequestInfo, ResponseInfo};
use crate::AppState;

/// Upper bounds of the knobs (values above are rejected, never clamped).
pub const MAX_DELAY_MS: u64 = 10_000;
pub const MAX_SET: usize = 32;
pub const MAX_HEADER_VALUE: usize = 4096;
/// Request bodies above this are refused with 413.
pub const MAX_REQUEST_BODY: usize = 1 << 20;

/// Header fields `set=` may not touch: they frame the message, and a wrong value would break the
/// connection rather than demonstrate a misconfiguration.
const FRAMING: &[&str] = &["content-length", "transfer-encoding", "connection", "keep-alive", "te", "trailer"];

/// The CORS policy the simulator plays (`cors=`), to reproduce a misconfigured server on purpose.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CorsPolicy {
    /// Reflect `Origin`, allow credentials, expose every header (the default: the app can read all).
    #[default]
    Reflect,
    /// No CORS headers at all.
    None,
    /// `Access-Control-Allow-Origin: *` (fine without credentials).
    Wildcard,
    /// `*` together with `Access-Control-Allow-Credentials: true` (broken for credentialed requests).
    WildcardCredentials,
    /// An origin that is not the caller's.
    Mismatch,
    /// Two origins in one `Access-Control-Allow-Origin`.
    MultipleOrigins,
    /// Reflect, but expose no header beyond the safelisted ones.
    NoExpose,
}

impl CorsPolicy {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "reflect" => CorsPolicy::Reflect,
            "none" => CorsPolicy::None,
            "wildcard" => CorsPolicy::Wildcard,
            "wildcard-credentials" => CorsPolicy::WildcardCredentials,
            "mismatch" => CorsPolicy::Mismatch,
            "multiple-origins" => CorsPolicy::MultipleOrigins,
            "no-expose" => CorsPolicy::NoExpose,
            _ => return None,
        })
    }
}

/// Bound of `max-age=` (seconds).
pub const MAX_PREFLIGHT_MAX_AGE: u32 = 86_400;

/// The knobs common to every simulator endpoint.
#[derive(Debug, Default, Clone)]
pub struct Knobs {
    pub set: Vec<(HeaderName, HeaderValue)>,
    pub omit: Vec<HeaderName>,
    pub delay: Duration,
    pub rid: Option<String>,
    pub cors: CorsPolicy,
    pub preflight_status: Option<u16>,
    pub allow_methods: Option<String>,
    pub allow_headers: Option<String>,
    pub expose: Option<String>,
    pub max_age: Option<u32>,
}

/// Parses the query string into knobs. Unknown parameters are kept for the diagnostic body
/// (they are the caller's business, e.g. cache busters); bad knob values are all reported.
pub fn parse_knobs(query: &str) -> Result<Knobs, Vec<InvalidParam>> {
    let mut k = Knobs::default();
    let mut errs = Vec::new();
    let mut bad = |name: &str, reason: String| errs.push(InvalidParam { name: name.to_string(), reason });
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "set" => {
                let Some((n, v)) = value.split_once(':') else {
                    bad("set", format!("`{value}` is not `Name:Value`"));
                    continue;
                };
                let name = match HeaderName::from_bytes(n.trim().as_bytes()) {
                    Ok(name) => name,
                    Err(_) => {
                        bad("set", format!("`{}` is not a valid header name (RFC 9110 §5.1: a token, no spaces or separators)", n.trim()));
                        continue;
                    }
                };
                if FRAMING.contains(&name.as_str()) {
                    bad("set", format!("`{name}` frames the message and cannot be overridden"));
                    continue;
                }
                let v = v.trim();
                if v.len() > MAX_HEADER_VALUE {
                    bad("set", format!("the value of `{name}` is longer than {MAX_HEADER_VALUE} bytes"));
                    continue;
                }
                match HeaderValue::from_str(v) {
                    Ok(val) => k.set.push((name, val)),
                    Err(_) => bad(
                        "set",
                        format!("the value of `{name}` contains a control character (CR, LF or NUL are never allowed, RFC 9110 §5.5)"),
                    ),
                }
            }
            "omit" => match HeaderName::from_bytes(value.trim().as_bytes()) {
                Ok(name) => k.omit.push(name),
                Err(_) => bad("omit", format!("`{value}` is not a valid header name")),
            },
            "delay" => match value.parse::<u64>() {
                Ok(ms) if ms <= MAX_DELAY_MS => k.delay = Duration::from_millis(ms),
                Ok(ms) => bad("delay", format!("{ms} ms is out of range (0–{MAX_DELAY_MS})")),
                Err(_) => bad("delay", format!("`{value}` is not a whole number of milliseconds (0–{MAX_DELAY_MS})")),
            },
            "cors" => match CorsPolicy::parse(&value) {
                Some(p) => k.cors = p,
                None => bad(
                    "cors",
                    format!("`{value}` is not one of reflect, none, wildcard, wildcard-credentials, mismatch, multiple-origins, no-expose"),
                ),
            },
            "preflight-status" => match value.parse::<u16>() {
                Ok(c) if (100..=599).contains(&c) && value.len() == 3 => k.preflight_status = Some(c),
                _ => bad("preflight-status", format!("`{value}` is not a status code 100–599")),
            },
            "allow-methods" | "allow-headers" | "expose" => {
                if value.len() > MAX_HEADER_VALUE || HeaderValue::from_str(&value).is_err() {
                    bad(&key, "must be a valid header value (no CR, LF or NUL; at most 4096 bytes)".to_string());
                } else {
                    let v = Some(value.trim().to_string());
                    match key.as_ref() {
                        "allow-methods" => k.allow_methods = v,
                        "allow-headers" => k.allow_headers = v,
                        _ => k.expose = v,
                    }
                }
            }
            "max-age" => match value.parse::<u32>() {
                Ok(n) if n <= MAX_PREFLIGHT_MAX_AGE => k.max_age = Some(n),
                _ => bad("max-age", format!("`{value}` is not a number of seconds 0–{MAX_PREFLIGHT_MAX_AGE}")),
            },
            "rid" => {
                if valid_rid(&value) {
                    k.rid = Some(value.into_owned());
                } else {
                    bad("rid", "must be 1–64 characters of A–Z, a–z, 0–9, `-` or `_`".to_string());
                }
            }
            _ => {}
        }
    }
    if k.set.len() + k.omit.len() > MAX_SET {
        bad("set", format!("at most {MAX_SET} `set` and `omit` parameters together"));
    }
    if errs.is_empty() {
        Ok(k)
    } else {
        Err(errs)
    }
}

/// A header the simulator sets, with the reason it sets it (shown in the diagnostic body).
#[derive(Debug, Clone, Serialize)]
pub struct SetHeader {
    pub name: String,
    pub value: String,
    pub reason: String,
}

/// Everything needed to build one simulated response.
pub struct Plan {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<SetHeader>,
    pub has_body: bool,
    pub note: Option<String>,
}

pub fn push(h: &mut Vec<SetHeader>, name: &str, value: impl Into<String>, reason: impl Into<String>) {
    let value = value.into();
    if let Some(existing) = h.iter_mut().find(|x| x.name.eq_ignore_ascii_case(name)) {
        existing.value = value;
        existing.reason = reason.into();
    } else {
        h.push(SetHeader { name: name.to_string(), value, reason: reason.into() });
    }
}

/// What `/api/status/{code}` sends for `code` in answer to `method` (before knobs and CORS).
pub fn plan_status(code: u16, method: &Method, query: &str) -> Plan {
    let entry = codes::get(code);
    let mut h = Vec::new();
    // 1xx cannot be a final response: fetch() never exposes one (Fetch §http-network-fetch), and
    // HTTP/1.1 sends them only before a final response. Answer 200 and say so.
    if (100..200).contains(&code) {
        let reason = codes::reason(code);
        push(&mut h, "Content-Type", "application/json", "the diagnostic body is JSON");
        push(&mut h, "Cache-Control", "no-store", "simulator answers are never reused");
        push(&mut h, "X-Content-Type-Options", "nosniff", "disables MIME sniffing");
        push(&mut h, "Statuslab-Informational", code.to_string(), "the informational status that was asked for");
        return Plan {
            status: 200,
            reason: "OK".into(),
            headers: h,
            has_body: method != Method::HEAD,
            note: Some(format!(
                "{code} {reason} is an informational (1xx) status: it is never a final response. A server sends it before the final response on the same request (RFC 9110 §15.2), and fetch() never exposes it to a page (it waits for the final response). So the simulator answers 200 with this explanation instead."
            )),
        };
    }
    let reason = codes::reason(code).to_string();
    // Unofficial codes marked bodiless (nginx 444/499) describe a connection closed without a
    // response; simulated, they are ordinary responses with the diagnostic body.
    let bodiless = matches!(code, 204 | 205 | 304)
        || entry.is_some_and(|e| e.is_official() && e.body == codes::BodyRule::None);
    let has_body = !bodiless && method != Method::HEAD;

    if let Some(e) = entry {
        for ch in e.sent_headers() {
            let value = match ch.name.to_ascii_lowercase().as_str() {
                // A followed redirect ends in a readable diagnostic that says where it came from;
                // the rid travels along so the final hop joins the same exchange record.
                "location" => {
                    let mut target = format!("/api/status/200?redirected_from={code}");
                    if let Some(rid) = url::form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "rid").map(|(_, v)| v)
                    {
                        if valid_rid(&rid) {
                            target.push_str("&rid=");
                            target.push_str(&rid);
                        }
                    }
                    target
                }
                // The methods the resource "supports": every common one except the one refused.
                "allow" => ["GET", "HEAD", "POST", "OPTIONS"]
                    .iter()
                    .filter(|m| **m != method.as_str())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => ch.example.clone(),
            };
            let why = match ch.requirement {
                codes::Requirement::Required => format!("required for {code}: {}", ch.spec.label()),
                _ => format!("expected for {code}: {}", ch.spec.label()),
            };
            push(&mut h, &ch.name, value, why);
        }
    }
    if h.iter().any(|x| x.name.eq_ignore_ascii_case("upgrade")) {
        push(&mut h, "Connection", "upgrade", "in HTTP/1.1 a sender of Upgrade must also send Connection: upgrade (RFC 9110 §7.8)");
    }
    if !bodiless {
        // Also on HEAD: the same header fields a GET would get (RFC 9110 §9.3.2).
        push(&mut h, "Content-Type", "application/json", "the diagnostic body is JSON (RFC 9110 §8.3)");
    }
    push(&mut h, "Cache-Control", "no-store", "simulator answers describe one request and are never reused (RFC 9111 §5.2.2.5)");
    push(&mut h, "X-Content-Type-Options", "nosniff", "disables MIME sniffing (Fetch §x-content-type-options-header)");
    let note = match code {
        407 => Some("A browser treats a 407 from an origin server (not its configured proxy) as a network error: fetch() rejects and the page sees no response. The exchange record shows what was sent.".to_string()),
        301 | 302 | 303 | 307 | 308 => Some("fetch() follows this redirect by default; the page sees the final 200 with `redirected: true`. With redirect: \"manual\" it sees an opaque-redirect response with status 0.".to_string()),
        _ => None,
    };
    Plan { status: code, reason, headers: h, has_body, note }
}

/// Adds `name` to `Vary`, keeping the names already there (Vary is a list, RFC 9110 §12.5.5).
pub fn add_vary(h: &mut Vec<SetHeader>, name: &str, reason: &str) {
    match h.iter_mut().find(|x| x.name.eq_ignore_ascii_case("vary")) {
        Some(v) if v.value.split(',').any(|n| n.trim().eq_ignore_ascii_case(name) || n.trim() == "*") => {}
        Some(v) => {
            v.value = format!("{}, {name}", v.value);
            v.reason = format!("{}; {reason}", v.reason);
        }
        None => push(h, "Vary", name, reason),
    }
}

/// Applies `set=` / `omit=` to a plan's headers. The first `set` of a name replaces the line the
/// plan has; each further `set` of that name adds a line (several `Set-Cookie`, a field split
/// over lines). What the simulator adds afterwards (CORS, `Vary: Origin`) goes into the first
/// line of a name.
pub fn apply_knobs(h: &mut Vec<SetHeader>, knobs: &Knobs) {
    for (i, (n, v)) in knobs.set.iter().enumerate() {
        let value = v.to_str().unwrap_or_default();
        if knobs.set[..i].iter().any(|(earlier, _)| earlier == n) {
            h.push(SetHeader { name: n.as_str().to_string(), value: value.to_string(), reason: "set by the `set` knob".into() });
        } else {
            push(h, n.as_str(), value, "set by the `set` knob");
        }
    }
    for n in &knobs.omit {
        h.retain(|x| !x.name.eq_ignore_ascii_case(n.as_str()));
    }
}

/// The CORS headers of an actual (non-preflight) response under `knobs.cors`.
pub fn cors_headers(h: &mut Vec<SetHeader>, origin: Option<&str>, knobs: &Knobs) {
    let policy = knobs.cors;
    if policy == CorsPolicy::None {
        return;
    }
    let exposed_names = |h: &Vec<SetHeader>| -> String {
        let mut names: Vec<&str> = Vec::new();
        for n in h.iter().map(|x| x.name.as_str()) {
            // `Set-Cookie` and `Set-Cookie2` are forbidden response-header names (Fetch): never
            // exposed, and naming them is what `forbidden-header-exposed` reports.
            if !n.to_ascii_lowercase().starts_with("access-control-")
                && !n.eq_ignore_ascii_case("vary")
                && !n.eq_ignore_ascii_case("set-cookie")
                && !n.eq_ignore_ascii_case("set-cookie2")
                && !names.iter().any(|m| m.eq_ignore_ascii_case(n))
            {
                names.push(n);
            }
        }
        names.join(", ")
    };
    let expose = knobs.expose.clone().unwrap_or_else(|| exposed_names(h));
    match policy {
        CorsPolicy::Wildcard | CorsPolicy::WildcardCredentials => {
            push(h, "Access-Control-Allow-Origin", "*", "cors=wildcard: any origin may read the answer (not with credentials)");
            if policy == CorsPolicy::WildcardCredentials {
                push(h, "Access-Control-Allow-Credentials", "true", "cors=wildcard-credentials: a deliberate misconfiguration (`*` never applies to credentialed requests)");
            }
        }
        _ => {
            add_vary(h, "Origin", "the CORS headers depend on the request's Origin (Fetch §cors-protocol-and-http-caches)");
            let Some(origin) = origin else { return };
            let (acao, why) = match policy {
                CorsPolicy::Mismatch => ("https://not-your-origin.example".to_string(), "cors=mismatch: names an origin that is not the caller's"),
                CorsPolicy::MultipleOrigins => (format!("https://other.example, {origin}"), "cors=multiple-origins: two origins in one value (invalid)"),
                _ => (origin.to_string(), "reflects the request's Origin so any page may read the answer"),
            };
            push(h, "Access-Control-Allow-Origin", acao, why);
            push(h, "Access-Control-Allow-Credentials", "true", "lets credentialed requests read the answer too");
        }
    }
    if policy != CorsPolicy::NoExpose && !expose.is_empty() {
        let why = if knobs.expose.is_some() { "set by the `expose` knob" } else { "exposes every header set, so a cross-origin page can read them all" };
        push(h, "Access-Control-Expose-Headers", expose, why);
    }
}

pub fn request_info(method: &Method, uri: &Uri, headers: &HeaderMap, body_size: usize) -> RequestInfo {
    RequestInfo {
        method: method.to_string(),
        path: uri.path().to_string(),
        query: uri.query().unwrap_or("").to_string(),
        headers: headers
            .iter()
            .map(|(n, v)| (n.to_string(), String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect(),
        body_size,
    }
}

pub(crate) fn origin_of(headers: &HeaderMap) -> Option<String> {
    headers.get("origin").and_then(|v| v.to_str().ok()).map(|s| s.to_string())
}

/// Builds the wire response from headers and body, with the reason phrase on the status line.
pub(crate) fn build(status: u16, reason: &str, headers: &[SetHeader], body: Vec<u8>) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut res = Response::new(Body::from(body));
    *res.status_mut() = code;
    for x in headers {
        if let (Ok(n), Ok(v)) = (HeaderName::from_bytes(x.name.as_bytes()), HeaderValue::from_str(&x.value)) {
            res.headers_mut().append(n, v);
        }
    }
    if let Ok(rp) = hyper::ext::ReasonPhrase::try_from(reason.as_bytes().to_vec()) {
        res.extensions_mut().insert(rp);
    }
    res
}

pub(crate) fn response_info(status: u16, reason: &str, headers: &[SetHeader], body_size: usize, has_body: bool) -> ResponseInfo {
    let mut hs: Vec<(String, String)> = headers.iter().map(|x| (x.name.clone(), x.value.clone())).collect();
    if has_body || status == 205 {
        hs.push(("Content-Length".into(), body_size.to_string()));
    }
    ResponseInfo { status, reason: reason.to_string(), headers: hs, body_size }
}

/// A CORS preflight (an OPTIONS with `Origin` and `Access-Control-Request-Method`): by default
/// answered 204 allowing the requested method and headers; the knobs change each part.
/// Returns the status and the headers.
pub fn preflight(headers: &HeaderMap, knobs: &Knobs) -> Option<(u16, Vec<SetHeader>)> {
    let acrm = headers.get("access-control-request-method")?.to_str().ok()?;
    let origin = origin_of(headers)?;
    let mut h = Vec::new();
    let mut actual = Vec::new();
    cors_headers(&mut actual, Some(&origin), &Knobs { expose: Some(String::new()), ..knobs.clone() });
    for x in actual {
        if !x.name.eq_ignore_ascii_case("access-control-expose-headers") {
            h.push(x);
        }
    }
    if knobs.cors != CorsPolicy::None {
        match &knobs.allow_methods {
            Some(m) if !m.is_empty() => push(&mut h, "Access-Control-Allow-Methods", m.clone(), "set by the `allow-methods` knob"),
            Some(_) => {}
            None => push(&mut h, "Access-Control-Allow-Methods", acrm, "allows the method the preflight asked for"),
        }
        let acrh = headers.get("access-control-request-headers").and_then(|v| v.to_str().ok()).unwrap_or("").trim().to_string();
        match &knobs.allow_headers {
            Some(v) if !v.is_empty() => push(&mut h, "Access-Control-Allow-Headers", v.clone(), "set by the `allow-headers` knob"),
            Some(_) => {}
            None if !acrh.is_empty() => push(&mut h, "Access-Control-Allow-Headers", acrh, "allows the headers the preflight asked for"),
            None => {}
        }
        let max_age = knobs.max_age.unwrap_or(0);
        push(&mut h, "Access-Control-Max-Age", max_age.to_string(),
            if knobs.max_age.is_some() { "set by the `max-age` knob" } else { "no preflight caching, so every request shows its preflight" });
    }
    push(&mut h, "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers", "the preflight answer depends on these request headers");
    push(&mut h, "Cache-Control", "no-store", "simulator answers are never reused");
    push(&mut h, "Date", httpdate::fmt_http_date(std::time::SystemTime::now()), "origin servers with a clock send Date (RFC 9110 §6.6.1)");
    Some((knobs.preflight_status.unwrap_or(204), h))
}

fn parse_code(raw: &str) -> Result<u16, InvalidParam> {
    let bad = |reason: String| InvalidParam { name: "code".into(), reason };
    if raw.len() != 3 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad(format!("`{raw}` is not a three-digit status code")));
    }
    let code: u16 = raw.parse().map_err(|_| bad(format!("`{raw}` is not a number")))?;
    if !(100..=599).contains(&code) {
        return Err(bad(format!("{code} is outside 100–599, the range of HTTP status codes (RFC 9110 §15)")));
    }
    Ok(code)
}

/// One simulator request, parsed and checked, handed to an endpoint's handler.
pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub method: &'a Method,
    pub uri: &'a Uri,
    pub headers: &'a HeaderMap,
    pub query: &'a str,
    pub knobs: &'a Knobs,
    pub req: &'a RequestInfo,
    pub origin: Option<&'a str>,
}

impl Ctx<'_> {
    /// The headers every simulator answer ends with: `Date`, then the `set`/`omit` knobs, then
    /// the CORS policy (so the policy sees what it exposes).
    pub fn finish_headers(&self, h: &mut Vec<SetHeader>) {
        push(h, "Date", httpdate::fmt_http_date(std::time::SystemTime::now()), "origin servers with a clock send Date (RFC 9110 §6.6.1)");
        apply_knobs(h, self.knobs);
        cors_headers(h, self.origin, self.knobs);
    }
    /// A request header's value as text (`None` when absent or not visible ASCII).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// The `rid` in force, when the caller asked for a record.
    pub fn rid(&self) -> Option<&str> {
        self.knobs.rid.as_deref()
    }
}

/// What an endpoint answers; the driver records it and puts it on the wire.
pub struct Reply {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<SetHeader>,
    pub body: Vec<u8>,
    /// The record's kind for this exchange: `request`, or `redirect` for a hop of a chain.
    pub kind: &'static str,
}

impl Reply {
    pub fn new(status: u16, headers: Vec<SetHeader>, body: Vec<u8>) -> Self {
        Reply { status, reason: codes::reason(status).to_string(), headers, body, kind: "request" }
    }
}

/// Runs one simulator endpoint: checks the knobs and the endpoint's own parameters (every bad
/// value reported at once, as problem+json), reads the body (bounded), answers CORS preflights,
/// applies the delay, calls `handler`, and records the exchange under `rid`.
pub async fn drive<P>(
    state: Arc<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
    params: Result<P, Vec<InvalidParam>>,
    handler: impl FnOnce(&Ctx<'_>, P) -> Result<Reply, Problem>,
) -> Response {
    let query = uri.query().unwrap_or("").to_string();
    let origin = origin_of(&headers);
    let cors_err = |p: Problem| with_cors(p.with_instance(uri.path()).into_response(), origin.as_deref());

    let mut errs = Vec::new();
    let params = params.map_err(|e| errs.extend(e)).ok();
    let knobs = parse_knobs(&query).map_err(|e| errs.extend(e)).ok();
    let (Some(params), Some(knobs)) = (params, knobs) else {
        return cors_err(Problem::bad_request(errs));
    };

    let body = match axum::body::to_bytes(body, MAX_REQUEST_BODY).await {
        Ok(b) => b,
        Err(_) => {
            return cors_err(Problem::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the request body is larger than the simulator accepts ({MAX_REQUEST_BODY} bytes)"),
            ))
        }
    };
    let req = request_info(&method, &uri, &headers, body.len());

    if method == Method::OPTIONS {
        if let Some((status, h)) = preflight(&headers, &knobs) {
            let reason = codes::reason(status);
            let info = response_info(status, reason, &h, 0, false);
            if let Some(rid) = &knobs.rid {
                state.store.record(rid, "preflight", req, info);
            }
            return build(status, reason, &h, Vec::new());
        }
    }

    if !knobs.delay.is_zero() {
        tokio::time::sleep(knobs.delay).await;
    }

    let ctx = Ctx { state: &state, method: &method, uri: &uri, headers: &headers, query: &query, knobs: &knobs, req: &req, origin: origin.as_deref() };
    let reply = match handler(&ctx, params) {
        Ok(r) => r,
        Err(p) => return cors_err(p),
    };
    if let Some(rid) = &knobs.rid {
        // What hyper frames: Content-Length for every response that may have content.
        let has_body = method != Method::HEAD
            && !matches!(reply.status, 100..=199 | 204 | 304)
            && !reply.headers.iter().any(|h| h.name.eq_ignore_ascii_case("content-length"));
        let info = response_info(reply.status, &reply.reason, &reply.headers, reply.body.len(), has_body);
        state.store.record(rid, reply.kind, req.clone(), info);
    }
    build(reply.status, &reply.reason, &reply.headers, reply.body)
}

/// The hops of a redirect chain recorded under `rid` (for the final diagnostic's `trail`).
pub fn trail(state: &AppState, rid: Option<&str>) -> Option<serde_json::Value> {
    let entries = state.store.get(rid?)?;
    let hops: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == "redirect")
        .map(|e| {
            json!({
                "method": e.request.method,
                "url": if e.request.query.is_empty() { e.request.path.clone() } else { format!("{}?{}", e.request.path, e.request.query) },
                "request_headers": e.request.headers,
                "status": e.response.status,
                "location": e.response.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("location")).map(|(_, v)| v.clone()),
            })
        })
        .collect();
    (!hops.is_empty()).then(|| serde_json::Value::Array(hops))
}

/// `ANY /api/status/{code}`.
pub async fn status(
    State(state): State<Arc<AppState>>,
    Path(raw_code): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let code = parse_code(&raw_code).map_err(|e| vec![e]);
    drive(state, method, uri, headers, body, code, status_reply).await
}

fn status_reply(ctx: &Ctx<'_>, code: u16) -> Result<Reply, Problem> {
    let (method, query, knobs, req) = (ctx.method, ctx.query, ctx.knobs, ctx.req);
    let mut plan = plan_status(code, method, query);
    ctx.finish_headers(&mut plan.headers);
    let trail = trail(ctx.state, ctx.rid());

    let entry = codes::get(code);
    let make_body = |plan: &Plan| -> Vec<u8> {
        if !plan.has_body {
            return Vec::new();
        }
        let mut diag = json!({
            "status": plan.status,
            "requested_status": code,
            "reason": plan.reason,
            "registry_status": entry.map(|e| e.registry_status),
            "official": entry.map(|e| e.registry_status != RegistryStatus::Unofficial).unwrap_or(false),
            "note": plan.note,
            "request": req,
            "headers_set": plan.headers,
            "knobs": {
                "set": knobs.set.iter().map(|(n, v)| format!("{}: {}", n, v.to_str().unwrap_or_default())).collect::<Vec<_>>(),
                "omit": knobs.omit.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
                "delay_ms": knobs.delay.as_millis() as u64,
                "rid": knobs.rid,
                "cors": knobs.cors,
            },
            "exchange_record": knobs.rid.as_ref().map(|r| format!("/api/exchanges/{r}")),
            "reference": format!("/status/{code}"),
        });
        if let (Some(t), Some(obj)) = (&trail, diag.as_object_mut()) {
            obj.insert("trail".into(), t.clone());
        }
        serde_json::to_vec_pretty(&diag).unwrap_or_default()
    };
    // HEAD: the header section a GET would get (RFC 9110 §9.3.2), Content-Length included.
    let head_would_have_body = *method == Method::HEAD && plan_status(code, &Method::GET, query).has_body;
    if head_would_have_body {
        plan.has_body = true;
    }
    let mut body_bytes = make_body(&plan);
    // A 206 must describe the bytes it carries: the diagnostic body is "the first part" of a
    // representation of unknown length. The value's own digits change the body's length, so
    // iterate to the fixed point (two rounds at most in practice).
    let range_set_by_knob = knobs.set.iter().any(|(n, _)| n.as_str() == "content-range");
    if plan.status == 206 && plan.has_body && !range_set_by_knob && plan.headers.iter().any(|h| h.name.eq_ignore_ascii_case("content-range")) {
        for _ in 0..4 {
            let value = format!("bytes 0-{}/*", body_bytes.len().saturating_sub(1));
            push(&mut plan.headers, "Content-Range", value, "required for 206 (RFC 9110 §15.3.7): the range this body is, of a representation of unknown length");
            let next = make_body(&plan);
            if next.len() == body_bytes.len() {
                body_bytes = next;
                break;
            }
            body_bytes = next;
        }
    }
    if head_would_have_body {
        push(&mut plan.headers, "Content-Length", body_bytes.len().to_string(), "the length a GET would get; a HEAD response has no content (RFC 9110 §9.3.2)");
        body_bytes = Vec::new();
    }
    Ok(Reply { status: plan.status, reason: plan.reason, headers: plan.headers, body: body_bytes, kind: "request" })
}

/// Adds the reflect-CORS headers to a response built elsewhere (problems, records).
pub(crate) fn with_cors(mut res: Response, origin: Option<&str>) -> Response {
    let h = res.headers_mut();
    h.append("vary", HeaderValue::from_static("Origin"));
    if let Some(o) = origin.and_then(|o| HeaderValue::from_str(o).ok()) {
        h.insert("access-control-allow-origin", o);
        h.insert("access-control-allow-credentials", HeaderValue::from_static("true"));
    }
    res
}

/// `GET /api/exchanges/{rid}`: what the simulator received and sent for that id.
pub async fn exchanges(State(state): State<Arc<AppState>>, Path(rid): Path<String>, headers: HeaderMap, uri: Uri) -> Response {
    let origin = origin_of(&headers);
    if !valid_rid(&rid) {
        let p = Problem::bad_request(vec![InvalidParam {
            name: "rid".into(),
            reason: "must be 1–64 characters of A–Z, a–z, 0–9, `-` or `_`".into(),
        }]);
        return with_cors(p.with_instance(uri.path()).into_response(), origin.as_deref());
    }
    match state.store.get(&rid) {
        Some(entries) => {
            let body = serde_json::to_vec_pretty(&json!({ "rid": rid, "exchanges": entries })).unwrap_or_default();
            let h = vec![
                SetHeader { name: "Content-Type".into(), value: "application/json".into(), reason: String::new() },
                SetHeader { name: "Cache-Control".into(), value: "no-store".into(), reason: String::new() },
                SetHeader { name: "X-Content-Type-Options".into(), value: "nosniff".into(), reason: String::new() },
            ];
            with_cors(build(200, "OK", &h, body), origin.as_deref())
        }
        None => with_cors(
            Problem::new(
                StatusCode::NOT_FOUND,
                format!("no exchange recorded for rid `{rid}` (records are kept {} minutes, at most {} ids)", crate::store::TTL.as_secs() / 60, crate::store::MAX_IDS),
            )
            .with_instance(uri.path())
            .into_response(),
            origin.as_deref(),
        ),
    }
}
