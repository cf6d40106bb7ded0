use crate::declare_rule;
use crate::registry::{name_set, Checker, NameSet};
use crate::spec::rfc;

use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// An empty value for a field whose definition requires one: `Accept-Ranges`, `Alt-Svc`,
    /// `Connection`, `Content-Disposition`, `Content-Range`, `Proxy-Authenticate`, `Server`,
    /// `Trailer`, `Upgrade`, `WWW-Authenticate`. (Fields with their own syntax rule —
    /// `Content-Type`, `Content-Length`, `Date`, `ETag`, `Last-Modified`, `Expires`, `Age`,
    /// `Content-Location` — report emptiness themselves; list fields such as `Vary`,
    /// `Allow` or `Cache-Control` may be empty.)
    ///
    /// ## Why it matters
    /// Each of these fields is defined with at least one element (`1#…`) or a single required
    /// value (RFC 9110 §5.5, §5.6.1). An empty value carries no information and recipients
    /// ignore it — so it is either dead weight or a value that a template, a proxy or a
    /// configuration variable failed to fill in. An empty `WWW-Authenticate` on a `401`, for
    /// instance, is no challenge at all.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 401 Unauthorized
    /// WWW-Authenticate:
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send the intended value, or do not send the field.
    pub static EMPTY_FIELD_VALUE = {
        code: "HDR033",
        name: "empty-field-value",
        category: Headers,
        severity: Info,
        summary: "Fields that require a value should not be sent empty",
        specs: [rfc(9110, "5.5"), rfc(9110, "5.6.1")],
        requires: &NEEDS_VALUE,
        check: check,
    }
}

const NEEDS_VALUE: [&str; 10] = [
    "Accept-Ranges",
    "Alt-Svc",
    "Connection",
    "Content-Disposition",
    "Content-Range",
    "Proxy-Authenticate",
    "Server",
    "Trailer",
    "Upgrade",
    "WWW-Authenticate",
];

fn check(c: &mut Checker<'_>) {
    const SET: NameSet<10> = name_set(NEEDS_VALUE);
    // Every list member empty: nothing but commas and whitespace.
    for (i, name, _) in c.lines_named(&SET).into_iter().filter(|(_, _, v)| v.chars().all(|ch| ch == ',' || ch.is_whitespace())) {
        c.report(
            at(name, i),
            format!("`{name}` is sent with an empty value, which its definition does not allow; recipients ignore it."),
            format!("Send the intended `{name}` value, or remove the field."),
        );
    }
}
