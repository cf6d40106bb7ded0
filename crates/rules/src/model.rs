//! The exchange model: a request (as composed or as received), a response (as the page saw it
//! or as the server sent it), and how much of the response's header section is visible.

use serde::{Deserialize, Serialize};

/// An ordered list of header fields, names kept as received, compared case-insensitively.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Headers(pub Vec<(String, String)>);

impl Headers {
    pub fn new() -> Self {
        Headers(Vec::new())
    }
    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push((name.into(), value.into()));
    }
    pub fn with(mut self, name: &str, value: &str) -> Self {
        self.push(name, value);
        self
    }
    /// Every (index, value) for `name`, in order.
    pub fn all<'a, 'n>(&'a self, name: &'n str) -> impl Iterator<Item = (usize, &'a str)> + use<'a, 'n> {
        self.0
            .iter()
            .enumerate()
            .filter(move |(_, (n, _))| n.eq_ignore_ascii_case(name))
            .map(|(i, (_, v))| (i, v.as_str()))
    }
    /// The first value for `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.all(name).next().map(|(_, v)| v)
    }
    /// The index of the first line for `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.all(name).next().map(|(i, _)| i)
    }
    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
    /// All values for `name` joined as one comma-separated list (RFC 9110 §5.3).
    pub fn combined(&self, name: &str) -> Option<String> {
        let v: Vec<&str> = self.all(name).map(|(_, v)| v).collect();
        if v.is_empty() {
            None
        } else {
            Some(v.join(", "))
        }
    }
    /// The list members of a comma-separated field (RFC 9110 §5.6.1), trimmed, empty ones dropped.
    /// Quoted strings are respected: commas inside quotes do not split.
    pub fn list(&self, name: &str) -> Vec<String> {
        self.members(name).map(str::to_string).collect()
    }
    /// Like [`Headers::list`], borrowing the members instead of copying them.
    pub fn members<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.all(name).flat_map(|(_, v)| list_members(v))
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
    pub fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
    }
}

/// `tchar` (RFC 9110 §5.6.2): the octets of a token.
#[inline]
pub(crate) const fn is_tchar(b: u8) -> bool {
    TCHAR[b as usize]
}

const fn tchar_definition(b: u8) -> bool {
    matches!(b,
        b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z'
        | b'!' | b'#' | b'$' | b'%' | b'&' | b'\'' | b'*' | b'+' | b'-' | b'.' | b'^' | b'_' | b'`' | b'|' | b'~')
}

/// [`tchar_definition`] for every octet: one load per octet where tokens are checked.
static TCHAR: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = tchar_definition(i as u8);
        i += 1;
    }
    t
};

/// `s` ASCII-lowercased, copied only when it has uppercase letters.
pub(crate) fn ascii_lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Splits a list-based field value on commas outside quoted strings.
pub fn split_list(v: &str) -> Vec<String> {
    list_members(v).map(str::to_string).collect()
}

/// The members of a list-based field value (RFC 9110 §5.6.1) without copying: split on commas
/// outside quoted strings, trimmed, empty ones dropped.
pub fn list_members(v: &str) -> impl Iterator<Item = &str> + Clone {
    let mut rest = Some(v);
    std::iter::from_fn(move || loop {
        let (member, next) = split_at_comma(rest?);
        rest = next;
        let member = member.trim_fast();
        if !member.is_empty() {
            return Some(member);
        }
    })
}

/// The text before the first `sep` outside a quoted string (RFC 9110 §5.6.4), and the text after
/// it. The one quote-aware splitter: list members, `;` parameters and directive lists use it.
pub(crate) fn split_once_outside_quotes(s: &str, sep: u8) -> (&str, Option<&str>) {
    debug_assert!(sep.is_ascii() && sep != b'"' && sep != b'\\');
    // Bytes are enough: `\`, `"` and `sep` are ASCII and never part of a multi-byte character,
    // and an escaped multi-byte character's continuation bytes match none of them. A plain loop:
    // the pieces are short (a parameter, a directive), where `memchr`'s set-up costs more than
    // it saves, above all in wasm (no vector search there).
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == sep {
            return (&s[..i], Some(&s[i + 1..]));
        }
        if c == b'"' {
            // A quoted string: a backslash escapes the next octet; unterminated, it runs to the end.
            i += 1;
            loop {
                match b.get(i) {
                    None => return (s, None),
                    Some(b'"') => break,
                    Some(b'\\') => i += 2,
                    Some(_) => i += 1,
                }
            }
        }
        i += 1;
    }
    (s, None)
}

/// The number a run of ASCII digits (`1*DIGIT`, checked by the caller) writes, saturating at
/// `u64::MAX`. Up to 19 digits cannot overflow, so they take plain arithmetic: in wasm an
/// overflow-checked 64-bit multiply is a call.
pub(crate) fn saturating_decimal(digits: &str) -> u64 {
    debug_assert!(digits.bytes().all(|b| b.is_ascii_digit()));
    let b = digits.as_bytes();
    if b.len() <= 19 {
        b.iter().fold(0, |n, &d| n * 10 + u64::from(d - b'0'))
    } else {
        b.iter().fold(0u64, |n, &d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')))
    }
}

/// Whether `s` starts with `prefix`, ASCII case-insensitively (`__Host-` cookie prefixes …),
/// without a lowercased copy.
#[inline]
pub(crate) fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `s` as a JSON string literal (serde_json's), with every character `escape` picks written as
/// `\u` escapes (UTF-16 units) too: serde_json itself escapes only `"`, `\` and U+0000–U+001F.
pub(crate) fn json_literal_escaping(s: &str, escape: impl Fn(char) -> bool) -> String {
    let json = serde_json::to_string(s).expect("a string always serializes");
    let mut out = String::with_capacity(json.len());
    for ch in json.chars() {
        if escape(ch) {
            let mut buf = [0u16; 2];
            for u in ch.encode_utf16(&mut buf) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(ch);
        }
    }
    out
}

/// The offset of the first `b` (an ASCII octet) in `s`. On the short values of header fields a
/// plain scan is cheaper than `str::find` with a `char` (which sets up a generic searcher).
#[inline]
pub(crate) fn find_byte(s: &str, b: u8) -> Option<usize> {
    debug_assert!(b.is_ascii());
    s.bytes().position(|x| x == b)
}

/// `str::split_once` at the first `b` (an ASCII octet), through [`find_byte`].
#[inline]
pub(crate) fn split_once_byte(s: &str, b: u8) -> Option<(&str, &str)> {
    find_byte(s, b).map(|i| (&s[..i], &s[i + 1..]))
}

/// `str::split` on an ASCII octet, through [`find_byte`]: the same pieces.
pub(crate) fn split_byte(s: &str, b: u8) -> impl Iterator<Item = &str> + Clone {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match find_byte(r, b) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `str::trim` with a fast path: field values rarely start or end with whitespace, and two octet
/// tests settle that (the standard `trim` decodes a character at each end through a generic
/// pattern). Same result as `str::trim` for every input.
pub(crate) trait TrimExt {
    fn trim_fast(&self) -> &str;
}

impl TrimExt for str {
    #[inline]
    fn trim_fast(&self) -> &str {
        let plain = |b: u8| b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ');
        match (self.as_bytes().first(), self.as_bytes().last()) {
            (Some(&f), Some(&l)) if plain(f) && plain(l) => self,
            _ => self.trim(),
        }
    }
}

/// `s` without leading and trailing octets for which `strip` holds; `strip` must only hold for
/// ASCII octets, so both cuts fall on character boundaries.
#[inline]
pub(crate) fn trim_ascii_by(s: &str, strip: impl Fn(u8) -> bool) -> &str {
    let b = s.as_bytes();
    let start = b.iter().position(|&c| !strip(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|&c| !strip(c)).map_or(start, |e| e + 1);
    &s[start..end]
}

/// `s` without leading and trailing SP and HTAB (`OWS`/`WSP`, RFC 9110 §5.6.3, RFC 6265bis).
#[inline]
pub(crate) fn trim_wsp(s: &str) -> &str {
    trim_ascii_by(s, |c| c == b' ' || c == b'\t')
}

/// Every piece of `s` between `sep`s outside quoted strings.
pub(crate) fn pieces_outside_quotes(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let (piece, after) = split_once_outside_quotes(rest?, sep);
        rest = after;
        Some(piece)
    })
}

fn split_at_comma(s: &str) -> (&str, Option<&str>) {
    split_once_outside_quotes(s, b',')
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    pub method: String,
    /// Absolute URL when known, else the request target as written.
    pub url: String,
    pub headers: Headers,
    #[serde(default)]
    pub body: Vec<u8>,
    /// The scheme of `url` is a guess: the request was given in origin form (`GET /path`) and
    /// resolved against its `Host` as `http` ([`http1::parse_request`](crate::http1::parse_request)),
    /// since a raw request does not say whether it went over TLS. Rules about the transport
    /// itself stay silent then.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub scheme_assumed: bool,
}

impl Request {
    pub fn new(method: &str, url: &str) -> Self {
        Request { method: method.to_string(), url: url.to_string(), ..Default::default() }
    }
    pub fn is_method(&self, m: &str) -> bool {
        self.method == m
    }
    /// Conditional request headers present (RFC 9110 §13.1).
    pub fn is_conditional(&self) -> bool {
        ["If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"]
            .iter()
            .any(|h| self.headers.contains(h))
    }
}

/// How much of the response header section the observer could see.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Visibility {
    /// Every field the server sent (a raw message, the CLI, the simulator's record).
    #[default]
    Complete,
    /// A same-origin `fetch`: everything but `Set-Cookie`/`Set-Cookie2`
    /// (forbidden response-header names, Fetch §forbidden-response-header-name).
    SameOrigin,
    /// A CORS response: only the CORS-safelisted response headers and those named in
    /// `Access-Control-Expose-Headers` (Fetch §cors-filtered-response).
    CorsFiltered,
    /// An opaque or opaque-redirect response: nothing at all is visible.
    Opaque,
}

/// The CORS-safelisted response-header names (Fetch §cors-safelisted-response-header-name).
pub const CORS_SAFELISTED_RESPONSE_HEADERS: &[&str] =
    &["cache-control", "content-language", "content-length", "content-type", "expires", "last-modified", "pragma"];

impl Visibility {
    /// Whether the observer would see a field named `name` if the server had sent it.
    #[inline]
    pub fn can_see(self, name: &str) -> bool {
        match self {
            Visibility::Complete => true,
            Visibility::SameOrigin => {
                !name.eq_ignore_ascii_case("set-cookie") && !name.eq_ignore_ascii_case("set-cookie2")
            }
            Visibility::CorsFiltered => CORS_SAFELISTED_RESPONSE_HEADERS.iter().any(|h| h.eq_ignore_ascii_case(name)),
            Visibility::Opaque => false,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub status: u16,
    /// The reason phrase on the wire, when known (HTTP/2 and fetch have none).
    #[serde(default)]
    pub reason: Option<String>,
    pub headers: Headers,
    #[serde(default)]
    pub body: Vec<u8>,
    #[serde(default)]
    pub visibility: Visibility,
}

impl Response {
    pub fn new(status: u16) -> Self {
        Response { status, ..Default::default() }
    }
}

/// One request and the response that answered it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exchange {
    /// The request, when known. Rules that depend on it stay silent without it.
    pub request: Option<Request>,
    pub response: Response,
}

/// What the rules need to know beyond the exchange itself.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LintContext {
    /// "Now" in seconds since the Unix epoch (the rules crate never reads a clock).
    pub now: Option<u64>,
    /// The origin of the page that made the request (`https://example.com`), when linting a
    /// browser exchange.
    pub page_origin: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The octet-at-a-time definition the vectorised splitter must agree with.
    fn split_reference(s: &str, sep: u8) -> (&str, Option<&str>) {
        let (mut in_q, mut esc) = (false, false);
        for (i, b) in s.bytes().enumerate() {
            if esc {
                esc = false;
                continue;
            }
            match b {
                b'\\' if in_q => esc = true,
                b'"' => in_q = !in_q,
                _ if b == sep && !in_q => return (&s[..i], Some(&s[i + 1..])),
                _ => {}
            }
        }
        (s, None)
    }

    #[test]
    fn byte_trims_match_char_trims() {
        for s in ["", " ", "\t a \t", "a", " é ", "\u{a0}x\u{a0}", "\r\nx\r\n", "  \t"] {
            assert_eq!(trim_wsp(s), s.trim_matches([' ', '\t']), "{s:?}");
            let http_ws = |c: char| matches!(c, ' ' | '\t' | '\r' | '\n');
            assert_eq!(trim_ascii_by(s, |b| matches!(b, b' ' | b'\t' | b'\r' | b'\n')), s.trim_matches(http_ws), "{s:?}");
        }
    }

    #[test]
    fn byte_splits_are_str_splits() {
        for s in ["", ";", "a", "a;b", ";a;", "é;ü;", ";;", "a=b; c=d;e", "no separator", "=é="] {
            assert_eq!(split_byte(s, b';').collect::<Vec<_>>(), s.split(';').collect::<Vec<_>>(), "{s:?}");
            assert_eq!(split_once_byte(s, b'='), s.split_once('='), "{s:?}");
            assert_eq!(find_byte(s, b';'), s.find(';'), "{s:?}");
        }
    }

    #[test]
    fn saturating_decimal_saturates() {
        assert_eq!(saturating_decimal("0"), 0);
        assert_eq!(saturating_decimal("31536000"), 31_536_000);
        assert_eq!(saturating_decimal("9999999999999999999"), 9_999_999_999_999_999_999);
        assert_eq!(saturating_decimal("18446744073709551615"), u64::MAX);
        assert_eq!(saturating_decimal("18446744073709551616"), u64::MAX);
        assert_eq!(saturating_decimal(&"9".repeat(400)), u64::MAX);
        assert_eq!(saturating_decimal("00000000000000000000000000042"), 42);
    }

    #[test]
    fn trim_fast_is_trim() {
        for s in ["", " ", "a", " a", "a ", "\ta\r\n", "\u{a0}a\u{a0}", "é", " é ", "\u{2003}x", "x\u{85}", "\x0bx\x0c", "a b"] {
            assert_eq!(s.trim_fast(), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn splitter_agrees_with_the_octet_definition() {
        let alphabet = ["a", ",", ";", "\"", "\\", " ", "é", "=", "\\\"", "\\é"];
        let mut rng = crate::testing::Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..rng.below(40) {
                s.push_str(alphabet[rng.below(alphabet.len())]);
            }
            for sep in [b',', b';', b'='] {
                assert_eq!(split_once_outside_quotes(&s, sep), split_reference(&s, sep), "{s:?} split on {}", sep as char);
            }
        }
        // Long inputs (past one vector) take the same path.
        let long = format!("{}\"{}\\\",{}\",{}", "x".repeat(100), "y".repeat(70), "z".repeat(33), "w");
        assert_eq!(split_once_outside_quotes(&long, b','), split_reference(&long, b','));
    }


    #[test]
    fn list_members_respect_quotes() {
        let got: Vec<&str> = list_members(r#" a, ,b;q="x,y" , "c\",d",, é\,f "#).collect();
        assert_eq!(got, [r#"a"#, r#"b;q="x,y""#, r#""c\",d""#, r#"é\"#, "f"]);
        assert_eq!(list_members(" , ,").count(), 0);
        assert_eq!(split_list(r#"x, "\é,", y"#), [r#"x"#, r#""\é,""#, "y"]);
    }

    #[test]
    fn visibility_ignores_case() {
        assert!(!Visibility::SameOrigin.can_see("SET-COOKIE"));
        assert!(Visibility::SameOrigin.can_see("ETag"));
        assert!(Visibility::CorsFiltered.can_see("Content-TYPE"));
        assert!(!Visibility::CorsFiltered.can_see("ETag"));
    }
}
