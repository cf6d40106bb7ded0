//! Every rule, grouped by category (one folder each, one file per rule). Each category's
//! `mod.rs` lists its rules in `RULES`; this file joins them into the one registry table.

pub mod caching;
pub mod content;
pub mod cookies;
pub mod cors;
pub mod headers;
pub mod redirects;
pub mod security;
pub mod status;
pub(crate) mod structured;

use std::sync::LazyLock;

use crate::registry::Rule;

/// The categories' tables.
static CATEGORIES: &[&[&Rule]] = &[
    status::RULES,
    headers::RULES,
    caching::RULES,
    cors::RULES,
    redirects::RULES,
    security::RULES,
    cookies::RULES,
    content::RULES,
];

/// The registry: every rule, in code order.
pub static RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    let mut v: Vec<&'static Rule> = CATEGORIES.iter().flat_map(|c| c.iter().copied()).collect();
    v.sort_by_key(|r| r.code);
    v
});
