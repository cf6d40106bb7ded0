//! Helpers shared by the content rules (and used by the security rules): the media type of a
//! response as browsers extract it, and the body bytes as the recipient sees them.

use crate::model::TrimExt;
use std::collections::HashSet;

use std::borrow::Cow;

use crate::model::{ascii_lowercase, list_members, Visibility};
use crate::registry::Checker;

/// A parsed MIME type (WHATWG MIME Sniffing, "parse a MIME type").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MimeType<'a> {
    /// `type/subtype`, ASCII-lowercased.
    pub essence: Cow<'a, str>,
    /// Parameters in order: names ASCII-lowercased, the first occurrence of each name kept.
    pub params: Vec<(Cow<'a, str>, Cow<'a, str>)>,
}

impl MimeType<'_> {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_ref())
    }
    pub fn charset(&self) -> Option<&str> {
        self.param("charset")
    }
    /// A JSON MIME type (WHATWG MIME Sniffing): `application/json`, `text/json` or `*/*+json`.
    pub fn is_json(&self) -> bool {
        self.essence == "application/json" || self.essence == "text/json" || self.essence.ends_with("+json")
    }
    pub fn is_html(&self) -> bool {
        self.essence == "text/html"
    }
    /// `text/html` or `application/xhtml+xml`: a document a browser renders.
    pub fn is_document(&self) -> bool {
        self.essence == "text/html" || self.essence == "application/xhtml+xml"
    }
    pub fn is_problem_json(&self) -> bool {
        self.essence == "application/problem+json"
    }
}

/// HTTP whitespace (WHATWG Fetch): TAB, LF, CR, SPACE.
fn is_http_ws_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

fn is_http_ws(c: char) -> bool {
    c.is_ascii() && is_http_ws_byte(c as u8)
}

pub fn is_token_char(c: char) -> bool {
    c.is_ascii() && crate::model::is_tchar(c as u8)
}

fn is_quoted_string_cp(c: char) -> bool {
    c == '\t' || (' '..='~').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c)
}

/// WHATWG "parse a MIME type": `None` is failure. Parameters are parsed leniently, as browsers do
/// (malformed ones are skipped).
pub fn parse_mime_type(input: &str) -> Option<MimeType<'_>> {
    let s = crate::model::trim_ascii_by(input, is_http_ws_byte);
    // Byte searches (the delimiters are ASCII): `str::find` with a `char` costs more on these
    // short values.
    let slash = s.bytes().position(|b| b == b'/')?;
    let ty = &s[..slash];
    if ty.is_empty() || !ty.bytes().all(crate::model::is_tchar) {
        return None;
    }
    let rest = &s[slash + 1..];
    let (sub, params_str) = match rest.bytes().position(|b| b == b';') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let sub = sub.trim_end_matches(is_http_ws);
    if sub.is_empty() || !sub.bytes().all(crate::model::is_tchar) {
        return None;
    }
    // `type/subtype` is contiguous in the input: `sub` starts right after the slash.
    let essence = ascii_lowercase(&s[..slash + 1 + sub.len()]);
    // Scanned by byte offsets: every delimiter (`;`, `=`, `"`, `\\`, HTTP whitespace) is ASCII, so
    // each stop is a character boundary.
    let p = params_str;
    let b = p.as_bytes();
    let mut params: Vec<(Cow<'_, str>, Cow<'_, str>)> = Vec::new();
    // Names already kept: a scan of `params` for the few parameters real types carry, a set
    // once there are many (so a hostile value stays linear).
    let mut names: Option<HashSet<String>> = None;
    let mut i = 0;
    // Invariant at the top of the loop: `b[i]` is `;` (or we are at the end).
    while i < b.len() {
        i += 1;
        while i < b.len() && is_http_ws(char::from(b[i])) {
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i] != b';' && b[i] != b'=' {
            i += 1;
        }
        let name = ascii_lowercase(&p[start..i]);
        if i < b.len() {
            if b[i] == b';' {
                continue;
            }
            i += 1; // '='
        }
        if i >= b.len() {
            break;
        }
        let value = if b[i] == b'"' {
            let mut v = String::new();
            i += 1;
            while i < b.len() {
                match b[i] {
                    b'\\' => {
                        i += 1;
                        match p[i..].chars().next() {
                            Some(ch) => {
                                v.push(ch);
                                i += ch.len_utf8();
                            }
                            None => v.push('\\'),
                        }
                    }
                    b'"' => {
                        i += 1;
                        break;
                    }
                    _ => {
                        let ch = p[i..].chars().next().unwrap_or_default();
                        v.push(ch);
                        i += ch.len_utf8();
                    }
                }
            }
            while i < b.len() && b[i] != b';' {
                i += 1;
            }
            Cow::Owned(v)
        } else {
            let start = i;
            while i < b.len() && b[i] != b';' {
                i += 1;
            }
            let v = p[start..i].trim_end_matches(is_http_ws);
            if v.is_empty() {
                continue;
            }
            Cow::Borrowed(v)
        };
        if !name.is_empty()
            && name.bytes().all(crate::model::is_tchar)
            && (if value.is_ascii() {
                value.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
            } else {
                value.chars().all(is_quoted_string_cp)
            })
            && first_occurrence(&mut names, &params, &name)
        {
            params.push((name, value));
        }
    }
    Some(MimeType { essence, params })
}

/// Whether `name` is not yet among the kept parameters (and records it when a set is in use).
fn first_occurrence(names: &mut Option<HashSet<String>>, params: &[(Cow<'_, str>, Cow<'_, str>)], name: &str) -> bool {
    const SCAN_LIMIT: usize = 8;
    if names.is_none() && params.len() >= SCAN_LIMIT {
        *names = Some(params.iter().map(|(n, _)| n.to_string()).collect());
    }
    match names {
        Some(set) => set.insert(name.to_string()),
        None => !params.iter().any(|(n, _)| n == name),
    }
}

/// Fetch "extract a MIME type" over every `Content-Type` value: the last valid type wins, and a
/// `charset` carries over between repeats of the same essence. `None` is failure.
pub fn extract_mime_type<'a>(values: impl Iterator<Item = &'a str>) -> Option<MimeType<'a>> {
    let mut charset: Option<Cow<'a, str>> = None;
    let mut essence: Option<Cow<'a, str>> = None;
    let mut mime: Option<MimeType<'a>> = None;
    for line in values {
        for v in list_members(line) {
            let Some(mut tmp) = parse_mime_type(v) else { continue };
            if tmp.essence == "*/*" {
                continue;
            }
            if essence.as_deref() != Some(&*tmp.essence) {
                charset = tmp.params.iter().find(|(n, _)| n == "charset").map(|(_, v)| v.clone());
                essence = Some(tmp.essence.clone());
            } else if tmp.charset().is_none() {
                if let Some(cs) = &charset {
                    tmp.params.push((Cow::Borrowed("charset"), cs.clone()));
                }
            }
            mime = Some(tmp);
        }
    }
    mime
}

/// The response's media type with the index of its (first) `Content-Type` line; `None` when the
/// field is absent, hidden, or holds no valid media type.
#[inline]
pub fn response_mime<'a>(c: &Checker<'a>) -> Option<(usize, &'a MimeType<'a>)> {
    // Parsed once per lint, shared by the content and security rules.
    c.memo()
        .response_mime
        .get_or_init(|| {
            let h = &c.response().headers;
            let index = h.index_of("Content-Type")?;
            // One plain line, as nearly every response sends: the header rules' parse of it
            // serves, instead of a second parse.
            if let [(i, v, Ok(mt))] = crate::rules::headers::syntax::content_types(c) {
                if is_plain_media_type(v) {
                    return from_plain(v, mt).map(|m| (*i, m));
                }
            }
            extract_mime_type(h.all("Content-Type").map(|(_, v)| v)).map(|m| (index, m))
        })
        .as_ref()
        .map(|(i, m)| (*i, m))
}

/// Whether a `Content-Type` value is plain: `type/subtype`, then `; name=value` parameters, all
/// tokens, with only spaces or tabs around the `;` and at the ends. For such a value RFC 9110's
/// grammar (§8.3.1) and WHATWG's "parse a MIME type" read the same type, subtype and parameters
/// (tested on generated values), so one parse serves both.
fn is_plain_media_type(v: &str) -> bool {
    fn ows(b: &[u8], i: &mut usize) {
        while *i < b.len() && matches!(b[*i], b' ' | b'\t') {
            *i += 1;
        }
    }
    fn token(b: &[u8], i: &mut usize) -> bool {
        let start = *i;
        while *i < b.len() && crate::model::is_tchar(b[*i]) {
            *i += 1;
        }
        *i > start
    }
    let (b, mut i) = (v.as_bytes(), 0);
    ows(b, &mut i);
    if !token(b, &mut i) || b.get(i) != Some(&b'/') {
        return false;
    }
    i += 1;
    if !token(b, &mut i) {
        return false;
    }
    loop {
        ows(b, &mut i);
        if i == b.len() {
            return true;
        }
        if b[i] != b';' {
            return false;
        }
        i += 1;
        ows(b, &mut i);
        if !token(b, &mut i) || b.get(i) != Some(&b'=') {
            return false;
        }
        i += 1;
        if !token(b, &mut i) {
            return false;
        }
    }
}

/// The media type browsers extract from the plain value `v` ([`is_plain_media_type`]), from its
/// RFC 9110 parse `mt`: the same essence, lowercased, and the parameters with the first of a
/// repeated name kept; `None` for `*/*`, which "extract a MIME type" skips.
fn from_plain<'a>(v: &'a str, mt: &crate::rules::headers::syntax::MediaType<'a>) -> Option<MimeType<'a>> {
    let s = v.trim_start_matches([' ', '\t']);
    let essence = ascii_lowercase(s.get(..mt.ty.len() + 1 + mt.sub.len())?);
    if essence == "*/*" {
        return None;
    }
    let mut params: Vec<(Cow<'a, str>, Cow<'a, str>)> = Vec::with_capacity(mt.params.len());
    for (n, value) in &mt.params {
        if !params.iter().any(|(kept, _)| kept == n) {
            params.push((n.clone(), value.clone()));
        }
    }
    Some(MimeType { essence, params })
}

/// The content as its recipient decodes it, or `None` when there is none or the captured bytes
/// are not it: a HEAD response, a status without content, a partial (`206`) body, and for a raw
/// capture a content-coded, chunked or truncated body. (Bodies observed by a browser are always
/// decoded already.)
#[inline]
pub fn plain_body<'a>(c: &Checker<'a>) -> Option<&'a [u8]> {
    // Worked out once per lint, shared by the content rules.
    *c.memo().plain_body.get_or_init(|| compute_plain_body(c))
}

fn compute_plain_body<'a>(c: &Checker<'a>) -> Option<&'a [u8]> {
    let r = c.response();
    if r.body.is_empty()
        || c.method() == Some("HEAD")
        || matches!(r.status, 100..=199 | 204 | 206 | 304)
    {
        return None;
    }
    let mut body: &[u8] = &r.body;
    if r.visibility == Visibility::Complete {
        let coded = c.header_members("Content-Encoding").any(|t| !t.eq_ignore_ascii_case("identity"));
        if coded || c.has_header("Transfer-Encoding") {
            return None;
        }
        if let Some(cl) = c.header_value("Content-Length") {
            if let Ok(n) = cl.trim_fast().parse::<usize>() {
                if n > body.len() {
                    return None;
                }
                body = &body[..n];
            }
        }
    }
    if body.is_empty() {
        None
    } else {
        Some(body)
    }
}

pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn strip_bom(b: &[u8]) -> &[u8] {
    b.strip_prefix(UTF8_BOM).unwrap_or(b)
}

/// The body parsed as JSON (a UTF-8 BOM skipped, as RFC 8259 §8.1 lets parsers do). `None` when
/// it does not parse, or is nested too deeply for the parser to tell.
pub fn parse_json(body: &[u8]) -> Option<serde_json::Value> {
    serde_json::from_slice(strip_bom(body)).ok()
}

/// Whether the bytes begin like an HTML document: `<!doctype html` or `<html` after a BOM and
/// whitespace, case-insensitively.
pub fn looks_like_html(body: &[u8]) -> bool {
    let b = strip_bom(body).trim_ascii_start();
    let starts = |p: &[u8]| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    if starts(b"<!doctype html") {
        return true;
    }
    // `<html` followed by `>` or whitespace (not `<htmlfoo`).
    starts(b"<html") && matches!(b.get(5), Some(b'>' | b' ' | b'\t' | b'\r' | b'\n'))
}


#[cfg(test)]
mod tests {
    use super::*;

    /// For every plain value, the header rules' parse gives what "extract a MIME type" gives.
    #[test]
    fn plain_values_read_alike() {
        let pieces = [
            "text", "/", "html", "HTML", ";", " ", "\t", "charset", "=", "utf-8", "UTF-8", "a", "*", "\"", "\"x\"", ",", "é", "q", "",
        ];
        let mut rng = crate::testing::Rng(0x1234_5678_9abc_def1);
        let (mut plain, mut other) = (0, 0);
        for _ in 0..50_000 {
            let mut v = String::new();
            if rng.below(2) == 0 {
                // Mostly well formed: type/subtype and parameters, with noise.
                v.push_str(["text/html", "application/json", "*/*", "Text/HTML", "a/b"][rng.below(5)]);
                for _ in 0..rng.below(4) {
                    v.push_str([";", " ;", "; ", ";\t"][rng.below(4)]);
                    v.push_str(["charset=utf-8", "Charset=UTF-8", "charset=latin1", "q=1", "x=\"y\"", "a=", "=b"][rng.below(7)]);
                }
                v.push_str(["", " ", "\t", ","][rng.below(4)]);
            } else {
                for _ in 0..rng.below(10) {
                    v.push_str(pieces[rng.below(pieces.len())]);
                }
            }
            if !is_plain_media_type(&v) {
                other += 1;
                continue;
            }
            plain += 1;
            let mt = crate::rules::headers::syntax::parse_media_type(&v).expect("a plain value parses");
            assert_eq!(from_plain(&v, &mt), extract_mime_type(std::iter::once(v.as_str())), "{v:?}");
        }
        assert!(plain > 5_000 && other > 5_000, "{plain} / {other}");
    }

    #[test]
    fn parses_parameters_like_browsers() {
        let m = parse_mime_type("Text/HTML ; Charset=\"UTF-8\"; charset=latin1; q=\"a\\\"é\"x; bad; =v; e=; é=1").unwrap();
        assert_eq!(m.essence, "text/html");
        let params: Vec<(&str, &str)> = m.params.iter().map(|(n, v)| (n.as_ref(), v.as_ref())).collect();
        assert_eq!(params, [("charset", "UTF-8"), ("q", "a\"é")]);
        assert_eq!(parse_mime_type("a/b; x=\"open").unwrap().param("x"), Some("open"));
        assert!(parse_mime_type("nonsense").is_none());
    }
}
