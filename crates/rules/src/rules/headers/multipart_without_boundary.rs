use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, content_type};

declare_rule! {
    /// ## What it checks
    /// A `multipart/*` `Content-Type` without a `boundary` parameter (or with an empty one).
    /// `multipart/byteranges`, which belongs to `206` responses, is left to the status rules.
    ///
    /// ## Why it matters
    /// RFC 2046 §5.1.1: "The Content-Type field for multipart entities requires one parameter,
    /// "boundary"" — the delimiter that separates the parts (RFC 9110 §8.3.3). Without it the
    /// recipient cannot split the content: `multipart/x-mixed-replace` streams (MJPEG cameras,
    /// server push) show nothing, `multipart/mixed` and `multipart/form-data` bodies cannot be
    /// parsed.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: multipart/x-mixed-replace
    ///
    /// --frame
    /// Content-Type: image/jpeg
    /// ```
    ///
    /// ## Fix
    /// Name the delimiter used in the body: `Content-Type: multipart/x-mixed-replace;
    /// boundary=frame` (quote it if it contains characters other than letters, digits and
    /// `'()+_,-./:=?`).
    pub static MULTIPART_WITHOUT_BOUNDARY = {
        code: "HDR017",
        name: "multipart-without-boundary",
        category: Headers,
        severity: Warning,
        summary: "A multipart Content-Type must carry a boundary parameter",
        specs: [rfc(2046, "5.1.1"), rfc(9110, "8.3.3")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, mt)) = content_type(c) else { return };
    if mt.ty != "multipart" || mt.sub == "byteranges" {
        return;
    }
    if mt.param("boundary").is_some_and(|b| !b.is_empty()) {
        return;
    }
    let essence = mt.essence();
    c.report(
        at("Content-Type", i),
        format!("`{essence}` has no `boundary` parameter; recipients cannot split the content into its parts."),
        format!("Send `Content-Type: {essence}; boundary=<delimiter used in the body>`."),
    );
}
