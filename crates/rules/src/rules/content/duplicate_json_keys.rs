use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::media;

declare_rule! {
    /// ## What it checks
    /// JSON content (`application/json`, `…+json`) with an object that repeats a member name,
    /// e.g. `{"id": 1, "id": 2}`.
    ///
    /// ## Why it matters
    /// RFC 8259 §4: "The names within an object SHOULD be unique", because "when the names
    /// within an object are not unique, the behavior of software that receives such an object
    /// is unpredictable": most parsers keep the last value, some the first, some reject the
    /// document. Two components reading the same message can disagree about its meaning — a
    /// classic way to smuggle a value past a validator.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    ///
    /// {"user": "alice", "role": "viewer", "role": "admin"}
    /// ```
    ///
    /// ## Fix
    /// Build the body from a map or a serializer that cannot emit the same key twice.
    pub static DUPLICATE_JSON_KEYS = {
        code: "CNT012",
        name: "duplicate-json-keys",
        category: Content,
        severity: Warning,
        summary: "JSON object member names should be unique",
        specs: [rfc(8259, "4")],
        check: check,
    }
}

/// Walks a JSON value and records the JSON Pointer of the first repeated member name.
struct Dup<'a> {
    found: &'a mut Option<String>,
    path: String,
}

impl<'de> DeserializeSeed<'de> for Dup<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Dup<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
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
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let found = self.found;
        let mut i = 0usize;
        loop {
            let path = format!("{}/{i}", self.path);
            if seq.next_element_seed(Dup { found: &mut *found, path })?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let found = self.found;
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            let escaped = key.replace('~', "~0").replace('/', "~1");
            let path = format!("{}/{escaped}", self.path);
            if !seen.insert(key) && found.is_none() {
                *found = Some(path.clone());
            }
            map.next_value_seed(Dup { found: &mut *found, path })?;
        }
        Ok(())
    }
}

pub(crate) fn first_duplicate(body: &[u8]) -> Option<String> {
    let mut found = None;
    let mut de = serde_json::Deserializer::from_slice(media::strip_bom(body));
    Dup { found: &mut found, path: String::new() }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    found
}

fn check(c: &mut Checker<'_>) {
    let Some((_, m)) = media::response_mime(c) else { return };
    if !m.is_json() {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    let Some(pointer) = first_duplicate(body) else { return };
    c.report(
        Target::Body,
        format!("The JSON repeats the member `{pointer}` in one object: parsers disagree on which value counts."),
        "Emit each member name once per object.".to_string(),
    );
}

#[cfg(test)]
mod tests {
    use super::first_duplicate;

    #[test]
    fn finds_duplicates() {
        assert_eq!(first_duplicate(br#"{"a":1,"a":2}"#).as_deref(), Some("/a"));
        assert_eq!(first_duplicate(br#"{"x":[{"b":1},{"b":1,"c":{"d":0,"d":1}}]}"#).as_deref(), Some("/x/1/c/d"));
        assert_eq!(first_duplicate(br#"{"a":{"a":1},"b":[1,1]}"#), None);
        assert_eq!(first_duplicate(b"not json"), None);
    }
}
