//! Permalinks: the composer's state (and optionally a snapshot of the response) in the URL
//! fragment, so a link reopens the same request.
//!
//! Format: `v1.` + base64url without padding (RFC 4648 §5) of the raw DEFLATE (RFC 1951) of the
//! JSON of [`Shared`]. The prefix names the format, and [`decode`] dispatches on it: links made
//! today must keep opening after the format changes, so a future `v2` is added next to `v1`, never
//! instead of it. Within v1, new fields must be optional (`#[serde(default)]`); unknown fields are
//! ignored, so a v1 link from a newer build still opens in an older one.
//!
//! Secrets: [`redact`] removes credentials (secret headers, secret query parameters, userinfo)
//! before a link is made; the UI should show [`Redaction::removed`] to the user.

use base64::alphabet;
use base64::engine::{DecodePaddingMode, Engine, GeneralPurpose, GeneralPurposeConfig};
use serde::{Deserialize, Serialize};

/// The current (and so far only) schema version, written into [`Shared::v`].
pub const VERSION: u32 = 1;
/// The largest response-body snapshot kept in a link (bytes of UTF-8, cut at a char boundary).
pub const MAX_SNAPSHOT_BODY: usize = 16 * 1024;
/// The largest JSON a link may inflate to; [`decode`] refuses anything bigger (zip bombs).
pub const MAX_DECOMPRESSED: usize = 256 * 1024;
/// The longest fragment [`decode`] looks at. A link that inflates to at most
/// [`MAX_DECOMPRESSED`] bytes is far shorter than this.
pub const MAX_LINK_CHARS: usize = 512 * 1024;

/// base64url: encodes without padding; decodes with or without it.
const B64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_encode_padding(false).with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// DEFLATE level: links are made rarely and are small; the best compression is cheap.
const DEFLATE_LEVEL: u8 = 9;

/// What a permalink holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shared {
    /// Schema version ([`VERSION`]).
    pub v: u32,
    pub method: String,
    pub url: String,
    /// (name, value, enabled), in the composer's order.
    pub headers: Vec<(String, String, bool)>,
    pub body: String,
    pub options: SharedOptions,
    /// Which view/tab was open (free-form, interpreted by the app).
    #[serde(default)]
    pub view: String,
    /// The response as the page saw it, when the sharer chose to include it.
    #[serde(default)]
    pub snapshot: Option<Snapshot>,
}

/// The fetch options of the composer (Fetch §requestinit); the app's state uses this type too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedOptions {
    /// `follow` | `manual` | `error`
    pub redirect: String,
    /// `omit` | `same-origin` | `include`
    pub credentials: String,
    /// `cors` | `no-cors` | `same-origin`
    pub mode: String,
    /// `default` | `no-store` | `reload` | `no-cache` | `force-cache` | `only-if-cached`
    pub cache: String,
    pub timeout_ms: u32,
    /// `""` (the default policy) or one of Referrer Policy §referrer-policies.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub referrer_policy: String,
    /// `auto` | `high` | `low` (Fetch §request-priority).
    #[serde(default = "auto", skip_serializing_if = "is_auto")]
    pub priority: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub keepalive: bool,
}

fn auto() -> String {
    "auto".into()
}

fn is_auto(s: &String) -> bool {
    s == "auto"
}

impl Default for SharedOptions {
    fn default() -> Self {
        SharedOptions {
            redirect: "follow".into(),
            credentials: "same-origin".into(),
            mode: "cors".into(),
            cache: "default".into(),
            timeout_ms: 30_000,
            referrer_policy: String::new(),
            priority: auto(),
            keepalive: false,
        }
    }
}

/// A response snapshot: what the page's `fetch` saw.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    pub status: u16,
    pub status_text: String,
    pub headers: Vec<(String, String)>,
    /// At most [`MAX_SNAPSHOT_BODY`] bytes; [`encode`] truncates longer bodies.
    pub body: String,
    /// `basic` | `cors` | `opaque` | `opaqueredirect` | …
    pub response_type: String,
}

impl Default for Shared {
    fn default() -> Self {
        Shared {
            v: VERSION,
            method: "GET".into(),
            url: String::new(),
            headers: Vec::new(),
            body: String::new(),
            options: SharedOptions::default(),
            view: String::new(),
            snapshot: None,
        }
    }
}

/// `s` cut to at most `max` bytes, at a character boundary.
pub fn truncate_utf8(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

impl Shared {
    /// The state as a link stores it: current version, snapshot body truncated to
    /// [`MAX_SNAPSHOT_BODY`].
    pub fn normalized(&self) -> Shared {
        let mut s = self.clone();
        s.v = VERSION;
        if let Some(snap) = &mut s.snapshot {
            if snap.body.len() > MAX_SNAPSHOT_BODY {
                snap.body = truncate_utf8(&snap.body, MAX_SNAPSHOT_BODY).to_string();
            }
        }
        s
    }
}

// ---------------------------------------------------------------------------------------------
// Redaction
// ---------------------------------------------------------------------------------------------

/// What [`redact`] removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Redaction {
    /// Human-readable, in order, without duplicates: "header Authorization",
    /// "query parameter token", "response header Set-Cookie", "credentials in the URL".
    pub removed: Vec<String>,
}

impl Redaction {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty()
    }
    fn note(&mut self, what: String) {
        if !self.removed.contains(&what) {
            self.removed.push(what);
        }
    }
}

/// Header names that carry credentials: `Authorization`, `Proxy-Authorization`, `Cookie`,
/// `Set-Cookie`(`2`), and any name containing `token`, `secret`, `password`, `passwd`, `api-key`,
/// `apikey`, `api_key`, `session` or `auth` (`X-Api-Key`, `X-Auth-Token`, `X-CSRF-Token`…).
/// The challenges `WWW-Authenticate` and `Proxy-Authenticate` are not secrets and are kept.
pub fn is_secret_header(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase();
    if n == "www-authenticate" || n == "proxy-authenticate" {
        return false;
    }
    matches!(n.as_str(), "authorization" | "proxy-authorization" | "cookie" | "set-cookie" | "set-cookie2")
        || ["token", "secret", "password", "passwd", "api-key", "apikey", "api_key", "session", "auth"]
            .iter()
            .any(|w| n.contains(w))
}

/// Query (and fragment) parameter names that carry credentials: `token`, `access_token`,
/// `id_token`, `refresh_token`, `api_key`, `apikey`, `key`, `secret`, `client_secret`,
/// `password`, `passwd`, `pwd`, `sig`, `signature`, `session`, `auth` (exact, case-insensitive),
/// and names containing `token`, `secret`, `password`, `passwd`, `signature`, `credential`,
/// `apikey`, `api_key`, `api-key` or `session` (`X-Amz-Signature`, `X-Amz-Credential`,
/// `X-Amz-Security-Token`, `sessionid`). Not `code`: OAuth codes are single-use and short-lived,
/// and `code` is too common a name.
pub fn is_secret_param(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase();
    const EXACT: &[&str] = &[
        "token", "access_token", "id_token", "refresh_token", "api_key", "apikey", "api-key", "key", "secret",
        "client_secret", "password", "passwd", "pwd", "sig", "signature", "session", "auth",
    ];
    const CONTAINS: &[&str] =
        &["token", "secret", "password", "passwd", "signature", "credential", "apikey", "api_key", "api-key", "session"];
    EXACT.contains(&n.as_str()) || CONTAINS.iter().any(|w| n.contains(w))
}

/// The decoded name of one `name=value` pair of a form-urlencoded list.
fn pair_name(pair: &str) -> String {
    let raw = pair.split('=').next().unwrap_or("");
    form_urlencoded::parse(raw.as_bytes()).next().map(|(k, _)| k.into_owned()).unwrap_or_default()
}

/// `list` (a query or a fragment, without its `?`/`#`) without its secret parameters; the
/// remaining pairs are kept byte-for-byte, in order.
fn strip_params(list: &str, kind: &str, red: &mut Redaction) -> String {
    let mut kept: Vec<&str> = Vec::new();
    let mut changed = false;
    for pair in list.split('&') {
        let name = pair_name(pair);
        if !pair.is_empty() && is_secret_param(&name) {
            red.note(format!("{kind} parameter {name}"));
            changed = true;
        } else {
            kept.push(pair);
        }
    }
    if changed {
        kept.join("&")
    } else {
        list.to_string()
    }
}

/// The URL without userinfo and without secret query/fragment parameters; everything else as
/// written.
fn redact_url(url: &str, red: &mut Redaction) -> String {
    let (before_frag, frag) = match url.find('#') {
        Some(h) => (&url[..h], Some(&url[h + 1..])),
        None => (url, None),
    };
    let (before_query, query) = match before_frag.find('?') {
        Some(q) => (&before_frag[..q], Some(&before_frag[q + 1..])),
        None => (before_frag, None),
    };
    let mut out = String::with_capacity(url.len());
    // userinfo: `scheme://user:pass@host/…`
    match before_query.find("://") {
        Some(i) => {
            let auth_start = i + 3;
            let rest = &before_query[auth_start..];
            let auth_end = rest.find(['/', '\\']).unwrap_or(rest.len());
            let authority = &rest[..auth_end];
            out.push_str(&before_query[..auth_start]);
            match authority.rfind('@') {
                Some(at) => {
                    red.note("credentials in the URL".into());
                    out.push_str(&authority[at + 1..]);
                }
                None => out.push_str(authority),
            }
            out.push_str(&rest[auth_end..]);
        }
        None => out.push_str(before_query),
    }
    if let Some(q) = query {
        let kept = strip_params(q, "query", red);
        // A query left empty by the redaction goes with its `?`; an empty one as written stays.
        if !kept.is_empty() || q.is_empty() {
            out.push('?');
            out.push_str(&kept);
        }
    }
    if let Some(f) = frag {
        // A fragment that looks like parameters (OAuth implicit flow: `#access_token=…`).
        let kept = if f.contains('=') { strip_params(f, "fragment", red) } else { f.to_string() };
        if !kept.is_empty() || f.is_empty() {
            out.push('#');
            out.push_str(&kept);
        }
    }
    out
}

/// `s` without credentials: secret request headers (enabled or not), secret response headers of
/// the snapshot, secret query and fragment parameters, and userinfo in the URL. Everything else is
/// kept as written.
///
/// Bodies are not inspected: a request body or snapshot body holding a password stays.
pub fn redact(s: &Shared) -> (Shared, Redaction) {
    let mut red = Redaction::default();
    let mut out = s.clone();
    out.url = redact_url(&s.url, &mut red);
    out.headers.retain(|(name, _, _)| {
        let secret = is_secret_header(name);
        if secret {
            red.note(format!("header {}", name.trim()));
        }
        !secret
    });
    if let Some(snap) = &mut out.snapshot {
        snap.headers.retain(|(name, _)| {
            let secret = is_secret_header(name);
            if secret {
                red.note(format!("response header {}", name.trim()));
            }
            !secret
        });
    }
    (out, red)
}

// ---------------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------------

/// The link fragment for `s` (without `#`): `v1.` + base64url(deflate(json)). Deterministic: the
/// same state always gives the same link. The snapshot body is truncated to
/// [`MAX_SNAPSHOT_BODY`] and `v` is set to [`VERSION`].
///
/// A state whose JSON exceeds [`MAX_DECOMPRESSED`] (a very large request body) gives a link that
/// [`decode`] refuses; use [`try_encode`] to find out before sharing.
pub fn encode(s: &Shared) -> String {
    let json = serde_json::to_vec(&s.normalized()).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, DEFLATE_LEVEL);
    format!("v1.{}", B64.encode(deflated))
}

/// [`encode`], or an error when the link would be too large for [`decode`] to open.
pub fn try_encode(s: &Shared) -> Result<String, String> {
    let len = serde_json::to_vec(&s.normalized()).map(|j| j.len()).unwrap_or(usize::MAX);
    if len > MAX_DECOMPRESSED {
        return Err(format!(
            "the request is too large to share as a link ({} KiB; at most {} KiB): shorten the body",
            len.div_ceil(1024),
            MAX_DECOMPRESSED / 1024
        ));
    }
    Ok(encode(s))
}

/// Reads a link fragment (with or without the leading `#`). Malformed, truncated, over-large and
/// future-version links give an error saying so; no input panics.
pub fn decode(fragment: &str) -> Result<Shared, String> {
    let f = fragment.trim();
    let f = f.strip_prefix('#').unwrap_or(f);
    if f.is_empty() {
        return Err("the link holds no shared request".into());
    }
    if f.len() > MAX_LINK_CHARS {
        return Err(format!("the link is too long ({} characters; at most {MAX_LINK_CHARS})", f.len()));
    }
    let Some((version, payload)) = f.split_once('.') else {
        return Err("not a Status Lab link: the part after # has no version prefix such as `v1.`".into());
    };
    match version {
        "v1" => decode_v1(payload),
        // Add `"v2" => decode_v2(payload)` here; never drop a version.
        _ => match version.strip_prefix('v') {
            Some(n) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => Err(format!(
                "this link was made by a newer version of Status Lab (link format {version}; this version reads v1): reload the page to update it"
            )),
            _ => Err("not a Status Lab link: the part after # has no version prefix such as `v1.`".into()),
        },
    }
}

fn decode_v1(payload: &str) -> Result<Shared, String> {
    let deflated = B64
        .decode(payload.as_bytes())
        .map_err(|e| format!("the link is damaged (it is not valid base64url: {e}); was it cut off when copied?"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_DECOMPRESSED).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            format!("the link is too large: it expands to more than {} KiB", MAX_DECOMPRESSED / 1024)
        } else {
            "the link is damaged (its compressed data is invalid or incomplete); was it cut off when copied?".to_string()
        }
    })?;
    let s: Shared = serde_json::from_slice(&json).map_err(|e| format!("the link is damaged (unexpected content: {e})"))?;
    if s.v != VERSION {
        return Err(format!("the link is inconsistent: its prefix says v1 but its content says version {}", s.v));
    }
    Ok(s.normalized())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.0 = x;
            x
        }
        fn below(&mut self, n: usize) -> usize {
            if n == 0 {
                0
            } else {
                (self.next() % n as u64) as usize
            }
        }
        fn bool(&mut self) -> bool {
            self.next() & 1 == 1
        }
        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[self.below(xs.len())]
        }
        /// A string with ASCII, quotes, escapes, controls and non-ASCII characters.
        fn string(&mut self, max: usize) -> String {
            const CHARS: &[char] = &[
                'a', 'Z', '0', ' ', '"', '\\', '/', '=', '&', '?', '#', '%', '+', '\n', '\t', '\u{0}', '\u{7f}', 'é', '€',
                '😀', '\u{fffd}', '\u{2028}', '<', '>', '\'', '{', '}', '.',
            ];
            (0..self.below(max + 1)).map(|_| CHARS[self.below(CHARS.len())]).collect()
        }
    }

    const SECRET_HEADERS: &[&str] = &[
        "Authorization", "proxy-authorization", "Cookie", "Set-Cookie", "X-Api-Key", "X-Auth-Token", "x-csrf-token",
        "X-Session-Id", "X-Client-Secret", "X-Password", "apikey", "X-API_KEY",
    ];
    const PLAIN_HEADERS: &[&str] = &[
        "Accept", "Content-Type", "X-Request-Id", "If-None-Match", "Cache-Control", "Origin", "X-Trace", "Accept-Language",
        "WWW-Authenticate", "Vary",
    ];
    const SECRET_PARAMS: &[&str] = &[
        "token", "access_token", "id_token", "api_key", "apikey", "key", "secret", "password", "passwd", "pwd", "sig",
        "signature", "session", "auth", "client_secret", "X-Amz-Signature", "X-Amz-Credential", "Token", "api%5Fkey",
    ];
    const PLAIN_PARAMS: &[&str] =
        &["page", "q", "sort", "code", "state", "lang", "id", "author", "keyword", "design", "monkey", "a b", "x%20y"];

    fn gen_state(rng: &mut Rng) -> Shared {
        let params: Vec<String> = (0..rng.below(5))
            .map(|_| {
                let name = if rng.below(3) == 0 { rng.pick(SECRET_PARAMS) } else { rng.pick(PLAIN_PARAMS) };
                format!("{name}={}", rng.below(100_000))
            })
            .collect();
        let mut url = format!("https://{}example.com/p/{}", if rng.below(4) == 0 { "u:p@" } else { "" }, rng.below(1000));
        if !params.is_empty() {
            url.push('?');
            url.push_str(&params.join("&"));
        }
        if rng.below(4) == 0 {
            url.push_str(if rng.bool() { "#access_token=abc&x=1" } else { "#section-2" });
        }
        if rng.below(5) == 0 {
            url = rng.string(80);
        }
        let headers = (0..rng.below(8))
            .map(|_| {
                let name = match rng.below(4) {
                    0 => rng.pick(SECRET_HEADERS).to_string(),
                    1 => rng.string(12),
                    _ => rng.pick(PLAIN_HEADERS).to_string(),
                };
                (name, rng.string(40), rng.bool())
            })
            .collect();
        let snapshot = rng.bool().then(|| Snapshot {
            status: rng.next() as u16,
            status_text: rng.string(20),
            headers: (0..rng.below(6))
                .map(|_| {
                    let name = if rng.bool() { rng.pick(SECRET_HEADERS) } else { rng.pick(PLAIN_HEADERS) };
                    (name.to_string(), rng.string(30))
                })
                .collect(),
            body: if rng.below(10) == 0 { "x".repeat(MAX_SNAPSHOT_BODY) } else { rng.string(300) },
            response_type: rng.pick(&["basic", "cors", "opaque", "opaqueredirect", ""]).to_string(),
        });
        Shared {
            v: VERSION,
            method: rng.pick(&["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "QUERY"]).to_string(),
            url,
            headers,
            body: rng.string(200),
            options: SharedOptions {
                redirect: rng.pick(&["follow", "manual", "error"]).to_string(),
                credentials: rng.pick(&["omit", "same-origin", "include"]).to_string(),
                mode: rng.pick(&["cors", "no-cors", "same-origin"]).to_string(),
                cache: rng.pick(&["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"]).to_string(),
                timeout_ms: rng.next() as u32,
                referrer_policy: rng.pick(&["", "no-referrer", "origin", "unsafe-url"]).to_string(),
                priority: rng.pick(&["auto", "high", "low"]).to_string(),
                keepalive: rng.bool(),
            },
            view: rng.pick(&["", "response", "headers", "findings", "cors"]).to_string(),
            snapshot,
        }
    }

    fn typical() -> Shared {
        let url = "https://api.example.com/v2/users/12345/orders?limit=9&page=3";
        assert_eq!(url.len(), 60);
        Shared {
            url: url.into(),
            headers: vec![
                ("Accept".into(), "application/json".into(), true),
                ("Accept-Language".into(), "en-US,en;q=0.9".into(), true),
                ("X-Request-Id".into(), "7f3c2a9e-1b4d-4c8e-9a6f-2d5e8b1c0f47".into(), true),
            ],
            ..Shared::default()
        }
    }

    #[test]
    fn typical_link_is_short() {
        let s = typical();
        let link = encode(&s);
        println!("typical link (GET, 3 headers, {}-character URL): {} characters: #{link}", s.url.len(), link.len());
        assert!(link.len() < 2000, "{}", link.len());
        assert!(link.starts_with("v1."));
        assert!(link[3..].bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "URL-safe: {link}");
        assert_eq!(decode(&format!("#{link}")).unwrap(), s);
        assert_eq!(decode(&link).unwrap(), s);
        // Deterministic.
        assert_eq!(encode(&s.clone()), link);
    }

    #[test]
    fn round_trips_generated_states() {
        let mut rng = Rng(0x853c_49e6_748f_ea9b);
        for _ in 0..2000 {
            let s = gen_state(&mut rng);
            let link = encode(&s);
            assert_eq!(decode(&link).unwrap(), s, "link {link}");
            assert_eq!(encode(&s), link, "deterministic");
            // Truncating any link is detected (or, rarely, yields a different but valid state,
            // never a panic).
            let cut = rng.below(link.len());
            let _ = decode(&link[..cut]);
        }
    }

    #[test]
    fn old_fields_default_and_unknown_fields_are_ignored() {
        // A v1 payload without `view`/`snapshot` (optional) and with a field from a newer build.
        let json = br#"{"v":1,"method":"GET","url":"https://e.x/","headers":[["A","b",false]],"body":"","options":{"redirect":"follow","credentials":"omit","mode":"cors","cache":"default","timeout_ms":5000},"later":{"x":1}}"#;
        let link = format!("v1.{}", B64.encode(miniz_oxide::deflate::compress_to_vec(json, 6)));
        let s = decode(&link).unwrap();
        assert_eq!(s.view, "");
        assert_eq!(s.snapshot, None);
        assert_eq!(s.headers, vec![("A".to_string(), "b".to_string(), false)]);
        // Padded base64 (some tools add it) is accepted too.
        let padded = format!("{link}{}", "=".repeat((4 - (link.len() - 3) % 4) % 4));
        assert_eq!(decode(&padded).unwrap(), s);
    }

    #[test]
    fn snapshot_body_is_truncated_at_a_char_boundary() {
        let mut s = typical();
        s.snapshot = Some(Snapshot {
            status: 200,
            status_text: "OK".into(),
            headers: vec![],
            body: "é".repeat(MAX_SNAPSHOT_BODY),
            response_type: "cors".into(),
        });
        let back = decode(&encode(&s)).unwrap();
        let body = back.snapshot.unwrap().body;
        assert_eq!(body.len(), MAX_SNAPSHOT_BODY);
        assert!(body.chars().all(|c| c == 'é'));
        assert_eq!(truncate_utf8("aé", 2), "a");
    }

    #[test]
    fn redaction_removes_every_secret_and_keeps_the_rest() {
        let mut rng = Rng(0xdead_beef_cafe_f00d);
        for _ in 0..2000 {
            let s = gen_state(&mut rng);
            let (r, red) = redact(&s);
            let expected: Vec<_> = s.headers.iter().filter(|h| !is_secret_header(&h.0)).cloned().collect();
            assert_eq!(r.headers, expected);
            for (name, _, _) in &s.headers {
                if is_secret_header(name) {
                    assert!(red.removed.contains(&format!("header {}", name.trim())), "{name}: {red:?}");
                }
            }
            if let (Some(a), Some(b)) = (&s.snapshot, &r.snapshot) {
                let expected: Vec<_> = a.headers.iter().filter(|h| !is_secret_header(&h.0)).cloned().collect();
                assert_eq!(b.headers, expected);
                assert_eq!((&a.body, a.status), (&b.body, b.status));
            }
            // Query: every secret pair gone, every other pair kept in order, byte for byte.
            let pairs = |u: &str| -> Vec<String> {
                let q = u.split('#').next().unwrap_or("");
                q.split_once('?').map(|(_, q)| q.split('&').map(str::to_string).collect()).unwrap_or_default()
            };
            let kept: Vec<String> = pairs(&s.url).into_iter().filter(|p| !is_secret_param(&pair_name(p))).collect();
            assert_eq!(pairs(&r.url), kept, "{} → {}", s.url, r.url);
            assert!(!r.url.contains("u:p@"));
            assert!(!r.url.contains("access_token"));
            // Nothing else changes, and redaction is idempotent.
            assert_eq!((&r.method, &r.body, &r.options, &r.view), (&s.method, &s.body, &s.options, &s.view));
            let (again, none) = redact(&r);
            assert_eq!(again, r);
            assert!(none.is_empty(), "{none:?}");
        }
    }

    #[test]
    fn redaction_examples() {
        let s = Shared {
            url: "https://user:pw@api.example.com/x?page=2&token=abc&api%5Fkey=k&sort=-id&X-Amz-Signature=ff&code=1#frag".into(),
            headers: vec![
                ("Authorization".into(), "Bearer x".into(), true),
                ("X-Api-Key".into(), "k".into(), false),
                ("Accept".into(), "*/*".into(), true),
                ("X-Auth-Token".into(), "t".into(), true),
            ],
            snapshot: Some(Snapshot {
                status: 401,
                status_text: "Unauthorized".into(),
                headers: vec![("WWW-Authenticate".into(), "Bearer".into()), ("Set-Cookie".into(), "s=1".into())],
                body: String::new(),
                response_type: "cors".into(),
            }),
            ..Shared::default()
        };
        let (r, red) = redact(&s);
        assert_eq!(r.url, "https://api.example.com/x?page=2&sort=-id&code=1#frag");
        assert_eq!(r.headers, vec![("Accept".to_string(), "*/*".to_string(), true)]);
        assert_eq!(r.snapshot.unwrap().headers, vec![("WWW-Authenticate".to_string(), "Bearer".to_string())]);
        assert_eq!(
            red.removed,
            [
                "credentials in the URL",
                "query parameter token",
                "query parameter api_key",
                "query parameter X-Amz-Signature",
                "header Authorization",
                "header X-Api-Key",
                "header X-Auth-Token",
                "response header Set-Cookie",
            ]
        );
        // Only secrets: the `?` goes too; a parameter-like fragment is cleaned.
        let (r, _) = redact(&Shared { url: "https://e.x/cb?token=1#access_token=a&state=s".into(), ..Shared::default() });
        assert_eq!(r.url, "https://e.x/cb#state=s");
        let (r, _) = redact(&Shared { url: "https://e.x/cb?state=s#id_token=a".into(), ..Shared::default() });
        assert_eq!(r.url, "https://e.x/cb?state=s");
        let (r, red) = redact(&Shared { url: "https://e.x/?#".into(), ..Shared::default() });
        assert_eq!(r.url, "https://e.x/?#");
        assert!(red.is_empty());
        // Nothing secret: unchanged, byte for byte.
        let odd = "https://e.x/a?b&&c=%zz&=x&q=a+b#?x";
        let (r, red) = redact(&Shared { url: odd.into(), ..Shared::default() });
        assert_eq!(r.url, odd);
        assert!(red.is_empty());
        // A decoded link of a redacted state holds no secret.
        let link = encode(&redact(&s).0);
        let back = decode(&link).unwrap();
        assert!(!format!("{back:?}").contains("Bearer x"));
    }

    #[test]
    fn secret_name_lists() {
        for h in SECRET_HEADERS {
            assert!(is_secret_header(h), "{h}");
        }
        for h in PLAIN_HEADERS {
            assert!(!is_secret_header(h), "{h}");
        }
        for p in ["token", "access_token", "client_secret", "KEY", "sig", "X-Amz-Security-Token", "sessionid"] {
            assert!(is_secret_param(p), "{p}");
        }
        for p in ["code", "page", "author", "keyword", "signal", "monkey", "design"] {
            assert!(!is_secret_param(p), "{p}");
        }
    }

    #[test]
    fn hostile_links_are_refused_with_a_reason() {
        let err = |f: &str| decode(f).unwrap_err();
        assert!(err("").contains("no shared request"));
        assert!(err("#").contains("no shared request"));
        assert!(err("#section-2").contains("not a Status Lab link"));
        assert!(err("s=v1.abc").contains("not a Status Lab link"));
        let e = err("v9.xxx");
        assert!(e.contains("newer version") && e.contains("v9"), "{e}");
        assert!(err("#v2.").contains("newer version"));
        assert!(err("v1.").contains("damaged"));
        assert!(err("v1.!!!").contains("not valid base64url"));
        assert!(err("v1.AAAA").contains("damaged"));
        let huge = format!("v1.{}", "A".repeat(MAX_LINK_CHARS + 1));
        assert!(err(&huge).contains("too long"));

        // A valid deflate stream that is not a state, and one with a wrong version.
        let not_json = format!("v1.{}", B64.encode(miniz_oxide::deflate::compress_to_vec(b"hello", 6)));
        assert!(err(&not_json).contains("unexpected content"));
        let mut s = typical();
        s.v = 7;
        let json = serde_json::to_vec(&s).unwrap();
        let wrong = format!("v1.{}", B64.encode(miniz_oxide::deflate::compress_to_vec(&json, 6)));
        assert!(err(&wrong).contains("version 7"));

        // A deflate bomb: 8 MiB of spaces compresses to ~8 KiB; decoding stops at the limit.
        let bomb = vec![b' '; 8 * 1024 * 1024];
        let link = format!("v1.{}", B64.encode(miniz_oxide::deflate::compress_to_vec(&bomb, 6)));
        assert!(link.len() < MAX_LINK_CHARS, "{}", link.len());
        assert!(err(&link).contains("too large"), "{}", err(&link));

        // Every truncation of a real link is refused (the deflate stream is incomplete).
        let mut full = typical();
        full.body = "{\"hello\":\"world\"}".repeat(20);
        let link = encode(&full);
        for cut in 0..link.len() {
            assert!(decode(&link[..cut]).is_err(), "cut at {cut}");
        }
        // try_encode refuses what decode would refuse.
        full.body = "x".repeat(MAX_DECOMPRESSED);
        assert!(try_encode(&full).unwrap_err().contains("too large"));
        assert!(decode(&encode(&full)).is_err());
        full.body = "x".repeat(1000);
        assert_eq!(decode(&try_encode(&full).unwrap()).unwrap(), full);
    }

    #[test]
    fn random_garbage_never_panics() {
        let mut rng = Rng(0x1234_5678_9abc_def1);
        let valid = encode(&typical());
        for i in 0..5000 {
            let input = match i % 4 {
                0 => String::from_utf8_lossy(&(0..rng.below(200)).map(|_| rng.next() as u8).collect::<Vec<_>>()).into_owned(),
                1 => {
                    const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                    let body: String = (0..rng.below(400)).map(|_| B64URL[rng.below(64)] as char).collect();
                    format!("v1.{body}")
                }
                2 => {
                    // A valid link with a few characters changed.
                    let mut b = valid.clone().into_bytes();
                    for _ in 0..1 + rng.below(4) {
                        let at = 3 + rng.below(b.len() - 3);
                        b[at] = b"AZaz09-_"[rng.below(8)];
                    }
                    String::from_utf8(b).unwrap()
                }
                _ => {
                    // Deflate of random JSON-ish text.
                    let text: String = (0..rng.below(300)).map(|_| "{}[]\",:0aev1\\ "[rng.below(14)..].chars().next().unwrap()).collect();
                    format!("v1.{}", B64.encode(miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6)))
                }
            };
            let _ = decode(&input);
        }
    }
}
