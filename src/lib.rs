//! Status Lab's browser app: compose a request, send it with the browser's own `fetch`, and see
//! the exchange annotated by the shared rules crate.

pub mod browser;
pub mod components;
pub mod explain;
pub mod lazy;
pub mod net;
pub mod observe;
pub mod permalink;
pub mod reference_data;
pub mod route;
pub mod rules_data;
pub mod state;
pub mod text;
pub mod timing;
pub mod weburl;

pub use components::app::App;

/// In-browser benchmark hook (`scripts/bench.sh` calls it through `window.wasmBindings`): lints
/// the raw response `raw` `iterations` times and returns microseconds per lint.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_lint(raw: &str, iterations: u32) -> f64 {
    use statuslab_rules::{http1, lint, Exchange, LintContext, Request};
    let Ok(response) = http1::parse_response(raw.as_bytes()) else { return -1.0 };
    let mut request = Request::new("GET", "https://app.example.com/items/42");
    request.headers.push("Origin", "https://app.example.com");
    let ex = Exchange { request: Some(request), response };
    let cx = LintContext { now: Some(1_795_645_000), page_origin: None };
    let start = net::now_ms();
    let mut n = 0usize;
    for _ in 0..iterations.max(1) {
        n += lint(&ex, &cx).len();
    }
    let elapsed = net::now_ms() - start;
    // `n` keeps the work observable.
    if n == usize::MAX {
        return -2.0;
    }
    elapsed * 1000.0 / iterations.max(1) as f64
}

/// The CORS verdict of the rules crate (`statuslab cors`), inside the browser: the matrix test
/// checks it against what Chromium did. Input and output are the CLI's JSON.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn cors_evaluate(case_json: &str) -> String {
    match serde_json::from_str::<statuslab_rules::fetch::CorsCase>(case_json) {
        Ok(case) => serde_json::to_string(&statuslab_rules::fetch::evaluate(&case)).unwrap_or_default(),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}
