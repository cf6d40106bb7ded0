use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::model::TrimExt;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `Set-Cookie2` header field (RFC 2965), which RFC 6265 obsoleted in 2011.
    ///
    /// A warning when no `Set-Cookie` line of the response sets a cookie of the same name: the
    /// cookie is then never set. Info when one does: the `Set-Cookie2` line is dead weight.
    ///
    /// ## Why it matters
    /// Browsers ignore `Set-Cookie2`: RFC 6265 replaced RFC 2965 and registers the field as
    /// obsolete (§9.4). Checked in Chromium: `Set-Cookie2: two=2; Version=1; Path=/` leaves the
    /// cookie jar empty, where `Set-Cookie: one=1; Path=/` sets `one`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Set-Cookie2: session=31d4d96e407aad42; Version=1; Path=/; Discard
    ///
    /// <!doctype html><title>Signed in</title>
    /// ```
    ///
    /// ## Fix
    /// Set the cookie with `Set-Cookie` (RFC 6265 syntax: no `Version`, `Discard`, `Comment` or
    /// `Port` attributes) and remove `Set-Cookie2`.
    pub static OBSOLETE_SET_COOKIE2 = {
        code: "COO021",
        name: "obsolete-set-cookie2",
        category: Cookies,
        severity: Warning,
        summary: "Set-Cookie2 is obsolete and ignored by browsers: use Set-Cookie",
        specs: [rfc(6265, "9.4"), rfc(6265, "1")],
        requires: &["Set-Cookie2"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let set = super::parse::set_cookies(c).unwrap_or_default();
    for (i, v) in c.header_lines("Set-Cookie2") {
        // RFC 2965 allows several cookies in one line; the first one's name is enough to tell
        // whether `Set-Cookie` covers it.
        let first = v.split([';', ',']).next().unwrap_or("");
        let name = crate::model::split_byte(first, b'=').next().unwrap_or("").trim_fast();
        let covered = !name.is_empty() && set.iter().any(|s| s.name == name);
        let (severity, message) = if covered {
            (Severity::Info, format!("`Set-Cookie2` is obsolete and ignored by browsers; the `{name}` cookie is also set by `Set-Cookie`, which they read."))
        } else {
            (Severity::Warning, "`Set-Cookie2` is obsolete and ignored by browsers: the cookies it carries are never set.".to_string())
        };
        c.report_with(
            severity,
            Target::Header { name: "Set-Cookie2".into(), index: Some(i) },
            message,
            "Set the cookie with `Set-Cookie` (without RFC 2965's `Version`, `Discard`, `Comment` or `Port`) and remove `Set-Cookie2`.",
        );
    }
}
