//! Caching (RFC 9111).

pub mod error_without_cache_control;

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &error_without_cache_control::ERROR_WITHOUT_CACHE_CONTROL,
];
