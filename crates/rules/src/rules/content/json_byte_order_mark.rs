use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::media;

declare_rule! {
    /// ## What it checks
    /// JSON content (`application/json`, `text/json`, `…+json`) that starts with a UTF-8 byte
    /// order mark (`EF BB BF`).
    ///
    /// ## Why it matters
    /// RFC 8259 §8.1: "Implementations MUST NOT add a byte order mark (U+FEFF) to the beginning
    /// of a networked-transmitted JSON text." Parsers MAY ignore it, and browsers' `response.json()`
    /// does, but many do not: Python's `json.loads` on bytes decoded as UTF-8, Go's
    /// `encoding/json`, `jq` and others fail with "invalid character" at offset 0.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    ///
    /// \xEF\xBB\xBF{"id": 42}
    /// ```
    ///
    /// ## Fix
    /// Write UTF-8 without a BOM (e.g. .NET `new UTF8Encoding(false)`, or strip it from static
    /// files saved by an editor).
    pub static JSON_BYTE_ORDER_MARK = {
        code: "CNT003",
        name: "json-byte-order-mark",
        category: Content,
        severity: Warning,
        summary: "JSON must not start with a byte order mark",
        specs: [rfc(8259, "8.1")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((_, m)) = media::response_mime(c) else { return };
    if !m.is_json() {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    if body.starts_with(media::UTF8_BOM) {
        c.report(
            Target::Body,
            format!("The `{}` content starts with a UTF-8 byte order mark, which JSON senders must not add and many parsers reject.", m.essence),
            "Write the JSON as UTF-8 without a byte order mark.",
        );
    }
}
