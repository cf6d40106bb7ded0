//! Native lint speed on the two benchmark messages. `scripts/bench.sh` runs this and httplint on
//! the same messages in the same run and prints the ratio.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use statuslab_bench::{API_12, HTML_25};
use statuslab_rules::{http1, lint, Exchange, LintContext, Request};

fn exchange(raw: &str) -> Exchange {
    let response = http1::parse_response(raw.as_bytes()).expect("benchmark message parses");
    let mut request = Request::new("GET", "https://app.example.com/items/42");
    request.headers.push("Origin", "https://app.example.com");
    Exchange { request: Some(request), response }
}

fn bench(c: &mut Criterion) {
    let cx = LintContext { now: Some(1_795_645_000), page_origin: None };
    for (name, raw) in [("api-12-headers", API_12), ("html-25-headers", HTML_25)] {
        let ex = exchange(raw);
        c.bench_function(&format!("lint/{name}"), |b| b.iter(|| lint(black_box(&ex), black_box(&cx))));
        // The response alone: the input httplint gets.
        let bare = Exchange { request: None, response: ex.response.clone() };
        c.bench_function(&format!("lint-response/{name}"), |b| b.iter(|| lint(black_box(&bare), black_box(&cx))));
        c.bench_function(&format!("parse+lint/{name}"), |b| {
            b.iter(|| {
                let response = http1::parse_response(black_box(raw.as_bytes())).unwrap();
                lint(&Exchange { request: None, response }, &cx)
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
