use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::body_not_in_declared_charset::is_utf8_label;
use super::media;

declare_rule! {
    /// ## What it checks
    /// A JSON media type (`application/json`, `…+json`) with a `charset` parameter other than
    /// `utf-8` (e.g. `charset=iso-8859-1`, `charset=utf-16`).
    ///
    /// ## Why it matters
    /// RFC 8259 §8.1: "JSON text exchanged between systems that are not part of a closed
    /// ecosystem MUST be encoded using UTF-8", and §11: `application/json` defines no `charset`
    /// parameter — "adding one really has no effect on compliant recipients". Browsers'
    /// `response.json()` always decodes UTF-8; other clients honour the label. If the body
    /// really is in another encoding, the two disagree; if it is UTF-8, the label is wrong.
    /// (`charset=utf-8` is harmless and not reported, nor are the other labels the Encoding
    /// Standard gives UTF-8, such as `utf8` or `unicode-1-1-utf-8`.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json; charset=iso-8859-1
    ///
    /// {"city": "Zürich"}
    /// ```
    ///
    /// ## Fix
    /// Encode JSON as UTF-8 and send `Content-Type: application/json` (optionally
    /// `; charset=utf-8`).
    pub static JSON_NON_UTF8_CHARSET = {
        code: "CNT011",
        name: "json-non-utf8-charset",
        category: Content,
        severity: Warning,
        summary: "JSON is UTF-8; a different charset label is wrong or ignored",
        specs: [rfc(8259, "8.1"), rfc(8259, "11")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, m)) = media::response_mime(c) else { return };
    if !m.is_json() {
        return;
    }
    let Some(cs) = m.charset() else { return };
    // Any WHATWG label of UTF-8 names UTF-8 for browsers and for `body-not-in-declared-charset`.
    if is_utf8_label(cs) {
        return;
    }
    c.report(
        Target::Header { name: "Content-Type".into(), index: Some(i) },
        format!("`{}` is labelled `charset={cs}`, but JSON must be UTF-8: browsers ignore the label while other clients decode with it.", m.essence),
        format!("Encode the JSON as UTF-8 and send `Content-Type: {}` without another charset.", m.essence),
    );
}
