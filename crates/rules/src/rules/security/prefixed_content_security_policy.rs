use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity, Target};
use crate::spec::StaticSpec;

/// The experimental names of `Content-Security-Policy` (Firefox 4–22 and Internet Explorer 10–11:
/// `X-Content-Security-Policy`; Chrome 14–24 and Safari 5–6: `X-WebKit-CSP`).
const PREFIXED: [&str; 2] = ["X-Content-Security-Policy", "X-WebKit-CSP"];

declare_rule! {
    /// ## What it checks
    /// `X-Content-Security-Policy` or `X-WebKit-CSP`: the names Content Security Policy had
    /// while it was an experiment, before CSP 1.0 made it `Content-Security-Policy`.
    ///
    /// A warning when the response has no `Content-Security-Policy`: then the policy is in
    /// force in no current browser. Info when it has one: the prefixed copy is dead weight.
    ///
    /// ## Why it matters
    /// Current browsers read only `Content-Security-Policy` (CSP3 §3.1). Checked in Chromium:
    /// `X-WebKit-CSP: script-src 'none'` and `X-Content-Security-Policy: script-src 'none'` both
    /// let an inline script run, where `Content-Security-Policy: script-src 'none'` blocks it. A
    /// site sending only the prefixed names believes it has a policy and has none; Firefox's old
    /// `X-Content-Security-Policy` also used a different syntax (`allow`, `options`), so copying
    /// its value under the standard name is not always enough.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// X-Content-Security-Policy: default-src 'self'
    /// X-WebKit-CSP: default-src 'self'
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Send the policy as `Content-Security-Policy` (in CSP3 syntax) and remove the prefixed
    /// headers.
    pub static PREFIXED_CONTENT_SECURITY_POLICY = {
        code: "SEC038",
        name: "prefixed-content-security-policy",
        category: Security,
        severity: Warning,
        summary: "X-Content-Security-Policy and X-WebKit-CSP are ignored by current browsers",
        specs: [
            StaticSpec::Other("CSP3 §3.1 The Content-Security-Policy HTTP Response Header Field", "https://www.w3.org/TR/CSP3/#csp-header"),
            StaticSpec::Other("CSP 1.0 Candidate Recommendation, Status of This Document (the prefixed experimental headers)", "https://www.w3.org/TR/2012/CR-CSP-20121115/#sotd"),
        ],
        requires: &["X-Content-Security-Policy", "X-WebKit-CSP"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let standard = matches!(c.header("Content-Security-Policy"), Presence::Present(..));
    for name in PREFIXED {
        for (i, _) in c.header_lines(name) {
            let (severity, message) = if standard {
                (Severity::Info, format!("`{name}` is ignored by current browsers, which read the `Content-Security-Policy` this response also sends."))
            } else {
                (
                    Severity::Warning,
                    format!("`{name}` is ignored by current browsers, and this response sends no `Content-Security-Policy`: no header policy is in force."),
                )
            };
            let fix = format!("Send the policy as `Content-Security-Policy` and remove `{name}`.");
            c.report_with(severity, Target::Header { name: name.into(), index: Some(i) }, message, fix);
        }
    }
}
