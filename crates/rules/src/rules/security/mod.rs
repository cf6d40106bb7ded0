//! Hardening headers.

pub mod missing_nosniff;

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &missing_nosniff::MISSING_NOSNIFF,
];
