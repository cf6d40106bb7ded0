use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A cookie name that is not a token, or a cookie value with characters outside
    /// `cookie-octet` (RFC 6265bis §4.1.1): spaces, double quotes (other than one pair around
    /// the whole value), commas, semicolons, backslashes, control characters or non-ASCII bytes.
    ///
    /// ## Why it matters
    /// Servers "SHOULD NOT send Set-Cookie header fields that fail to conform to the following
    /// grammar" (§4.1.1), which exists because user agents, proxies and server frameworks
    /// disagree on such cookies: some truncate the value at a space or comma, some drop the
    /// cookie, some mangle non-ASCII bytes, and the `Cookie` header sent back may not parse on
    /// the server. §4.1.1 recommends encoding arbitrary data, e.g. with Base64.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: greeting=hello world, again; Path=/
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Encode the value (Base64url or percent-encoding): `greeting=hello%20world%2C%20again`.
    pub static INVALID_COOKIE_CHARACTERS = {
        code: "COO013",
        name: "invalid-cookie-characters",
        category: Cookies,
        severity: Warning,
        summary: "Cookie names must be tokens and values must use cookie-octets only",
        specs: [StaticSpec::Other("RFC 6265bis §4.1.1 (Set-Cookie Syntax)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.1")],
        requires: &["Set-Cookie"],
        check: check,
    }
}

/// `cookie-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E`
fn is_cookie_octet(c: char) -> bool {
    matches!(c, '\x21' | '\x23'..='\x2B' | '\x2D'..='\x3A' | '\x3C'..='\x5B' | '\x5D'..='\x7E')
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '"' => "a double quote".into(),
        ',' => "a comma".into(),
        '\\' => "a backslash".into(),
        '\t' => "a tab".into(),
        c if c.is_control() => format!("the control character U+{:04X}", c as u32),
        c if !c.is_ascii() => format!("the non-ASCII character `{c}`"),
        c => format!("`{c}`"),
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely() && k.has_eq) {
        if let Some(bad) = ck.name.chars().find(|&ch| !crate::rules::content::media::is_token_char(ch)) {
            c.report(
                super::target(ck.index),
                format!("Cookie name `{}` contains {}, which is not allowed in a cookie name (a token).", ck.label(), describe(bad)),
                "Use only letters, digits, `-`, `_` and `.` in cookie names.",
            );
            continue;
        }
        let v = ck.value;
        let inner = if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') { &v[1..v.len() - 1] } else { v };
        if let Some(bad) = inner.chars().find(|&ch| !is_cookie_octet(ch)) {
            c.report(
                super::target(ck.index),
                format!("The value of cookie `{}` contains {}, outside the characters cookie values may use: clients and servers may truncate or reject it.", ck.label(), describe(bad)),
                "Encode the value, e.g. with Base64url or percent-encoding.",
            );
        }
    }
}
