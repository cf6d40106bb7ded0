//! The views module (see `statuslab_app::deferred`): its entry points are the library's
//! `views` exports; nothing runs at start.

// Keep the library (and its `#[wasm_bindgen]` exports) linked in.
use statuslab_app as _;

fn main() {}
