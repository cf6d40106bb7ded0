//! Status semantics: what each code requires of the response, read from the knowledge base.

pub mod basic_challenge_prompts;
pub mod bearer_error_status_mismatch;
pub mod byteranges_for_single_range;
pub mod byteranges_with_content_range;
pub mod byteranges_without_boundary;
pub mod content_on_bodiless_status;
pub mod created_without_location;
pub mod error_exposes_stack_trace;
pub mod expectation_failed_without_expect;
pub mod head_response_with_content;
pub(crate) mod helpers;
pub mod interim_status_as_final;
pub mod invalid_partial_content_range;
pub mod invalid_websocket_accept;
pub mod legal_block_without_blocked_by;
pub mod length_required_with_content_length;
pub mod location_on_non_redirect;
pub mod malformed_auth_challenge;
pub mod method_not_allowed_without_allow;
pub mod missing_retry_after;
pub mod multiple_choices_without_location;
pub mod not_acceptable_without_negotiation;
pub mod not_modified_despite_modification;
pub mod not_modified_etag_mismatch;
pub mod not_modified_to_unsafe_method;
pub mod not_modified_without_conditional_request;
pub mod not_modified_with_representation_metadata;
pub mod not_modified_without_etag;
pub mod options_without_allow;
pub mod partial_content_without_content_range;
pub mod partial_content_without_range_request;
pub mod post_redirect_becomes_get;
pub mod precondition_failed_without_precondition;
pub mod problem_status_mismatch;
pub mod proxy_auth_without_challenge;
pub mod range_not_satisfiable_malformed_content_range;
pub mod range_not_satisfiable_without_content_range;
pub mod range_not_satisfiable_without_range_request;
pub mod reason_phrase_mismatch;
pub mod redirect_without_location;
pub mod retry_after_already_passed;
pub mod success_with_problem_details;
pub mod switching_protocols_without_upgrade;
pub mod switching_to_unrequested_protocol;
pub mod unauthorized_without_challenge;
pub mod unknown_bearer_error;
pub mod unregistered_status_code;
pub mod unsupported_media_type_without_accepted_types;
pub mod unused_status_code;
pub mod upgrade_required_without_upgrade;
pub mod upgrade_without_connection_upgrade;

use crate::model::TrimExt;
use crate::registry::Checker;

/// Shared check for "status `code` needs header `name`", for the codes the rule declares in its
/// `statuses`: the message quotes what the knowledge base says breaks without it, so the rule
/// and the reference say the same thing.
#[inline(always)]
pub(crate) fn require_critical_header(c: &mut Checker<'_>, name: &'static str, fix: &'static str) {
    // The status test inlined into each rule: most responses have none of its codes, and the
    // rest below has a costly prologue.
    let status = c.status();
    if c.rule().statuses.admits(status) {
        report_missing_critical_header(c, status, name, fix);
    }
}

#[inline(never)]
fn report_missing_critical_header(c: &mut Checker<'_>, status: u16, name: &'static str, fix: &'static str) {
    let why = crate::codes::get(status)
        .and_then(|e| e.header(name))
        .map(|h| format!(" {}", h.missing.trim_fast()))
        .unwrap_or_default();
    let reason = crate::codes::reason(status);
    c.require_header(name, format!("A `{status} {reason}` response has no `{name}` header.{why}"), fix);
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
    &interim_status_as_final::INTERIM_STATUS_AS_FINAL,
    &partial_content_without_content_range::PARTIAL_CONTENT_WITHOUT_CONTENT_RANGE,
    &partial_content_without_range_request::PARTIAL_CONTENT_WITHOUT_RANGE_REQUEST,
    &byteranges_without_boundary::BYTERANGES_WITHOUT_BOUNDARY,
    &byteranges_with_content_range::BYTERANGES_WITH_CONTENT_RANGE,
    &byteranges_for_single_range::BYTERANGES_FOR_SINGLE_RANGE,
    &invalid_partial_content_range::INVALID_PARTIAL_CONTENT_RANGE,
    &range_not_satisfiable_malformed_content_range::RANGE_NOT_SATISFIABLE_MALFORMED_CONTENT_RANGE,
    &range_not_satisfiable_without_range_request::RANGE_NOT_SATISFIABLE_WITHOUT_RANGE_REQUEST,
    &not_modified_without_conditional_request::NOT_MODIFIED_WITHOUT_CONDITIONAL_REQUEST,
    &not_modified_to_unsafe_method::NOT_MODIFIED_TO_UNSAFE_METHOD,
    &not_modified_without_etag::NOT_MODIFIED_WITHOUT_ETAG,
    &not_modified_with_representation_metadata::NOT_MODIFIED_WITH_REPRESENTATION_METADATA,
    &not_modified_etag_mismatch::NOT_MODIFIED_ETAG_MISMATCH,
    &not_modified_despite_modification::NOT_MODIFIED_DESPITE_MODIFICATION,
    &precondition_failed_without_precondition::PRECONDITION_FAILED_WITHOUT_PRECONDITION,
    &expectation_failed_without_expect::EXPECTATION_FAILED_WITHOUT_EXPECT,
    &length_required_with_content_length::LENGTH_REQUIRED_WITH_CONTENT_LENGTH,
    &options_without_allow::OPTIONS_WITHOUT_ALLOW,
    &location_on_non_redirect::LOCATION_ON_NON_REDIRECT,
    &multiple_choices_without_location::MULTIPLE_CHOICES_WITHOUT_LOCATION,
    &malformed_auth_challenge::MALFORMED_AUTH_CHALLENGE,
    &unknown_bearer_error::UNKNOWN_BEARER_ERROR,
    &bearer_error_status_mismatch::BEARER_ERROR_STATUS_MISMATCH,
    &unsupported_media_type_without_accepted_types::UNSUPPORTED_MEDIA_TYPE_WITHOUT_ACCEPTED_TYPES,
    &upgrade_without_connection_upgrade::UPGRADE_WITHOUT_CONNECTION_UPGRADE,
    &switching_protocols_without_upgrade::SWITCHING_PROTOCOLS_WITHOUT_UPGRADE,
    &switching_to_unrequested_protocol::SWITCHING_TO_UNREQUESTED_PROTOCOL,
    &invalid_websocket_accept::INVALID_WEBSOCKET_ACCEPT,
    &legal_block_without_blocked_by::LEGAL_BLOCK_WITHOUT_BLOCKED_BY,
    &reason_phrase_mismatch::REASON_PHRASE_MISMATCH,
    &success_with_problem_details::SUCCESS_WITH_PROBLEM_DETAILS,
    &problem_status_mismatch::PROBLEM_STATUS_MISMATCH,
    &error_exposes_stack_trace::ERROR_EXPOSES_STACK_TRACE,
    &retry_after_already_passed::RETRY_AFTER_ALREADY_PASSED,
    &post_redirect_becomes_get::POST_REDIRECT_BECOMES_GET,
    &not_acceptable_without_negotiation::NOT_ACCEPTABLE_WITHOUT_NEGOTIATION,
];
