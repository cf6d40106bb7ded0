use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `Location` header on a response whose status gives it no meaning: anything but
    /// `201 Created`, `202 Accepted` (a status monitor), the `3xx` redirects and `1xx` interim
    /// responses.
    ///
    /// ## Why it matters
    /// RFC 9110 §10.2.2: "The type of relationship is defined by the combination of request
    /// method and status code semantics"; it defines `Location` for 201 and 3xx responses.
    /// On a `200` or a `4xx` browsers and HTTP libraries ignore it: if a redirect was meant,
    /// it does not happen. If the response is about another resource, `Content-Location`
    /// (§8.7) or a link in the content says so.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Location: /login
    /// Content-Type: text/html
    ///
    /// <p>Please log in</p>
    /// ```
    ///
    /// ## Fix
    /// To redirect, use `302`, `303`, `307` or `308`. Otherwise drop `Location`, or use
    /// `Content-Location` for the URI of the enclosed representation.
    pub static LOCATION_ON_NON_REDIRECT = {
        code: "STA032",
        name: "location-on-non-redirect",
        category: Status,
        severity: Info,
        summary: "Location is ignored on responses other than 201 and 3xx",
        specs: [rfc(9110, "10.2.2"), rfc(9110, "8.7")],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if (100..=199).contains(&status) || (300..=399).contains(&status) || status == 201 || status == 202 || status == 0 {
        return;
    }
    if let Presence::Present(i, v) = c.header("Location") {
        let reason = crate::codes::reason(status);
        c.report(
            Target::Header { name: "Location".into(), index: Some(i) },
            format!("`Location: {v}` has no effect on a `{status} {reason}`; clients follow `Location` only on redirects."),
            "Use a 3xx status to redirect, or remove `Location` (`Content-Location` names the enclosed representation).",
        );
    }
}
