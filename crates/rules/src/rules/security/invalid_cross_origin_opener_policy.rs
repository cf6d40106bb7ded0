use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A `Cross-Origin-Opener-Policy` that is not a structured-field token among `same-origin`,
    /// `same-origin-allow-popups`, `noopener-allow-popups` and `unsafe-none` (parameters such as
    /// `report-to="…"` are fine). Tokens are case-sensitive.
    ///
    /// ## Why it matters
    /// The HTML standard parses the header as a structured-field item and falls back to
    /// `unsafe-none` for anything else: a quoted value, a typo, different casing (`Same-Origin`)
    /// or two values (`same-origin, same-origin` from two layers) all leave the document in the
    /// same browsing-context group as cross-origin openers and popups — no isolation, and no
    /// `crossOriginIsolated`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cross-Origin-Opener-Policy: "same-origin"
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>App</title>
    /// ```
    ///
    /// ## Fix
    /// Send a single bare token: `Cross-Origin-Opener-Policy: same-origin`.
    pub static INVALID_CROSS_ORIGIN_OPENER_POLICY = {
        code: "SEC013",
        name: "invalid-cross-origin-opener-policy",
        category: Security,
        severity: Warning,
        summary: "An unrecognised Cross-Origin-Opener-Policy falls back to unsafe-none",
        specs: [
            StaticSpec::Other("HTML: Cross-Origin-Opener-Policy headers", "https://html.spec.whatwg.org/multipage/browsers.html#the-coop-headers"),
        ],
        requires: &["Cross-Origin-Opener-Policy"],
        check: check,
    }
}

pub(crate) fn check_token_header(c: &mut Checker<'_>, name: &str, allowed: &[&str], fallback: &str, effect: &str) {
    let Some((i, _)) = super::present(c, name) else { return };
    let Some(combined) = c.header_combined(name) else { return };
    let ok = super::bare_token(&combined).is_some_and(|t| allowed.contains(&t));
    if ok {
        return;
    }
    let list = allowed.iter().map(|a| format!("`{a}`")).collect::<Vec<_>>().join(", ");
    c.report(
        Target::Header { name: name.to_string().into(), index: Some(i) },
        format!("`{name}: {combined}` is not one of {list}: browsers treat it as `{fallback}`, {effect}."),
        format!("Send a single bare, lowercase token, e.g. `{name}: {}`.", allowed[0]),
    );
}

fn check(c: &mut Checker<'_>) {
    check_token_header(
        c,
        "Cross-Origin-Opener-Policy",
        &["same-origin", "same-origin-allow-popups", "noopener-allow-popups", "unsafe-none"],
        "unsafe-none",
        "so the document is not isolated from cross-origin windows",
    );
}
