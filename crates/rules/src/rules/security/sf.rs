//! A small parser for Structured Field Values (RFC 8941 / RFC 9651 §4.2): items and
//! dictionaries, enough to read `Permissions-Policy` and the cross-origin policy headers.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub enum Bare {
    Integer(i64),
    Decimal(f64),
    String(String),
    Token(String),
    Bytes,
    Boolean(bool),
    Date(i64),
    DisplayString(String),
}

pub type Params = Vec<(String, Bare)>;

#[derive(Debug, Clone, PartialEq)]
pub enum Member {
    Item(Bare, Params),
    InnerList(Vec<(Bare, Params)>, Params),
}

struct P<'a> {
    s: &'a [u8],
    i: usize,
}

type R<T> = Result<T, String>;

impl<'a> P<'a> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn at_end(&self) -> bool {
        self.i >= self.s.len()
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
    fn err<T>(&self, what: &str) -> R<T> {
        Err(format!("{what} at offset {}", self.i))
    }

    fn key(&mut self) -> R<String> {
        match self.peek() {
            Some(c) if c.is_ascii_lowercase() || c == b'*' => {}
            _ => return self.err("expected a key (lowercase letter or `*`)"),
        }
        let start = self.i;
        while let Some(c) = self.peek() {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-' | b'.' | b'*') {
                self.i += 1;
            } else {
                break;
            }
        }
        Ok(String::from_utf8_lossy(&self.s[start..self.i]).into_owned())
    }

    fn bare(&mut self) -> R<Bare> {
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'"') => self.string().map(Bare::String),
            Some(c) if c.is_ascii_alphabetic() || c == b'*' => Ok(Bare::Token(self.token())),
            Some(b':') => self.bytes(),
            Some(b'?') => {
                self.i += 1;
                match self.peek() {
                    Some(b'0') => {
                        self.i += 1;
                        Ok(Bare::Boolean(false))
                    }
                    Some(b'1') => {
                        self.i += 1;
                        Ok(Bare::Boolean(true))
                    }
                    _ => self.err("expected `?0` or `?1`"),
                }
            }
            Some(b'@') => {
                self.i += 1;
                match self.number()? {
                    Bare::Integer(n) => Ok(Bare::Date(n)),
                    _ => self.err("a date must be an integer"),
                }
            }
            Some(b'%') => self.display_string(),
            Some(_) => self.err("unexpected character"),
            None => self.err("unexpected end"),
        }
    }

    fn number(&mut self) -> R<Bare> {
        let start = self.i;
        let neg = self.peek() == Some(b'-');
        if neg {
            self.i += 1;
        }
        if !matches!(self.peek(), Some(b'0'..=b'9')) {
            return self.err("expected a digit");
        }
        let mut int_digits = 0;
        let mut frac_digits = 0;
        let mut decimal = false;
        while let Some(c) = self.peek() {
            if c.is_ascii_digit() {
                if decimal {
                    frac_digits += 1;
                } else {
                    int_digits += 1;
                }
                self.i += 1;
            } else if c == b'.' && !decimal {
                if int_digits > 12 {
                    return self.err("too many integer digits in a decimal");
                }
                decimal = true;
                self.i += 1;
            } else {
                break;
            }
            if !decimal && int_digits > 15 {
                return self.err("integer too long");
            }
        }
        let text = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("0");
        if decimal {
            if frac_digits == 0 || frac_digits > 3 {
                return self.err("a decimal needs 1 to 3 fractional digits");
            }
            text.parse::<f64>().map(Bare::Decimal).map_err(|_| "bad decimal".to_string())
        } else {
            text.parse::<i64>().map(Bare::Integer).map_err(|_| "bad integer".to_string())
        }
    }

    fn string(&mut self) -> R<String> {
        self.i += 1; // opening quote
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return self.err("unterminated string"),
                Some(b'\\') => {
                    self.i += 1;
                    match self.peek() {
                        Some(c @ (b'"' | b'\\')) => {
                            out.push(c as char);
                            self.i += 1;
                        }
                        _ => return self.err("bad escape in string"),
                    }
                }
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(c) if (0x20..=0x7e).contains(&c) => {
                    out.push(c as char);
                    self.i += 1;
                }
                Some(_) => return self.err("invalid character in string"),
            }
        }
    }

    fn token(&mut self) -> String {
        let start = self.i;
        self.i += 1;
        while let Some(c) = self.peek() {
            if crate::rules::content::media::is_token_char(c as char) || c == b':' || c == b'/' {
                self.i += 1;
            } else {
                break;
            }
        }
        String::from_utf8_lossy(&self.s[start..self.i]).into_owned()
    }

    fn bytes(&mut self) -> R<Bare> {
        self.i += 1;
        while let Some(c) = self.peek() {
            if c == b':' {
                self.i += 1;
                return Ok(Bare::Bytes);
            }
            if c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=') {
                self.i += 1;
            } else {
                return self.err("invalid character in byte sequence");
            }
        }
        self.err("unterminated byte sequence")
    }

    fn display_string(&mut self) -> R<Bare> {
        self.i += 1;
        if self.peek() != Some(b'"') {
            return self.err("expected `\"` after `%`");
        }
        self.i += 1;
        let mut bytes = Vec::new();
        loop {
            match self.peek() {
                None => return self.err("unterminated display string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Bare::DisplayString(String::from_utf8_lossy(&bytes).into_owned()));
                }
                Some(b'%') => {
                    let hex = self.s.get(self.i + 1..self.i + 3).and_then(|h| std::str::from_utf8(h).ok());
                    match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        Some(b) => {
                            bytes.push(b);
                            self.i += 3;
                        }
                        None => return self.err("bad percent escape"),
                    }
                }
                Some(c) if (0x20..=0x7e).contains(&c) => {
                    bytes.push(c);
                    self.i += 1;
                }
                Some(_) => return self.err("invalid character in display string"),
            }
        }
    }

    fn params(&mut self) -> R<Params> {
        let mut out: Params = Vec::new();
        let mut index = KeyIndex::default();
        while self.peek() == Some(b';') {
            self.i += 1;
            self.skip_sp();
            let k = self.key()?;
            let v = if self.peek() == Some(b'=') {
                self.i += 1;
                self.bare()?
            } else {
                Bare::Boolean(true)
            };
            match index.find(&out, &k) {
                Some(at) => out[at].1 = v,
                None => {
                    index.insert(&k, out.len());
                    out.push((k, v));
                }
            }
        }
        Ok(out)
    }

    fn item(&mut self) -> R<(Bare, Params)> {
        let b = self.bare()?;
        let p = self.params()?;
        Ok((b, p))
    }

    fn item_or_inner_list(&mut self) -> R<Member> {
        if self.peek() != Some(b'(') {
            let (b, p) = self.item()?;
            return Ok(Member::Item(b, p));
        }
        self.i += 1;
        let mut items = Vec::new();
        loop {
            self.skip_sp();
            if self.peek() == Some(b')') {
                self.i += 1;
                let p = self.params()?;
                return Ok(Member::InnerList(items, p));
            }
            if self.at_end() {
                return self.err("unterminated inner list");
            }
            items.push(self.item()?);
            if !matches!(self.peek(), Some(b' ' | b')')) {
                return self.err("expected a space or `)` in inner list");
            }
        }
    }
}

/// Parses a field value as an Item.
pub fn parse_item(input: &str) -> R<(Bare, Params)> {
    let mut p = P { s: input.as_bytes(), i: 0 };
    p.skip_sp();
    let item = p.item()?;
    p.skip_sp();
    if !p.at_end() {
        return p.err("trailing characters");
    }
    Ok(item)
}

/// Where each key sits in a list of members with distinct keys: a scan while there are few, a
/// map once there are many (so hostile input stays linear).
#[derive(Default)]
struct KeyIndex(Option<HashMap<String, usize>>);

impl KeyIndex {
    const SCAN_LIMIT: usize = 16;

    fn find<T>(&mut self, members: &[(String, T)], key: &str) -> Option<usize> {
        if self.0.is_none() && members.len() >= Self::SCAN_LIMIT {
            self.0 = Some(members.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect());
        }
        match &self.0 {
            Some(map) => map.get(key).copied(),
            None => members.iter().position(|(k, _)| k == key),
        }
    }

    /// Records `key` at `at` (call after [`KeyIndex::find`] found nothing).
    fn insert(&mut self, key: &str, at: usize) {
        if let Some(map) = &mut self.0 {
            map.insert(key.to_string(), at);
        }
    }
}

/// Parses a field value as a Dictionary (later duplicates replace earlier ones, in place).
pub fn parse_dictionary(input: &str) -> R<Vec<(String, Member)>> {
    let mut p = P { s: input.as_bytes(), i: 0 };
    let mut out: Vec<(String, Member)> = Vec::new();
    let mut index = KeyIndex::default();
    p.skip_sp();
    if p.at_end() {
        return Ok(out);
    }
    loop {
        let k = p.key()?;
        let m = if p.peek() == Some(b'=') {
            p.i += 1;
            p.item_or_inner_list()?
        } else {
            let params = p.params()?;
            Member::Item(Bare::Boolean(true), params)
        };
        match index.find(&out, &k) {
            Some(at) => out[at].1 = m,
            None => {
                index.insert(&k, out.len());
                out.push((k, m));
            }
        }
        p.skip_ows();
        if p.at_end() {
            return Ok(out);
        }
        if p.peek() != Some(b',') {
            return p.err("expected `,` between members");
        }
        p.i += 1;
        p.skip_ows();
        if p.at_end() {
            return p.err("trailing comma");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items() {
        assert_eq!(parse_item("same-origin").unwrap().0, Bare::Token("same-origin".into()));
        let (b, p) = parse_item("require-corp; report-to=\"main\"").unwrap();
        assert_eq!(b, Bare::Token("require-corp".into()));
        assert_eq!(p[0].1, Bare::String("main".into()));
        assert!(parse_item("same-origin, same-origin").is_err());
        assert!(parse_item("'self'").is_err());
        assert!(parse_item("").is_err());
    }

    #[test]
    fn dictionaries() {
        let d = parse_dictionary("geolocation=(), camera=(self \"https://a.example\"), fullscreen=*").unwrap();
        assert_eq!(d.len(), 3);
        assert!(parse_dictionary("geolocation 'none'").is_err());
        assert!(parse_dictionary("Geolocation=()").is_err());
        assert!(parse_dictionary("a=(), ").is_err());
        assert!(parse_dictionary("camera=('self')").is_err());
        for s in ["", "=", "(((", "a=(\"", "a=:ab", "a=?", "a=1.2345", "a=%\"%zz\"", "a=-", "a=@x", "a;b=;"] {
            let _ = parse_dictionary(s);
            let _ = parse_item(s);
        }
    }

    #[test]
    fn later_duplicates_replace_in_place() {
        for n in [3, 40] {
            let mut members: Vec<String> = (0..n).map(|i| format!("k{i}={i};p=1;q=2;p=3")).collect();
            members.extend(["k1=100".to_string(), "k0".to_string()]);
            let d = parse_dictionary(&members.join(", ")).unwrap();
            assert_eq!(d.len(), n);
            assert_eq!(d[0].1, Member::Item(Bare::Boolean(true), vec![]));
            assert_eq!(d[1].1, Member::Item(Bare::Integer(100), vec![]));
            let Member::Item(_, params) = &d[2].1 else { panic!() };
            assert_eq!(params, &[("p".to_string(), Bare::Integer(3)), ("q".to_string(), Bare::Integer(2))]);
        }
    }
}
