use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, coding_name, members};

declare_rule! {
    /// ## What it checks
    /// `identity` in `Content-Encoding`.
    ///
    /// ## Why it matters
    /// `identity` is the name `Accept-Encoding` uses for "no encoding" (RFC 9110 §12.5.3); it
    /// is reserved in the content-coding registry, not a coding that can be applied to content
    /// (§8.4.1), and RFC 2616 §3.5 already said it "SHOULD NOT be used in the Content-Encoding
    /// header". Most clients treat it as no coding, but some strict ones reject the response,
    /// and it disables the compression checks of some proxies.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Content-Encoding: identity
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Leave `Content-Encoding` out when the content is not encoded.
    pub static IDENTITY_CONTENT_ENCODING = {
        code: "HDR029",
        name: "identity-content-encoding",
        category: Headers,
        severity: Info,
        summary: "identity is not a content coding: omit Content-Encoding instead",
        specs: [rfc(9110, "12.5.3"), rfc(9110, "8.4.1"), rfc(2616, "3.5")],
        requires: &["Content-Encoding"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if let Some((i, _)) = members(c, "Content-Encoding").find(|(_, m)| coding_name(m) == "identity") {
        c.report(
            at("Content-Encoding", i),
            "`Content-Encoding: identity` is not needed: `identity` means no encoding, and is only meant for `Accept-Encoding`.",
            "Remove `Content-Encoding` when the content is not encoded.",
        );
    }
}
