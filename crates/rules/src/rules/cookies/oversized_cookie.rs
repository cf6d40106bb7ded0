use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::{set_cookies, MAX_ATTRIBUTE_VALUE, MAX_NAME_VALUE};

declare_rule! {
    /// ## What it checks
    /// A cookie whose name and value together exceed 4096 bytes, or an attribute value longer
    /// than 1024 bytes.
    ///
    /// ## Why it matters
    /// RFC 6265bis §5.6: "If the sum of the lengths of the name string and the value string is
    /// more than 4096 octets, abort these steps and ignore the set-cookie-string entirely", and
    /// attribute values over 1024 octets are ignored. Browsers enforce these limits: the cookie
    /// (or the attribute — often a long `Path` or `Domain`) silently disappears. Large cookies
    /// are also sent with every request to the site, slowing each one.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: state=eyJ1c2VyIjp7ImlkIjo0Mi…(5000 bytes)…; Path=/; Secure
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Keep state on the server and store only an identifier in the cookie, or split it across
    /// cookies well under the limit.
    pub static OVERSIZED_COOKIE = {
        code: "COO009",
        name: "oversized-cookie",
        category: Cookies,
        severity: Warning,
        summary: "Cookies over 4096 bytes (or attributes over 1024) are dropped by browsers",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.6 (The Set-Cookie Header Field)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6"),
            StaticSpec::Other("RFC 6265bis §6.1 (Limits)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-6.1"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies {
        let size = ck.name.len() + ck.value.len();
        if size > MAX_NAME_VALUE {
            c.report(
                super::target(ck.index),
                format!("Cookie `{}` has {size} bytes of name and value, over the 4096-byte limit: browsers ignore it entirely.", ck.label()),
                "Store an identifier in the cookie and keep the data on the server.",
            );
            continue;
        }
        for a in ck.attrs.iter().filter(|a| a.value.len() > MAX_ATTRIBUTE_VALUE) {
            c.report(
                super::target(ck.index),
                format!("Cookie `{}` has a `{}` value of {} bytes, over the 1024-byte limit: browsers ignore that attribute.", ck.label(), a.name, a.value.len()),
                format!("Shorten the `{}` value to 1024 bytes or less.", a.name),
            );
        }
    }
}
