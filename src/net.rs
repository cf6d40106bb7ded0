//! The fetch layer: the browser's own `fetch` through gloo-net, with an AbortController for
//! Cancel and the timeout. Never panics: every failure becomes a [`Failure`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::{Method, Request, RequestBuilder};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials, RequestMode, RequestRedirect};

use crate::observe::{CspViolation, Failure, FailureKind, Observed, ServerRecord};
use crate::timing::Timing;
use crate::state::FetchOptions;

/// A request ready to go.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
    pub options: FetchOptions,
}

pub fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// The page's origin, e.g. `http://127.0.0.1:8080`.
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// A fresh exchange-record id.
pub fn new_rid() -> String {
    let a = (js_sys::Math::random() * 1e12) as u64;
    let b = (now_ms() * 1000.0) as u64;
    format!("sl{:x}{:x}", a, b & 0xffff_ffff)
}

fn js_message(e: &JsValue) -> String {
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

fn error_message(e: gloo_net::Error) -> String {
    match e {
        gloo_net::Error::JsError(j) => j.message,
        other => other.to_string(),
    }
}

fn build(out: &Outgoing, controller: &AbortController) -> Result<Request, Failure> {
    let method = Method::from_bytes(out.method.trim().as_bytes())
        .map_err(|_| Failure::bad_input(format!("`{}` is not a valid method.", out.method)))?;
    let headers = web_sys::Headers::new().map_err(|e| Failure::bad_input(js_message(&e)))?;
    for (n, v) in &out.headers {
        headers
            .append(n, v)
            .map_err(|e| Failure::bad_input(format!("the header `{n}` was refused by the browser: {}", js_message(&e))))?;
    }
    let o = &out.options;
    let builder = RequestBuilder::new(&out.url)
        .method(method)
        .headers(gloo_net::http::Headers::from_raw(headers))
        .redirect(match o.redirect.as_str() {
            "manual" => RequestRedirect::Manual,
            "error" => RequestRedirect::Error,
            _ => RequestRedirect::Follow,
        })
        .credentials(match o.credentials.as_str() {
            "omit" => RequestCredentials::Omit,
            "include" => RequestCredentials::Include,
            _ => RequestCredentials::SameOrigin,
        })
        .mode(match o.mode.as_str() {
            "no-cors" => RequestMode::NoCors,
            "same-origin" => RequestMode::SameOrigin,
            _ => RequestMode::Cors,
        })
        .cache(match o.cache.as_str() {
            "no-store" => RequestCache::NoStore,
            "reload" => RequestCache::Reload,
            "no-cache" => RequestCache::NoCache,
            "force-cache" => RequestCache::ForceCache,
            "only-if-cached" => RequestCache::OnlyIfCached,
            _ => RequestCache::Default,
        })
        .referrer_policy(match o.referrer_policy.as_str() {
            "no-referrer" => ReferrerPolicy::NoReferrer,
            "no-referrer-when-downgrade" => ReferrerPolicy::NoReferrerWhenDowngrade,
            "origin" => ReferrerPolicy::Origin,
            "origin-when-cross-origin" => ReferrerPolicy::OriginWhenCrossOrigin,
            "same-origin" => ReferrerPolicy::SameOrigin,
            "strict-origin" => ReferrerPolicy::StrictOrigin,
            "strict-origin-when-cross-origin" => ReferrerPolicy::StrictOriginWhenCrossOrigin,
            "unsafe-url" => ReferrerPolicy::UnsafeUrl,
            _ => ReferrerPolicy::None,
        })
        .abort_signal(Some(&controller.signal()));
    let built = if out.body.is_empty() { builder.build() } else { builder.body(out.body.clone()) };
    let request = built.map_err(|e| Failure::bad_input(error_message(e)))?;
    if o.priority == "auto" && !o.keepalive {
        return Ok(request);
    }
    // `priority` and `keepalive` have no setter in web-sys: they go on a RequestInit by name, and
    // a new Request is made from the built one (Fetch §dom-request, "new Request(input, init)").
    let init = web_sys::RequestInit::new();
    let set = |k: &str, v: JsValue| js_sys::Reflect::set(&init, &JsValue::from_str(k), &v).map(|_| ());
    let refused = |e: JsValue| Failure::bad_input(format!("the browser refused the fetch options: {}", js_message(&e)));
    if o.priority != "auto" {
        set("priority", JsValue::from_str(&o.priority)).map_err(refused)?;
    }
    if o.keepalive {
        set("keepalive", JsValue::TRUE).map_err(refused)?;
    }
    let raw: web_sys::Request = request.into();
    let again = web_sys::Request::new_with_request_and_init(&raw, &init).map_err(refused)?;
    Ok(Request::from(again))
}

/// Sends the request. `controller` lets the caller cancel; the timeout aborts it too.
pub async fn send(out: Outgoing, controller: AbortController) -> Result<Observed, Failure> {
    let started = now_ms();
    let request = build(&out, &controller)?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let flag = timed_out.clone();
        let c = controller.clone();
        gloo_timers::callback::Timeout::new(out.options.timeout_ms, move || {
            flag.set(true);
            c.abort();
        })
    };
    let fail = |kind: FailureKind, message: String| Failure {
        kind,
        message,
        sent_url: Some(out.url.clone()),
        elapsed_ms: now_ms() - started,
    };
    let classify = |msg: String| {
        if timed_out.get() {
            fail(FailureKind::Timeout, format!("no complete answer within {} ms.", out.options.timeout_ms))
        } else if controller.signal().aborted() {
            fail(FailureKind::Cancelled, "The request was cancelled.".into())
        } else {
            fail(FailureKind::Network, msg)
        }
    };
    let response = match request.send().await {
        Ok(r) => r,
        Err(e) => return Err(classify(error_message(e))),
    };
    let body = match response.binary().await {
        Ok(b) => b,
        Err(e) => return Err(classify(format!("the body could not be read: {}", error_message(e)))),
    };
    let response_type = match response.type_() {
        web_sys::ResponseType::Basic => "basic",
        web_sys::ResponseType::Cors => "cors",
        web_sys::ResponseType::Default => "default",
        web_sys::ResponseType::Error => "error",
        web_sys::ResponseType::Opaque => "opaque",
        web_sys::ResponseType::Opaqueredirect => "opaqueredirect",
        _ => "unknown",
    };
    let timing = resource_timing(&out.url, &response.url()).await;
    Ok(Observed {
        timing,
        sent_url: out.url.clone(),
        method: out.method.clone(),
        status: response.status(),
        status_text: response.status_text(),
        headers: response.headers().entries().collect(),
        body,
        final_url: response.url(),
        redirected: response.redirected(),
        response_type: response_type.to_string(),
        elapsed_ms: now_ms() - started,
        source_note: None,
    })
}

/// The Resource Timing entry of the fetch just completed (the last one for its URL), cleared
/// from the buffer afterwards so the 250-entry default never fills up. The entry is queued when
/// the response ends, so a missing one is looked for again after a tick.
async fn resource_timing(sent_url: &str, final_url: &str) -> Option<Timing> {
    let perf = web_sys::window()?.performance()?;
    for attempt in 0..3 {
        let entries = [sent_url, final_url].iter().find_map(|u| {
            let list = perf.get_entries_by_name(u);
            (list.length() > 0).then(|| list.get(list.length() - 1))
        });
        if let Some(e) = entries.and_then(|e| e.dyn_into::<web_sys::PerformanceResourceTiming>().ok()) {
            let t = Timing {
                start: e.start_time(),
                redirect_start: e.redirect_start(),
                redirect_end: e.redirect_end(),
                fetch_start: e.fetch_start(),
                dns_start: e.domain_lookup_start(),
                dns_end: e.domain_lookup_end(),
                connect_start: e.connect_start(),
                connect_end: e.connect_end(),
                tls_start: e.secure_connection_start(),
                request_start: e.request_start(),
                response_start: e.response_start(),
                response_end: e.response_end(),
                transfer_size: e.transfer_size(),
                encoded_body_size: e.encoded_body_size(),
                decoded_body_size: e.decoded_body_size(),
                protocol: e.next_hop_protocol(),
            };
            perf.clear_resource_timings();
            return Some(t);
        }
        let wait = 20 * (attempt + 1);
        gloo_timers::future::TimeoutFuture::new(wait).await;
    }
    None
}

/// Reads the simulator's record of `rid` from the page's own origin (the same server process
/// answers for both loopback names).
pub async fn fetch_record(rid: &str) -> Result<ServerRecord, String> {
    let url = format!("{}/api/exchanges/{rid}", page_origin());
    let res = Request::get(&url).send().await.map_err(error_message)?;
    if res.status() != 200 {
        return Err(format!("no record (HTTP {})", res.status()));
    }
    let text = res.text().await.map_err(error_message)?;
    ServerRecord::parse(&text)
}

/// Differential probes after a cross-origin fetch failed (never repeating the original request:
/// only GETs without a body, credentials or custom headers). Returns whether a `no-cors` GET
/// resolved and, when the original needed a preflight, whether a simple CORS GET resolved.
pub async fn probe(url: &str, needed_preflight: bool) -> (bool, Option<bool>) {
    async fn try_fetch(url: &str, mode: RequestMode) -> bool {
        match RequestBuilder::new(url).method(Method::GET).mode(mode).credentials(RequestCredentials::Omit).build() {
            Ok(r) => r.send().await.is_ok(),
            Err(_) => false,
        }
    }
    let no_cors = try_fetch(url, RequestMode::NoCors).await;
    let simple = if no_cors && needed_preflight { Some(try_fetch(url, RequestMode::Cors).await) } else { None };
    (no_cors, simple)
}

/// Reads the record of `rid` if there is one (`Ok(None)` on 404: nothing recorded yet).
pub async fn record_if_any(rid: &str) -> Option<ServerRecord> {
    fetch_record(rid).await.ok()
}

/// One "probe the cache" fetch: a GET of `url` with the original headers and `cache` mode.
/// Returns the status the page saw, or the rejection's message.
pub async fn probe_cache(url: &str, headers: &[(String, String)], cache: &str) -> Result<u16, String> {
    let h = web_sys::Headers::new().map_err(|e| js_message(&e))?;
    for (n, v) in headers {
        h.append(n, v).map_err(|e| js_message(&e))?;
    }
    let mode = match cache {
        "force-cache" => RequestCache::ForceCache,
        "no-cache" => RequestCache::NoCache,
        "only-if-cached" => RequestCache::OnlyIfCached,
        _ => RequestCache::Default,
    };
    // only-if-cached is allowed with mode "same-origin" only (Fetch §dom-request, step 31).
    let req_mode = if cache == "only-if-cached" { RequestMode::SameOrigin } else { RequestMode::Cors };
    let res = RequestBuilder::new(url)
        .method(Method::GET)
        .headers(gloo_net::http::Headers::from_raw(h))
        .cache(mode)
        .mode(req_mode)
        .send()
        .await
        .map_err(error_message)?;
    // Read the body so the cache entry is complete before the next probe.
    let _ = res.binary().await;
    Ok(res.status())
}

/// Collects the `securitypolicyviolation` events fired on the document while it lives (CSP3
/// §violation-events): the only way a page learns that its own policy blocked a fetch.
pub struct CspWatch {
    seen: Rc<RefCell<Vec<CspViolation>>>,
    listener: Closure<dyn FnMut(web_sys::SecurityPolicyViolationEvent)>,
    document: web_sys::Document,
}

impl CspWatch {
    pub fn start() -> Option<Self> {
        let document = web_sys::window()?.document()?;
        let seen = Rc::new(RefCell::new(Vec::new()));
        let sink = seen.clone();
        let listener = Closure::<dyn FnMut(web_sys::SecurityPolicyViolationEvent)>::new(move |e: web_sys::SecurityPolicyViolationEvent| {
            sink.borrow_mut().push(CspViolation {
                blocked_uri: e.blocked_uri(),
                effective_directive: e.effective_directive(),
                violated_directive: e.violated_directive(),
                disposition: match e.disposition() {
                    web_sys::SecurityPolicyViolationEventDisposition::Report => "report".into(),
                    _ => "enforce".into(),
                },
                original_policy: e.original_policy(),
            });
        });
        document
            .add_event_listener_with_callback("securitypolicyviolation", listener.as_ref().unchecked_ref())
            .ok()?;
        Some(CspWatch { seen, listener, document })
    }

    /// The violations seen so far.
    pub fn seen(&self) -> Vec<CspViolation> {
        self.seen.borrow().clone()
    }
}

impl Drop for CspWatch {
    fn drop(&mut self) {
        let _ = self
            .document
            .remove_event_listener_with_callback("securitypolicyviolation", self.listener.as_ref().unchecked_ref());
    }
}
