//! `statuslab`: the simulator server and the CLI around the shared rules crate.

pub mod auth;
pub mod cache;
pub mod cli;
pub mod problem;
pub mod range;
pub mod redirect;
pub mod sim;
pub mod store;
pub mod web;

use std::path::PathBuf;
use std::sync::Arc;

use axum::http::{HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::Router;
use tower_http::compression::CompressionLayer;

pub struct AppState {
    pub dist: PathBuf,
    pub store: store::ExchangeStore,
}

impl AppState {
    pub fn new(dist: PathBuf) -> Arc<Self> {
        Arc::new(AppState { dist, store: store::ExchangeStore::default() })
    }
}

async fn api_not_found(uri: Uri) -> Response {
    problem::Problem::new(StatusCode::NOT_FOUND, format!("no simulator endpoint at `{}`", uri.path()))
        .with_instance(uri.path())
        .into_response()
}

async fn exchanges_other() -> Response {
    let mut res = problem::Problem::new(StatusCode::METHOD_NOT_ALLOWED, "exchange records are read with GET").into_response();
    res.headers_mut().insert("allow", HeaderValue::from_static("GET, HEAD"));
    res
}

/// `GET /api/rules`: every rule with its docs (the app's rule pages read this; the wasm app
/// does not carry the docs itself).
async fn rules_api() -> Response {
    let v: Vec<_> = statuslab_rules::RULES.iter().map(|r| cli::rule_json(r)).collect();
    let mut res = (StatusCode::OK, serde_json::to_vec(&v).unwrap_or_default()).into_response();
    let h = res.headers_mut();
    h.insert("content-type", HeaderValue::from_static("application/json"));
    h.insert("cache-control", HeaderValue::from_static("public, max-age=300"));
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    res
}

/// `GET /api/badge.svg`: the "Open in Status Lab" badge for docs pages.
async fn badge() -> Response {
    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="150" height="20" role="img" aria-label="Open in Status Lab"><title>Open in Status Lab</title><rect width="150" height="20" rx="3" fill="#3b5bdb"/><rect width="22" height="20" rx="3" fill="#2b44a8"/><text x="11" y="14" fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="10" font-weight="bold" text-anchor="middle">4xx</text><text x="86" y="14" fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11" text-anchor="middle">Open in Status Lab</text></svg>"##;
    let mut res = (StatusCode::OK, SVG).into_response();
    let h = res.headers_mut();
    h.insert("content-type", HeaderValue::from_static("image/svg+xml"));
    h.insert("cache-control", HeaderValue::from_static("public, max-age=86400"));
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("content-security-policy", HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"));
    h.insert("cross-origin-resource-policy", HeaderValue::from_static("cross-origin"));
    res
}

/// The whole HTTP surface: the simulator under `/api/`, the app everywhere else.
pub fn router(state: Arc<AppState>) -> Router {
    let api = Router::new()
        .route("/status/{code}", any(sim::status))
        .route("/redirect/{n}", any(redirect::redirect))
        .route("/cache", any(cache::cache))
        .route("/range/{bytes}", any(range::range))
        .route("/auth/basic/{user}/{pass}", any(auth::basic))
        .route("/auth/bearer", any(auth::bearer))
        .route("/exchanges/{rid}", get(sim::exchanges).fallback(exchanges_other))
        .route("/rules", get(rules_api).layer(CompressionLayer::new()))
        .route("/badge.svg", get(badge))
        .fallback(api_not_found);
    // Only the app's files are compressed: simulator answers go out exactly as recorded.
    let app = Router::new().fallback(web::serve).layer(CompressionLayer::new());
    Router::new().nest("/api", api).merge(app).with_state(state)
}
