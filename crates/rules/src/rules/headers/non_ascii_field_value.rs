use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::{fetch, rfc};

use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// A response field value containing characters outside US-ASCII (raw UTF-8 or Latin-1
    /// bytes). `Location` is left to the redirect rules.
    ///
    /// ## Why it matters
    /// RFC 9110 §5.5: field values are historically ISO-8859-1, "Specifications for newly
    /// defined fields SHOULD limit their values to visible US-ASCII octets", and "a recipient
    /// SHOULD treat other allowed octets in field content (i.e., obs-text) as opaque data".
    /// Browsers expose header values as bytes decoded one byte per character (Fetch "isomorphic
    /// decode"), so UTF-8 text arrives garbled (`Ã©` for `é`), and some servers, proxies and
    /// HTTP/2 implementations reject such values.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Disposition: attachment; filename="résumé.pdf"
    /// Content-Type: application/pdf
    /// ```
    ///
    /// ## Fix
    /// Keep values ASCII: percent-encode URIs, use the RFC 8187 form for file names
    /// (`filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`, with an ASCII `filename` fallback), and
    /// encode free text (e.g. with RFC 2047 or percent-encoding) when a field must carry it.
    pub static NON_ASCII_FIELD_VALUE = {
        code: "HDR043",
        name: "non-ascii-field-value",
        category: Headers,
        severity: Info,
        summary: "Field values should be US-ASCII",
        specs: [rfc(9110, "5.5"), fetch("concept-header-value"), rfc(8187, "3.2")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    // The usual case, settled in one tight pass.
    if c.response().headers.0.iter().all(|(_, v)| v.is_ascii()) {
        return;
    }
    let found: Vec<(usize, String, String)> = c
        .response()
        .headers
        .iter()
        .enumerate()
        // `Location` has its own URI rule (browsers percent-encode UTF-8 there).
        .filter(|(_, (n, v))| !v.is_ascii() && !n.eq_ignore_ascii_case("Location"))
        .map(|(i, (n, v))| (i, n.to_string(), v.to_string()))
        .collect();
    for (i, name, v) in found {
        c.report(
            at(name.clone(), i),
            format!("`{name}: {v}` contains non-ASCII characters; clients read field values byte by byte, so they may see garbled text or reject the field."),
            "Keep field values ASCII (percent-encode, or use the RFC 8187 `*=UTF-8''…` parameter form).",
        );
    }
}
