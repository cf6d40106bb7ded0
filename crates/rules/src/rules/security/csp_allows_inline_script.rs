use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A `Content-Security-Policy` whose script sources (`script-src`, or `default-src` when
    /// there is no `script-src`) contain `'unsafe-inline'` without a valid nonce or hash (base64:
    /// a placeholder left unfilled, `'nonce-{{nonce}}'`, does not count) or `'strict-dynamic'`,
    /// when no other enforced policy restricts scripts further.
    ///
    /// ## Why it matters
    /// Cross-site scripting almost always injects *inline* script: a `<script>` element or an
    /// event-handler attribute. `'unsafe-inline'` allows exactly that, so the policy no longer
    /// protects against the attack it exists for (CSP Level 3, "Does a source list allow all
    /// inline behavior for type?"). When the same list also holds a valid nonce or hash, browsers
    /// ignore `'unsafe-inline'` (it stays only as a fallback for old browsers), which is why
    /// that combination is not reported.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-inline'
    ///
    /// <!doctype html><title>Dashboard</title>
    /// ```
    ///
    /// ## Fix
    /// Move inline scripts to files, or give each inline script a per-response nonce:
    /// `script-src 'nonce-R4nd0m' 'strict-dynamic'` (keeping `'unsafe-inline'` after the nonce
    /// is harmless: modern browsers ignore it).
    pub static CSP_ALLOWS_INLINE_SCRIPT = {
        code: "SEC003",
        name: "csp-allows-inline-script",
        category: Security,
        severity: Warning,
        summary: "A Content-Security-Policy with 'unsafe-inline' scripts does not stop cross-site scripting",
        specs: [
            StaticSpec::Other("CSP Level 3: Does a source list allow all inline behavior for type?", "https://www.w3.org/TR/CSP3/#allow-all-inline"),
            StaticSpec::Other("CSP Level 3: script-src", "https://www.w3.org/TR/CSP3/#directive-script-src"),
        ],
        requires: &["Content-Security-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((index, directive)) = csp::every_script_policy_allows(c, csp::allows_all_inline) else { return };
    let d = directive.raw_name;
    let without = match directive.values.iter().find(|v| csp::looks_like_nonce_or_hash(v)) {
        Some(v) => format!("without a valid nonce or hash (`{v}` is not base64: a placeholder left unfilled?)"),
        None => "without a nonce or hash".to_string(),
    };
    c.report(
        Target::Header { name: "Content-Security-Policy".into(), index: Some(index) },
        format!("`{d}` allows `'unsafe-inline'` {without}: injected inline scripts and event handlers run, so the policy does not stop cross-site scripting."),
        format!("Remove `'unsafe-inline'` from `{d}` and allow inline scripts by nonce (`'nonce-…'`) or hash (`'sha256-…'`)."),
    );
}
