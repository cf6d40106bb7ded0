//! `Content-Digest` and `Repr-Digest` (RFC 9530), parsed once per lint (through `sfv`) and
//! shared by the digest rules.

use crate::registry::{Checker, Severity};
use crate::rules::structured::{describe, dictionary_lines, Member};

/// The digest fields, in the order of [`digest_fields`].
pub(crate) const FIELDS: [&str; 2] = ["Content-Digest", "Repr-Digest"];

/// One digest field of the response: every line parsed as one Dictionary.
pub(crate) struct DigestField<'a> {
    pub name: &'static str,
    /// The first line's index.
    pub index: usize,
    /// The lines joined, for messages.
    pub value: String,
    /// (algorithm, member), a repeated algorithm's last value winning; or `sfv`'s error.
    pub parsed: Result<Vec<(&'a str, Member<'a>)>, String>,
}

/// The algorithms of the IANA "Hash Algorithms for HTTP Digest Fields" registry: (key, status
/// Active, digest length in bytes when fixed).
pub(crate) const ALGORITHMS: &[(&str, bool, Option<usize>)] = &[
    ("sha-512", true, Some(64)),
    ("sha-256", true, Some(32)),
    ("md5", false, Some(16)),
    ("sha", false, Some(20)),
    ("unixsum", false, None),
    ("unixcksum", false, None),
    ("adler", false, Some(4)),
    ("crc32c", false, Some(4)),
];

pub(crate) fn algorithm(key: &str) -> Option<(bool, Option<usize>)> {
    ALGORITHMS.iter().find(|(k, _, _)| *k == key).map(|&(_, active, len)| (active, len))
}

/// The registered algorithm an unregistered key is a misspelling of (`sha256`, `SHA_512` →
/// `sha-256`, `sha-512`), if any.
fn near_algorithm(key: &str) -> Option<&'static str> {
    let bare = key.replace(['-', '_'], "");
    ALGORITHMS.iter().map(|(k, _, _)| *k).find(|k| k.replace('-', "") == bare)
}

/// The finding (severity, message, fix) for an algorithm key of `field` that is not in the
/// registry: a misspelt registered name is a warning naming it; another name is info, fixed by
/// `fallback`. `None` for a registered key.
pub(crate) fn unregistered_algorithm(alg: &str, field: &str, fallback: &str) -> Option<(Severity, String, String)> {
    if algorithm(alg).is_some() {
        return None;
    }
    Some(match near_algorithm(alg) {
        Some(k) => (
            Severity::Warning,
            format!("`{alg}` in `{field}` is not a registered algorithm, so recipients ignore it; the registered name is `{k}`."),
            format!("Name the algorithm `{k}`."),
        ),
        None => (
            Severity::Info,
            format!("`{alg}` in `{field}` is not in the IANA Hash Algorithms for HTTP Digest Fields registry, so recipients may ignore it."),
            fallback.to_string(),
        ),
    })
}

/// The response's `Content-Digest` and `Repr-Digest`, parsed on first use.
pub(crate) fn digest_fields<'a>(c: &Checker<'a>) -> &'a [Option<DigestField<'a>>; 2] {
    c.memo().digest_fields.get_or_init(|| FIELDS.map(|name| parse_field(c, name)))
}

fn parse_field<'a>(c: &Checker<'a>, name: &'static str) -> Option<DigestField<'a>> {
    let index = c.header_lines(name).next()?.0;
    let value = c.header_combined(name)?.into_owned();
    let parsed = dictionary_lines(c.header_lines(name).map(|(_, line)| line)).map_err(|(e, line)| describe(&e, line));
    Some(DigestField { name, index, value, parsed })
}
