//! A small Structured Field Dictionary parser (RFC 9651 §4.2.2, formerly RFC 8941), enough to
//! read targeted cache-control fields (RFC 9213 §2.1). Linear, never panics.

/// The type of a member's bare item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    Integer(i64),
    Decimal,
    String(String),
    Token(String),
    ByteSequence,
    Boolean(bool),
    Date,
    DisplayString,
}

impl Item {
    pub fn kind(&self) -> &'static str {
        match self {
            Item::Integer(_) => "an Integer",
            Item::Decimal => "a Decimal",
            Item::String(_) => "a String",
            Item::Token(_) => "a Token",
            Item::ByteSequence => "a Byte Sequence",
            Item::Boolean(_) => "a Boolean",
            Item::Date => "a Date",
            Item::DisplayString => "a Display String",
        }
    }
}

struct P<'a> {
    s: &'a [u8],
    i: usize,
}

impl P<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn skip_sp(&mut self) {
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
    }
    fn skip_ows(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }
    fn key(&mut self) -> Result<String, String> {
        match self.peek() {
            Some(b) if b.is_ascii_lowercase() || b == b'*' => {}
            Some(b) if b.is_ascii_uppercase() => {
                return Err(format!("keys must be lower-case (found `{}`)", self.rest_word()));
            }
            _ => return Err(format!("expected a key at `{}`", self.rest_word())),
        }
        let start = self.i;
        while let Some(b) = self.peek() {
            if b.is_ascii_lowercase() || b.is_ascii_digit() || b"_-.*".contains(&b) {
                self.i += 1;
            } else {
                break;
            }
        }
        Ok(String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
    }
    /// The text from here to the next separator, for messages.
    fn rest_word(&self) -> String {
        let rest = self.s.get(self.i..).unwrap_or_default();
        let end = rest.iter().position(|b| b",; =".contains(b)).unwrap_or(rest.len()).min(40);
        String::from_utf8_lossy(&rest[..end.max(1).min(rest.len())]).into_owned()
    }
    fn bare_item(&mut self) -> Result<Item, String> {
        match self.peek() {
            Some(b'-') | Some(b'0'..=b'9') => self.number(),
            Some(b'"') => self.string(),
            Some(b'*') | Some(b'A'..=b'Z') | Some(b'a'..=b'z') => {
                let start = self.i;
                self.i += 1;
                while let Some(b) = self.peek() {
                    if b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~:/".contains(&b) {
                        self.i += 1;
                    } else {
                        break;
                    }
                }
                Ok(Item::Token(String::from_utf8_lossy(&self.s[start..self.i]).into_owned()))
            }
            Some(b':') => {
                self.i += 1;
                while let Some(b) = self.peek() {
                    self.i += 1;
                    if b == b':' {
                        return Ok(Item::ByteSequence);
                    }
                    if !(b.is_ascii_alphanumeric() || b"+/=".contains(&b)) {
                        return Err("a byte sequence is malformed".into());
                    }
                }
                Err("a byte sequence is not closed".into())
            }
            Some(b'?') => {
                self.i += 1;
                match self.peek() {
                    Some(b'0') => {
                        self.i += 1;
                        Ok(Item::Boolean(false))
                    }
                    Some(b'1') => {
                        self.i += 1;
                        Ok(Item::Boolean(true))
                    }
                    _ => Err("a Boolean must be `?0` or `?1`".into()),
                }
            }
            Some(b'@') => {
                self.i += 1;
                match self.number()? {
                    Item::Integer(_) => Ok(Item::Date),
                    _ => Err("a Date must be an integer".into()),
                }
            }
            Some(b'%') => {
                self.i += 1;
                if self.string().is_err() {
                    return Err("a Display String is malformed".into());
                }
                Ok(Item::DisplayString)
            }
            _ => Err(format!("unexpected `{}`", self.rest_word())),
        }
    }
    fn number(&mut self) -> Result<Item, String> {
        let neg = self.peek() == Some(b'-');
        if neg {
            self.i += 1;
        }
        let start = self.i;
        let mut dot = None;
        while let Some(b) = self.peek() {
            if b.is_ascii_digit() {
                self.i += 1;
            } else if b == b'.' && dot.is_none() {
                dot = Some(self.i);
                self.i += 1;
            } else {
                break;
            }
        }
        let digits = &self.s[start..self.i];
        if digits.is_empty() || !digits[0].is_ascii_digit() {
            return Err("a number is malformed".into());
        }
        match dot {
            None => {
                if digits.len() > 15 {
                    return Err("an Integer has more than 15 digits".into());
                }
                let mut v: i64 = 0;
                for d in digits {
                    v = v * 10 + i64::from(d - b'0');
                }
                Ok(Item::Integer(if neg { -v } else { v }))
            }
            Some(p) => {
                let int_len = p - start;
                let frac_len = self.i - p - 1;
                if int_len > 12 || frac_len == 0 || frac_len > 3 {
                    return Err("a Decimal is malformed".into());
                }
                Ok(Item::Decimal)
            }
        }
    }
    fn string(&mut self) -> Result<Item, String> {
        // At the opening quote.
        self.i += 1;
        let mut out = Vec::new();
        while let Some(b) = self.peek() {
            self.i += 1;
            match b {
                b'\\' => match self.peek() {
                    Some(c @ (b'"' | b'\\')) => {
                        self.i += 1;
                        out.push(c);
                    }
                    _ => return Err("a String has an invalid escape".into()),
                },
                b'"' => return Ok(Item::String(String::from_utf8_lossy(&out).into_owned())),
                0x20..=0x7e => out.push(b),
                _ => return Err("a String holds a character outside printable ASCII".into()),
            }
        }
        Err("a String is not closed".into())
    }
    fn params(&mut self) -> Result<(), String> {
        while self.peek() == Some(b';') {
            self.i += 1;
            self.skip_sp();
            self.key()?;
            if self.peek() == Some(b'=') {
                self.i += 1;
                self.bare_item()?;
            }
        }
        Ok(())
    }
}

/// Parses a Dictionary. Members: (key, value); a member without `=` is `Boolean(true)`.
/// Inner lists are reported as an error (no cache directive takes one).
pub(crate) fn parse_dictionary(input: &str) -> Result<Vec<(String, Item)>, String> {
    let mut p = P { s: input.as_bytes(), i: 0 };
    let mut out: Vec<(String, Item)> = Vec::new();
    p.skip_sp();
    if p.peek().is_none() {
        return Err("the field is empty".into());
    }
    loop {
        let key = p.key()?;
        let value = if p.peek() == Some(b'=') {
            p.i += 1;
            if p.peek() == Some(b'(') {
                return Err(format!("`{key}` has an inner list, which no cache directive takes"));
            }
            p.bare_item()?
        } else {
            Item::Boolean(true)
        };
        p.params()?;
        // Later duplicates override earlier ones (RFC 9651 §4.2.2).
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => out.push((key, value)),
        }
        p.skip_ows();
        match p.peek() {
            None => return Ok(out),
            Some(b',') => {
                p.i += 1;
                p.skip_ows();
                if p.peek().is_none() {
                    return Err("the field ends with a comma".into());
                }
            }
            Some(_) => return Err(format!("expected `,` before `{}`", p.rest_word())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionaries() {
        let d = parse_dictionary("max-age=600, no-store, foo=bar;x=1, s=\"a\"").unwrap();
        assert_eq!(d[0], ("max-age".into(), Item::Integer(600)));
        assert_eq!(d[1], ("no-store".into(), Item::Boolean(true)));
        assert_eq!(d[2], ("foo".into(), Item::Token("bar".into())));
        assert!(parse_dictionary("Max-Age=60").is_err());
        assert!(parse_dictionary("max-age=60,").is_err());
        assert!(parse_dictionary("max-age=60 no-store").is_err());
        assert!(parse_dictionary("").is_err());
        assert!(parse_dictionary("a=\"x").is_err());
        assert_eq!(parse_dictionary("max-age=1.5").unwrap()[0].1, Item::Decimal);
        assert_eq!(parse_dictionary("max-age=-1").unwrap()[0].1, Item::Integer(-1));
    }
}
