//! The app's fetch layer and components in a real headless Chromium (wasm-bindgen-test).
//! Run with `cargo test -p statuslab-app --target wasm32-unknown-unknown`.
#![cfg(target_arch = "wasm32")]

use statuslab_app::net::{self, Outgoing};
use statuslab_app::observe::FailureKind;
use statuslab_app::state::FetchOptions;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::AbortController;

wasm_bindgen_test_configure!(run_in_browser);

fn req(method: &str, url: &str, headers: Vec<(String, String)>) -> Outgoing {
    Outgoing { method: method.into(), url: url.into(), headers, body: String::new(), options: FetchOptions::default() }
}

#[wasm_bindgen_test]
async fn fetch_reads_a_same_origin_response() {
    // The test runner serves this page: a same-origin GET resolves with a basic response.
    let url = format!("{}/", net::page_origin());
    let o = net::send(req("GET", &url, vec![("X-Probe".into(), "1".into())]), AbortController::new().unwrap()).await.unwrap();
    assert_eq!(o.status, 200);
    assert_eq!(o.response_type, "basic");
    assert!(!o.body.is_empty());
    assert!(o.headers.iter().any(|(n, _)| n == "content-type"));
    assert!(o.elapsed_ms >= 0.0);
}

#[wasm_bindgen_test]
async fn a_closed_port_is_a_network_failure() {
    let f = net::send(req("GET", "http://127.0.0.1:65530/", vec![]), AbortController::new().unwrap()).await.unwrap_err();
    assert_eq!(f.kind, FailureKind::Network);
    assert!(f.headline().contains("fetch() rejected"), "{}", f.headline());
}

#[wasm_bindgen_test]
async fn the_browser_refuses_an_invalid_header_without_a_panic() {
    let url = format!("{}/", net::page_origin());
    let f = net::send(req("GET", &url, vec![("Bad Name".into(), "x".into())]), AbortController::new().unwrap())
        .await
        .unwrap_err();
    assert_eq!(f.kind, FailureKind::BadInput);
    assert!(f.message.contains("Bad Name"), "{}", f.message);
}

#[wasm_bindgen_test]
async fn cancel_aborts_the_request() {
    let url = format!("{}/", net::page_origin());
    let c = AbortController::new().unwrap();
    c.abort();
    let f = net::send(req("GET", &url, vec![]), c).await.unwrap_err();
    assert_eq!(f.kind, FailureKind::Cancelled);
}

#[wasm_bindgen_test]
async fn a_forbidden_method_is_refused_by_the_browser() {
    let url = format!("{}/", net::page_origin());
    let f = net::send(req("TRACE", &url, vec![]), AbortController::new().unwrap()).await.unwrap_err();
    assert_eq!(f.kind, FailureKind::BadInput);
}

/// Mounts the playground, clicks Send and waits for the annotated status.
#[wasm_bindgen_test]
async fn playground_sends_and_shows_the_status() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let root = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<statuslab_app::components::playground::Playground>::with_root_and_props(
        root.clone(),
        statuslab_app::components::playground::PlaygroundProps { embed: true },
    )
    .render();
    gloo_timers::future::sleep(std::time::Duration::from_millis(50)).await;
    let label = root.query_selector("label[for=method]").unwrap().expect("a Method label");
    assert_eq!(label.text_content().unwrap(), "Method");
    assert!(root.query_selector("label[for=url]").unwrap().is_some());
    let send = root.query_selector("button[type=submit]").unwrap().expect("a Send button");
    assert_eq!(send.text_content().unwrap(), "Send");
    send.dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    // The default request goes to this origin's /api/status/401; the test runner's server has
    // no such path and answers 404 — a real fetch either way.
    let mut status = None;
    for _ in 0..100 {
        gloo_timers::future::sleep(std::time::Duration::from_millis(50)).await;
        if let Some(el) = root.query_selector("[data-testid=status]").unwrap() {
            status = el.text_content();
            break;
        }
    }
    let status = status.expect("a status appears");
    assert!(status.starts_with("404"), "{status}");
}
