//! CORS (Fetch standard §3.2).

pub mod allow_credentials_without_allow_origin;
pub mod allow_origin_mismatch;
pub mod allow_origin_not_an_origin;
pub mod allow_origin_null;
pub mod credentialed_request_without_allow_credentials;
pub mod cross_origin_response_without_allow_origin;
pub mod forbidden_header_exposed;
pub mod invalid_allow_credentials;
pub mod invalid_max_age;
pub mod invalid_timing_allow_origin;
pub mod malformed_cors_list;
pub mod max_age_above_browser_cap;
pub mod multiple_allow_origin_values;
pub mod preflight_header_not_allowed;
pub mod preflight_method_not_allowed;
pub mod preflight_not_ok;
pub mod preflight_without_allow_origin;
pub mod reflected_origin_without_vary;
pub mod safelisted_header_exposed;
pub mod wildcard_allow_headers_with_credentials;
pub mod wildcard_allow_headers_without_authorization;
pub mod wildcard_allow_methods_with_credentials;
pub mod wildcard_expose_headers_with_credentials;
pub mod wildcard_origin_with_credentials;

use crate::model::TrimExt;
use crate::model::Request;
use crate::registry::{Checker, Presence};
use crate::rules::redirects::url;

/// A `token` (RFC 9110 §5.6.2): what methods and field names in the CORS lists must be.
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(crate::model::is_tchar)
}

/// The members of a comma-separated value, trimmed, empty ones dropped (RFC 9110 §5.6.1).
pub(crate) fn members(v: &str) -> impl Iterator<Item = &str> {
    v.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// The members of every line of the response field `name`.
#[inline(always)]
pub(crate) fn response_list<'a>(c: &Checker<'a>, name: &str) -> Vec<&'a str> {
    c.header_lines(name).flat_map(|(_, v)| members(v)).collect()
}

/// Whether the browser reads `Access-Control-Allow-Credentials` as `true`: the combined value
/// of all its lines must be exactly `true` (Fetch §cors-check).
pub(crate) fn credentials_true(c: &Checker<'_>) -> bool {
    matches!(c.header("Access-Control-Allow-Credentials"), Presence::Present(..))
        && c.header_combined("Access-Control-Allow-Credentials").is_some_and(|v| v.trim_fast() == "true")
}

/// The one `Access-Control-Allow-Origin` line, when there is exactly one.
#[inline]
pub(crate) fn single_allow_origin<'a>(c: &Checker<'a>) -> Option<(usize, &'a str)> {
    // Looked up once per lint, shared by the CORS rules.
    *c.memo().single_allow_origin.get_or_init(|| {
        let Presence::Present(i, v) = c.header("Access-Control-Allow-Origin") else { return None };
        (c.header_lines("Access-Control-Allow-Origin").count() == 1).then_some((i, v.trim_fast()))
    })
}

/// Whether the single `Access-Control-Allow-Origin` value ([`single_allow_origin`]) is a plain
/// serialized origin ([`is_plain_origin`]); worked out once per lint for the rules that ask.
pub(crate) fn allow_origin_is_plain(c: &Checker<'_>) -> bool {
    *c.memo().plain_allow_origin.get_or_init(|| single_allow_origin(c).is_some_and(|(_, v)| is_plain_origin(v)))
}

/// Whether a single `Access-Control-Allow-Origin` value is a list (commas, or spaces between
/// values) — the case of `multiple-allow-origin-values`.
pub(crate) fn looks_like_list(v: &str) -> bool {
    if !v.is_ascii() {
        return v.contains(',') || v.split_whitespace().nth(1).is_some();
    }
    // ASCII, in one pass: a comma anywhere, or whitespace between two non-whitespace octets
    // (these are `char::is_whitespace`'s ASCII members).
    let (mut started, mut gap) = (false, false);
    for &b in v.as_bytes() {
        match b {
            b',' => return true,
            b'\t'..=b'\r' | b' ' => gap |= started,
            _ if gap => return true,
            _ => started = true,
        }
    }
    false
}

/// Whether `v` is, beyond doubt, the serialization of an origin with a lowercase ASCII
/// domain or IPv4 host: `scheme "://" host [":" port]`, no default port, no leading zero. One
/// pass over the bytes; what it does not accept (`null`, IPv6 hosts, anything odd) goes to
/// [`origin_problem`] and [`looks_like_list`], which agree with it on what it accepts.
pub(crate) fn is_plain_origin(v: &str) -> bool {
    let b = v.as_bytes();
    let mut i = 0;
    // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), lowercase
    if !b.first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    while i < b.len() && matches!(b[i], b'a'..=b'z' | b'0'..=b'9' | b'+' | b'-' | b'.') {
        i += 1;
    }
    let scheme = &v[..i];
    if !b[i..].starts_with(b"://") {
        return false;
    }
    i += 3;
    let host = i;
    while i < b.len() && matches!(b[i], b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.') {
        i += 1;
    }
    if i == host {
        return false;
    }
    if i == b.len() {
        return true;
    }
    if b[i] != b':' {
        return false;
    }
    let port = &v[i + 1..];
    !port.is_empty()
        && port.bytes().all(|d| d.is_ascii_digit())
        && !(port.len() > 1 && port.starts_with('0'))
        && Some(port) != url::default_port(scheme)
}

/// Why `v` can never equal the serialization of an origin (HTML
/// §ascii-serialisation-of-an-origin), which is what browsers send in `Origin` and compare
/// byte for byte. `None` when it can (including `null`).
pub(crate) fn origin_problem(v: &str) -> Option<String> {
    if v == "null" {
        return None;
    }
    if v.is_empty() {
        return Some("is empty".into());
    }
    // One pass for the ASCII case (almost always); `char::is_whitespace` only when it is not.
    let (mut ascii, mut ws) = (true, false);
    for &b in v.as_bytes() {
        ascii &= b.is_ascii();
        ws |= matches!(b, b'\t'..=b'\r' | b' ');
    }
    let whitespace = if ascii { ws } else { v.chars().any(char::is_whitespace) };
    if whitespace {
        return Some("contains whitespace".into());
    }
    if !ascii {
        return Some("contains non-ASCII characters (origins are serialized in ASCII, with punycode host names)".into());
    }
    let Some(sep) = url::find_scheme_separator(v) else {
        return Some("has no scheme (an origin looks like `https://host`)".into());
    };
    let scheme = &v[..sep];
    // `v[sep]` is the `:` of `://`.
    if !url::has_scheme(&v[..=sep]) {
        return Some("has no valid scheme (an origin looks like `https://host`)".into());
    }
    if scheme.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some("has an uppercase scheme, while serialized origins are lowercase".into());
    }
    let rest = &v[sep + 3..];
    let (authority, tail) = match rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    if tail == "/" {
        return Some("ends with a slash, while serialized origins have no path".into());
    }
    if !tail.is_empty() {
        return Some("has a path, query or fragment, while an origin is only scheme, host and port".into());
    }
    let (at, star) = authority.bytes().fold((false, false), |(a, s), b| (a || b == b'@', s || b == b'*'));
    if at {
        return Some("contains user information, which origins never have".into());
    }
    if star {
        return Some("contains `*`, but wildcards inside an origin are not supported (only the whole value `*` is)".into());
    }
    let (host, port) = url::host_port_as_written(authority);
    if host.is_empty() {
        return Some("has no host".into());
    }
    if authority.bytes().any(|b| b.is_ascii_uppercase()) {
        return Some("has uppercase letters in the host, while serialized origins are lowercase".into());
    }
    if let Some(p) = port {
        if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
            return Some("has an invalid port".into());
        }
        if Some(p) == url::default_port(scheme) {
            return Some(format!("names the default port `:{p}`, which serialized origins leave out"));
        }
        if p.len() > 1 && p.starts_with('0') {
            return Some("writes the port with leading zeros, which serialized origins do not".into());
        }
    }
    None
}

/// Host and port, with an empty, `80` or `443` port dropped (lenient: the request URL's scheme
/// is often a guess). Hosts compare case-insensitively.
fn loose_host(authority: &str) -> (&str, Option<&str>) {
    let (host, port) = url::host_port_as_written(authority.trim_fast());
    (host, port.filter(|p| !p.is_empty() && *p != "80" && *p != "443"))
}

fn same_loose_host(a: &str, b: &str) -> bool {
    let ((a_host, a_port), (b_host, b_port)) = (loose_host(a), loose_host(b));
    a_host.eq_ignore_ascii_case(b_host) && a_port == b_port
}

/// Whether the request's `Origin` differs from the host it was sent to. `None` when that
/// cannot be told. Scheme differences are ignored (the request URL's scheme may be a guess),
/// so this errs towards "same origin", where the CORS rules stay silent.
pub(crate) fn is_cross_origin(req: &Request, origin: &str) -> Option<bool> {
    if let Some(site) = req.headers.get("Sec-Fetch-Site") {
        if site.trim_fast().eq_ignore_ascii_case("same-origin") {
            return Some(false);
        }
    }
    if origin == "null" {
        return Some(true);
    }
    let sep = url::find_scheme_separator(origin)?;
    let o_auth = &origin[sep + 3..];
    let o_auth = &o_auth[..o_auth.find('/').unwrap_or(o_auth.len())];
    let r_auth = match req.headers.get("Host") {
        Some(h) if !h.trim_fast().is_empty() => h.trim_fast(),
        _ => {
            // The request URL starting with the origin itself (a page fetching its own API)
            // settles it without taking either apart: the authorities are the same text.
            if let Some(rest) = req.url.strip_prefix(origin) {
                if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
                    return Some(false);
                }
            }
            url::split(&req.url).authority?
        }
    };
    Some(!same_loose_host(o_auth, r_auth))
}

/// The `Origin` of a request the CORS protocol applies to: a known request that carries
/// `Origin`, is cross-origin as far as can be told, and whose `Sec-Fetch-Mode` (when sent) is
/// `cors`. Preflights count too; [`cors_request_origin`] leaves them out.
#[inline]
pub(crate) fn cors_origin<'a>(c: &Checker<'a>) -> Option<&'a str> {
    // Computed once per lint, shared by the CORS rules.
    *c.memo().cors_origin.get_or_init(|| compute_cors_origin(c))
}

fn compute_cors_origin<'a>(c: &Checker<'a>) -> Option<&'a str> {
    let req = c.request()?;
    if let Some(mode) = req.headers.get("Sec-Fetch-Mode") {
        if !mode.trim_fast().eq_ignore_ascii_case("cors") {
            return None;
        }
    }
    let origin = req.headers.get("Origin")?.trim_fast();
    if origin.is_empty() {
        return None;
    }
    is_cross_origin(req, origin)?.then_some(origin)
}

/// [`cors_origin`] for requests that are not preflights.
pub(crate) fn cors_request_origin<'a>(c: &Checker<'a>) -> Option<&'a str> {
    if preflight(c).is_some() {
        return None;
    }
    cors_origin(c)
}

/// A CORS preflight request: `OPTIONS` with `Access-Control-Request-Method`. Returns the
/// requested method.
#[inline]
pub(crate) fn preflight<'a>(c: &Checker<'a>) -> Option<&'a str> {
    // Inlined up to the method test, which settles almost every exchange.
    let req = c.request()?;
    if req.method != "OPTIONS" {
        return None;
    }
    preflight_method(req)
}

fn preflight_method(req: &Request) -> Option<&str> {
    if req.headers.get("Sec-Fetch-Mode").is_some_and(|m| !m.trim_fast().eq_ignore_ascii_case("cors")) {
        return None;
    }
    let m = req.headers.get("Access-Control-Request-Method")?.trim_fast();
    (!m.is_empty()).then_some(m)
}

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &wildcard_origin_with_credentials::WILDCARD_ORIGIN_WITH_CREDENTIALS,
    &reflected_origin_without_vary::REFLECTED_ORIGIN_WITHOUT_VARY,
    &multiple_allow_origin_values::MULTIPLE_ALLOW_ORIGIN_VALUES,
    &allow_origin_null::ALLOW_ORIGIN_NULL,
    &allow_origin_not_an_origin::ALLOW_ORIGIN_NOT_AN_ORIGIN,
    &allow_origin_mismatch::ALLOW_ORIGIN_MISMATCH,
    &cross_origin_response_without_allow_origin::CROSS_ORIGIN_RESPONSE_WITHOUT_ALLOW_ORIGIN,
    &preflight_without_allow_origin::PREFLIGHT_WITHOUT_ALLOW_ORIGIN,
    &preflight_not_ok::PREFLIGHT_NOT_OK,
    &preflight_method_not_allowed::PREFLIGHT_METHOD_NOT_ALLOWED,
    &preflight_header_not_allowed::PREFLIGHT_HEADER_NOT_ALLOWED,
    &invalid_max_age::INVALID_MAX_AGE,
    &max_age_above_browser_cap::MAX_AGE_ABOVE_BROWSER_CAP,
    &invalid_allow_credentials::INVALID_ALLOW_CREDENTIALS,
    &allow_credentials_without_allow_origin::ALLOW_CREDENTIALS_WITHOUT_ALLOW_ORIGIN,
    &wildcard_expose_headers_with_credentials::WILDCARD_EXPOSE_HEADERS_WITH_CREDENTIALS,
    &wildcard_allow_methods_with_credentials::WILDCARD_ALLOW_METHODS_WITH_CREDENTIALS,
    &wildcard_allow_headers_with_credentials::WILDCARD_ALLOW_HEADERS_WITH_CREDENTIALS,
    &safelisted_header_exposed::SAFELISTED_HEADER_EXPOSED,
    &wildcard_allow_headers_without_authorization::WILDCARD_ALLOW_HEADERS_WITHOUT_AUTHORIZATION,
    &malformed_cors_list::MALFORMED_CORS_LIST,
    &forbidden_header_exposed::FORBIDDEN_HEADER_EXPOSED,
    &credentialed_request_without_allow_credentials::CREDENTIALED_REQUEST_WITHOUT_ALLOW_CREDENTIALS,
    &invalid_timing_allow_origin::INVALID_TIMING_ALLOW_ORIGIN,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_detection_matches_the_whitespace_split() {
        for v in ["", " ", "https://a", " https://a\t", "https://a https://b", "https://a,https://b", "a\x0bb", "\x0ba\x0c",
            "a\u{a0}b", "é b", "é", "*", "null null"] {
            let reference = v.contains(',') || v.split_whitespace().nth(1).is_some();
            assert_eq!(looks_like_list(v), reference, "{v:?}");
        }
    }

    /// What the one-pass check accepts, the full diagnosis finds nothing wrong with and does
    /// not take for a list; and it accepts the usual origins.
    #[test]
    fn plain_origins_agree_with_the_diagnosis() {
        for v in ["https://app.example.com", "http://localhost:3000", "http://127.0.0.1:8080", "chrome-extension://abc", "http://a:0"] {
            assert!(is_plain_origin(v), "{v:?}");
        }
        // scheme, separator, host, host, port, tail: each drawn from good and bad pieces.
        let pieces: [&[&str]; 6] = [
            &["http", "https", "HTTP", "a+b-c.d", "1x", "", "é", "null", " "],
            &["://", ":/", "//", ":", "://", "://"],
            &["app", "App", ".", "-", "example.com", "*", "@", "[::1]", "127.0.0.1", "", "%41", "é", "a b", "a,b"],
            &["", "", ".example", "x", "*", "-"],
            &["", "", ":", ":443", ":80", ":0", ":08", ":8080", ":x", "::1"],
            &["", "", "", "/", "/a", "?", "#", " ", "\t", ",", ", https://b", "\u{a0}"],
        ];
        let mut rng = crate::testing::Rng(0x2545_f491_4f6c_dd1d);
        let mut accepted = 0;
        for _ in 0..100_000 {
            let v: String = pieces.iter().map(|p| p[rng.below(p.len())]).collect();
            if is_plain_origin(&v) {
                accepted += 1;
                assert_eq!(origin_problem(&v), None, "{v:?}");
                assert!(!looks_like_list(&v), "{v:?}");
                assert_ne!(v, "null");
            }
        }
        assert!(accepted > 1000, "the generator reaches plain origins ({accepted})");
    }

    #[test]
    fn origin_syntax() {
        assert_eq!(origin_problem("https://app.example.com"), None);
        assert_eq!(origin_problem("http://localhost:3000"), None);
        assert_eq!(origin_problem("null"), None);
        assert_eq!(origin_problem("chrome-extension://abcdefgh"), None);
        assert_eq!(origin_problem("https://[::1]:8443"), None);
        for bad in [
            "https://app.example.com/",
            "app.example.com",
            "https://*.example.com",
            "https://App.example.com",
            "https://app.example.com:443",
            "HTTPS://app.example.com",
            "https://app.example.com/api",
            "",
            "https://",
        ] {
            assert!(origin_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn cross_origin_is_host_based() {
        let r = Request::new("GET", "http://api.example/x");
        assert_eq!(is_cross_origin(&r, "https://api.example"), Some(false));
        assert_eq!(is_cross_origin(&r, "https://app.example"), Some(true));
        assert_eq!(is_cross_origin(&r, "null"), Some(true));
        assert_eq!(is_cross_origin(&Request::new("GET", "/x"), "https://app.example"), None);
    }
}
