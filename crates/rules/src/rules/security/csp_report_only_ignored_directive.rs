use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A `Content-Security-Policy-Report-Only` policy with a directive that browsers ignore in a
    /// report-only policy:
    /// - `sandbox`: "The sandbox directive will be ignored when monitoring a policy" (CSP Level
    ///   2; MDN: report-only "supports all Content-Security-Policy directives except sandbox,
    ///   which is ignored");
    /// - `upgrade-insecure-requests`: "Monitoring the upgrade-insecure-requests directive has no
    ///   effect: the directive is ignored when sent via a Content-Security-Policy-Report-Only
    ///   header" (Upgrade Insecure Requests, §3.1);
    /// - `treat-as-public-address` (Chromium's Private Network Access).
    ///
    /// Chromium's list is the same three (`SupportedInReportOnly` in its CSP parser); it logs
    /// `sandbox` and `upgrade-insecure-requests` as ignored on every load, and does not apply
    /// `sandbox` (checked in Chromium).
    ///
    /// Silent when an enforced `Content-Security-Policy` has the same directive (a report-only
    /// copy of the enforced policy is common, and the directive then applies), and on responses
    /// that are not HTML documents.
    ///
    /// ## Why it matters
    /// A report-only policy is how a policy is tried before it is enforced. These
    /// directives are not tried at all: no report says what they would change, so the first
    /// time they act is when the policy moves to `Content-Security-Policy` — and a `sandbox`
    /// without `allow-scripts` or `allow-same-origin` changes a page a lot.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Content-Security-Policy-Report-Only: default-src 'self'; upgrade-insecure-requests; report-to csp
    /// Reporting-Endpoints: csp="https://example.com/csp-reports"
    /// ```
    ///
    /// ## Fix
    /// Move the directive to the enforced `Content-Security-Policy` once it is safe, or drop it
    /// from the report-only policy. To find the `http:` subresources that
    /// `upgrade-insecure-requests` would upgrade, monitor `default-src https:` instead: every
    /// insecure load is then reported (the spec's own advice).
    pub static CSP_REPORT_ONLY_IGNORED_DIRECTIVE = {
        code: "SEC031",
        name: "csp-report-only-ignored-directive",
        category: Security,
        severity: Warning,
        summary: "sandbox, upgrade-insecure-requests and treat-as-public-address do nothing in a report-only policy",
        specs: [
            StaticSpec::Other("CSP Level 2: sandbox", "https://www.w3.org/TR/CSP2/#directive-sandbox"),
            StaticSpec::Other("Upgrade Insecure Requests: the directive", "https://www.w3.org/TR/upgrade-insecure-requests/#delivery"),
        ],
        requires: &["Content-Security-Policy-Report-Only"],
        check: check,
    }
}

const IGNORED: &[&str] = &["sandbox", "upgrade-insecure-requests", "treat-as-public-address"];

fn check(c: &mut Checker<'_>) {
    let header = csp::REPORT_ONLY;
    if csp::response_policies(c, header).is_empty() || !super::is_document(c) {
        return;
    }
    let enforced = csp::response_policies(c, csp::ENFORCED);
    for p in csp::response_policies(c, header) {
        let ignored = |d: &&csp::Directive<'_>| IGNORED.contains(&d.name.as_ref()) && !enforced.iter().any(|e| e.get(&d.name).is_some());
        for d in p.directives.iter().filter(ignored) {
            let name = d.raw_name;
            let try_enforced = || format!("Try `{name}` in the enforced `Content-Security-Policy`, or remove it from the report-only policy.");
            let (effect, fix) = match d.name.as_ref() {
                "sandbox" => ("sandbox the page", try_enforced()),
                "upgrade-insecure-requests" => (
                    "upgrade `http:` requests to `https:`",
                    format!("Remove `{name}` here; to find the `http:` loads it would upgrade, monitor `default-src https:` (each one is reported)."),
                ),
                _ => ("treat the page as public", try_enforced()),
            };
            c.report(
                Target::Header { name: header.to_string().into(), index: Some(p.index) },
                format!("Browsers ignore `{name}` in a report-only policy: it will not {effect}, and no report tells what it would do."),
                fix,
            );
        }
    }
}
