//! What the browser did with redirects, its HTTP cache and the fetch options, reconstructed from
//! what the page saw and — for the simulator — what the simulator recorded. Pure, tested natively.

use statuslab_rules::fetch::redirect::{follow_redirect, Following, RedirectStep};

use crate::observe::{origin_of, Failure, Observed, RecordedExchange, ServerRecord};
use crate::state::FetchOptions;

/// The URL a recorded request was made to (the simulator speaks plain HTTP; the host is the one
/// the browser put in `Host`, so the two loopback names stay apart).
pub fn recorded_url(e: &RecordedExchange, scheme: &str) -> String {
    let host = e.request.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("host")).map(|(_, v)| v.as_str()).unwrap_or("");
    let q = if e.request.query.is_empty() { String::new() } else { format!("?{}", e.request.query) };
    format!("{scheme}://{host}{}{q}", e.request.path)
}

fn has_header(e: &RecordedExchange, name: &str) -> bool {
    e.request.headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

/// One hop of a redirect chain: what the simulator received and answered, what the Fetch
/// standard says the browser does next, and what the browser really did next.
#[derive(Clone, Debug, PartialEq)]
pub struct Hop {
    pub url: String,
    pub method: String,
    pub status: u16,
    pub step: RedirectStep,
    /// The method the next request really used (from the record), when there is a next one.
    pub observed_next_method: Option<String>,
    /// Whether the next request really carried `Authorization`.
    pub observed_next_authorization: Option<bool>,
}

/// The redirect chain the browser followed, from the simulator's record.
#[derive(Clone, Debug, PartialEq)]
pub struct Chain {
    pub hops: Vec<Hop>,
    /// The final request (the one that was not redirected), when it was recorded.
    pub final_url: Option<String>,
    pub final_method: Option<String>,
    /// A URL requested twice: the chain loops.
    pub revisits: bool,
    /// Every observed next method and Authorization matches the Fetch standard's prediction.
    pub matches_prediction: bool,
}

/// Rebuilds the chain from the record (preflights skipped). `None` when nothing was redirected.
pub fn chain_from_record(
    record: &ServerRecord,
    method: &str,
    request_headers: &[(String, String)],
    has_body: bool,
    options: &FetchOptions,
    page_origin: &str,
) -> Option<Chain> {
    let scheme = page_origin.split("://").next().unwrap_or("http");
    let entries: Vec<&RecordedExchange> = record.exchanges.iter().filter(|e| e.kind != "preflight").collect();
    let first_redirect = entries.iter().position(|e| e.kind == "redirect")?;
    let entries = &entries[first_redirect..];
    let mut f = Following {
        url: recorded_url(entries[0], scheme),
        method: method.to_string(),
        headers: request_headers.to_vec(),
        has_body,
        tainted: false,
        count: 0,
        cors_mode: options.mode == "cors",
    };
    let mut hops = Vec::new();
    let mut final_entry = None;
    for (i, e) in entries.iter().enumerate() {
        if e.kind != "redirect" {
            final_entry = Some(*e);
            break;
        }
        let location = e.response.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("location")).map(|(_, v)| v.clone());
        f.url = recorded_url(e, scheme);
        let step = follow_redirect(&mut f, e.response.status, location.as_deref(), page_origin);
        let next = entries.get(i + 1);
        hops.push(Hop {
            url: recorded_url(e, scheme),
            method: e.request.method.clone(),
            status: e.response.status,
            step,
            observed_next_method: next.map(|n| n.request.method.clone()),
            observed_next_authorization: next.map(|n| has_header(n, "authorization")),
        });
    }
    let matches_prediction = hops.iter().all(|h| {
        let method_ok = h.observed_next_method.as_ref().is_none_or(|m| *m == h.step.method_out);
        let auth_dropped = h.step.dropped_headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("authorization"));
        let auth_ok = match h.observed_next_authorization {
            Some(true) => !auth_dropped,
            _ => true,
        };
        method_ok && auth_ok
    });
    let mut seen: Vec<&str> = Vec::new();
    let mut revisits = false;
    for h in &hops {
        revisits |= seen.contains(&h.url.as_str());
        seen.push(&h.url);
    }
    Some(Chain {
        final_url: final_entry.map(|e| recorded_url(e, scheme)),
        final_method: final_entry.map(|e| e.request.method.clone()),
        hops,
        revisits,
        matches_prediction,
    })
}

/// What the browser's HTTP cache did for one send, told by the simulator's record of the
/// requests that reached it during that send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CacheEvidence {
    /// The page got a response and no request reached the simulator.
    FromCache,
    /// The browser revalidated: the simulator answered 304 and the page saw the stored response.
    Revalidated { page_status: u16 },
    /// The request went to the network and the simulator answered it in full.
    Network { status: u16 },
}

pub fn cache_evidence(new_entries: &ServerRecord, page_status: u16) -> CacheEvidence {
    match new_entries.requests().last() {
        None => CacheEvidence::FromCache,
        Some(e) if e.response.status == 304 && page_status != 304 => CacheEvidence::Revalidated { page_status },
        Some(e) => CacheEvidence::Network { status: e.response.status },
    }
}

impl CacheEvidence {
    pub fn sentence(&self) -> String {
        match self {
            CacheEvidence::FromCache => "Served from the browser's HTTP cache: no request reached the simulator (its record is unchanged).".into(),
            CacheEvidence::Revalidated { page_status } => format!(
                "Revalidated: the browser sent a conditional request, the simulator answered 304 Not Modified, and the browser handed the page its stored copy as {page_status} (RFC 9111 §4.3.4). fetch() never shows the 304."
            ),
            CacheEvidence::Network { status } => format!("From the network: the request reached the simulator, which answered {status}."),
        }
    }
}

/// The verdict of one "probe the cache" fetch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProbeVerdict {
    pub cache_mode: &'static str,
    pub outcome: String,
    pub evidence: String,
}

/// Interprets a probe: `result` is the page's status or the error message; `reached` the number
/// of requests the simulator recorded during it, and whether the last one was answered 304.
pub fn probe_verdict(cache_mode: &'static str, result: Result<u16, String>, reached: usize, last_304: bool) -> ProbeVerdict {
    let evidence = match reached {
        0 => "the simulator received no request".to_string(),
        1 => "the simulator received 1 request".to_string(),
        n => format!("the simulator received {n} requests"),
    };
    let outcome = match (result, reached) {
        (Err(e), _) if cache_mode == "only-if-cached" => format!("Not in the cache: only-if-cached failed ({e}) — nothing stored for this URL, or the stored response was not usable."),
        (Err(e), _) => format!("The fetch failed: {e}"),
        (Ok(s), 0) => format!("Served from the browser's HTTP cache ({s}) without contacting the server."),
        (Ok(s), _) if last_304 => format!("Revalidated with the server (304 Not Modified); the page got the stored copy as {s}."),
        (Ok(s), _) => format!("Fetched from the network ({s}): the cache had nothing usable, or this mode bypasses it."),
    };
    ProbeVerdict { cache_mode, outcome, evidence }
}

/// What `cache: X` asks of the browser's HTTP cache (Fetch §concept-request-cache-mode).
pub fn cache_mode_meaning(mode: &str) -> &'static str {
    match mode {
        "no-store" => "bypasses the HTTP cache entirely: no stored response is used and the answer is not stored",
        "reload" => "bypasses stored responses but stores the answer",
        "no-cache" => "always asks the server: a stored response is revalidated with a conditional request first",
        "force-cache" => "uses any stored response, even a stale one, without asking the server; fetches only when nothing is stored",
        "only-if-cached" => "uses only the cache and fails when nothing is stored (allowed with mode \"same-origin\" only)",
        _ => "the normal rules: a fresh stored response is used as is, a stale one is revalidated",
    }
}

/// Warns before sending when the answer will be a Basic challenge the browser turns into its
/// login dialog: a 401 with `WWW-Authenticate: Basic` prompts the user when the response is not
/// CORS-tainted (same-origin, or no-cors) and credentials are included (Fetch
/// §http-network-or-cache-fetch, the 401 step). Known for the simulator's `/api/auth/basic/…`.
pub fn basic_prompt_warning(url: &str, headers: &[(String, String)], o: &FetchOptions, page_origin: &str) -> Option<String> {
    let u = crate::weburl::WebUrl::parse(url).ok()?;
    if !crate::observe::is_simulator(url, page_origin) || !u.path().starts_with("/api/auth/basic/") {
        return None;
    }
    if headers.iter().any(|(n, _)| n.eq_ignore_ascii_case("authorization")) {
        return None;
    }
    let same_origin = u.origin().as_deref() == Some(page_origin);
    let tainted = !same_origin && o.mode != "no-cors";
    let credentials = o.credentials == "include" || (o.credentials == "same-origin" && same_origin);
    (!tainted && credentials).then(|| {
        "This endpoint answers 401 with a Basic challenge, and for a same-origin request with credentials the browser shows its own login dialog instead of handing the 401 to the page (Fetch §http-network-or-cache-fetch). Set credentials to \"omit\", use the cross-origin simulator, or add an Authorization header to see the 401 itself.".to_string()
    })
}

/// One fetch option and what it did to this exchange.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Effect {
    pub option: &'static str,
    pub value: String,
    pub effect: String,
}

/// What each fetch option did for one send. `record` is what the simulator recorded during it.
pub fn option_effects(
    o: &FetchOptions,
    result: Result<&Observed, &Failure>,
    record: Option<&ServerRecord>,
    page_origin: &str,
    url: &str,
) -> Vec<Effect> {
    let mut v = Vec::new();
    let mut add = |option: &'static str, value: &str, effect: String| v.push(Effect { option, value: value.to_string(), effect });
    let redirects = record.map(|r| r.exchanges.iter().filter(|e| e.kind == "redirect").count()).unwrap_or(0);
    let same_origin = origin_of(url).as_deref() == Some(page_origin);

    let redirect = match (o.redirect.as_str(), result) {
        ("manual", Ok(obs)) if obs.response_type == "opaqueredirect" => "The server redirected and the browser did not follow: the page got an opaque-redirect response — type \"opaqueredirect\", status 0, no headers, no body, so not even the Location is readable (Fetch §concept-filtered-response-opaque-redirect). The simulator's record below shows the redirect it sent.".to_string(),
        ("error", Err(_)) if redirects > 0 => "The server redirected, and redirect: \"error\" turns any redirect into a network error: fetch() rejected (Fetch §main-fetch, the redirect step).".to_string(),
        (_, Ok(obs)) if obs.redirected => match redirects {
            0 => format!("Followed: the page sees only the final response, from {} (Response.redirected is true); the hops are invisible to it.", obs.final_url),
            n => format!("Followed {n} redirect(s) to {} — invisible to the page except for Response.redirected = true and Response.url; the chain below comes from the simulator's record.", obs.final_url),
        },
        (_, Ok(_)) => "No redirect happened.".to_string(),
        (_, Err(_)) => "No response, so nothing to follow.".to_string(),
    };
    add("redirect", &o.redirect, redirect);

    let evidence = match (result, record) {
        (Ok(obs), Some(r)) => Some(cache_evidence(r, obs.status).sentence()),
        (Ok(obs), None) => obs.timing.as_ref().and_then(|t| t.from_cache()).map(|hit| {
            if hit {
                "Resource Timing reports 0 bytes transferred: served from the browser's HTTP cache.".to_string()
            } else {
                "Resource Timing reports bytes transferred: the response came from the network.".to_string()
            }
        }),
        _ => None,
    };
    let cache = format!("{}{}", cache_mode_meaning(&o.cache), evidence.map(|e| format!(". {e}")).unwrap_or_else(|| ".".into()));
    add("cache", &o.cache, cache);

    let credentials = match (o.credentials.as_str(), same_origin) {
        ("omit", _) => "No cookies or HTTP authentication were attached, and any Set-Cookie in the answer is ignored.",
        ("include", _) => "Cookies and HTTP authentication are attached even cross-origin; a cross-origin answer is then readable only with Access-Control-Allow-Credentials: true and an exact Access-Control-Allow-Origin (no `*`).",
        (_, true) => "Same-origin request: cookies and HTTP authentication were attached.",
        (_, false) => "Cross-origin request: no cookies or HTTP authentication were attached (credentials: \"same-origin\").",
    };
    add("credentials", &o.credentials, credentials.to_string());

    let mode = match result {
        Ok(obs) => match obs.response_type.as_str() {
            "basic" => "A same-origin (basic) response: every header but Set-Cookie is readable.".to_string(),
            "cors" => "A CORS response: the server allowed this origin, and only CORS-safelisted and exposed headers are readable.".to_string(),
            "opaque" => "An opaque response (no-cors, cross-origin): status 0, no headers, no body — the page cannot read anything.".to_string(),
            "opaqueredirect" => "An opaque redirect (redirect: \"manual\"): status 0, nothing readable.".to_string(),
            t => format!("Response type `{t}`."),
        },
        Err(_) => match o.mode.as_str() {
            "same-origin" if !same_origin => "mode: \"same-origin\" refuses any cross-origin URL: fetch() rejects without sending.".to_string(),
            _ => "No response reached the page.".to_string(),
        },
    };
    add("mode", &o.mode, mode);

    let referer = record.and_then(|r| r.exchanges.iter().find(|e| e.kind != "preflight")).map(|e| {
        e.request.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("referer")).map(|(_, v)| v.clone())
    });
    let policy = if o.referrer_policy.is_empty() { "default (strict-origin-when-cross-origin)" } else { o.referrer_policy.as_str() };
    let referrer = match referer {
        Some(Some(r)) => format!("The simulator received `Referer: {r}`."),
        Some(None) => "The simulator received no Referer header.".to_string(),
        None => "Decides how much of this page's URL goes into the Referer header (Referrer Policy §determine-requests-referrer).".to_string(),
    };
    add("referrerPolicy", policy, referrer);

    add("priority", &o.priority, match o.priority.as_str() {
        "auto" => "The browser chose the priority itself.".to_string(),
        p => format!("A hint to schedule this request with {p} priority among the page's requests (Fetch §request-priority); it changes when, not what, the server answers."),
    });
    if o.keepalive {
        add("keepalive", "true", "The request may outlive the page (e.g. sent while it unloads); its body counts against a 64 KiB budget for all in-flight keepalive requests (Fetch §http-network-or-cache-fetch).".to_string());
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::observe::{RecordedRequest, RecordedResponse};

    const PAGE: &str = "http://127.0.0.1:8080";

    #[allow(clippy::too_many_arguments)] // a test's record builder: one argument per field
    fn entry(seq: u64, kind: &str, method: &str, host: &str, path: &str, headers: &[(&str, &str)], status: u16, location: Option<&str>) -> RecordedExchange {
        let mut h: Vec<(String, String)> = vec![("host".into(), host.into())];
        h.extend(headers.iter().map(|(n, v)| (n.to_string(), v.to_string())));
        RecordedExchange {
            seq,
            kind: kind.into(),
            request: RecordedRequest { method: method.into(), path: path.into(), query: "rid=r".into(), headers: h, body_size: 0 },
            response: RecordedResponse {
                status,
                reason: String::new(),
                headers: location.map(|l| vec![("Location".to_string(), l.to_string())]).unwrap_or_default(),
                body_size: 0,
            },
        }
    }

    fn rec(e: Vec<RecordedExchange>) -> ServerRecord {
        ServerRecord { rid: "r".into(), exchanges: e }
    }

    #[test]
    fn a_302_chain_rewrites_post_and_matches_the_record() {
        let r = rec(vec![
            entry(1, "redirect", "POST", "127.0.0.1:8080", "/api/redirect/1", &[], 302, Some("/api/status/200?rid=r")),
            entry(2, "request", "GET", "127.0.0.1:8080", "/api/status/200", &[], 200, None),
        ]);
        let c = chain_from_record(&r, "POST", &[("Content-Type".into(), "text/plain".into())], true, &FetchOptions::default(), PAGE).unwrap();
        assert_eq!(c.hops.len(), 1);
        assert_eq!(c.hops[0].step.method_out, "GET");
        assert!(c.hops[0].step.body_dropped);
        assert_eq!(c.final_method.as_deref(), Some("GET"));
        assert!(c.matches_prediction);
        assert!(!c.revisits);
    }

    #[test]
    fn a_cross_origin_hop_drops_authorization() {
        let r = rec(vec![
            entry(1, "redirect", "GET", "127.0.0.1:8080", "/api/redirect/1", &[("authorization", "Bearer t")], 307, Some("http://localhost:8080/api/status/200?rid=r")),
            entry(2, "request", "GET", "localhost:8080", "/api/status/200", &[], 200, None),
        ]);
        let c = chain_from_record(&r, "GET", &[("Authorization".into(), "Bearer t".into())], false, &FetchOptions::default(), PAGE).unwrap();
        assert!(c.hops[0].step.origin_changed);
        assert_eq!(c.hops[0].step.dropped_headers[0].0, "Authorization");
        assert_eq!(c.hops[0].observed_next_authorization, Some(false));
        assert!(c.matches_prediction);
        // A browser that kept Authorization would not match the prediction.
        let kept = rec(vec![r.exchanges[0].clone(), entry(2, "request", "GET", "localhost:8080", "/api/status/200", &[("authorization", "Bearer t")], 200, None)]);
        assert!(!chain_from_record(&kept, "GET", &[("Authorization".into(), "Bearer t".into())], false, &FetchOptions::default(), PAGE).unwrap().matches_prediction);
    }

    #[test]
    fn no_chain_without_redirects() {
        let r = rec(vec![entry(1, "request", "GET", "127.0.0.1:8080", "/api/status/200", &[], 200, None)]);
        assert!(chain_from_record(&r, "GET", &[], false, &FetchOptions::default(), PAGE).is_none());
    }

    #[test]
    fn cache_evidence_from_the_record() {
        assert_eq!(cache_evidence(&rec(vec![]), 200), CacheEvidence::FromCache);
        let revalidated = rec(vec![entry(3, "request", "GET", "h", "/api/cache", &[("if-none-match", "\"v1\"")], 304, None)]);
        assert_eq!(cache_evidence(&revalidated, 200), CacheEvidence::Revalidated { page_status: 200 });
        let net = rec(vec![entry(3, "request", "GET", "h", "/api/cache", &[], 200, None)]);
        assert_eq!(cache_evidence(&net, 200), CacheEvidence::Network { status: 200 });
        let r = rec(vec![entry(1, "request", "GET", "h", "/x", &[], 200, None), entry(2, "request", "GET", "h", "/x", &[], 200, None)]);
        assert_eq!(r.since(1).exchanges.len(), 1);
        assert_eq!(r.last_seq(), 2);
    }

    #[test]
    fn basic_challenges_prompt_only_without_cors_tainting() {
        let url = format!("{PAGE}/api/auth/basic/a/b");
        let o = FetchOptions::default();
        assert!(basic_prompt_warning(&url, &[], &o, PAGE).is_some());
        let omit = FetchOptions { credentials: "omit".into(), ..FetchOptions::default() };
        assert!(basic_prompt_warning(&url, &[], &omit, PAGE).is_none());
        assert!(basic_prompt_warning(&url, &[("Authorization".into(), "Basic x".into())], &o, PAGE).is_none());
        assert!(basic_prompt_warning("http://localhost:8080/api/auth/basic/a/b", &[], &o, PAGE).is_none(), "CORS never prompts");
        assert!(basic_prompt_warning(&format!("{PAGE}/api/auth/bearer"), &[], &o, PAGE).is_none());
    }

    #[test]
    fn probe_verdicts() {
        assert!(probe_verdict("force-cache", Ok(200), 0, false).outcome.starts_with("Served from the browser's HTTP cache"));
        assert!(probe_verdict("no-cache", Ok(200), 1, true).outcome.starts_with("Revalidated"));
        assert!(probe_verdict("no-cache", Ok(200), 1, false).outcome.starts_with("Fetched from the network"));
        assert!(probe_verdict("only-if-cached", Err("Failed to fetch".into()), 0, false).outcome.starts_with("Not in the cache"));
    }

    #[test]
    fn option_effects_explain_manual_redirects_and_referrer() {
        let o = FetchOptions { redirect: "manual".into(), referrer_policy: "no-referrer".into(), ..FetchOptions::default() };
        let obs = Observed {
            sent_url: format!("{PAGE}/api/redirect/1"),
            method: "GET".into(),
            status: 0,
            status_text: String::new(),
            headers: vec![],
            body: vec![],
            final_url: format!("{PAGE}/api/redirect/1"),
            redirected: false,
            response_type: "opaqueredirect".into(),
            elapsed_ms: 1.0,
            source_note: None,
            timing: None,
        };
        let r = rec(vec![entry(1, "redirect", "GET", "127.0.0.1:8080", "/api/redirect/1", &[], 302, Some("/x"))]);
        let e = option_effects(&o, Ok(&obs), Some(&r), PAGE, &obs.sent_url);
        assert!(e.iter().find(|x| x.option == "redirect").unwrap().effect.contains("status 0"));
        assert!(e.iter().find(|x| x.option == "referrerPolicy").unwrap().effect.contains("no Referer"));
        assert!(e.iter().find(|x| x.option == "credentials").unwrap().effect.starts_with("Same-origin"));
    }
}
