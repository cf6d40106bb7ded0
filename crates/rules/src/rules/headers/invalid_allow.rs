use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::spec::rfc;

use super::syntax::{at, is_token, members};

declare_rule! {
    /// ## What it checks
    /// An `Allow` member that is not a method name (a token): `GET POST` without a comma,
    /// `GET/POST`, a quoted string. Standard methods written in lower case (`get`) are reported
    /// at `info`: method names are case-sensitive, so `get` is a different method from `GET`.
    ///
    /// ## Why it matters
    /// `Allow = #method` (RFC 9110 §10.2.1) lists the methods the resource supports; clients
    /// and tools use it after a `405` or an `OPTIONS` request. A member that is not a method
    /// cannot be matched, and a misspelled list ("GET POST") reads as one unknown method.
    /// Methods are case-sensitive (RFC 9110 §9.1).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 405 Method Not Allowed
    /// Allow: GET HEAD
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Separate methods with commas, in their registered case: `Allow: GET, HEAD`.
    pub static INVALID_ALLOW = {
        code: "HDR026",
        name: "invalid-allow",
        category: Headers,
        severity: Warning,
        summary: "Allow must list method names separated by commas",
        specs: [rfc(9110, "10.2.1"), rfc(9110, "9.1")],
        requires: &["Allow"],
        check: check,
    }
}

const STANDARD: &[&str] = &["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

fn check(c: &mut Checker<'_>) {
    for (i, m) in members(c, "Allow") {
        if !is_token(m) {
            c.report(
                at("Allow", i),
                format!("`Allow` lists `{m}`, which is not a method name; clients cannot match it."),
                "Separate methods with commas: `Allow: GET, HEAD`.",
            );
        } else if m != m.to_ascii_uppercase() && STANDARD.contains(&m.to_ascii_uppercase().as_str()) {
            let up = m.to_ascii_uppercase();
            c.report_with(
                Severity::Info,
                at("Allow", i),
                format!("`Allow` lists `{m}`; method names are case-sensitive, so this is not `{up}`."),
                format!("Write the method as `{up}`."),
            );
        }
    }
}
