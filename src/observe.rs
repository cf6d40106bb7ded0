//! What the page observed, what the simulator recorded, and what the browser hid — as plain
//! data with pure functions, so that all of it is tested natively.

use serde::{Deserialize, Serialize};
use statuslab_rules::{codes, fetch, Exchange, Headers, Request, Response, Visibility};

use crate::weburl::{query_param, WebUrl};

/// Bytes as base64 in JSON (the response body crosses to the deferred views as text).
mod base64_bytes {
    use base64::Engine;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(b: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(b))
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        base64::engine::general_purpose::STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}

/// A response as the page saw it through `fetch`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Observed {
    /// The URL as sent (with the simulator's `rid` when one was added).
    pub sent_url: String,
    pub method: String,
    pub status: u16,
    pub status_text: String,
    /// The headers JavaScript can read.
    pub headers: Vec<(String, String)>,
    #[serde(with = "base64_bytes")]
    pub body: Vec<u8>,
    /// `Response.url`: the final URL after redirects.
    pub final_url: String,
    pub redirected: bool,
    /// `basic` | `cors` | `opaque` | `opaqueredirect` | `error` | `default`
    pub response_type: String,
    pub elapsed_ms: f64,
    /// Where this response comes from when it was not just fetched: a link's snapshot or a pasted
    /// message linted offline.
    pub source_note: Option<String>,
    /// The browser's Resource Timing entry for this fetch, when it had one.
    pub timing: Option<crate::timing::Timing>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FailureKind {
    /// The input cannot be sent (bad URL, invalid header, body on GET…).
    BadInput,
    /// `fetch()` rejected: network error, CORS block, DNS, TLS, a 407 from an origin server…
    Network,
    Timeout,
    Cancelled,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    pub kind: FailureKind,
    pub message: String,
    pub sent_url: Option<String>,
    pub elapsed_ms: f64,
}

impl Failure {
    pub fn bad_input(message: String) -> Self {
        Failure { kind: FailureKind::BadInput, message, sent_url: None, elapsed_ms: 0.0 }
    }
    pub fn network(message: String) -> Self {
        Failure { kind: FailureKind::Network, message, sent_url: None, elapsed_ms: 0.0 }
    }
    pub fn cancelled() -> Self {
        Failure { kind: FailureKind::Cancelled, message: "The request was cancelled.".into(), sent_url: None, elapsed_ms: 0.0 }
    }
    /// The sentence shown in `data-testid="error"`.
    pub fn headline(&self) -> String {
        match self.kind {
            FailureKind::BadInput => format!("Cannot send: {}", self.message),
            FailureKind::Network => format!("The request failed: fetch() rejected with “{}”.", self.message),
            FailureKind::Timeout => format!("The request timed out: {}", self.message),
            FailureKind::Cancelled => "The request was cancelled.".to_string(),
        }
    }
}

/// One entry of the simulator's exchange record (`/api/exchanges/{rid}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedExchange {
    /// The entry's running number under its rid.
    #[serde(default)]
    pub seq: u64,
    pub kind: String,
    pub request: RecordedRequest,
    pub response: RecordedResponse,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body_size: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedResponse {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body_size: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerRecord {
    pub rid: String,
    pub exchanges: Vec<RecordedExchange>,
}

impl ServerRecord {
    pub fn parse(json: &str) -> Result<Self, String> {
        serde_json::from_str(json).map_err(|e| format!("the simulator's record could not be read: {e}"))
    }
    /// The last non-preflight exchange: the response that ended the request.
    pub fn final_exchange(&self) -> Option<&RecordedExchange> {
        self.exchanges.iter().rev().find(|e| e.kind == "request")
    }
    pub fn preflights(&self) -> usize {
        self.exchanges.iter().filter(|e| e.kind == "preflight").count()
    }
    /// The newest entry's number (0 when empty).
    pub fn last_seq(&self) -> u64 {
        self.exchanges.iter().map(|e| e.seq).max().unwrap_or(0)
    }
    /// Only the entries recorded after entry `seq`: what one send added to a shared rid.
    pub fn since(&self, seq: u64) -> ServerRecord {
        ServerRecord { rid: self.rid.clone(), exchanges: self.exchanges.iter().filter(|e| e.seq > seq).cloned().collect() }
    }
    /// The final requests that reached the simulator (no preflights, no redirect hops).
    pub fn requests(&self) -> impl Iterator<Item = &RecordedExchange> {
        self.exchanges.iter().filter(|e| e.kind == "request")
    }
}

fn headers(list: &[(String, String)]) -> Headers {
    Headers(list.to_vec())
}

/// The exchange as the page saw it, for the rules. The visibility follows the response type.
pub fn page_exchange(method: &str, request_headers: &[(String, String)], body: &str, o: &Observed) -> Exchange {
    let visibility = match o.response_type.as_str() {
        "basic" | "default" => Visibility::SameOrigin,
        "cors" => Visibility::CorsFiltered,
        _ => Visibility::Opaque,
    };
    Exchange {
        request: Some(Request {
            method: method.to_string(),
            url: o.sent_url.clone(),
            headers: headers(request_headers),
            body: body.as_bytes().to_vec(),
            scheme_assumed: false,
        }),
        response: Response {
            status: o.status,
            reason: Some(o.status_text.clone()).filter(|s| !s.is_empty()),
            headers: headers(&o.headers),
            body: o.body.clone(),
            visibility,
        },
    }
}

/// The exchange as the simulator sent it (every header visible; the body is not recorded, only its
/// size, so a placeholder of that size stands in for it).
pub fn record_exchange(r: &RecordedExchange) -> Exchange {
    Exchange {
        request: Some(Request {
            method: r.request.method.clone(),
            url: format!("{}?{}", r.request.path, r.request.query),
            headers: headers(&r.request.headers),
            body: vec![b'.'; r.request.body_size.min(1 << 20)],
            scheme_assumed: false,
        }),
        response: Response {
            status: r.response.status,
            reason: Some(r.response.reason.clone()),
            headers: headers(&r.response.headers),
            body: vec![b' '; r.response.body_size.min(1 << 20)],
            visibility: Visibility::Complete,
        },
    }
}

/// The origin (`scheme://host:port`) of a URL, per the WHATWG URL standard.
pub fn origin_of(url: &str) -> Option<String> {
    WebUrl::parse(url).ok()?.origin()
}

/// The same server seen from the other loopback name: `127.0.0.1` ⇄ `localhost`. Browsers treat
/// them as different origins, which gives a genuinely cross-origin simulator without a second server.
pub fn loopback_twin(page_origin: &str) -> Option<String> {
    let mut u = WebUrl::parse(page_origin).ok()?;
    let twin = match u.hostname().as_str() {
        "127.0.0.1" => "localhost",
        "localhost" => "127.0.0.1",
        _ => return None,
    };
    u.set_hostname(twin);
    u.origin()
}

/// Whether `url` targets this page's simulator (same origin or its loopback twin, under `/api/`).
pub fn is_simulator(url: &str, page_origin: &str) -> bool {
    let Ok(u) = WebUrl::parse(url) else { return false };
    let Some(origin) = u.origin() else { return false };
    (origin == page_origin || Some(origin) == loopback_twin(page_origin)) && u.path().starts_with("/api/")
}

/// The rid to reuse from send to send for `url`, when the URL must not change between sends:
/// `/api/cache` (the browser's cache is keyed by URL) gets one derived from the URL itself
/// (FNV-1a), so sending the same request twice can hit the cache. `None`: use a fresh one.
pub fn stable_rid(url: &str) -> Option<String> {
    let u = WebUrl::parse(url).ok()?;
    if !u.path().starts_with("/api/cache") {
        return None;
    }
    let h = url.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    Some(format!("cache-{h:016x}"))
}

/// Adds `rid=<id>` to a simulator URL (unless it has one), so the simulator records the exchange.
/// Returns the URL to send and the rid in force.
pub fn with_rid(url: &str, rid: &str) -> (String, String) {
    let Ok(mut u) = WebUrl::parse(url) else { return (url.to_string(), rid.to_string()) };
    let query = u.query();
    if let Some(existing) = query_param(&query, "rid") {
        return (u.href(), existing);
    }
    // Appended as bytes: the user's query is sent exactly as typed.
    let rid: String = rid.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    u.set_query(&if query.is_empty() { format!("rid={rid}") } else { format!("{query}&rid={rid}") });
    (u.href(), rid)
}

/// Checks the composed request before it is handed to `fetch`, with a message for each problem.
pub fn validate(method: &str, url: &str, headers: &[(String, String)], body: &str) -> Result<(), String> {
    let m = method.trim();
    if m.is_empty() || !m.bytes().all(is_tchar) {
        return Err(format!("`{m}` is not a valid method: a method is a token (letters, digits and !#$%&'*+-.^_`|~), RFC 9110 §9.1."));
    }
    let u = WebUrl::parse(url.trim()).map_err(|e| format!("`{}` is not a valid absolute URL ({e}).", url.trim()))?;
    let scheme = u.scheme();
    if scheme != "http" && scheme != "https" {
        return Err(format!("`{}` uses the `{scheme}:` scheme; fetch() here sends only http: and https: requests.", url.trim()));
    }
    for (n, v) in headers {
        if !n.bytes().all(is_tchar) {
            return Err(format!("`{n}` is not a valid header name: a field name is a token, without spaces or separators (RFC 9110 §5.1)."));
        }
        if v.bytes().any(|b| b == b'\r' || b == b'\n' || b == 0) {
            return Err(format!("The value of `{n}` contains CR, LF or NUL, which a header value can never hold (RFC 9110 §5.5)."));
        }
    }
    let upper = m.to_ascii_uppercase();
    if (upper == "GET" || upper == "HEAD") && !body.is_empty() {
        return Err(format!("A {upper} request cannot carry a body in fetch() (Fetch §dom-request: a TypeError). Clear the body or choose another method."));
    }
    Ok(())
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// What the differential probes after a failed cross-origin fetch found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProbeResult {
    pub detail: String,
    pub certainty: String,
}

/// Interprets the probes: `no_cors` — did a `mode: "no-cors"` GET to the same URL resolve;
/// `simple` — when the original needed a preflight, did a simple CORS GET resolve.
pub fn interpret_probes(no_cors: bool, simple: Option<bool>) -> ProbeResult {
    if !no_cors {
        return ProbeResult {
            detail: "A `no-cors` probe to the same URL failed too, so the server could not be reached at all: connection refused, DNS, TLS or a blocking extension — not a CORS problem.".into(),
            certainty: "Likely: a page cannot see the network error's cause, but CORS never blocks a no-cors request.".into(),
        };
    }
    match simple {
        Some(true) => ProbeResult {
            detail: "The server is reachable and a simple request (GET without custom headers) is allowed, so the preflight is what failed: the OPTIONS answer lacks an ok status or the Access-Control-Allow-Methods / Access-Control-Allow-Headers your request needs (PreflightInvalidStatus, MethodDisallowedByPreflightResponse or HeaderDisallowedByPreflightResponse). Fix the server's OPTIONS handling.".into(),
            certainty: "Likely: which of the preflight checks failed cannot be told apart from a page; the DevTools console names it.".into(),
        },
        Some(false) | None => ProbeResult {
            detail: "The server answered a `no-cors` probe (an opaque response), so it is reachable and the browser blocked the page from reading its answer: the response has no matching Access-Control-Allow-Origin (MissingAllowOriginHeader, AllowOriginMismatch, or WildcardOriginNotAllowed with credentials). Fix: send `Access-Control-Allow-Origin` with this page's origin.".into(),
            certainty: "Likely: a page cannot tell these CORS errors apart; the DevTools console names the exact one.".into(),
        },
    }
}

/// The fields of a `securitypolicyviolation` event (CSP3 §violation-events,
/// `SecurityPolicyViolationEvent`) that say what was blocked and by which rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CspViolation {
    pub blocked_uri: String,
    pub effective_directive: String,
    pub violated_directive: String,
    /// `enforce` or `report` (a report-only policy blocks nothing).
    pub disposition: String,
    pub original_policy: String,
}

/// A URL as CSP reports it (CSP3 §strip-url-for-use-in-reports: no fragment, no credentials).
fn url_for_report(url: &str) -> Option<String> {
    let u = WebUrl::parse(url.trim()).ok()?;
    let href = u.href();
    let href = href.split('#').next().unwrap_or_default().to_string();
    Some(match href.split_once("://") {
        Some((scheme, rest)) => match rest.split_once('/') {
            Some((authority, path)) => format!("{scheme}://{}/{path}", authority.rsplit('@').next().unwrap_or(authority)),
            None => format!("{scheme}://{}", rest.rsplit('@').next().unwrap_or(rest)),
        },
        None => href,
    })
}

/// The enforced violation among `events` that concerns the request to `url`: its blocked URI is the
/// URL as reported, or the URL's origin (Chromium strips a URL reached by a redirect to its origin).
pub fn violation_for<'a>(events: &'a [CspViolation], url: &str) -> Option<&'a CspViolation> {
    let full = url_for_report(url)?;
    let origin = origin_of(url);
    events.iter().find(|v| {
        let blocked = v.blocked_uri.trim_end_matches('/');
        v.disposition != "report" && (blocked == full.trim_end_matches('/') || Some(blocked) == origin.as_deref())
    })
}

/// The diagnosis when the page's own Content-Security-Policy blocked the request.
pub fn csp_diagnosis(v: &CspViolation) -> ProbeResult {
    let directive = if v.violated_directive.is_empty() { &v.effective_directive } else { &v.violated_directive };
    ProbeResult {
        detail: format!(
            "Blocked by the page's Content-Security-Policy (directive `{directive}`, blocked URI `{}`): the browser refused to send the request, so fetch() rejected without contacting the server (CSP3 §should-block-request; Fetch §main-fetch). This is not CORS and the server cannot fix it. Fix: allow the target's origin in the `{}` directive of the policy this page is served with.",
            v.blocked_uri, v.effective_directive
        ),
        certainty: "Certain: the browser fired a securitypolicyviolation event for this URL.".into(),
    }
}

/// Something the browser hid from the page, explained.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub title: String,
    pub text: String,
}

/// What the browser did not show the page about a completed fetch.
pub fn notes_for_response(o: &Observed, record: Option<&ServerRecord>) -> Vec<Note> {
    let mut v = Vec::new();
    if let Some(informational) = o.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("statuslab-informational")) {
        let code: u16 = informational.1.parse().unwrap_or(100);
        v.push(Note {
            title: format!("{code} {} is never a final response", codes::reason(code)),
            text: "An informational (1xx) status only precedes the final response (RFC 9110 §15.2); fetch() never exposes it to a page. The simulator therefore answered 200 with an explanation.".into(),
        });
    }
    match o.response_type.as_str() {
        "opaqueredirect" => v.push(Note {
            title: "Opaque redirect: status 0".into(),
            text: "With redirect: \"manual\", a redirect response becomes an opaque-redirect filtered response (Fetch §concept-filtered-response-opaque-redirect): status 0, no headers, no body. The page cannot see where it pointed.".into(),
        }),
        "opaque" => v.push(Note {
            title: "Opaque response: status 0".into(),
            text: "With mode: \"no-cors\", a cross-origin response is opaque (Fetch §concept-filtered-response-opaque): the page sees status 0, no headers and no body, even though the server answered.".into(),
        }),
        "cors" => v.push(Note {
            title: "Cross-origin: only some headers are visible".into(),
            text: "A CORS response exposes only the CORS-safelisted response headers (Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma) and those named in Access-Control-Expose-Headers (Fetch §cors-filtered-response). Checks that need a hidden header say so instead of guessing.".into(),
        }),
        _ => {}
    }
    if o.redirected {
        v.push(Note {
            title: "The browser followed a redirect".into(),
            text: format!(
                "fetch() followed one or more redirects and shows only the final response, from {} (Response.redirected is true). The hops are invisible to the page.",
                o.final_url
            ),
        });
        if o.sent_url.to_ascii_lowercase().starts_with("https:") && o.final_url.to_ascii_lowercase().starts_with("http:") {
            v.push(Note {
                title: "The redirects downgraded HTTPS to HTTP".into(),
                text: format!(
                    "The request went to an https: URL and ended at {}: somewhere along the chain a redirect pointed to plain HTTP, where the request and its answer can be read and changed in transit (RFC 9110 §4.2.2). Redirect to https: URLs only, and send Strict-Transport-Security.",
                    o.final_url
                ),
            });
        }
    }
    if let Some(r) = record {
        if r.preflights() > 0 {
            v.push(Note {
                title: "A CORS preflight was sent first".into(),
                text: format!(
                    "The browser sent {} OPTIONS preflight request(s) before this request (Fetch §cors-preflight-fetch); pages never see preflights. The simulator's record below shows it.",
                    r.preflights()
                ),
            });
        }
    }
    v
}

/// Why a failed fetch failed, as far as the page and the simulator's record can tell.
pub fn notes_for_failure(f: &Failure, url: &str, page_origin: &str, record: Option<&ServerRecord>) -> Vec<Note> {
    let mut v = Vec::new();
    if f.kind != FailureKind::Network {
        return v;
    }
    if let Some(fin) = record.and_then(|r| r.final_exchange()) {
        let st = fin.response.status;
        let reason = &fin.response.reason;
        if st == 407 {
            v.push(Note {
                title: format!("The server answered {st} {reason}, but the browser hid it"),
                text: "A browser treats 407 Proxy Authentication Required from anything but its configured proxy as a network error: fetch() rejects and the page gets no response at all. The simulator's record below shows exactly what it sent.".into(),
            });
        } else {
            v.push(Note {
                title: format!("The server answered {st} {reason}, but the page got no response"),
                text: "The request reached the simulator and it answered (see its record below), so this is not a network failure: the browser blocked the response (most often CORS, or a redirect with redirect: \"error\").".into(),
            });
        }
        return v;
    }
    if fetch::mixed_content(page_origin, url, None) == fetch::MixedContent::Blocked {
        v.push(Note {
            title: "Blocked as mixed content".into(),
            text: "This page is served over `https:` and the URL is `http:` on a host that is not potentially trustworthy (only `localhost`, 127.0.0.0/8 and [::1] are), so the browser blocked the request before sending anything (Mixed Content §should-block-fetch, Secure Contexts §3.1). Certain: no probe needed. Fix: request the URL over `https:`.".into(),
        });
        return v;
    }
    let local = fetch::local_network(page_origin, url, None);
    if local.permission.is_some() {
        v.push(Note {
            title: "Local Network Access".into(),
            text: format!("{} If the prompt was denied or dismissed, fetch() fails exactly like this and DevTools names LocalNetworkAccessPermissionDenied; the probes below are blocked the same way.", local.explanation),
        });
    }
    let target_origin = origin_of(url);
    let cross = target_origin.as_deref() != Some(page_origin);
    if record.is_some() {
        v.push(Note {
            title: "The request never reached the simulator".into(),
            text: "The simulator has no record of this request, so the browser refused it before sending (a failed preflight, mixed content, a blocked port) or the connection failed.".into(),
        });
    }
    let text = if cross {
        format!(
            "A page script cannot see why fetch() failed: a CORS block, a refused connection, a DNS or TLS failure and an extension blocking the request all look the same (Fetch §concept-network-error). The target {} is cross-origin to this page ({page_origin}), so a missing or wrong Access-Control-Allow-Origin is likely if the server is up; open the browser's DevTools console for the exact reason.",
            target_origin.unwrap_or_else(|| url.to_string())
        )
    } else {
        "A page script cannot see why fetch() failed. The target is same-origin, so CORS is not involved: the server is probably not listening (connection refused), or the connection was reset.".into()
    };
    v.push(Note { title: "Why did it fail?".into(), text });
    v
}

/// A body, described for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BodyView {
    Empty,
    /// Pretty-printed JSON.
    Json(String),
    Text(String),
    /// Hex dump of the first bytes of binary content.
    Hex(String),
}

/// Bytes shown in the view; the rest is summarised by its size.
pub const VIEW_LIMIT: usize = 64 * 1024;
pub const HEX_LIMIT: usize = 512;

/// How to show `body` (content type as received), and whether the view was truncated.
pub fn body_view(content_type: Option<&str>, body: &[u8]) -> (BodyView, bool) {
    if body.is_empty() {
        return (BodyView::Empty, false);
    }
    let ct = content_type.unwrap_or("").to_ascii_lowercase();
    let looks_json = ct.contains("json") || matches!(body.iter().find(|b| !b.is_ascii_whitespace()), Some(b'{' | b'['));
    match std::str::from_utf8(body) {
        Ok(text) => {
            if looks_json && body.len() <= 4 * VIEW_LIMIT {
                if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
                    let pretty = serde_json::to_string_pretty(&v).unwrap_or_else(|_| text.to_string());
                    let truncated = pretty.len() > VIEW_LIMIT;
                    return (BodyView::Json(truncate(&pretty, VIEW_LIMIT)), truncated);
                }
            }
            (BodyView::Text(truncate(text, VIEW_LIMIT)), text.len() > VIEW_LIMIT)
        }
        Err(_) => (BodyView::Hex(hex_dump(&body[..body.len().min(HEX_LIMIT)])), body.len() > HEX_LIMIT),
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// `00000000  48 54 54 50 …  HTTP…` lines of 16 bytes.
pub fn hex_dump(bytes: &[u8]) -> String {
    bytes
        .chunks(16)
        .enumerate()
        .map(|(i, c)| {
            let hex: Vec<String> = c.iter().map(|b| format!("{b:02x}")).collect();
            let ascii: String = c.iter().map(|&b| if (0x20..0x7f).contains(&b) { b as char } else { '.' }).collect();
            format!("{:08x}  {:<47}  {}", i * 16, hex.join(" "), ascii)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `1.2 KB`, `3.4 MB`.
pub fn human_size(n: usize) -> String {
    if n < 1024 {
        format!("{n} B")
    } else if n < 1024 * 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{:.1} MB", n as f64 / (1024.0 * 1024.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simulator_detection_includes_the_loopback_twin() {
        let page = "http://127.0.0.1:8080";
        assert!(is_simulator("http://127.0.0.1:8080/api/status/401", page));
        assert!(is_simulator("http://localhost:8080/api/status/401", page));
        assert!(!is_simulator("http://localhost:8081/api/status/401", page));
        assert!(!is_simulator("http://127.0.0.1:8080/status/401", page));
        assert!(!is_simulator("https://example.com/api/status/401", page));
        assert_eq!(loopback_twin("http://localhost:3000").as_deref(), Some("http://127.0.0.1:3000"));
    }

    #[test]
    fn a_redirect_to_http_is_a_downgrade() {
        let o = Observed {
            sent_url: "https://a.test/x".into(),
            method: "GET".into(),
            status: 200,
            status_text: "OK".into(),
            headers: vec![],
            body: vec![],
            final_url: "http://a.test/y".into(),
            redirected: true,
            response_type: "cors".into(),
            elapsed_ms: 1.0,
            source_note: None,
            timing: None,
        };
        assert!(notes_for_response(&o, None).iter().any(|n| n.title.contains("downgraded")));
        let same = Observed { final_url: "https://a.test/y".into(), ..o };
        assert!(!notes_for_response(&same, None).iter().any(|n| n.title.contains("downgraded")));
    }

    #[test]
    fn cache_urls_keep_their_rid() {
        let a = stable_rid("http://h/api/cache?cache-control=max-age%3D60").unwrap();
        assert_eq!(Some(a.clone()), stable_rid("http://h/api/cache?cache-control=max-age%3D60"));
        assert_ne!(Some(a), stable_rid("http://h/api/cache?cache-control=max-age%3D61"));
        assert_eq!(stable_rid("http://h/api/status/200"), None);
    }

    #[test]
    fn rid_is_added_once() {
        let (u, rid) = with_rid("http://h/api/status/401?omit=WWW-Authenticate", "r1");
        assert_eq!(u, "http://h/api/status/401?omit=WWW-Authenticate&rid=r1");
        assert_eq!(rid, "r1");
        let (u2, rid2) = with_rid(&u, "r2");
        assert_eq!(u2, u);
        assert_eq!(rid2, "r1");
    }

    #[test]
    fn validation_messages() {
        assert!(validate("GET", "http://x/", &[], "").is_ok());
        assert!(validate("PROPFIND", "https://x/", &[], "").is_ok());
        assert!(validate("GE T", "http://x/", &[], "").unwrap_err().contains("not a valid method"));
        assert!(validate("GET", "not a url", &[], "").unwrap_err().contains("not a valid absolute URL"));
        assert!(validate("GET", "ftp://x/", &[], "").unwrap_err().contains("scheme"));
        assert!(validate("GET", "http://x/", &[("Bad Name".into(), "v".into())], "").unwrap_err().contains("header name"));
        assert!(validate("GET", "http://x/", &[("X".into(), "a\r\nb".into())], "").unwrap_err().contains("CR, LF"));
        assert!(validate("GET", "http://x/", &[], "body").unwrap_err().contains("cannot carry a body"));
        assert!(validate("POST", "http://x/", &[], "body").is_ok());
    }

    #[test]
    fn body_views() {
        let (v, t) = body_view(Some("application/json"), br#"{"a":1}"#);
        assert_eq!(v, BodyView::Json("{\n  \"a\": 1\n}".into()));
        assert!(!t);
        assert_eq!(body_view(Some("text/plain"), b"hi").0, BodyView::Text("hi".into()));
        assert_eq!(body_view(None, b"").0, BodyView::Empty);
        let (v, t) = body_view(None, &[0xff, 0x00, 0x41]);
        let BodyView::Hex(dump) = v else { panic!("binary content is shown as hex") };
        assert!(dump.starts_with("00000000  ff 00 41 "), "{dump}");
        assert!(dump.ends_with("  ..A"), "{dump}");
        assert_eq!(dump.len(), 10 + 47 + 2 + 3);
        assert!(!t);
        let big = "x".repeat(VIEW_LIMIT + 10);
        let (v, t) = body_view(Some("text/plain"), big.as_bytes());
        assert!(t);
        assert!(matches!(v, BodyView::Text(s) if s.len() == VIEW_LIMIT));
        // Invalid JSON labelled as JSON is shown as text, not lost.
        assert_eq!(body_view(Some("application/json"), b"{oops").0, BodyView::Text("{oops".into()));
    }

    #[test]
    fn record_parses_and_explains_a_hidden_407() {
        let json = r#"{"rid":"a","exchanges":[{"kind":"request","at":"x","request":{"method":"GET","path":"/api/status/407","query":"rid=a","headers":[],"body_size":0},"response":{"status":407,"reason":"Proxy Authentication Required","headers":[["Proxy-Authenticate","Bearer realm=\"x\""]],"body_size":10}}]}"#;
        let r = ServerRecord::parse(json).unwrap();
        let f = Failure::network("Failed to fetch".into());
        let notes = notes_for_failure(&f, "http://127.0.0.1:8080/api/status/407", "http://127.0.0.1:8080", Some(&r));
        assert!(notes[0].title.contains("407"));
        assert!(notes[0].text.contains("network error"));
        let ex = record_exchange(r.final_exchange().unwrap());
        assert_eq!(ex.response.headers.get("proxy-authenticate"), Some("Bearer realm=\"x\""));
        assert!(ServerRecord::parse("nope").is_err());
    }

    #[test]
    fn failure_notes_for_mixed_content_and_local_network_access() {
        let f = Failure::network("Failed to fetch".into());
        let n = notes_for_failure(&f, "http://api.example/v1", "https://app.example", None);
        assert_eq!(n.len(), 1);
        assert!(n[0].title.contains("mixed content") && n[0].text.contains("Certain"), "{n:?}");
        // Loopback is potentially trustworthy: not mixed content, but possibly a local network request.
        let n = notes_for_failure(&f, "http://localhost:3000/v1", "https://app.example", None);
        assert!(n.iter().all(|x| !x.title.contains("mixed content")));
        assert!(n.iter().any(|x| x.title == "Local Network Access" && x.text.contains("loopback-network")), "{n:?}");
        // The app on loopback talking to its simulator: neither.
        let n = notes_for_failure(&f, "http://localhost:8080/api/status/200", "http://127.0.0.1:8080", None);
        assert!(n.iter().all(|x| !x.title.contains("mixed content") && x.title != "Local Network Access"));
    }

    #[test]
    fn csp_violations_are_matched_to_the_request() {
        let v = |uri: &str, disposition: &str| CspViolation {
            blocked_uri: uri.into(),
            effective_directive: "connect-src".into(),
            violated_directive: "connect-src".into(),
            disposition: disposition.into(),
            original_policy: "connect-src 'self'".into(),
        };
        let events = vec![v("http://other.example/x", "enforce"), v("http://localhost:8080/api/status/200?rid=a", "enforce")];
        let hit = violation_for(&events, "http://localhost:8080/api/status/200?rid=a#frag").unwrap();
        assert_eq!(hit.blocked_uri, "http://localhost:8080/api/status/200?rid=a");
        // After a redirect Chromium reports only the origin.
        assert!(violation_for(&[v("http://localhost:8080", "enforce")], "http://localhost:8080/api/x").is_some());
        // Credentials are stripped from the report; the URL is normalized as the browser does.
        assert!(violation_for(&[v("http://h.example/", "enforce")], "http://user:pw@H.example").is_some());
        // Report-only policies block nothing; other URLs are not this request.
        assert!(violation_for(&[v("http://localhost:8080/api/status/200", "report")], "http://localhost:8080/api/status/200").is_none());
        assert!(violation_for(&events, "http://localhost:8080/api/status/201").is_none());
        let d = csp_diagnosis(hit);
        assert!(d.detail.contains("directive `connect-src`") && d.detail.contains("blocked URI `http://localhost:8080/api/status/200?rid=a`"), "{}", d.detail);
        assert!(d.certainty.starts_with("Certain"));
    }

    #[test]
    fn failure_without_record_says_what_cannot_be_known() {
        let f = Failure::network("Failed to fetch".into());
        let n = notes_for_failure(&f, "http://127.0.0.1:1/", "http://127.0.0.1:8080", None);
        assert!(n[0].text.contains("cannot see why"));
        let same = notes_for_failure(&f, "http://127.0.0.1:8080/x", "http://127.0.0.1:8080", None);
        assert!(same[0].text.contains("CORS is not involved"));
    }
}
