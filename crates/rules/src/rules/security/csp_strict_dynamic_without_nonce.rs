use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// The source list that governs `<script>` elements — `script-src-elem`, else
    /// `script-src`, else `default-src` — with `'strict-dynamic'` but no valid nonce
    /// (`'nonce-…'`) and no valid hash (`'sha256-…'`, `'sha384-…'`, `'sha512-…'`): the value
    /// must be base64, so a template placeholder left unfilled (`'nonce-{{nonce}}'`) counts
    /// as none. A warning in an enforced policy, info in a report-only one (nothing is
    /// blocked there).
    ///
    /// ## Why it matters
    /// `'strict-dynamic'` trusts only the scripts that a nonce or a hash already allowed, and
    /// what they load; browsers that support it then ignore host sources, `'self'` and
    /// `'unsafe-inline'` in the same list (CSP Level 3, "Usage of 'strict-dynamic'"). With no
    /// nonce and no hash nothing is trusted to begin with, so no script runs (checked in
    /// Chromium, inline and external, with `'self'` and `'unsafe-inline'` in the list) — Firefox warns
    /// that the keyword "with no valid nonce or hash might block all scripts from loading".
    /// Older browsers, which ignore `'strict-dynamic'`, still follow the host list, so the
    /// breakage shows in current browsers only.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Content-Security-Policy: script-src 'strict-dynamic' 'self' https://cdn.example.com
    /// ```
    ///
    /// ## Fix
    /// Put a fresh nonce on each `<script>` element and in the policy (`script-src
    /// 'nonce-{random}' 'strict-dynamic'`), or hashes of the scripts; or drop
    /// `'strict-dynamic'` and keep the host list.
    pub static CSP_STRICT_DYNAMIC_WITHOUT_NONCE = {
        code: "SEC033",
        name: "csp-strict-dynamic-without-nonce",
        category: Security,
        severity: Warning,
        summary: "'strict-dynamic' without a nonce or hash blocks every script",
        specs: [
            StaticSpec::Other("CSP Level 3: Usage of 'strict-dynamic'", "https://www.w3.org/TR/CSP3/#strict-dynamic-usage"),
        ],
        requires: &["Content-Security-Policy", "Content-Security-Policy-Report-Only"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for (header, severity, outcome) in [
        (csp::ENFORCED, Severity::Warning, "blocks"),
        (csp::REPORT_ONLY, Severity::Info, "would block (and report)"),
    ] {
        for p in csp::response_policies(c, header) {
            let Some(d) = p.script_elem_sources() else { continue };
            let strict = d.values.iter().any(|v| csp::is_keyword(v, "strict-dynamic"));
            if !strict || d.values.iter().any(|v| csp::is_nonce_or_hash(v)) {
                continue;
            }
            let name = d.raw_name;
            let placeholder = d.values.iter().find(|v| csp::looks_like_nonce_or_hash(v));
            let none = match placeholder {
                Some(v) => format!("no valid nonce or hash (`{v}` is not base64: a placeholder left unfilled?)"),
                None => "no nonce or hash".to_string(),
            };
            c.report_with(
                severity,
                Target::Header { name: header.to_string().into(), index: Some(p.index) },
                format!("`{name}` has `'strict-dynamic'` but {none}: nothing is trusted to start with, so it {outcome} every `<script>` in current browsers (they ignore the hosts, `'self'` and `'unsafe-inline'` beside it)."),
                format!("Add `'nonce-{{random}}'` to `{name}` and the same `nonce` attribute to each `<script>` (or the scripts' hashes), or remove `'strict-dynamic'`."),
            );
        }
    }
}
