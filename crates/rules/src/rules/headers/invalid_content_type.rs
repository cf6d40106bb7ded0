use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::{rfc, StaticSpec};

use super::syntax::{at, content_types, MediaTypeError};

declare_rule! {
    /// ## What it checks
    /// A `Content-Type` that is not a media type, `type/subtype` followed by optional
    /// `; name=value` parameters: empty, without a `/`, with spaces inside the type, several
    /// media types in one field, or a parameter browsers drop (no `=`, whitespace before `=`,
    /// empty value, unterminated quote). Empty parameters (`text/html;`) and unquoted values
    /// that browsers accept are not reported.
    ///
    /// ## Why it matters
    /// RFC 9110 §8.3.1 defines `media-type = type "/" subtype parameters`. Browsers parse it
    /// with the WHATWG "parse a MIME type" algorithm: an invalid type makes the response
    /// unlabelled, so the browser sniffs it (or blocks it as a script or style); a dropped
    /// `charset` parameter makes the browser guess the encoding.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: json
    ///
    /// {"ok": true}
    /// ```
    ///
    /// ## Fix
    /// Send one full media type: `Content-Type: application/json`, or
    /// `Content-Type: text/html; charset=utf-8` (no spaces around `=`).
    pub static INVALID_CONTENT_TYPE = {
        code: "HDR014",
        name: "invalid-content-type",
        category: Headers,
        severity: Warning,
        summary: "Content-Type must be a single media type with well-formed parameters",
        specs: [
            rfc(9110, "8.3.1"),
            rfc(9110, "5.6.6"),
            StaticSpec::Other("MIME Sniffing §parse a MIME type", "https://mimesniff.spec.whatwg.org/#parse-a-mime-type"),
        ],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for &(i, v, ref parsed) in content_types(c) {
        let msg = match parsed {
            Err(MediaTypeError::Empty) => "`Content-Type` is empty; clients treat the content as unlabelled and guess its type.".to_string(),
            Err(MediaTypeError::Several) => {
                format!("`Content-Type: {v}` lists several media types; only one is allowed, and clients differ in which one they use.")
            }
            Err(MediaTypeError::BadEssence) => {
                format!("`Content-Type: {v}` is not a `type/subtype` media type; clients treat the content as unlabelled and guess its type.")
            }
            Ok(mt) => match mt.bad_params.first() {
                Some(p) => format!("`Content-Type: {v}` has a malformed parameter `{p}`, which browsers ignore."),
                None => continue,
            },
        };
        c.report(at("Content-Type", i), msg, "Send one media type, e.g. `Content-Type: text/html; charset=utf-8`.".to_string());
    }
}
