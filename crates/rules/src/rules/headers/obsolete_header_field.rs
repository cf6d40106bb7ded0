use crate::declare_rule;
use crate::registry::{name_set, Checker, NameSet};
use crate::spec::rfc;

use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// Header fields that HTTP has obsoleted: `Content-MD5`, `Warning`, `Digest` and
    /// `Want-Digest` (RFC 3230, replaced by RFC 9530's `Repr-Digest`, `Content-Digest` and their
    /// `Want-` fields).
    ///
    /// ## Why it matters
    /// `Content-MD5` was removed from HTTP in 2014 "because it was inconsistently implemented
    /// with respect to partial responses" (RFC 7231 Appendix B); clients do not check it, and
    /// MD5 protects against nothing but accidental corruption. `Warning` is obsoleted by RFC
    /// 9111 §5.5: "it is not widely generated or surfaced to users". Both are dead weight on
    /// every response, and suggest a stack nobody has reviewed for a while. RFC 9530 obsoletes
    /// RFC 3230 (§1.3): `Digest` mixed up the digest of the representation and of the content,
    /// which its replacements separate.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Content-MD5: XUFAKrxLKna5cZ2REBfFkg==
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Remove them. For integrity use HTTPS (and `Repr-Digest`, RFC 9530, if you need a
    /// digest of the content); report cache status with `Cache-Status` (RFC 9211).
    pub static OBSOLETE_HEADER_FIELD = {
        code: "HDR045",
        name: "obsolete-header-field",
        category: Headers,
        severity: Info,
        summary: "Obsolete header fields (Content-MD5, Warning, Digest, Want-Digest) should not be sent",
        specs: [rfc(7231, "B"), rfc(9111, "5.5"), rfc(9530, "1.3")],
        requires: &FIELDS,
        check: check,
    }
}

/// The obsolete fields, each with why and what replaces it.
const FIELDS: [&str; 4] = ["Content-MD5", "Warning", "Digest", "Want-Digest"];

fn check(c: &mut Checker<'_>) {
    const SET: NameSet<4> = name_set(FIELDS);
    // In line order.
    for (i, name, _) in c.lines_named(&SET) {
        let (why, fix) = match name {
            "Content-MD5" => ("was removed from HTTP (RFC 7231) and clients do not check it", "Remove `Content-MD5`."),
            "Warning" => ("is obsolete (RFC 9111 §5.5) and clients ignore it", "Remove `Warning`."),
            "Digest" => (
                "is obsolete (RFC 9530 §1.3 replaces RFC 3230)",
                "Send `Repr-Digest` (or `Content-Digest`, RFC 9530) instead, or nothing.",
            ),
            _ => ("is obsolete (RFC 9530 §1.3 replaces RFC 3230)", "Send `Want-Repr-Digest` (or `Want-Content-Digest`) instead."),
        };
        c.report(at(name, i), format!("`{name}` {why}."), fix.to_string());
    }
}
