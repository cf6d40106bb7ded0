//! Field syntax: one module per header field.

pub mod invalid_retry_after;

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &invalid_retry_after::INVALID_RETRY_AFTER,
];
