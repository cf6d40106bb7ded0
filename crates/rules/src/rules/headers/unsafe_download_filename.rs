use crate::declare_rule;
use crate::model::TrimExt;
use crate::registry::{Checker, Severity};
use crate::spec::rfc;

use super::invalid_content_disposition::Disposition;
use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// The file name a `Content-Disposition` suggests, in its `filename` and `filename*`
    /// parameters (RFC 6266 §4.3):
    /// - a `filename*` whose charset is not `UTF-8` — RFC 8187 §3.2.1: "Producers MUST use
    ///   the "UTF-8" character encoding". `ISO-8859-1` is reported at `info` only: RFC 5987
    ///   §3.2.1, which RFC 6266 §4.1 builds on, let producers use it (RFC 8187 then limited them
    ///   to UTF-8), and browsers still decode it (checked in Chromium);
    /// - a file name holding a path: a `/` or a `\` (a `filename*` is read percent-decoded,
    ///   so `%2F` and `%5C` count);
    /// - a plain `filename` with a percent escape (`%` and two hex digits, `Q3%20report.pdf`);
    /// - at `info`, a `filename*` without a plain `filename` fallback.
    ///
    /// The path and percent checks look at the name browsers use: `filename*` when it is in
    /// UTF-8 or ISO-8859-1 (RFC 6266 §4.3: recipients pick `filename*` over `filename`),
    /// else `filename`. A value that `invalid-content-disposition` reports as malformed is left
    /// to that rule.
    ///
    /// ## Why it matters
    /// - A recipient that does not decode the named charset ignores `filename*`. Since RFC 8187
    ///   lets producers use nothing but UTF-8, recipients need decode nothing else, and RFC 6266
    ///   Appendix D notes that at least one implementation only decodes UTF-8; the file is
    ///   then named from `filename` or from the URL. (Chromium decodes other charsets too:
    ///   checked with `Shift_JIS`.)
    /// - Recipients never write where the server says: RFC 6266 §4.3 has them ignore folder
    ///   names and keep only the last path segment (segments being delimited by `/` and `\`),
    ///   and browsers drop the directories or replace the separators (checked in Chromium:
    ///   `filename="C:\\Reports\\2026\\Q3.pdf"` is saved as `C__Reports_2026_Q3.pdf`,
    ///   `filename*=UTF-8''exports%2Fq3.pdf` as `exports_q3.pdf`). The file is saved
    ///   under another name than the one sent — usually the sign of a server leaking a full
    ///   server-side path.
    ///   Inside a quoted string `\` is also an escape character that some clients remove
    ///   and others keep (RFC 6266 Appendix D).
    /// - RFC 6266 Appendix D: some implementations percent-decode the plain `filename` and
    ///   others keep it as written (Chromium decodes it — checked), so the same response can be
    ///   saved as `Q3 report.pdf` by one browser and
    ///   `Q3%20report.pdf` by another.
    /// - RFC 6266 Appendix D recommends sending `filename` as a fallback whenever
    ///   `filename*` is sent: clients that do not implement `filename*` otherwise fall back
    ///   to a name taken from the URL.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/pdf
    /// Content-Disposition: attachment; filename="C:\Reports\Q3.pdf"
    /// ```
    ///
    /// ## Fix
    /// Send the bare file name, in ASCII in `filename` and, when it is not ASCII, in UTF-8 in
    /// `filename*`, `filename` first:
    /// `Content-Disposition: attachment; filename="EURO rates.pdf"; filename*=UTF-8''%E2%82%AC%20rates.pdf`.
    pub static UNSAFE_DOWNLOAD_FILENAME = {
        code: "HDR059",
        name: "unsafe-download-filename",
        category: Headers,
        severity: Warning,
        summary: "A download's file name should be UTF-8 in filename*, without a path or percent escapes, with a plain filename fallback",
        specs: [
            rfc(6266, "4.3"),
            rfc(6266, "D"),
            rfc(8187, "3.2.1"),
            rfc(5987, "3.2.1"),
        ],
        requires: &["Content-Disposition"],
        check: check,
    }
}

/// The file-name parameters of one `Content-Disposition` value, as written.
#[derive(Debug, PartialEq, Eq)]
struct FileNames<'a> {
    /// The first `filename`: a token or a quoted-string.
    plain: Option<&'a str>,
    /// The first `filename*`: an RFC 8187 ext-value.
    star: Option<&'a str>,
}

/// The file-name parameters of `v`, or `None` for a value `invalid-content-disposition`
/// reports as malformed (its reading, [`Disposition`]).
fn file_names(v: &str) -> Option<FileNames<'_>> {
    let d = Disposition::parse(v);
    if !d.well_formed() {
        return None;
    }
    let first = |want: &str| d.params.iter().find_map(|p| p.ok().filter(|(n, _)| n.eq_ignore_ascii_case(want)).map(|(_, v)| v));
    Some(FileNames { plain: first("filename"), star: first("filename*") })
}

/// The text of a `filename` value: a quoted-string's content as written (its backslashes
/// kept, since clients disagree on removing them), or the token. `None` for a quoted-string
/// without its closing quote or with text after it.
fn plain_text(value: &str) -> Option<&str> {
    let Some(rest) = value.strip_prefix('"') else { return Some(value) };
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return rest[i + 1..].trim_fast().is_empty().then_some(&rest[..i]),
            _ => i += 1,
        }
    }
    None
}

/// Which path separators a file name holds, and the offset where its last segment starts.
#[derive(Debug, Default, PartialEq, Eq)]
struct Separators {
    slash: bool,
    backslash: bool,
    last: usize,
}

impl Separators {
    fn any(&self) -> bool {
        self.slash || self.backslash
    }
    /// "separator `/`", "separator `\`" or "separators `/` and `\`".
    fn describe(&self) -> &'static str {
        match (self.slash, self.backslash) {
            (true, false) => "separator `/`",
            (false, true) => "separator `\\`",
            _ => "separators `/` and `\\`",
        }
    }
}

/// The separators of a plain file name as written. In a quoted string, `\"` is an escaped
/// quote, not a backslash in the name.
fn plain_separators(name: &str) -> Separators {
    let b = name.as_bytes();
    let mut s = Separators::default();
    for (i, &c) in b.iter().enumerate() {
        if c == b'/' {
            s.slash = true;
            s.last = i + 1;
        } else if c == b'\\' && b.get(i + 1) != Some(&b'"') {
            // Both halves of a `\\` pair move the last segment's start past the pair.
            s.backslash = true;
            s.last = i + 1;
        }
    }
    s
}

/// The separators of a `filename*`'s value-chars, once percent-decoded: `%2F` and `%5C`
/// (a literal `/` or `\` is not an `attr-char`). Only meaningful in an ASCII-compatible
/// charset (UTF-8, ISO-8859-1), where those octets are always `/` and `\`.
fn encoded_separators(chars: &str) -> Separators {
    let b = chars.as_bytes();
    let mut s = Separators::default();
    for (i, &c) in b.iter().enumerate() {
        if c != b'%' {
            continue;
        }
        match b.get(i + 1..i + 3) {
            Some(&[b'2', f]) if f.eq_ignore_ascii_case(&b'f') => {
                s.slash = true;
                s.last = i + 3;
            }
            Some(&[b'5', x]) if x.eq_ignore_ascii_case(&b'c') => {
                s.backslash = true;
                s.last = i + 3;
            }
            _ => {}
        }
    }
    s
}

/// The first percent escape (`%` and two hex digits) in `name`.
fn percent_escape(name: &str) -> Option<&str> {
    let b = name.as_bytes();
    (0..b.len())
        .find(|&i| {
            b[i] == b'%' && b.get(i + 1).is_some_and(u8::is_ascii_hexdigit) && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        })
        .map(|i| &name[i..i + 3])
}

/// `utf8`, `UTF_8`, `utf-8`: a spelling of UTF-8's name.
fn spells_utf8(charset: &str) -> bool {
    let letters: Vec<u8> = charset.bytes().filter(|&b| b != b'-' && b != b'_').map(|b| b.to_ascii_lowercase()).collect();
    letters == b"utf8"
}

fn check(c: &mut Checker<'_>) {
    let mut findings = Vec::new();
    for (i, line) in c.header_lines("Content-Disposition") {
        let Some(names) = file_names(line) else { continue };
        // `filename*` as (value, charset, value-chars).
        let star = names.star.and_then(|v| {
            let mut parts = v.splitn(3, '\'');
            let (Some(charset), Some(_language), Some(chars)) = (parts.next(), parts.next(), parts.next()) else {
                return None;
            };
            Some((v, charset, chars))
        });
        let plain = match names.plain {
            Some(v) => match plain_text(v) {
                Some(text) => Some((v, text)),
                // An unterminated quoted string: nothing sure to say about the name.
                None => continue,
            },
            None => None,
        };
        let utf8 = |cs: &str| cs.eq_ignore_ascii_case("UTF-8");
        let latin1 = |cs: &str| cs.eq_ignore_ascii_case("ISO-8859-1");

        if let Some((v, cs, _)) = star {
            if latin1(cs) {
                findings.push((
                    Severity::Info,
                    i,
                    format!("`filename*={v}` is encoded in ISO-8859-1: browsers decode it, but RFC 8187 requires UTF-8, and recipients that decode only UTF-8 ignore the parameter."),
                    "Encode the name in UTF-8: `filename*=UTF-8''` followed by its percent-encoded UTF-8 octets (`é` is `%C3%A9`).".to_string(),
                ));
            } else if spells_utf8(cs) && !utf8(cs) {
                findings.push((
                    Severity::Warning,
                    i,
                    format!("`filename*={v}` names its charset `{cs}`, not `UTF-8` as RFC 8187 requires; recipients that match the name exactly ignore the parameter and name the file from `filename` or the URL."),
                    format!("Write the charset as `UTF-8`: `filename*=UTF-8{}`.", &v[cs.len()..]),
                ));
            } else if !utf8(cs) {
                findings.push((
                    Severity::Warning,
                    i,
                    format!("`filename*={v}` is encoded in `{cs}`, but RFC 8187 requires UTF-8; recipients that do not decode `{cs}` ignore the parameter and name the file from `filename` or the URL."),
                    "Encode the name in UTF-8: `filename*=UTF-8''` followed by its percent-encoded UTF-8 octets, e.g. `filename*=UTF-8''%E5%A0%B1%E5%91%8A.pdf`.".to_string(),
                ));
            }
        }

        // The name browsers use: `filename*` when they surely decode it, else `filename`.
        let star_read = star.filter(|&(_, cs, _)| utf8(cs) || latin1(cs));
        if let Some((v, cs, chars)) = star_read {
            let seps = encoded_separators(chars);
            if seps.any() {
                let rest = &chars[seps.last..];
                findings.push((
                    Severity::Warning,
                    i,
                    format!("`filename*={v}` decodes to a path ({}): browsers drop the directories or replace the separators (RFC 6266 §4.3), so the file is saved under another name than the one sent.", seps.describe()),
                    if rest.is_empty() {
                        "Send the bare file name, without directories.".to_string()
                    } else {
                        format!("Send the bare file name, without directories: `filename*={cs}''{rest}`.")
                    },
                ));
            }
        } else if let Some((v, text)) = plain {
            let seps = plain_separators(text);
            if seps.any() {
                let quoted = v.starts_with('"');
                let escape = if seps.backslash && quoted {
                    " Inside quotes `\\` is also an escape character that some clients remove and others keep (RFC 6266 Appendix D)."
                } else {
                    ""
                };
                let rest = &text[seps.last..];
                findings.push((
                    Severity::Warning,
                    i,
                    format!("`filename={v}` holds a path ({}): browsers drop the directories or replace the separators (RFC 6266 §4.3), so the file is saved under another name than the one sent.{escape}", seps.describe()),
                    match (rest.is_empty(), quoted) {
                        (true, _) => "Send the bare file name, without directories.".to_string(),
                        (false, true) => format!("Send the bare file name, without directories: `filename=\"{rest}\"`."),
                        (false, false) => format!("Send the bare file name, without directories: `filename={rest}`."),
                    },
                ));
            }
            if let Some(esc) = percent_escape(text) {
                findings.push((
                    Severity::Warning,
                    i,
                    format!("`filename={v}` contains the percent escape `{esc}`: some browsers decode it in a plain `filename` and others keep it as written, so the saved name differs between them (RFC 6266 Appendix D)."),
                    "Write `filename` as the name should be saved, without `%XX` sequences, and give a non-ASCII name in `filename*=UTF-8''…`, where percent-encoding is defined.".to_string(),
                ));
            }
        }

        if star.is_some() && plain.is_none() {
            findings.push((
                Severity::Info,
                i,
                "`Content-Disposition` has `filename*` but no plain `filename`: clients that do not implement `filename*` name the file from the URL instead (RFC 6266 Appendix D).".to_string(),
                "Add an ASCII `filename` before `filename*`, e.g. `attachment; filename=\"EURO rates.pdf\"; filename*=UTF-8''%E2%82%AC%20rates.pdf`.".to_string(),
            ));
        }
    }
    for (severity, i, message, fix) in findings {
        c.report_with(severity, at("Content-Disposition", i), message, fix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_file_name_parameters() {
        let n = file_names("attachment; filename=\"a;b.pdf\"; filename*=UTF-8''a%3Bb.pdf").unwrap();
        assert_eq!(n, FileNames { plain: Some("\"a;b.pdf\""), star: Some("UTF-8''a%3Bb.pdf") });
        let n = file_names("Attachment; FILENAME=report.pdf; filename=other.pdf").unwrap();
        assert_eq!(n, FileNames { plain: Some("report.pdf"), star: None });
        assert_eq!(file_names("inline").unwrap(), FileNames { plain: None, star: None });
        // What invalid-content-disposition reports: no opinion here.
        assert!(file_names("attachment; filename=Report, Q3.pdf").is_none());
        assert!(file_names("; filename=a.pdf").is_none());
        assert!(file_names("attachment; filename").is_none());
        assert!(file_names("attachment; filename*=\"UTF-8''a.pdf\"").is_none());
    }

    #[test]
    fn reads_plain_file_names() {
        assert_eq!(plain_text("report.pdf"), Some("report.pdf"));
        assert_eq!(plain_text("\"Q3 report.pdf\""), Some("Q3 report.pdf"));
        assert_eq!(plain_text("\"say \\\"hi\\\".pdf\" "), Some("say \\\"hi\\\".pdf"));
        assert_eq!(plain_text("\"open.pdf"), None);
        assert_eq!(plain_text("\"a.pdf\"x"), None);
        assert_eq!(plain_text("\"ends with \\"), None);
    }

    #[test]
    fn finds_path_separators() {
        let s = plain_separators("C:\\Reports\\Q3.pdf");
        assert!(s.backslash && !s.slash);
        assert_eq!(&"C:\\Reports\\Q3.pdf"[s.last..], "Q3.pdf");
        let s = plain_separators("C:\\\\Reports\\\\Q3.pdf");
        assert!(s.backslash);
        assert_eq!(&"C:\\\\Reports\\\\Q3.pdf"[s.last..], "Q3.pdf");
        let s = plain_separators("../../etc/passwd");
        assert!(s.slash && !s.backslash);
        assert!(!plain_separators("say \\\"hi\\\".pdf").any());
        assert!(!plain_separators("report.pdf").any());
        let s = encoded_separators("reports%2fq3.pdf");
        assert!(s.slash);
        assert_eq!(&"reports%2fq3.pdf"[s.last..], "q3.pdf");
        assert!(encoded_separators("a%5Cb").backslash);
        assert!(!encoded_separators("%E2%82%AC%20rates.pdf").any());
        assert!(!encoded_separators("a%2").any());
    }

    #[test]
    fn finds_percent_escapes() {
        assert_eq!(percent_escape("Q3%20report.pdf"), Some("%20"));
        assert_eq!(percent_escape("caf%c3%a9.pdf"), Some("%c3"));
        assert_eq!(percent_escape("100% sure.pdf"), None);
        assert_eq!(percent_escape("50%"), None);
        assert_eq!(percent_escape("%4"), None);
    }

    #[test]
    fn recognises_spellings_of_utf8() {
        for s in ["utf8", "UTF_8", "utf-8", "Utf8"] {
            assert!(spells_utf8(s), "{s}");
        }
        for s in ["utf-16", "utf", "iso-8859-1", "utf88", ""] {
            assert!(!spells_utf8(s), "{s}");
        }
    }
}
