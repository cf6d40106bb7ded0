//! A JSON body (RFC 8259) checked once per lint, for `invalid-json-body` and
//! `duplicate-json-keys`: whether it parses — serde_json's own error, from its validating pass
//! (`IgnoredAny`), which builds nothing and converts no number — and, for a document that
//! parses, the JSON Pointer (RFC 6901) of the first member name repeated within one object,
//! found by a scan of the text that serde_json has already validated.
//!
//! The usual document (valid, no name repeated) is confirmed by one strict pass in RFC 8259's
//! grammar ([`plain_document`]) instead: in the browser serde_json's pass cost about a seventh
//! of an API response's lint. serde_json remains the parser of record — every document the
//! strict pass does not confirm goes to it, and the pass is tested never to accept what
//! serde_json rejects.
//!
//! What parses is what `JSON.parse` accepts (checked in Chromium, `tests/e2e/browser-facts`):
//! numbers beyond `f64` (`1e400` is `Infinity`), lone surrogate escapes, any depth — none of
//! which a `serde_json::Value` would take.

use std::borrow::Cow;
use std::collections::HashSet;

use serde::de::{Deserialize, IgnoredAny};
use smallvec::SmallVec;

use super::media;
use crate::registry::Checker;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonCheck {
    /// serde_json's error when the body is not valid JSON.
    pub error: Option<String>,
    /// The pointer of the first repeated member name (only for a valid document).
    pub duplicate: Option<String>,
}

/// Checks `body` (a byte-order mark is skipped, as JSON parsers may, RFC 8259 §8.1).
pub(crate) fn check_json(body: &[u8]) -> JsonCheck {
    let whole = body;
    let body = media::strip_bom(body);
    // A body that is UTF-8 as a whole (almost all) is read as `str`: serde_json then skips
    // validating each string again; errors and positions are the same either way.
    let bom = if body.len() < whole.len() { media::UTF8_BOM.len() } else { 0 };
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(utf8) => {
            let mut de = serde_json::Deserializer::from_slice(body);
            let error = match IgnoredAny::deserialize(&mut de).and_then(|_| de.end()) {
                Err(e) => error_text(body, None, &e),
                // The validating pass does not decode strings, where the stray octets are.
                Ok(()) => format!("the octet at offset {} is not UTF-8, which RFC 8259 §8.1 requires (browsers decode it as U+FFFD)", bom + utf8.valid_up_to()),
            };
            return JsonCheck { error: Some(error), duplicate: None };
        }
    };
    // The usual document: confirmed valid, with no repeated name, by one strict pass.
    match plain_document(text) {
        Some(Names::Distinct) => return JsonCheck { error: None, duplicate: None },
        Some(Names::Check) => return JsonCheck { error: None, duplicate: first_duplicate(text) },
        None => {}
    }
    let mut de = serde_json::Deserializer::from_str(text);
    match IgnoredAny::deserialize(&mut de).and_then(|_| de.end()) {
        Err(e) => JsonCheck { error: Some(error_text(body, Some(text), &e)), duplicate: None },
        Ok(()) => JsonCheck { error: None, duplicate: first_duplicate(text) },
    }
}

/// What [`plain_document`] found of the member names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    /// No object repeats a name.
    Distinct,
    /// A name may repeat (the same text twice, an escaped name, an object with many names):
    /// [`first_duplicate`] decides, and builds the pointer.
    Check,
}

/// One strict pass over a document in RFC 8259's grammar (§2–§7): `Some` when it is one —
/// which serde_json's validating pass then accepts too (tested on generated documents and near
/// misses) — and whether a member name may repeat; `None` when it is not, or for what the pass
/// leaves to serde_json, whose pass then decides and words the error. serde_json stays the
/// parser of record; this pass only confirms the common case, without its per-value calls.
/// Escapes are checked for form, not decoded (a lone surrogate is accepted, as `JSON.parse`
/// does); nesting is kept on a stack, so any depth is read, as by serde_json's pass.
fn plain_document(text: &str) -> Option<Names> {
    let b = text.as_bytes();
    // Per open container: an object's first name in `names`, or ARRAY.
    const ARRAY: u32 = u32::MAX;
    if b.len() >= ARRAY as usize {
        return None;
    }
    let mut open: SmallVec<[u32; 16]> = SmallVec::new();
    // The names of the open objects (spans inside the quotes), innermost last.
    let mut names: SmallVec<[(u32, u32); 16]> = SmallVec::new();
    let mut check = false;
    let ws = |i: &mut usize| {
        while *i < b.len() && matches!(b[*i], b' ' | b'\t' | b'\n' | b'\r') {
            *i += 1;
        }
    };
    // A string from its opening quote at `i`: past its closing quote, and whether it has escapes.
    let string = |i: &mut usize| -> Option<bool> {
        *i += 1;
        let mut escaped = false;
        loop {
            while *i < b.len() && IN_STRING[usize::from(b[*i])] {
                *i += 1;
            }
            match *b.get(*i)? {
                b'"' => {
                    *i += 1;
                    return Some(escaped);
                }
                b'\\' => {
                    escaped = true;
                    match *b.get(*i + 1)? {
                        b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => *i += 2,
                        b'u' if b.get(*i + 2..*i + 6)?.iter().all(u8::is_ascii_hexdigit) => *i += 6,
                        _ => return None,
                    }
                }
                0..=0x1f => return None,
                _ => *i += 1,
            }
        }
    };
    // A member's name at `i` (of the object whose names start at `start`) and its `:`: past
    // them, or `None`; `check` is set when the name may repeat one before it.
    let member = |i: &mut usize, names: &mut SmallVec<[(u32, u32); 16]>, start: usize, check: &mut bool| -> Option<()> {
        if b.get(*i) != Some(&b'"') {
            return None;
        }
        let from = *i + 1;
        let escaped = string(i)?;
        let name = &b[from..*i - 1];
        let mine = &names[start..];
        // Compared as written: without escapes, that is the name.
        *check |= escaped || mine.len() >= LINEAR_KEYS || mine.iter().any(|&(f, t)| &b[f as usize..t as usize] == name);
        names.push((from as u32, (*i - 1) as u32));
        ws(i);
        if b.get(*i) != Some(&b':') {
            return None;
        }
        *i += 1;
        Some(())
    };
    let digits = |i: &mut usize| -> usize {
        let from = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - from
    };
    let mut i = 0;
    loop {
        // A value.
        ws(&mut i);
        match *b.get(i)? {
            b'{' => {
                i += 1;
                ws(&mut i);
                if b.get(i) == Some(&b'}') {
                    i += 1;
                } else {
                    // The first member's name, then its value.
                    let start = names.len();
                    open.push(start as u32);
                    member(&mut i, &mut names, start, &mut check)?;
                    continue;
                }
            }
            b'[' => {
                i += 1;
                ws(&mut i);
                if b.get(i) == Some(&b']') {
                    i += 1;
                } else {
                    open.push(ARRAY);
                    continue;
                }
            }
            b'"' => {
                string(&mut i)?;
            }
            b't' if b[i..].starts_with(b"true") => i += 4,
            b'f' if b[i..].starts_with(b"false") => i += 5,
            b'n' if b[i..].starts_with(b"null") => i += 4,
            b'-' | b'0'..=b'9' => {
                i += usize::from(b[i] == b'-');
                match b.get(i) {
                    Some(b'0') => i += 1,
                    Some(b'1'..=b'9') => _ = digits(&mut i),
                    _ => return None,
                }
                if b.get(i) == Some(&b'.') {
                    i += 1;
                    if digits(&mut i) == 0 {
                        return None;
                    }
                }
                if matches!(b.get(i), Some(b'e' | b'E')) {
                    i += 1;
                    i += usize::from(matches!(b.get(i), Some(b'+' | b'-')));
                    if digits(&mut i) == 0 {
                        return None;
                    }
                }
            }
            _ => return None,
        }
        // After a value: the next member or element, or the ends of containers.
        loop {
            ws(&mut i);
            let Some(&top) = open.last() else {
                // The whole document.
                return (i == b.len()).then_some(if check { Names::Check } else { Names::Distinct });
            };
            match (b.get(i), top) {
                (Some(b','), ARRAY) => {
                    i += 1;
                    break;
                }
                (Some(b']'), ARRAY) => {
                    i += 1;
                    open.pop();
                }
                (Some(b','), start) => {
                    i += 1;
                    ws(&mut i);
                    member(&mut i, &mut names, start as usize, &mut check)?;
                    break;
                }
                (Some(b'}'), start) if start != ARRAY => {
                    i += 1;
                    names.truncate(start as usize);
                    open.pop();
                }
                _ => return None,
            }
        }
    }
}

/// The error's text. The pass that builds values words some errors better ("trailing comma"
/// where the validating pass says "key must be a string"): its message, unless it stopped
/// earlier — at what the validating pass accepts (`1e400`, a lone surrogate, depth) — or the
/// document simply ends (the validating pass's "EOF while parsing …" is then the reason, even
/// where the other stopped at the same place on `[1e400`). Only for an invalid document, off
/// the usual path.
fn error_text(body: &[u8], text: Option<&str>, e: &serde_json::Error) -> String {
    let value = match text {
        Some(text) => serde_json::from_str::<serde_json::Value>(text).err(),
        None => serde_json::from_slice::<serde_json::Value>(body).err(),
    };
    match value {
        Some(v) if !e.is_eof() && (v.line(), v.column()) >= (e.line(), e.column()) => v.to_string(),
        _ => e.to_string(),
    }
}

/// Beyond this many members an object's names go into a hash set (hostile input stays linear).
const LINEAR_KEYS: usize = 16;

/// The octets a JSON string holds as they are: not a control character, `"` or `\`.
const IN_STRING: [bool; 256] = {
    let mut t = [true; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = false;
        i += 1;
    }
    t[b'"' as usize] = false;
    t[b'\\' as usize] = false;
    t
};

/// Where the scan is inside one container.
#[derive(Clone, Copy)]
enum Frame {
    /// An array, with the index of the element being read.
    Array(usize),
    /// An object: where its names begin in the shared buffer, and the span of the member name
    /// being read (quotes included).
    Object { start: usize, key: (usize, usize) },
}

/// The octets the scan stops at: the structure of a document and the quote that opens a string
/// (whitespace, numbers and literals are passed over).
const STOP: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 7 {
        t[b"\"{}[],:"[i] as usize] = true;
        i += 1;
    }
    t
};

/// A member name as compared: decoded by serde_json when it has escapes (`"a\u0041"` is
/// `"aA"`); a lone surrogate (which `JSON.parse` keeps) does not decode to a `String`, so such a
/// name compares as written.
fn name_of(quoted: &str, escaped: bool) -> Cow<'_, str> {
    let raw = &quoted[1..quoted.len() - 1];
    if escaped {
        serde_json::from_str::<String>(quoted).map_or(Cow::Borrowed(raw), Cow::Owned)
    } else {
        Cow::Borrowed(raw)
    }
}

/// The pointer of the first member name repeated within one object of `text`, a document
/// serde_json has validated: so every string is closed, every container balanced, and a string
/// right after `{` or after `,` inside an object is a member name. Linear in the text, without
/// recursion.
fn first_duplicate(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let mut frames: SmallVec<[Frame; 16]> = SmallVec::new();
    // The member names of the objects being scanned, innermost last: one buffer for the whole
    // document, so an object costs no allocation of its own. An object with many names moves
    // them into a set (hostile input stays linear), kept with its depth.
    let mut names: SmallVec<[Cow<'_, str>; 16]> = SmallVec::new();
    let mut sets: Vec<(usize, HashSet<Cow<'_, str>>)> = Vec::new();
    let mut expect_name = false;
    let mut i = 0;
    loop {
        while i < b.len() && !STOP[usize::from(b[i])] {
            i += 1;
        }
        let &c = b.get(i)?;
        match c {
            b'"' => {
                let open = i;
                let mut escaped = false;
                i += 1;
                while let Some(&c) = b.get(i) {
                    if c == b'"' {
                        break;
                    }
                    if c == b'\\' {
                        escaped = true;
                        i += 1;
                    }
                    i += 1;
                }
                // After `{` or `,` in an object (so the innermost frame is that object).
                let depth = frames.len();
                if let (true, Some(Frame::Object { start, key })) = (std::mem::take(&mut expect_name), frames.last_mut()) {
                    *key = (open, i + 1);
                    let name = name_of(text.get(open..=i)?, escaped);
                    let repeated = match sets.last_mut() {
                        Some((d, set)) if *d == depth => !set.insert(name),
                        _ if names[*start..].contains(&name) => true,
                        _ => {
                            names.push(name);
                            if names.len() - *start > LINEAR_KEYS {
                                sets.push((depth, names.drain(*start..).collect()));
                            }
                            false
                        }
                    };
                    if repeated {
                        return Some(pointer(text, &frames));
                    }
                }
            }
            b'{' => {
                frames.push(Frame::Object { start: names.len(), key: (0, 0) });
                expect_name = true;
            }
            b'[' => frames.push(Frame::Array(0)),
            b'}' | b']' => {
                if let Some(Frame::Object { start, .. }) = frames.pop() {
                    names.truncate(start);
                    if sets.last().is_some_and(|(d, _)| *d == frames.len() + 1) {
                        sets.pop();
                    }
                }
                expect_name = false;
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object { .. }) => expect_name = true,
                None => {}
            },
            // `:`
            _ => expect_name = false,
        }
        i += 1;
    }
}

/// The JSON Pointer (RFC 6901) of the member being read in the innermost object.
fn pointer(text: &str, frames: &[Frame]) -> String {
    let mut out = String::new();
    for f in frames {
        out.push('/');
        match *f {
            Frame::Array(n) => out.push_str(&n.to_string()),
            Frame::Object { key: (from, to), .. } => {
                let quoted = text.get(from..to).unwrap_or("\"\"");
                let escaped = memchr::memchr(b'\\', quoted.as_bytes()).is_some();
                out.push_str(&name_of(quoted, escaped).replace('~', "~0").replace('/', "~1"));
            }
        }
    }
    out
}

/// The check of the response's body when it is labelled JSON and is the plain content; once per
/// lint.
pub(crate) fn response_json<'a>(c: &Checker<'a>) -> Option<&'a JsonCheck> {
    c.memo()
        .json_body
        .get_or_init(|| {
            let (_, m) = media::response_mime(c)?;
            if !m.is_json() {
                return None;
            }
            media::plain_body(c).map(check_json)
        })
        .as_ref()
}

#[cfg(test)]
mod tests {
    use super::check_json;
    use serde::Deserialize;

    /// Rejected as `serde_json::Value` rejects it (same message), except what `JSON.parse`
    /// takes and `Value` cannot hold.
    #[test]
    fn errors_match_value_where_browsers_agree() {
        for doc in [
            "{\"a\": [1, 2.5, -3, true, null, \"x\\u00e9\"]}", "{\"a\": 1,}", "[1, 2", "{1: 2}", "\"\\q\"", "nul", "1 2", "",
            "  ", "-0", "[\"\u{7f}\", \"\n\"]", "{\"k\" 1}", "{\"a\":{\"b\":[{}]}}", "{\"a\\u0041\":1,\"aA\":2}", "01", "[1.]",
            "\"\\u12\"", "{\"a\":1}}", "\"\u{1}\"",
        ] {
            let ours = check_json(doc.as_bytes()).error;
            let value = serde_json::from_str::<serde_json::Value>(doc).err().map(|e| e.to_string());
            assert_eq!(ours, value, "{doc:?}");
        }
        // An error after what only `Value` refuses is reported where it is.
        assert_eq!(check_json(b"[1e400, }").error.as_deref(), Some("expected value at line 1 column 9"));
        assert_eq!(check_json(b"[1e400").error.as_deref(), Some("EOF while parsing a list at line 1 column 6"));
        assert_eq!(check_json(b"[\"\\ud800\"").error.as_deref(), Some("EOF while parsing a list at line 1 column 9"));
        // Offsets count the byte-order mark.
        assert_eq!(
            check_json(b"\xEF\xBB\xBF[\"\xff\"]").error.as_deref(),
            Some("the octet at offset 5 is not UTF-8, which RFC 8259 \u{a7}8.1 requires (browsers decode it as U+FFFD)")
        );
        let deep = "[".repeat(1000) + &"]".repeat(1000);
        for doc in ["1e400", "[-1e400]", "18446744073709551616", "\"\\ud800\"", "{\"\\udc00\":1}", &deep] {
            assert_eq!(check_json(doc.as_bytes()).error, None, "JSON.parse takes {doc:?}");
        }
        assert_eq!(
            check_json(b"[\"\xff\"]").error.as_deref(),
            Some("the octet at offset 2 is not UTF-8, which RFC 8259 \u{a7}8.1 requires (browsers decode it as U+FFFD)")
        );
        assert_eq!(check_json(b"[\xff]").error.as_deref(), Some("expected value at line 1 column 2"));
    }

    /// The strict pass: RFC 8259's grammar, nothing more (everything else goes to serde_json).
    #[test]
    fn strict_pass_reads_the_grammar() {
        use super::{plain_document, Names};
        for ok in ["{}", "[]", "0", "-0.0e-0", "1E+5", "12.5", "\"\\ud800\"", "\"\\u00e9\\n\\/\"", " [ 1 , {\"a\" : [ ] } ] ", "true", "null", "[false]", "\"é\""] {
            assert!(plain_document(ok).is_some(), "{ok:?}");
        }
        for bad in ["", " ", "01", "1.", ".5", "-", "+1", "1e", "1e+", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "[\"\\x\"]", "[\"\\u12g4\"]",
            "\"\u{1}\"", "tru", "nulll", "[] []", "{1:2}", "[", "{\"a\":", "\"abc", "[1 2]", "{\"a\"}", "}", "NaN", "[1]]"] {
            assert_eq!(plain_document(bad), None, "{bad:?}");
        }
        assert_eq!(plain_document(r#"{"a":1,"b":{"a":2}}"#), Some(Names::Distinct));
        assert_eq!(plain_document(r#"{"a":1,"a":2}"#), Some(Names::Check));
        assert_eq!(plain_document(r#"{"a\u0041":1}"#), Some(Names::Check));
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(plain_document(&deep), Some(Names::Distinct), "any depth");
    }

    #[test]
    fn finds_duplicates() {
        let dup = |s: &str| check_json(s.as_bytes()).duplicate;
        assert_eq!(dup(r#"{"a":1,"a":2}"#).as_deref(), Some("/a"));
        assert_eq!(dup(r#"{"x":[{"b":1},{"b":1,"c":{"d":0,"d":1}}]}"#).as_deref(), Some("/x/1/c/d"));
        assert_eq!(dup(r#"{"a":{"a":1},"b":[1,1]}"#), None);
        assert_eq!(dup(r#"{"a/b~":1,"a/b~":2}"#).as_deref(), Some("/a~1b~0"));
        assert_eq!(dup(r#"{"a\u0041":1,"aA":2}"#).as_deref(), Some("/aA"), "escaped names compare decoded");
        assert_eq!(dup(r#"{"a":"{\"a\":1,\"a\":2}","b":"a"}"#), None, "a string is not an object");
        assert_eq!(dup(r#"[{}, "k", {"k":[], "j":{}, "k":0}]"#).as_deref(), Some("/2/k"));
        assert_eq!(dup(r#"{"\ud800":1,"\ud800":2}"#).as_deref(), Some("/\\ud800"), "a lone surrogate compares as written");
        assert_eq!(dup("not json"), None);
        let many: String = format!("{{{}, \"k3\": 0}}", (0..40).map(|i| format!("\"k{i}\": {i}")).collect::<Vec<_>>().join(","));
        assert_eq!(dup(&many).as_deref(), Some("/k3"), "past the linear scan");
        let deep = "[".repeat(500) + r#"{"a":0,"a":1}"# + &"]".repeat(500);
        assert_eq!(dup(&deep).map(|p| p.len()), Some(500 * 2 + 2), "no depth limit");
    }

    /// The scan finds what a walk through serde's own parse finds, on generated documents with
    /// few names (so that they repeat), escapes, nesting and whitespace.
    #[test]
    fn scan_agrees_with_a_serde_walk() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        fn gen(next: &mut dyn FnMut() -> u64, depth: u32, out: &mut String) {
            const NAMES: &[&str] = &["a", "b", "a\\u0062", "\\\"", "c,d", "e:f", "{", "]"];
            const LEAVES: &[&str] = &["1", "-2.5e3", "true", "null", "\"s\"", "\"x\\\"y\"", "\"{\\\"a\\\":1}\"", "[]", "{}"];
            let ws = |n: u64| if n.is_multiple_of(3) { " " } else { "" };
            match if depth > 3 { 2 } else { next() % 3 } {
                0 => {
                    out.push('{');
                    for i in 0..next() % 4 {
                        if i > 0 {
                            out.push(',');
                        }
                        out.push_str(ws(next()));
                        out.push('"');
                        out.push_str(NAMES[(next() % NAMES.len() as u64) as usize]);
                        out.push_str("\":");
                        out.push_str(ws(next()));
                        gen(next, depth + 1, out);
                    }
                    out.push('}');
                }
                1 => {
                    out.push('[');
                    for i in 0..next() % 4 {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        gen(next, depth + 1, out);
                    }
                    out.push(']');
                }
                _ => out.push_str(LEAVES[(next() % LEAVES.len() as u64) as usize]),
            }
        }
        let (mut found, mut silent) = (0, 0);
        let (mut confirmed, mut near_confirmed) = (0, 0);
        let serde_accepts = |doc: &str| {
            let mut de = serde_json::Deserializer::from_str(doc);
            serde::de::IgnoredAny::deserialize(&mut de).and_then(|_| de.end()).is_ok()
        };
        const EDITS: &[&str] = &["\"", "\\", "{", "}", "[", "]", ",", ":", " ", "\n", "0", "1", "-", "+", ".", "e", "E", "u", "x", "t", "n", "\u{1}", "é"];
        for _ in 0..6000 {
            let mut doc = String::new();
            gen(&mut next, 0, &mut doc);
            let ours = check_json(doc.as_bytes());
            assert_eq!(ours.error, None, "{doc}");
            let reference = reference::first_duplicate(&doc);
            assert_eq!(ours.duplicate, reference, "{doc}");
            if reference.is_some() { found += 1 } else { silent += 1 }
            // The strict pass confirms what it reads, and never a repeat it calls distinct.
            let plain = super::plain_document(&doc);
            confirmed += usize::from(plain.is_some());
            if plain == Some(super::Names::Distinct) {
                assert_eq!(reference, None, "{doc}");
            }
            // A near miss (one edit): the strict pass accepts only what serde_json accepts.
            let mut near = doc.clone();
            let at = (next() % (near.len() as u64 + 1)) as usize;
            let at = (at..=near.len()).find(|&k| near.is_char_boundary(k)).unwrap_or(near.len());
            let edit = EDITS[(next() % EDITS.len() as u64) as usize];
            match next() % 3 {
                0 => near.insert_str(at, edit),
                1 if at < near.len() => {
                    let end = (at + 1..=near.len()).find(|&k| near.is_char_boundary(k)).unwrap_or(near.len());
                    near.replace_range(at..end, edit);
                }
                _ => near.truncate(at),
            }
            if let Some(names) = super::plain_document(&near) {
                near_confirmed += 1;
                assert!(serde_accepts(&near), "the strict pass accepted {near:?}, serde_json does not");
                if names == super::Names::Distinct {
                    assert_eq!(reference::first_duplicate(&near), None, "{near}");
                }
            }
        }
        assert!(found > 300 && silent > 300, "both outcomes generated: {found} / {silent}");
        assert!(confirmed > 5_000 && near_confirmed > 1_000, "the strict pass was exercised: {confirmed} / {near_confirmed}");
    }

    /// The pointer of the first repeated name, by a walk through serde's `deserialize_any`.
    mod reference {
        use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
        use std::fmt;

        pub fn first_duplicate(doc: &str) -> Option<String> {
            let mut found = None;
            let mut path = Vec::new();
            let mut de = serde_json::Deserializer::from_str(doc);
            Walk { found: &mut found, path: &mut path }.deserialize(&mut de).ok()?;
            found
        }

        struct Walk<'p> {
            found: &'p mut Option<String>,
            path: &'p mut Vec<String>,
        }

        impl<'de> DeserializeSeed<'de> for Walk<'_> {
            type Value = ();
            fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
                d.deserialize_any(self)
            }
        }

        impl<'de> Visitor<'de> for Walk<'_> {
            type Value = ();
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E>(self, _: bool) -> Result<(), E> {
                Ok(())
            }
            fn visit_i64<E>(self, _: i64) -> Result<(), E> {
                Ok(())
            }
            fn visit_u64<E>(self, _: u64) -> Result<(), E> {
                Ok(())
            }
            fn visit_f64<E>(self, _: f64) -> Result<(), E> {
                Ok(())
            }
            fn visit_str<E>(self, _: &str) -> Result<(), E> {
                Ok(())
            }
            fn visit_unit<E>(self) -> Result<(), E> {
                Ok(())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
                for i in 0.. {
                    self.path.push(i.to_string());
                    let more = seq.next_element_seed(Walk { found: &mut *self.found, path: &mut *self.path })?.is_some();
                    self.path.pop();
                    if !more {
                        break;
                    }
                }
                Ok(())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
                let mut seen: Vec<String> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if seen.contains(&key) && self.found.is_none() {
                        let mut p: String = self.path.iter().map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1"))).collect();
                        p.push_str(&format!("/{}", key.replace('~', "~0").replace('/', "~1")));
                        *self.found = Some(p);
                    }
                    seen.push(key.clone());
                    self.path.push(key);
                    map.next_value_seed(Walk { found: &mut *self.found, path: &mut *self.path })?;
                    self.path.pop();
                }
                Ok(())
            }
        }
    }
}
