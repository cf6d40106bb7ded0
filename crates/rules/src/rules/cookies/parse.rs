//! `Set-Cookie` as user agents read it (RFC 6265bis §5.6), keeping what the rules need to point
//! at: each attribute as written, in order.

use crate::model::TrimExt;
use crate::registry::{Checker, Presence};

/// The longest name + value a user agent stores (RFC 6265bis §5.6, step 5).
pub const MAX_NAME_VALUE: usize = 4096;
/// The longest attribute value a user agent processes (RFC 6265bis §5.6).
pub const MAX_ATTRIBUTE_VALUE: usize = 1024;
/// The longest lifetime a user agent grants (RFC 6265bis §5.6.1, §5.6.2): 400 days.
pub const MAX_LIFETIME: u64 = 400 * 24 * 60 * 60;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr<'a> {
    /// The attribute name, whitespace-trimmed, as written.
    pub name: &'a str,
    /// The attribute value, whitespace-trimmed (empty without `=`).
    pub value: &'a str,
    pub has_eq: bool,
}

impl Attr<'_> {
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetCookie<'a> {
    /// Index of the `Set-Cookie` line.
    pub index: usize,
    pub raw: &'a str,
    /// The name-value pair as written, before the first `;`.
    pub pair: &'a str,
    pub name: &'a str,
    pub value: &'a str,
    /// Whether the name-value pair holds a `=` (without one, the string is a nameless value).
    pub has_eq: bool,
    pub attrs: Vec<Attr<'a>>,
}

fn trim_wsp(s: &str) -> &str {
    crate::model::trim_wsp(s)
}

pub fn parse(index: usize, raw: &str) -> SetCookie<'_> {
    let (pair, rest) = match crate::model::find_byte(raw, b';') {
        Some(i) => (&raw[..i], Some(&raw[i + 1..])),
        None => (raw, None),
    };
    let (name, value, has_eq) = match crate::model::find_byte(pair, b'=') {
        Some(i) => (trim_wsp(&pair[..i]), trim_wsp(&pair[i + 1..]), true),
        None => ("", trim_wsp(pair), false),
    };
    let mut attrs = Vec::new();
    if let Some(rest) = rest {
        for av in crate::model::split_byte(rest, b';') {
            let (n, v, eq) = match crate::model::find_byte(av, b'=') {
                Some(i) => (trim_wsp(&av[..i]), trim_wsp(&av[i + 1..]), true),
                None => (trim_wsp(av), "", false),
            };
            if n.is_empty() && v.is_empty() {
                continue;
            }
            attrs.push(Attr { name: n, value: v, has_eq: eq });
        }
    }
    SetCookie { index, raw, pair, name, value, has_eq, attrs }
}

impl<'a> SetCookie<'a> {
    /// Every attribute named `name` (case-insensitive) whose value a user agent would process
    /// (not longer than 1024 octets).
    pub fn all<'s, 'n>(&'s self, name: &'n str) -> impl Iterator<Item = &'s Attr<'a>> + use<'s, 'n, 'a> {
        self.attrs.iter().filter(move |a| a.is(name) && a.value.len() <= MAX_ATTRIBUTE_VALUE)
    }
    pub fn has(&self, name: &str) -> bool {
        self.all(name).next().is_some()
    }
    /// The last processed attribute named `name` (the last one wins, RFC 6265bis §5.7).
    pub fn last(&self, name: &str) -> Option<&Attr<'a>> {
        self.all(name).last()
    }
    pub fn secure(&self) -> bool {
        self.has("Secure")
    }
    pub fn http_only(&self) -> bool {
        self.has("HttpOnly")
    }
    /// The `Domain` attribute a user agent keeps: the last non-empty one, leading dot removed,
    /// lowercased.
    pub fn domain(&self) -> Option<String> {
        self.all("Domain")
            .filter(|a| !a.value.is_empty())
            .last()
            .map(|a| a.value.strip_prefix('.').unwrap_or(a.value).to_ascii_lowercase())
    }
    /// The last valid `Max-Age`, in seconds (RFC 6265bis §5.6.2).
    pub fn max_age(&self) -> Option<i64> {
        self.all("Max-Age").filter_map(|a| parse_max_age(a.value)).last()
    }
    /// The last valid `Expires`, in seconds since the epoch (RFC 6265bis §5.6.1).
    pub fn expires(&self) -> Option<i64> {
        self.all("Expires").filter_map(|a| super::date::parse(a.value)).last()
    }
    /// Whether the header removes the cookie rather than sets it: `Max-Age` of zero or less, or
    /// (without `Max-Age`) an `Expires` in the past.
    pub fn is_deletion(&self, now: Option<u64>) -> bool {
        if let Some(m) = self.max_age() {
            return m <= 0;
        }
        match (self.expires(), now) {
            (Some(e), Some(now)) => e <= now as i64,
            // Without a clock, an expiry before 2000 is a deletion by any reading.
            (Some(e), None) => e < 946_684_800,
            _ => false,
        }
    }
    /// The name without a `__Host-`/`__Secure-` prefix, lowercased.
    pub fn base_name_lower(&self) -> String {
        let l = self.name.to_ascii_lowercase();
        for p in ["__host-http-", "__host-", "__secure-", "__http-"] {
            if let Some(rest) = l.strip_prefix(p) {
                return rest.to_string();
            }
        }
        l
    }
    /// Whether user agents drop the whole header (RFC 6265bis §5.6: empty name and value, or
    /// name + value longer than 4096 octets).
    pub fn ignored_entirely(&self) -> bool {
        (self.name.is_empty() && self.value.is_empty()) || self.name.len() + self.value.len() > MAX_NAME_VALUE
    }
    /// A short label for messages: the name, or the value for a nameless cookie.
    pub fn label(&self) -> String {
        let s = if self.name.is_empty() { self.pair.trim_fast() } else { self.name };
        let mut out: String = s.chars().take(40).collect();
        if s.chars().count() > 40 {
            out.push('…');
        }
        out
    }
}

/// `Max-Age`: an optional `-` then digits only; saturates on overflow.
pub fn parse_max_age(v: &str) -> Option<i64> {
    let (neg, digits) = match v.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, v),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = i64::try_from(crate::model::saturating_decimal(digits)).unwrap_or(i64::MAX);
    Some(if neg { -n } else { n })
}

/// The response's `Set-Cookie` lines, parsed; `None` when the observer cannot see them (a
/// browser's `fetch` never exposes `Set-Cookie`), or for a `1xx` (RFC 6265bis §3 lets user
/// agents ignore those).
#[inline]
pub fn set_cookies<'a>(c: &Checker<'a>) -> Option<&'a [SetCookie<'a>]> {
    // Parsed once per lint, shared by the cookie rules.
    c.memo()
        .set_cookies
        .get_or_init(|| {
            if (100..200).contains(&c.status()) {
                return None;
            }
            if let Presence::Hidden = c.header("Set-Cookie") {
                return None;
            }
            Some(c.header_lines("Set-Cookie").map(|(i, v)| parse(i, v)).collect())
        })
        .as_deref()
}

/// Whether a cookie name looks like it carries a session or credential (not a CSRF token, which
/// scripts are meant to read).
pub fn looks_like_session(base_lower: &str) -> bool {
    let n = base_lower;
    if n.contains("csrf") || n.contains("xsrf") {
        return false;
    }
    n.contains("sess")
        || n.contains("token")
        || n.contains("jwt")
        || n == "sid"
        || n.ends_with("sid")
        || n.ends_with(".sid")
        || n.contains("remember")
        || (n.contains("auth") && !n.contains("author"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_like_a_user_agent() {
        let c = parse(0, " sid = abc ; Path=/ ; Secure; SameSite=Lax; Max-Age=60; Max-Age=x");
        assert_eq!((c.name, c.value, c.has_eq), ("sid", "abc", true));
        assert!(c.secure());
        assert_eq!(c.last("samesite").unwrap().value, "Lax");
        assert_eq!(c.max_age(), Some(60));
        let n = parse(0, "lonely");
        assert_eq!((n.name, n.value, n.has_eq), ("", "lonely", false));
        let d = parse(0, "a=b; Domain=; Domain=.Example.COM");
        assert_eq!(d.domain().as_deref(), Some("example.com"));
        for s in ["", ";", "=", ";;=;=", "a=b;=;Domain;Max-Age=-;Expires=;SameSite", "é=ü; Path=/ä"] {
            let c = parse(0, s);
            let _ = (c.domain(), c.max_age(), c.expires(), c.is_deletion(Some(0)), c.label());
        }
        assert_eq!(parse_max_age("-5"), Some(-5));
        assert_eq!(parse_max_age("99999999999999999999999"), Some(i64::MAX));
        for bad in ["", "-", "+5", "5s", "1.5", "--1"] {
            assert_eq!(parse_max_age(bad), None, "{bad}");
        }
    }

    #[test]
    fn session_names() {
        for n in ["sessionid", "phpsessid", "jsessionid", "connect.sid", "sid", "auth_token", ".aspxauth", "jwt", "remember_me"] {
            assert!(looks_like_session(n), "{n}");
        }
        for n in ["xsrf-token", "csrftoken", "lang", "theme", "author_pref", "consent"] {
            assert!(!looks_like_session(n), "{n}");
        }
    }
}
