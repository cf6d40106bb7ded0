use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, members};

declare_rule! {
    /// ## What it checks
    /// A `Content-Language` member that is not a well-formed language tag: subtags of 1–8
    /// letters or digits separated by hyphens, the first made of letters (`en`, `en-US`,
    /// `zh-Hant-TW`, `de-CH-1996`). Underscores (`en_US`), spaces and locale suffixes
    /// (`en-US.UTF-8`) are reported.
    ///
    /// ## Why it matters
    /// `Content-Language = #language-tag`, tags as defined by BCP 47 (RFC 9110 §8.5, §8.5.1;
    /// RFC 5646 §2.1). Browsers use it for spell checking, hyphenation and font selection when
    /// the document does not say otherwise, search engines and screen readers to pick a
    /// language; a tag they cannot parse is ignored.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Language: en_US
    /// Content-Type: text/html
    ///
    /// <p>Hello</p>
    /// ```
    ///
    /// ## Fix
    /// Use BCP 47 tags with hyphens: `Content-Language: en-US`.
    pub static INVALID_CONTENT_LANGUAGE = {
        code: "HDR030",
        name: "invalid-content-language",
        category: Headers,
        severity: Info,
        summary: "Content-Language must list BCP 47 language tags",
        specs: [rfc(9110, "8.5"), rfc(9110, "8.5.1"), rfc(5646, "2.1")],
        requires: &["Content-Language"],
        check: check,
    }
}

/// Well-formed in the loose sense (RFC 5646 §2.1 `langtag`/`privateuse`/`grandfathered`
/// shapes): alphanumeric subtags of 1 to 8 characters, the first alphabetic.
fn well_formed(tag: &str) -> bool {
    let mut subtags = crate::model::split_byte(tag, b'-');
    let Some(first) = subtags.next() else { return false };
    let ok = |s: &str, alpha: bool| {
        (1..=8).contains(&s.len()) && s.bytes().all(|b| if alpha { b.is_ascii_alphabetic() } else { b.is_ascii_alphanumeric() })
    };
    ok(first, true) && subtags.all(|s| ok(s, false))
}

fn check(c: &mut Checker<'_>) {
    for (i, m) in members(c, "Content-Language") {
        if well_formed(m) {
            continue;
        }
        let hint = if m.contains('_') { format!(" (use `{}`)", m.replace('_', "-")) } else { String::new() };
        c.report(
            at("Content-Language", i),
            format!("`Content-Language` lists `{m}`, which is not a language tag{hint}; clients ignore it."),
            "Use BCP 47 tags separated by commas, e.g. `Content-Language: en-US`.",
        );
    }
}
