//! CORS: predicting what a browser will do with a request (Fetch §main-fetch, §cors-preflight-fetch)
//! and checking responses (Fetch §cors-check, §cors-preflight-fetch), with verdicts named in
//! Chromium's `CorsError` vocabulary.

use serde::{Deserialize, Serialize};

use super::address_space::{local_network, AddressSpace, LocalNetwork};
use super::headers::*;
use super::mixed_content::{is_potentially_trustworthy_origin, mixed_content, MixedContent};
use crate::model::split_list;

/// `RequestMode` (Fetch §concept-request-mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    Cors,
    NoCors,
    SameOrigin,
}

/// `RequestCredentials` (Fetch §concept-request-credentials-mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Credentials {
    Omit,
    #[default]
    SameOrigin,
    Include,
}

/// Chromium's names for why CORS failed (`network::mojom::CorsError`, as the DevTools protocol's
/// `Network.CorsError` reports them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CorsError {
    DisallowedByMode,
    MissingAllowOriginHeader,
    MultipleAllowOriginValues,
    InvalidAllowOriginValue,
    AllowOriginMismatch,
    WildcardOriginNotAllowed,
    InvalidAllowCredentials,
    PreflightInvalidStatus,
    PreflightMissingAllowOriginHeader,
    PreflightMultipleAllowOriginValues,
    PreflightInvalidAllowOriginValue,
    PreflightAllowOriginMismatch,
    PreflightWildcardOriginNotAllowed,
    PreflightInvalidAllowCredentials,
    InvalidAllowMethodsPreflightResponse,
    InvalidAllowHeadersPreflightResponse,
    MethodDisallowedByPreflightResponse,
    HeaderDisallowedByPreflightResponse,
    /// Local Network Access: the user did not grant the permission (Chromium 142+).
    LocalNetworkAccessPermissionDenied,
    /// Local Network Access: a page that is not a secure context cannot ask for the permission.
    InsecureLocalNetwork,
}

impl CorsError {
    pub fn name(self) -> &'static str {
        match self {
            CorsError::DisallowedByMode => "DisallowedByMode",
            CorsError::MissingAllowOriginHeader => "MissingAllowOriginHeader",
            CorsError::MultipleAllowOriginValues => "MultipleAllowOriginValues",
            CorsError::InvalidAllowOriginValue => "InvalidAllowOriginValue",
            CorsError::AllowOriginMismatch => "AllowOriginMismatch",
            CorsError::WildcardOriginNotAllowed => "WildcardOriginNotAllowed",
            CorsError::InvalidAllowCredentials => "InvalidAllowCredentials",
            CorsError::PreflightInvalidStatus => "PreflightInvalidStatus",
            CorsError::PreflightMissingAllowOriginHeader => "PreflightMissingAllowOriginHeader",
            CorsError::PreflightMultipleAllowOriginValues => "PreflightMultipleAllowOriginValues",
            CorsError::PreflightInvalidAllowOriginValue => "PreflightInvalidAllowOriginValue",
            CorsError::PreflightAllowOriginMismatch => "PreflightAllowOriginMismatch",
            CorsError::PreflightWildcardOriginNotAllowed => "PreflightWildcardOriginNotAllowed",
            CorsError::PreflightInvalidAllowCredentials => "PreflightInvalidAllowCredentials",
            CorsError::InvalidAllowMethodsPreflightResponse => "InvalidAllowMethodsPreflightResponse",
            CorsError::InvalidAllowHeadersPreflightResponse => "InvalidAllowHeadersPreflightResponse",
            CorsError::MethodDisallowedByPreflightResponse => "MethodDisallowedByPreflightResponse",
            CorsError::HeaderDisallowedByPreflightResponse => "HeaderDisallowedByPreflightResponse",
            CorsError::LocalNetworkAccessPermissionDenied => "LocalNetworkAccessPermissionDenied",
            CorsError::InsecureLocalNetwork => "InsecureLocalNetwork",
        }
    }

    /// What went wrong, and the server-side fix.
    pub fn explain(self) -> (&'static str, &'static str) {
        use CorsError::*;
        match self {
            DisallowedByMode => ("The request used mode \"same-origin\" but the URL is cross-origin.", "Use mode \"cors\", or request a same-origin URL."),
            MissingAllowOriginHeader | PreflightMissingAllowOriginHeader => (
                "The response has no Access-Control-Allow-Origin header, so the browser does not let the page read it.",
                "Send `Access-Control-Allow-Origin: <the page's origin>` (or `*` for requests without credentials).",
            ),
            MultipleAllowOriginValues | PreflightMultipleAllowOriginValues => (
                "Access-Control-Allow-Origin holds several values; it must be exactly one origin or `*`.",
                "Send one origin: check the request's Origin against your allow-list and echo it.",
            ),
            InvalidAllowOriginValue | PreflightInvalidAllowOriginValue => (
                "Access-Control-Allow-Origin is not a valid origin (a path, a trailing slash or garbage never matches).",
                "Send the origin exactly as the request's Origin header has it, e.g. `https://app.example`.",
            ),
            AllowOriginMismatch | PreflightAllowOriginMismatch => (
                "Access-Control-Allow-Origin names a different origin than the page's.",
                "Echo the request's Origin when it is allowed, and send `Vary: Origin`.",
            ),
            WildcardOriginNotAllowed | PreflightWildcardOriginNotAllowed => (
                "Access-Control-Allow-Origin is `*` but the request includes credentials; the wildcard does not apply to credentialed requests.",
                "Echo the request's Origin (with `Vary: Origin`) and send `Access-Control-Allow-Credentials: true`, or send the request without credentials.",
            ),
            InvalidAllowCredentials | PreflightInvalidAllowCredentials => (
                "The request includes credentials but Access-Control-Allow-Credentials is not exactly `true`.",
                "Send `Access-Control-Allow-Credentials: true`, or send the request without credentials.",
            ),
            PreflightInvalidStatus => (
                "The preflight (OPTIONS) response did not have an ok (2xx) status.",
                "Answer OPTIONS preflights with 204 (or 200) and the Access-Control-Allow-* headers, before any authentication.",
            ),
            InvalidAllowMethodsPreflightResponse => (
                "Access-Control-Allow-Methods in the preflight response could not be parsed.",
                "Send a comma-separated list of method tokens, e.g. `GET, POST, PUT`.",
            ),
            InvalidAllowHeadersPreflightResponse => (
                "Access-Control-Allow-Headers in the preflight response could not be parsed.",
                "Send a comma-separated list of header names.",
            ),
            MethodDisallowedByPreflightResponse => (
                "The preflight response does not allow the request's method.",
                "Add the method to Access-Control-Allow-Methods (`*` only works without credentials).",
            ),
            HeaderDisallowedByPreflightResponse => (
                "The preflight response does not allow one of the request's headers.",
                "Add the header to Access-Control-Allow-Headers (`*` only works without credentials and never covers `Authorization`).",
            ),
            LocalNetworkAccessPermissionDenied => (
                "The request goes from a page to a more private network (a local or loopback address) and the user has not granted the Local Network Access permission (WICG Local Network Access §local-network-request); no server header can lift this.",
                "Ask the user to allow local network access for the page (site settings), or serve the API from a public address; a page cannot opt out.",
            ),
            InsecureLocalNetwork => (
                "The request goes from a page that is not a secure context (plain `http:` on a non-loopback host) to a more private network; only secure contexts may ask for the Local Network Access permission, so Chromium blocks it (WICG Local Network Access restricts the permission to secure contexts).",
                "Serve the page over `https:` (then the user is asked), or serve the API from the page's own network.",
            ),
        }
    }
}

/// A request as a page script composes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorsRequest {
    pub page_origin: String,
    pub url: String,
    #[serde(default = "get")]
    pub method: String,
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    #[serde(default)]
    pub mode: Mode,
    #[serde(default)]
    pub credentials: Credentials,
    /// The address space the page was served from, when known: an origin with a host name does not
    /// say (LNA §ip-address-space). `null`: derived from the page origin's host when it is an IP
    /// literal or `localhost`, else unknown.
    #[serde(default)]
    pub page_address_space: Option<AddressSpace>,
    /// What the user answers when Chromium asks for the Local Network Access permission.
    #[serde(default)]
    pub local_network_permission: Permission,
}

/// The state of a permission (Permissions §permission-state); `prompt`: the user will be asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Permission {
    #[default]
    Prompt,
    Granted,
    Denied,
}

/// Why the browser blocked a request outside CORS (DevTools `Network.BlockedReason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Blocked {
    /// Mixed Content §should-block-fetch: an `https:` page fetching a not potentially trustworthy URL.
    MixedContent,
}

impl Blocked {
    pub fn name(self) -> &'static str {
        match self {
            Blocked::MixedContent => "mixed-content",
        }
    }
}

fn get() -> String {
    "GET".to_string()
}

/// What the browser will do before anything reaches the network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Prediction {
    pub same_origin: bool,
    /// The request's origin as the browser serializes it.
    pub origin: String,
    /// Whether an `Origin` header goes out (cross-origin requests, and any non-GET/HEAD).
    pub sends_origin_header: bool,
    /// `fetch()` throws (or rejects) before sending: why.
    pub rejected: Option<String>,
    /// Chromium's error name when the rejection is a CORS one.
    pub rejected_cors_error: Option<CorsError>,
    pub preflight_required: bool,
    pub preflight_reasons: Vec<String>,
    /// Header names the preflight asks for (`Access-Control-Request-Headers`).
    pub preflight_headers: Vec<String>,
    /// Headers the browser will not send, with why.
    pub dropped_headers: Vec<(String, String)>,
    /// Whether cookies and HTTP authentication go with the request.
    pub credentials_sent: bool,
    /// The page gets an opaque response (mode no-cors, cross-origin).
    pub opaque: bool,
    /// Blocked before the network, not by CORS (then `rejected` says why and no CorsError applies).
    pub blocked: Option<Blocked>,
    /// Local Network Access: the address spaces and whether the user is asked.
    pub local_network: LocalNetwork,
}

/// The origin of a URL as `scheme://host[:port]`, without a full URL parser: enough for http(s).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?.to_ascii_lowercase();
    let default_port = if scheme == "http" { ":80" } else { ":443" };
    let host_port = host_port.strip_suffix(default_port).unwrap_or(&host_port).to_string();
    if host_port.is_empty() {
        return None;
    }
    Some(format!("{scheme}://{host_port}"))
}

/// Predicts what the browser does with the request before the network (Fetch §dom-request,
/// §main-fetch).
pub fn predict(req: &CorsRequest) -> Prediction {
    let mut p = Prediction { origin: req.page_origin.clone(), ..Default::default() };
    let target = origin_of(&req.url);
    p.same_origin = target.as_deref() == Some(req.page_origin.as_str());
    let method = normalize_method(req.method.trim());
    if is_forbidden_method(&method) {
        p.rejected = Some(format!("`{method}` is a forbidden method: fetch() throws a TypeError (Fetch §forbidden-method)."));
        return p;
    }
    if target.is_none() {
        p.rejected = Some("the URL is not an http(s) URL".into());
        return p;
    }
    p.local_network = local_network(&req.page_origin, &req.url, req.page_address_space);
    match mixed_content(&req.page_origin, &req.url, req.page_address_space) {
        MixedContent::Blocked => {
            p.blocked = Some(Blocked::MixedContent);
            p.rejected = Some(format!(
                "mixed content: this `https:` page may not fetch the `http:` URL {}, which is not a potentially trustworthy origin (only `https:`, `localhost`, 127.0.0.0/8 and [::1] are); the browser blocks it without sending anything and fetch() rejects (Mixed Content §should-block-fetch, Secure Contexts §3.1 (is-origin-trustworthy)). Fix: request it over `https:`.",
                origin_of(&req.url).unwrap_or_default()
            ));
            return p;
        }
        MixedContent::LocalNetworkExempt | MixedContent::NotMixed => {}
    }
    if p.local_network.local_network_request == Some(true) && !is_potentially_trustworthy_origin(&req.page_origin) {
        p.rejected = Some("a page that is not a secure context may not make local network requests; Chromium fails it when it connects, before any HTTP is exchanged (WICG Local Network Access).".into());
        p.rejected_cors_error = Some(CorsError::InsecureLocalNetwork);
        return p;
    }
    if p.local_network.local_network_request == Some(true) && req.local_network_permission == Permission::Denied {
        p.rejected = Some(format!(
            "the user denied the `{}` permission (Local Network Access), so Chromium fails the request when it connects, before any HTTP is exchanged (WICG Local Network Access §local-network-request).",
            p.local_network.permission.as_deref().unwrap_or_default()
        ));
        p.rejected_cors_error = Some(CorsError::LocalNetworkAccessPermissionDenied);
        return p;
    }
    let mut sent: Vec<(String, String)> = Vec::new();
    for (n, v) in &req.headers {
        if let Some(why) = forbidden_request_header(n, v) {
            p.dropped_headers.push((n.clone(), why));
        } else {
            sent.push((n.clone(), v.clone()));
        }
    }
    p.sends_origin_header = !p.same_origin || !(method == "GET" || method == "HEAD");
    p.credentials_sent = match req.credentials {
        Credentials::Include => true,
        Credentials::SameOrigin => p.same_origin,
        Credentials::Omit => false,
    };
    if p.same_origin {
        return p;
    }
    match req.mode {
        Mode::SameOrigin => {
            p.rejected = Some("mode \"same-origin\" forbids a cross-origin URL: fetch() rejects without sending (Fetch §main-fetch).".into());
            // Chromium rejects this before the network service sees it: DevTools reports no
            // CorsError (verified in the browser matrix), so none is named here either.
        }
        Mode::NoCors => {
            if !is_cors_safelisted_method(&method) {
                p.rejected = Some(format!("`{method}` is not allowed in mode \"no-cors\" (only GET, HEAD, POST): fetch() throws a TypeError."));
                return p;
            }
            for (n, v) in sent {
                if let Err(why) = cors_safelisted_request_header(&n, &v) {
                    p.dropped_headers.push((n, format!("mode \"no-cors\" silently drops non-safelisted headers ({why})")));
                }
            }
            p.opaque = true;
        }
        Mode::Cors => {
            if !is_cors_safelisted_method(&method) {
                p.preflight_reasons.push(format!("the method `{method}` is not CORS-safelisted (only GET, HEAD, POST)"));
            }
            for (name, why) in cors_unsafe_request_header_names(&sent) {
                p.preflight_reasons.push(format!("`{name}`: {why}"));
                p.preflight_headers.push(name);
            }
            p.preflight_required = !p.preflight_reasons.is_empty();
        }
    }
    p
}

fn header_values<'a>(headers: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).collect()
}

/// Fetch §cors-check, as Chromium implements it. `preflight` selects the `Preflight*` names.
pub fn cors_check(headers: &[(String, String)], origin: &str, credentials_include: bool, preflight: bool) -> Result<(), CorsError> {
    use CorsError::*;
    let pick = |a: CorsError, b: CorsError| if preflight { b } else { a };
    let acao = header_values(headers, "access-control-allow-origin");
    let Some(first) = acao.first() else { return Err(pick(MissingAllowOriginHeader, PreflightMissingAllowOriginHeader)) };
    // Several field lines are combined with ", " (RFC 9110 §5.3): one value with a comma.
    let value = if acao.len() > 1 { acao.join(", ") } else { first.trim().to_string() };
    if value == "*" {
        if credentials_include {
            return Err(pick(WildcardOriginNotAllowed, PreflightWildcardOriginNotAllowed));
        }
    } else {
        if value.contains(',') || value.contains(' ') {
            return Err(pick(MultipleAllowOriginValues, PreflightMultipleAllowOriginValues));
        }
        if value != "null" && origin_of(&value).is_none() {
            return Err(pick(InvalidAllowOriginValue, PreflightInvalidAllowOriginValue));
        }
        if value != origin {
            return Err(pick(AllowOriginMismatch, PreflightAllowOriginMismatch));
        }
    }
    if credentials_include {
        let acac = header_values(headers, "access-control-allow-credentials");
        if acac.len() != 1 || acac[0].trim() != "true" {
            return Err(pick(InvalidAllowCredentials, PreflightInvalidAllowCredentials));
        }
    }
    Ok(())
}

fn token_list(headers: &[(String, String)], name: &str) -> Result<Vec<String>, ()> {
    let mut out = Vec::new();
    for v in header_values(headers, name) {
        for item in split_list(v) {
            let ok = item == "*" || item.bytes().all(crate::model::is_tchar);
            if !ok {
                return Err(());
            }
            out.push(item);
        }
    }
    Ok(out)
}

/// Fetch §cors-preflight-fetch steps 7–: the preflight response's checks.
pub fn preflight_check(
    status: u16,
    headers: &[(String, String)],
    origin: &str,
    method: &str,
    unsafe_headers: &[String],
    credentials_include: bool,
) -> Result<(), CorsError> {
    use CorsError::*;
    // Chromium runs the CORS check on the preflight before looking at its status.
    cors_check(headers, origin, credentials_include, true)?;
    if !(200..300).contains(&status) {
        return Err(PreflightInvalidStatus);
    }
    let methods = token_list(headers, "access-control-allow-methods").map_err(|_| InvalidAllowMethodsPreflightResponse)?;
    let names = token_list(headers, "access-control-allow-headers").map_err(|_| InvalidAllowHeadersPreflightResponse)?;
    let method = normalize_method(method);
    let wildcard_methods = methods.iter().any(|m| m == "*") && !credentials_include;
    if !is_cors_safelisted_method(&method) && !wildcard_methods && !methods.iter().any(|m| normalize_method(m) == method) {
        return Err(MethodDisallowedByPreflightResponse);
    }
    let wildcard_headers = names.iter().any(|n| n == "*") && !credentials_include;
    for h in unsafe_headers {
        let listed = names.iter().any(|n| n.eq_ignore_ascii_case(h));
        // The Fetch standard says `*` never covers `Authorization`; Chromium still lets it through
        // (verified in this project's browser matrix), and the verdict follows the browser.
        if !listed && !wildcard_headers {
            return Err(HeaderDisallowedByPreflightResponse);
        }
    }
    Ok(())
}

/// The lower-case names of the response headers a page can read (Fetch §cors-filtered-response,
/// §concept-filtered-response-basic).
pub fn readable_headers(headers: &[(String, String)], same_origin: bool, opaque: bool, credentials_include: bool) -> Vec<String> {
    if opaque {
        return Vec::new();
    }
    let exposed: Vec<String> = header_values(headers, "access-control-expose-headers")
        .into_iter()
        .flat_map(split_list)
        .map(|s| s.to_ascii_lowercase())
        .collect();
    let star = exposed.iter().any(|e| e == "*") && !credentials_include;
    let mut out: Vec<String> = headers
        .iter()
        .map(|(n, _)| n.to_ascii_lowercase())
        .filter(|n| !is_forbidden_response_header(n))
        .filter(|n| same_origin || is_cors_safelisted_response_header(n) || star || exposed.contains(n))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// A response as given to [`evaluate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenResponse {
    pub status: u16,
    #[serde(default)]
    pub headers: Vec<(String, String)>,
}

/// `statuslab cors` input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorsCase {
    #[serde(flatten)]
    pub request: CorsRequest,
    #[serde(default)]
    pub preflight_response: Option<GivenResponse>,
    pub response: Option<GivenResponse>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    pub ok: bool,
    pub error: Option<String>,
}

/// `statuslab cors` output: the browser's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    pub same_origin: bool,
    pub preflight_required: bool,
    pub preflight_reasons: Vec<String>,
    pub preflight: Option<Step>,
    pub response: Step,
    pub readable_headers: Vec<String>,
    pub cors_error: Option<String>,
    /// Why the browser blocked the request outside CORS (`mixed-content`), as DevTools'
    /// `Network.loadingFailed` `blockedReason` names it; then `cors_error` is `null`.
    pub blocked: Option<String>,
    pub explanation: String,
    /// Headers the browser drops before sending, with why.
    pub dropped_headers: Vec<(String, String)>,
    /// Local Network Access: address spaces, whether the user is asked, and what that means.
    pub local_network: LocalNetwork,
}

/// The whole verdict for a request and the server's answers, as Chromium would reach it.
pub fn evaluate(case: &CorsCase) -> Verdict {
    let req = &case.request;
    let p = predict(req);
    let include = p.credentials_sent && !p.same_origin;
    let fail = |p: &Prediction, preflight: Option<Step>, err: Option<CorsError>, why: String| Verdict {
        same_origin: p.same_origin,
        preflight_required: p.preflight_required,
        preflight_reasons: p.preflight_reasons.clone(),
        preflight,
        response: Step {
            ok: false,
            error: Some(err.map(|e| e.name()).or(p.blocked.map(|b| b.name())).map(String::from).unwrap_or_else(|| why.clone())),
        },
        readable_headers: Vec::new(),
        cors_error: err.map(|e| e.name().to_string()),
        blocked: p.blocked.map(|b| b.name().to_string()),
        explanation: why,
        dropped_headers: p.dropped_headers.clone(),
        local_network: p.local_network.clone(),
    };
    if let Some(why) = &p.rejected {
        return fail(&p, None, p.rejected_cors_error, format!("fetch() fails before sending anything: {why}"));
    }
    let mut preflight_step = None;
    if p.preflight_required {
        let Some(pre) = &case.preflight_response else {
            return fail(&p, Some(Step { ok: false, error: Some("no preflight response given".into()) }), None,
                "A preflight is required but no preflight response was given.".into());
        };
        let method = normalize_method(req.method.trim());
        match preflight_check(pre.status, &pre.headers, &req.page_origin, &method, &p.preflight_headers, include) {
            Ok(()) => preflight_step = Some(Step { ok: true, error: None }),
            Err(e) => {
                let (what, fix) = e.explain();
                return fail(&p, Some(Step { ok: false, error: Some(e.name().into()) }), Some(e),
                    format!("The preflight failed, so the request itself was never sent. {what} Fix: {fix}"));
            }
        }
    }
    // A local network request (or a possible one) goes ahead only once the user allows it.
    let lna_note = match (&p.local_network.permission, req.local_network_permission) {
        (Some(_), Permission::Granted) => " Local Network Access: the user granted the permission.".to_string(),
        (Some(_), _) => format!(" {} This verdict assumes the user allows it.", p.local_network.explanation),
        (None, _) => String::new(),
    };
    let Some(res) = &case.response else {
        return fail(&p, preflight_step, None, "No response was given.".into());
    };
    if p.opaque {
        return Verdict {
            same_origin: false,
            preflight_required: false,
            preflight_reasons: Vec::new(),
            preflight: None,
            response: Step { ok: true, error: None },
            readable_headers: Vec::new(),
            cors_error: None,
            blocked: None,
            explanation: format!("mode \"no-cors\": fetch() resolves with an opaque response — status 0, no headers, no body — whatever the server sent.{lna_note}"),
            dropped_headers: p.dropped_headers.clone(),
            local_network: p.local_network.clone(),
        };
    }
    if !p.same_origin {
        if let Err(e) = cors_check(&res.headers, &req.page_origin, include, false) {
            let (what, fix) = e.explain();
            return fail(&p, preflight_step, Some(e), format!("The server answered {} but the browser blocked the page from reading it. {what} Fix: {fix}", res.status));
        }
    }
    let readable = readable_headers(&res.headers, p.same_origin, false, include);
    let mut spec_note = String::new();
    if let Some(pre) = &case.preflight_response {
        let listed = token_list(&pre.headers, "access-control-allow-headers").unwrap_or_default();
        let needs_auth = p.preflight_headers.iter().any(|h| h == "authorization");
        if needs_auth && !listed.iter().any(|n| n.eq_ignore_ascii_case("authorization")) {
            spec_note = " Note: the preflight allowed `Authorization` only through `Access-Control-Allow-Headers: *`. The Fetch standard says `*` does not cover `Authorization` (§cors-preflight-fetch); Chromium accepts it anyway, so this verdict follows Chromium — list `Authorization` explicitly to work in browsers that follow the spec.".to_string();
        }
    }
    Verdict {
        same_origin: p.same_origin,
        preflight_required: p.preflight_required,
        preflight_reasons: p.preflight_reasons.clone(),
        preflight: preflight_step,
        response: Step { ok: true, error: None },
        explanation: if p.same_origin {
            "Same-origin request: no CORS checks; the page reads every header except Set-Cookie.".into()
        } else {
            format!("The CORS check passed: the page reads the {} response and {} of its headers.{spec_note}{lna_note}", res.status, readable.len())
        },
        readable_headers: readable,
        cors_error: None,
        blocked: None,
        dropped_headers: p.dropped_headers.clone(),
        local_network: p.local_network.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "http://127.0.0.1:8080";
    fn h(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }
    fn req(method: &str, url: &str, headers: &[(&str, &str)]) -> CorsRequest {
        CorsRequest { page_origin: PAGE.into(), url: url.into(), method: method.into(), headers: h(headers), ..Default::default() }
    }

    #[test]
    fn origins() {
        assert_eq!(origin_of("HTTP://LocalHost:80/x").as_deref(), Some("http://localhost"));
        assert_eq!(origin_of("https://a.example:8443/p?q").as_deref(), Some("https://a.example:8443"));
        assert_eq!(origin_of("ftp://x/"), None);
        assert_eq!(origin_of("https://app.example/"), Some("https://app.example".into()));
    }

    #[test]
    fn prediction_same_origin_and_preflight_reasons() {
        let p = predict(&req("GET", "http://127.0.0.1:8080/api/status/200", &[("X-Token", "1")]));
        assert!(p.same_origin && !p.preflight_required && !p.sends_origin_header);
        let p = predict(&req("PUT", "http://localhost:8080/x", &[("X-Token", "1"), ("Accept", "*/*")]));
        assert!(!p.same_origin && p.preflight_required);
        assert_eq!(p.preflight_headers, vec!["x-token"]);
        assert_eq!(p.preflight_reasons.len(), 2);
        let p = predict(&req("POST", "http://localhost:8080/x", &[("Content-Type", "application/json")]));
        assert!(p.preflight_required && p.preflight_reasons[0].contains("content-type"));
        let p = predict(&req("POST", "http://localhost:8080/x", &[("Content-Type", "text/plain")]));
        assert!(!p.preflight_required);
    }

    #[test]
    fn prediction_drops_forbidden_headers_and_handles_modes() {
        let p = predict(&req("GET", "http://localhost:8080/x", &[("Cookie", "a=1"), ("Host", "evil")]));
        assert_eq!(p.dropped_headers.len(), 2);
        let mut r = req("PUT", "http://localhost:8080/x", &[]);
        r.mode = Mode::NoCors;
        assert!(predict(&r).rejected.is_some());
        let mut r = req("GET", "http://localhost:8080/x", &[("X-Token", "1")]);
        r.mode = Mode::NoCors;
        let p = predict(&r);
        assert!(p.opaque && !p.preflight_required && p.dropped_headers[0].0 == "X-Token");
        r.mode = Mode::SameOrigin;
        assert!(predict(&r).rejected.as_deref().unwrap().contains("same-origin"));
        assert!(predict(&req("TRACE", "http://localhost:8080/x", &[])).rejected.is_some());
    }

    #[test]
    fn cors_check_names_like_chromium() {
        use CorsError::*;
        let o = "http://127.0.0.1:8080";
        assert_eq!(cors_check(&h(&[]), o, false, false), Err(MissingAllowOriginHeader));
        assert_eq!(cors_check(&h(&[("Access-Control-Allow-Origin", "*")]), o, false, false), Ok(()));
        assert_eq!(cors_check(&h(&[("Access-Control-Allow-Origin", "*")]), o, true, false), Err(WildcardOriginNotAllowed));
        assert_eq!(cors_check(&h(&[("Access-Control-Allow-Origin", "http://a.example, http://127.0.0.1:8080")]), o, false, false), Err(MultipleAllowOriginValues));
        assert_eq!(cors_check(&h(&[("Access-Control-Allow-Origin", "http://a.example")]), o, false, false), Err(AllowOriginMismatch));
        assert_eq!(cors_check(&h(&[("Access-Control-Allow-Origin", o)]), o, true, false), Err(InvalidAllowCredentials));
        assert_eq!(
            cors_check(&h(&[("Access-Control-Allow-Origin", o), ("Access-Control-Allow-Credentials", "true")]), o, true, false),
            Ok(())
        );
        assert_eq!(cors_check(&h(&[]), o, false, true), Err(PreflightMissingAllowOriginHeader));
    }

    #[test]
    fn preflight_checks() {
        use CorsError::*;
        let o = "http://127.0.0.1:8080";
        let ok = |extra: &[(&str, &str)]| {
            let mut v = h(&[("Access-Control-Allow-Origin", o)]);
            v.extend(h(extra));
            v
        };
        assert_eq!(preflight_check(500, &ok(&[]), o, "PUT", &[], false), Err(PreflightInvalidStatus));
        assert_eq!(preflight_check(204, &ok(&[]), o, "PUT", &[], false), Err(MethodDisallowedByPreflightResponse));
        assert_eq!(preflight_check(204, &ok(&[("Access-Control-Allow-Methods", "PUT")]), o, "PUT", &[], false), Ok(()));
        assert_eq!(preflight_check(204, &ok(&[("Access-Control-Allow-Methods", "*")]), o, "PUT", &[], false), Ok(()));
        assert_eq!(preflight_check(204, &ok(&[]), o, "GET", &["x-token".into()], false), Err(HeaderDisallowedByPreflightResponse));
        assert_eq!(preflight_check(204, &ok(&[("Access-Control-Allow-Headers", "X-Token")]), o, "GET", &["x-token".into()], false), Ok(()));
        // Chromium lets `*` cover Authorization (the spec does not); credentials make `*` literal.
        assert_eq!(preflight_check(204, &ok(&[("Access-Control-Allow-Headers", "*")]), o, "GET", &["authorization".into()], false), Ok(()));
        assert_eq!(preflight_check(204, &ok(&[("Access-Control-Allow-Headers", "*"), ("Access-Control-Allow-Credentials", "true")]), o, "GET", &["x-token".into()], true), Err(HeaderDisallowedByPreflightResponse));
        assert_eq!(preflight_check(204, &ok(&[("Access-Control-Allow-Methods", "PUT GET")]), o, "PUT", &[], false), Err(InvalidAllowMethodsPreflightResponse));
    }

    #[test]
    fn mixed_content_is_blocked_before_cors() {
        let case = |url: &str| CorsCase {
            request: CorsRequest { page_origin: "https://app.example".into(), url: url.into(), method: "PUT".into(), headers: h(&[("X-Token", "1")]), ..Default::default() },
            preflight_response: Some(GivenResponse { status: 204, headers: h(&[("Access-Control-Allow-Origin", "*"), ("Access-Control-Allow-Methods", "PUT"), ("Access-Control-Allow-Headers", "X-Token")]) }),
            response: Some(GivenResponse { status: 200, headers: h(&[("Access-Control-Allow-Origin", "*")]) }),
        };
        let v = evaluate(&case("http://api.example/x"));
        assert_eq!(v.blocked.as_deref(), Some("mixed-content"));
        assert_eq!(v.cors_error, None);
        assert!(!v.preflight_required && !v.response.ok && v.preflight.is_none());
        assert_eq!(v.response.error.as_deref(), Some("mixed-content"));
        assert!(v.explanation.contains("Mixed Content §should-block-fetch"), "{}", v.explanation);
        // Loopback is potentially trustworthy: CORS decides, as usual.
        let v = evaluate(&case("http://localhost:8080/x"));
        assert_eq!(v.blocked, None);
        assert!(v.preflight_required && v.response.ok);
        let v = evaluate(&case("https://api.example/x"));
        assert!(v.blocked.is_none() && v.response.ok);
        // The prediction says it before sending.
        let p = predict(&case("http://api.example/x").request);
        assert_eq!(p.blocked, Some(Blocked::MixedContent));
        assert!(p.rejected.as_deref().unwrap().contains("mixed content"));
    }

    #[test]
    fn local_network_access_in_the_verdict() {
        let case = |page: &str, url: &str, perm: Permission| CorsCase {
            request: CorsRequest { page_origin: page.into(), url: url.into(), method: "GET".into(), local_network_permission: perm, ..Default::default() },
            preflight_response: None,
            response: Some(GivenResponse { status: 200, headers: h(&[("Access-Control-Allow-Origin", "*")]) }),
        };
        // A public page to a router over http: not mixed content in Chromium, but the user is asked.
        let v = evaluate(&case("https://93.184.215.14", "http://192.168.1.1/api", Permission::Prompt));
        assert!(v.response.ok && v.blocked.is_none());
        assert_eq!(v.local_network.local_network_request, Some(true));
        assert_eq!(v.local_network.permission.as_deref(), Some("local-network"));
        assert!(v.explanation.contains("assumes the user allows it"), "{}", v.explanation);
        let v = evaluate(&case("https://93.184.215.14", "http://192.168.1.1/api", Permission::Denied));
        assert!(!v.response.ok && !v.preflight_required);
        assert_eq!(v.cors_error.as_deref(), Some("LocalNetworkAccessPermissionDenied"));
        // Denied does not matter when it is not a local network request.
        let v = evaluate(&case("http://127.0.0.1:8080", "http://localhost:8080/api", Permission::Denied));
        assert!(v.response.ok && v.local_network.permission.is_none());
        assert!(!v.explanation.contains("Local Network Access"));
        // A page on a host name: conditional, and said so.
        let v = evaluate(&case("https://app.example", "http://localhost:3000/api", Permission::Prompt));
        assert_eq!(v.local_network.local_network_request, None);
        assert!(v.explanation.contains("If the page is served from a public address"), "{}", v.explanation);
        let mut c = case("https://app.example", "http://localhost:3000/api", Permission::Denied);
        c.request.page_address_space = Some(AddressSpace::Public);
        assert_eq!(evaluate(&c).cors_error.as_deref(), Some("LocalNetworkAccessPermissionDenied"));
        // An http page on a public address cannot even ask (Chromium: InsecureLocalNetwork).
        let mut c = case("http://app.example", "http://192.168.1.1/api", Permission::Prompt);
        c.request.page_address_space = Some(AddressSpace::Public);
        let v = evaluate(&c);
        assert_eq!((v.response.ok, v.cors_error.as_deref(), v.blocked.as_deref()), (false, Some("InsecureLocalNetwork"), None));
    }

    #[test]
    fn readable() {
        let hs = h(&[("Content-Type", "x"), ("X-A", "1"), ("X-B", "2"), ("Set-Cookie", "s=1"), ("Access-Control-Expose-Headers", "X-A")]);
        assert_eq!(readable_headers(&hs, false, false, false), vec!["content-type", "x-a"]);
        assert_eq!(readable_headers(&hs, true, false, false), vec!["access-control-expose-headers", "content-type", "x-a", "x-b"]);
        assert!(readable_headers(&hs, false, true, false).is_empty());
    }
}
