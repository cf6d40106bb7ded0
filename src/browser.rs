//! Thin, panic-free wrappers over the browser APIs the sharing features use: the address bar's
//! fragment, sessionStorage, localStorage, the clipboard, and the parent frame.

use wasm_bindgen::JsValue;

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The fragment without `#` (empty when none).
pub fn hash() -> String {
    window().and_then(|w| w.location().hash().ok()).map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

/// Replaces the fragment without adding a history entry (the address bar follows the composer).
pub fn replace_hash(fragment: &str) {
    if let Some(w) = window() {
        if let Ok(h) = w.history() {
            let url = if fragment.is_empty() {
                let l = w.location();
                format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default())
            } else {
                format!("#{fragment}")
            };
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// The query string's value for `key` (`?theme=dark`).
pub fn query(key: &str) -> Option<String> {
    let search = window()?.location().search().ok()?;
    crate::weburl::query_param(&search, key)
}

pub fn href() -> String {
    window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

pub fn session_get(key: &str) -> Option<String> {
    window()?.session_storage().ok()??.get_item(key).ok()?
}

pub fn session_set(key: &str, value: &str) {
    if let Some(s) = window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = s.set_item(key, value);
    }
}

pub fn local_get(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Stores `value`; returns false when the browser refused (quota, private mode).
pub fn local_set(key: &str, value: &str) -> bool {
    window().and_then(|w| w.local_storage().ok().flatten()).map(|s| s.set_item(key, value).is_ok()).unwrap_or(false)
}

pub fn local_remove(key: &str) {
    if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.remove_item(key);
    }
}

/// Writes to the clipboard (may be refused without a user gesture; the text stays visible).
pub fn copy(text: &str) {
    if let Some(w) = window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Tells the embedding page (if any) the document's height, for `/embed` iframes.
pub fn post_height(height: i32) {
    if let Some(w) = window() {
        if let Ok(Some(parent)) = w.parent() {
            if parent != w {
                let msg = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&msg, &"type".into(), &"statuslab:height".into());
                let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
                let _ = parent.post_message(&msg, "*");
            }
        }
    }
}

pub fn document_height() -> i32 {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| e.scroll_height())
        .unwrap_or(0)
}
