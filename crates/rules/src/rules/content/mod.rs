//! Content: what the body is and how it is described.

pub mod media;
pub(crate) mod json;

pub mod body_not_in_declared_charset;
pub mod compressed_body_without_content_encoding;
pub mod duplicate_json_keys;
pub mod html_body_mislabelled;
pub mod html_without_charset;
pub mod invalid_json_body;
pub mod json_byte_order_mark;
pub mod json_non_utf8_charset;
pub mod json_served_as_html;
pub mod missing_content_type;
pub mod problem_details_not_object;
pub mod problem_details_without_title;
pub mod problem_details_as_plain_json;
pub mod problem_member_wrong_type;
pub mod text_without_charset;

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &missing_content_type::MISSING_CONTENT_TYPE,
    &invalid_json_body::INVALID_JSON_BODY,
    &json_byte_order_mark::JSON_BYTE_ORDER_MARK,
    &problem_details_not_object::PROBLEM_DETAILS_NOT_OBJECT,
    &problem_member_wrong_type::PROBLEM_MEMBER_WRONG_TYPE,
    &problem_details_without_title::PROBLEM_DETAILS_WITHOUT_TITLE,
    &text_without_charset::TEXT_WITHOUT_CHARSET,
    &html_without_charset::HTML_WITHOUT_CHARSET,
    &html_body_mislabelled::HTML_BODY_MISLABELLED,
    &json_served_as_html::JSON_SERVED_AS_HTML,
    &json_non_utf8_charset::JSON_NON_UTF8_CHARSET,
    &duplicate_json_keys::DUPLICATE_JSON_KEYS,
    &problem_details_as_plain_json::PROBLEM_DETAILS_AS_PLAIN_JSON,
    &body_not_in_declared_charset::BODY_NOT_IN_DECLARED_CHARSET,
    &compressed_body_without_content_encoding::COMPRESSED_BODY_WITHOUT_CONTENT_ENCODING,
];

use crate::registry::Checker;

/// The problem-details object of an `application/problem+json` response, when the body parses.
pub(crate) fn problem_details(c: &Checker<'_>) -> Option<serde_json::Value> {
    let (_, m) = media::response_mime(c)?;
    if !m.is_problem_json() {
        return None;
    }
    media::parse_json(media::plain_body(c)?)
}

/// Whether the bytes start with a UTF-8 or UTF-16 byte order mark (which decides the encoding
/// over any label, WHATWG Encoding "decode").
pub(crate) fn has_bom(b: &[u8]) -> bool {
    b.starts_with(media::UTF8_BOM) || b.starts_with(b"\xFE\xFF") || b.starts_with(b"\xFF\xFE")
}
