use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// An `application/problem+json` object with a `type` other than `about:blank` but no
    /// `title`.
    ///
    /// ## Why it matters
    /// The `type` URI identifies the problem for software; `title` is its human-readable
    /// summary (RFC 9457 §3.1.3), what a generic client logs or shows when it does not know the
    /// type. Without a title such clients can only display a URI. (With `about:blank`, the
    /// status phrase serves as the title, §4.2.1.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 403 Forbidden
    /// Content-Type: application/problem+json
    ///
    /// {"type": "https://example.com/probs/out-of-credit", "status": 403}
    /// ```
    ///
    /// ## Fix
    /// Add a short, stable summary: `"title": "You do not have enough credit."`.
    pub static PROBLEM_DETAILS_WITHOUT_TITLE = {
        code: "CNT006",
        name: "problem-details-without-title",
        category: Content,
        severity: Info,
        summary: "Problem details with a custom type should have a title",
        specs: [rfc(9457, "3.1.3"), rfc(9457, "4.2.1")],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(v) = super::problem_details(c) else { return };
    let Some(obj) = v.as_object() else { return };
    let Some(t) = obj.get("type").and_then(|t| t.as_str()) else { return };
    if t == "about:blank" || obj.contains_key("title") {
        return;
    }
    c.report(
        Target::Body,
        format!("The problem detail has `\"type\": \"{t}\"` but no `title`: clients that do not know the type have no summary to show."),
        "Add a short human-readable `title` for the problem type.",
    );
}
