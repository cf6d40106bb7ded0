use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// An HTML document without a `Content-Security-Policy` (neither the header, nor a
    /// `Content-Security-Policy-Report-Only` header, nor a `<meta http-equiv>` policy in the page).
    ///
    /// ## Why it matters
    /// A Content Security Policy is the browser's second line of defence against cross-site
    /// scripting: even when an attacker manages to inject markup, a policy such as
    /// `script-src 'self'` stops the injected script from running, and `object-src 'none'` and
    /// `base-uri 'none'` close common bypasses (CSP Level 3, "The Content-Security-Policy HTTP Response Header Field").
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Account</title>
    /// ```
    ///
    /// ## Fix
    /// Start with a report-only policy to find what the page loads, then enforce it, e.g.
    /// `Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'`.
    pub static MISSING_CONTENT_SECURITY_POLICY = {
        code: "SEC002",
        name: "missing-content-security-policy",
        category: Security,
        severity: Info,
        summary: "HTML documents should carry a Content-Security-Policy",
        specs: [
            StaticSpec::Other("CSP Level 3: The Content-Security-Policy HTTP Response Header Field", "https://www.w3.org/TR/CSP3/#csp-header"),
        ],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !super::is_document(c) {
        return;
    }
    let csp = c.header("Content-Security-Policy");
    let ro = c.header("Content-Security-Policy-Report-Only");
    if !matches!(csp, Presence::Absent) || !matches!(ro, Presence::Absent) {
        return;
    }
    // A policy delivered in the page itself (`<meta http-equiv="Content-Security-Policy">`).
    let body = c.response().body.to_ascii_lowercase();
    if body.windows(23).any(|w| w == b"content-security-policy") {
        return;
    }
    c.report(
        Target::Header { name: "Content-Security-Policy".into(), index: None },
        "This HTML document has no `Content-Security-Policy`: nothing limits what an injected script can do.",
        "Add a policy such as `Content-Security-Policy: default-src 'self'; object-src 'none'; base-uri 'none'` (try it first as `Content-Security-Policy-Report-Only`).",
    );
}
