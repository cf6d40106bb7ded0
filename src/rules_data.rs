//! Rule docs, fetched on demand from the server's `/api/rules` (the wasm app carries each rule's
//! code, name, summary and spec links, not its Markdown docs, to keep the first load small).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo_net::http::Request;
use serde::Deserialize;
use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RuleDoc {
    pub code: String,
    pub docs: String,
}

pub type RuleDocs = Rc<HashMap<String, String>>;

thread_local! {
    static CACHE: RefCell<Option<RuleDocs>> = const { RefCell::new(None) };
}

pub async fn load() -> Result<RuleDocs, String> {
    if let Some(r) = CACHE.with(|c| c.borrow().clone()) {
        return Ok(r);
    }
    let res = Request::get("/api/rules").send().await.map_err(|e| format!("could not load the rule docs: {e}"))?;
    if !res.ok() {
        return Err(format!("could not load the rule docs: HTTP {}", res.status()));
    }
    let text = res.text().await.map_err(|e| format!("could not read the rule docs: {e}"))?;
    let list: Vec<RuleDoc> = serde_json::from_str(&text).map_err(|e| format!("could not read the rule docs: {e}"))?;
    let map: RuleDocs = Rc::new(list.into_iter().map(|r| (r.code, r.docs)).collect());
    CACHE.with(|c| *c.borrow_mut() = Some(map.clone()));
    Ok(map)
}

#[hook]
pub fn use_rule_docs() -> Option<Result<RuleDocs, String>> {
    crate::lazy::use_loaded(CACHE.with(|c| c.borrow().clone()), load)
}

/// The text under `## {heading}` in a rule's Markdown docs.
pub fn section(docs: &str, heading: &str) -> String {
    let marker = format!("## {heading}");
    let Some(start) = docs.find(&marker).map(|i| i + marker.len()) else { return String::new() };
    let rest = &docs[start..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].trim().to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn sections() {
        let d = "## What it checks\nA.\n\n## Why it matters\nB.\n## Fix\nC.";
        assert_eq!(super::section(d, "Why it matters"), "B.");
        assert_eq!(super::section(d, "Fix"), "C.");
        assert_eq!(super::section(d, "Example"), "");
    }
}
