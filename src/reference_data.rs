//! The status-code reference prose, fetched on first use from `/codes/*.json` (the same files
//! the rules crate is built from) and kept for the page's lifetime. The core fields (reason,
//! critical headers…) are compiled in; only the prose is lazy, to keep the first load small.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_net::http::Request;
use statuslab_rules::codes::{self, StatusEntry};
use yew::prelude::*;

pub type Reference = Rc<Vec<StatusEntry>>;

thread_local! {
    static CACHE: RefCell<Option<Reference>> = const { RefCell::new(None) };
}

async fn fetch_file(name: &'static str) -> Result<Vec<StatusEntry>, String> {
    let res = Request::get(&format!("/codes/{name}"))
        .send()
        .await
        .map_err(|e| format!("could not load the reference ({name}): {e}"))?;
    if !res.ok() {
        return Err(format!("could not load the reference ({name}): HTTP {}", res.status()));
    }
    let text = res.text().await.map_err(|e| format!("could not read the reference ({name}): {e}"))?;
    codes::parse_source(name, &text)
}

/// Loads every data file (in parallel) once.
pub async fn load() -> Result<Reference, String> {
    if let Some(r) = CACHE.with(|c| c.borrow().clone()) {
        return Ok(r);
    }
    let results = futures::future::join_all(codes::DATA_FILES.iter().map(|f| fetch_file(f))).await;
    let mut all = Vec::new();
    for r in results {
        all.extend(r?);
    }
    codes::sort_entries(&mut all);
    let r = Rc::new(all);
    CACHE.with(|c| *c.borrow_mut() = Some(r.clone()));
    Ok(r)
}

/// `None` while loading, then the reference or a message saying why it could not be loaded.
#[hook]
pub fn use_reference() -> Option<Result<Reference, String>> {
    crate::lazy::use_loaded(CACHE.with(|c| c.borrow().clone()), load)
}
