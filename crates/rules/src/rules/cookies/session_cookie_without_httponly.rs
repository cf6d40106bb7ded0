use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::{looks_like_session, set_cookies};

declare_rule! {
    /// ## What it checks
    /// A cookie whose name suggests a session or credential (`session`, `sid`, `PHPSESSID`,
    /// `connect.sid`, `auth…`, `…token`, `jwt`, `remember…`) set without `HttpOnly`. CSRF
    /// tokens (`csrftoken`, `XSRF-TOKEN`) are meant to be read by scripts and are not reported,
    /// nor are deletions.
    ///
    /// ## Why it matters
    /// `HttpOnly` keeps the cookie out of `document.cookie` (RFC 6265bis §4.1.2.6). Without it,
    /// any cross-site-scripting bug lets an attacker read the session identifier and take over
    /// the account from anywhere, long after the page is closed.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: sessionid=38afes7a8; Path=/; Secure; SameSite=Lax
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Welcome</title>
    /// ```
    ///
    /// ## Fix
    /// Add `HttpOnly` to session and authentication cookies.
    pub static SESSION_COOKIE_WITHOUT_HTTPONLY = {
        code: "COO003",
        name: "session-cookie-without-httponly",
        category: Cookies,
        severity: Info,
        summary: "Session cookies should be HttpOnly so scripts cannot read them",
        specs: [StaticSpec::Other("RFC 6265bis §4.1.2.6 (The HttpOnly Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.2.6")],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    let now = c.context.now;
    for ck in cookies.iter().filter(|k| !k.ignored_entirely() && !k.name.is_empty()) {
        if ck.http_only() || ck.is_deletion(now) || !looks_like_session(&ck.base_name_lower()) {
            continue;
        }
        c.report(
            super::target(ck.index),
            format!("Cookie `{}` looks like a session or credential cookie but is not `HttpOnly`: any injected script can read it.", ck.label()),
            "Add `HttpOnly` to the cookie.",
        );
    }
}
