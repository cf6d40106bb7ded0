//! Every rule and field parser on an arbitrary raw response (and optional request): never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statuslab_rules::{http1, lint, Exchange, LintContext};

fuzz_target!(|data: &[u8]| {
    // The first 0xff byte, if any, separates a raw request from the raw response.
    let (req, res) = match data.iter().position(|&b| b == 0xff) {
        Some(i) => (Some(&data[..i]), &data[i + 1..]),
        None => (None, data),
    };
    if let Ok(response) = http1::parse_response(res) {
        let request = req.and_then(|r| http1::parse_request(r).ok());
        let _ = lint(&Exchange { request, response }, &LintContext { now: Some(1_795_645_000), page_origin: None });
    }
});
