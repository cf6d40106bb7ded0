use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `301`, `302`, `303`, `307` or `308` response without a `Location` header.
    ///
    /// ## Why it matters
    /// For these codes "the server SHOULD generate a Location header field in the response
    /// containing a preferred URI reference for the new location" (RFC 9110 §15.4.2–§15.4.9),
    /// and `fetch` only follows a redirect status that has a `Location` (Fetch §http-fetch):
    /// without one the browser hands the 3xx to the page as a final, bodiless-looking answer,
    /// and crawlers drop it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send `Location: /new/path` (a relative reference is fine, RFC 9110 §10.2.2).
    pub static REDIRECT_WITHOUT_LOCATION = {
        code: "STA004",
        name: "redirect-without-location",
        category: Status,
        severity: Error,
        summary: "A redirect status needs a Location header to go anywhere",
        specs: [rfc(9110, "10.2.2"), rfc(9110, "15.4")],
        statuses: Codes(&[301, 302, 303, 307, 308]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::require_critical_header(c,
        "Location",
        "Add `Location` with the target URI, or use a non-redirect status.",
    );
}
