use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::{rfc, StaticSpec};

use super::{cache_control, is_token, REQUEST_ONLY_DIRECTIVES, RESPONSE_DIRECTIVES};

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` directive that is not in the IANA HTTP Cache Directive Registry
    /// (RFC 9111 §5.2.2, `immutable` from RFC 8246, `stale-while-revalidate` and `stale-if-error`
    /// from RFC 5861). Near misses such as `max_age`, `maxage` or `no_cache` are pointed at the
    /// directive they resemble; the legacy Internet Explorer `pre-check` / `post-check` are
    /// named as such.
    ///
    /// ## Why it matters
    /// "A cache MUST ignore unrecognized cache directives" (RFC 9111 §5.2.3). A misspelt
    /// directive is silently dropped, so the response is cached — or not — differently from what
    /// was intended. Genuine extensions are fine; this is information, not an error.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max_age=600, no-cahce
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Correct the spelling (`max-age=600, no-cache`) or remove directives no cache understands.
    pub static UNKNOWN_CACHE_DIRECTIVE = {
        code: "CAC010",
        name: "unknown-cache-directive",
        category: Caching,
        severity: Info,
        summary: "Caches ignore Cache-Control directives they do not recognise",
        specs: [
            rfc(9111, "5.2.3"),
            StaticSpec::Other("IANA HTTP Cache Directive Registry", "https://www.iana.org/assignments/http-cache-directives/"),
        ],
        requires: &["Cache-Control"],
        check: check,
    }
}

/// Lower-case letters and digits only: `max_age`, `Max Age` and `maxage` all become `maxage`.
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_lowercase()).collect()
}

/// A known directive the name is probably a misspelling of: same letters ignoring separators,
/// or one adjacent transposition / one letter off for names of 6+ letters.
fn suggestion(name: &str) -> Option<&'static str> {
    let sq = squash(name);
    let known = RESPONSE_DIRECTIVES.iter().chain(REQUEST_ONLY_DIRECTIVES.iter());
    for k in known.clone() {
        if squash(k) == sq {
            return Some(k);
        }
    }
    if sq.len() < 6 {
        return None;
    }
    known.copied().find(|k| near(&squash(k), &sq))
}

/// Edit distance at most 1, or one adjacent transposition. Linear.
fn near(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).take(3).collect();
        return match diff.as_slice() {
            [_] => true,
            [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
            _ => false,
        };
    }
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let p = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    short[p..] == long[p + 1..]
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    let unknown: Vec<_> = cc
        .directives
        .iter()
        .filter(|d| !RESPONSE_DIRECTIVES.contains(&d.name.as_ref()) && !REQUEST_ONLY_DIRECTIVES.contains(&d.name.as_ref()))
        .cloned()
        .collect();
    for d in unknown {
        let target = d.target("Cache-Control");
        if d.name == "pre-check" || d.name == "post-check" {
            c.report(
                target,
                format!("`{}` is a legacy Internet Explorer extension that current caches ignore.", d.raw),
                "Remove `pre-check` / `post-check`; `no-store` or `no-cache` say what you mean.",
            );
        } else if let Some(k) = suggestion(&d.name) {
            c.report(
                target,
                format!("`{}` is not a registered cache directive and caches ignore it; did you mean `{k}`?", d.raw),
                format!("Write `{k}`."),
            );
        } else if !is_token(&d.name) {
            c.report(
                target,
                format!("`{}` is not a well-formed cache directive (a directive name is a token); caches ignore it.", d.raw),
                "Separate directives with commas and write them as `name` or `name=value`.",
            );
        } else {
            c.report(
                target,
                format!("`{}` is not a registered cache directive; caches that do not know it ignore it.", d.name),
                "Check the spelling, or remove the directive if no cache on the path understands it.",
            );
        }
    }
}
