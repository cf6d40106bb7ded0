//! The rule registry: what a rule is, what a finding is, and the one table that wires codes to
//! checks. Docs pages, `statuslab explain RULE` and the app's rule pages all read [`RULES`].

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::model::{Exchange, Headers, LintContext, Request, Response};
use crate::spec::StaticSpec;

/// How bad a finding is. Policy (README, "Severity policy"):
/// *error* — the message breaks a MUST of a spec or will break clients;
/// *warning* — wrong or risky but tolerated (malformed but ignorable values, conflicting
/// directives, errors made cacheable); *info* — advice and explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Status,
    Headers,
    Caching,
    Cors,
    Redirects,
    Security,
    Cookies,
    Content,
}

impl Category {
    /// The code prefix of the category's rules.
    pub fn prefix(self) -> &'static str {
        match self {
            Category::Status => "STA",
            Category::Headers => "HDR",
            Category::Caching => "CAC",
            Category::Cors => "COR",
            Category::Redirects => "RED",
            Category::Security => "SEC",
            Category::Cookies => "COO",
            Category::Content => "CNT",
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Status => "status",
            Category::Headers => "headers",
            Category::Caching => "caching",
            Category::Cors => "cors",
            Category::Redirects => "redirects",
            Category::Security => "security",
            Category::Cookies => "cookies",
            Category::Content => "content",
        }
    }
}

/// A rule, declared once with [`declare_rule!`].
#[derive(Debug)]
pub struct Rule {
    /// Stable code: category prefix + three digits (`STA001`).
    pub code: &'static str,
    /// Kebab-case name of the problem (`unauthorized-without-challenge`).
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// One line.
    pub summary: &'static str,
    pub specs: &'static [StaticSpec],
    /// Markdown with the headings *What it checks*, *Why it matters*, *Example*, *Fix*.
    pub docs: &'static str,
    /// Response fields without which the check never reports: when the response carries none
    /// of them, [`lint`] skips the rule without calling it (one mask test instead of a call).
    /// Empty: the rule always runs. Held by tests: `fixtures.rs` (every fixture and corpus message
    /// without those fields draws nothing from the rule) and `robustness.rs` (`lint` equals running
    /// every rule unconditionally on generated exchanges).
    pub requires: &'static [&'static str],
    /// The response statuses the rule is about: for any other, [`lint`] skips it without
    /// calling it. Held by tests like `requires` (`fixtures.rs`: every fixture and corpus
    /// message under every other status draws nothing from the rule; `robustness.rs`).
    pub statuses: Statuses,
    /// The request methods the rule is about (compared exactly: methods are case-sensitive,
    /// RFC 9110 §9.1): when the request is unknown or has another method, [`lint`] skips it
    /// without calling it. Empty: any exchange. Held by tests like `statuses` (`fixtures.rs`:
    /// every fixture and corpus exchange under every other method, and without its request,
    /// draws nothing from the rule; `robustness.rs`).
    pub methods: &'static [&'static str],
    pub check: fn(&mut Checker<'_>),
}

/// Which response statuses a rule applies to ([`Rule::statuses`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Statuses {
    Any,
    /// These codes.
    Codes(&'static [u16]),
    /// `from..=to`.
    Range(u16, u16),
}

impl Statuses {
    /// `401`, `429 or 503`, `400–599`; `None` for any status.
    pub fn describe(self) -> Option<String> {
        match self {
            Statuses::Any => None,
            Statuses::Codes(codes) => {
                let mut s = String::new();
                push_alternatives(&mut s, codes, "");
                Some(s)
            }
            Statuses::Range(from, to) => Some(format!("{from}–{to}")),
        }
    }
    pub fn admits(self, status: u16) -> bool {
        match self {
            Statuses::Any => true,
            Statuses::Codes(codes) => codes.contains(&status),
            Statuses::Range(from, to) => (from..=to).contains(&status),
        }
    }
}

impl Rule {
    /// When the rule can report at all, from its `statuses` and `requires` declarations:
    /// "401 responses", "responses with `Sunset`", "400–599 responses with `Cache-Control`".
    /// `None` for a rule that looks at every response.
    pub fn applies_to(&self) -> Option<String> {
        let statuses = self.statuses.describe();
        if statuses.is_none() && self.requires.is_empty() && self.methods.is_empty() {
            return None;
        }
        let mut s = match statuses {
            Some(st) => format!("{st} responses"),
            None => "responses".to_string(),
        };
        if !self.requires.is_empty() {
            s.push_str(" with ");
            push_alternatives(&mut s, self.requires, "`");
        }
        if !self.methods.is_empty() {
            s.push_str(" to ");
            push_alternatives(&mut s, self.methods, "`");
            s.push_str(" requests");
        }
        Some(s)
    }
    /// The docs with the one leading space of each doc-comment line removed.
    pub fn docs_markdown(&self) -> String {
        self.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
    /// The text under `## {heading}` in the docs.
    pub fn docs_section(&self, heading: &str) -> Option<String> {
        let md = self.docs_markdown();
        let marker = format!("## {heading}");
        let start = md.find(&marker)? + marker.len();
        let rest = &md[start..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        Some(rest[..end].trim().to_string())
    }
}

/// Appends "A", "A or B", "A, B or C", each item between `quote`s.
fn push_alternatives(s: &mut String, items: &[impl std::fmt::Display], quote: &str) {
    use std::fmt::Write;
    for (i, item) in items.iter().enumerate() {
        let sep = match i {
            0 => "",
            _ if i + 1 == items.len() => " or ",
            _ => ", ",
        };
        let _ = write!(s, "{sep}{quote}{item}{quote}");
    }
}

/// Declares a rule: doc comment (the docs) + metadata + check function, in one place.
#[macro_export]
macro_rules! declare_rule {
    (@requires) => { &[] };
    (@requires $req:expr) => { $req };
    (@statuses) => { $crate::registry::Statuses::Any };
    (@statuses $kind:ident($($arg:tt)*)) => { $crate::registry::Statuses::$kind($($arg)*) };
    (@methods) => { &[] };
    (@methods $m:expr) => { $m };
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = {
            code: $code:literal,
            name: $name:literal,
            category: $cat:ident,
            severity: $sev:ident,
            summary: $summary:literal,
            specs: [$($spec:expr),* $(,)?],
            $(methods: $methods:expr,)?
            $(statuses: $kind:ident($($st:tt)*),)?
            $(requires: $req:expr,)?
            check: $check:path $(,)?
        }
    ) => {
        $vis static $ident: $crate::registry::Rule = $crate::registry::Rule {
            code: $code,
            name: $name,
            category: $crate::registry::Category::$cat,
            severity: $crate::registry::Severity::$sev,
            summary: $summary,
            specs: &[$($spec),*],
            // Without the `docs` feature (the wasm app) the docs are left out of the binary;
            // the app reads them from the server's `/api/rules`.
            docs: if cfg!(feature = "docs") { concat!($($doc, "\n"),*) } else { "" },
            requires: $crate::declare_rule!(@requires $($req)?),
            statuses: $crate::declare_rule!(@statuses $($kind($($st)*))?),
            methods: $crate::declare_rule!(@methods $($methods)?),
            check: $check,
        };
    };
}

/// What a finding is about: where the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Target {
    StatusLine,
    /// A response header line; `index` is its position in the header list, `None` when the
    /// finding is about the field's absence.
    Header { name: Cow<'static, str>, index: Option<usize> },
    Body,
    Request,
    RequestHeader { name: Cow<'static, str>, index: Option<usize> },
}

/// One problem found in an exchange.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    #[serde(skip)]
    pub rule: &'static Rule,
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    pub message: String,
    pub target: Target,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Cow<'static, str>>,
    /// The rule's spec references, as links (built once per rule, shared by its findings).
    pub spec: &'static [SpecLink],
}

/// What a rule may give as a finding's fix: text built for the finding (`String`), a fixed
/// sentence (`&'static str`, kept without a copy), or `None`.
pub trait IntoFix {
    fn into_fix(self) -> Option<Cow<'static, str>>;
}

impl IntoFix for String {
    fn into_fix(self) -> Option<Cow<'static, str>> {
        Some(Cow::Owned(self))
    }
}

impl IntoFix for &'static str {
    fn into_fix(self) -> Option<Cow<'static, str>> {
        Some(Cow::Borrowed(self))
    }
}

impl IntoFix for Cow<'static, str> {
    fn into_fix(self) -> Option<Cow<'static, str>> {
        Some(self)
    }
}

impl IntoFix for Option<String> {
    fn into_fix(self) -> Option<Cow<'static, str>> {
        self.map(Cow::Owned)
    }
}

/// A spec reference resolved to a label and a URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecLink {
    pub label: String,
    pub url: String,
}

impl Rule {
    pub fn spec_links(&self) -> Vec<SpecLink> {
        self.specs.iter().map(|s| SpecLink { label: s.label(), url: s.url() }).collect()
    }
}

/// Whether a response header is there, absent, or invisible to the observer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence<'a> {
    Present(usize, &'a str),
    Absent,
    /// The observer could not have seen it (CORS filtering, opaque response).
    Hidden,
}

/// The response's field names, keyed once per lint so that a rule looking for a field the
/// response does not carry (most lookups) is answered without comparing names.
struct HeaderIndex {
    /// [`name_key`] of each line's name, in line order: in `inline` for a header section of up
    /// to [`INLINE_KEYS`] lines (no allocation per lint), else in `spilled`.
    inline: [u32; INLINE_KEYS],
    spilled: Vec<u32>,
    lines: usize,
    /// One bit per key present ([`key_bit`]).
    mask: u64,
    /// One bit per key present on more than one line.
    repeated: u64,
    /// Per bit: the first line and one past the last line whose key has that bit (only read for
    /// bits in `mask`), so a lookup scans from the field's first line to its last, not the whole
    /// header section.
    span: [(u32, u32); 64],
}

/// How many lines' keys [`HeaderIndex`] holds in place.
const INLINE_KEYS: usize = 48;

impl HeaderIndex {
    fn new(headers: &Headers) -> Self {
        let lines = headers.0.len();
        let mut inline = [0; INLINE_KEYS];
        let spilled: Vec<u32> = if lines <= INLINE_KEYS {
            for (slot, (n, _)) in inline.iter_mut().zip(&headers.0) {
                *slot = name_key(n);
            }
            Vec::new()
        } else {
            headers.0.iter().map(|(n, _)| name_key(n)).collect()
        };
        let keys = if lines <= INLINE_KEYS { &inline[..lines] } else { &spilled[..] };
        let (mut mask, mut repeated) = (0, 0);
        let mut span = [(0, 0); 64];
        for (i, &k) in keys.iter().enumerate() {
            let (slot, bit) = (key_slot(k), key_bit(k));
            let at = u32::try_from(i).unwrap_or(u32::MAX - 1);
            // A bit already set means a repeated name, or two different keys sharing a bit:
            // comparing the keys tells which.
            if mask & bit != 0 {
                if keys[..i].contains(&k) {
                    repeated |= bit;
                }
                span[slot].1 = at + 1;
            } else {
                span[slot] = (at, at + 1);
            }
            mask |= bit;
        }
        HeaderIndex { inline, spilled, lines, mask, repeated, span }
    }

    fn keys(&self) -> &[u32] {
        if self.lines <= INLINE_KEYS {
            &self.inline[..self.lines]
        } else {
            &self.spilled
        }
    }
}

/// The lines of one field ([`Checker::header_lines`]): a plain struct rather than iterator
/// adapters, so that its `next` inlines whole into each rule and a literal name is compared as a
/// constant.
pub struct HeaderLines<'a, 'n> {
    headers: &'a [(String, String)],
    keys: &'a [u32],
    key: u32,
    name: &'n str,
    at: usize,
    to: usize,
}

impl<'a> Iterator for HeaderLines<'a, '_> {
    type Item = (usize, &'a str);
    #[inline(always)]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        while self.at < self.to {
            let i = self.at;
            self.at += 1;
            if self.keys[i] != self.key {
                continue;
            }
            let (n, v) = &self.headers[i];
            // Names usually arrive in the same case as asked for: the exact comparison is cheaper.
            if n == self.name || n.eq_ignore_ascii_case(self.name) {
                return Some((i, v.as_str()));
            }
        }
        None
    }
}

/// A cheap case-insensitive summary of a field name: its length (up to 255), its first and last
/// octets, and a mix of its middle and next-to-last octets, ASCII-lowercased. Equal names have
/// equal keys; the converse is checked by comparing names. The mixed octet tells apart the
/// required fields that share length and ends (`Access-Control-Allow-Methods` / `-Headers`,
/// `Cross-Origin-Embedder-Policy` / `-Resource-Policy`, `X-XSS-Protection` /
/// `X-AspNet-Version`), so the rule gates of [`Plans`] keyed by it are exact for them.
#[inline(always)]
const fn name_key(name: &str) -> u32 {
    let b = name.as_bytes();
    let n = b.len();
    if n == 0 {
        return 0;
    }
    let (first, last, middle) = (b[0].to_ascii_lowercase() as u32, b[n - 1].to_ascii_lowercase() as u32, b[n / 2].to_ascii_lowercase() as u32);
    let before_last = if n > 1 { b[n - 2].to_ascii_lowercase() as u32 } else { 0 };
    let len = if n > 0xff { 0xff } else { n as u32 };
    len << 24 | first << 16 | ((middle ^ before_last << 2) & 0xff) << 8 | last
}

/// Field names with their [`name_key`]s, made at compile time (`const F: NameSet<N> =
/// name_set([...])`) for [`Checker::lines_named`].
pub(crate) struct NameSet<const N: usize> {
    names: [&'static str; N],
    keys: [u32; N],
}

pub(crate) const fn name_set<const N: usize>(names: [&'static str; N]) -> NameSet<N> {
    let mut keys = [0; N];
    let mut i = 0;
    while i < N {
        keys[i] = name_key(names[i]);
        i += 1;
    }
    NameSet { names, keys }
}

/// The key's bit in [`HeaderIndex::mask`] (Fibonacci hashing onto 64 bits).
#[inline(always)]
const fn key_bit(key: u32) -> u64 {
    1 << key_slot(key)
}

/// The key's position in [`HeaderIndex::mask`] and [`HeaderIndex::span`] (0..64).
#[inline(always)]
const fn key_slot(key: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9) >> 26) as usize
}

/// Values parsed once per lint and shared by every rule that needs them (`Cache-Control`
/// directives, the media type, `Set-Cookie` lines …), so 200 rules do not parse the same field
/// 200 times. One lazily filled slot per value; parsed views may borrow from the exchange.
#[derive(Default)]
pub(crate) struct Memo<'a> {
    pub cache_control: OnceCell<Option<crate::rules::caching::CacheControl<'a>>>,
    /// The explicit freshness lifetimes (private cache, shared cache).
    pub lifetimes: OnceCell<[Option<crate::rules::caching::Lifetime<'a>>; 2]>,
    #[allow(clippy::type_complexity)]
    pub content_types:
        OnceCell<Vec<(usize, &'a str, Result<crate::rules::headers::syntax::MediaType<'a>, crate::rules::headers::syntax::MediaTypeError>)>>,
    pub response_mime: OnceCell<Option<(usize, crate::rules::content::media::MimeType<'a>)>>,
    pub set_cookies: OnceCell<Option<Vec<crate::rules::cookies::parse::SetCookie<'a>>>>,
    pub request_scheme_host: OnceCell<Option<(Cow<'a, str>, Cow<'a, str>)>>,
    pub cors_origin: OnceCell<Option<&'a str>>,
    pub single_allow_origin: OnceCell<Option<(usize, &'a str)>>,
    /// [`is_plain_origin`](crate::rules::cors::is_plain_origin) of that value.
    pub plain_allow_origin: OnceCell<bool>,
    pub plain_body: OnceCell<Option<&'a [u8]>>,
    pub vary_members: OnceCell<Vec<(usize, &'a str)>>,
    /// `Connection` options, lowercased, with their line indexes.
    pub connection_options: OnceCell<Vec<(usize, Cow<'a, str>)>>,
    pub content_length_members: OnceCell<Vec<crate::rules::headers::syntax::LengthMember<'a>>>,
    pub response_date: OnceCell<Option<i64>>,
    /// `headers::syntax::line_date`: (line index, its date), for the first few date lines.
    pub line_dates: RefCell<smallvec::SmallVec<[(usize, crate::rules::headers::syntax::DateForm); 6]>>,
    pub hsts: OnceCell<Result<crate::rules::security::hsts::Sts, String>>,
    pub csp: OnceCell<Vec<crate::rules::security::csp::Policy<'a>>>,
    pub csp_report_only: OnceCell<Vec<crate::rules::security::csp::Policy<'a>>>,
    pub json_body: OnceCell<Option<crate::rules::content::json::JsonCheck>>,
    /// The legacy `Report-To` field, parsed (`security::invalid_report_to`).
    pub report_to: OnceCell<Option<crate::rules::security::invalid_report_to::ReportTo>>,
    /// Every `Link` line with its links (`headers::invalid_link`).
    pub links: OnceCell<Vec<crate::rules::headers::invalid_link::LinkLine<'a>>>,
    /// A one-line `Permissions-Policy`, parsed (`security::ineffective_permissions_policy_allowlist`).
    #[allow(clippy::type_complexity)]
    pub permissions_policy:
        OnceCell<Option<Result<Vec<crate::rules::security::ineffective_permissions_policy_allowlist::Feature<'a>>, sfv::Error>>>,
    /// `Content-Digest` and `Repr-Digest` (`headers::digest`).
    pub digest_fields: OnceCell<[Option<crate::rules::headers::digest::DigestField<'a>>; 2]>,
}

/// Handed to each rule's check: the exchange, the context, and where to report.
pub struct Checker<'a> {
    pub exchange: &'a Exchange,
    pub context: &'a LintContext,
    rule: &'static Rule,
    /// The rule's spec links, shared by its findings.
    spec: &'static [SpecLink],
    out: &'a RefCell<Vec<Finding>>,
    memo: &'a Memo<'a>,
    index: &'a HeaderIndex,
    /// `index.keys()`, looked up once.
    keys: &'a [u32],
}

impl<'a> Checker<'a> {
    /// The rule being run.
    pub(crate) fn rule(&self) -> &'static Rule {
        self.rule
    }
    /// The values parsed once per lint.
    pub(crate) fn memo(&self) -> &'a Memo<'a> {
        self.memo
    }

    pub fn response(&self) -> &'a Response {
        &self.exchange.response
    }
    pub fn request(&self) -> Option<&'a Request> {
        self.exchange.request.as_ref()
    }
    pub fn status(&self) -> u16 {
        self.exchange.response.status
    }
    /// The request method, when the request is known.
    pub fn method(&self) -> Option<&'a str> {
        self.request().map(|r| r.method.as_str())
    }
    /// Every (index, value) of the response field `name`, in order (like
    /// [`Headers::all`](crate::Headers::all), through the per-lint name index).
    ///
    /// Inlined, so that for a literal `name` the key and its bit are constants and asking for an
    /// absent field (most lookups) costs one load and one test.
    #[inline(always)]
    pub fn header_lines<'n>(&self, name: &'n str) -> HeaderLines<'a, 'n> {
        self.lines_keyed(name, name_key(name))
    }
    /// [`Checker::header_lines`] for a name whose [`name_key`] is already known.
    #[inline(always)]
    fn lines_keyed<'n>(&self, name: &'n str, key: u32) -> HeaderLines<'a, 'n> {
        let index = self.index;
        let (from, to) = if index.mask & key_bit(key) != 0 { index.span[key_slot(key)] } else { (0, 0) };
        HeaderLines { headers: &self.exchange.response.headers.0, keys: self.keys, key, name, at: from as usize, to: to as usize }
    }
    /// Every (index, name as in `set`, value) of the response whose name is one of `set`'s, in
    /// line order. Asks the name index once per name (a field the response does not carry,
    /// the usual answer, costs one test), so a rule about a few dozen rare fields does not read
    /// every line.
    pub(crate) fn lines_named<const N: usize>(&self, set: &NameSet<N>) -> Vec<(usize, &'static str, &'a str)> {
        let mut out = Vec::new();
        for (&name, &key) in set.names.iter().zip(&set.keys) {
            // Most names of the set are absent: skip them before building an iterator.
            if self.index.mask & key_bit(key) != 0 {
                out.extend(self.lines_keyed(name, key).map(|(i, v)| (i, name, v)));
            }
        }
        out.sort_unstable_by_key(|&(i, _, _)| i);
        out
    }
    /// The first value of the response field `name`.
    #[inline(always)]
    pub fn header_value(&self, name: &str) -> Option<&'a str> {
        self.header_lines(name).next().map(|(_, v)| v)
    }
    /// Whether any field name appears on more than one line (most responses: none).
    pub fn any_header_repeated(&self) -> bool {
        self.index.repeated != 0
    }
    /// Whether the response carries the field `name` on more than one line.
    #[inline(always)]
    pub fn header_repeated(&self, name: &str) -> bool {
        self.index.repeated & key_bit(name_key(name)) != 0 && self.header_lines(name).nth(1).is_some()
    }
    /// Whether the response carries the field `name`.
    #[inline(always)]
    pub fn has_header(&self, name: &str) -> bool {
        self.header_lines(name).next().is_some()
    }
    /// All lines of the response field `name` joined as one list (like
    /// [`Headers::combined`](crate::Headers::combined)); borrowed when there is one line.
    pub fn header_combined(&self, name: &str) -> Option<Cow<'a, str>> {
        let mut lines = self.header_lines(name);
        let (_, first) = lines.next()?;
        match lines.next() {
            None => Some(Cow::Borrowed(first)),
            Some((_, second)) => {
                let mut all = vec![first, second];
                all.extend(lines.map(|(_, v)| v));
                Some(Cow::Owned(all.join(", ")))
            }
        }
    }
    /// The list members of every line of the response field `name`, borrowed.
    pub fn header_members<'n>(&self, name: &'n str) -> impl Iterator<Item = &'a str> + use<'a, 'n> {
        self.header_lines(name).flat_map(|(_, v)| crate::model::list_members(v))
    }

    #[inline(always)]
    pub fn header(&self, name: &str) -> Presence<'a> {
        let r = self.response();
        match self.header_lines(name).next() {
            Some((i, v)) => Presence::Present(i, v),
            None if r.visibility.can_see(name) => Presence::Absent,
            None => Presence::Hidden,
        }
    }

    /// Reports a finding at the rule's default severity.
    pub fn report(&mut self, target: Target, message: impl Into<String>, fix: impl IntoFix) {
        let sev = self.rule.severity;
        self.report_with(sev, target, message, fix);
    }

    pub fn report_with(
        &mut self,
        severity: Severity,
        target: Target,
        message: impl Into<String>,
        fix: impl IntoFix,
    ) {
        self.out.borrow_mut().push(Finding {
            rule: self.rule,
            code: self.rule.code,
            name: self.rule.name,
            category: self.rule.category,
            severity,
            message: message.into(),
            target,
            fix: fix.into_fix(),
            spec: self.spec,
        });
    }

    /// For rules about a header that must be present: reports its absence, or — when the
    /// observer could not see it — says so at `info` instead of guessing.
    pub fn require_header(&mut self, name: &'static str, message: impl Into<String>, fix: impl IntoFix) {
        match self.header(name) {
            Presence::Present(..) => {}
            Presence::Absent => self.report(Target::Header { name: name.into(), index: None }, message, fix),
            Presence::Hidden => self.report_with(
                Severity::Info,
                Target::Header { name: name.into(), index: None },
                format!(
                    "`{name}` could not be checked: this page cannot see it (a cross-origin response exposes only CORS-safelisted headers and those named in `Access-Control-Expose-Headers`)."
                ),
                None,
            ),
        }
    }
}

/// Per rule, in [`RULES`](crate::rules::RULES) order: its spec links (built once, so a finding
/// only borrows them).
static TABLE: LazyLock<Vec<Box<[SpecLink]>>> =
    LazyLock::new(|| crate::rules::RULES.iter().map(|r| r.spec_links().into_boxed_slice()).collect());

/// log2 of the slots in [`Plans::gates`]: several times the number of distinct [`name_key`]s
/// of required fields (about 150), so that most probes end at the first slot.
const GATE_BITS: u32 = 9;
const GATE_SLOTS: usize = 1 << GATE_BITS;
/// An unused slot of [`Plans::gates`].
const NO_GATE: u16 = u16::MAX;

/// Where a [`name_key`] starts its probe in [`Plans::gates`].
#[inline(always)]
const fn gate_slot(key: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9) >> (32 - GATE_BITS)) as usize
}

/// How many 64-bit words a set of rules takes ([`RuleSet`]): room for 320 rules.
const WORDS: usize = 5;

/// A set of rules: one bit per position in [`RULES`](crate::rules::RULES).
type RuleSet = [u64; WORDS];

/// What `lint` needs to pick the rules to call for one exchange without visiting the others:
/// sets of rules (bits by position in [`RULES`](crate::rules::RULES)) per response status, per
/// [`name_key`] of their [`Rule::requires`] fields, and the few with [`Rule::methods`].
struct Plans {
    /// Status `0..LOOKUP` → its set in `plans`.
    by_status: Box<[u8]>,
    /// The set of statuses from `LOOKUP` on.
    high: u8,
    /// The rules whose [`Rule::statuses`] admit a status: statuses the declarations do not tell
    /// apart share one.
    plans: Vec<RuleSet>,
    /// The rules that require no field (they always run).
    always: RuleSet,
    /// An open-addressing table (linear probing from [`gate_slot`]) from the [`name_key`] of
    /// each required field to its set in `gate_sets`: the rules requiring a field with that key.
    /// Keyed exactly, so a rule runs needlessly only when another name shares its field's
    /// length and first and last letters (none of the required names does; the usual fields
    /// rarely do).
    gates: Box<[(u32, u16); GATE_SLOTS]>,
    gate_sets: Vec<RuleSet>,
    /// The rules about some request methods only, with those methods.
    with_methods: Box<[(usize, &'static [&'static str])]>,
    /// Per rule, in [`RULES`](crate::rules::RULES) order: what a call needs.
    steps: Box<[(&'static Rule, &'static [SpecLink])]>,
}

const LOOKUP: usize = 1000;

static PLANS: LazyLock<Plans> = LazyLock::new(|| {
    let (rules, table) = (&*crate::rules::RULES, &*TABLE);
    assert!(rules.len() <= WORDS * 64, "more rules than `RuleSet` holds: raise `WORDS`");
    let set = |i: usize, s: &mut RuleSet| s[i / 64] |= 1 << (i % 64);
    let mut plans: Vec<RuleSet> = Vec::new();
    let mut seen: std::collections::HashMap<RuleSet, u8> = std::collections::HashMap::new();
    // Only the rules declaring statuses are asked about each, so the first lint stays cheap.
    let mut any = [0; WORDS];
    let mut declaring = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        if r.statuses == Statuses::Any {
            set(i, &mut any);
        } else {
            declaring.push((i, r.statuses));
        }
    }
    let mut plan_of = |status: u16| -> u8 {
        let mut bits = any;
        for &(i, statuses) in &declaring {
            if statuses.admits(status) {
                set(i, &mut bits);
            }
        }
        *seen.entry(bits).or_insert_with(|| {
            plans.push(bits);
            u8::try_from(plans.len() - 1).expect("fewer than 256 distinct status plans")
        })
    };
    let by_status = (0..LOOKUP as u16).map(&mut plan_of).collect();
    // No declaration names a status from `LOOKUP` on (`rules_declare_statuses_below_the_lookup`).
    let high = plan_of(u16::MAX);
    let mut always = [0; WORDS];
    let mut gates = Box::new([(0, NO_GATE); GATE_SLOTS]);
    let mut gate_sets: Vec<RuleSet> = Vec::new();
    for (i, r) in rules.iter().enumerate() {
        if r.requires.is_empty() {
            set(i, &mut always);
        }
        for name in r.requires {
            let key = name_key(name);
            let mut slot = gate_slot(key);
            while gates[slot].1 != NO_GATE && gates[slot].0 != key {
                slot = (slot + 1) % GATE_SLOTS;
            }
            if gates[slot].1 == NO_GATE {
                gates[slot] = (key, u16::try_from(gate_sets.len()).expect("fewer than 65535 required field names"));
                gate_sets.push([0; WORDS]);
            }
            set(i, &mut gate_sets[usize::from(gates[slot].1)]);
        }
    }
    assert!(gate_sets.len() * 2 <= GATE_SLOTS, "required field names fill half of `Plans::gates`: raise `GATE_BITS`");
    let with_methods = rules.iter().enumerate().filter(|(_, r)| !r.methods.is_empty()).map(|(i, r)| (i, r.methods)).collect();
    let steps = rules.iter().zip(table.iter()).map(|(r, spec)| (*r, &spec[..])).collect();
    Plans { by_status, high, plans, always, gates, gate_sets, with_methods, steps }
});

impl Plans {
    fn for_status(&self, status: u16) -> &RuleSet {
        let plan = self.by_status.get(usize::from(status)).copied().unwrap_or(self.high);
        &self.plans[usize::from(plan)]
    }

    /// The rules to call on an exchange: those about its status and its request method (when
    /// known) that require no field, or one the response has (`keys`: its lines' [`name_key`]s)
    /// — a name sharing a required field's key may let a rule run needlessly, never skip it
    /// wrongly.
    fn to_run(&self, status: u16, method: Option<&str>, keys: &[u32]) -> RuleSet {
        let mut present = [0; WORDS];
        for &key in keys {
            let mut slot = gate_slot(key);
            loop {
                let (k, set) = self.gates[slot];
                if set == NO_GATE {
                    break;
                }
                if k == key {
                    let s = &self.gate_sets[usize::from(set)];
                    for w in 0..WORDS {
                        present[w] |= s[w];
                    }
                    break;
                }
                slot = (slot + 1) % GATE_SLOTS;
            }
        }
        let plan = self.for_status(status);
        let mut run = [0; WORDS];
        for w in 0..WORDS {
            run[w] = plan[w] & (self.always[w] | present[w]);
        }
        // A rule about other request methods, or about a request we do not know.
        for &(i, methods) in &self.with_methods {
            if !method.is_some_and(|m| methods.contains(&m)) {
                run[i / 64] &= !(1 << (i % 64));
            }
        }
        run
    }
}

/// Runs every rule on the exchange. Findings come out errors first, then warnings, then info,
/// each group in rule-code order.
pub fn lint(exchange: &Exchange, context: &LintContext) -> Vec<Finding> {
    let out = RefCell::new(Vec::new());
    let memo = Memo::default();
    let index = HeaderIndex::new(&exchange.response.headers);
    let plans = &*PLANS;
    let method = exchange.request.as_ref().map(|r| r.method.as_str());
    let run = plans.to_run(exchange.response.status, method, index.keys());
    // One checker, re-aimed at each rule in turn, in code order.
    let (rule, spec) = plans.steps[0];
    let mut c = Checker { exchange, context, rule, spec, out: &out, memo: &memo, index: &index, keys: index.keys() };
    for (w, &bits) in run.iter().enumerate() {
        let mut bits = bits;
        while bits != 0 {
            let i = w * 64 + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let (rule, spec) = plans.steps[i];
            c.rule = rule;
            c.spec = spec;
            (rule.check)(&mut c);
        }
    }
    let mut out = out.into_inner();
    out.sort_by(|a, b| a.severity.cmp(&b.severity).then(a.code.cmp(b.code)));
    out
}

/// Runs one rule's check on the exchange, whatever its [`Rule::requires`] says (the tests hold
/// each rule to that claim with it).
///
/// # Panics
/// If `rule` is not one of [`RULES`](crate::rules::RULES).
pub fn run_rule(rule: &'static Rule, exchange: &Exchange, context: &LintContext) -> Vec<Finding> {
    let position = crate::rules::RULES.iter().position(|r| std::ptr::eq(*r, rule)).expect("a registered rule");
    let out = RefCell::new(Vec::new());
    let memo = Memo::default();
    let index = HeaderIndex::new(&exchange.response.headers);
    let mut c = Checker { exchange, context, rule, spec: &TABLE[position], out: &out, memo: &memo, index: &index, keys: index.keys() };
    (rule.check)(&mut c);
    out.into_inner()
}

/// Runs `f` with a checker over `exchange` outside any rule, for analyses that reuse the rules'
/// helpers (the cache view). Nothing it reports is kept.
pub(crate) fn with_checker<R>(exchange: &Exchange, context: &LintContext, f: impl FnOnce(&Checker<'_>) -> R) -> R {
    let out = RefCell::new(Vec::new());
    let memo = Memo::default();
    let index = HeaderIndex::new(&exchange.response.headers);
    let c = Checker { exchange, context, rule: crate::rules::RULES[0], spec: &TABLE[0], out: &out, memo: &memo, index: &index, keys: index.keys() };
    f(&c)
}

/// Looks a rule up by code (`STA001`, case-insensitive) or name.
pub fn find_rule(key: &str) -> Option<&'static Rule> {
    crate::rules::RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name.eq_ignore_ascii_case(key))
}

#[cfg(test)]
mod tests {
    use crate::model::{Exchange, Headers, LintContext, Response};

    /// The index answers exactly what a scan of every line answers: repeated names, other cases,
    /// names sharing a key or a bit, absent names.
    #[test]
    fn what_a_rule_applies_to() {
        let by_code = |st: super::Statuses| crate::RULES.iter().find(|r| r.statuses == st && r.requires.is_empty()).map(|r| r.applies_to());
        assert_eq!(by_code(super::Statuses::Codes(&[401])), Some(Some("401 responses".into())));
        assert_eq!(by_code(super::Statuses::Codes(&[429, 503])), Some(Some("429 or 503 responses".into())));
        assert_eq!(by_code(super::Statuses::Codes(&[301, 302, 303, 307, 308])), Some(Some("301, 302, 303, 307 or 308 responses".into())));
        assert_eq!(by_code(super::Statuses::Range(400, 599)), Some(Some("400–599 responses".into())));
        let sts = crate::RULES.iter().find(|r| r.name == "invalid-strict-transport-security").unwrap();
        assert_eq!(sts.applies_to().as_deref(), Some("responses with `Strict-Transport-Security`"));
        let pins = crate::RULES.iter().find(|r| r.name == "obsolete-public-key-pins").unwrap();
        assert_eq!(pins.applies_to().as_deref(), Some("responses with `Public-Key-Pins` or `Public-Key-Pins-Report-Only`"));
        let server = crate::RULES.iter().find(|r| r.name == "server-version-disclosure").unwrap();
        assert_eq!(server.applies_to().as_deref(), Some("responses with `Server`, `X-Powered-By`, `X-AspNet-Version` or `X-AspNetMvc-Version`"));
        let missing = crate::RULES.iter().find(|r| r.name == "missing-nosniff").unwrap();
        assert_eq!(missing.applies_to(), None);
        let head = crate::RULES.iter().find(|r| r.name == "head-response-with-content").unwrap();
        assert_eq!(head.applies_to().as_deref(), Some("responses to `HEAD` requests"));
        let options = crate::RULES.iter().find(|r| r.name == "options-without-allow").unwrap();
        assert_eq!(options.applies_to().as_deref(), Some("200–299 responses to `OPTIONS` requests"));
    }

    /// The rule gates are keyed by `name_key`: no two required field names share a key, so a
    /// response carrying one never runs the rules of another (`Plans::gates` says so).
    #[test]
    fn required_field_names_have_distinct_keys() {
        let mut seen: std::collections::HashMap<u32, String> = std::collections::HashMap::new();
        for r in crate::RULES.iter() {
            for n in r.requires {
                let lower = n.to_ascii_lowercase();
                if let Some(other) = seen.insert(super::name_key(n), lower.clone()) {
                    assert_eq!(other, lower, "{other} and {lower} share a key");
                }
            }
        }
        assert!(seen.len() > 80, "{}", seen.len());
    }

    #[test]
    fn header_lookups_match_a_full_scan() {
        let names = [
            "Vary", "vary", "Via", "ETag", "Etag", "X-A", "x-a", "Age", "Date", "Set-Cookie", "set-cookie", "Content-Type",
            "Content-Range", "Cache-Control", "CDN-Cache-Control", "Link", "Lnk", "Allow", "a", "A", "",
        ];
        let mut rng = crate::testing::Rng(0x853c_49e6_748f_ea9b);
        for round in 0..300 {
            let mut headers = Headers::new();
            for _ in 0..(round % 40) {
                headers.push(names[rng.below(names.len())], "v");
            }
            let ex = Exchange { request: None, response: Response { headers, ..Response::new(200) } };
            super::with_checker(&ex, &LintContext::default(), |c| {
                for name in names.iter().chain(&["Server", "Content-Length"]) {
                    let indexed: Vec<usize> = c.header_lines(name).map(|(i, _)| i).collect();
                    let scanned: Vec<usize> = ex.response.headers.all(name).map(|(i, _)| i).collect();
                    assert_eq!(indexed, scanned, "{name:?} in {:?}", ex.response.headers);
                    assert_eq!(c.header_repeated(name), scanned.len() > 1, "{name:?}");
                }
                // A set's lines are exactly those with one of its names, in order, named as in the set.
                fn check_set<const N: usize>(c: &super::Checker<'_>, headers: &Headers, set: &super::NameSet<N>) {
                    let got = c.lines_named(set);
                    let want: Vec<(usize, &str, &str)> = headers
                        .iter()
                        .enumerate()
                        .filter_map(|(i, (n, v))| set.names.iter().find(|s| s.eq_ignore_ascii_case(n)).map(|s| (i, *s, v)))
                        .collect();
                    assert_eq!(got, want, "{:?} in {headers:?}", set.names);
                }
                check_set(c, &ex.response.headers, &super::name_set(["Vary", "Via", "ETag"]));
                check_set(c, &ex.response.headers, &super::name_set(["X-A", "Age", "Date", "Set-Cookie", "Content-Type", "Link"]));
                check_set(c, &ex.response.headers, &super::name_set(["Server", "Content-Length"]));
                check_set(c, &ex.response.headers, &super::name_set([]));
            });
        }
    }
}
