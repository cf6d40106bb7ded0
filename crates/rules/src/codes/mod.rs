//! The status-code knowledge base: every code in the IANA registry, plus widely seen unofficial
//! ones, with everything a person (the reference UI), the rules and the simulator need to know.
//!
//! The data lives in `data/codes/*.json` (one file per class), is embedded at compile time and
//! parsed once on first use. It is the single source of truth: the status rules read
//! `critical_headers` and `body`, the simulator sends the `critical_headers` it finds here.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::spec::SpecRef;

/// The class of a status code (RFC 9110 §15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum StatusClass {
    Informational,
    Successful,
    Redirection,
    ClientError,
    ServerError,
}

impl StatusClass {
    pub fn of(code: u16) -> Option<StatusClass> {
        Some(match code {
            100..=199 => StatusClass::Informational,
            200..=299 => StatusClass::Successful,
            300..=399 => StatusClass::Redirection,
            400..=499 => StatusClass::ClientError,
            500..=599 => StatusClass::ServerError,
            _ => return None,
        })
    }
    /// "1xx" … "5xx".
    pub fn digit_label(self) -> &'static str {
        match self {
            StatusClass::Informational => "1xx",
            StatusClass::Successful => "2xx",
            StatusClass::Redirection => "3xx",
            StatusClass::ClientError => "4xx",
            StatusClass::ServerError => "5xx",
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            StatusClass::Informational => "Informational",
            StatusClass::Successful => "Successful",
            StatusClass::Redirection => "Redirection",
            StatusClass::ClientError => "Client error",
            StatusClass::ServerError => "Server error",
        }
    }
}

/// Where the code stands in the IANA registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegistryStatus {
    /// Registered and current.
    Permanent,
    /// A temporary (provisional) registration, e.g. for an Internet-Draft.
    Provisional,
    /// Registered but deprecated (305 Use Proxy).
    Deprecated,
    /// Reserved, "(Unused)" (306, 418).
    Unused,
    /// Defined by a specification moved to Historic (510).
    Obsolete,
    /// Not in the registry: a vendor's or server's own code (nginx 499, Cloudflare 52x …).
    Unofficial,
}

/// How strongly a header belongs to a status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Requirement {
    /// A MUST of the spec: without it the response is broken.
    Required,
    /// A SHOULD, or what clients rely on in practice.
    Expected,
    /// Only under a condition (named in `when`).
    Conditional,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriticalHeader {
    /// Canonical field name, e.g. `WWW-Authenticate`.
    pub name: String,
    pub requirement: Requirement,
    /// For `conditional`: the condition in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// A correct example value (the simulator sends it, unless it computes one per request).
    pub example: String,
    /// What breaks when it is missing.
    pub missing: String,
    pub spec: SpecRef,
}

/// Whether the response may carry content (RFC 9110 §6.4.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyRule {
    /// Never has content (1xx, 204, 304; 205 must have none).
    None,
    /// May have content.
    Allowed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Misuse {
    pub misuse: String,
    pub consequence: String,
}

/// Retry guidance for a client that received this code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RetryPolicy {
    /// Not an error: nothing to retry.
    #[default]
    NotApplicable,
    /// Do not retry the same request unchanged.
    No,
    /// Retry after changing the request (credentials, body, headers …).
    AfterChange,
    /// Retry after waiting (`Retry-After` or backoff), idempotent requests freely.
    AfterDelay,
    /// Retry with exponential backoff, only idempotent requests unless the server says otherwise.
    Backoff,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Retry {
    pub policy: RetryPolicy,
    pub advice: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Monitoring {
    /// `up`, `down`, `degraded` or `depends`.
    pub classification: String,
    pub note: String,
}

/// How each kind of client treats the code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Clients {
    pub browsers: String,
    pub api_clients: String,
    pub crawlers: String,
    pub monitors: String,
    pub cdns: String,
}

/// A framework snippet: code that sends the status with its critical headers, or the reason
/// why the framework cannot or should not send it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Snippet {
    Code { code: String },
    NotApplicable { not_applicable: String },
}

impl Default for Snippet {
    fn default() -> Self {
        Snippet::NotApplicable { not_applicable: String::new() }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snippets {
    pub express: Snippet,
    pub django_rest_framework: Snippet,
    pub fastapi: Snippet,
    pub spring_boot: Snippet,
    pub go_net_http: Snippet,
    pub axum: Snippet,
}

impl Snippets {
    /// (display name, language for highlighting, snippet)
    pub fn iter(&self) -> [(&'static str, &'static str, &Snippet); 6] {
        [
            ("Express", "javascript", &self.express),
            ("Django REST Framework", "python", &self.django_rest_framework),
            ("FastAPI", "python", &self.fastapi),
            ("Spring Boot", "java", &self.spring_boot),
            ("Go net/http", "go", &self.go_net_http),
            ("Rust axum", "rust", &self.axum),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Faq {
    pub q: String,
    pub a: String,
}

/// One status code's entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusEntry {
    pub code: u16,
    /// The registry's reason phrase (RFC 9110 names: 413 "Content Too Large" …).
    pub reason: String,
    pub registry_status: RegistryStatus,
    /// For provisional/unofficial/obsolete codes: the state in words (expiry, which vendor …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry_note: Option<String>,
    /// The defining specification (or the vendor documentation for unofficial codes).
    pub spec: SpecRef,
    /// One paragraph.
    #[serde(default)]
    pub meaning: String,
    #[serde(default)]
    pub guarantees: Vec<String>,
    #[serde(default)]
    pub not_guaranteed: Vec<String>,
    #[serde(default)]
    pub when_to_use: Vec<String>,
    #[serde(default)]
    pub misuses: Vec<Misuse>,
    pub critical_headers: Vec<CriticalHeader>,
    pub body: BodyRule,
    /// Heuristically cacheable by default (RFC 9110 §15.1, RFC 9111 §4.2.2).
    pub cacheable_by_default: bool,
    #[serde(default)]
    pub caching: String,
    #[serde(default)]
    pub retry: Retry,
    #[serde(default)]
    pub monitoring: Monitoring,
    #[serde(default)]
    pub clients: Clients,
    #[serde(default)]
    pub snippets: Snippets,
    #[serde(default)]
    pub debugging: Vec<String>,
    #[serde(default)]
    pub faq: Vec<Faq>,
    #[serde(default)]
    pub related: Vec<u16>,
}

impl StatusEntry {
    pub fn class(&self) -> StatusClass {
        StatusClass::of(self.code).expect("knowledge-base codes are 100..=599")
    }
    pub fn is_official(&self) -> bool {
        self.registry_status != RegistryStatus::Unofficial
    }
    /// Headers the simulator sends and the rules expect: required and expected ones.
    pub fn sent_headers(&self) -> impl Iterator<Item = &CriticalHeader> {
        self.critical_headers.iter().filter(|h| h.requirement != Requirement::Conditional)
    }
    pub fn header(&self, name: &str) -> Option<&CriticalHeader> {
        self.critical_headers.iter().find(|h| h.name.eq_ignore_ascii_case(name))
    }
}

#[cfg(feature = "full-kb")]
const SOURCES: &[(&str, &str)] = &[
    ("1xx.json", include_str!("../../data/codes/1xx.json")),
    ("2xx.json", include_str!("../../data/codes/2xx.json")),
    ("3xx.json", include_str!("../../data/codes/3xx.json")),
    ("4xx.json", include_str!("../../data/codes/4xx.json")),
    ("5xx.json", include_str!("../../data/codes/5xx.json")),
    ("unofficial.json", include_str!("../../data/codes/unofficial.json")),
];

/// Only the core fields (see `build.rs`): prose fields are empty.
#[cfg(not(feature = "full-kb"))]
const SOURCES: &[(&str, &str)] = &[("core.json", include_str!(concat!(env!("OUT_DIR"), "/core.json")))];

/// The names of the full data files, as the app fetches them (`/codes/{name}`).
pub const DATA_FILES: &[&str] = &["1xx.json", "2xx.json", "3xx.json", "4xx.json", "5xx.json", "unofficial.json"];

/// Whether the compiled-in entries carry their prose (`full-kb` feature).
pub const HAS_PROSE: bool = cfg!(feature = "full-kb");

/// Parses one data file (exposed for tests and tools that want the error message).
pub fn parse_source(name: &str, text: &str) -> Result<Vec<StatusEntry>, String> {
    serde_json::from_str(text).map_err(|e| format!("{name}: {e}"))
}

/// Sorts entries by code, registered before unofficial.
pub fn sort_entries(v: &mut [StatusEntry]) {
    v.sort_by_key(|e| (e.code, !e.is_official()));
}

/// Every entry, sorted by code. Parsed on first use.
pub fn all() -> &'static [StatusEntry] {
    static ALL: OnceLock<Vec<StatusEntry>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v = Vec::new();
        for (name, text) in SOURCES {
            // The data is compiled in and checked by the crate's tests: a parse error is a
            // build defect, not user input.
            v.extend(parse_source(name, text).unwrap_or_else(|e| panic!("knowledge base: {e}")));
        }
        sort_entries(&mut v);
        v
    })
}

/// The entry for `code`: the registered meaning when there is one, else an unofficial one.
pub fn get(code: u16) -> Option<&'static StatusEntry> {
    // Every lint asks several times: a table from code to entry (codes below 1000; the data
    // has no other) answers in one load instead of a binary search.
    static BY_CODE: OnceLock<Box<[u16]>> = OnceLock::new();
    const NONE: u16 = u16::MAX;
    let all = all();
    let by_code = BY_CODE.get_or_init(|| {
        let mut t = vec![NONE; 1000].into_boxed_slice();
        for (i, e) in all.iter().enumerate() {
            if let (Some(slot), Ok(i)) = (t.get_mut(usize::from(e.code)), u16::try_from(i)) {
                *slot = i;
            }
        }
        t
    });
    match by_code.get(usize::from(code)) {
        Some(&NONE) => None,
        Some(&i) => all.get(usize::from(i)),
        None => find(all, code),
    }
}

/// The entry for `code` in a sorted list of entries (e.g. the full data loaded on demand).
pub fn find(entries: &[StatusEntry], code: u16) -> Option<&StatusEntry> {
    let i = entries.partition_point(|e| e.code < code);
    entries.get(i).filter(|e| e.code == code)
}

/// The reason phrase to show for any code 100–599: the registry's, an unofficial one
/// (marked by the caller via `get`), or the class's generic name.
pub fn reason(code: u16) -> &'static str {
    match get(code) {
        Some(e) => e.reason.as_str(),
        None => match StatusClass::of(code) {
            Some(StatusClass::Informational) => "Informational",
            Some(StatusClass::Successful) => "Success",
            Some(StatusClass::Redirection) => "Redirection",
            Some(StatusClass::ClientError) => "Client Error",
            Some(StatusClass::ServerError) => "Server Error",
            None => "Unknown",
        },
    }
}

/// Lower-case words of an entry, for the reference index's search.
pub fn matches(entry: &StatusEntry, query: &str) -> bool {
    let q = query.trim().to_ascii_lowercase();
    if q.is_empty() {
        return true;
    }
    if entry.code.to_string().starts_with(&q) {
        return true;
    }
    let hay = format!("{} {}", entry.reason, entry.meaning).to_ascii_lowercase();
    q.split_whitespace().all(|w| hay.contains(w))
}

#[cfg(test)]
mod get_tests {
    #[test]
    fn get_is_the_sorted_search() {
        for code in (0..=1100).chain([u16::MAX]) {
            assert_eq!(super::get(code).map(|e| e.code), super::find(super::all(), code).map(|e| e.code), "{code}");
        }
        assert_eq!(super::get(401).map(|e| e.code), Some(401));
    }
}
