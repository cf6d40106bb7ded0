use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::media;

declare_rule! {
    /// ## What it checks
    /// A `4xx` or `5xx` response labelled `application/json` whose content is a problem-details
    /// object: a `status` member equal to the response status plus a string `title` or `type`.
    ///
    /// ## Why it matters
    /// RFC 9457 registers `application/problem+json` (§3, §6.1) so that clients can recognise
    /// problem details by their media type, without guessing from the shape of the JSON.
    /// Generic HTTP clients and API tooling that handle RFC 9457 dispatch on that type; under a
    /// plain `application/json` label the problem details are just some JSON.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 404 Not Found
    /// Content-Type: application/json
    ///
    /// {"type": "https://example.com/probs/missing", "title": "Not Found", "status": 404}
    /// ```
    ///
    /// ## Fix
    /// Send it as `Content-Type: application/problem+json`.
    pub static PROBLEM_DETAILS_AS_PLAIN_JSON = {
        code: "CNT013",
        name: "problem-details-as-plain-json",
        category: Content,
        severity: Info,
        summary: "Problem details should be labelled application/problem+json",
        specs: [rfc(9457, "3"), rfc(9457, "6.1")],
        statuses: Range(400, 599),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(400..=599).contains(&status) {
        return;
    }
    let Some((i, m)) = media::response_mime(c) else { return };
    if m.essence != "application/json" {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    let Some(v) = media::parse_json(body) else { return };
    let Some(obj) = v.as_object() else { return };
    let status_matches = obj.get("status").and_then(|s| s.as_u64()) == Some(u64::from(status));
    let named = obj.get("title").is_some_and(|t| t.is_string()) || obj.get("type").is_some_and(|t| t.is_string());
    if !(status_matches && named) {
        return;
    }
    c.report(
        Target::Header { name: "Content-Type".into(), index: Some(i) },
        "The error body is a problem-details object but is labelled `application/json`: clients that handle RFC 9457 look for `application/problem+json`.",
        "Send it as `Content-Type: application/problem+json`.",
    );
}
