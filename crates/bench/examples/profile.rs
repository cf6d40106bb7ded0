//! `valgrind --tool=callgrind target/release/examples/profile [api]` — where lint time goes (on
//! the HTML benchmark message, or the API one with `api`).
use statuslab_bench::{API_12, HTML_25};
use statuslab_rules::{http1, lint, Exchange, LintContext, Request};

fn main() {
    let raw = if std::env::args().nth(1).as_deref() == Some("api") { API_12 } else { HTML_25 };
    let response = http1::parse_response(raw.as_bytes()).unwrap();
    let mut request = Request::new("GET", "https://app.example.com/items/42");
    request.headers.push("Origin", "https://app.example.com");
    let ex = Exchange { request: Some(request), response };
    let cx = LintContext { now: Some(1_795_645_000), page_origin: None };
    let mut n = 0;
    for _ in 0..300 {
        n += lint(&ex, &cx).len();
    }
    println!("{n}");
}
