//! The fetch layer: the browser's own `fetch` through gloo-net, with an AbortController for
//! Cancel and the timeout. Never panics: every failure becomes a [`Failure`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::{Method, Request, RequestBuilder};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, RequestCache, RequestCredentials, RequestMode, RequestRedirect};

use crate::observe::{CspViolation, Failure, FailureKind, Observed, ServerRecord};
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
        .abort_signal(Some(&controller.signal()));
    let built = if out.body.is_empty() { builder.build() } else { builder.body(out.body.clone()) };
    built.map_err(|e| Failure::bad_input(error_message(e)))
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
    Ok(Observed {
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
