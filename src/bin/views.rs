//! The views module (see `statuslab_app::deferred`): its entry points are the library's
//! `views` exports; nothing runs at start.

// Keep the library (and its `#[wasm_bindgen]` exports) linked in.
use statuslab_app as _;

/// Size-class free lists in front of dlmalloc (`statuslab_app::alloc`): one thread only.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
// SAFETY: no other thread exists there.
static ALLOC: statuslab_app::alloc::SizeClassCache = unsafe { statuslab_app::alloc::SizeClassCache::new() };

fn main() {}
