use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A `Set-Cookie` attribute browsers do not know. RFC 6265bis defines `Expires`, `Max-Age`,
    /// `Domain`, `Path`, `Secure`, `HttpOnly` and `SameSite`; `Partitioned` (CHIPS) and
    /// Chromium's `Priority` are known too. A misspelling of one of those (`Http-Only`,
    /// `Secured`, `MaxAge`, `Same-Site`) is a `warning`; any other name (`Comment`, `Version`
    /// from the obsolete RFC 2965) is `info`.
    ///
    /// ## Why it matters
    /// A user agent ignores an attribute it does not recognise (RFC 6265bis §5.6: "ignore the
    /// cookie-av"), without a word. A typo in `HttpOnly` or `Secure` therefore ships a session
    /// cookie that scripts can read or that travels over plain HTTP, while the code looks right.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: sid=1f2e3d; Path=/; Http-Only; Secured; SameSite=Lax
    /// Content-Type: application/json
    ///
    /// {"ok":true}
    /// ```
    ///
    /// ## Fix
    /// Spell the attributes as defined: `Set-Cookie: sid=1f2e3d; Path=/; HttpOnly; Secure;
    /// SameSite=Lax`.
    pub static UNKNOWN_COOKIE_ATTRIBUTE = {
        code: "COO018",
        name: "unknown-cookie-attribute",
        category: Cookies,
        severity: Warning,
        summary: "Browsers ignore cookie attributes they do not know: a misspelt HttpOnly or Secure is lost",
        specs: [
            StaticSpec::Other("RFC 6265bis §5.6 (The Set-Cookie Header Field)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.6"),
            StaticSpec::Other("RFC 6265bis §4.1.1 (Set-Cookie Syntax)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.1"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

/// The attributes user agents act on.
const KNOWN: [&str; 9] = ["Expires", "Max-Age", "Domain", "Path", "Secure", "HttpOnly", "SameSite", "Partitioned", "Priority"];

/// The known attribute `name` is most likely a misspelling of: the same letters once dashes,
/// underscores, spaces and case are set aside (`Http-Only`, `maxage`), or a known name with a
/// letter or two added or cut off at the end (`Secured`, `Expire`); other typos (`HttpOnlly`)
/// count as unknown names.
fn meant(name: &str) -> Option<&'static str> {
    let bare: String = name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    KNOWN.into_iter().find(|k| {
        let k: String = k.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
        bare == k
            || (bare.starts_with(&k) && bare.len() <= k.len() + 2)
            || (bare.len() >= 4 && k.starts_with(&bare) && k.len() <= bare.len() + 2)
    })
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    let mut findings = Vec::new();
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        for a in &ck.attrs {
            if a.name.is_empty() || KNOWN.iter().any(|k| a.is(k)) {
                continue;
            }
            let written = if a.has_eq { format!("{}={}", a.name, a.value) } else { a.name.to_string() };
            findings.push(match meant(a.name) {
                Some(k) => (
                    Severity::Warning,
                    ck.index,
                    format!("Cookie `{}` has `{written}`, which browsers do not know and ignore: did you mean `{k}`? The cookie is stored without it.", ck.label()),
                    format!("Write `{k}`."),
                ),
                None => (
                    Severity::Info,
                    ck.index,
                    format!("Cookie `{}` has `{written}`, an attribute browsers do not know; they ignore it.", ck.label()),
                    "Remove the attribute, or use one browsers act on: `Expires`, `Max-Age`, `Domain`, `Path`, `Secure`, `HttpOnly`, `SameSite`, `Partitioned`.".to_string(),
                ),
            });
        }
    }
    for (severity, index, message, fix) in findings {
        c.report_with(severity, super::target(index), message, fix);
    }
}

#[cfg(test)]
mod tests {
    use super::meant;

    #[test]
    fn guesses_the_attribute_meant() {
        for (written, known) in [("Http-Only", "HttpOnly"), ("Secured", "Secure"), ("MaxAge", "Max-Age"), ("max_age", "Max-Age"), ("Same-Site", "SameSite"), ("Expire", "Expires"), ("HttpOnl", "HttpOnly")] {
            assert_eq!(meant(written), Some(known), "{written}");
        }
        for unknown in ["Version", "Comment", "Max", "Same", "HttpOnlly", "Pathname"] {
            assert_eq!(meant(unknown), None, "{unknown}");
        }
    }
}
