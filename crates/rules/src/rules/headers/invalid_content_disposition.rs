use crate::declare_rule;
use crate::model::{pieces_outside_quotes, TrimExt};
use crate::registry::{Checker, Severity};
use crate::spec::{rfc, StaticSpec};

use super::syntax::{at, is_token};

declare_rule! {
    /// ## What it checks
    /// A `Content-Disposition` that does not follow RFC 6266:
    /// - a comma outside a quoted string (`attachment; filename=a,b.pdf`, or two dispositions
    ///   in one line) — an `error`: Chromium reads the field as a list, sees two different
    ///   values and fails the whole response (`ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION`;
    ///   `tests/e2e/browser-facts.test.mjs` checks it);
    /// - a `filename*` that is not an RFC 8187 ext-value (`UTF-8''%E2%82%AC%20rates.pdf`): quoted,
    ///   without its `charset''` prefix, or with characters that must be percent-encoded;
    /// - a disposition type that is not a token, or a parameter without `=`;
    /// - at `info`, a disposition type other than `inline` or `attachment` (recipients treat
    ///   it as `attachment`, RFC 6266 §4.2).
    ///
    /// ## Why it matters
    /// Downloads are named and shown by this field. Chromium refuses a response whose
    /// `Content-Disposition` holds an unquoted comma — typically a file name with a comma that
    /// was not quoted — so the download or page fails with a network error. A malformed
    /// `filename*` is ignored, and the browser falls back to `filename` or to the URL.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/pdf
    /// Content-Disposition: attachment; filename=Report, Q3.pdf
    /// ```
    ///
    /// ## Fix
    /// Quote the file name, and give non-ASCII names in `filename*` with an ASCII fallback:
    /// `Content-Disposition: attachment; filename="Report, Q3.pdf"; filename*=UTF-8''Report%2C%20Q3.pdf`.
    pub static INVALID_CONTENT_DISPOSITION = {
        code: "HDR058",
        name: "invalid-content-disposition",
        category: Headers,
        severity: Warning,
        summary: "Content-Disposition must follow RFC 6266: an unquoted comma makes Chromium fail the response",
        specs: [
            rfc(6266, "4.1"),
            rfc(6266, "4.3"),
            rfc(8187, "3.2"),
            StaticSpec::Other("Chromium: ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION", "https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h"),
        ],
        requires: &["Content-Disposition"],
        check: check,
    }
}

/// RFC 8187 `ext-value`: `charset "'" [ language ] "'" value-chars`, value-chars being
/// `attr-char` or `%HH`.
pub(crate) fn is_ext_value(v: &str) -> bool {
    let mut parts = v.splitn(3, '\'');
    let (Some(charset), Some(_language), Some(value)) = (parts.next(), parts.next(), parts.next()) else { return false };
    let mime_charsetc = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&+-^_`{}~".contains(&b);
    let attr_char = |b: u8| b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b);
    if charset.is_empty() || !charset.bytes().all(mime_charsetc) {
        return false;
    }
    let b = value.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if !(b.get(i + 1).is_some_and(u8::is_ascii_hexdigit) && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)) {
                return false;
            }
            i += 3;
        } else if attr_char(b[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// One `Content-Disposition` value as RFC 6266 §4.1 writes it: `type *( ";" name=value )`.
pub(crate) struct Disposition<'a> {
    /// The value, trimmed.
    pub value: &'a str,
    /// A comma outside quotes: two dispositions, which Chromium refuses; nothing else is read.
    pub several: bool,
    /// The first piece, trimmed: the disposition type when it is a token.
    pub kind: &'a str,
    /// The parameters in order, trimmed: `Ok((name, value))`, or `Err(piece)` for a piece
    /// without `=`.
    pub params: Vec<Result<(&'a str, &'a str), &'a str>>,
}

impl<'a> Disposition<'a> {
    pub(crate) fn parse(line: &'a str) -> Self {
        let value = line.trim_fast();
        let mut d = Disposition { value, several: false, kind: "", params: Vec::new() };
        if pieces_outside_quotes(value, b',').nth(1).is_some() {
            d.several = true;
            return d;
        }
        let mut parts = pieces_outside_quotes(value, b';');
        d.kind = parts.next().unwrap_or("").trim_fast();
        d.params = parts
            .map(TrimExt::trim_fast)
            .filter(|p| !p.is_empty())
            .map(|p| p.split_once('=').map(|(n, v)| (n.trim_fast(), v.trim_fast())).ok_or(p))
            .collect();
        d
    }

    /// Nothing in it that this rule reports as malformed: one disposition, a type, every
    /// parameter `name=value`, every `filename*` an ext-value.
    pub(crate) fn well_formed(&self) -> bool {
        !self.several
            && is_token(self.kind)
            && self.params.iter().all(|p| matches!(p, Ok((n, v)) if !n.eq_ignore_ascii_case("filename*") || is_ext_value(v)))
    }
}

fn check(c: &mut Checker<'_>) {
    let mut findings = Vec::new();
    for (i, line) in c.header_lines("Content-Disposition") {
        let d = Disposition::parse(line);
        let v = d.value;
        if d.several {
            findings.push((
                Severity::Error,
                i,
                format!("`Content-Disposition: {v}` has a comma outside quotes: Chromium reads it as two dispositions and fails the whole response (ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION)."),
                "Quote the file name (`filename=\"a, b.pdf\"`) and send one disposition.".to_string(),
            ));
            continue;
        }
        let kind = d.kind;
        if !is_token(kind) {
            findings.push((
                Severity::Warning,
                i,
                format!("`Content-Disposition: {v}` does not start with a disposition type (`inline` or `attachment`)."),
                "Start the value with `attachment` or `inline`.".to_string(),
            ));
        } else if !kind.eq_ignore_ascii_case("inline") && !kind.eq_ignore_ascii_case("attachment") {
            findings.push((
                Severity::Info,
                i,
                format!("`{kind}` is not a disposition type browsers know; they treat the response as `attachment` (RFC 6266 §4.2)."),
                "Use `attachment` (download) or `inline` (display).".to_string(),
            ));
        }
        for p in &d.params {
            let (name, value) = match *p {
                Ok(pair) => pair,
                Err(p) => {
                    findings.push((
                        Severity::Warning,
                        i,
                        format!("`{p}` in `Content-Disposition` is not a `name=value` parameter; recipients ignore it."),
                        "Write parameters as `name=value`, e.g. `filename=\"report.pdf\"`.".to_string(),
                    ));
                    continue;
                }
            };
            if name.eq_ignore_ascii_case("filename*") && !is_ext_value(value) {
                let why = if value.starts_with('"') { "it is quoted, and an RFC 8187 ext-value is not" } else { "it is not an RFC 8187 ext-value (`UTF-8''` then percent-encoded octets)" };
                findings.push((
                    Severity::Warning,
                    i,
                    format!("`filename*={value}` is ignored: {why}; browsers fall back to `filename` or the URL."),
                    "Write `filename*=UTF-8''` followed by the percent-encoded UTF-8 name, e.g. `filename*=UTF-8''%E2%82%AC%20rates.pdf`.".to_string(),
                ));
            }
        }
    }
    for (severity, i, message, fix) in findings {
        c.report_with(severity, at("Content-Disposition", i), message, fix);
    }
}

#[cfg(test)]
mod tests {
    use super::is_ext_value;

    #[test]
    fn reads_rfc_8187_ext_values() {
        assert!(is_ext_value("UTF-8''%E2%82%AC%20rates.pdf"));
        assert!(is_ext_value("utf-8'en'report.pdf"));
        assert!(is_ext_value("ISO-8859-1''caf%E9"));
        assert!(!is_ext_value("\"UTF-8''report.pdf\""));
        assert!(!is_ext_value("report.pdf"));
        assert!(!is_ext_value("UTF-8''a b.pdf"));
        assert!(!is_ext_value("UTF-8''%E2%8"));
        assert!(!is_ext_value("''report.pdf"));
    }
}
