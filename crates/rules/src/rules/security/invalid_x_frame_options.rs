use std::collections::HashSet;

use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::{rfc, StaticSpec};

use super::csp;

declare_rule! {
    /// ## What it checks
    /// An `X-Frame-Options` value other than `DENY` or `SAMEORIGIN` (case-insensitive), such as
    /// `ALLOW-FROM https://partner.example`, a typo, or several conflicting values.
    ///
    /// ## Why it matters
    /// Browsers process `X-Frame-Options` as the HTML standard describes: an unknown value —
    /// including `ALLOW-FROM`, which no current browser supports — is ignored, so the page can
    /// be framed by anyone; several different values (`DENY, SAMEORIGIN`, e.g. from two layers
    /// each adding the header) make browsers refuse all framing, including your own. When an
    /// enforced `Content-Security-Policy` has `frame-ancestors`, browsers ignore
    /// `X-Frame-Options` entirely, and the finding is only informational.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// X-Frame-Options: ALLOW-FROM https://partner.example
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Widget</title>
    /// ```
    ///
    /// ## Fix
    /// Send one `X-Frame-Options: DENY` or `SAMEORIGIN`; to allow specific framers, use
    /// `Content-Security-Policy: frame-ancestors 'self' https://partner.example`.
    pub static INVALID_X_FRAME_OPTIONS = {
        code: "SEC010",
        name: "invalid-x-frame-options",
        category: Security,
        severity: Warning,
        summary: "X-Frame-Options accepts only DENY or SAMEORIGIN",
        specs: [
            StaticSpec::Other("HTML: The X-Frame-Options header", "https://html.spec.whatwg.org/#the-x-frame-options-header"),
            rfc(7034, "2.1"),
        ],
        requires: &["X-Frame-Options"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, raw)) = super::present(c, "X-Frame-Options") else { return };
    // The usual case, one known value (however often repeated), needs no further work.
    let mut members = c.header_members("X-Frame-Options");
    if let Some(first) = members.next() {
        let known_first = ["deny", "sameorigin", "allowall"].iter().any(|k| first.eq_ignore_ascii_case(k));
        if known_first && members.all(|m| m.eq_ignore_ascii_case(first)) {
            return;
        }
    }
    let headers = &c.response().headers;
    let mut set: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for v in headers.list("X-Frame-Options") {
        let l = v.to_ascii_lowercase();
        if seen.insert(l.clone()) {
            set.push(l);
        }
    }
    let known = |v: &str| matches!(v, "deny" | "sameorigin" | "allowall");
    // (what is wrong, what browsers then do, fix)
    let (problem, effect, fix) = if set.is_empty() {
        ("`X-Frame-Options` is empty".to_string(), "browsers ignore it and any site can frame the page", "Send `X-Frame-Options: DENY` or `SAMEORIGIN`.")
    } else if set.len() > 1 {
        if set.iter().any(|v| known(v.as_str())) {
            (
                format!("`X-Frame-Options` has several different values (`{}`)", set.join(", ")),
                "browsers then refuse every frame, same-origin ones included",
                "Send a single `X-Frame-Options` value (remove the duplicate added by another layer).",
            )
        } else {
            (
                format!("`X-Frame-Options` values `{}` are not recognised", set.join(", ")),
                "browsers ignore them and any site can frame the page",
                "Send `X-Frame-Options: DENY` or `SAMEORIGIN`.",
            )
        }
    } else if known(set[0].as_str()) {
        return;
    } else if set[0].starts_with("allow-from") {
        (
            format!("`X-Frame-Options: {raw}` is not supported by current browsers"),
            "they ignore it and any site can frame the page",
            "Use `Content-Security-Policy: frame-ancestors 'self' https://…` to allow specific sites, and `X-Frame-Options: SAMEORIGIN`.",
        )
    } else {
        (
            format!("`X-Frame-Options: {raw}` is not a valid value"),
            "browsers ignore it and any site can frame the page",
            "Send `X-Frame-Options: DENY` or `SAMEORIGIN`.",
        )
    };
    let has_frame_ancestors =
        csp::response_policies(c, "Content-Security-Policy").iter().any(|p| p.get("frame-ancestors").is_some());
    let target = Target::Header { name: "X-Frame-Options".into(), index: Some(i) };
    if has_frame_ancestors {
        c.report_with(
            Severity::Info,
            target,
            format!("{problem}, but it has no effect here: browsers follow the `frame-ancestors` directive of the `Content-Security-Policy` instead."),
            fix.to_string(),
        );
    } else {
        c.report(target, format!("{problem}: {effect}."), fix.to_string());
    }
}
