//! `import::import` on arbitrary UTF-8: it must return `Ok` or `Err`, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = statuslab_rules::import::import(text);
        let _ = statuslab_rules::import::from_curl(text);
        let _ = statuslab_rules::import::from_har(text);
    }
});
