use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::media;

declare_rule! {
    /// ## What it checks
    /// A response labelled with a JSON media type (`application/json`, `text/json` or any
    /// `…+json`) whose content does not parse as JSON. A leading UTF-8 byte order mark is
    /// tolerated here (it has its own rule); content-coded, chunked, partial or truncated
    /// captures are skipped.
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
        specs: [rfc(8259, "2"), rfc(6839, "3.1")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((_, m)) = media::response_mime(c) else { return };
    if !m.is_json() {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    let err = match serde_json::from_slice::<AnyJson>(media::strip_bom(body)) {
        Ok(_) => return,
        Err(e) => e,
    };
    let text = err.to_string();
    if text.contains("recursion limit") {
        return;
    }
    c.report(
        Target::Body,
        format!("The content is labelled `{}` but is not valid JSON: {text}.", m.essence),
        "Serialize the body with a JSON library, or label it with its real media type.".to_string(),
    );
}

/// Accepts any JSON value and keeps nothing. The parser takes the same paths as for
/// `serde_json::Value` (everything through `deserialize_any`: numbers range-checked, strings
/// unescaped, nesting depth limited), so it fails on the same input with the same error, without
/// allocating the document.
struct AnyJson;

impl<'de> serde::Deserialize<'de> for AnyJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(AnyJson)
    }
}

impl<'de> serde::de::Visitor<'de> for AnyJson {
    type Value = AnyJson;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any valid JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_i64<E>(self, _: i64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_u64<E>(self, _: u64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_f64<E>(self, _: f64) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_str<E>(self, _: &str) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_unit<E>(self) -> Result<AnyJson, E> {
        Ok(AnyJson)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<AnyJson, A::Error> {
        while seq.next_element::<AnyJson>()?.is_some() {}
        Ok(AnyJson)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<AnyJson, A::Error> {
        while map.next_key::<AnyJson>()?.is_some() {
            map.next_value::<AnyJson>()?;
        }
        Ok(AnyJson)
    }
}

#[cfg(test)]
mod tests {
    use super::AnyJson;

    /// Same verdict and message as parsing into `serde_json::Value`.
    #[test]
    fn errors_match_value() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        for doc in [
            "{\"a\": [1, 2.5, -3, 1e400, true, null, \"x\\u00e9\"]}", "{\"a\": 1,}", "[1, 2", "{1: 2}", "\"\\q\"",
            "nul", "1 2", "", "  ", "{\"a\":\"\\ud800\"}", "18446744073709551616", "-0", "[\"\u{7f}\", \"\n\"]",
            "{\"k\" 1}", &deep, "\u{feff}{}", "{\"a\":{\"b\":[{}]}}",
        ] {
            let any = serde_json::from_str::<AnyJson>(doc).err().map(|e| e.to_string());
            let value = serde_json::from_str::<serde_json::Value>(doc).err().map(|e| e.to_string());
            assert_eq!(any, value, "{doc:?}");
        }
    }
}
