use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// A `206 Partial Content` labelled `multipart/byteranges` whose `Content-Type` has no
    /// `boundary` parameter, or whose content does not contain the boundary delimiter
    /// `--<boundary>`.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.3.7.2: a multipart 206 MUST carry "a Content-Type header field containing
    /// the multipart/byteranges media type and its required boundary parameter". The boundary
    /// is the only way to find where each part starts (RFC 2046 §5.1.1); without it, or when
    /// it never appears in the content, the client cannot split the parts.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 206 Partial Content
    /// Content-Type: multipart/byteranges
    /// Content-Length: 385
    /// ```
    ///
    /// ## Fix
    /// Send `Content-Type: multipart/byteranges; boundary=THIS_STRING_SEPARATES` and separate
    /// the parts with `--THIS_STRING_SEPARATES` lines, ending with `--THIS_STRING_SEPARATES--`.
    pub static BYTERANGES_WITHOUT_BOUNDARY = {
        code: "STA017",
        name: "byteranges-without-boundary",
        category: Status,
        severity: Error,
        summary: "A multipart/byteranges 206 needs a boundary that delimits its parts",
        specs: [rfc(9110, "15.3.7.2"), rfc(9110, "14.6"), StaticSpec::Other("RFC 2046 §5.1.1", "https://www.rfc-editor.org/rfc/rfc2046.html#section-5.1.1")],
        statuses: Codes(&[206]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 206 {
        return;
    }
    let Some((i, v)) = c.header_lines("Content-Type").next() else { return };
    let mt = super::helpers::media_type(v);
    if mt.essence != "multipart/byteranges" {
        return;
    }
    let target = Target::Header { name: "Content-Type".into(), index: Some(i) };
    match mt.param("boundary").filter(|b| !b.is_empty()) {
        None => c.report(
            target,
            format!("`Content-Type: {v}` has no `boundary` parameter, so the parts of this `206` cannot be told apart."),
            "Add `; boundary=<string>` to the `multipart/byteranges` type and use it between the parts.".to_string(),
        ),
        Some(b) => {
            let body = &c.response().body;
            if body.is_empty() {
                return;
            }
            let delim = format!("--{b}");
            // `str::contains` is linear; binary bytes become U+FFFD and cannot fake an ASCII match.
            if !String::from_utf8_lossy(body).contains(&delim) {
                c.report(
                    Target::Body,
                    format!("The content never contains the delimiter `{delim}` declared by `Content-Type`, so its parts cannot be found."),
                    "Separate the parts with the boundary given in `Content-Type`.",
                );
            }
        }
    }
}
