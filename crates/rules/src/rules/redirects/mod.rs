//! Redirects (RFC 9110 §15.4, Fetch §http-redirect-fetch).

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[];
