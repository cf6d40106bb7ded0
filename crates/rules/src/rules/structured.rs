//! Structured Field Values (RFC 9651) through the `sfv` crate: the rules that read a structured
//! field (`CDN-Cache-Control`, `Permissions-Policy`, the digest and rate-limit fields …) parse it
//! here. `sfv`'s visitor API is used so that keys, tokens and strings stay borrowed from the field
//! value; only Byte Sequences (decoded by `sfv`) and the member lists are allocated.

use std::borrow::Cow;
use std::collections::HashMap;
use std::convert::Infallible;

use sfv::visitor::{
    DictionaryVisitor, EntryVisitor, Ignored, InnerListVisitor, ItemVisitor, ListVisitor, ParameterVisitor,
};
use sfv::{BareItemFromInput, KeyRef, Parser};

/// A bare item, reduced to what the rules look at; an Inner List is only marked as such.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'de> {
    Integer(i64),
    Decimal,
    String(Cow<'de, str>),
    Token(&'de str),
    Bytes(Vec<u8>),
    Boolean(bool),
    Date(i64),
    DisplayString,
    InnerList,
}

impl Value<'_> {
    /// "an Integer", "a Token" … for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Integer(_) => "an Integer",
            Value::Decimal => "a Decimal",
            Value::String(_) => "a String",
            Value::Token(_) => "a Token",
            Value::Bytes(_) => "a Byte Sequence",
            Value::Boolean(_) => "a Boolean",
            Value::Date(_) => "a Date",
            Value::DisplayString => "a Display String",
            Value::InnerList => "an Inner List",
        }
    }
}

impl<'de> From<BareItemFromInput<'de>> for Value<'de> {
    fn from(b: BareItemFromInput<'de>) -> Self {
        match b {
            BareItemFromInput::Integer(n) => Value::Integer(n.into()),
            BareItemFromInput::Decimal(_) => Value::Decimal,
            BareItemFromInput::String(Cow::Borrowed(s)) => Value::String(Cow::Borrowed(s.as_str())),
            BareItemFromInput::String(Cow::Owned(s)) => Value::String(Cow::Owned(s.into())),
            BareItemFromInput::Token(t) => Value::Token(t.as_str()),
            BareItemFromInput::ByteSequence(b) => Value::Bytes(b),
            BareItemFromInput::Boolean(b) => Value::Boolean(b),
            BareItemFromInput::Date(d) => Value::Date(d.unix_seconds().into()),
            BareItemFromInput::DisplayString(_) => Value::DisplayString,
        }
    }
}

/// A List member or a Dictionary member's value, with its parameters (later duplicates replace
/// earlier ones in place, RFC 9651 §4.2.3.2).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Member<'de> {
    pub value: Value<'de>,
    pub params: Vec<(&'de str, Value<'de>)>,
}

impl Default for Member<'_> {
    fn default() -> Self {
        Member { value: Value::Boolean(true), params: Vec::new() }
    }
}

impl<'de> Member<'de> {
    /// The parameter `key`, if present.
    pub fn param(&self, key: &str) -> Option<&Value<'de>> {
        self.params.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// Keyed entries where a later key replaces an earlier one in place: a scan while there are few,
/// a map once there are many (so hostile input stays linear).
struct Keyed<'de, T> {
    entries: Vec<(&'de str, T)>,
    index: Option<HashMap<&'de str, usize>>,
}

impl<'de, T> Keyed<'de, T> {
    const SCAN_LIMIT: usize = 16;

    fn new() -> Self {
        Keyed { entries: Vec::new(), index: None }
    }

    /// The slot for `key`: the existing one (reset to `fresh`) or a new one.
    fn slot(&mut self, key: &'de str, fresh: T) -> &mut T {
        if self.index.is_none() && self.entries.len() >= Self::SCAN_LIMIT {
            self.index = Some(self.entries.iter().enumerate().map(|(i, (k, _))| (*k, i)).collect());
        }
        let found = match &self.index {
            Some(map) => map.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| *k == key),
        };
        let at = match found {
            Some(at) => {
                self.entries[at].1 = fresh;
                at
            }
            None => {
                if let Some(map) = &mut self.index {
                    map.insert(key, self.entries.len());
                }
                self.entries.push((key, fresh));
                self.entries.len() - 1
            }
        };
        &mut self.entries[at].1
    }
}

struct Params<'a, 'de>(&'a mut Keyed<'de, Value<'de>>);

impl<'de> ParameterVisitor<'de> for Params<'_, 'de> {
    type Out = ();
    type Error = Infallible;
    fn parameter(&mut self, key: &'de KeyRef, value: BareItemFromInput<'de>) -> Result<(), Infallible> {
        *self.0.slot(key.as_str(), Value::Boolean(true)) = value.into();
        Ok(())
    }
    fn finish(self) -> Result<(), Infallible> {
        Ok(())
    }
}

/// Where a member being parsed is written.
struct Slot<'a, 'de> {
    value: &'a mut Value<'de>,
    params: &'a mut Keyed<'de, Value<'de>>,
}

impl<'de> EntryVisitor<'de> for Slot<'_, 'de> {
    type Error = Infallible;
    fn item(self) -> Result<impl ItemVisitor<'de>, Infallible> {
        Ok(self)
    }
    fn inner_list(self) -> Result<impl InnerListVisitor<'de>, Infallible> {
        *self.value = Value::InnerList;
        Ok(Ignored)
    }
}

impl<'de> ItemVisitor<'de> for Slot<'_, 'de> {
    type Out = ();
    type Error = Infallible;
    fn bare_item(self, bare: BareItemFromInput<'de>) -> Result<impl ParameterVisitor<'de, Out = ()>, Infallible> {
        *self.value = bare.into();
        Ok(Params(self.params))
    }
}

/// Members while parsing: each with its own parameter map.
struct Building<'de> {
    value: Value<'de>,
    params: Keyed<'de, Value<'de>>,
}

impl<'de> Building<'de> {
    fn fresh() -> Self {
        Building { value: Value::Boolean(true), params: Keyed::new() }
    }
    fn slot(&mut self) -> Slot<'_, 'de> {
        Slot { value: &mut self.value, params: &mut self.params }
    }
    fn done(self) -> Member<'de> {
        Member { value: self.value, params: self.params.entries }
    }
}

/// Fills one dictionary's entries; several lines of a field go into the same entries.
struct DictInto<'k, 'de>(&'k mut Keyed<'de, Building<'de>>);

impl<'de> DictionaryVisitor<'de> for DictInto<'_, 'de> {
    type Out = ();
    type Error = Infallible;
    fn entry(&mut self, key: &'de KeyRef) -> Result<impl EntryVisitor<'de>, Infallible> {
        Ok(self.0.slot(key.as_str(), Building::fresh()).slot())
    }
    fn finish(self) -> Result<(), Infallible> {
        Ok(())
    }
}

struct ListBuilder<'de>(Vec<Building<'de>>);

impl<'de> ListVisitor<'de> for ListBuilder<'de> {
    type Out = Vec<Member<'de>>;
    type Error = Infallible;
    fn entry(&mut self) -> Result<impl EntryVisitor<'de>, Infallible> {
        self.0.push(Building::fresh());
        let last = self.0.len() - 1;
        Ok(self.0[last].slot())
    }
    fn finish(self) -> Result<Self::Out, Infallible> {
        Ok(self.0.into_iter().map(Building::done).collect())
    }
}

/// Parses `input` as a Dictionary (RFC 9651 §4.2.2): (key, member) in order of first appearance,
/// a repeated key's last value winning. A key without a value is `Boolean(true)`.
pub(crate) fn dictionary(input: &str) -> Result<Vec<(&str, Member<'_>)>, sfv::Error> {
    dictionary_lines([input]).map_err(|(e, _)| e)
}

/// Parses the lines of one field as one Dictionary — what the lines joined with commas would
/// give (RFC 9651 §4.2), each key borrowed from its own line, a key repeated on a later line
/// replacing its value in place. On failure, `sfv`'s error and the line it is in.
pub(crate) fn dictionary_lines<'de>(
    lines: impl IntoIterator<Item = &'de str>,
) -> Result<Vec<(&'de str, Member<'de>)>, (sfv::Error, &'de str)> {
    let mut entries = Keyed::new();
    for line in lines {
        Parser::new(line).parse_dictionary_with_visitor(DictInto(&mut entries)).map_err(|e| (e, line))?;
    }
    Ok(entries.entries.into_iter().map(|(k, b)| (k, b.done())).collect())
}

/// Parses `input` as a List (RFC 9651 §4.2.1).
pub(crate) fn list(input: &str) -> Result<Vec<Member<'_>>, sfv::Error> {
    Parser::new(input).parse_list_with_visitor(ListBuilder(Vec::new()))
}

/// Whether `input` is a valid Dictionary, without building anything.
pub(crate) fn check_dictionary(input: &str) -> Result<(), sfv::Error> {
    Parser::new(input).parse_dictionary_with_visitor(Ignored)
}

/// Parses `input` as an Item and returns its bare item (parameters are validated, then dropped).
pub(crate) fn bare_item(input: &str) -> Result<BareItemFromInput<'_>, sfv::Error> {
    Parser::new(input).parse_item::<BareItemFromInput<'_>>()
}

/// `sfv`'s error with the text where it occurred, for messages:
/// "expected start of key ('a'-'z' or '*') at `Max-Age=600`; keys are lower-case".
pub(crate) fn describe(e: &sfv::Error, input: &str) -> String {
    let what = format!("{e:#}");
    let Some(i) = e.index() else { return what };
    let rest = input.get(i..).unwrap_or_default();
    if rest.is_empty() || rest == "," {
        return format!("{what} at the end of the value");
    }
    // Up to the next separator (at least one character, at most 40).
    let mut end = rest.len();
    for (n, (j, ch)) in rest.char_indices().enumerate() {
        if n == 40 || (j > 0 && ",; ".contains(ch)) {
            end = j;
            break;
        }
    }
    let mut out = format!("{what} at `{}`", &rest[..end]);
    if what.contains("key") && rest.as_bytes()[0].is_ascii_uppercase() {
        out.push_str("; keys are lower-case");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries_keep_first_position_and_last_value() {
        let d = dictionary("max-age=600, no-store, foo=bar;x=1, s=\"a\", max-age=5;p=1;p=2").unwrap();
        assert_eq!(d.len(), 4);
        assert_eq!(d[0].0, "max-age");
        assert_eq!(d[0].1.value, Value::Integer(5));
        assert_eq!(d[0].1.params, vec![("p", Value::Integer(2))]);
        assert_eq!(d[1].1.value, Value::Boolean(true));
        assert_eq!(d[2].1.value, Value::Token("bar"));
        assert_eq!(d[3].1.value, Value::String(Cow::Borrowed("a")));
        assert!(dictionary("Max-Age=60").is_err());
        assert!(dictionary("max-age=60,").is_err());
        let inner = dictionary("a=(1 2)").unwrap();
        assert_eq!(inner[0].1.value, Value::InnerList);
        assert!(dictionary("").unwrap().is_empty());
    }

    #[test]
    fn lines_are_one_dictionary() {
        let d = dictionary_lines(["sha-256=:AA==:, md5=:AA==:", "sha-256=:AQ==:"]).unwrap();
        assert_eq!(d.iter().map(|(k, _)| *k).collect::<Vec<_>>(), ["sha-256", "md5"], "first position kept");
        assert_eq!(d[0].1.value, Value::Bytes(vec![1]), "last value wins");
        let (e, line) = dictionary_lines(["a=1", "B=2"]).unwrap_err();
        assert_eq!(line, "B=2");
        assert!(describe(&e, line).contains("B=2"));
    }

    #[test]
    fn many_duplicates_stay_in_place() {
        let mut members: Vec<String> = (0..40).map(|i| format!("k{i}={i};p=1;q=2;p=3")).collect();
        members.extend(["k1=100".to_string(), "k0".to_string()]);
        let joined = members.join(", ");
        let d = dictionary(&joined).unwrap();
        assert_eq!(d.len(), 40);
        assert_eq!(d[0].1, Member::default());
        assert_eq!(d[1].1.value, Value::Integer(100));
        assert_eq!(d[2].1.params, vec![("p", Value::Integer(3)), ("q", Value::Integer(2))]);
    }

    #[test]
    fn lists_and_items() {
        let l = list("\"default\";r=50;t=30, (a b);x").unwrap();
        assert_eq!(l[0].value, Value::String(Cow::Borrowed("default")));
        assert_eq!(l[0].param("t"), Some(&Value::Integer(30)));
        assert_eq!(l[1].value, Value::InnerList);
        assert!(matches!(bare_item("same-origin;report-to=\"x\""), Ok(BareItemFromInput::Token(t)) if t.as_str() == "same-origin"));
        assert!(bare_item("a, b").is_err());
    }

    #[test]
    fn errors_quote_the_input() {
        let e = dictionary("Max-Age=600").unwrap_err();
        assert_eq!(describe(&e, "Max-Age=600"), "expected start of key ('a'-'z' or '*') at `Max-Age=600`; keys are lower-case");
        let e = dictionary("max-age=60,").unwrap_err();
        assert_eq!(describe(&e, "max-age=60,"), "trailing comma at the end of the value");
        for s in ["=", "(((", "a=(\"", "a=:ab", "a=?", "a=1.2345", "a=%\"%zz\"", "a=-", "a=@x", "a;b=;", "é"] {
            if let Err(e) = dictionary(s) {
                let _ = describe(&e, s);
            }
        }
    }
}
