//! One pass over a JSON body (RFC 8259), shared by `invalid-json-body` and `duplicate-json-keys`:
//! whether it parses — with serde_json's own error, through the same `deserialize_any` paths as
//! `serde_json::Value`, without building the document — and the JSON Pointer (RFC 6901) of the
//! first member name repeated within one object. Member names are borrowed from the body when
//! they have no escapes, and a pointer is only written out when a duplicate is found.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::media;
use crate::registry::Checker;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JsonCheck {
    /// serde_json's error when the body is not valid JSON.
    pub error: Option<String>,
    /// The pointer of the first repeated member name (only for a valid document).
    pub duplicate: Option<String>,
}

enum Seg<'de> {
    Index(usize),
    Key(Cow<'de, str>),
}

fn pointer(path: &[Seg<'_>], last: &str) -> String {
    let mut out = String::new();
    let mut key = |k: &str| {
        out.push('/');
        out.push_str(&k.replace('~', "~0").replace('/', "~1"));
    };
    for s in path {
        match s {
            Seg::Index(i) => key(&i.to_string()),
            Seg::Key(k) => key(k),
        }
    }
    key(last);
    out
}

/// A member name, borrowed from the input when possible.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_string()))
    }
}

struct Walk<'p, 'de> {
    found: &'p mut Option<String>,
    /// Where the walk is, kept only when `track` is set: the first pass only tells whether
    /// there is a duplicate; a second pass, run only then, builds its pointer.
    path: &'p mut Vec<Seg<'de>>,
    track: bool,
    /// The member names of the objects being walked, innermost last: one buffer for the whole
    /// document, so an object costs no allocation of its own.
    names: &'p mut Vec<Cow<'de, str>>,
}

impl<'de> Walk<'_, 'de> {
    /// The walk of a nested value, sharing this one's state.
    fn nested(&mut self) -> Walk<'_, 'de> {
        Walk { found: &mut *self.found, path: &mut *self.path, track: self.track, names: &mut *self.names }
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_, 'de> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

/// Beyond this many members an object's names go into a hash set (hostile input stays linear).
const LINEAR_KEYS: usize = 16;

impl<'de> Visitor<'de> for Walk<'_, 'de> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
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
    fn visit_none<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        loop {
            if self.track {
                self.path.push(Seg::Index(i));
            }
            let more = seq.next_element_seed(self.nested())?.is_some();
            if self.track {
                self.path.pop();
            }
            if !more {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        // This object's names are `names[start..]` while it is walked (its members' own objects
        // push above them and truncate back), or a hash set once there are many.
        let start = self.names.len();
        let mut many: Option<HashSet<Cow<'de, str>>> = None;
        while let Some(key) = map.next_key_seed(Key)? {
            let repeated = match &mut many {
                Some(set) => !set.insert(key.clone()),
                None if self.names[start..].contains(&key) => true,
                None => {
                    self.names.push(key.clone());
                    if self.names.len() - start > LINEAR_KEYS {
                        many = Some(self.names.drain(start..).collect());
                    }
                    false
                }
            };
            if repeated && self.found.is_none() {
                *self.found = Some(if self.track { pointer(self.path, &key) } else { String::new() });
            }
            if self.track {
                self.path.push(Seg::Key(key));
            }
            map.next_value_seed(self.nested())?;
            if self.track {
                self.path.pop();
            }
        }
        self.names.truncate(start);
        Ok(())
    }
}

/// Checks `body` (a byte-order mark is skipped, as JSON parsers may, RFC 8259 §8.1).
pub(crate) fn check_json(body: &[u8]) -> JsonCheck {
    let body = media::strip_bom(body);
    match walk(body, false) {
        Err(error) => JsonCheck { error: Some(error), duplicate: None },
        Ok(None) => JsonCheck { error: None, duplicate: None },
        // A repeated name (rare): walk again, keeping the path, to write its pointer.
        Ok(Some(_)) => JsonCheck { error: None, duplicate: walk(body, true).ok().flatten() },
    }
}

/// One pass: serde_json's error, or whether a member name repeats (with its pointer when
/// `track`).
fn walk(body: &[u8], track: bool) -> Result<Option<String>, String> {
    let mut found = None;
    let (mut path, mut names) = (Vec::new(), Vec::with_capacity(LINEAR_KEYS));
    let walk = Walk { found: &mut found, path: &mut path, track, names: &mut names };
    // A body that is UTF-8 as a whole (almost all) is read as `str`: serde_json then skips
    // validating each string again; errors and positions are the same either way.
    let result = match std::str::from_utf8(body) {
        Ok(text) => {
            let mut de = serde_json::Deserializer::from_str(text);
            walk.deserialize(&mut de).and_then(|()| de.end())
        }
        Err(_) => {
            let mut de = serde_json::Deserializer::from_slice(body);
            walk.deserialize(&mut de).and_then(|()| de.end())
        }
    };
    result.map(|()| found).map_err(|e| e.to_string())
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

    #[test]
    fn errors_match_value() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        for doc in [
            "{\"a\": [1, 2.5, -3, 1e400, true, null, \"x\\u00e9\"]}", "{\"a\": 1,}", "[1, 2", "{1: 2}", "\"\\q\"",
            "nul", "1 2", "", "  ", "{\"a\":\"\\ud800\"}", "18446744073709551616", "-0", "[\"\u{7f}\", \"\n\"]",
            "{\"k\" 1}", &deep, "{\"a\":{\"b\":[{}]}}", "{\"a\\u0041\":1,\"aA\":2}",
        ] {
            let ours = check_json(doc.as_bytes()).error;
            let value = serde_json::from_str::<serde_json::Value>(doc).err().map(|e| e.to_string());
            assert_eq!(ours, value, "{doc:?}");
        }
    }

    #[test]
    fn finds_duplicates() {
        let dup = |s: &str| check_json(s.as_bytes()).duplicate;
        assert_eq!(dup(r#"{"a":1,"a":2}"#).as_deref(), Some("/a"));
        assert_eq!(dup(r#"{"x":[{"b":1},{"b":1,"c":{"d":0,"d":1}}]}"#).as_deref(), Some("/x/1/c/d"));
        assert_eq!(dup(r#"{"a":{"a":1},"b":[1,1]}"#), None);
        assert_eq!(dup(r#"{"a/b~":1,"a/b~":2}"#).as_deref(), Some("/a~1b~0"));
        assert_eq!(dup(r#"{"a\u0041":1,"aA":2}"#).as_deref(), Some("/aA"), "escaped names compare decoded");
        assert_eq!(dup("not json"), None);
        let many: String = format!("{{{}, \"k3\": 0}}", (0..40).map(|i| format!("\"k{i}\": {i}")).collect::<Vec<_>>().join(","));
        assert_eq!(dup(&many).as_deref(), Some("/k3"), "past the linear scan");
    }
}
