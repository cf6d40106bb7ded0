use crate::declare_rule;
use crate::model::TrimExt;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, lines};

declare_rule! {
    /// ## What it checks
    /// An `ETag` that is not an entity-tag: a double-quoted opaque string (`"abc"`),
    /// optionally prefixed with `W/` for a weak validator (`W/"abc"`). Reported: unquoted
    /// tags, a lowercase `w/`, several tags in one field, and characters that entity-tags
    /// cannot contain (spaces, `"` inside, control characters).
    ///
    /// ## Why it matters
    /// RFC 9110 §8.8.3 defines `entity-tag = [ weak ] opaque-tag`, with
    /// `opaque-tag = DQUOTE *etagc DQUOTE`. Clients send the tag back in `If-None-Match` and
    /// `If-Match`, and servers, CDNs and caches compare tags with the quotes; an unquoted tag
    /// is ignored or never matches in many of them, so revalidation silently stops working
    /// and every request downloads the full response again.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// ETag: 5f2a9c
    /// Content-Type: text/css
    ///
    /// body { margin: 0 }
    /// ```
    ///
    /// ## Fix
    /// Quote the tag: `ETag: "5f2a9c"`, or `ETag: W/"5f2a9c"` for a weak validator.
    pub static INVALID_ETAG = {
        code: "HDR018",
        name: "invalid-etag",
        category: Headers,
        severity: Warning,
        summary: "ETag must be a quoted entity-tag",
        specs: [rfc(9110, "8.8.3"), rfc(9110, "8.8.1")],
        requires: &["ETag"],
        check: check,
    }
}

/// `etagc` (RFC 9110 §8.8.3): `%x21 / %x23-7E / obs-text`. Octet by octet: every octet of a
/// non-ASCII character is ≥ 0x80, so this accepts exactly the characters the grammar does.
fn is_etagc(b: u8) -> bool {
    ETAGC[usize::from(b)]
}

static ETAGC: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b, 0x21 | 0x23..=0x7e | 0x80..=0xff);
        b += 1;
    }
    t
};

fn check(c: &mut Checker<'_>) {
    for (i, v) in lines(c, "ETag") {
        let v = v.trim_fast();
        let (weak, opaque) = match v.strip_prefix("W/") {
            Some(rest) => (true, rest),
            None => (false, v),
        };
        let inner = opaque.strip_prefix('"').and_then(|s| s.strip_suffix('"'));
        let msg = match inner {
            Some(tag) if opaque.len() >= 2 && tag.bytes().all(is_etagc) => continue,
            _ if v.is_empty() => "`ETag` is empty; it cannot be used for revalidation.".to_string(),
            _ if v.starts_with("w/\"") => {
                format!("`ETag: {v}` marks a weak tag with a lowercase `w/`; only `W/` is recognised, so the tag is not valid.")
            }
            Some(_) => format!("`ETag: {v}` contains characters an entity-tag cannot hold (or several tags); clients and caches may ignore it."),
            None if !opaque.contains('"') => format!("`ETag: {v}` is not quoted; clients and caches may ignore it or never match it in `If-None-Match`."),
            None => format!("`ETag: {v}` is not a quoted entity-tag; clients and caches may ignore it."),
        };
        let suggestion = if !v.is_empty() && !v.contains('"') && !v.contains(char::is_whitespace) {
            if weak {
                format!("Quote the tag: `ETag: W/\"{opaque}\"`.")
            } else {
                format!("Quote the tag: `ETag: \"{v}\"`.")
            }
        } else {
            "Send one tag in double quotes: `ETag: \"<tag>\"` or `ETag: W/\"<tag>\"`.".to_string()
        };
        c.report(at("ETag", i), msg, suggestion);
    }
}
