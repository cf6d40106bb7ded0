//! The cookie-date algorithm (RFC 6265bis §5.1.1): far more lenient than HTTP-date, as user
//! agents are.

use crate::rules::headers::syntax::{days_from_civil, days_in_month};

/// Parses a cookie-date; seconds since the Unix epoch, or `None` when user agents would ignore
/// the `Expires` attribute.
pub fn parse(date: &str) -> Option<i64> {
    let mut time: Option<(u32, u32, u32)> = None;
    let mut day: Option<u32> = None;
    let mut month: Option<u32> = None;
    let mut year: Option<u32> = None;
    for token in date.as_bytes().split(|&b| is_delimiter(b)) {
        if token.is_empty() {
            continue;
        }
        if time.is_none() {
            if let Some(t) = hms(token) {
                time = Some(t);
                continue;
            }
        }
        if day.is_none() {
            if let Some(d) = leading_digits(token, 1, 2) {
                day = Some(d);
                continue;
            }
        }
        if month.is_none() {
            if let Some(m) = month_of(token) {
                month = Some(m);
                continue;
            }
        }
        if year.is_none() {
            if let Some(y) = leading_digits(token, 2, 4) {
                year = Some(y);
                continue;
            }
        }
    }
    let ((h, mi, s), d, mo, mut y) = (time?, day?, month?, year?);
    if (70..=99).contains(&y) {
        y += 1900;
    } else if y <= 69 {
        y += 2000;
    }
    if !(1..=31).contains(&d) || y < 1601 || h > 23 || mi > 59 || s > 59 {
        return None;
    }
    if d > days_in_month(i64::from(y), mo) {
        return None;
    }
    Some(days_from_civil(i64::from(y), mo, d) * 86_400 + i64::from(h * 3600 + mi * 60 + s))
}

/// `delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E`
fn is_delimiter(b: u8) -> bool {
    matches!(b, 0x09 | 0x20..=0x2F | 0x3B..=0x40 | 0x5B..=0x60 | 0x7B..=0x7E)
}

/// `min*maxDIGIT [ non-digit *OCTET ]`
fn leading_digits(token: &[u8], min: usize, max: usize) -> Option<u32> {
    let n = token.iter().take_while(|b| b.is_ascii_digit()).count();
    if n < min || n > max {
        return None;
    }
    Some(token[..n].iter().fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0')))
}

/// `time = hms-time [ non-digit *OCTET ]`, `hms-time = time-field ":" time-field ":" time-field`.
fn hms(token: &[u8]) -> Option<(u32, u32, u32)> {
    let mut rest = token;
    let mut f = [0u32; 3];
    for (k, slot) in f.iter_mut().enumerate() {
        let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        *slot = leading_digits(rest, 1, 2)?;
        rest = &rest[n..];
        if k < 2 {
            rest = rest.strip_prefix(b":")?;
        }
    }
    Some((f[0], f[1], f[2]))
}

fn month_of(token: &[u8]) -> Option<u32> {
    const M: [&[u8]; 12] = [b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec"];
    let p = token.get(..3)?;
    M.iter().position(|m| m.eq_ignore_ascii_case(p)).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn lenient_formats() {
        let want = Some(1_445_412_480); // 2015-10-21 07:28:00 UTC
        for d in [
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "Wednesday, 21-Oct-15 07:28:00 GMT",
            "Wed Oct 21 07:28:00 2015",
            "Wed, 21-Oct-2015 07:28:00 UTC",
        ] {
            assert_eq!(parse(d), want, "{d}");
        }
        assert_eq!(parse("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
    }

    #[test]
    fn rejects() {
        for d in ["", "soon", "2015-10-21T07:28:00Z", "Wed, 21 Oct 2015", "Wed, 32 Oct 2015 07:28:00 GMT", "31 Apr 2023 00:00:00", "Wed, 21 Oct 2015 24:00:00 GMT", "99999999999 Oct 2015 07:28:00"] {
            assert_eq!(parse(d), None, "{d:?}");
        }
    }
}
