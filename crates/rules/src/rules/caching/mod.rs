//! Caching (RFC 9111).
//!
//! The helpers at the end of this file are shared by this category's rules: a lenient
//! `Cache-Control` parser (RFC 9111 §5.2), delta-seconds (§1.2.2), HTTP-dates as browsers read
//! them, and the freshness-lifetime computation of §4.2.1 / §4.2.2.

pub mod age_exceeds_freshness_lifetime;
pub mod analysis;
pub mod authenticated_response_shared;
pub mod authorization_prevents_shared_caching;
pub mod cacheable_set_cookie;
pub mod compressed_without_vary;
pub mod dictionary_compression_without_vary;
pub mod duplicate_cache_directive;
pub mod error_made_cacheable;
pub mod error_without_cache_control;
pub mod expires_disagrees_with_max_age;
pub mod expires_in_the_past;
pub mod fresh_response_without_validator;
pub mod freshness_lifetime;
pub mod immutable_with_no_cache;
pub mod immutable_without_freshness;
pub mod invalid_cdn_cache_control;
pub mod invalid_delta_seconds;
pub mod must_understand_without_no_store;
pub mod no_cache_overrides_max_age;
pub mod no_store_with_freshness;
pub mod pragma_without_cache_control;
pub mod public_and_private;
pub mod request_directive_in_response;
pub mod revalidation_without_validator;
pub mod s_maxage_with_private;
pub mod stale_directive_overridden;
pub mod unknown_cache_directive;
pub mod unnecessary_public;
pub mod vary_on_high_cardinality_header;
pub mod vary_star;
pub mod weak_etag_on_partial_content;
pub mod wrong_cache_directive_argument;

use crate::model::TrimExt;
use std::borrow::Cow;

use crate::model::list_members;
use crate::registry::{Checker, Presence, Target};

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &error_without_cache_control::ERROR_WITHOUT_CACHE_CONTROL,
    &no_store_with_freshness::NO_STORE_WITH_FRESHNESS,
    &public_and_private::PUBLIC_AND_PRIVATE,
    &s_maxage_with_private::S_MAXAGE_WITH_PRIVATE,
    &no_cache_overrides_max_age::NO_CACHE_OVERRIDES_MAX_AGE,
    &immutable_with_no_cache::IMMUTABLE_WITH_NO_CACHE,
    &invalid_delta_seconds::INVALID_DELTA_SECONDS,
    &wrong_cache_directive_argument::WRONG_CACHE_DIRECTIVE_ARGUMENT,
    &duplicate_cache_directive::DUPLICATE_CACHE_DIRECTIVE,
    &unknown_cache_directive::UNKNOWN_CACHE_DIRECTIVE,
    &request_directive_in_response::REQUEST_DIRECTIVE_IN_RESPONSE,
    &must_understand_without_no_store::MUST_UNDERSTAND_WITHOUT_NO_STORE,
    &revalidation_without_validator::REVALIDATION_WITHOUT_VALIDATOR,
    &fresh_response_without_validator::FRESH_RESPONSE_WITHOUT_VALIDATOR,
    &pragma_without_cache_control::PRAGMA_WITHOUT_CACHE_CONTROL,
    &expires_disagrees_with_max_age::EXPIRES_DISAGREES_WITH_MAX_AGE,
    &expires_in_the_past::EXPIRES_IN_THE_PAST,
    &compressed_without_vary::COMPRESSED_WITHOUT_VARY,
    &freshness_lifetime::FRESHNESS_LIFETIME,
    &age_exceeds_freshness_lifetime::AGE_EXCEEDS_FRESHNESS_LIFETIME,
    &unnecessary_public::UNNECESSARY_PUBLIC,
    &vary_star::VARY_STAR,
    &vary_on_high_cardinality_header::VARY_ON_HIGH_CARDINALITY_HEADER,
    &cacheable_set_cookie::CACHEABLE_SET_COOKIE,
    &authenticated_response_shared::AUTHENTICATED_RESPONSE_SHARED,
    &authorization_prevents_shared_caching::AUTHORIZATION_PREVENTS_SHARED_CACHING,
    &error_made_cacheable::ERROR_MADE_CACHEABLE,
    &immutable_without_freshness::IMMUTABLE_WITHOUT_FRESHNESS,
    &weak_etag_on_partial_content::WEAK_ETAG_ON_PARTIAL_CONTENT,
    &invalid_cdn_cache_control::INVALID_CDN_CACHE_CONTROL,
    &stale_directive_overridden::STALE_DIRECTIVE_OVERRIDDEN,
    &dictionary_compression_without_vary::DICTIONARY_COMPRESSION_WITHOUT_VARY,
];

// ---------------------------------------------------------------------------------------------
// Cache-Control (RFC 9111 §5.2)
// ---------------------------------------------------------------------------------------------

/// The value caches use for a delta-seconds that overflows (RFC 9111 §1.2.2): 2^31.
pub(crate) const DELTA_SECONDS_CAP: u64 = 2_147_483_648;

/// One cache directive as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Directive<'a> {
    /// The name, lower-cased (directive names are case-insensitive, RFC 9111 §5.2).
    pub name: Cow<'a, str>,
    /// The whole member as written (trimmed).
    pub raw: &'a str,
    /// The argument after `=`, with a quoted-string unquoted; `None` when there is no `=`.
    pub arg: Option<Cow<'a, str>>,
    /// Whether the argument was written as a quoted-string.
    pub quoted: bool,
    /// A quoted-string that is not closed, or has text after its closing quote.
    pub bad_quote: bool,
    /// The index of the header line it came from.
    pub index: usize,
}

impl Directive<'_> {
    /// The argument as delta-seconds (RFC 9111 §1.2.2), quoted form accepted as recipients
    /// ought to (§5.2); capped at 2^31.
    pub fn seconds(&self) -> Option<u64> {
        if self.bad_quote {
            return None;
        }
        self.arg.as_deref().and_then(delta_seconds)
    }
    /// Without an argument (an empty argument counts as none).
    pub fn unqualified(&self) -> bool {
        self.arg.as_deref().is_none_or(|a| a.trim_fast().is_empty())
    }
    pub fn target(&self, field: &'static str) -> Target {
        Target::Header { name: field.into(), index: Some(self.index) }
    }
}

/// `1*DIGIT`, saturating at 2^31 (RFC 9111 §1.2.2). Linear, never overflows.
pub(crate) fn delta_seconds(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut v: u64 = 0;
    for b in s.bytes() {
        v = (v * 10 + u64::from(b - b'0')).min(DELTA_SECONDS_CAP);
    }
    Some(v)
}

/// Every directive of every line of a `Cache-Control`-syntax field, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct CacheControl<'a> {
    pub directives: Vec<Directive<'a>>,
    /// Index of the first line of the field, when present.
    pub first_index: Option<usize>,
}

impl<'a> CacheControl<'a> {
    /// From the field's lines, (index, value) in order.
    pub fn from_lines(lines: impl Iterator<Item = (usize, &'a str)>) -> Self {
        let mut out = CacheControl::default();
        for (i, v) in lines {
            out.first_index.get_or_insert(i);
            for member in list_members(v) {
                out.directives.push(parse_member(member, i));
            }
        }
        out
    }
    pub fn is_present(&self) -> bool {
        self.first_index.is_some()
    }
    /// The first occurrence of a directive.
    pub fn get(&self, name: &str) -> Option<&Directive<'a>> {
        self.directives.iter().find(|d| d.name == name)
    }
    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
    /// Whether an occurrence without argument is present (`no-cache`, not `no-cache="Set-Cookie"`).
    pub fn has_unqualified(&self, name: &str) -> bool {
        self.directives.iter().any(|d| d.name == name && d.unqualified())
    }
    /// The first occurrence's delta-seconds, when valid.
    pub fn seconds(&self, name: &str) -> Option<u64> {
        self.get(name).and_then(Directive::seconds)
    }
    /// Whether the first occurrence is a valid delta-seconds greater than zero.
    pub fn positive(&self, name: &str) -> bool {
        self.seconds(name).is_some_and(|s| s > 0)
    }
    /// The target for a finding about the field as a whole.
    pub fn target(&self, field: &'static str) -> Target {
        Target::Header { name: field.into(), index: self.first_index }
    }
    /// Whether a qualified `no-cache` / `private` names `field` (case-insensitive).
    pub fn qualified_names(&self, directive: &str, field: &str) -> bool {
        self.directives.iter().filter(|d| d.name == directive && !d.unqualified()).any(|d| {
            d.arg.as_deref().is_some_and(|a| a.split(',').any(|f| f.trim_fast().eq_ignore_ascii_case(field)))
        })
    }
}

fn parse_member(member: &str, index: usize) -> Directive<'_> {
    let raw = member.trim_fast();
    let (name, arg) = match crate::model::find_byte(raw, b'=') {
        Some(p) => (&raw[..p], Some(raw[p + 1..].trim_fast())),
        None => (raw, None),
    };
    let name = crate::model::ascii_lowercase(name.trim_fast());
    let mut quoted = false;
    let mut bad_quote = false;
    let arg = arg.map(|a| {
        if let Some(rest) = a.strip_prefix('"') {
            quoted = true;
            // Borrowed unless there are escapes to remove.
            let mut out = Cow::Borrowed("");
            let mut esc = false;
            let mut closed_at = None;
            let mut start = 0;
            for (i, ch) in rest.char_indices() {
                if esc {
                    esc = false;
                } else if ch == '\\' {
                    out.to_mut().push_str(&rest[start..i]);
                    start = i + 1;
                    esc = true;
                } else if ch == '"' {
                    closed_at = Some(i);
                    break;
                }
            }
            let end = closed_at.unwrap_or(rest.len());
            match &mut out {
                Cow::Borrowed(_) => out = Cow::Borrowed(&rest[start..end]),
                Cow::Owned(s) => s.push_str(&rest[start..end]),
            }
            match closed_at {
                Some(i) => bad_quote = !rest[i + 1..].trim_fast().is_empty(),
                None => bad_quote = true,
            }
            out
        } else {
            Cow::Borrowed(a)
        }
    });
    Directive { name, raw, arg, quoted, bad_quote, index }
}

/// The response's `Cache-Control`, or `None` when the observer could not see it. Parsed once
/// per lint, shared by the caching rules.
#[inline]
pub(crate) fn cache_control<'a>(c: &Checker<'a>) -> Option<&'a CacheControl<'a>> {
    c.memo()
        .cache_control
        .get_or_init(|| match c.header("Cache-Control") {
            Presence::Hidden => None,
            _ => Some(CacheControl::from_lines(c.header_lines("Cache-Control"))),
        })
        .as_ref()
}

/// Whether `name` is a token (RFC 9110 §5.6.2).
pub(crate) fn is_token(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(crate::model::is_tchar)
}

/// Response directives of RFC 9111 §5.2.2, RFC 8246 and RFC 5861 (the IANA cache directive
/// registry, minus the request-only ones).
pub(crate) const RESPONSE_DIRECTIVES: &[&str] = &[
    "max-age",
    "must-revalidate",
    "must-understand",
    "no-cache",
    "no-store",
    "no-transform",
    "private",
    "proxy-revalidate",
    "public",
    "s-maxage",
    "immutable",
    "stale-while-revalidate",
    "stale-if-error",
];

/// Directives defined only for requests (RFC 9111 §5.2.1).
pub(crate) const REQUEST_ONLY_DIRECTIVES: &[&str] = &["max-stale", "min-fresh", "only-if-cached"];

/// Response directives whose argument is delta-seconds.
pub(crate) const DELTA_DIRECTIVES: &[&str] = &["max-age", "s-maxage", "stale-while-revalidate", "stale-if-error"];

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/// Seconds since the epoch of the response's date field line `index` (value `v`): the date
/// rules' reading ([`line_date`](crate::rules::headers::syntax::line_date)), parsed once per lint
/// for all of them and the cache analysis — an HTTP-date, or a near miss browsers read.
pub(crate) fn line_secs(c: &Checker<'_>, index: usize, v: &str) -> Option<i64> {
    crate::rules::headers::syntax::line_date(c, index, v).secs().and_then(|s| i64::try_from(s).ok())
}

/// The `Date` of the response, when present, visible and readable.
pub(crate) fn response_date(c: &Checker<'_>) -> Option<i64> {
    // Parsed once per lint.
    *c.memo().response_date.get_or_init(|| match c.header("Date") {
        Presence::Present(i, v) => line_secs(c, i, v),
        _ => None,
    })
}

/// The time the response was generated: `Date`, else "now" (RFC 9111 §4.2.1 uses the time of
/// receipt when `Date` is missing).
pub(crate) fn base_time(c: &Checker<'_>) -> Option<i64> {
    response_date(c).or_else(|| c.context.now.and_then(|n| i64::try_from(n).ok()))
}

// ---------------------------------------------------------------------------------------------
// Freshness (RFC 9111 §4.2)
// ---------------------------------------------------------------------------------------------

/// A freshness lifetime and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lifetime<'a> {
    /// Seconds; 0 when already stale.
    pub secs: u64,
    /// How it was obtained, for messages (`` `max-age=60` ``).
    pub source: LifetimeSource<'a>,
    /// The field it came from and the index of that line (see [`Lifetime::target`]).
    pub field: &'static str,
    pub index: Option<usize>,
}

impl Lifetime<'_> {
    /// Where a finding about this lifetime points.
    pub fn target(&self) -> Target {
        Target::Header { name: self.field.into(), index: self.index }
    }
}

/// Where a [`Lifetime`] came from; displays as the text messages use. (Kept as data so that
/// the text is only built when a finding quotes it.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LifetimeSource<'a> {
    /// A valid directive, as written.
    Directive(&'a str),
    /// A directive whose argument is not delta-seconds, as written.
    InvalidDirective(&'a str),
    ExpiresMinusDate,
    ExpiresMinusReceipt,
    /// An `Expires` value that is not a date.
    InvalidExpires(&'a str),
    Heuristic,
}

impl LifetimeSource<'_> {
    /// Appends the text messages use (without `format!`: this runs on every lint with a lifetime).
    pub(crate) fn push_to(&self, out: &mut String) {
        let quoted = |out: &mut String, before: &str, v: &str| {
            out.push_str(before);
            out.push_str(v);
            out.push('`');
        };
        match self {
            LifetimeSource::Directive(raw) => quoted(out, "`", raw),
            LifetimeSource::InvalidDirective(raw) => quoted(out, "the invalid `", raw),
            LifetimeSource::ExpiresMinusDate => out.push_str("`Expires` − `Date`"),
            LifetimeSource::ExpiresMinusReceipt => out.push_str("`Expires` − time of receipt"),
            LifetimeSource::InvalidExpires(v) => quoted(out, "the invalid `Expires: ", v),
            LifetimeSource::Heuristic => out.push_str("10% of the time since `Last-Modified`"),
        }
    }
}

impl std::fmt::Display for LifetimeSource<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        self.push_to(&mut s);
        f.write_str(&s)
    }
}

/// The explicit freshness lifetime of RFC 9111 §4.2.1 of the response, for a shared or a private
/// cache. Invalid values count as stale (0), as §4.2.1 encourages. `None`: no explicit lifetime
/// (or `Expires` relative to an unknown time), or `Cache-Control` hidden from the observer.
/// Computed once per lint.
pub(crate) fn explicit_lifetime<'a>(c: &Checker<'a>, shared: bool) -> Option<&'a Lifetime<'a>> {
    let [private_cache, shared_cache] = c.memo().lifetimes.get_or_init(|| match cache_control(c) {
        Some(cc) => [compute_explicit_lifetime(c, cc, false), compute_explicit_lifetime(c, cc, true)],
        None => [None, None],
    });
    if shared { shared_cache.as_ref() } else { private_cache.as_ref() }
}

fn compute_explicit_lifetime<'a>(c: &Checker<'a>, cc: &'a CacheControl<'a>, shared: bool) -> Option<Lifetime<'a>> {
    let directive = |name: &str| {
        cc.get(name).map(|d| Lifetime {
            secs: d.seconds().unwrap_or(0),
            source: match d.seconds() {
                Some(_) => LifetimeSource::Directive(d.raw),
                None => LifetimeSource::InvalidDirective(d.raw),
            },
            field: "Cache-Control",
            index: Some(d.index),
        })
    };
    if shared {
        if let Some(l) = directive("s-maxage") {
            return Some(l);
        }
    }
    if let Some(l) = directive("max-age") {
        return Some(l);
    }
    match c.header("Expires") {
        Presence::Present(i, v) => {
            let (field, index) = ("Expires", Some(i));
            match line_secs(c, i, v) {
                Some(t) => {
                    let (base, source) = match response_date(c) {
                        Some(d) => (d, LifetimeSource::ExpiresMinusDate),
                        None => (base_time(c)?, LifetimeSource::ExpiresMinusReceipt),
                    };
                    let secs = u64::try_from(t.saturating_sub(base)).unwrap_or(0);
                    Some(Lifetime { secs, source, field, index })
                }
                None => Some(Lifetime { secs: 0, source: LifetimeSource::InvalidExpires(v), field, index }),
            }
        }
        _ => None,
    }
}

/// A typical heuristic lifetime (RFC 9111 §4.2.2): 10% of the time since `Last-Modified`, for a
/// response without explicit freshness whose status is heuristically cacheable or which is
/// marked `public`.
pub(crate) fn heuristic_lifetime(c: &Checker<'_>, cc: &CacheControl) -> Option<Lifetime<'static>> {
    let status = c.status();
    let cacheable = crate::codes::get(status).is_some_and(|e| e.cacheable_by_default) || cc.has("public");
    if !cacheable {
        return None;
    }
    let (i, v) = match c.header("Last-Modified") {
        Presence::Present(i, v) => (i, v),
        _ => return None,
    };
    let lm = line_secs(c, i, v)?;
    let base = base_time(c)?;
    let since = u64::try_from(base.checked_sub(lm)?).ok()?;
    Some(Lifetime {
        secs: since / 10,
        source: LifetimeSource::Heuristic,
        field: "Last-Modified",
        index: Some(i),
    })
}

/// Whether the response carries a validator (`ETag` or `Last-Modified`); `None` when the
/// observer could not see `ETag` and there is no `Last-Modified`.
pub(crate) fn has_validator(c: &Checker<'_>) -> Option<bool> {
    let etag = c.header("ETag");
    let lm = c.header("Last-Modified");
    if matches!(etag, Presence::Present(..)) || matches!(lm, Presence::Present(..)) {
        return Some(true);
    }
    if matches!(etag, Presence::Hidden) || matches!(lm, Presence::Hidden) {
        return None;
    }
    Some(false)
}

/// Whether a cache could reuse a response to this request: true when the request is unknown
/// or its method is GET or HEAD.
#[inline]
pub(crate) fn cacheable_method(c: &Checker<'_>) -> bool {
    c.method().is_none_or(|m| m.eq_ignore_ascii_case("GET") || m.eq_ignore_ascii_case("HEAD"))
}

/// A lifetime with its source: `3600 s (1 h, `max-age=3600`)`, `30 s (`max-age=30`)`.
pub(crate) fn lifetime_text(l: &Lifetime) -> String {
    let mut out = String::with_capacity(48);
    push_lifetime(&mut out, l);
    out
}

/// Appends [`lifetime_text`].
pub(crate) fn push_lifetime(out: &mut String, l: &Lifetime) {
    push_seconds(out, l.secs);
    if l.secs < 60 {
        out.push_str(" s (");
    } else {
        out.push_str(" s (");
        push_human(out, l.secs);
        out.push_str(", ");
    }
    l.source.push_to(out);
    out.push(')');
}

fn push_seconds(out: &mut String, n: u64) {
    // 32-bit when it fits (nearly always: delta-seconds stop at 2^31): in wasm a 64-bit
    // division by a constant is a real division.
    match u32::try_from(n) {
        Ok(n) => out.push_str(itoa::Buffer::new().format(n)),
        Err(_) => out.push_str(itoa::Buffer::new().format(n)),
    }
}

/// A duration for people: `3600 s (1 h)`.
pub(crate) fn seconds_text(secs: u64) -> String {
    let mut out = String::with_capacity(24);
    push_seconds(&mut out, secs);
    out.push_str(" s");
    if secs >= 60 {
        out.push_str(" (");
        push_human(&mut out, secs);
        out.push(')');
    }
    out
}

/// The two largest units: `1 d 2 h`, `5 min`, `1 h 30 min`.
pub(crate) fn human(secs: u64) -> String {
    let mut out = String::with_capacity(16);
    push_human(&mut out, secs);
    out
}

/// Appends [`human`].
fn push_human(out: &mut String, secs: u64) {
    match u32::try_from(secs) {
        Ok(secs) => push_human_in(out, secs),
        Err(_) => push_human_in(out, secs),
    }
}

/// [`push_human`] in the narrowest integer type that holds the duration (see [`push_seconds`]).
fn push_human_in<T>(out: &mut String, secs: T)
where
    T: Copy + PartialOrd + std::ops::Div<Output = T> + std::ops::RemAssign + From<u32> + Into<u64>,
{
    let units = [(365 * 86_400, "y"), (86_400, "d"), (3600, "h"), (60, "min"), (1, "s")].map(|(n, u)| (T::from(n), u));
    let mut parts = 0;
    let mut rest = secs;
    for (size, name) in units {
        if rest >= size {
            if parts > 0 {
                out.push(' ');
            }
            push_seconds(out, (rest / size).into());
            out.push(' ');
            out.push_str(name);
            parts += 1;
            rest %= size;
        } else if parts > 0 {
            // Keep only adjacent units: `1 d 2 h`, not `1 d 5 s`.
            break;
        }
        if parts == 2 {
            break;
        }
    }
    if parts == 0 {
        out.push_str("0 s");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Headers;

    #[test]
    fn delta_seconds_saturate() {
        assert_eq!(delta_seconds("60"), Some(60));
        assert_eq!(delta_seconds("99999999999999999999999"), Some(DELTA_SECONDS_CAP));
        assert_eq!(delta_seconds("-1"), None);
        assert_eq!(delta_seconds(""), None);
    }

    #[test]
    fn members_parse() {
        let h = Headers::new().with("Cache-Control", "Max-Age=\"60\", private=\"Set-Cookie, X\", no-store");
        let cc = CacheControl::from_lines(h.all("cache-control"));
        assert_eq!(cc.seconds("max-age"), Some(60));
        assert!(cc.get("max-age").unwrap().quoted);
        assert!(cc.qualified_names("private", "set-cookie"));
        assert!(!cc.has_unqualified("private"));
        assert!(cc.has_unqualified("no-store"));
        let h = Headers::new().with("Cache-Control", "max-age=\"6");
        let bad = CacheControl::from_lines(h.all("Cache-Control"));
        assert!(bad.get("max-age").unwrap().bad_quote);
        let h = Headers::new().with("Cache-Control", r#"No-Cache="a\"b\\c", x="" , y="z\"#);
        let cc = CacheControl::from_lines(h.all("Cache-Control"));
        assert_eq!(cc.get("no-cache").unwrap().arg.as_deref(), Some(r#"a"b\c"#));
        assert!(!cc.get("no-cache").unwrap().bad_quote);
        assert_eq!(cc.get("x").unwrap().arg.as_deref(), Some(""));
        assert_eq!(cc.get("y").unwrap().arg.as_deref(), Some("z"));
        assert!(cc.get("y").unwrap().bad_quote);
    }

    #[test]
    fn durations() {
        assert_eq!(human(3600), "1 h");
        assert_eq!(human(5400), "1 h 30 min");
        assert_eq!(human(86_400 + 5), "1 d");
        assert_eq!(human(31_536_000), "1 y");
        assert_eq!(seconds_text(30), "30 s");
        // Past 32 bits the same text, in 64-bit arithmetic.
        assert_eq!(seconds_text(u64::from(u32::MAX)), "4294967295 s (136 y 70 d)");
        assert_eq!(seconds_text(u64::from(u32::MAX) + 86_400), "4295053695 s (136 y 71 d)");
        assert_eq!(human(u64::MAX), "584942417355 y 26 d");
    }
}
