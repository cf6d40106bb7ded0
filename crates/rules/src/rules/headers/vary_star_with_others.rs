use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, vary_members};

declare_rule! {
    /// ## What it checks
    /// A `Vary` that lists `*` together with field names (`Vary: *, Accept-Encoding`).
    ///
    /// ## Why it matters
    /// `*` means the response varies on something other than request fields, so a stored
    /// copy never matches a later request (RFC 9110 §12.5.5; RFC 9111 §4.1: "A stored response
    /// with a Vary header field value containing a member "*" always fails to match"). The
    /// other members add nothing. It is worth knowing because the combination usually means
    /// two layers each added to `Vary`, and one of them made the response uncacheable — often
    /// by accident.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Vary: *, Accept-Encoding
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Decide: `Cache-Control: no-store` (or `private`) if the response must not be reused,
    /// or list only the request fields it depends on (`Vary: Accept-Encoding`).
    pub static VARY_STAR_WITH_OTHERS = {
        code: "HDR024",
        name: "vary-star-with-others",
        category: Headers,
        severity: Info,
        summary: "Vary: * makes other Vary members meaningless",
        specs: [rfc(9110, "12.5.5"), rfc(9111, "4.1")],
        requires: &["Vary"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let ms = vary_members(c);
    let Some(&(i, _)) = ms.iter().find(|(_, m)| *m == "*") else { return };
    let others: Vec<&str> = ms.iter().filter(|(_, m)| *m != "*").map(|&(_, m)| m).collect();
    if others.is_empty() {
        return;
    }
    c.report(
        at("Vary", i),
        format!("`Vary` lists `*` with {}; `*` alone already makes every stored copy fail to match, so the others have no effect.", others.iter().map(|o| format!("`{o}`")).collect::<Vec<_>>().join(", ")),
        "Send `Vary: *` (or `Cache-Control: no-store`) alone, or drop `*` and keep the field names.",
    );
}
