use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A `Referrer-Policy` whose effective policy (the last recognised token) is `unsafe-url` or
    /// `no-referrer-when-downgrade`.
    ///
    /// ## Why it matters
    /// Both send the full URL — path and query string included — to every other origin:
    /// `unsafe-url` even from HTTPS pages to plain-HTTP ones, `no-referrer-when-downgrade` to any
    /// HTTPS site. URLs often carry identifiers, search terms or tokens (password-reset links,
    /// session ids in query strings) that then end up in third parties' logs. Browsers' default,
    /// `strict-origin-when-cross-origin`, sends only the origin across sites.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Referrer-Policy: unsafe-url
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Reset password</title>
    /// ```
    ///
    /// ## Fix
    /// Use `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer` for pages whose
    /// URLs are sensitive).
    pub static LEAKY_REFERRER_POLICY = {
        code: "SEC012",
        name: "leaky-referrer-policy",
        category: Security,
        severity: Info,
        summary: "Referrer policies unsafe-url and no-referrer-when-downgrade leak full URLs to other sites",
        specs: [
            StaticSpec::Other("Referrer Policy: \"unsafe-url\"", "https://w3c.github.io/webappsec-referrer-policy/#referrer-policy-unsafe-url"),
            StaticSpec::Other("Referrer Policy: \"no-referrer-when-downgrade\"", "https://w3c.github.io/webappsec-referrer-policy/#referrer-policy-no-referrer-when-downgrade"),
        ],
        requires: &["Referrer-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = super::present(c, "Referrer-Policy") else { return };
    // The last recognised policy wins.
    let Some(effective) = c.header_members("Referrer-Policy").filter(|t| super::invalid_referrer_policy::is_policy(t)).last()
    else {
        return;
    };
    let what = if effective.eq_ignore_ascii_case("unsafe-url") {
        "the full URL (path and query) to every origin, even from HTTPS pages to HTTP ones"
    } else if effective.eq_ignore_ascii_case("no-referrer-when-downgrade") {
        "the full URL (path and query) to every other HTTPS origin"
    } else {
        return;
    };
    let e = effective.to_ascii_lowercase();
    c.report(
        Target::Header { name: "Referrer-Policy".into(), index: Some(i) },
        format!("The effective referrer policy `{e}` sends {what}."),
        "Use `Referrer-Policy: strict-origin-when-cross-origin` (or `no-referrer`).",
    );
}
