use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// Header fields that HTTP has obsoleted: `Content-MD5` and `Warning`.
    ///
    /// ## Why it matters
    /// `Content-MD5` was removed from HTTP in 2014 "because it was inconsistently implemented
    /// with respect to partial responses" (RFC 7231 Appendix B); clients do not check it, and
    /// MD5 protects against nothing but accidental corruption. `Warning` is obsoleted by RFC
    /// 9111 §5.5: "it is not widely generated or surfaced to users". Both are dead weight on
    /// every response, and suggest a stack nobody has reviewed for a while.
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
        summary: "Obsolete header fields (Content-MD5, Warning) should not be sent",
        specs: [rfc(7231, "B"), rfc(9111, "5.5"), rfc(9530, "3")],
        requires: &["Content-MD5", "Warning"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    // In line order (each line has one name, so sorting by index restores it).
    let mut found: Vec<(usize, &'static str)> = ["Content-MD5", "Warning"]
        .into_iter()
        .flat_map(|name| c.header_lines(name).map(move |(i, _)| (i, name)))
        .collect();
    found.sort_unstable_by_key(|&(i, _)| i);
    for (i, name) in found {
        let why = if name == "Content-MD5" {
            "was removed from HTTP (RFC 7231) and clients do not check it"
        } else {
            "is obsolete (RFC 9111 §5.5) and clients ignore it"
        };
        c.report(at(name, i), format!("`{name}` {why}."), format!("Remove `{name}`."));
    }
}
