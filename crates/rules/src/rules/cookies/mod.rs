//! Cookies (RFC 6265bis).

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[];
