use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A response labelled with a JSON media type (`application/json`, `text/json` or any
    /// `…+json`) whose content does not parse as JSON. A leading UTF-8 byte order mark is
    /// tolerated here (it has its own rule); content-coded, chunked, partial or truncated
    /// captures are skipped.
    ///
    /// What parses is what `response.json()` takes (checked in Chromium): numbers too large for
    /// a double (`1e400` becomes `Infinity`), lone surrogate escapes such as `"\ud83d"` (what
    /// `JSON.stringify` writes for a string cut inside an emoji), any depth. Octets that are not
    /// UTF-8 are reported: RFC 8259 §8.1 requires UTF-8; browsers do not reject such a body but
    /// decode those octets as U+FFFD, so the data arrives corrupted.
    ///
    /// ## Why it matters
    /// JSON clients — `response.json()` in browsers, every API SDK — reject the whole response
    /// when the text is not valid JSON (RFC 8259 §2), so the caller sees a parse error instead
    /// of the data or the error details. Typical causes: an HTML error page from a proxy under
    /// a JSON label, a trailing comma, single quotes, a debug message printed before the JSON,
    /// or `NaN`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    ///
    /// {'id': 42, 'tags': ['a', 'b',]}
    /// ```
    ///
    /// ## Fix
    /// Produce the body with a JSON serializer, and label non-JSON responses (HTML error pages,
    /// plain text) with their real type.
    pub static INVALID_JSON_BODY = {
        code: "CNT002",
        name: "invalid-json-body",
        category: Content,
        severity: Warning,
        summary: "Content labelled as JSON must parse as JSON",
        specs: [rfc(8259, "2"), rfc(8259, "8.1"), rfc(6839, "3.1")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(text) = super::json::response_json(c).and_then(|j| j.error.as_deref()) else { return };
    // Compressed bytes are `compressed-body-without-content-encoding`'s: it says why.
    if super::media::plain_body(c).and_then(super::compressed_body_without_content_encoding::compression).is_some() {
        return;
    }
    let Some((_, m)) = super::media::response_mime(c) else { return };
    c.report(
        Target::Body,
        format!("The content is labelled `{}` but is not valid JSON: {text}.", m.essence),
        "Serialize the body with a JSON library, or label it with its real media type.",
    );
}
