//! CORS (Fetch standard §3.2).

pub mod reflected_origin_without_vary;
pub mod wildcard_origin_with_credentials;

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &wildcard_origin_with_credentials::WILDCARD_ORIGIN_WITH_CREDENTIALS,
    &reflected_origin_without_vary::REFLECTED_ORIGIN_WITHOUT_VARY,
];
