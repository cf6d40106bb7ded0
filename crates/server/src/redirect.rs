//! `/api/redirect/{n}`: a chain of `n` redirects (1–20) that ends at a diagnostic which reports
//! the trail — the method and headers the simulator received at every hop — so the app can draw
//! the chain the browser followed but never showed the page.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use serde_json::json;

use crate::problem::{InvalidParam, Problem};
use crate::sim::{drive, push, Ctx, Reply, SetHeader};
use crate::store::valid_rid;
use crate::AppState;

/// Browsers follow at most 20 redirects (Fetch §http-redirect-fetch, step 6); a longer chain is
/// the `loop` knob's job.
pub const MAX_HOPS: u32 = 20;
const MAX_TARGET: usize = 2048;
const STATUSES: &[u16] = &[301, 302, 303, 307, 308];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub hops: u32,
    pub status: u16,
    /// The final target: a same-origin path, or an absolute URL on a loopback host.
    pub to: String,
    pub absolute: bool,
    pub looped: bool,
}

/// Checks `/api/redirect/{n}` and its query (`status`, `to`, `mode`, `loop`).
pub fn parse(raw_n: &str, query: &str) -> Result<Chain, Vec<InvalidParam>> {
    let mut errs = Vec::new();
    let mut bad = |name: &str, reason: String| errs.push(InvalidParam { name: name.into(), reason });
    let hops = match raw_n.parse::<u32>() {
        Ok(n) if (1..=MAX_HOPS).contains(&n) => n,
        _ => {
            bad("n", format!("`{raw_n}` is not a number of hops 1–{MAX_HOPS} (browsers stop after 20 redirects; use `loop` for an endless chain)"));
            0
        }
    };
    let mut chain = Chain { hops, status: 302, to: "/api/status/200".into(), absolute: false, looped: false };
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        match k.as_ref() {
            "status" => match v.parse::<u16>() {
                Ok(s) if STATUSES.contains(&s) => chain.status = s,
                _ => bad("status", format!("`{v}` is not one of 301, 302, 303, 307, 308")),
            },
            "mode" => match v.as_ref() {
                "relative" => chain.absolute = false,
                "absolute" => chain.absolute = true,
                _ => bad("mode", format!("`{v}` is not `relative` or `absolute`")),
            },
            "to" => match check_target(&v) {
                Ok(()) => chain.to = v.into_owned(),
                Err(reason) => bad("to", reason),
            },
            "loop" => chain.looped = v.is_empty() || v == "1" || v == "true",
            _ => {}
        }
    }
    if errs.is_empty() {
        Ok(chain)
    } else {
        Err(errs)
    }
}

/// A target is a path under `/api/` on this server, or an absolute `http:` URL on a loopback
/// name (`localhost`, `127.0.0.1`, `[::1]`) — the cross-origin twin. Anything else would make
/// the simulator an open redirector.
fn check_target(to: &str) -> Result<(), String> {
    if to.len() > MAX_TARGET {
        return Err(format!("longer than {MAX_TARGET} bytes"));
    }
    if to.starts_with("/api/") && !to.starts_with("//") {
        return Ok(());
    }
    let u = url::Url::parse(to).map_err(|_| format!("`{to}` is neither a path under /api/ nor an absolute URL"))?;
    let loopback = matches!(u.host_str(), Some("localhost" | "127.0.0.1" | "[::1]"));
    if u.scheme() != "http" || !loopback || !u.path().starts_with("/api/") || !u.username().is_empty() || u.password().is_some() {
        return Err(format!(
            "`{to}` is not allowed: the chain may end on this simulator only (a path under /api/, or http://localhost|127.0.0.1|[::1]:PORT/api/…)"
        ));
    }
    Ok(())
}

static NEXT_RID: AtomicU64 = AtomicU64::new(1);

/// A rid for a chain the caller did not name, so the hops can still be collected into the trail.
fn fresh_rid() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
    format!("chain-{:x}-{:x}", nanos & 0xffff_ffff_ffff, NEXT_RID.fetch_add(1, Ordering::Relaxed))
}

/// Replaces (or adds) `rid` in a query string, keeping every other parameter as written.
fn with_rid(query: &str, rid: &str) -> String {
    let mut parts: Vec<&str> = query.split('&').filter(|p| !p.is_empty() && !p.starts_with("rid=")).collect();
    let r = format!("rid={rid}");
    parts.push(&r);
    parts.join("&")
}

/// Where hop `n` of `chain` points.
pub fn next_location(chain: &Chain, query: &str, rid: &str, host: Option<&str>) -> String {
    let target = if chain.looped || chain.hops > 1 {
        let next = if chain.looped { chain.hops } else { chain.hops - 1 };
        format!("/api/redirect/{next}?{}", with_rid(query, rid))
    } else {
        let (path, q) = chain.to.split_once('?').unwrap_or((&chain.to, ""));
        format!("{path}?{}", with_rid(q, rid))
    };
    match (chain.absolute && target.starts_with('/'), host) {
        (true, Some(h)) => format!("http://{h}{target}"),
        _ => target,
    }
}

/// `ANY /api/redirect/{n}`.
pub async fn redirect(
    State(state): State<Arc<AppState>>,
    Path(raw_n): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let chain = parse(&raw_n, uri.query().unwrap_or(""));
    // Every hop is recorded: a chain without a rid gets one, carried along in each Location.
    let needs_rid = !url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes()).any(|(k, v)| k == "rid" && valid_rid(&v));
    let uri = if needs_rid && chain.is_ok() {
        let q = with_rid(uri.query().unwrap_or(""), &fresh_rid());
        format!("{}?{q}", uri.path()).parse().unwrap_or(uri)
    } else {
        uri
    };
    drive(state, method, uri, headers, body, chain, hop).await
}

fn hop(ctx: &Ctx<'_>, chain: Chain) -> Result<Reply, Problem> {
    let rid = ctx.rid().unwrap_or_default().to_string();
    let location = next_location(&chain, ctx.query, &rid, ctx.header("host"));
    let mut h: Vec<SetHeader> = Vec::new();
    let what = match chain.status {
        301 => "301 Moved Permanently: browsers follow it and rewrite a POST into a GET (RFC 9110 §15.4.2)",
        302 => "302 Found: browsers follow it and rewrite a POST into a GET (RFC 9110 §15.4.3, Fetch §http-redirect-fetch step 12)",
        303 => "303 See Other: the next request is a GET (HEAD stays HEAD) (RFC 9110 §15.4.4)",
        307 => "307 Temporary Redirect: the method and body are kept (RFC 9110 §15.4.8)",
        _ => "308 Permanent Redirect: the method and body are kept (RFC 9110 §15.4.9)",
    };
    push(&mut h, "Location", location.clone(), what);
    let has_body = *ctx.method != Method::HEAD;
    if has_body {
        push(&mut h, "Content-Type", "application/json", "the hop's diagnostic body is JSON");
    }
    push(&mut h, "Cache-Control", "no-store", "every hop must reach the simulator to be recorded (a cached 301/308 would skip it)");
    push(&mut h, "X-Content-Type-Options", "nosniff", "disables MIME sniffing");
    ctx.finish_headers(&mut h);
    let body = if has_body {
        let remaining = if chain.looped { "endless (loop)".to_string() } else { (chain.hops - 1).to_string() };
        serde_json::to_vec_pretty(&json!({
            "status": chain.status,
            "hop_received": ctx.req,
            "location": location,
            "hops_remaining": remaining,
            "note": "fetch() follows redirects without showing them to the page (unless redirect: \"manual\"); the final diagnostic's `trail` lists every hop.",
            "exchange_record": format!("/api/exchanges/{rid}"),
        }))
        .unwrap_or_default()
    } else {
        Vec::new()
    };
    let mut reply = Reply::new(chain.status, h, body);
    reply.kind = "redirect";
    Ok(reply)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_bounds() {
        let c = parse("3", "status=307&mode=absolute").unwrap();
        assert_eq!((c.hops, c.status, c.absolute, c.looped), (3, 307, true, false));
        assert!(parse("0", "").is_err());
        assert!(parse("21", "").is_err());
        assert!(parse("x", "").is_err());
        let e = parse("2", "status=304&mode=weird&to=https://evil.example/").unwrap_err();
        let names: Vec<_> = e.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["status", "mode", "to"]);
        assert!(parse("1", "loop").unwrap().looped);
    }

    #[test]
    fn targets_stay_on_the_simulator() {
        assert!(check_target("/api/status/204").is_ok());
        assert!(check_target("http://localhost:8080/api/status/200?cors=none").is_ok());
        assert!(check_target("http://[::1]:1/api/x").is_ok());
        assert!(check_target("//evil.example/api/").is_err());
        assert!(check_target("http://example.com/api/status/200").is_err());
        assert!(check_target("http://user:pw@localhost/api/status/200").is_err());
        assert!(check_target("/status/200").is_err());
    }

    #[test]
    fn locations_count_down_then_reach_the_target() {
        let c = parse("2", "status=303&rid=r1").unwrap();
        assert_eq!(next_location(&c, "status=303&rid=r1", "r1", Some("h:1")), "/api/redirect/1?status=303&rid=r1");
        let last = Chain { hops: 1, ..c.clone() };
        assert_eq!(next_location(&last, "status=303&rid=r1", "r1", None), "/api/status/200?rid=r1");
        let abs = Chain { absolute: true, ..c.clone() };
        assert_eq!(next_location(&abs, "rid=r1", "r1", Some("127.0.0.1:9")), "http://127.0.0.1:9/api/redirect/1?rid=r1");
        let looped = Chain { looped: true, ..c };
        assert_eq!(next_location(&looped, "loop&rid=r1", "r1", None), "/api/redirect/2?loop&rid=r1");
        let cross = Chain { hops: 1, to: "http://localhost:5/api/status/200?cors=none".into(), ..last };
        assert_eq!(next_location(&cross, "", "r9", None), "http://localhost:5/api/status/200?cors=none&rid=r9");
    }
}
