use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::{set_cookies, MAX_LIFETIME};

declare_rule! {
    /// ## What it checks
    /// A cookie whose `Max-Age` is more than 400 days, or — without `Max-Age` — whose `Expires`
    /// lies more than 400 days after "now" (needs the lint's clock).
    ///
    /// ## Why it matters
    /// RFC 6265bis §5.6.1 and §5.6.2 let user agents cap cookie lifetimes, recommending 400 days
    /// or less; Chrome, Edge and Firefox cap at 400 days. A "never expires"
    /// cookie (`Expires=Fri, 31 Dec 9999 …`) therefore disappears after about 13 months unless
    /// the server refreshes it; the code relying on it should expect that.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: consent=all; Path=/; Secure; SameSite=Lax; Max-Age=315360000
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Use a lifetime of at most 400 days (`Max-Age=34560000`) and re-issue the cookie when the
    /// user returns.
    pub static COOKIE_LIFETIME_OVER_400_DAYS = {
        code: "COO017",
        name: "cookie-lifetime-over-400-days",
        category: Cookies,
        severity: Info,
        summary: "Browsers cap cookie lifetimes at 400 days",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.6.1 (The Expires Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.1"),
            StaticSpec::Other("RFC 6265bis §5.6.2 (The Max-Age Attribute)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6.2"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    let now = c.context.now;
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        let days = match (ck.max_age(), ck.expires(), now) {
            (Some(m), _, _) if m > MAX_LIFETIME as i64 => m / 86_400,
            (Some(_), _, _) => continue,
            (None, Some(e), Some(now)) if e > now as i64 + MAX_LIFETIME as i64 => (e - now as i64) / 86_400,
            _ => continue,
        };
        let asked = if days >= 730 { format!("about {} years", days / 365) } else { format!("{days} days") };
        c.report(
            super::target(ck.index),
            format!("Cookie `{}` asks to live {asked}; browsers cap cookie lifetimes at 400 days.", ck.label()),
            "Use at most 400 days (`Max-Age=34560000`) and refresh the cookie on later visits.",
        );
    }
}
