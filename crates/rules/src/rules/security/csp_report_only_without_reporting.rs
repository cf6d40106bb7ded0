use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A `Content-Security-Policy-Report-Only` policy with neither `report-to` nor
    /// `report-uri`.
    ///
    /// ## Why it matters
    /// A report-only policy blocks nothing; its reports are its only output. Without a
    /// reporting directive none leaves the browser: a violation reaches only the console and
    /// the page's own scripts — `securitypolicyviolation` listeners (checked in Chromium) and
    /// `ReportingObserver`s. Safari warns
    /// on load that the policy "was delivered in report-only mode, but does not specify a
    /// 'report-to'; the policy will have no effect", Firefox that the site "has a Report-Only
    /// policy without a report-uri directive nor a report-to directive"; Chromium says nothing.
    ///
    /// Info, not a warning: a page may collect its violations itself with such a listener and
    /// send them on. Silent on responses that are not HTML documents.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Content-Security-Policy-Report-Only: default-src 'self'
    /// ```
    ///
    /// ## Fix
    /// Add `report-to <endpoint>` with the endpoint in `Reporting-Endpoints`, and `report-uri
    /// <url>` as well for browsers without the Reporting API (CSP Level 3, "Reporting").
    pub static CSP_REPORT_ONLY_WITHOUT_REPORTING = {
        code: "SEC032",
        name: "csp-report-only-without-reporting",
        category: Security,
        severity: Info,
        summary: "A report-only Content-Security-Policy without report-to or report-uri reports nowhere",
        specs: [
            StaticSpec::Other("CSP Level 3: The Content-Security-Policy-Report-Only HTTP Response Header Field", "https://www.w3.org/TR/CSP3/#cspro-header"),
            StaticSpec::Other("CSP Level 3: Reporting", "https://www.w3.org/TR/CSP3/#reporting"),
        ],
        requires: &["Content-Security-Policy-Report-Only"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let header = csp::REPORT_ONLY;
    if csp::response_policies(c, header).is_empty() || !super::is_document(c) {
        return;
    }
    for p in csp::response_policies(c, header) {
        if p.get("report-to").is_some() || p.get("report-uri").is_some() {
            continue;
        }
        c.report(
            Target::Header { name: header.to_string().into(), index: Some(p.index) },
            "This report-only policy has neither `report-to` nor `report-uri`: it blocks nothing, and its violations reach only the console and the page's own scripts (`securitypolicyviolation` listeners, `ReportingObserver`).",
            "Add `report-to csp-endpoint` with `Reporting-Endpoints: csp-endpoint=\"https://…\"`, and `report-uri https://…` for browsers without the Reporting API.",
        );
    }
}
