//! Content Security Policy parsing (CSP Level 3, "parse a serialized CSP").

use std::collections::HashSet;

use crate::model::Headers;
use crate::registry::Checker;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive<'a> {
    /// ASCII-lowercased (borrowed when written in lowercase).
    pub name: std::borrow::Cow<'a, str>,
    /// The name as written.
    pub raw_name: &'a str,
    pub values: Vec<&'a str>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy<'a> {
    /// Index of the header line that carries the policy.
    pub index: usize,
    pub directives: Vec<Directive<'a>>,
    /// Directive names that appeared again after their first occurrence (ignored by browsers).
    pub duplicates: Vec<String>,
}

impl<'a> Policy<'a> {
    pub fn get(&self, name: &str) -> Option<&Directive<'a>> {
        self.directives.iter().find(|d| d.name == name)
    }
    /// The source list that governs scripts: `script-src`, else `default-src`.
    pub fn script_sources(&self) -> Option<&Directive<'a>> {
        self.get("script-src").or_else(|| self.get("default-src"))
    }
    /// The source list that governs `<script>` elements: `script-src-elem`, else
    /// [`script_sources`](Self::script_sources).
    pub fn script_elem_sources(&self) -> Option<&Directive<'a>> {
        self.get("script-src-elem").or_else(|| self.script_sources())
    }
}

/// Parses one serialized policy.
pub fn parse_policy(index: usize, serialized: &str) -> Policy<'_> {
    let mut p = Policy { index, directives: Vec::new(), duplicates: Vec::new() };
    // Names seen: a scan of the directives for the usual dozen, sets once there are many (so
    // a hostile policy stays linear).
    const SCAN_LIMIT: usize = 16;
    let mut sets: Option<(HashSet<String>, HashSet<String>)> = None;
    for token in crate::model::split_byte(serialized, b';') {
        // ASCII whitespace here is the WHATWG set (TAB, LF, FF, CR, SPACE), which is exactly
        // what `split_ascii_whitespace` splits on.
        let mut parts = token.split_ascii_whitespace();
        let Some(raw_name) = parts.next() else { continue };
        let name = crate::model::ascii_lowercase(raw_name);
        if sets.is_none() && p.directives.len() + p.duplicates.len() >= SCAN_LIMIT {
            let seen = p.directives.iter().map(|d| d.name.to_string()).collect();
            sets = Some((seen, p.duplicates.iter().cloned().collect()));
        }
        let (first_time, first_repeat) = match &mut sets {
            Some((seen, repeated)) => {
                let first_time = seen.insert(name.to_string());
                (first_time, !first_time && repeated.insert(name.to_string()))
            }
            None => {
                let first_time = !p.directives.iter().any(|d| d.name == name);
                (first_time, !first_time && !p.duplicates.iter().any(|d| *d == name))
            }
        };
        if !first_time {
            if first_repeat {
                p.duplicates.push(name.into_owned());
            }
            continue;
        }
        let values = parts.collect();
        p.directives.push(Directive { name, raw_name, values });
    }
    p
}

/// Every policy in the header fields named `name` (each line may hold several, comma-separated).
pub fn policies<'a>(headers: &'a Headers, name: &str) -> Vec<Policy<'a>> {
    let mut out = Vec::new();
    for (i, v) in headers.all(name) {
        for serialized in crate::model::split_byte(v, b',') {
            let p = parse_policy(i, serialized);
            if !p.directives.is_empty() || !p.duplicates.is_empty() {
                out.push(p);
            }
        }
    }
    out
}

/// The enforced policy's field.
pub const ENFORCED: &str = "Content-Security-Policy";
/// The report-only policy's field.
pub const REPORT_ONLY: &str = "Content-Security-Policy-Report-Only";

/// The response's policies in [`ENFORCED`] or [`REPORT_ONLY`], parsed once per lint.
pub fn response_policies<'a>(c: &Checker<'a>, name: &str) -> &'a [Policy<'a>] {
    debug_assert!(name.eq_ignore_ascii_case(ENFORCED) || name.eq_ignore_ascii_case(REPORT_ONLY));
    let memo = c.memo();
    let slot = if name.eq_ignore_ascii_case(REPORT_ONLY) { &memo.csp_report_only } else { &memo.csp };
    // Absent (most responses): no scan of the header section.
    slot.get_or_init(|| if c.has_header(name) { policies(&c.response().headers, name) } else { Vec::new() })
}

/// When every enforced policy that restricts scripts has script sources (`script-src`, else
/// `default-src`) for which `allows` holds, so that no policy stops what it allows: the first
/// such policy's line index and script directive, for the finding. `None` when no enforced policy
/// restricts scripts, or one does not allow it.
pub fn every_script_policy_allows<'a>(c: &Checker<'a>, allows: impl Fn(&[&str]) -> bool) -> Option<(usize, &'a Directive<'a>)> {
    let mut governing = response_policies(c, "Content-Security-Policy").iter().filter_map(|p| p.script_sources().map(|d| (p, d)));
    let (first, d) = governing.next()?;
    (allows(&d.values) && governing.all(|(_, d)| allows(&d.values))).then_some((first.index, d))
}

pub fn is_keyword(v: &str, kw: &str) -> bool {
    v.len() == kw.len() + 2 && v.starts_with('\'') && v.ends_with('\'') && v[1..v.len() - 1].eq_ignore_ascii_case(kw)
}

/// The prefixes of nonce and hash sources: CSP3's, and the `sha-256` spelling Chromium also
/// accepts.
const NONCE_OR_HASH_PREFIXES: [&str; 7] = ["nonce-", "sha256-", "sha384-", "sha512-", "sha-256-", "sha-384-", "sha-512-"];

/// The value after `'nonce-`/`'sha256-`… when `v` is written like a nonce or hash source, whatever
/// the value.
fn nonce_or_hash_value(v: &str) -> Option<&str> {
    let inner = v.strip_prefix('\'')?.strip_suffix('\'')?;
    let p = NONCE_OR_HASH_PREFIXES.iter().find(|p| inner.len() > p.len() && inner.is_char_boundary(p.len()) && inner[..p.len()].eq_ignore_ascii_case(p))?;
    Some(&inner[p.len()..])
}

/// Whether `v` is written like a nonce or hash source (`'nonce-…'`, `'sha256-…'`…), whatever
/// follows the dash.
pub fn looks_like_nonce_or_hash(v: &str) -> bool {
    nonce_or_hash_value(v).is_some()
}

/// CSP3's `nonce-source` or `hash-source`: written like one ([`looks_like_nonce_or_hash`]) with a
/// base64 value (`ALPHA / DIGIT / "+" / "/" / "-" / "_"`, up to two trailing `=`). Anything
/// else — a template placeholder left unfilled, `'nonce-{{nonce}}'` — is no source expression
/// browsers recognise, and neither allows a script nor neutralises `'unsafe-inline'`.
pub fn is_nonce_or_hash(v: &str) -> bool {
    let Some(value) = nonce_or_hash_value(v) else { return false };
    let body = value.trim_end_matches('=');
    value.len() - body.len() <= 2 && !body.is_empty() && body.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_'))
}

/// CSP3 "does a source list allow all inline behavior": `'unsafe-inline'` without a valid nonce,
/// a valid hash or `'strict-dynamic'` (which make browsers ignore `'unsafe-inline'`).
pub fn allows_all_inline(values: &[&str]) -> bool {
    values.iter().any(|v| is_keyword(v, "unsafe-inline"))
        && !values.iter().any(|v| is_nonce_or_hash(v) || is_keyword(v, "strict-dynamic"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_and_hashes_are_base64() {
        for v in ["'nonce-r4nd0m'", "'NONCE-abc+/-_=='", "'sha256-B2yPHKaXnvFWtRChIbabYmUBFZdVfKKXHbWtWidDVF8='", "'sha-256-B2yPHKaXnvFW='"] {
            assert!(is_nonce_or_hash(v), "{v}");
        }
        for v in ["'nonce-{{nonce}}'", "'nonce-<%=nonce%>'", "'nonce-a==='", "'nonce-='", "'nonce-'", "'self'", "nonce-abc", "'sha1-abc'", "'noncé-abc'"] {
            assert!(!is_nonce_or_hash(v), "{v}");
        }
        assert!(looks_like_nonce_or_hash("'nonce-{{nonce}}'"));
        // An unfilled nonce does not neutralise 'unsafe-inline'.
        assert!(allows_all_inline(&["'unsafe-inline'", "'nonce-{{nonce}}'"]));
        assert!(!allows_all_inline(&["'unsafe-inline'", "'nonce-r4nd0m'"]));
    }

    #[test]
    fn duplicates_in_order_of_first_repeat() {
        for n in [3, 40] {
            let mut s: Vec<String> = (0..n).map(|i| format!("D{i} 'self'")).collect();
            s.extend(["d1 x", "D0", "d1", "new-one a b"].map(String::from));
            let serialized = s.join("; ");
            let p = parse_policy(0, &serialized);
            assert_eq!(p.duplicates, ["d1", "d0"]);
            assert_eq!(p.directives.len(), n + 1);
            assert_eq!(p.get("d1").unwrap().values, ["'self'"]);
            assert_eq!(p.get("new-one").unwrap().raw_name, "new-one");
        }
    }
}
