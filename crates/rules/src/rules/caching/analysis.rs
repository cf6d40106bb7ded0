//! What a cache may do with one response (RFC 9111), as data for the app's cache view and the
//! CLI: whether the browser's (private) cache and shared caches may store it and why, its
//! freshness lifetime and how it was computed, its current age, when it goes stale, what `Vary`
//! keys it on and which validators allow revalidation. Built on the same helpers as the caching
//! rules, so the view and the findings never disagree.

use crate::model::TrimExt;
use serde::Serialize;

use super::{base_time, cache_control, cacheable_method, delta_seconds, explicit_lifetime, heuristic_lifetime, human, CacheControl, Lifetime};
use crate::model::{split_list, Exchange, LintContext};
use crate::registry::{with_checker, Checker, Presence};

/// Whether one kind of cache may store the response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Storable {
    pub yes: bool,
    pub why: String,
}

/// A freshness lifetime with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Freshness {
    pub secs: u64,
    /// How it was obtained: `max-age=60`, `Expires − Date`, `10% of the time since Last-Modified`.
    pub source: String,
    pub heuristic: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CacheReport {
    /// The browser's HTTP cache is a private cache (RFC 9111 §1).
    pub private: Storable,
    pub shared: Storable,
    pub freshness: Option<Freshness>,
    pub shared_freshness: Option<Freshness>,
    /// `no-cache` (or a zero lifetime): stored, but revalidated before every reuse.
    pub revalidate_every_use: bool,
    /// The current age when received (RFC 9111 §4.2.3, without the response delay): `Age` plus
    /// the time since `Date`; `None` when neither is known.
    pub age: Option<u64>,
    /// Seconds of freshness left (negative: stale for that long).
    pub fresh_for: Option<i64>,
    /// When it goes stale, as seconds since the epoch.
    pub stale_at: Option<i64>,
    /// The request header names the cache key includes (lower-case); `*` never matches.
    pub vary: Vec<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// How a cache revalidates it: the conditional request it sends.
    pub revalidation: String,
    /// Further explanations (stale-while-revalidate, immutable, hidden headers …).
    pub notes: Vec<String>,
}

fn freshness(l: Option<&Lifetime<'_>>, heuristic: bool) -> Option<Freshness> {
    l.map(|l| Freshness { secs: l.secs, source: l.source.to_string().replace('`', ""), heuristic })
}

fn header_value(c: &Checker<'_>, name: &str) -> Option<String> {
    match c.header(name) {
        Presence::Present(_, v) => Some(v.to_string()),
        _ => None,
    }
}

/// Analyses the response of `exchange` as RFC 9111 §3 (storing) and §4.2 (freshness) describe.
pub fn analyze(exchange: &Exchange, context: &LintContext) -> CacheReport {
    with_checker(exchange, context, report)
}

/// Whether the browser's (private) cache may store the response, and why (RFC 9111 §3): `Ok`
/// with the reason it may, `Err` with the reason it may not. `cc`: the response's
/// `Cache-Control` (empty when there is none). Shared caches add conditions of their own.
pub(crate) fn private_storability(c: &Checker<'_>, cc: &CacheControl) -> Result<&'static str, &'static str> {
    let status = c.status();
    if !cacheable_method(c) {
        Err("only responses to GET and HEAD are reused by browsers (RFC 9111 §3, §9.3.1 of RFC 9110)")
    } else if status < 200 {
        Err("an interim (1xx) response is never stored (RFC 9111 §3)")
    } else if status == 304 {
        Err("a 304 is not stored itself: it freshens the stored response it validates (RFC 9111 §4.3.4)")
    } else if cc.has("no-store") {
        Err("`no-store`: no cache may keep any part of it (RFC 9111 §5.2.2.5)")
    } else if explicit_lifetime(c, false).is_some() {
        Ok("it has an explicit lifetime (RFC 9111 §3)")
    } else if cc.has("public") || cc.has("private") || cc.has("no-cache") {
        Ok("Cache-Control marks it storable (RFC 9111 §3)")
    } else if crate::codes::get(status).is_some_and(|e| e.cacheable_by_default) {
        Ok("its status is heuristically cacheable (RFC 9110 §15.1), so caches may store it without explicit freshness")
    } else {
        Err("no explicit lifetime, no Cache-Control that allows storing, and a status that is not heuristically cacheable (RFC 9111 §3)")
    }
}

fn report(c: &Checker<'_>) -> CacheReport {
    let no_cc = CacheControl::default();
    let cc = cache_control(c).unwrap_or(&no_cc);
    let cc_hidden = cache_control(c).is_none();
    let mut notes = Vec::new();
    if cc_hidden {
        notes.push("Cache-Control is hidden from this page, so this analysis may be incomplete.".to_string());
    }
    let explicit_private = explicit_lifetime(c, false);
    let explicit_shared = explicit_lifetime(c, true);
    let has_authz = c.request().is_some_and(|r| r.headers.get("authorization").is_some());

    let not_stored = |why: &str| Storable { yes: false, why: why.to_string() };
    let private = match private_storability(c, cc) {
        Ok(why) => Storable { yes: true, why: why.to_string() },
        Err(why) => not_stored(why),
    };
    let shared = if !private.yes {
        private.clone()
    } else if cc.has_unqualified("private") {
        not_stored("`private`: only the browser's own cache may keep it (RFC 9111 §5.2.2.7)")
    } else if has_authz && !(cc.has("public") || cc.has("must-revalidate") || cc.has("s-maxage")) {
        not_stored("the request carried Authorization and the response has no public, must-revalidate or s-maxage (RFC 9111 §3.5)")
    } else {
        Storable { yes: true, why: private.why.clone() }
    };

    let no_cache = cc.has_unqualified("no-cache");
    let (fresh, shared_fresh) = if !private.yes || no_cache {
        (None, None)
    } else {
        let h = || freshness(heuristic_lifetime(c, cc).as_ref(), true);
        let p = freshness(explicit_private, false).or_else(h);
        let s = if shared.yes { freshness(explicit_shared, false).or_else(h) } else { None };
        (p, s)
    };
    let date = super::response_date(c);
    let now = c.context.now.and_then(|n| i64::try_from(n).ok());
    let age_header = header_value(c, "Age").and_then(|v| delta_seconds(v.trim_fast()));
    let apparent = match (date, now) {
        (Some(d), Some(n)) => Some(u64::try_from(n - d).unwrap_or(0)),
        _ => None,
    };
    let age = match (age_header, apparent) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    let fresh_for = fresh.as_ref().map(|f| f.secs as i64 - age.unwrap_or(0) as i64);
    let stale_at = match (&fresh, base_time(c)) {
        (Some(f), Some(base)) => Some(base + f.secs as i64 - age_header.unwrap_or(0) as i64),
        _ => None,
    };
    if let Some(f) = &fresh {
        if f.heuristic {
            notes.push(format!(
                "The lifetime is a heuristic ({}): browsers and CDNs pick their own; Chromium uses 10% of the time since Last-Modified.",
                human(f.secs)
            ));
        }
    }
    if let Some(d) = cc.get("stale-while-revalidate").and_then(|d| d.seconds()) {
        notes.push(format!("stale-while-revalidate={d}: for {} after it goes stale, a cache may serve it while revalidating in the background (RFC 5861 §3).", human(d)));
    }
    if cc.has("immutable") {
        notes.push("immutable: while fresh, browsers do not revalidate it even on reload (RFC 8246).".into());
    }
    if cc.has("must-revalidate") {
        notes.push("must-revalidate: once stale, it must not be served without a successful revalidation, even when the server is unreachable (RFC 9111 §5.2.2.2).".into());
    }

    let vary: Vec<String> = match c.header("Vary") {
        Presence::Present(..) => c.response().headers.all("Vary").flat_map(|(_, v)| split_list(v)).map(|s| s.to_ascii_lowercase()).collect(),
        Presence::Hidden => {
            notes.push("Vary is hidden from this page: the cache key may include request headers it cannot see.".into());
            Vec::new()
        }
        Presence::Absent => Vec::new(),
    };
    if vary.iter().any(|v| v == "*") {
        notes.push("Vary: * — a stored response never matches a later request, so it is never reused without revalidation (RFC 9111 §4.1).".into());
    }
    let etag = header_value(c, "ETag");
    let last_modified = header_value(c, "Last-Modified");
    if matches!(c.header("ETag"), Presence::Hidden) {
        notes.push("ETag is hidden from this page (not in Access-Control-Expose-Headers); the browser's cache still sees and uses it.".into());
    }
    let revalidation = match (&etag, &last_modified) {
        (Some(e), _) => format!("If-None-Match: {e} — the server can answer 304 Not Modified (RFC 9110 §13.1.2)"),
        (None, Some(lm)) => format!("If-Modified-Since: {lm} — the server can answer 304 Not Modified (RFC 9110 §13.1.3)"),
        (None, None) => "none: without ETag or Last-Modified the cache must download it again in full once stale".into(),
    };
    CacheReport {
        private,
        shared,
        freshness: fresh,
        shared_freshness: shared_fresh,
        revalidate_every_use: no_cache,
        age,
        fresh_for,
        stale_at,
        vary,
        etag,
        last_modified,
        revalidation,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Headers, Request, Response};

    const NOW: u64 = 1_795_645_000;

    fn ex(status: u16, method: &str, headers: &[(&str, &str)], req_headers: &[(&str, &str)]) -> Exchange {
        let mut h = Headers::new();
        for (n, v) in headers {
            h.push(n.to_string(), v.to_string());
        }
        let mut r = Request::new(method, "https://a.test/x");
        for (n, v) in req_headers {
            r.headers.push(n.to_string(), v.to_string());
        }
        Exchange { request: Some(r), response: Response { status, headers: h, ..Default::default() } }
    }

    fn ctx() -> LintContext {
        LintContext { now: Some(NOW), ..Default::default() }
    }

    #[test]
    fn max_age_and_age() {
        let date = httpdate::fmt_http_date(std::time::UNIX_EPOCH + std::time::Duration::from_secs(NOW - 10));
        let r = analyze(&ex(200, "GET", &[("Cache-Control", "max-age=60, s-maxage=600"), ("Date", &date), ("Age", "5"), ("ETag", "\"v\"")], &[]), &ctx());
        assert!(r.private.yes && r.shared.yes);
        assert_eq!(r.freshness.as_ref().unwrap().secs, 60);
        assert_eq!(r.freshness.as_ref().unwrap().source, "max-age=60");
        assert_eq!(r.shared_freshness.as_ref().unwrap().secs, 600);
        assert_eq!(r.age, Some(10), "the larger of Age and now − Date");
        assert_eq!(r.fresh_for, Some(50));
        assert!(r.revalidation.starts_with("If-None-Match"));
    }

    #[test]
    fn not_stored_cases() {
        assert!(!analyze(&ex(200, "GET", &[("Cache-Control", "no-store")], &[]), &ctx()).private.yes);
        assert!(!analyze(&ex(200, "POST", &[("Cache-Control", "max-age=60")], &[]), &ctx()).private.yes);
        let p = analyze(&ex(200, "GET", &[("Cache-Control", "private, max-age=60")], &[]), &ctx());
        assert!(p.private.yes && !p.shared.yes);
        let a = analyze(&ex(200, "GET", &[("Cache-Control", "max-age=60")], &[("Authorization", "Bearer x")]), &ctx());
        assert!(a.private.yes && !a.shared.yes, "{:?}", a.shared);
        let e = analyze(&ex(500, "GET", &[], &[]), &ctx());
        assert!(!e.private.yes, "500 is not heuristically cacheable");
    }

    #[test]
    fn heuristic_no_cache_and_vary() {
        let lm = httpdate::fmt_http_date(std::time::UNIX_EPOCH + std::time::Duration::from_secs(NOW - 1000));
        let r = analyze(&ex(404, "GET", &[("Last-Modified", &lm), ("Vary", "Accept-Encoding, Origin")], &[]), &ctx());
        assert!(r.private.yes, "404 is heuristically cacheable (RFC 9110 §15.1)");
        let f = r.freshness.unwrap();
        assert!(f.heuristic && f.secs == 100);
        assert_eq!(r.vary, ["accept-encoding", "origin"]);
        assert!(r.revalidation.starts_with("If-Modified-Since"));
        let n = analyze(&ex(200, "GET", &[("Cache-Control", "no-cache")], &[]), &ctx());
        assert!(n.private.yes && n.revalidate_every_use && n.freshness.is_none());
        assert!(n.revalidation.starts_with("none"));
    }
}
