use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `2xx` response whose content is a problem details document
    /// (`application/problem+json` or `application/problem+xml`).
    ///
    /// ## Why it matters
    /// Problem details carry "machine-readable details of errors in HTTP response content"
    /// (RFC 9457 §1), and "generators MUST use the same status code in the actual HTTP
    /// response" as the problem's `status` (§3.1.2) so that "generic HTTP software that does
    /// not understand this format still behaves correctly". An error sent as `200` is taken
    /// as a success by caches (which store it), by `fetch()` (`response.ok` is true), by
    /// retry logic and by monitoring.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/problem+json
    ///
    /// {"type": "about:blank", "title": "Not Found", "status": 404}
    /// ```
    ///
    /// ## Fix
    /// Send the problem with the status it describes (`404 Not Found` here).
    pub static SUCCESS_WITH_PROBLEM_DETAILS = {
        code: "STA044",
        name: "success-with-problem-details",
        category: Status,
        severity: Warning,
        summary: "An error reported in problem details is sent with a success status",
        specs: [rfc(9457, "3.1.2"), rfc(9457, "1")],
        statuses: Range(200, 299),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(200..=299).contains(&status) {
        return;
    }
    let Some((i, v)) = c.header_lines("Content-Type").next() else { return };
    // Cheap pre-check: both problem types start so.
    const PREFIX: &str = "application/problem+";
    if !v.trim_start().get(..PREFIX.len()).is_some_and(|p| p.eq_ignore_ascii_case(PREFIX)) {
        return;
    }
    let essence = super::helpers::media_type(v).essence;
    if essence != "application/problem+json" && essence != "application/problem+xml" {
        return;
    }
    let reason = crate::codes::reason(status);
    c.report(
        Target::Header { name: "Content-Type".into(), index: Some(i) },
        format!("A `{status} {reason}` carries `{essence}`: an error reported as a success, so caches, `fetch()` and retry logic treat it as one."),
        "Send the problem details with the 4xx or 5xx status they describe.",
    );
}
