use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::spec::{rfc, StaticSpec};

use super::syntax::{at, content_types, is_token, MediaType};

declare_rule! {
    /// ## What it checks
    /// A `Content-Type` that names one parameter more than once, such as
    /// `text/html; charset=utf-8; charset=iso-8859-1`. Parameter names are compared
    /// case-insensitively (RFC 9110 §5.6.6), so `Charset` and `charset` repeat. A parameter
    /// repeated with the same value is reported at `info`. Values that are not a media type
    /// are left to `invalid-content-type`.
    ///
    /// ## Why it matters
    /// RFC 6838 §4.3: "It is an error for a specific parameter to be specified more than
    /// once." Recipients resolve the error differently: browsers parse the field with the
    /// WHATWG "parse a MIME type" algorithm, which keeps the first occurrence and drops the
    /// others; many server-side parsers keep the last one (a parameter map filled in order),
    /// and some reject the whole field (Go's `mime.ParseMediaType`). A browser and a proxy,
    /// cache or API client can then decode the same body with different charsets, or read
    /// different multipart boundaries.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8; charset=iso-8859-1
    ///
    /// <p>Grüße</p>
    /// ```
    ///
    /// ## Fix
    /// Send each parameter once, with the value that describes the content:
    /// `Content-Type: text/html; charset=utf-8`. A repeated parameter usually comes from two
    /// layers each appending their own (the application and a server's default charset).
    pub static REPEATED_MEDIA_TYPE_PARAMETER = {
        code: "HDR060",
        name: "repeated-media-type-parameter",
        category: Headers,
        severity: Warning,
        summary: "A media type must not name a parameter twice: browsers use the first, other parsers the last",
        specs: [
            rfc(6838, "4.3"),
            rfc(9110, "8.3.1"),
            StaticSpec::Other("MIME Sniffing §parse a MIME type", "https://mimesniff.spec.whatwg.org/#parse-a-mime-type"),
        ],
        requires: &["Content-Type"],
        check: check,
    }
}

/// A parameter named more than once: its name, how many times, its first value and the last
/// value that differs from the first (`None` when every occurrence has the first's value).
#[derive(Debug, PartialEq, Eq)]
struct Repeat<'m> {
    name: &'m str,
    count: usize,
    first: &'m str,
    other: Option<&'m str>,
}

/// Real media types carry a handful of parameters: past this many, the rest are not compared
/// (hostile input stays cheap: the comparisons are quadratic in the parameters looked at).
const MAX_PARAMS: usize = 32;
/// At most this many repeated names are reported per line.
const MAX_FINDINGS: usize = 3;

/// Every parameter `mt` names more than once (among its first [`MAX_PARAMS`]), in order of
/// first appearance.
fn repeats<'m>(mt: &'m MediaType<'_>) -> Vec<Repeat<'m>> {
    let ps = &mt.params[..mt.params.len().min(MAX_PARAMS)];
    let mut out = Vec::new();
    for (k, (name, first)) in ps.iter().enumerate() {
        // Each name once: at its first occurrence.
        if ps[..k].iter().any(|(n, _)| n == name) {
            continue;
        }
        let same: Vec<&str> = ps[k + 1..].iter().filter(|(n, _)| n == name).map(|(_, v)| &**v).collect();
        if same.is_empty() {
            continue;
        }
        // `charset` values are case-insensitive (RFC 9110 §8.3.2); others are compared exactly.
        let differs = |v: &str| if name == "charset" { !v.eq_ignore_ascii_case(first) } else { v != &**first };
        out.push(Repeat {
            name,
            count: same.len() + 1,
            first,
            other: same.iter().rev().copied().find(|&v| differs(v)),
        });
    }
    out
}

fn check(c: &mut Checker<'_>) {
    for &(i, v, ref parsed) in content_types(c) {
        // A value that is not a media type is `invalid-content-type`'s.
        let Ok(mt) = parsed else { continue };
        if mt.params.len() < 2 {
            continue;
        }
        let found = repeats(mt);
        if found.is_empty() {
            continue;
        }
        let once = deduplicated(mt);
        for r in found.into_iter().take(MAX_FINDINGS) {
            let times = if r.count == 2 { "twice".to_string() } else { format!("{} times", r.count) };
            let fix = format!("Send `{}` once: `Content-Type: {once}` keeps the first value, which browsers use — check it is what the content is in.", r.name);
            match r.other {
                Some(other) => c.report(
                    at("Content-Type", i),
                    format!(
                        "`Content-Type: {v}` names `{}` {times} (`{}`, then `{other}`): browsers use the first, `{}`, while other parsers may use a later one or reject the field, so the two ends can read the body differently (RFC 6838 §4.3).",
                        r.name, r.first, r.first
                    ),
                    fix,
                ),
                None => c.report_with(
                    Severity::Info,
                    at("Content-Type", i),
                    format!(
                        "`Content-Type: {v}` names `{}` {times}, each time as `{}`: harmless in browsers, but RFC 6838 §4.3 calls it an error and strict parsers reject the field.",
                        r.name, r.first
                    ),
                    fix,
                ),
            }
        }
    }
}

/// The media type with each parameter once, at its first occurrence (the one browsers use).
fn deduplicated(mt: &MediaType<'_>) -> String {
    let mut s = mt.essence();
    let ps = &mt.params[..mt.params.len().min(MAX_PARAMS)];
    for (k, (name, value)) in ps.iter().enumerate() {
        if ps[..k].iter().any(|(n, _)| n == name) {
            continue;
        }
        s.push_str("; ");
        s.push_str(name);
        s.push('=');
        s.push_str(&quote_if_needed(value));
    }
    s
}

/// A parameter value as it must be written: as is when it is a token, else quoted.
fn quote_if_needed(v: &str) -> String {
    if is_token(v) {
        v.to_string()
    } else {
        super::syntax::quote(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::headers::syntax::parse_media_type;

    #[test]
    fn finds_repeated_parameters() {
        let mt = parse_media_type("text/html; charset=utf-8; charset=iso-8859-1").unwrap();
        assert_eq!(repeats(&mt), vec![Repeat { name: "charset", count: 2, first: "utf-8", other: Some("iso-8859-1") }]);
        let mt = parse_media_type("text/html; Charset=UTF-8; CHARSET=\"windows-1252\"").unwrap();
        assert_eq!(repeats(&mt), vec![Repeat { name: "charset", count: 2, first: "UTF-8", other: Some("windows-1252") }]);
        let mt = parse_media_type("text/plain; charset=utf-8; charset=UTF-8").unwrap();
        assert_eq!(repeats(&mt), vec![Repeat { name: "charset", count: 2, first: "utf-8", other: None }]);
        let mt = parse_media_type("multipart/mixed; boundary=a; charset=x; boundary=b; boundary=a").unwrap();
        assert_eq!(repeats(&mt), vec![Repeat { name: "boundary", count: 3, first: "a", other: Some("b") }]);
        let mt = parse_media_type("text/plain; charset=utf-8; format=flowed").unwrap();
        assert!(repeats(&mt).is_empty());
        // A malformed occurrence is not a parameter browsers see: not a repeat.
        let mt = parse_media_type("text/html; charset=utf-8; charset").unwrap();
        assert!(repeats(&mt).is_empty());
    }

    #[test]
    fn quotes_values_that_are_not_tokens() {
        assert_eq!(quote_if_needed("utf-8"), "utf-8");
        assert_eq!(quote_if_needed("a b"), "\"a b\"");
        assert_eq!(quote_if_needed("say \"hi\""), "\"say \\\"hi\\\"\"");
    }

    #[test]
    fn keeps_each_parameter_once() {
        let mt = parse_media_type("text/plain; Charset=utf-8; format=flowed; charset=\"windows-1252\"").unwrap();
        assert_eq!(deduplicated(&mt), "text/plain; charset=utf-8; format=flowed");
    }
}
