//! Small, lenient parsers shared by the status rules. Every function here is total (no panics on
//! any input) and linear in the length of its input.

use crate::model::TrimExt;
use crate::rules::headers::syntax::split_outside_quotes;
use crate::model::{split_list, Headers};

/// `tchar` (RFC 9110 §5.6.2).
pub(crate) fn is_tchar(b: u8) -> bool {
    crate::model::is_tchar(b)
}

/// A non-empty `token` (RFC 9110 §5.6.2).
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(is_tchar)
}

/// Parses `1*DIGIT` into a `u64`; `None` when empty, not all digits, or too large.
pub(crate) fn parse_digits(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// If `s` is exactly one quoted-string (RFC 9110 §5.6.4), its unescaped content.
pub(crate) fn unquote_exact(s: &str) -> Option<String> {
    let inner = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut esc = false;
    for (i, c) in inner.char_indices() {
        if esc {
            out.push(c);
            esc = false;
        } else if c == '\\' {
            esc = true;
        } else if c == '"' {
            // The closing quote must end the string.
            return if i + 1 == inner.len() { Some(out) } else { None };
        } else {
            out.push(c);
        }
    }
    None
}

/// A parameter value: a quoted-string unquoted, or the token as is.
fn param_value(v: &str) -> String {
    let v = v.trim_fast();
    unquote_exact(v).unwrap_or_else(|| v.to_string())
}

/// A media type (RFC 9110 §8.3.1): `type/subtype` lower-cased and its parameters
/// (names lower-cased, values unquoted).
pub(crate) struct MediaType {
    pub essence: String,
    pub params: Vec<(String, String)>,
}

impl MediaType {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

pub(crate) fn media_type(v: &str) -> MediaType {
    let mut parts = split_outside_quotes(v, b';').into_iter();
    let essence = parts.next().unwrap_or("").trim_fast().to_ascii_lowercase();
    let params = parts
        .filter_map(|p| {
            let (n, val) = p.split_once('=')?;
            Some((n.trim_fast().to_ascii_lowercase(), param_value(val)))
        })
        .collect();
    MediaType { essence, params }
}

/// The response's media type, when it has a `Content-Type`.
pub(crate) fn content_type(h: &Headers) -> Option<MediaType> {
    h.get("Content-Type").map(media_type)
}

/// The response's own `Date`, when present and valid, in Unix seconds.
pub(crate) fn response_date(h: &Headers) -> Option<i64> {
    http_date(h.get("Date")?)
}

/// An HTTP-date (IMF-fixdate and the obsolete forms) in Unix seconds, negative before 1970.
pub(crate) fn http_date(v: &str) -> Option<i64> {
    crate::rules::headers::syntax::http_date_secs(v)
}

/// One entity tag (RFC 9110 §8.8.3), by its opaque tag: the `W/` prefix is dropped, as the weak
/// comparison of §8.8.3.2 ignores it. Lenient: an unquoted tag is taken as its own opaque value.
pub(crate) struct EntityTag {
    pub opaque: String,
}

pub(crate) fn entity_tag(v: &str) -> Option<EntityTag> {
    let v = v.trim_fast();
    let rest = match v.get(..2) {
        Some(p) if p.eq_ignore_ascii_case("W/") => &v[2..],
        _ => v,
    };
    let rest = rest.trim_fast();
    if rest.is_empty() {
        return None;
    }
    let opaque = match rest.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        Some(inner) => inner.to_string(),
        None => rest.to_string(),
    };
    Some(EntityTag { opaque })
}

/// The members of an `If-None-Match`-style list; `None` when the value is `*`.
pub(crate) fn entity_tag_list(h: &Headers, name: &str) -> Option<Vec<EntityTag>> {
    let members = h.list(name);
    if members.iter().any(|m| m == "*") {
        return None;
    }
    Some(members.iter().filter_map(|m| entity_tag(m)).collect())
}

/// A parsed `Content-Range` value (RFC 9110 §14.4).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ContentRange {
    /// `bytes first-last/complete` (`complete` is `None` for `*`).
    Range { first: u64, last: u64, complete: Option<u64> },
    /// `bytes */complete`.
    Unsatisfied { complete: u64 },
    /// Another range unit: not checked.
    OtherUnit,
    /// Not a Content-Range value at all.
    Invalid,
}

pub(crate) fn content_range(v: &str) -> ContentRange {
    let v = v.trim_fast();
    let Some((unit, rest)) = v.split_once([' ', '\t']) else {
        return ContentRange::Invalid;
    };
    if !is_token(unit) {
        return ContentRange::Invalid;
    }
    if !unit.eq_ignore_ascii_case("bytes") {
        return ContentRange::OtherUnit;
    }
    let rest = rest.trim_fast();
    let Some((range, complete)) = rest.split_once('/') else { return ContentRange::Invalid };
    let complete = complete.trim_fast();
    let range = range.trim_fast();
    if range == "*" {
        return match parse_digits(complete) {
            Some(n) => ContentRange::Unsatisfied { complete: n },
            None => ContentRange::Invalid,
        };
    }
    let complete = if complete == "*" {
        None
    } else {
        match parse_digits(complete) {
            Some(n) => Some(n),
            None => return ContentRange::Invalid,
        }
    };
    let Some((first, last)) = range.split_once('-') else { return ContentRange::Invalid };
    match (parse_digits(first.trim_fast()), parse_digits(last.trim_fast())) {
        (Some(first), Some(last)) => ContentRange::Range { first, last, complete },
        _ => ContentRange::Invalid,
    }
}

/// The number of ranges in a request's `Range` value (`bytes=0-99, 200-299` → 2).
pub(crate) fn range_count(v: &str) -> usize {
    match v.split_once('=') {
        Some((_, set)) => set.split(',').filter(|r| !r.trim_fast().is_empty()).count(),
        None => 0,
    }
}

/// Whether a `Connection` field lists the `upgrade` option.
pub(crate) fn connection_has_upgrade(h: &Headers) -> bool {
    h.members("Connection").any(|o| o.eq_ignore_ascii_case("upgrade"))
}

/// One challenge of `WWW-Authenticate` / `Proxy-Authenticate` (RFC 9110 §11.6.1 / §11.3).
pub(crate) struct Challenge {
    pub scheme: String,
    pub params: Vec<(String, String)>,
}

impl Challenge {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Why a challenge list could not be read.
pub(crate) enum ChallengeError {
    Empty,
    /// The value starts with an auth-param: the scheme is missing.
    MissingScheme(String),
    /// A list member that is neither `scheme [token68 / auth-param]` nor `auth-param`.
    Malformed(String),
}

/// Leading token of `s` and the rest.
fn leading_token(s: &str) -> (&str, &str) {
    let end = s.bytes().position(|b| !is_tchar(b)).unwrap_or(s.len());
    s.split_at(end)
}

/// `token BWS "=" BWS ( token / quoted-string )`, whole string.
fn auth_param(s: &str) -> Option<(String, String)> {
    let (name, rest) = leading_token(s);
    if name.is_empty() {
        return None;
    }
    let rest = rest.trim_start_matches([' ', '\t']).strip_prefix('=')?;
    let value = rest.trim_matches([' ', '\t']);
    if is_token(value) {
        return Some((name.to_string(), value.to_string()));
    }
    unquote_exact(value).map(|v| (name.to_string(), v))
}

/// `token68` (RFC 9110 §11.2).
fn is_token68(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~+/".contains(&b))
}

pub(crate) fn parse_challenges(v: &str) -> Result<Vec<Challenge>, ChallengeError> {
    let members = split_list(v);
    if members.is_empty() {
        return Err(ChallengeError::Empty);
    }
    let mut out: Vec<Challenge> = Vec::new();
    for m in members {
        let (tok, rest) = leading_token(&m);
        if tok.is_empty() {
            return Err(ChallengeError::Malformed(m));
        }
        let after = rest.trim_start_matches([' ', '\t']);
        if after.starts_with('=') {
            // An auth-param continuing the previous challenge.
            let Some(p) = auth_param(&m) else { return Err(ChallengeError::Malformed(m)) };
            match out.last_mut() {
                Some(ch) => ch.params.push(p),
                None => return Err(ChallengeError::MissingScheme(m)),
            }
            continue;
        }
        if after.is_empty() {
            out.push(Challenge { scheme: tok.to_string(), params: Vec::new() });
            continue;
        }
        if !rest.starts_with([' ', '\t']) {
            return Err(ChallengeError::Malformed(m));
        }
        let mut ch = Challenge { scheme: tok.to_string(), params: Vec::new() };
        if let Some(p) = auth_param(after) {
            ch.params.push(p);
        } else if !is_token68(after) {
            return Err(ChallengeError::Malformed(m));
        }
        out.push(ch);
    }
    Ok(out)
}

/// SHA-1 (FIPS 180-4), for the WebSocket handshake check only.
pub(crate) fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for chunk in msg.chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in chunk.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let (mut a, mut b, mut c, mut d, mut e) = (h[0], h[1], h[2], h[3], h[4]);
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A827999),
                20..=39 => (b ^ c ^ d, 0x6ED9EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        h[0] = h[0].wrapping_add(a);
        h[1] = h[1].wrapping_add(b);
        h[2] = h[2].wrapping_add(c);
        h[3] = h[3].wrapping_add(d);
        h[4] = h[4].wrapping_add(e);
    }
    let mut out = [0u8; 20];
    for (i, v) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&v.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
pub(crate) fn base64(data: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in data.chunks(3) {
        let b = [chunk[0], chunk.get(1).copied().unwrap_or(0), chunk.get(2).copied().unwrap_or(0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(T[(n >> 18) as usize & 63] as char);
        out.push(T[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 { T[(n >> 6) as usize & 63] as char } else { '=' });
        out.push(if chunk.len() > 2 { T[n as usize & 63] as char } else { '=' });
    }
    out
}

/// The `Sec-WebSocket-Accept` value for a `Sec-WebSocket-Key` (RFC 6455 §4.2.2).
pub(crate) fn websocket_accept(key: &str) -> String {
    let mut s = key.trim_fast().as_bytes().to_vec();
    s.extend_from_slice(b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    base64(&sha1(&s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websocket_accept_matches_rfc_6455_example() {
        assert_eq!(websocket_accept("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"a"), "YQ==");
    }

    #[test]
    fn challenges() {
        let c = parse_challenges(r#"Bearer realm="api, v2", error="invalid_token", Basic realm="x""#).ok().unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].param("error"), Some("invalid_token"));
        assert_eq!(c[0].param("realm"), Some("api, v2"));
        assert_eq!(c[1].scheme, "Basic");
        assert!(parse_challenges("Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnY=").is_ok());
        assert!(parse_challenges("Bearer").is_ok());
        assert!(parse_challenges("Bearer realm = \"x\"").is_ok());
        assert!(matches!(parse_challenges(r#"realm="x""#), Err(ChallengeError::MissingScheme(_))));
        assert!(matches!(parse_challenges("Bearer realm=my api"), Err(ChallengeError::Malformed(_))));
        assert!(matches!(parse_challenges("\"Bearer\""), Err(ChallengeError::Malformed(_))));
        assert!(matches!(parse_challenges(""), Err(ChallengeError::Empty)));
    }

    #[test]
    fn content_ranges() {
        assert_eq!(content_range("bytes 0-499/1234"), ContentRange::Range { first: 0, last: 499, complete: Some(1234) });
        assert_eq!(content_range("bytes 0-499/*"), ContentRange::Range { first: 0, last: 499, complete: None });
        assert_eq!(content_range("bytes */1234"), ContentRange::Unsatisfied { complete: 1234 });
        assert_eq!(content_range("items 0-4/5"), ContentRange::OtherUnit);
        assert_eq!(content_range("0-499/1234"), ContentRange::Invalid);
        assert_eq!(content_range("bytes=0-499/1234"), ContentRange::Invalid);
        assert_eq!(range_count("bytes=0-99, 200-"), 2);
    }
}
