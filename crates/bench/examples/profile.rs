//! `valgrind --tool=callgrind target/release/examples/profile` — where lint time goes.
use statuslab_bench::HTML_25;
use statuslab_rules::{http1, lint, Exchange, LintContext, Request};

fn main() {
    let response = http1::parse_response(HTML_25.as_bytes()).unwrap();
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
