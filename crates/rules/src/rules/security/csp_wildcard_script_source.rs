use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A `Content-Security-Policy` whose script sources (`script-src`, or `default-src` when
    /// there is no `script-src`) allow scripts from any host: `*`, `https:`, `http:`,
    /// `https://*`, `http://*` or `data:`. Lists with `'strict-dynamic'` are not reported
    /// (browsers ignore host and scheme sources there), nor policies that another enforced
    /// policy restricts further.
    ///
    /// ## Why it matters
    /// An attacker who can inject a `<script src>` can host the script anywhere on the web — or
    /// inline it as a `data:` URL. A source list that admits any host therefore does not prevent
    /// script injection (CSP Level 3, `script-src`).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Content-Security-Policy: script-src 'self' https:; object-src 'none'
    ///
    /// <!doctype html><title>Shop</title>
    /// ```
    ///
    /// ## Fix
    /// Name the hosts you load scripts from (`script-src 'self' https://cdn.example.com`), or
    /// use nonces with `'strict-dynamic'`.
    pub static CSP_WILDCARD_SCRIPT_SOURCE = {
        code: "SEC004",
        name: "csp-wildcard-script-source",
        category: Security,
        severity: Warning,
        summary: "A Content-Security-Policy that allows scripts from any host does not stop script injection",
        specs: [
            StaticSpec::Other("CSP Level 3: script-src", "https://www.w3.org/TR/CSP3/#directive-script-src"),
            StaticSpec::Other("CSP Level 3: Usage of 'strict-dynamic'", "https://www.w3.org/TR/CSP3/#strict-dynamic-usage"),
        ],
        requires: &["Content-Security-Policy"],
        check: check,
    }
}

const ANY_HOST: &[&str] = &["*", "https:", "http:", "https://*", "http://*", "data:"];

fn wildcard<'a>(values: &[&'a str]) -> Option<&'a str> {
    if values.iter().any(|v| csp::is_keyword(v, "strict-dynamic")) {
        return None;
    }
    values.iter().copied().find(|v| ANY_HOST.iter().any(|w| v.eq_ignore_ascii_case(w)))
}

fn check(c: &mut Checker<'_>) {
    let policies = csp::response_policies(c, "Content-Security-Policy");
    let governing: Vec<&csp::Policy> = policies.iter().filter(|p| p.script_sources().is_some()).collect();
    let Some(first) = governing.first() else { return };
    if !governing.iter().all(|p| p.script_sources().is_some_and(|d| wildcard(&d.values).is_some())) {
        return;
    }
    let Some(d) = first.script_sources() else { return };
    let Some(w) = wildcard(&d.values) else { return };
    let (name, w) = (d.raw_name, w);
    c.report(
        Target::Header { name: "Content-Security-Policy".into(), index: Some(first.index) },
        format!("`{name}` allows `{w}`: an injected `<script src>` can load code from any host, so the policy does not prevent script injection."),
        format!("Replace `{w}` in `{name}` with the hosts you actually load scripts from, or use nonces with `'strict-dynamic'`."),
    );
}
