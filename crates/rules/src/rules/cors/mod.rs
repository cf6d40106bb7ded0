//! CORS (Fetch standard §3.2).

pub mod reflected_origin_without_vary;
pub mod wildcard_origin_with_credentials;
