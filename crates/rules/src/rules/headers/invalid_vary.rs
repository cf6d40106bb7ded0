use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, is_token, vary_members};

declare_rule! {
    /// ## What it checks
    /// A `Vary` member that is neither `*` nor a field name (a token): a name with a space
    /// (`Accept Encoding`), a colon, a quoted string, a slash.
    ///
    /// ## Why it matters
    /// `Vary = #( "*" / field-name )` (RFC 9110 §12.5.5). A cache stores one variant per value
    /// of the named request fields (RFC 9111 §4.1); a member that cannot be a field name never
    /// matches a request field, so caches differ: some ignore it (and serve one variant to
    /// everybody), some refuse to reuse the response at all.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Vary: Accept Encoding
    /// Content-Encoding: gzip
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// List request field names separated by commas: `Vary: Accept-Encoding, Origin`.
    pub static INVALID_VARY = {
        code: "HDR023",
        name: "invalid-vary",
        category: Headers,
        severity: Warning,
        summary: "Vary members must be field names or *",
        specs: [rfc(9110, "12.5.5"), rfc(9111, "4.1")],
        requires: &["Vary"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for &(i, m) in vary_members(c) {
        if m == "*" || is_token(m) {
            continue;
        }
        c.report(
            at("Vary", i),
            format!("`Vary` lists `{m}`, which is not a field name; caches cannot match it against requests."),
            "List request field names separated by commas, e.g. `Vary: Accept-Encoding`.",
        );
    }
}
