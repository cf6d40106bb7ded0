//! One hook for data fetched once on demand and kept for the page's lifetime (the reference
//! prose, the rule docs): `None` while loading, then the data or why it could not be loaded.

use std::future::Future;

use yew::prelude::*;

/// `cached` is what an earlier load left (used at once, no request); otherwise `load` runs once
/// after the first render.
#[hook]
pub fn use_loaded<T, F, Fut>(cached: Option<T>, load: F) -> Option<Result<T, String>>
where
    T: Clone + 'static,
    F: FnOnce() -> Fut + 'static,
    Fut: Future<Output = Result<T, String>> + 'static,
{
    let state = use_state(|| cached.map(Ok));
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if state.is_none() {
                wasm_bindgen_futures::spawn_local(async move { state.set(Some(load().await)) });
            }
        });
    }
    (*state).clone()
}
