//! Parsers and helpers shared by the header-field rules. Every function here is total (no
//! panics on any input) and linear in the length of its input.

use crate::model::TrimExt;
use std::borrow::Cow;

use crate::model::{ascii_lowercase, list_members};
use crate::registry::{Checker, Target};

/// `tchar` (RFC 9110 §5.6.2).
pub(crate) fn is_tchar(c: char) -> bool {
    c.is_ascii() && crate::model::is_tchar(c as u8)
}

/// `token = 1*tchar` (RFC 9110 §5.6.2).
pub(crate) fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(crate::model::is_tchar)
}

/// The target for line `index` of field `name`.
pub(crate) fn at(name: impl Into<Cow<'static, str>>, index: usize) -> Target {
    Target::Header { name: name.into(), index: Some(index) }
}

/// For a response whose header section ends the message — a `1xx` or `204` — or turns the
/// connection into a tunnel — a `2xx` answer to `CONNECT`, when the request is known — whether
/// it is the tunnel (RFC 9110 §6.4.1, §9.3.6); `None` for any other response. Neither may carry
/// framing fields (`Content-Length`, RFC 9110 §8.6; `Transfer-Encoding`, RFC 9112 §6.1).
pub(crate) fn bodiless_or_tunnel(c: &Checker<'_>) -> Option<bool> {
    let status = c.status();
    let connect = c.method() == Some("CONNECT") && (200..300).contains(&status);
    ((100..200).contains(&status) || status == 204 || connect).then_some(connect)
}

/// Every line of `name` in the response, as (index, value).
pub(crate) fn lines<'a, 'n>(c: &Checker<'a>, name: &'n str) -> impl Iterator<Item = (usize, &'a str)> + use<'a, 'n> {
    c.header_lines(name)
}

/// The list members (RFC 9110 §5.6.1) of every line of `name`, each with its line's index.
pub(crate) fn members<'a, 'n>(c: &Checker<'a>, name: &'n str) -> impl Iterator<Item = (usize, &'a str)> + use<'a, 'n> {
    c.header_lines(name).flat_map(|(i, v)| list_members(v).map(move |m| (i, m)))
}

/// The members of every `Vary` line with their line indexes, parsed once per lint (the caching,
/// CORS and header rules all read it).
#[inline]
pub(crate) fn vary_members<'a>(c: &Checker<'a>) -> &'a [(usize, &'a str)] {
    c.memo().vary_members.get_or_init(|| members(c, "Vary").collect())
}

/// The lowercased connection options of every `Connection` line.
pub(crate) fn connection_options<'a>(c: &Checker<'a>) -> &'a [(usize, Cow<'a, str>)] {
    // Read once per lint, shared by the four `Connection` rules.
    c.memo().connection_options.get_or_init(|| members(c, "Connection").map(|(i, m)| (i, ascii_lowercase(m))).collect())
}

/// The name of a coding list member (`gzip;q=1` → `gzip`), lowercased.
pub(crate) fn coding_name(member: &str) -> String {
    member.split(';').next().unwrap_or("").trim_fast().to_ascii_lowercase()
}

/// Parses a quoted-string (RFC 9110 §5.6.4) at the start of `s`: the unescaped content and
/// the rest after the closing quote. `None` when `s` does not start with a complete one.
pub(crate) fn quoted(s: &str) -> Option<(String, &str)> {
    let mut it = s.char_indices();
    if !matches!(it.next(), Some((_, '"'))) {
        return None;
    }
    let mut out = String::new();
    let mut esc = false;
    for (i, ch) in it {
        if esc {
            out.push(ch);
            esc = false;
            continue;
        }
        match ch {
            '\\' => esc = true,
            '"' => return Some((out, &s[i + 1..])),
            _ => out.push(ch),
        }
    }
    None
}

/// `s` written as a quoted-string (RFC 9110 §5.6.4; a Structured Field String escapes the same
/// two octets, RFC 9651 §4.1.6): `"` and `\` escaped.
pub(crate) fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Splits on the ASCII `sep` outside quoted strings (backslash escapes honoured inside quotes).
pub(crate) fn split_outside_quotes(s: &str, sep: u8) -> Vec<&str> {
    crate::model::pieces_outside_quotes(s, sep).collect()
}

/// Whether the value has only digits (and at least one).
pub(crate) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

// ---------------------------------------------------------------------------------------------
// Dates

/// How an HTTP-date field value parses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateForm {
    /// IMF-fixdate, the form senders must generate (RFC 9110 §5.6.7).
    Fixdate(u64),
    /// RFC 850 or asctime: recipients must accept them, senders must not generate them.
    Obsolete(u64),
    /// Not an HTTP-date, but a near miss lenient clients read (numeric zone, `UTC`, one-digit
    /// day, wrong weekday, missing zone, any letter case).
    Lenient(u64),
    /// A date before 1970 (IMF-fixdate allows any four-digit year, RFC 9110 §5.6.7): before the
    /// epoch this model counts from, so it reads as the epoch — long past, which is all a
    /// recipient does with it (an `Expires` already passed, an old `Last-Modified`). `valid`:
    /// in one of the three HTTP-date forms, rather than a near miss; `secs`: the date itself,
    /// negative seconds since the epoch (for the rules that judge such a date, e.g. `Sunset`).
    BeforeEpoch { valid: bool, secs: i64 },
    Invalid,
}

impl DateForm {
    pub(crate) fn secs(self) -> Option<u64> {
        match self {
            DateForm::Fixdate(s) | DateForm::Obsolete(s) | DateForm::Lenient(s) => Some(s),
            DateForm::BeforeEpoch { .. } => Some(0),
            DateForm::Invalid => None,
        }
    }
}

pub(crate) fn parse_date(v: &str) -> DateForm {
    let v = v.trim_fast();
    if let Some(s) = plain_fixdate(v.as_bytes()) {
        return DateForm::Fixdate(s);
    }
    if let Ok(t) = httpdate::parse_http_date(v) {
        if let Ok(d) = t.duration_since(std::time::UNIX_EPOCH) {
            let s = d.as_secs();
            let b = v.as_bytes();
            return if b.len() == 29 && b.get(3) == Some(&b',') { DateForm::Fixdate(s) } else { DateForm::Obsolete(s) };
        }
    }
    match lenient_date(v) {
        Some((t, _)) if t >= 0 => DateForm::Lenient(t.unsigned_abs()),
        // `httpdate` reads nothing before 1970. The same date 2000 years later — the Gregorian
        // calendar repeats every 400 years, weekdays and leap days included — tells whether it
        // is in an HTTP-date form.
        Some((secs, year)) => {
            let written = format!("{year:04}");
            let valid = v.matches(written.as_str()).count() == 1
                && httpdate::parse_http_date(&v.replacen(written.as_str(), &(year + 2000).to_string(), 1)).is_ok();
            DateForm::BeforeEpoch { valid, secs }
        }
        None => DateForm::Invalid,
    }
}

/// An HTTP-date in one of the three forms recipients must read (RFC 9110 §5.6.7), in seconds
/// since the epoch: negative before 1970, which IMF-fixdate allows (any four-digit year) and
/// `httpdate` cannot read. `None` for anything else, near misses included: for fields whose
/// rules judge validity (`Retry-After`, `Sunset`), not for the lenient reading of `Date`.
pub(crate) fn http_date_secs(v: &str) -> Option<i64> {
    match parse_date(v) {
        DateForm::Fixdate(s) | DateForm::Obsolete(s) => i64::try_from(s).ok(),
        DateForm::BeforeEpoch { valid: true, secs } => Some(secs),
        _ => None,
    }
}

/// `s` as a JSON string literal in ASCII (non-ASCII as `\u` escapes): for JSON shown inside a
/// suggested field value, which must stay visible ASCII.
pub(crate) fn json_string(s: &str) -> String {
    crate::model::json_literal_escaping(s, |ch| !ch.is_ascii())
}

/// An IMF-fixdate (RFC 9110 §5.6.7) from 1970 on, exactly as `httpdate` reads one — what nearly
/// every date field carries — in seconds since the epoch; `None` for anything else, which
/// [`parse_date`] then gives to `httpdate` (so this only ever agrees with it: tested on generated
/// dates and near misses). `httpdate` checks a date by converting it to seconds and back, which
/// is most of a date field's cost; here the weekday is checked against the day count directly.
fn plain_fixdate(b: &[u8]) -> Option<u64> {
    // Three-letter names as numbers: one comparison each instead of a slice comparison.
    const fn word(w: &[u8; 3]) -> u32 {
        u32::from_le_bytes([w[0], w[1], w[2], 0])
    }
    const WDAYS: [u32; 7] = [word(b"Thu"), word(b"Fri"), word(b"Sat"), word(b"Sun"), word(b"Mon"), word(b"Tue"), word(b"Wed")];
    const MONS: [u32; 12] = [
        word(b"Jan"), word(b"Feb"), word(b"Mar"), word(b"Apr"), word(b"May"), word(b"Jun"),
        word(b"Jul"), word(b"Aug"), word(b"Sep"), word(b"Oct"), word(b"Nov"), word(b"Dec"),
    ];
    // `Sun, 06 Nov 1994 08:49:37 GMT`
    let b: &[u8; 29] = b.try_into().ok()?;
    if b[3] != b',' || b[4] != b' ' || b[7] != b' ' || b[11] != b' ' || b[16] != b' ' || b[19] != b':' || b[22] != b':' {
        return None;
    }
    if u32::from_le_bytes([b[25], b[26], b[27], b[28]]) != u32::from_le_bytes(*b" GMT") {
        return None;
    }
    let digit = |i: usize| -> Option<u32> { b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0')) };
    let two = |i: usize| -> Option<u32> { Some(digit(i)? * 10 + digit(i + 1)?) };
    let (day, hour, min, sec) = (two(5)?, two(17)?, two(20)?, two(23)?);
    let year = two(12)? * 100 + two(14)?;
    let month = MONS.iter().position(|&m| m == word(&[b[8], b[9], b[10]]))? as u32 + 1;
    if year < 1970 || hour > 23 || min > 59 || sec > 59 || day == 0 || day > days_in_month(i64::from(year), month) {
        return None;
    }
    let days = u32::try_from(days_from_civil(i64::from(year), month, day)).ok()?;
    // 1970-01-01 was a Thursday.
    if WDAYS[(days % 7) as usize] != word(&[b[0], b[1], b[2]]) {
        return None;
    }
    Some(u64::from(days) * 86_400 + u64::from(hour * 3600 + min * 60 + sec))
}

/// [`parse_date`] of the response's line `index` (whose value is `v`), parsed once per lint.
pub(crate) fn line_date(c: &Checker<'_>, index: usize, v: &str) -> DateForm {
    let mut cache = c.memo().line_dates.borrow_mut();
    if let Some(&(_, d)) = cache.iter().find(|(i, _)| *i == index) {
        return d;
    }
    let d = parse_date(v);
    // A message has a few date lines; past that many (hostile input) they are parsed again
    // rather than looked up in a long list.
    if cache.len() < cache.inline_size() {
        cache.push((index, d));
    }
    d
}

/// Seconds since the epoch → IMF-fixdate (`None` past year 9999).
pub(crate) fn fmt_date(secs: u64) -> Option<String> {
    if secs >= 253_402_300_800 {
        return None;
    }
    Some(httpdate::fmt_http_date(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs)))
}

/// "42 seconds", "5 minutes", "3 hours", "12 days".
pub(crate) fn human_duration(secs: u64) -> String {
    let (n, unit) = if secs < 120 {
        (secs, "second")
    } else if secs < 7200 {
        (secs / 60, "minute")
    } else if secs < 172_800 {
        (secs / 3600, "hour")
    } else {
        (secs / 86_400, "day")
    };
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];
const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const WEEKDAY_NAMES: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap_year(year) => 29,
        _ => 28,
    }
}

// Date arithmetic in 32 bits where the year allows (every year a date field carries): wasm has
// no 64-bit multiply-high, so there a 64-bit division by a constant is a real division.

fn is_leap_year(year: i64) -> bool {
    let y = match u32::try_from(year) {
        Ok(y) => y % 400,
        Err(_) => year.rem_euclid(400) as u32,
    };
    y % 4 == 0 && (y % 100 != 0 || y == 0)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = match u32::try_from(y) {
        Ok(y) => i64::from(y / 400),
        Err(_) => y.div_euclid(400),
    };
    // 0..=399
    let yoe = (y - era * 400) as u32;
    let mp = (m + 9) % 12;
    // The day of the year counted from 1 (`doy + 1` in Hinnant's terms).
    let doy1 = (153 * mp + 2) / 5 + d;
    let doe1 = yoe * 365 + yoe / 4 - yoe / 100 + doy1;
    era * 146_097 + i64::from(doe1) - 719_469
}

/// A forgiving date reader, in the spirit of browsers' date parsers: day, month name, year
/// and `hh:mm[:ss]` in any order, an optional weekday (not checked) and an optional zone
/// (`GMT`, `UTC`, `UT`, `Z`, `±hhmm`; none means GMT).
fn lenient_date(v: &str) -> Option<(i64, i64)> {
    if !v.is_ascii() || v.is_empty() {
        return None;
    }
    let mut tokens: Vec<&str> = Vec::new();
    for t in v.split([' ', ',', '\t']).filter(|t| !t.is_empty()) {
        // `06-Nov-94` (RFC 850 style with other defects): split on the dashes.
        if t.contains('-') && !t.starts_with('-') && t.bytes().any(|b| b.is_ascii_alphabetic()) {
            tokens.extend(t.split('-'));
        } else {
            tokens.push(t);
        }
    }
    if tokens.len() > 8 {
        return None;
    }
    let (mut day, mut month, mut year, mut time, mut zone) = (None::<u32>, None::<u32>, None::<i64>, None, None::<i64>);
    for t in tokens {
        let lower = t.to_ascii_lowercase();
        if t.contains(':') {
            if time.is_some() {
                return None;
            }
            let parts: Vec<&str> = t.split(':').collect();
            let num = |s: &str| -> Option<u32> {
                if s.is_empty() || s.len() > 2 || !is_digits(s) {
                    None
                } else {
                    s.parse().ok()
                }
            };
            let (h, m, s) = match parts.as_slice() {
                [h, m] => (num(h)?, num(m)?, 0),
                [h, m, s] => (num(h)?, num(m)?, num(s)?),
                _ => return None,
            };
            if h > 23 || m > 59 || s > 60 {
                return None;
            }
            time = Some((h, m, s.min(59)));
        } else if matches!(lower.as_str(), "gmt" | "utc" | "ut" | "z") {
            if zone.is_some() {
                return None;
            }
            zone = Some(0);
        } else if (t.starts_with('+') || t.starts_with('-')) && t.len() == 5 && is_digits(&t[1..]) {
            if zone.is_some() {
                return None;
            }
            let hh: i64 = t[1..3].parse().ok()?;
            let mm: i64 = t[3..5].parse().ok()?;
            if hh > 23 || mm > 59 {
                return None;
            }
            let off = hh * 3600 + mm * 60;
            zone = Some(if t.starts_with('-') { -off } else { off });
        } else if t.bytes().all(|b| b.is_ascii_alphabetic()) {
            if let Some(m) = (0..12).find(|&i| lower == MONTHS[i] || lower == MONTH_NAMES[i] || (i == 8 && lower == "sept")) {
                if month.is_some() {
                    return None;
                }
                month = Some(m as u32 + 1);
            } else if !(WEEKDAYS.contains(&lower.as_str()) || WEEKDAY_NAMES.contains(&lower.as_str())) {
                return None;
            }
        } else if is_digits(t) {
            match t.len() {
                1 | 2 if day.is_none() => day = Some(t.parse().ok()?),
                2 if year.is_none() => {
                    let y: i64 = t.parse().ok()?;
                    year = Some(if y < 70 { 2000 + y } else { 1900 + y });
                }
                4 if year.is_none() => year = Some(t.parse().ok()?),
                _ => return None,
            }
        } else {
            return None;
        }
    }
    let (day, month, year, (h, m, s)) = (day?, month?, year?, time?);
    if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    Some((days_from_civil(year, month, day) * 86_400 + i64::from(h) * 3600 + i64::from(m) * 60 + i64::from(s) - zone.unwrap_or(0), year))
}

/// Reports each line of a date field (`Date`, `Last-Modified`, `Expires`) that is not an
/// IMF-fixdate: obsolete forms and lenient near misses at `info`, anything else at the
/// rule's severity with `consequence` appended.
/// Lines whose index is in `skip` are left alone.
pub(crate) fn report_bad_dates(c: &mut Checker<'_>, name: &'static str, consequence: &str, skip: &[usize]) {
    let fix = || format!("Send an IMF-fixdate in GMT, e.g. `{name}: Wed, 25 Nov 2026 21:00:00 GMT`.");
    for (i, v) in lines(c, name) {
        if skip.contains(&i) {
            continue;
        }
        match line_date(c, i, v) {
            DateForm::Fixdate(_) | DateForm::BeforeEpoch { valid: true, .. } => {}
            DateForm::BeforeEpoch { valid: false, .. } => c.report_with(
                crate::registry::Severity::Info,
                at(name, i),
                format!("`{name}: {v}` is not a valid HTTP-date; lenient clients read it as a date before 1970, strict ones {consequence}."),
                fix(),
            ),
            DateForm::Obsolete(_) => c.report_with(
                crate::registry::Severity::Info,
                at(name, i),
                format!("`{name}: {v}` uses an obsolete date format; recipients must accept it, but senders must generate IMF-fixdate."),
                fix(),
            ),
            DateForm::Lenient(s) => {
                let read = fmt_date(s).map(|d| format!(" as `{d}`")).unwrap_or_default();
                c.report_with(
                    crate::registry::Severity::Info,
                    at(name, i),
                    format!("`{name}: {v}` is not a valid HTTP-date; lenient clients read it{read}, strict ones {consequence}."),
                    fix(),
                )
            }
            DateForm::Invalid if v.trim_fast().is_empty() => {
                c.report(at(name, i), format!("`{name}` is empty; recipients {consequence}."), fix())
            }
            DateForm::Invalid => {
                c.report(at(name, i), format!("`{name}: {v}` is not an HTTP-date; recipients {consequence}."), fix())
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Content-Length

/// One `Content-Length` list member: its line, its text and its value when it is `1*DIGIT`
/// (and fits in 64 bits).
pub(crate) struct LengthMember<'a> {
    pub index: usize,
    pub line: &'a str,
    pub value: Option<u64>,
}

/// Every `Content-Length` member (an empty line counts as one invalid member).
#[inline]
pub(crate) fn content_length_members<'a>(c: &Checker<'a>) -> &'a [LengthMember<'a>] {
    // Parsed once per lint, shared by the Content-Length rules.
    c.memo().content_length_members.get_or_init(|| parse_content_length_members(c))
}

fn parse_content_length_members<'a>(c: &Checker<'a>) -> Vec<LengthMember<'a>> {
    let mut out = Vec::new();
    for (i, v) in c.header_lines("Content-Length") {
        let before = out.len();
        for m in list_members(v) {
            let value = if is_digits(m) { m.parse::<u64>().ok() } else { None };
            out.push(LengthMember { index: i, line: v, value });
        }
        if out.len() == before {
            out.push(LengthMember { index: i, line: v, value: None });
        }
    }
    out
}

/// The single valid `Content-Length` of the response: all members valid and equal.
pub(crate) fn content_length(c: &Checker<'_>) -> Option<(usize, u64)> {
    let ms = content_length_members(c);
    let first = ms.first()?;
    let v = first.value?;
    ms.iter().all(|m| m.value == Some(v)).then_some((first.index, v))
}

// ---------------------------------------------------------------------------------------------
// Media types

/// A `Content-Type` value that parses as `type/subtype *(; param)`.
pub(crate) struct MediaType<'a> {
    /// Lowercased.
    pub ty: Cow<'a, str>,
    /// Lowercased.
    pub sub: Cow<'a, str>,
    /// Well-formed parameters: lowercased names, unquoted values.
    pub params: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Parameters browsers drop (WHATWG MIME Sniffing "parse a MIME type"): no `=`, a name
    /// that is not a token (whitespace before `=`), an empty value, an unterminated quote.
    pub bad_params: Vec<&'a str>,
}

impl MediaType<'_> {
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_ref())
    }
    pub(crate) fn essence(&self) -> String {
        format!("{}/{}", self.ty, self.sub)
    }
    /// Binary types, for which a `charset` means nothing: `image/*` (but not `+xml` types
    /// such as SVG), `audio/*`, `video/*`, `font/*` and common binary `application/*` types.
    pub(crate) fn is_binary(&self) -> bool {
        if self.sub.ends_with("+xml") || self.sub.ends_with("+json") {
            return false;
        }
        matches!(&*self.ty, "image" | "audio" | "video" | "font")
            || (self.ty == "application" && matches!(&*self.sub, "octet-stream" | "pdf" | "zip" | "gzip" | "wasm"))
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum MediaTypeError {
    Empty,
    /// `text/html, text/plain`: several media types in one field.
    Several,
    /// Not `token/token`.
    BadEssence,
}

pub(crate) fn parse_media_type(v: &str) -> Result<MediaType<'_>, MediaTypeError> {
    let v = v.trim_fast();
    if v.is_empty() {
        return Err(MediaTypeError::Empty);
    }
    // A comma-separated list of whole media types (`text/html, text/plain`); most values have
    // no comma at all.
    if v.as_bytes().contains(&b',') {
        let mut list = list_members(v);
        let several = list.clone().nth(1).is_some();
        if several && list.all(|m| m.split(';').next().unwrap_or("").contains('/')) {
            return Err(MediaTypeError::Several);
        }
    }
    let mut parts = crate::model::pieces_outside_quotes(v, b';');
    let essence = parts.next().map(|s| s.trim_fast()).unwrap_or("");
    let Some(slash) = essence.bytes().position(|b| b == b'/') else { return Err(MediaTypeError::BadEssence) };
    let (ty, sub) = (&essence[..slash], &essence[slash + 1..]);
    if !is_token(ty) || !is_token(sub) {
        return Err(MediaTypeError::BadEssence);
    }
    let mut mt = MediaType {
        ty: ascii_lowercase(ty),
        sub: ascii_lowercase(sub),
        params: Vec::new(),
        bad_params: Vec::new(),
    };
    for p in parts {
        let p = p.trim_start();
        if p.trim_fast().is_empty() {
            // `parameters = *( OWS ";" OWS [ parameter ] )`: empty ones are allowed.
            continue;
        }
        let Some((name, value)) = crate::model::split_once_byte(p, b'=') else {
            mt.bad_params.push(p.trim_fast());
            continue;
        };
        if !is_token(name) {
            mt.bad_params.push(p.trim_fast());
            continue;
        }
        let value = if value.starts_with('"') {
            match quoted(value) {
                Some((q, rest)) if rest.trim_fast().is_empty() => Cow::Owned(q),
                _ => {
                    mt.bad_params.push(p.trim_fast());
                    continue;
                }
            }
        } else {
            let t = value.trim_fast();
            if t.is_empty() {
                mt.bad_params.push(p.trim_fast());
                continue;
            }
            Cow::Borrowed(t)
        };
        mt.params.push((ascii_lowercase(name), value));
    }
    Ok(mt)
}

/// Every `Content-Type` line of the response (index, value) with its parse, parsed once per lint.
#[inline]
pub(crate) fn content_types<'a>(c: &Checker<'a>) -> &'a [(usize, &'a str, Result<MediaType<'a>, MediaTypeError>)] {
    c.memo()
        .content_types
        .get_or_init(|| c.header_lines("Content-Type").map(|(i, v)| (i, v, parse_media_type(v))).collect())
}

/// The first `Content-Type` of the response, parsed.
pub(crate) fn content_type<'a>(c: &Checker<'a>) -> Option<(usize, &'a MediaType<'a>)> {
    let (i, _, parsed) = content_types(c).first()?;
    parsed.as_ref().ok().map(|m| (*i, m))
}

/// Every label of the WHATWG Encoding Standard (§4.2 "Names and labels"), lowercased, except
/// those of the `replacement` encoding (see [`REPLACEMENT_LABELS`]).
pub(crate) const ENCODING_LABELS: &[&str] = &[
    // UTF-8
    "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8",
    // IBM866
    "866", "cp866", "csibm866", "ibm866",
    // ISO-8859-2
    "csisolatin2", "iso-8859-2", "iso-ir-101", "iso8859-2", "iso88592", "iso_8859-2", "iso_8859-2:1987", "l2", "latin2",
    // ISO-8859-3
    "csisolatin3", "iso-8859-3", "iso-ir-109", "iso8859-3", "iso88593", "iso_8859-3", "iso_8859-3:1988", "l3", "latin3",
    // ISO-8859-4
    "csisolatin4", "iso-8859-4", "iso-ir-110", "iso8859-4", "iso88594", "iso_8859-4", "iso_8859-4:1988", "l4", "latin4",
    // ISO-8859-5
    "csisolatincyrillic", "cyrillic", "iso-8859-5", "iso-ir-144", "iso8859-5", "iso88595", "iso_8859-5", "iso_8859-5:1988",
    // ISO-8859-6
    "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic", "ecma-114", "iso-8859-6", "iso-8859-6-e",
    "iso-8859-6-i", "iso-ir-127", "iso8859-6", "iso88596", "iso_8859-6", "iso_8859-6:1987",
    // ISO-8859-7
    "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-8859-7", "iso-ir-126", "iso8859-7", "iso88597",
    "iso_8859-7", "iso_8859-7:1987", "sun_eu_greek",
    // ISO-8859-8
    "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8", "iso-8859-8-e", "iso-ir-138", "iso8859-8", "iso88598",
    "iso_8859-8", "iso_8859-8:1988", "visual",
    // ISO-8859-8-I
    "csiso88598i", "iso-8859-8-i", "logical",
    // ISO-8859-10
    "csisolatin6", "iso-8859-10", "iso-ir-157", "iso8859-10", "iso885910", "l6", "latin6",
    // ISO-8859-13, -14, -15, -16
    "iso-8859-13", "iso8859-13", "iso885913", "iso-8859-14", "iso8859-14", "iso885914", "csisolatin9", "iso-8859-15",
    "iso8859-15", "iso885915", "iso_8859-15", "l9", "iso-8859-16",
    // KOI8-R, KOI8-U
    "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r", "koi8-ru", "koi8-u",
    // macintosh
    "csmacintosh", "mac", "macintosh", "x-mac-roman",
    // windows-874
    "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620", "windows-874",
    // windows-1250 … 1258
    "cp1250", "windows-1250", "x-cp1250", "cp1251", "windows-1251", "x-cp1251",
    "ansi_x3.4-1968", "ascii", "cp1252", "cp819", "csisolatin1", "ibm819", "iso-8859-1", "iso-ir-100", "iso8859-1",
    "iso88591", "iso_8859-1", "iso_8859-1:1987", "l1", "latin1", "us-ascii", "windows-1252", "x-cp1252",
    "cp1253", "windows-1253", "x-cp1253",
    "cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599", "iso_8859-9", "iso_8859-9:1989", "l5",
    "latin5", "windows-1254", "x-cp1254",
    "cp1255", "windows-1255", "x-cp1255", "cp1256", "windows-1256", "x-cp1256", "cp1257", "windows-1257", "x-cp1257",
    "cp1258", "windows-1258", "x-cp1258",
    // x-mac-cyrillic
    "x-mac-cyrillic", "x-mac-ukrainian",
    // GBK, gb18030
    "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312", "gb_2312-80", "gbk", "iso-ir-58", "x-gbk", "gb18030",
    // Big5
    "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5",
    // EUC-JP, ISO-2022-JP, Shift_JIS
    "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp", "csiso2022jp", "iso-2022-jp", "csshiftjis", "ms932", "ms_kanji",
    "shift-jis", "shift_jis", "sjis", "windows-31j", "x-sjis",
    // EUC-KR
    "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601",
    "ksc_5601", "windows-949",
    // UTF-16BE, UTF-16LE
    "unicodefffe", "utf-16be", "csunicode", "iso-10646-ucs-2", "ucs-2", "unicode", "unicodefeff", "utf-16", "utf-16le",
    // x-user-defined
    "x-user-defined",
];

/// Labels of the `replacement` encoding: browsers decode such content as a single U+FFFD.
pub(crate) const REPLACEMENT_LABELS: &[&str] =
    &["csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext", "iso-2022-kr", "replacement"];

// ---------------------------------------------------------------------------------------------
// URI references

/// Why a URI-reference field value (`Location`, `Content-Location`) is unusable, judged as
/// leniently as browsers: only emptiness, whitespace and control characters count.
pub(crate) fn uri_reference_problem(v: &str) -> Option<&'static str> {
    if v.trim_fast().is_empty() {
        Some("is empty")
    } else if v.chars().any(|c| c == ' ' || c == '\t') {
        Some("contains whitespace")
    } else if v.chars().any(|c| c.is_control()) {
        Some("contains control characters")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The three forms on both sides of the epoch; near misses and non-dates are not dates here.
    #[test]
    fn http_date_secs_reads_dates_before_1970() {
        for (v, secs) in [
            ("Sun, 06 Nov 1994 08:49:37 GMT", Some(784_111_777)),
            ("Sunday, 06-Nov-94 08:49:37 GMT", Some(784_111_777)),
            ("Sun Nov  6 08:49:37 1994", Some(784_111_777)),
            ("Thu, 01 Jan 1970 00:00:00 GMT", Some(0)),
            ("Wed, 31 Dec 1969 23:59:59 GMT", Some(-1)),
            ("Mon, 01 Jan 1900 00:00:00 GMT", Some(-2_208_988_800)),
            ("Mon, 01 Jan 0001 00:00:00 GMT", Some(-62_135_596_800)),
            // Wrong weekday, numeric zone, ISO 8601: lenient readers take them, the grammar does not.
            ("Tue, 31 Dec 1969 23:59:59 GMT", None),
            ("Wed, 31 Dec 1969 23:59:59 +0000", None),
            ("Thu, 25 Nov 2026 21:00:00 GMT", None),
            ("1969-12-31T23:59:59Z", None),
            ("", None),
        ] {
            assert_eq!(http_date_secs(v), secs, "{v}");
        }
    }

    #[test]
    fn json_string_escapes_for_a_field_value() {
        assert_eq!(json_string("csp"), "\"csp\"");
        assert_eq!(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(json_string("é\u{1F600}\n"), "\"\\u00e9\\ud83d\\ude00\\n\"");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("Wed, 25 Nov 2026 21:00:00 GMT"), DateForm::Fixdate(1_795_640_400));
        assert_eq!(parse_date("Wednesday, 25-Nov-26 21:00:00 GMT"), DateForm::Obsolete(1_795_640_400));
        assert_eq!(parse_date("Wed Nov 25 21:00:00 2026"), DateForm::Obsolete(1_795_640_400));
        assert_eq!(parse_date("Wed, 25 Nov 2026 21:00:00 +0000"), DateForm::Lenient(1_795_640_400));
        assert_eq!(parse_date("Wed, 25 Nov 2026 22:00:00 +0100"), DateForm::Lenient(1_795_640_400));
        assert_eq!(parse_date("Thu, 25 Nov 2026 21:00:00 GMT"), DateForm::Lenient(1_795_640_400));
        assert_eq!(parse_date("wed, 25 nov 2026 21:00:00 utc"), DateForm::Lenient(1_795_640_400));
        assert_eq!(parse_date("2026-11-25T21:00:00Z"), DateForm::Invalid);
        assert_eq!(parse_date("0"), DateForm::Invalid);
        assert_eq!(parse_date(""), DateForm::Invalid);
        assert_eq!(parse_date("Wed, 31 Feb 2026 21:00:00 GMT"), DateForm::Invalid);
        assert_eq!(parse_date("Fri, 31 Dec 9999 23:59:59 -2359"), DateForm::Lenient(253_402_387_139));
        assert_eq!(parse_date("Wed, 25-Nov-2026 21:00:00 GMT"), DateForm::Lenient(1_795_640_400));
        assert_eq!(parse_date("Thu, 01 Jan 1970 00:00:00 GMT"), DateForm::Fixdate(0));
        // Before the epoch: read as the epoch (long past), valid or a near miss.
        assert_eq!(parse_date("Sat, 01 Jan 1966 00:00:00 GMT"), DateForm::BeforeEpoch { valid: true, secs: -126_230_400 });
        assert_eq!(parse_date("Sat, 01 Jan 1966 00:00:00 GMT").secs(), Some(0));
        assert_eq!(parse_date("Friday, 01-Jan-66 00:00:00 GMT"), DateForm::Obsolete(3_029_529_600), "RFC 850: 66 is 2066");
        assert_eq!(parse_date("Sat Jan  1 00:00:00 1966"), DateForm::BeforeEpoch { valid: true, secs: -126_230_400 });
        assert_eq!(parse_date("Sun, 01 Jan 1966 00:00:00 GMT"), DateForm::BeforeEpoch { valid: false, secs: -126_230_400 }, "wrong weekday");
        assert_eq!(parse_date("Thu, 01 Jan 1970 00:00:00 +0100"), DateForm::BeforeEpoch { valid: false, secs: -3600 }, "numeric zone");
        assert_eq!(parse_date("Sat, 01 Jan 1966 00:00:00 UTC"), DateForm::BeforeEpoch { valid: false, secs: -126_230_400 });
        assert_eq!(parse_date("Wed, 25 Nov 2026 99:00:00 GMT"), DateForm::Invalid);
        assert_eq!(fmt_date(253_402_387_139), None);
        assert_eq!(fmt_date(1_795_640_400).as_deref(), Some("Wed, 25 Nov 2026 21:00:00 GMT"));
    }

    /// The 32-bit day count agrees with the plain 64-bit formula, before year 0 and after 9999 too.
    #[test]
    fn day_count_agrees_with_the_64_bit_formula() {
        let reference = |y: i64, m: u32, d: u32| {
            let y = if m <= 2 { y - 1 } else { y };
            let era = y.div_euclid(400);
            let yoe = y - era * 400;
            let doy = (153 * i64::from((m + 9) % 12) + 2) / 5 + i64::from(d) - 1;
            era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        };
        for y in (-4_000..12_000).chain([i64::from(u32::MAX) - 1, i64::from(u32::MAX) + 7, -(1 << 40)]) {
            for m in 1..=12 {
                for d in [0, 1, 28, days_in_month(y, m)] {
                    assert_eq!(days_from_civil(y, m, d), reference(y, m, d), "{y}-{m}-{d}");
                }
            }
            assert_eq!(is_leap_year(y), (y % 4 == 0 && y % 100 != 0) || y % 400 == 0, "{y}");
        }
    }

    /// `plain_fixdate` reads exactly the IMF-fixdates `httpdate` reads, to the same second: on
    /// dates spread over 1970–9999 and on near misses made from them by changing one octet to
    /// another that can appear in a date (wrong weekdays, 31 February, hour 24, `Gmt` …).
    #[test]
    fn plain_fixdate_agrees_with_httpdate() {
        let reference = |s: &str| -> Option<u64> {
            let b = s.as_bytes();
            let t = httpdate::parse_http_date(s).ok()?;
            (b.len() == 29 && b[3] == b',').then(|| t.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs())
        };
        let alphabet = b"0123456789 ,:-ADFGJMNOSTWabcdefghilmnoprstuvyMT\t";
        let mut rng = crate::testing::Rng(0x1d87_2a4f_93c5_0b61);
        let mut read = 0;
        for k in 0..60_000 {
            // Every day boundary and leap day shows up: seconds drawn across the whole range,
            // and around the end of February and the end of years.
            let secs = match k % 3 {
                0 => rng.next() % 253_402_300_800,
                1 => (rng.below(8030) as u64 * 365 + 58) * 86_400 + rng.below(3 * 86_400) as u64,
                _ => rng.below(8030) as u64 * 31_556_952 + rng.below(2 * 86_400) as u64,
            };
            let Some(date) = fmt_date(secs.min(253_402_300_799)) else { continue };
            assert_eq!(plain_fixdate(date.as_bytes()), reference(&date), "{date}");
            let mut near = date.clone().into_bytes();
            near[rng.below(29)] = alphabet[rng.below(alphabet.len())];
            if let Ok(near) = String::from_utf8(near) {
                let got = plain_fixdate(near.as_bytes());
                read += usize::from(got.is_some());
                assert_eq!(got, reference(&near), "{near}");
            }
        }
        // The near misses did reach both answers (a changed octet is often still valid: `1` → `2`).
        assert!(read > 1_000, "{read}");
        for s in ["Thu, 29 Feb 2024 12:00:00 GMT", "Sun, 29 Feb 2100 12:00:00 GMT", "Tue, 29 Feb 2000 00:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT"] {
            assert_eq!(plain_fixdate(s.as_bytes()), reference(s), "{s}");
        }
        assert_eq!(plain_fixdate(b"Thu, 29 Feb 2024 12:00:00 GMT"), Some(1_709_208_000));
        assert_eq!(plain_fixdate(b"Sun, 29 Feb 2100 12:00:00 GMT"), None, "2100 is not a leap year");
    }

    #[test]
    fn media_types() {
        let m = parse_media_type("text/html; charset=\"UTF-8\";").unwrap();
        assert_eq!(m.essence(), "text/html");
        assert_eq!(m.param("charset"), Some("UTF-8"));
        assert!(m.bad_params.is_empty());
        let m = parse_media_type("multipart/mixed; boundary=----=_Part_0.1").unwrap();
        assert_eq!(m.param("boundary"), Some("----=_Part_0.1"));
        assert_eq!(parse_media_type("text/html, text/plain").err(), Some(MediaTypeError::Several));
        assert_eq!(parse_media_type("html").err(), Some(MediaTypeError::BadEssence));
        assert_eq!(parse_media_type("text / html").err(), Some(MediaTypeError::BadEssence));
        assert_eq!(parse_media_type(" ").err(), Some(MediaTypeError::Empty));
        assert_eq!(parse_media_type("text/html; charset = utf-8").unwrap().bad_params.len(), 1);
        assert_eq!(parse_media_type("text/html; charset").unwrap().bad_params.len(), 1);
        assert_eq!(parse_media_type("text/html; a=\"x").unwrap().bad_params.len(), 1);
    }

    #[test]
    fn quoted_strings() {
        assert_eq!(quoted("\"a\\\"b\" rest"), Some(("a\"b".to_string(), " rest")));
        assert_eq!(quoted("\"open"), None);
        assert_eq!(split_outside_quotes("a;\"b;c\";d", b';'), vec!["a", "\"b;c\"", "d"]);
    }
}
