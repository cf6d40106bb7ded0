use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::{fetch, rfc};

declare_rule! {
    /// ## What it checks
    /// A response with more than one `Location` field line.
    ///
    /// ## Why it matters
    /// `Location` holds exactly one URI reference (RFC 9110 §10.2.2); it is not a list. The
    /// Fetch standard extracts it as a single value and fails when there are several
    /// (§extract-header-list-values), so the redirect becomes a network error. Chromium refuses
    /// responses whose `Location` lines differ (`ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION`) and
    /// Firefox reports corrupted content; other clients pick the first or the last line. When
    /// the copies are identical most clients cope, but the duplicate usually means two layers
    /// (application and proxy) both set the header.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Location: /login
    /// Location: https://sso.example.com/authorize
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send a single `Location`; find the layer that adds the second one.
    pub static MULTIPLE_LOCATION_HEADERS = {
        code: "RED003",
        name: "multiple-location-headers",
        category: Redirects,
        severity: Error,
        summary: "A response must carry at most one Location header",
        specs: [rfc(9110, "10.2.2"), fetch("extract-header-list-values"), fetch("concept-response-location-url")],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let lines: Vec<(usize, &str)> = c.header_lines("Location").map(|(i, v)| (i, v.trim_fast())).collect();
    let (Some(&(_, first)), Some(&(second_i, _))) = (lines.first(), lines.get(1)) else { return };
    let n = lines.len();
    let target = Target::Header { name: "Location".into(), index: Some(second_i) };
    let fix = "Send exactly one `Location` header.".to_string();
    if lines.iter().all(|&(_, v)| v == first) {
        c.report_with(
            Severity::Warning,
            target,
            format!("`Location` is sent {n} times with the same value; the Fetch standard treats any repetition as a failure."),
            fix,
        );
    } else {
        c.report(
            target,
            format!("`Location` is sent {n} times with different values: browsers refuse the response (`ERR_RESPONSE_HEADERS_MULTIPLE_LOCATION`) and other clients disagree on where to go."),
            fix,
        );
    }
}
