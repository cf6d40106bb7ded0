//! Every rule, grouped by category, and the one table that wires codes to checks.

pub mod caching;
pub mod content;
pub mod cors;
pub mod headers;
pub mod security;
pub mod status;

use crate::registry::Rule;

/// The registry: every rule, in code order.
pub static RULES: &[&Rule] = &[
    &caching::error_without_cache_control::ERROR_WITHOUT_CACHE_CONTROL,
    &content::missing_content_type::MISSING_CONTENT_TYPE,
    &cors::wildcard_origin_with_credentials::WILDCARD_ORIGIN_WITH_CREDENTIALS,
    &cors::reflected_origin_without_vary::REFLECTED_ORIGIN_WITHOUT_VARY,
    &headers::invalid_retry_after::INVALID_RETRY_AFTER,
    &security::missing_nosniff::MISSING_NOSNIFF,
    &status::unauthorized_without_challenge::UNAUTHORIZED_WITHOUT_CHALLENGE,
    &status::proxy_auth_without_challenge::PROXY_AUTH_WITHOUT_CHALLENGE,
    &status::method_not_allowed_without_allow::METHOD_NOT_ALLOWED_WITHOUT_ALLOW,
    &status::redirect_without_location::REDIRECT_WITHOUT_LOCATION,
    &status::created_without_location::CREATED_WITHOUT_LOCATION,
    &status::missing_retry_after::MISSING_RETRY_AFTER,
    &status::range_not_satisfiable_without_content_range::RANGE_NOT_SATISFIABLE_WITHOUT_CONTENT_RANGE,
    &status::upgrade_required_without_upgrade::UPGRADE_REQUIRED_WITHOUT_UPGRADE,
    &status::content_on_bodiless_status::CONTENT_ON_BODILESS_STATUS,
    &status::head_response_with_content::HEAD_RESPONSE_WITH_CONTENT,
    &status::unused_status_code::UNUSED_STATUS_CODE,
    &status::unregistered_status_code::UNREGISTERED_STATUS_CODE,
    &status::basic_challenge_prompts::BASIC_CHALLENGE_PROMPTS,
];
