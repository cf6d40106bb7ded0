use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A Content Security Policy directive that browsers do not know — usually a typo
    /// (`script-scr`, `frame-ancestor`, `img_src`) or a `:` after the name — reported as a
    /// warning; and directives that browsers used to support but no longer do (`plugin-types`,
    /// `prefetch-src`, `navigate-to`, `require-sri-for`, `referrer`, `reflected-xss`,
    /// `disown-opener`, `block-all-mixed-content`), reported as info.
    ///
    /// ## Why it matters
    /// Browsers skip directives they do not recognise (CSP Level 3, "parse a serialized CSP",
    /// and its list of directives). A misspelt directive restricts nothing, and when it was
    /// meant to be stricter than `default-src`, the looser fallback applies instead.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Security-Policy: default-src 'self'; script-scr 'self' https://cdn.example.com
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Correct the directive name (`script-src`); drop obsolete directives.
    pub static UNKNOWN_CSP_DIRECTIVE = {
        code: "SEC025",
        name: "unknown-csp-directive",
        category: Security,
        severity: Warning,
        summary: "Unknown Content-Security-Policy directives are ignored by browsers",
        specs: [
            StaticSpec::Other("CSP Level 3: Directives", "https://www.w3.org/TR/CSP3/#csp-directives"),
            StaticSpec::Other("CSP Level 3: Parse a serialized CSP", "https://www.w3.org/TR/CSP3/#parse-serialized-policy"),
        ],
        requires: &["Content-Security-Policy", "Content-Security-Policy-Report-Only"],
        check: check,
    }
}

const KNOWN: &[&str] = &[
    "base-uri",
    "child-src",
    "connect-src",
    "default-src",
    "fenced-frame-src",
    "font-src",
    "form-action",
    "frame-ancestors",
    "frame-src",
    "img-src",
    "manifest-src",
    "media-src",
    "object-src",
    "report-to",
    "report-uri",
    "require-trusted-types-for",
    "sandbox",
    "script-src",
    "script-src-attr",
    "script-src-elem",
    "style-src",
    "style-src-attr",
    "style-src-elem",
    "trusted-types",
    "upgrade-insecure-requests",
    "webrtc",
    "worker-src",
    "treat-as-public-address",
];

const OBSOLETE: &[&str] = &[
    "block-all-mixed-content",
    "disown-opener",
    "navigate-to",
    "plugin-types",
    "prefetch-src",
    "referrer",
    "reflected-xss",
    "require-sri-for",
];

fn check(c: &mut Checker<'_>) {
    for header in ["Content-Security-Policy", "Content-Security-Policy-Report-Only"] {
        let policies = csp::response_policies(c, header);
        for p in policies {
            for d in &p.directives {
                if KNOWN.contains(&d.name.as_ref()) {
                    continue;
                }
                let target = Target::Header { name: header.to_string().into(), index: Some(p.index) };
                let name = &d.raw_name;
                if OBSOLETE.contains(&d.name.as_ref()) {
                    c.report_with(
                        Severity::Info,
                        target,
                        format!("`{name}` is no longer supported by browsers and has no effect."),
                        format!("Remove `{name}` from the policy."),
                    );
                } else {
                    c.report(
                        target,
                        format!("`{name}` is not a Content Security Policy directive: browsers ignore it."),
                        "Check the spelling against the CSP directive list (e.g. `script-src`, `frame-ancestors`).",
                    );
                }
            }
        }
    }
}
