//! The raw HTTP/1.x parsers on arbitrary bytes: `Ok` or `Err`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = statuslab_rules::http1::parse_response(data);
    let _ = statuslab_rules::http1::parse_request(data);
});
