use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `401` whose `WWW-Authenticate` offers the `Basic` scheme.
    ///
    /// ## Why it matters
    /// Browsers answer a `Basic` (or `Digest`) challenge by opening their own login dialog,
    /// even for a `fetch()` from a script, which then waits until the person answers; API
    /// clients in a page usually want to handle the 401 themselves. Basic also sends the
    /// password in every request, only base64-encoded (RFC 7617 §4), so it needs HTTPS.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 401 Unauthorized
    /// WWW-Authenticate: Basic realm="admin"
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// For APIs called from pages, challenge with `Bearer` (RFC 6750) or a custom scheme; keep
    /// `Basic` for resources people open directly, over HTTPS.
    pub static BASIC_CHALLENGE_PROMPTS = {
        code: "STA013",
        name: "basic-challenge-prompts",
        category: Status,
        severity: Info,
        summary: "A Basic challenge makes browsers open a login dialog",
        specs: [rfc(7617, "2"), rfc(9110, "11.6.1")],
        statuses: Codes(&[401]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 401 {
        return;
    }
    let hits: Vec<usize> = c
        .response()
        .headers
        .all("WWW-Authenticate")
        .filter(|(_, v)| {
            let scheme = v.trim_start().split([' ', ',']).next().unwrap_or("");
            scheme.eq_ignore_ascii_case("basic")
        })
        .map(|(i, _)| i)
        .collect();
    for i in hits {
        c.report(
            Target::Header { name: "WWW-Authenticate".into(), index: Some(i) },
            "A `Basic` challenge makes browsers show a login dialog, even for `fetch()` calls from a page.",
            "Use `Bearer` for APIs called from scripts; keep `Basic` for pages people open, over HTTPS.",
        );
    }
}
