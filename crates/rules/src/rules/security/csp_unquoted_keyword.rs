use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A CSP source list (`default-src`, `script-src`, any other `*-src`, `base-uri`,
    /// `form-action`, `frame-ancestors`) holding a keyword without its single quotes: `self`,
    /// `none`, `unsafe-inline`, `unsafe-eval`, `strict-dynamic`, `unsafe-hashes`,
    /// `wasm-unsafe-eval`, `report-sample`, or a bare `nonce-…`/`sha256-…`. In both
    /// `Content-Security-Policy` and `Content-Security-Policy-Report-Only`.
    ///
    /// ## Why it matters
    /// Keywords are only keywords in quotes (CSP Level 3, `keyword-source`). Unquoted, `self`
    /// is parsed as a *host name* "self": `script-src self` allows scripts from a host called
    /// `self` and blocks your own; `default-src none` does not mean "nothing"; a bare nonce
    /// matches nothing. The policy silently does something other than intended.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Security-Policy: default-src self; object-src none
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Quote the keywords: `default-src 'self'; object-src 'none'`.
    pub static CSP_UNQUOTED_KEYWORD = {
        code: "SEC023",
        name: "csp-unquoted-keyword",
        category: Security,
        severity: Warning,
        summary: "CSP keywords such as 'self' and 'none' must be single-quoted",
        specs: [StaticSpec::Other("CSP Level 3: keyword-source grammar", "https://www.w3.org/TR/CSP3/#grammardef-keyword-source")],
        requires: &["Content-Security-Policy", "Content-Security-Policy-Report-Only"],
        check: check,
    }
}

const KEYWORDS: &[&str] = &[
    "self",
    "none",
    "unsafe-inline",
    "unsafe-eval",
    "strict-dynamic",
    "unsafe-hashes",
    "wasm-unsafe-eval",
    "report-sample",
    "unsafe-allow-redirects",
    "inline-speculation-rules",
];

fn is_source_list(name: &str) -> bool {
    name.ends_with("-src") || matches!(name, "base-uri" | "form-action" | "frame-ancestors")
}

fn unquoted(v: &str) -> bool {
    // Compared case-insensitively in place (no lowercased copy of every source).
    let b = v.as_bytes();
    KEYWORDS.iter().any(|k| k.eq_ignore_ascii_case(v))
        || ["nonce-", "sha256-", "sha384-", "sha512-"].iter().any(|p| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
}

fn check(c: &mut Checker<'_>) {
    for header in ["Content-Security-Policy", "Content-Security-Policy-Report-Only"] {
        let policies = csp::response_policies(c, header);
        let mut reported: Vec<usize> = Vec::new();
        for p in policies {
            for d in p.directives.iter().filter(|d| is_source_list(&d.name)) {
                for v in d.values.iter().filter(|v| unquoted(v)) {
                    if reported.len() >= 5 {
                        continue;
                    }
                    reported.push(p.index);
                    let name = d.raw_name;
                    c.report(
                        Target::Header { name: header.to_string().into(), index: Some(p.index) },
                        format!("`{name} {v}`: without single quotes `{v}` is read as a host name, not as the keyword `'{v}'`."),
                        format!("Write `'{v}'` (with single quotes) in `{name}`."),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The in-place comparison answers what comparing a lowercased copy answers.
    #[test]
    fn unquoted_matches_the_lowercased_comparison() {
        let reference = |v: &str| {
            let l = v.to_ascii_lowercase();
            KEYWORDS.contains(&l.as_str()) || ["nonce-", "sha256-", "sha384-", "sha512-"].iter().any(|p| l.starts_with(p) && l.len() > p.len())
        };
        for v in ["self", "SELF", "'self'", "none", "Unsafe-Inline", "nonce-", "nonce-abc", "NONCE-x", "sha256-", "Sha512-AB", "noncé-x",
            "é", "", "self ", "https://self", "report-sample", "wasm-unsafe-eval", "sha384"] {
            assert_eq!(unquoted(v), reference(v), "{v:?}");
        }
    }
}
