use crate::declare_rule;
use crate::model::{list_members, TrimExt, Visibility};
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `406 Not Acceptable` answering a request that stated no preference a representation
    /// could fail to meet:
    /// - no `Accept-Charset`, `Accept-Language` or other `Accept-*` field (`Accept-Version`,
    ///   `Accept-Datetime` …);
    /// - no `Accept`, or only `*/*` (with a non-zero weight);
    /// - no `Accept-Encoding`, or one that refuses nothing with `q=0` — it then still accepts an
    ///   uncoded response (RFC 9110 §12.5.3), as the `Accept-Encoding: gzip, deflate` that
    ///   Python's `requests` sends by default does.
    ///
    /// Silent when the request is unknown, or seen from the page: a `fetch` request holds only
    /// the fields the page set, and the browser adds its own `Accept`, `Accept-Language` and
    /// `Accept-Encoding`.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.7: a 406 "indicates that the target resource does not have a current
    /// representation that would be acceptable to the user agent, according to the proactive
    /// negotiation header fields received in the request (Section 12.1)". Without such fields
    /// every representation is acceptable: "A request without any Accept header field implies
    /// that the user agent will accept any media type in response" (§12.5.1), and an uncoded
    /// response is acceptable unless `identity` or `*` is refused with `q=0` (§12.5.3). The
    /// client has nothing to change before retrying; the real cause (an unsupported path, a
    /// blocked client, a missing parameter) stays hidden behind the wrong code.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 406 Not Acceptable
    /// Content-Type: application/json
    ///
    /// {"error": "not acceptable"}
    /// ```
    /// in answer to `GET /api/orders` with `Accept: */*` and no other `Accept-*` field.
    ///
    /// ## Fix
    /// Send the default representation (`200`); if the request is refused for another reason,
    /// use the status that names it (`400`, `403`, `404` …).
    pub static NOT_ACCEPTABLE_WITHOUT_NEGOTIATION = {
        code: "STA050",
        name: "not-acceptable-without-negotiation",
        category: Status,
        severity: Warning,
        summary: "A 406 response answers a request that stated no preference to refuse",
        specs: [rfc(9110, "15.5.7"), rfc(9110, "12.1"), rfc(9110, "12.5.1"), rfc(9110, "12.5.3")],
        statuses: Codes(&[406]),
        check: check,
    }
}

/// Whether a list member (`gzip;q=0`, `*/*; q=0.0`) has a weight of zero (RFC 9110 §12.4.2). A
/// weight that does not parse is not zero: only a clear `q=0` refuses.
fn zero_weight(member: &str) -> bool {
    member
        .split(';')
        .skip(1)
        .filter_map(|p| p.trim_fast().split_once('='))
        .find(|(k, _)| k.trim_fast().eq_ignore_ascii_case("q"))
        .is_some_and(|(_, q)| q.trim_fast().parse::<f32>().is_ok_and(|q| q <= 0.0))
}

/// Whether a member of `Accept` is `*/*` with a non-zero weight.
fn is_any_media_type(member: &str) -> bool {
    member.split(';').next().unwrap_or("").trim_fast() == "*/*" && !zero_weight(member)
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 406 {
        return;
    }
    let Some(req) = c.request() else { return };
    // A request seen from the page holds only the fields the page set: the browser adds its own
    // `Accept`, `Accept-Language` and `Accept-Encoding`, which the rule cannot see. Only a whole
    // request (a raw capture, the simulator's record) can be judged.
    if c.response().visibility != Visibility::Complete {
        return;
    }
    let h = &req.headers;
    // Any other `Accept-*` field (`Accept-Charset`, `Accept-Language`, `Accept-Version`,
    // `Accept-Datetime` …) states a preference the server may have refused.
    let other_preference =
        |n: &str| n.len() > 7 && n.get(..7).is_some_and(|p| p.eq_ignore_ascii_case("accept-")) && !n.eq_ignore_ascii_case("Accept-Encoding");
    if h.iter().any(|(n, _)| other_preference(n)) {
        return;
    }
    // An `Accept-Encoding` that refuses something by `q=0` may refuse the uncoded response.
    if h.members("Accept-Encoding").any(zero_weight) {
        return;
    }
    // `Some(value)`: an `Accept` of `*/*` only; `None`: no `Accept`.
    let accept = if h.contains("Accept") {
        let mut members = h.all("Accept").flat_map(|(_, v)| list_members(v)).peekable();
        // An empty `Accept`, or one naming anything but `*/*`, is a preference.
        if members.peek().is_none() || !members.all(is_any_media_type) {
            return;
        }
        Some(h.combined("Accept").unwrap_or_default())
    } else {
        None
    };
    let coded = "an `Accept-Encoding` that still accepts an uncoded response";
    let request = match (accept, h.contains("Accept-Encoding")) {
        (None, false) => "with no `Accept`, `Accept-Charset`, `Accept-Encoding` or `Accept-Language`".to_string(),
        (None, true) => format!("with no `Accept`, `Accept-Charset` or `Accept-Language`, and {coded}"),
        (Some(v), false) => format!("whose only preference is `Accept: {v}`"),
        (Some(v), true) => format!("whose only preferences are `Accept: {v}` and {coded}"),
    };
    c.report(
        Target::StatusLine,
        format!(
            "`406 Not Acceptable` answers a `{}` request {request}: any representation was acceptable, so there was nothing to refuse and the client cannot tell what to change.",
            req.method
        ),
        "Send the default representation (`200`); if the request is refused for another reason, use the status that names it (`400`, `403`, `404` …).",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights() {
        assert!(zero_weight("identity;q=0"));
        assert!(zero_weight("*; Q = 0.000"));
        assert!(!zero_weight("gzip"));
        assert!(!zero_weight("gzip;q=0.5"));
        assert!(!zero_weight("gzip;q=zero"));
        assert!(is_any_media_type("*/*"));
        assert!(is_any_media_type(" */* ; q=0.8"));
        assert!(!is_any_media_type("*/*;q=0"));
        assert!(!is_any_media_type("application/json"));
        assert!(!is_any_media_type("text/*"));
    }

    #[test]
    fn only_a_whole_request_is_judged() {
        use crate::model::{Exchange, LintContext, Request, Response};
        let run = |visibility: Visibility, extra: Option<(&str, &str)>| {
            let mut request = Request::new("GET", "https://api.example.com/items");
            if let Some((n, v)) = extra {
                request.headers.push(n, v);
            }
            let response = Response { visibility, ..Response::new(406) };
            crate::registry::run_rule(&NOT_ACCEPTABLE_WITHOUT_NEGOTIATION, &Exchange { request: Some(request), response }, &LintContext::default()).len()
        };
        assert_eq!(run(Visibility::Complete, None), 1);
        assert_eq!(run(Visibility::SameOrigin, None), 0, "the browser added its own Accept fields");
        assert_eq!(run(Visibility::CorsFiltered, None), 0);
        assert_eq!(run(Visibility::Complete, Some(("Accept-Version", "2"))), 0);
        assert_eq!(run(Visibility::Complete, Some(("accept-datetime", "Thu, 31 May 2007 20:35:00 GMT"))), 0);
        assert_eq!(run(Visibility::Complete, Some(("Accept-Encoding", "gzip"))), 1);
    }
}
