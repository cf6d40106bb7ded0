use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `405 Method Not Allowed` response without an `Allow` header, or whose `Allow` lists
    /// the very method that was refused.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.6: "The origin server MUST generate an Allow header field in a 405
    /// response containing a list of the target resource's currently supported methods."
    /// Clients and API explorers use it to find the right method; an `Allow` that includes
    /// the refused method contradicts the status.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 405 Method Not Allowed
    /// Content-Type: text/plain
    ///
    /// POST is not supported here
    /// ```
    ///
    /// ## Fix
    /// Send `Allow: GET, HEAD` (the methods the resource does support). An empty `Allow`
    /// is valid and means the resource allows no method.
    pub static METHOD_NOT_ALLOWED_WITHOUT_ALLOW = {
        code: "STA003",
        name: "method-not-allowed-without-allow",
        category: Status,
        severity: Error,
        summary: "A 405 response must list the supported methods in Allow",
        specs: [rfc(9110, "15.5.6"), rfc(9110, "10.2.1")],
        statuses: Codes(&[405]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 405 {
        return;
    }
    super::require_critical_header(c, "Allow", "Add `Allow` listing the methods the resource supports, e.g. `Allow: GET, HEAD`.");
    if let (Presence::Present(i, _), Some(method)) = (c.header("Allow"), c.method()) {
        let allowed: Vec<&str> = c.header_members("Allow").collect();
        if allowed.contains(&method) {
            c.report(
                Target::Header { name: "Allow".into(), index: Some(i) },
                format!("`Allow` lists `{method}`, the method this 405 refused."),
                "Remove the refused method from `Allow`, or accept the method instead of answering 405.",
            );
        }
    }
}
