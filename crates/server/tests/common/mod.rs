//! Helpers shared by the server's integration tests (each test file uses some of them).
#![allow(dead_code)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use serde_json::Value;
use statuslab_server::{router, AppState};
use tower::ServiceExt;


/// Starts the simulator on a free loopback port in a background thread.
pub fn simulator() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::from_std(listener).unwrap();
            let app = statuslab_server::router(statuslab_server::AppState::new(std::env::temp_dir().join("statuslab-none")));
            axum::serve(l, app).await.unwrap();
        });
    });
    format!("http://{addr}")
}

pub struct Got {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Got {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
}

pub async fn send_to(state: Arc<AppState>, req: Request<Body>) -> Got {
    let res = router(state).oneshot(req).await.unwrap();
    let status = res.status().as_u16();
    let headers = res
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("").to_string()))
        .collect();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    Got { status, headers, body }
}

pub async fn get(state: &Arc<AppState>, uri: &str) -> Got {
    send_to(state.clone(), Request::get(uri).body(Body::empty()).unwrap()).await
}

pub fn state() -> Arc<AppState> {
    AppState::new(std::env::temp_dir().join("statuslab-no-such-dist"))
}

pub fn assert_problem(g: &Got, field: &str) {
    assert_eq!(g.status, 400, "{}", String::from_utf8_lossy(&g.body));
    assert_eq!(g.header("content-type"), Some("application/problem+json"));
    let p = g.json();
    assert_eq!(p["status"], 400);
    assert_eq!(p["type"], "about:blank");
    assert!(
        p["invalid_params"].as_array().unwrap().iter().any(|x| x["name"] == field),
        "expected an invalid `{field}` in {p}"
    );
    assert!(!p["detail"].as_str().unwrap().is_empty());
}

