//! Field syntax: one module per header field (or per problem), the shared parsers in `syntax`.

pub mod charset_on_binary_type;
pub mod chunked_applied_twice;
pub mod chunked_not_final;
pub mod conflicting_connection_options;
pub mod conflicting_content_length;
pub mod connection_names_end_to_end_field;
pub mod content_length_mismatch;
pub mod content_length_on_bodiless_status;
pub mod content_digest_mismatch;
pub mod content_encoding_not_accepted;
pub mod content_length_with_transfer_encoding;
pub mod content_range_ignored;
pub mod date_in_future;
pub(crate) mod digest;
pub mod duplicate_singleton_field;
pub mod empty_field_value;
pub mod forbidden_trailer_field;
pub mod identity_content_encoding;
pub mod ineffective_link_hint;
pub mod insecure_digest_algorithm;
pub mod invalid_age;
pub mod invalid_allow;
pub mod invalid_alt_svc;
pub mod invalid_content_language;
pub mod invalid_content_length;
pub mod invalid_content_location;
pub mod invalid_content_type;
pub mod invalid_date;
pub mod invalid_deprecation;
pub mod invalid_content_disposition;
pub mod invalid_digest_field;
pub mod invalid_want_digest;
pub mod invalid_etag;
pub mod invalid_expires;
pub mod invalid_last_modified;
pub mod invalid_link;
pub mod invalid_ratelimit;
pub mod invalid_ratelimit_policy;
pub mod invalid_retry_after;
pub mod invalid_vary;
pub mod keep_alive_without_connection;
pub mod last_modified_in_future;
pub mod missing_date;
pub mod multipart_without_boundary;
pub mod non_ascii_field_value;
pub mod obsolete_header_field;
pub mod invalid_use_as_dictionary;
pub mod oversized_header_section;
pub mod proxy_connection_field;
pub mod repeated_content_length;
pub mod repeated_media_type_parameter;
pub mod request_field_in_response;
pub(crate) mod syntax;
pub mod transfer_encoding_on_bodiless_status;
pub mod unknown_charset;
pub mod unknown_content_encoding;
pub mod unknown_range_unit;
pub mod unknown_transfer_coding;
pub mod unsafe_download_filename;
pub mod upgrade_without_connection;
pub mod vary_host;
pub mod vary_star_with_others;
pub mod invalid_server_timing;
pub mod invalid_sunset;
pub mod sunset_in_the_past;
pub mod sunset_before_deprecation;

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &invalid_deprecation::INVALID_DEPRECATION,
    &invalid_ratelimit::INVALID_RATELIMIT,
    &invalid_ratelimit_policy::INVALID_RATELIMIT_POLICY,
    &invalid_digest_field::INVALID_DIGEST_FIELD,
    &insecure_digest_algorithm::INSECURE_DIGEST_ALGORITHM,
    &content_digest_mismatch::CONTENT_DIGEST_MISMATCH,
    &invalid_want_digest::INVALID_WANT_DIGEST,
    &content_encoding_not_accepted::CONTENT_ENCODING_NOT_ACCEPTED,
    &invalid_content_disposition::INVALID_CONTENT_DISPOSITION,
    &unsafe_download_filename::UNSAFE_DOWNLOAD_FILENAME,
    &invalid_retry_after::INVALID_RETRY_AFTER,
    &invalid_date::INVALID_DATE,
    &missing_date::MISSING_DATE,
    &date_in_future::DATE_IN_FUTURE,
    &invalid_content_length::INVALID_CONTENT_LENGTH,
    &conflicting_content_length::CONFLICTING_CONTENT_LENGTH,
    &repeated_content_length::REPEATED_CONTENT_LENGTH,
    &content_length_mismatch::CONTENT_LENGTH_MISMATCH,
    &content_length_with_transfer_encoding::CONTENT_LENGTH_WITH_TRANSFER_ENCODING,
    &chunked_not_final::CHUNKED_NOT_FINAL,
    &chunked_applied_twice::CHUNKED_APPLIED_TWICE,
    &unknown_transfer_coding::UNKNOWN_TRANSFER_CODING,
    &transfer_encoding_on_bodiless_status::TRANSFER_ENCODING_ON_BODILESS_STATUS,
    &invalid_content_type::INVALID_CONTENT_TYPE,
    &charset_on_binary_type::CHARSET_ON_BINARY_TYPE,
    &unknown_charset::UNKNOWN_CHARSET,
    &multipart_without_boundary::MULTIPART_WITHOUT_BOUNDARY,
    &repeated_media_type_parameter::REPEATED_MEDIA_TYPE_PARAMETER,
    &invalid_etag::INVALID_ETAG,
    &invalid_last_modified::INVALID_LAST_MODIFIED,
    &last_modified_in_future::LAST_MODIFIED_IN_FUTURE,
    &invalid_expires::INVALID_EXPIRES,
    &invalid_age::INVALID_AGE,
    &invalid_vary::INVALID_VARY,
    &vary_star_with_others::VARY_STAR_WITH_OTHERS,
    &vary_host::VARY_HOST,
    &invalid_allow::INVALID_ALLOW,
    &unknown_range_unit::UNKNOWN_RANGE_UNIT,
    &unknown_content_encoding::UNKNOWN_CONTENT_ENCODING,
    &identity_content_encoding::IDENTITY_CONTENT_ENCODING,
    &invalid_content_language::INVALID_CONTENT_LANGUAGE,
    &invalid_link::INVALID_LINK,
    &invalid_content_location::INVALID_CONTENT_LOCATION,
    &empty_field_value::EMPTY_FIELD_VALUE,
    &duplicate_singleton_field::DUPLICATE_SINGLETON_FIELD,
    &keep_alive_without_connection::KEEP_ALIVE_WITHOUT_CONNECTION,
    &proxy_connection_field::PROXY_CONNECTION_FIELD,
    &connection_names_end_to_end_field::CONNECTION_NAMES_END_TO_END_FIELD,
    &conflicting_connection_options::CONFLICTING_CONNECTION_OPTIONS,
    &upgrade_without_connection::UPGRADE_WITHOUT_CONNECTION,
    &forbidden_trailer_field::FORBIDDEN_TRAILER_FIELD,
    &content_range_ignored::CONTENT_RANGE_IGNORED,
    &invalid_alt_svc::INVALID_ALT_SVC,
    &non_ascii_field_value::NON_ASCII_FIELD_VALUE,
    &request_field_in_response::REQUEST_FIELD_IN_RESPONSE,
    &obsolete_header_field::OBSOLETE_HEADER_FIELD,
    &invalid_server_timing::INVALID_SERVER_TIMING,
    &invalid_sunset::INVALID_SUNSET,
    &sunset_in_the_past::SUNSET_IN_THE_PAST,
    &sunset_before_deprecation::SUNSET_BEFORE_DEPRECATION,
    &oversized_header_section::OVERSIZED_HEADER_SECTION,
    &ineffective_link_hint::INEFFECTIVE_LINK_HINT,
    &content_length_on_bodiless_status::CONTENT_LENGTH_ON_BODILESS_STATUS,
    &invalid_use_as_dictionary::INVALID_USE_AS_DICTIONARY,
];
