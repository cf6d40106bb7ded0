use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::{rfc, StaticSpec};

use super::csp;

declare_rule! {
    /// ## What it checks
    /// An HTML document with neither a `frame-ancestors` directive in an enforced
    /// `Content-Security-Policy` nor an `X-Frame-Options` header.
    ///
    /// ## Why it matters
    /// Without either, any site can load the page in an invisible frame and trick users into
    /// clicking its buttons (clickjacking). `frame-ancestors` (CSP Level 3) is the
    /// standard control; `X-Frame-Options` (RFC 7034; the HTML standard) is the older one that every
    /// browser still honours. `frame-ancestors` is ignored in a `<meta>` policy, so only the
    /// header counts.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><form method="post" action="/transfer">…</form>
    /// ```
    ///
    /// ## Fix
    /// Send `Content-Security-Policy: frame-ancestors 'self'` (or `'none'`), and
    /// `X-Frame-Options: SAMEORIGIN` (or `DENY`) for older browsers.
    pub static MISSING_CLICKJACKING_PROTECTION = {
        code: "SEC006",
        name: "missing-clickjacking-protection",
        category: Security,
        severity: Info,
        summary: "HTML documents should say who may frame them (frame-ancestors or X-Frame-Options)",
        specs: [
            StaticSpec::Other("CSP Level 3: frame-ancestors", "https://www.w3.org/TR/CSP3/#directive-frame-ancestors"),
            StaticSpec::Other("HTML: The X-Frame-Options header", "https://html.spec.whatwg.org/#the-x-frame-options-header"),
            rfc(7034, "2"),
        ],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !super::is_document(c) {
        return;
    }
    if !matches!(c.header("X-Frame-Options"), Presence::Absent) {
        return;
    }
    match c.header("Content-Security-Policy") {
        Presence::Hidden => return,
        Presence::Present(..) => {
            let policies = csp::response_policies(c, "Content-Security-Policy");
            if policies.iter().any(|p| p.get("frame-ancestors").is_some()) {
                return;
            }
        }
        Presence::Absent => {}
    }
    c.report(
        Target::Header { name: "X-Frame-Options".into(), index: None },
        "Neither `frame-ancestors` nor `X-Frame-Options` is set: any site can frame this page (clickjacking).",
        "Add `Content-Security-Policy: frame-ancestors 'self'` and `X-Frame-Options: SAMEORIGIN`.",
    );
}
