use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// An `application/problem+json` object whose standard members have the wrong JSON type —
    /// `type`, `title`, `detail` and `instance` must be strings, `status` a number — or whose
    /// `type` or `instance` contains whitespace or control characters and so is not a URI
    /// reference.
    ///
    /// ## Why it matters
    /// RFC 9457 §3.1: "If a member's value type does not match the specified type, the member
    /// MUST be ignored -- i.e., processing will continue as if the member had not been
    /// present." A `"status": "404"` or a `"detail": {…}` is therefore dropped by conforming
    /// clients, and a `type` that is not a URI reference (§3.1.1) cannot identify the problem
    /// type.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 404 Not Found
    /// Content-Type: application/problem+json
    ///
    /// {"type": "not found", "title": "Not Found", "status": "404"}
    /// ```
    ///
    /// ## Fix
    /// Use a URI for `type` (`https://example.com/probs/not-found`, or omit it for
    /// `about:blank`), strings for `title`, `detail` and `instance`, and a number for `status`.
    pub static PROBLEM_MEMBER_WRONG_TYPE = {
        code: "CNT005",
        name: "problem-member-wrong-type",
        category: Content,
        severity: Warning,
        summary: "Problem detail members with the wrong type are ignored by clients",
        specs: [rfc(9457, "3.1"), rfc(9457, "3.1.1")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn type_name(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(v) = super::problem_details(c) else { return };
    let Some(obj) = v.as_object() else { return };
    for (member, want_string) in [("type", true), ("title", true), ("status", false), ("detail", true), ("instance", true)] {
        let Some(val) = obj.get(member) else { continue };
        let ok = if want_string { val.is_string() } else { val.is_number() };
        if !ok {
            let want = if want_string { "a string" } else { "a number" };
            c.report(
                Target::Body,
                format!("The problem detail's `{member}` is {} instead of {want}: clients ignore the member.", type_name(val)),
                format!("Make `{member}` {want}."),
            );
            continue;
        }
        if member == "type" || member == "instance" {
            let s = val.as_str().unwrap_or("");
            if s.chars().any(|ch| ch.is_whitespace() || ch.is_control()) {
                c.report(
                    Target::Body,
                    format!("The problem detail's `{member}` value `{s}` contains whitespace, so it is not a URI reference."),
                    format!("Use a URI for `{member}`, e.g. `https://example.com/probs/out-of-credit`."),
                );
            }
        }
    }
}
