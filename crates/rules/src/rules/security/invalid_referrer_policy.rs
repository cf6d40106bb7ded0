use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A `Referrer-Policy` token that is not one of the policies the Referrer Policy standard
    /// defines: `no-referrer`, `no-referrer-when-downgrade`, `same-origin`, `origin`,
    /// `strict-origin`, `origin-when-cross-origin`, `strict-origin-when-cross-origin`,
    /// `unsafe-url`.
    ///
    /// ## Why it matters
    /// Browsers take the last token they recognise and skip the others ("parse a referrer
    /// policy from a `Referrer-Policy` header"). A misspelt policy (`no-referer`, `same_origin`,
    /// `strict-origin-when-crossorigin`) is silently ignored, and when no token is recognised
    /// the browser default applies — the header does not do what it says. (Listing an older
    /// policy before a newer one as a fallback is fine: only unrecognised tokens are reported.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Referrer-Policy: no-referer
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Profile</title>
    /// ```
    ///
    /// ## Fix
    /// Use a defined policy, e.g. `Referrer-Policy: strict-origin-when-cross-origin` or
    /// `no-referrer`.
    pub static INVALID_REFERRER_POLICY = {
        code: "SEC011",
        name: "invalid-referrer-policy",
        category: Security,
        severity: Warning,
        summary: "Unknown Referrer-Policy values are ignored by browsers",
        specs: [
            StaticSpec::Other("Referrer Policy: Parse a referrer policy from a Referrer-Policy header", "https://w3c.github.io/webappsec-referrer-policy/#parse-referrer-policy-from-header"),
            StaticSpec::Other("Referrer Policy: Referrer Policies", "https://w3c.github.io/webappsec-referrer-policy/#referrer-policies"),
        ],
        requires: &["Referrer-Policy"],
        check: check,
    }
}

pub(crate) const POLICIES: &[&str] = &[
    "no-referrer",
    "no-referrer-when-downgrade",
    "same-origin",
    "origin",
    "strict-origin",
    "origin-when-cross-origin",
    "strict-origin-when-cross-origin",
    "unsafe-url",
];

pub(crate) fn is_policy(t: &str) -> bool {
    POLICIES.iter().any(|p| p.eq_ignore_ascii_case(t))
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = super::present(c, "Referrer-Policy") else { return };
    if c.header_members("Referrer-Policy").all(is_policy) {
        return;
    }
    let tokens: Vec<&str> = c.header_members("Referrer-Policy").collect();
    let unknown: Vec<&&str> = tokens.iter().filter(|t| !is_policy(t)).collect();
    if unknown.is_empty() {
        return;
    }
    let list = unknown.iter().map(|t| format!("`{t}`")).collect::<Vec<_>>().join(", ");
    let message = if unknown.len() == tokens.len() {
        format!("`Referrer-Policy` has no recognised policy ({list}): browsers ignore the header and apply their default (`strict-origin-when-cross-origin`).")
    } else {
        format!("`Referrer-Policy` contains {list}, which browsers do not recognise and skip.")
    };
    c.report(
        Target::Header { name: "Referrer-Policy".into(), index: Some(i) },
        message,
        "Use a defined policy such as `strict-origin-when-cross-origin` or `no-referrer`.",
    );
}
