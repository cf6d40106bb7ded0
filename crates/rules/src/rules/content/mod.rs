//! Content: what the body is and how it is described.

pub mod missing_content_type;

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &missing_content_type::MISSING_CONTENT_TYPE,
];
