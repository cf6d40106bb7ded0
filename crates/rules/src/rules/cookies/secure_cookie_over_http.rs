use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A `Set-Cookie` with `Secure` on a response to a plain-`http` request for a host that is
    /// not potentially trustworthy (not `localhost`, 127.0.0.0/8 or `[::1]`). Silent when the
    /// request is unknown or given in origin form. (A `__Secure-`/`__Host-` cookie without
    /// `Secure` is rejected whatever the transport: `invalid-secure-prefix-cookie` and
    /// `invalid-host-prefix-cookie` report it.)
    ///
    /// ## Why it matters
    /// A cookie with the secure-only flag received over a non-secure scheme is ignored
    /// entirely (RFC 6265bis §5.7, storage model). Chromium and Firefox count `localhost` and
    /// loopback addresses as secure for this (Safari did not yet at the time of writing, 2026), so the cookie works in
    /// development and is silently dropped on a plain-HTTP staging host: the session never
    /// starts, or a `Max-Age=0` meant to delete it deletes nothing (checked in Chromium: the
    /// cookie is stored from `http://127.0.0.1`, not from a plain-HTTP host name).
    ///
    /// An error: the cookie is not stored, so whatever depends on it breaks.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: session=8f2c; Secure; HttpOnly; Path=/
    /// ```
    /// in answer to `POST http://staging.example/login`.
    ///
    /// ## Fix
    /// Serve the host over HTTPS. (Dropping `Secure` would send the session in clear text.)
    pub static SECURE_COOKIE_OVER_HTTP = {
        code: "COO019",
        name: "secure-cookie-over-http",
        category: Cookies,
        severity: Error,
        summary: "Browsers drop Secure cookies set over plain HTTP",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.7 (Storage Model)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    // The transport first: almost every request is known to be HTTPS, or not known at all.
    let Some(host) = crate::rules::security::insecure_http_host(c) else { return };
    let Some(cookies) = set_cookies(c).filter(|v| !v.is_empty()) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely() && k.secure()) {
        c.report(
            super::target(ck.index),
            format!("Cookie `{}` has `Secure` but comes over plain HTTP from `{host}`: browsers ignore it entirely (Chromium and Firefox make an exception only for `localhost` and loopback addresses).", ck.label()),
            format!("Serve `{host}` over HTTPS."),
        );
    }
}
