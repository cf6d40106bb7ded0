//! Status semantics: what each code requires of the response, read from the knowledge base.

pub mod basic_challenge_prompts;
pub mod content_on_bodiless_status;
pub mod created_without_location;
pub mod head_response_with_content;
pub mod method_not_allowed_without_allow;
pub mod missing_retry_after;
pub mod proxy_auth_without_challenge;
pub mod range_not_satisfiable_without_content_range;
pub mod redirect_without_location;
pub mod unauthorized_without_challenge;
pub mod unregistered_status_code;
pub mod unused_status_code;
pub mod upgrade_required_without_upgrade;

use crate::registry::Checker;

/// Shared check for "status `code` needs header `name`": the message quotes what the knowledge
/// base says breaks without it, so the rule and the reference say the same thing.
pub(crate) fn require_critical_header(c: &mut Checker<'_>, codes: &[u16], name: &str, fix: &str) {
    let status = c.status();
    if !codes.contains(&status) {
        return;
    }
    let why = crate::codes::get(status)
        .and_then(|e| e.header(name))
        .map(|h| format!(" {}", h.missing.trim()))
        .unwrap_or_default();
    let reason = crate::codes::reason(status);
    c.require_header(name, format!("A `{status} {reason}` response has no `{name}` header.{why}"), fix.to_string());
}

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &unauthorized_without_challenge::UNAUTHORIZED_WITHOUT_CHALLENGE,
    &proxy_auth_without_challenge::PROXY_AUTH_WITHOUT_CHALLENGE,
    &method_not_allowed_without_allow::METHOD_NOT_ALLOWED_WITHOUT_ALLOW,
    &redirect_without_location::REDIRECT_WITHOUT_LOCATION,
    &created_without_location::CREATED_WITHOUT_LOCATION,
    &missing_retry_after::MISSING_RETRY_AFTER,
    &range_not_satisfiable_without_content_range::RANGE_NOT_SATISFIABLE_WITHOUT_CONTENT_RANGE,
    &upgrade_required_without_upgrade::UPGRADE_REQUIRED_WITHOUT_UPGRADE,
    &content_on_bodiless_status::CONTENT_ON_BODILESS_STATUS,
    &head_response_with_content::HEAD_RESPONSE_WITH_CONTENT,
    &unused_status_code::UNUSED_STATUS_CODE,
    &unregistered_status_code::UNREGISTERED_STATUS_CODE,
    &basic_challenge_prompts::BASIC_CHALLENGE_PROMPTS,
];
