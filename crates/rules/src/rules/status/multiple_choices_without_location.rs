use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `300 Multiple Choices` without a `Location` header.
    ///
    /// ## Why it matters
    /// There is no standard format for the list of choices (RFC 9110 §15.4.1), so browsers
    /// show the 300's content and do nothing else. "If the server has a preferred choice, the
    /// server SHOULD generate a Location header field containing a preferred choice's URI
    /// reference. The user agent MAY use the Location field value for automatic
    /// redirection." Without it, automated clients are stuck.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 300 Multiple Choices
    /// Content-Type: text/html
    ///
    /// <a href="/doc.en">English</a> <a href="/doc.fr">Français</a>
    /// ```
    ///
    /// ## Fix
    /// Name the preferred choice in `Location: /doc.en`, and list the others in the content
    /// (or in `Link` headers).
    pub static MULTIPLE_CHOICES_WITHOUT_LOCATION = {
        code: "STA033",
        name: "multiple-choices-without-location",
        category: Status,
        severity: Info,
        summary: "A 300 response should name a preferred choice in Location",
        specs: [rfc(9110, "15.4.1"), rfc(9110, "10.2.2")],
        statuses: Codes(&[300]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 300 {
        return;
    }
    if let Presence::Absent = c.header("Location") {
        c.report(
            Target::Header { name: "Location".into(), index: None },
            "This `300 Multiple Choices` has no `Location`, so no client will pick a choice automatically.",
            "Add `Location` with the preferred choice, if there is one.",
        );
    }
}
