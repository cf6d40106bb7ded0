use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

use super::csp;

declare_rule! {
    /// ## What it checks
    /// A response with `X-Frame-Options: DENY` or `SAMEORIGIN` and enforced
    /// `Content-Security-Policy` `frame-ancestors` that together say something else. Every
    /// enforced policy must allow a framer, so `DENY` is matched when one of them allows none
    /// (`'none'`, or an empty list), and `SAMEORIGIN` when one is exactly `'self'` and every
    /// other one allows `'self'`.
    ///
    /// ## Why it matters
    /// When an enforced policy has `frame-ancestors`, browsers ignore `X-Frame-Options`
    /// (HTML, "check a navigation response's adherence to `X-Frame-Options`"; checked in
    /// Chromium). Only browsers without CSP Level 2 still read it. So `X-Frame-Options: DENY`
    /// beside `frame-ancestors 'self' https://partner.example` does not forbid framing: the page
    /// can be framed by its own origin and the partner. That is often the intent (the old header
    /// as a fallback), but when `DENY` was meant, the policy quietly loosened it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// X-Frame-Options: DENY
    /// Content-Security-Policy: default-src 'self'; frame-ancestors 'self'
    /// ```
    ///
    /// ## Fix
    /// Make `frame-ancestors` say what you mean (`'none'` to forbid all framing), and keep
    /// `X-Frame-Options` consistent with it for old browsers.
    pub static X_FRAME_OPTIONS_OVERRIDDEN = {
        code: "SEC035",
        name: "x-frame-options-overridden",
        category: Security,
        severity: Info,
        summary: "frame-ancestors in an enforced policy overrides a different X-Frame-Options",
        specs: [
            StaticSpec::Other("HTML: The X-Frame-Options header", "https://html.spec.whatwg.org/#the-x-frame-options-header"),
            StaticSpec::Other("CSP Level 3: frame-ancestors", "https://www.w3.org/TR/CSP3/#directive-frame-ancestors"),
        ],
        requires: &["X-Frame-Options"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = super::present(c, "X-Frame-Options") else { return };
    // One value, however often repeated (`invalid-x-frame-options` covers the rest).
    let mut members = c.header_members("X-Frame-Options");
    let Some(first) = members.next() else { return };
    if !members.all(|m| m.eq_ignore_ascii_case(first)) {
        return;
    }
    let equivalent = if first.eq_ignore_ascii_case("deny") {
        "'none'"
    } else if first.eq_ignore_ascii_case("sameorigin") {
        "'self'"
    } else {
        return;
    };
    let lists = || csp::response_policies(c, csp::ENFORCED).iter().filter_map(|p| p.get("frame-ancestors")).map(|d| d.values.as_slice());
    if lists().next().is_none() {
        return;
    }
    let allows_none = |l: &[&str]| matches!(l, [] | [_]) && l.first().is_none_or(|v| v.eq_ignore_ascii_case("'none'"));
    let is_self = |v: &&str| v.eq_ignore_ascii_case("'self'");
    let same = if equivalent == "'none'" {
        lists().any(allows_none)
    } else {
        lists().any(|l| matches!(l, [v] if is_self(v))) && lists().all(|l| l.iter().any(is_self))
    };
    if same {
        return;
    }
    let list = lists()
        .map(|l| if l.is_empty() { "(empty: `'none'`)".to_string() } else { format!("`{}`", l.join(" ")) })
        .collect::<Vec<_>>()
        .join(" and ");
    c.report(
        Target::Header { name: "X-Frame-Options".into(), index: Some(i) },
        format!("`X-Frame-Options: {first}` is ignored by current browsers, which follow `frame-ancestors` {list} instead."),
        format!("If `{first}` is what you mean, set `frame-ancestors {equivalent}`; otherwise make `X-Frame-Options` match the policy for old browsers."),
    );
}
