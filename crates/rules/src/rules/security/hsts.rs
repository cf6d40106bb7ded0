//! `Strict-Transport-Security` (RFC 6797 §6.1) as user agents parse it.

use std::borrow::Cow;

use crate::registry::Checker;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sts {
    pub max_age: u64,
    pub include_subdomains: bool,
    /// The `preload` directive (not in RFC 6797: the preload list's opt-in, hstspreload.org).
    pub preload: bool,
}

/// Splits on `;` outside quoted strings.
fn split_semicolons(v: &str) -> impl Iterator<Item = &str> {
    crate::model::pieces_outside_quotes(v, b';')
}

fn unquote(v: &str) -> Option<Cow<'_, str>> {
    if let Some(inner) = v.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        let mut out = String::new();
        let mut esc = false;
        for ch in inner.chars() {
            if esc {
                out.push(ch);
                esc = false;
            } else if ch == '\\' {
                esc = true;
            } else if ch == '"' {
                return None;
            } else {
                out.push(ch);
            }
        }
        if esc {
            return None;
        }
        Some(Cow::Owned(out))
    } else if !v.is_empty() && v.bytes().all(crate::model::is_tchar) {
        // (Octet by octet: a non-ASCII octet is no tchar, as a non-ASCII character is not.)
        Some(Cow::Borrowed(v))
    } else {
        None
    }
}

/// Parses one field value. `Err` carries why user agents ignore the whole field (RFC 6797 §6.1:
/// a value that does not match the grammar, a repeated directive, or no `max-age`).
///
/// One pass. A `,` between directives is reported before any other problem (it is the usual
/// mistake, and explains the others), so a later comma still wins over an earlier error.
pub fn parse(v: &str) -> Result<Sts, String> {
    if let Some(sts) = plain(v) {
        return Ok(sts);
    }
    let mut error: Option<String> = None;
    // Directive names seen so far; real values have two or three.
    let mut seen = Seen::default();
    let mut max_age = None;
    let mut include_subdomains = false;
    let mut preload = false;
    for part in split_semicolons(v) {
        let part_bytes = part.as_bytes();
        if part_bytes.contains(&b',') && !part_bytes.contains(&b'"') {
            return Err("directives must be separated by `;`, not `,`".to_string());
        }
        if error.is_some() {
            continue;
        }
        if let Err(e) = directive(part, &mut seen, &mut max_age, &mut include_subdomains, &mut preload) {
            error = Some(e);
        }
    }
    if let Some(e) = error {
        return Err(e);
    }
    match max_age {
        Some(max_age) => Ok(Sts { max_age, include_subdomains, preload }),
        None => Err("the required `max-age` directive is missing".to_string()),
    }
}

/// The value nearly every site sends — `max-age=<digits>`, `includeSubDomains` and `preload`
/// (names in any case), each at most once, separated by `;` with optional spaces — read in one
/// pass; `None` for anything else (quotes, commas, other directives, a repeat), which [`parse`]
/// then reads in full. Where this answers, it answers as the full reading does (tested).
fn plain(v: &str) -> Option<Sts> {
    use crate::model::{starts_with_ignore_ascii_case, trim_wsp};
    let (mut max_age, mut include_subdomains, mut preload) = (None, false, false);
    for part in crate::model::split_byte(v, b';') {
        let part = trim_wsp(part);
        if part.is_empty() {
            continue;
        }
        if starts_with_ignore_ascii_case(part, "max-age") {
            let digits = trim_wsp(trim_wsp(&part[7..]).strip_prefix('=')?);
            if max_age.is_some() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            max_age = Some(crate::model::saturating_decimal(digits));
        } else if part.eq_ignore_ascii_case("includesubdomains") && !include_subdomains {
            include_subdomains = true;
        } else if part.eq_ignore_ascii_case("preload") && !preload {
            preload = true;
        } else {
            return None;
        }
    }
    Some(Sts { max_age: max_age?, include_subdomains, preload })
}

/// The directive names of one value: the first few in place (real values have two or three),
/// the rest in a vector.
#[derive(Default)]
struct Seen<'v> {
    first: [&'v str; 4],
    len: usize,
    more: Vec<&'v str>,
}

impl<'v> Seen<'v> {
    fn contains_ignore_case(&self, name: &str) -> bool {
        self.first[..self.len.min(4)].iter().chain(&self.more).any(|s| s.eq_ignore_ascii_case(name))
    }
    fn push(&mut self, name: &'v str) {
        match self.first.get_mut(self.len) {
            Some(slot) => *slot = name,
            None => self.more.push(name),
        }
        self.len += 1;
    }
}

fn directive<'v>(
    part: &'v str,
    seen: &mut Seen<'v>,
    max_age: &mut Option<u64>,
    include_subdomains: &mut bool,
    preload: &mut bool,
) -> Result<(), String> {
    let part = crate::model::trim_wsp(part);
    if part.is_empty() {
        return Ok(());
    }
    let (name, value) = match crate::model::find_byte(part, b'=') {
        Some(i) => (crate::model::trim_wsp(&part[..i]), Some(crate::model::trim_wsp(&part[i + 1..]))),
        None => (part, None),
    };
    if name.is_empty() || !name.bytes().all(crate::model::is_tchar) {
        return Err(format!("`{part}` is not a directive (directives are separated by `;`)"));
    }
    if seen.contains_ignore_case(name) {
        return Err(format!("the directive `{name}` appears more than once"));
    }
    seen.push(name);
    let value = match value {
        Some(raw) => Some(unquote(raw).ok_or_else(|| format!("the value of `{name}` is neither a token nor a quoted string"))?),
        None => None,
    };
    if name.eq_ignore_ascii_case("max-age") {
        let v = value.ok_or_else(|| "`max-age` has no value".to_string())?;
        if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("`max-age={v}` is not a number of seconds"));
        }
        *max_age = Some(crate::model::saturating_decimal(&v));
    } else if name.eq_ignore_ascii_case("includesubdomains") {
        *include_subdomains = true;
    } else if name.eq_ignore_ascii_case("preload") {
        *preload = true;
    }
    Ok(())
}

/// The response's first `Strict-Transport-Security` line (index, value) and its parse, parsed
/// once per lint; `None` when absent or hidden.
pub(crate) fn response_sts<'a>(c: &Checker<'a>) -> Option<(usize, &'a str, &'a Result<Sts, String>)> {
    let (i, v) = super::present(c, "Strict-Transport-Security")?;
    Some((i, v, c.memo().hsts.get_or_init(|| parse(v))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-pass order the one-pass parser must keep: a `,` anywhere is reported before any
    /// other problem, then the first directive's problem, then a missing `max-age`. Each
    /// directive is read by the same [`directive`] as the parser's.
    fn parse_reference(v: &str) -> Result<Sts, String> {
        if split_semicolons(v).any(|part| part.contains(',') && !part.contains('"')) {
            return Err("directives must be separated by `;`, not `,`".to_string());
        }
        let (mut seen, mut max_age, mut include_subdomains, mut preload) = (Seen::default(), None, false, false);
        for part in split_semicolons(v) {
            directive(part, &mut seen, &mut max_age, &mut include_subdomains, &mut preload)?;
        }
        max_age
            .map(|max_age| Sts { max_age, include_subdomains, preload })
            .ok_or_else(|| "the required `max-age` directive is missing".to_string())
    }

    #[test]
    fn one_pass_agrees_with_two_passes() {
        let pieces = ["max-age=60", "max-age=\"5\"", "includeSubDomains", "preload", ";", "; ", ",", "\"", "=", " ", "a,b",
            "max-age", "x=\"a,b\"", "MAX-AGE=1", "é", "\\"];
        let mut rng = crate::testing::Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let s = rng.words(&pieces, 6);
            assert_eq!(parse(&s), parse_reference(&s), "{s:?}");
        }
    }

    /// The one-pass reading of the usual value answers as the full reading, and does answer for
    /// the usual values.
    #[test]
    fn plain_agrees_with_the_full_reading() {
        let pieces = ["max-age=60", "MAX-AGE = 5", "max-age=\"5\"", "max-age", "max-agex=1", "max-age=", "includeSubDomains",
            "INCLUDESUBDOMAINS", "preload", "preloads", ";", "; ", " ", "\t", ",", "=", "a", "é", "max-age=1 2", "max-age=99999999999999999999999"];
        let mut rng = crate::testing::Rng(0x6a09_e667_f3bc_c908);
        let mut answered = 0;
        for _ in 0..30_000 {
            let s = rng.words(&pieces, 6);
            if let Some(sts) = plain(&s) {
                answered += 1;
                assert_eq!(Ok(sts), parse_reference(&s), "{s:?}");
            }
        }
        assert!(answered > 1_000, "{answered}");
        for v in ["max-age=31536000", "max-age=63072000; includeSubDomains; preload", " max-age = 0 ;includesubdomains;", "Max-Age=600;PRELOAD"] {
            assert!(plain(v).is_some(), "{v}");
        }
    }

    #[test]
    fn grammar() {
        assert_eq!(parse("max-age=31536000; includeSubDomains; preload").unwrap().max_age, 31_536_000);
        assert_eq!(parse("max-age=\"600\"").unwrap().max_age, 600);
        assert!(parse(" MAX-AGE = 60 ;; ").is_ok());
        assert!(parse("max-age=0").is_ok());
        assert!(parse("includeSubDomains").is_err());
        assert!(parse("max-age=31536000, includeSubDomains").is_err());
        assert!(parse("max-age=1; max-age=2").is_err());
        assert!(parse("max-age=1y").is_err());
        assert!(parse("max-age:3600").is_err());
        for s in ["", ";", "=", "\"", "max-age=\"", "a=\"\\", "max-age=99999999999999999999999999"] {
            let _ = parse(s);
        }
    }
}
