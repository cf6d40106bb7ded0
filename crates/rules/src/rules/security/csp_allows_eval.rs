use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A `Content-Security-Policy` whose script sources (`script-src`, or `default-src` when
    /// there is no `script-src`) contain `'unsafe-eval'`, when no other enforced policy
    /// restricts scripts further. `'wasm-unsafe-eval'`, which lets WebAssembly compile but not
    /// strings run as script, is not reported.
    ///
    /// ## Why it matters
    /// `'unsafe-eval'` lets the page turn strings into code: `eval()`, `new Function()`,
    /// `setTimeout("…")`. Text an attacker gets into such a string (a DOM-based XSS) then runs
    /// with the page's privileges, and neither a nonce nor `'strict-dynamic'` changes that
    /// (CSP Level 3, "EnsureCSPDoesNotBlockStringCompilation"). Most code no longer needs it;
    /// what does is usually a template compiler that can run at build time instead.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Content-Security-Policy: default-src 'self'; script-src 'self' 'unsafe-eval'
    ///
    /// <!doctype html><title>Dashboard</title>
    /// ```
    ///
    /// ## Fix
    /// Remove `'unsafe-eval'` and replace the string-to-code calls (precompile templates, pass
    /// functions to `setTimeout`); keep `'wasm-unsafe-eval'` if the page runs WebAssembly.
    pub static CSP_ALLOWS_EVAL = {
        code: "SEC027",
        name: "csp-allows-eval",
        category: Security,
        severity: Warning,
        summary: "A Content-Security-Policy with 'unsafe-eval' lets strings run as script",
        specs: [
            StaticSpec::Other("CSP Level 3: EnsureCSPDoesNotBlockStringCompilation", "https://www.w3.org/TR/CSP3/#can-compile-strings"),
            StaticSpec::Other("CSP Level 3: script-src", "https://www.w3.org/TR/CSP3/#directive-script-src"),
        ],
        requires: &["Content-Security-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let allows_eval = |values: &[&str]| values.iter().any(|v| csp::is_keyword(v, "unsafe-eval"));
    let Some((index, directive)) = csp::every_script_policy_allows(c, allows_eval) else { return };
    let d = directive.raw_name;
    c.report(
        Target::Header { name: "Content-Security-Policy".into(), index: Some(index) },
        format!("`{d}` allows `'unsafe-eval'`: strings can run as script (`eval`, `new Function`), so text injected into one executes with the page's privileges."),
        format!("Remove `'unsafe-eval'` from `{d}` and replace string-to-code calls; use `'wasm-unsafe-eval'` if only WebAssembly needs it."),
    );
}
