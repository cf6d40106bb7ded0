use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, content_type};

declare_rule! {
    /// ## What it checks
    /// A `charset` parameter on a binary media type: `image/*` (except `image/svg+xml`),
    /// `audio/*`, `video/*`, `font/*`, `application/octet-stream`, `application/pdf`,
    /// `application/zip`, `application/gzip` and `application/wasm`.
    ///
    /// ## Why it matters
    /// A charset says how to turn bytes into characters (RFC 9110 §8.3.2); it is defined for
    /// `text/*` and for text-based types, not for images, audio, video or archives, whose
    /// registrations define no `charset` parameter. Recipients ignore it. It is harmless, but
    /// usually the sign of a server that appends `; charset=utf-8` to every type — and of
    /// a type that may be wrong in other ways.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: image/png; charset=utf-8
    /// Content-Length: 1024
    /// ```
    ///
    /// ## Fix
    /// Send the bare type (`Content-Type: image/png`); configure the server's default
    /// charset to apply to text types only (nginx `charset_types`, Apache `AddDefaultCharset`
    /// scoped to text).
    pub static CHARSET_ON_BINARY_TYPE = {
        code: "HDR015",
        name: "charset-on-binary-type",
        category: Headers,
        severity: Info,
        summary: "A charset parameter means nothing on a binary media type",
        specs: [rfc(9110, "8.3.2"), rfc(6838, "4.2.1")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, mt)) = content_type(c) else { return };
    if !mt.is_binary() {
        return;
    }
    if let Some(cs) = mt.param("charset") {
        let essence = mt.essence();
        c.report(
            at("Content-Type", i),
            format!("`charset={cs}` has no meaning for `{essence}`, a binary type; recipients ignore it."),
            format!("Send `Content-Type: {essence}` without a charset."),
        );
    }
}
