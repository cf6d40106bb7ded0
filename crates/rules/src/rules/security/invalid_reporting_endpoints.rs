use crate::declare_rule;
use crate::registry::Checker;
use crate::rules::headers::syntax::at;
use crate::rules::structured::{describe, Value};
use crate::spec::{rfc, StaticSpec};

use super::reporting::{endpoints, url_problem, Endpoints, UrlProblem, FIELD, ENDPOINTS_SPEC};

declare_rule! {
    /// ## What it checks
    /// A `Reporting-Endpoints` field that browsers ignore, in whole or in part. It is a
    /// Structured Field Dictionary (RFC 9651 §3.2) mapping endpoint names to URL Strings
    /// (Reporting API §3.2). Reported:
    /// - a field that is not a Dictionary: browsers ignore it;
    /// - a member whose value is not a String (an unquoted URL such as
    ///   `csp=https://r.example/csp` parses as a Token): Chromium then ignores the *whole*
    ///   field, although the Reporting API's processing skips only that member;
    /// - an endpoint URL that is empty, not `https` or `wss` (`http://…`, even on
    ///   `localhost`), without a host, or relative other than a path with exactly one leading
    ///   `/`: Chromium drops that endpoint.
    ///
    /// ## Why it matters
    /// Reports (CSP violations, COOP/COEP, deprecations, crashes, Integrity-Policy) are sent
    /// only to endpoints the browser kept. Nothing tells you an endpoint was dropped: the
    /// reports silently never arrive.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Reporting-Endpoints: csp=reports, default="http://reports.example.com/all"
    /// Content-Security-Policy: default-src 'self'; report-to csp
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Quote every URL and use `https`: `Reporting-Endpoints: csp="https://reports.example.com/csp"`
    /// (a same-origin path such as `csp="/reports/csp"` also works).
    pub static INVALID_REPORTING_ENDPOINTS = {
        code: "SEC028",
        name: "invalid-reporting-endpoints",
        category: Security,
        severity: Warning,
        summary: "Reporting-Endpoints must map names to quoted https URLs, or browsers drop them",
        specs: [
            ENDPOINTS_SPEC,
            StaticSpec::Other("Reporting API §3.3: Process reporting endpoints for response", "https://w3c.github.io/reporting/#process-header"),
            rfc(9651, "3.2"),
            StaticSpec::Other("Chromium: net/reporting/reporting_header_parser.cc", "https://source.chromium.org/chromium/chromium/src/+/main:net/reporting/reporting_header_parser.cc"),
        ],
        requires: &[FIELD],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(index) = c.header_lines(FIELD).next().map(|(i, _)| i) else { return };
    let Some(field) = endpoints(c) else { return };
    let members = match &field {
        Endpoints::Unparsable(e, line) => {
            // The line that does not parse.
            let index = c.header_lines(FIELD).find(|(_, v)| std::ptr::eq(*v, *line)).map_or(index, |(i, _)| i);
            c.report(
                at(FIELD, index),
                format!("`{FIELD}: {line}` is not a Structured Field Dictionary ({}): browsers ignore the field, so no report reaches these endpoints.", describe(e, line)),
                format!("Write `name=\"https://…\"` members separated by commas, e.g. `{FIELD}: csp=\"https://reports.example.com/csp\"`."),
            );
            return;
        }
        Endpoints::Members(members) => members,
    };
    if let Some((name, value)) = field.first_non_string() {
        let shown = match value {
            Value::Token(t) => format!("`{name}={t}`"),
            _ => format!("`{name}`"),
        };
        c.report(
            at(FIELD, index),
            format!("{shown} in `{FIELD}` is {}, not a URL String: Chromium ignores the whole field for it (the Reporting API would skip only this member), so no endpoint is defined.", value.kind()),
            format!("Quote the URL: `{name}=\"https://reports.example.com/{name}\"`."),
        );
        return;
    }
    for (name, member) in members {
        let Value::String(url) = &member.value else { continue };
        let Some(problem) = url_problem(url) else { continue };
        let why = match problem {
            UrlProblem::Empty => "has no URL",
            UrlProblem::NotSecure => "is not an `https` URL, and Chromium keeps only `https` (or `wss`) endpoints (the Reporting API requires a potentially trustworthy URL)",
            UrlProblem::NotAbsolute => "is neither an absolute URL nor a path starting with one `/`, the forms Chromium accepts",
            UrlProblem::Invalid => "is not a valid URL (it has no host)",
        };
        c.report(
            at(FIELD, index),
            format!("The endpoint `{name}=\"{url}\"` {why}: it is dropped, and reports meant for `{name}` are never sent."),
            format!("Give `{name}` an absolute `https` URL, or a same-origin path such as `\"/reports/{name}\"`."),
        );
    }
}
