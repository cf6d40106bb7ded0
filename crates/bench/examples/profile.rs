//! `valgrind --tool=callgrind --toggle-collect=profile::run target/release/examples/profile [api|html|FILE] [bare]`
//! — where lint time goes (on the HTML benchmark message, or the API one with `api`; `bare` leaves the request out;
//! `parse` instead times `http1::parse_response`, with `--toggle-collect=profile::runparse`). One lint
//! runs before `run` so that one-time initialisation (the rule table, the status-code data) stays
//! out of the counts.
use statuslab_bench::{API_12, HTML_25};
use statuslab_rules::{http1, lint, Exchange, LintContext, Request};

/// The raw-message parser alone (`parse`, with `--toggle-collect=profile::runparse`).
#[inline(never)]
fn runparse(raw: &str, times: usize) -> usize {
    (0..times).map(|_| http1::parse_response(std::hint::black_box(raw.as_bytes())).unwrap().headers.len()).sum()
}

#[inline(never)]
fn run(ex: &Exchange, cx: &LintContext, times: usize) -> usize {
    (0..times).map(|_| lint(ex, cx).len()).sum()
}

fn main() {
    // `api`, `html`, or the path of any raw response.
    let arg = std::env::args().nth(1).unwrap_or_default();
    let file;
    let raw = match arg.as_str() {
        "api" => API_12,
        "html" | "" => HTML_25,
        path => {
            file = std::fs::read_to_string(path).expect("a readable raw response");
            file.as_str()
        }
    };
    // `bare`: the response alone, as httplint gets it.
    let bare = std::env::args().nth(2).as_deref() == Some("bare");
    let response = http1::parse_response(raw.as_bytes()).unwrap();
    let mut request = Request::new("GET", "https://app.example.com/items/42");
    request.headers.push("Origin", "https://app.example.com");
    let ex = Exchange { request: (!bare).then_some(request), response };
    let cx = LintContext { now: Some(1_795_645_000), page_origin: None };
    if std::env::args().nth(2).as_deref() == Some("parse") {
        let warm_up = http1::parse_response(raw.as_bytes()).unwrap().headers.len();
        println!("{}", warm_up + runparse(raw, 300));
        return;
    }
    let warm_up = lint(&ex, &cx).len();
    println!("{}", warm_up + run(&ex, &cx, 300));
}
