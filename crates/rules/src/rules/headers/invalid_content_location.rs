use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, lines, uri_reference_problem};

declare_rule! {
    /// ## What it checks
    /// A `Content-Location` that cannot be a URI reference: empty, or containing whitespace or
    /// control characters. (Like browsers, relative references and unencoded non-ASCII
    /// characters are accepted.)
    ///
    /// ## Why it matters
    /// `Content-Location = absolute-URI / partial-URI` (RFC 9110 §8.7) identifies the resource
    /// that the content represents; caches may use it to invalidate or store the response
    /// under that URI (RFC 9111 §4.4), and clients resolve it against the request URI. A value
    /// with spaces or control characters is not a URI; recipients reject or mangle it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Location: /docs/index.en.html (english)
    /// Content-Type: text/html
    ///
    /// <p>Hello</p>
    /// ```
    ///
    /// ## Fix
    /// Send a URI, percent-encoding spaces: `Content-Location: /docs/index.en.html`.
    pub static INVALID_CONTENT_LOCATION = {
        code: "HDR032",
        name: "invalid-content-location",
        category: Headers,
        severity: Warning,
        summary: "Content-Location must be a URI reference",
        specs: [rfc(9110, "8.7"), rfc(3986, "4.1")],
        requires: &["Content-Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for (i, v) in lines(c, "Content-Location") {
        if let Some(problem) = uri_reference_problem(v) {
            let shown = if v.trim_fast().is_empty() { "`Content-Location`".to_string() } else { format!("`Content-Location: {v}`") };
            c.report(
                at("Content-Location", i),
                format!("{shown} {problem}, so it is not a URI reference; recipients cannot resolve it."),
                "Send a URI with spaces percent-encoded as `%20`.",
            );
        }
    }
}
