use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A Content Security Policy (enforced or report-only) that names the same directive twice,
    /// e.g. `script-src 'self'; script-src https://cdn.example.com`.
    ///
    /// ## Why it matters
    /// When parsing a policy, browsers keep the first occurrence of a directive and ignore the
    /// rest (CSP Level 3, "parse a serialized CSP"). The sources in the later directive are
    /// silently dropped, which usually breaks whatever they were added for — or, if the first
    /// occurrence was the looser one, leaves the stricter one without effect. To combine two
    /// restrictions, send two *policies* (separated by a comma or in two headers).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Security-Policy: script-src 'self'; img-src *; script-src https://cdn.example.com
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Merge the sources into one directive: `script-src 'self' https://cdn.example.com`.
    pub static CSP_DUPLICATE_DIRECTIVE = {
        code: "SEC024",
        name: "csp-duplicate-directive",
        category: Security,
        severity: Warning,
        summary: "A directive repeated in one Content-Security-Policy is ignored after its first occurrence",
        specs: [StaticSpec::Other("CSP Level 3: Parse a serialized CSP", "https://www.w3.org/TR/CSP3/#parse-serialized-policy")],
        requires: &["Content-Security-Policy", "Content-Security-Policy-Report-Only"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for header in ["Content-Security-Policy", "Content-Security-Policy-Report-Only"] {
        let policies = csp::response_policies(c, header);
        for p in policies {
            for d in &p.duplicates {
                c.report(
                    Target::Header { name: header.to_string().into(), index: Some(p.index) },
                    format!("`{d}` appears more than once in the policy: browsers use the first occurrence and ignore the others."),
                    format!("Merge the sources of every `{d}` into a single directive."),
                );
            }
        }
    }
}
