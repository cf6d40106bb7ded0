use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::{set_cookies, MAX_ATTRIBUTE_VALUE};

declare_rule! {
    /// ## What it checks
    /// An `Expires` attribute that the cookie-date algorithm of RFC 6265bis §5.1.1 cannot read.
    /// The algorithm is lenient — `Wed, 21 Oct 2026 07:28:00 GMT`, `Wednesday, 21-Oct-26
    /// 07:28:00 GMT` and asctime dates all work — but it needs a day, a month name, a year and
    /// an `hh:mm:ss` time.
    ///
    /// ## Why it matters
    /// RFC 6265bis §5.6.1: "If the attribute-value failed to parse as a cookie date, ignore the
    /// cookie-av." The cookie then becomes a session cookie (deleted when the browser closes)
    /// instead of persisting — or, when the intent was deletion (`Expires=0`), it is *not*
    /// deleted. ISO 8601 dates (`2026-10-21T07:28:00Z`), Unix timestamps and `0` are common
    /// mistakes.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: lang=en; Path=/; Expires=2026-12-31T23:59:59Z
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Write an HTTP-date, `Expires=Thu, 31 Dec 2026 23:59:59 GMT`, or use `Max-Age` in seconds
    /// (`Max-Age=0` to delete).
    pub static INVALID_COOKIE_EXPIRES = {
        code: "COO007",
        name: "invalid-cookie-expires",
        category: Cookies,
        severity: Warning,
        summary: "An Expires attribute that is not a cookie date is ignored",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.1.1 (Dates)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.1.1"),
            StaticSpec::Other("RFC 6265bis §5.6.1 (The Expires Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.1"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        for a in ck.attrs.iter().filter(|a| a.is("Expires") && a.value.len() <= MAX_ATTRIBUTE_VALUE) {
            if super::date::parse(a.value).is_some() {
                continue;
            }
            let effect = if ck.max_age().is_some() {
                "(here `Max-Age` sets the lifetime anyway)"
            } else {
                "so the cookie lasts only until the browser closes"
            };
            c.report(
                super::target(ck.index),
                format!("Cookie `{}` has `Expires={}`, which is not a cookie date: browsers ignore the attribute, {effect}.", ck.label(), a.value),
                "Write an HTTP-date such as `Expires=Thu, 31 Dec 2026 23:59:59 GMT`, or use `Max-Age` in seconds.",
            );
        }
    }
}
