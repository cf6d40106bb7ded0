use crate::declare_rule;
use crate::model::{list_members, trim_wsp};
use crate::registry::{Checker, Severity, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// `Clear-Site-Data` members that browsers skip: a type without its double quotes
    /// (`cookies` instead of `"cookies"`), in single quotes, or in the wrong case
    /// (`"Cookies"`). A quoted type the browser does not know is reported at `info`. Known
    /// types: `"cache"`, `"cookies"`, `"storage"`, `"executionContexts"`, `"clientHints"`,
    /// `"*"`, and Chromium's `"prefetchCache"` and `"prerenderCache"`.
    ///
    /// ## Why it matters
    /// The header's grammar is a list of *quoted strings* (`1#quoted-string`). The
    /// specification reads it with Fetch's "extract header list values", which fails on a
    /// member outside that grammar, and then clears nothing at all; Chromium compares each
    /// member, quotes included, with the known types and skips those that match none (checked
    /// in Chromium by `tests/e2e/browser-facts.test.mjs`). Either way `Clear-Site-Data:
    /// cookies` clears nothing, and one unquoted member can cost the whole field. The logout
    /// that was supposed to wipe cookies and storage leaves them in place, with no error
    /// anywhere.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Clear-Site-Data: cache, cookies, storage
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Signed out</title>
    /// ```
    ///
    /// ## Fix
    /// Quote every type: `Clear-Site-Data: "cache", "cookies", "storage"` (or `"*"` for all).
    pub static INVALID_CLEAR_SITE_DATA = {
        code: "SEC026",
        name: "invalid-clear-site-data",
        category: Security,
        severity: Warning,
        summary: "Clear-Site-Data types must be double-quoted known types, or browsers clear nothing",
        specs: [
            StaticSpec::Other("Clear Site Data: The Clear-Site-Data HTTP response header field", "https://w3c.github.io/webappsec-clear-site-data/#header"),
            StaticSpec::Other("Clear Site Data: Parsing", "https://w3c.github.io/webappsec-clear-site-data/#parsing"),
        ],
        requires: &["Clear-Site-Data"],
        check: check,
    }
}

const TYPES: &[&str] =
    &["cache", "cookies", "storage", "executionContexts", "clientHints", "*", "prefetchCache", "prerenderCache"];

fn known_ignoring_case(s: &str) -> Option<&'static str> {
    TYPES.iter().copied().find(|t| t.eq_ignore_ascii_case(s))
}

fn check(c: &mut Checker<'_>) {
    let mut findings = Vec::new();
    for (i, line) in c.header_lines("Clear-Site-Data") {
        for member in list_members(line) {
            let member = trim_wsp(member);
            let quoted = member.len() >= 2 && member.starts_with('"') && member.ends_with('"');
            let inner = if quoted { &member[1..member.len() - 1] } else { member.trim_matches('\'') };
            if quoted && TYPES.contains(&inner) {
                continue;
            }
            let finding = match (quoted, known_ignoring_case(trim_wsp(inner))) {
                (true, Some(t)) => (
                    Severity::Warning,
                    format!("`{member}` in `Clear-Site-Data` does not match `\"{t}\"` exactly (types are case-sensitive, spaces count): browsers ignore it."),
                    format!("Write `\"{t}\"`."),
                ),
                (true, None) => (
                    Severity::Info,
                    format!("`{member}` in `Clear-Site-Data` is not a type browsers know; they ignore it."),
                    "Known types: `\"cache\"`, `\"cookies\"`, `\"storage\"`, `\"executionContexts\"`, `\"clientHints\"`, `\"*\"`; Chromium also knows `\"prefetchCache\"` and `\"prerenderCache\"`.".to_string(),
                ),
                (false, Some(t)) => (
                    Severity::Warning,
                    format!("`{member}` in `Clear-Site-Data` is not a quoted string: Chromium skips it, so nothing is cleared for it, and the specification's parser rejects the whole field over it."),
                    format!("Quote the type: `\"{t}\"`."),
                ),
                (false, None) => (
                    Severity::Warning,
                    format!("`{member}` in `Clear-Site-Data` is not a quoted string naming a type: Chromium skips it, and the specification's parser rejects the whole field over it."),
                    "Quote each type, e.g. `Clear-Site-Data: \"cache\", \"cookies\", \"storage\"`.".to_string(),
                ),
            };
            findings.push((i, finding));
        }
    }
    for (i, (severity, message, fix)) in findings {
        c.report_with(severity, Target::Header { name: "Clear-Site-Data".into(), index: Some(i) }, message, fix);
    }
}
