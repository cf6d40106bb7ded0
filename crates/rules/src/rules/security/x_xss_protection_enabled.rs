use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// An `X-XSS-Protection` header with any value other than `0`.
    ///
    /// ## Why it matters
    /// The header controlled the "XSS auditor" of old browsers. Chrome removed it (version
    /// 78), Edge and Safari followed, and Firefox never had one, so `1; mode=block` protects no
    /// current user. Where the filter still exists it did harm: attackers could trigger it on
    /// purpose to disable legitimate scripts or to learn about page content (cross-site leaks).
    /// OWASP therefore recommends not setting it, or setting it to `0`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// X-XSS-Protection: 1; mode=block
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Remove the header (or send `X-XSS-Protection: 0`) and rely on a
    /// `Content-Security-Policy` instead.
    pub static X_XSS_PROTECTION_ENABLED = {
        code: "SEC016",
        name: "x-xss-protection-enabled",
        category: Security,
        severity: Info,
        summary: "X-XSS-Protection enables a filter that browsers removed; send 0 or nothing",
        specs: [
            StaticSpec::Other("OWASP HTTP Headers Cheat Sheet: X-XSS-Protection", "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Headers_Cheat_Sheet.html#x-xss-protection"),
            StaticSpec::Other("MDN: X-XSS-Protection", "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/X-XSS-Protection"),
        ],
        requires: &["X-XSS-Protection"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, v)) = super::present(c, "X-XSS-Protection") else { return };
    if v.trim_fast() == "0" {
        return;
    }
    c.report(
        Target::Header { name: "X-XSS-Protection".into(), index: Some(i) },
        format!("`X-XSS-Protection: {v}` turns on an XSS filter that current browsers no longer have and that caused cross-site leaks in those that did."),
        "Remove `X-XSS-Protection` (or send `X-XSS-Protection: 0`) and use a `Content-Security-Policy`.",
    );
}
