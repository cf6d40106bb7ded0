use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// An `application/problem+json` response whose content is valid JSON but not a JSON
    /// object (an array, a string, a number …).
    ///
    /// ## Why it matters
    /// A problem detail is a JSON *object* with members such as `type`, `title`, `status`,
    /// `detail` and `instance` (RFC 9457 §3). Clients that understand the format look those
    /// members up; given an array or a string they find nothing and usually fail while handling
    /// the error, hiding the original problem.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 400 Bad Request
    /// Content-Type: application/problem+json
    ///
    /// ["name is required", "email is invalid"]
    /// ```
    ///
    /// ## Fix
    /// Wrap the information in an object, using an extension member for lists:
    /// `{"title": "Invalid request", "status": 400, "errors": ["name is required"]}`.
    pub static PROBLEM_DETAILS_NOT_OBJECT = {
        code: "CNT004",
        name: "problem-details-not-object",
        category: Content,
        severity: Warning,
        summary: "application/problem+json content must be a JSON object",
        specs: [rfc(9457, "3")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(v) = super::problem_details(c) else { return };
    if v.is_object() {
        return;
    }
    let kind = match v {
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::Bool(_) => "a boolean",
        _ => "null",
    };
    c.report(
        Target::Body,
        format!("The `application/problem+json` content is {kind}, not the JSON object a problem detail must be."),
        "Send an object such as `{\"title\": \"…\", \"status\": 400, \"detail\": \"…\"}`.",
    );
}
