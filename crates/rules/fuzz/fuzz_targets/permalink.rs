//! The permalink decoder on arbitrary fragments: `Ok` or `Err`, never a panic; and what decodes
//! re-encodes to a link that decodes to the same state.
#![no_main]

use libfuzzer_sys::fuzz_target;
use statuslab_app::permalink;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(state) = permalink::decode(s) {
        let again = permalink::decode(&permalink::encode(&state)).expect("re-encoded link decodes");
        assert_eq!(again, state);
    }
});
