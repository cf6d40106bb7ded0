use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A response with `Content-Security-Policy-Report-Only` but no `Content-Security-Policy`.
    ///
    /// ## Why it matters
    /// A report-only policy blocks nothing: the browser only reports what *would* have been
    /// blocked (CSP Level 3, "The Content-Security-Policy-Report-Only HTTP Response Header Field"). It is the right first step when rolling a policy out, but a
    /// policy left in report-only mode gives no protection.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Content-Security-Policy-Report-Only: default-src 'self'; report-to csp
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Once the reports are clean, send the same policy as `Content-Security-Policy` (you can
    /// keep a stricter candidate policy in report-only mode next to it).
    pub static CSP_REPORT_ONLY_WITHOUT_ENFORCEMENT = {
        code: "SEC005",
        name: "csp-report-only-without-enforcement",
        category: Security,
        severity: Info,
        summary: "A report-only Content-Security-Policy alone enforces nothing",
        specs: [
            StaticSpec::Other("CSP Level 3: The Content-Security-Policy-Report-Only HTTP Response Header Field", "https://www.w3.org/TR/CSP3/#cspro-header"),
        ],
        requires: &["Content-Security-Policy-Report-Only"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Content-Security-Policy-Report-Only") else { return };
    if !matches!(c.header("Content-Security-Policy"), Presence::Absent) {
        return;
    }
    c.report(
        Target::Header { name: "Content-Security-Policy-Report-Only".into(), index: Some(i) },
        "Only `Content-Security-Policy-Report-Only` is sent: violations are reported but nothing is blocked.",
        "When the reports are clean, send the policy as `Content-Security-Policy` to enforce it.",
    );
}
