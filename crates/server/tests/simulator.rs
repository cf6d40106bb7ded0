//! The simulator, driven through the router without a socket.

mod common;

use axum::body::Body;
use axum::http::Request;
use common::*;
use statuslab_rules::{codes, lint, Exchange, Headers, LintContext, Severity, Target};
use statuslab_server::{router, AppState};
use tower::ServiceExt;

#[tokio::test]
async fn every_code_200_to_599_answers_with_its_status_and_critical_headers() {
    let st = state();
    for code in 200u16..=599 {
        let g = get(&st, &format!("/api/status/{code}")).await;
        assert_eq!(g.status, code);
        if let Some(entry) = codes::get(code) {
            for h in entry.sent_headers() {
                assert!(g.header(&h.name).is_some(), "{code}: missing {}", h.name);
            }
        }
        let bodiless = matches!(code, 204 | 205 | 304);
        assert_eq!(g.body.is_empty(), bodiless, "{code}: body presence");
        if !bodiless {
            let d = g.json();
            assert_eq!(d["status"], code);
            assert_eq!(d["request"]["method"], "GET");
            assert_eq!(d["reason"], codes::reason(code));
            assert!(d["headers_set"].as_array().unwrap().iter().all(|h| !h["reason"].as_str().unwrap().is_empty()));
            // One source of truth: the code-specific headers are exactly the entry's
            // required and expected critical headers.
            let from_entry: std::collections::BTreeSet<String> = codes::get(code)
                .map(|e| e.sent_headers().map(|h| h.name.to_ascii_lowercase()).collect())
                .unwrap_or_default();
            let set: std::collections::BTreeSet<String> = d["headers_set"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|h| {
                    let r = h["reason"].as_str().unwrap();
                    r.starts_with("required for") || r.starts_with("expected for")
                })
                .map(|h| h["name"].as_str().unwrap().to_ascii_lowercase())
                .collect();
            assert_eq!(set, from_entry, "{code}");
            assert_eq!(g.header("content-type"), Some("application/json"));
        }
        assert_eq!(g.header("cache-control"), Some("no-store"));
        assert_eq!(g.header("x-content-type-options"), Some("nosniff"));
    }
}

/// The simulator's own headers draw no warning or error from our rules, for every code and for
/// the main methods (as the CLI would see the response: every header visible).
#[tokio::test]
async fn simulator_responses_pass_our_own_header_rules() {
    let st = state();
    for method in ["GET", "POST", "HEAD", "DELETE"] {
        for code in 200u16..=599 {
            let req = Request::builder()
                .method(method)
                .uri(format!("/api/status/{code}"))
                .header("origin", "http://localhost:9999")
                .body(Body::empty())
                .unwrap();
            let g = send_to(st.clone(), req).await;
            let mut headers = Headers::new();
            for (n, v) in &g.headers {
                headers.push(n.clone(), v.clone());
            }
            // hyper adds Content-Length on the wire when the handler did not, and sends none on
            // a 1xx or 204 (RFC 9110 §8.6) even where axum set one in process: the CLI test
            // `lint_a_url_fetched_natively` lints a 204 from a real socket.
            if !g.body.is_empty() && g.header("content-length").is_none() {
                headers.push("content-length", g.body.len().to_string());
            }
            if g.status < 200 || g.status == 204 {
                headers.0.retain(|(n, _)| !n.eq_ignore_ascii_case("content-length"));
            }
            let ex = Exchange {
                request: Some(statuslab_rules::Request::new(method, &format!("http://127.0.0.1/api/status/{code}"))),
                response: statuslab_rules::Response { status: g.status, headers, body: g.body.clone(), ..Default::default() },
            };
            let bad: Vec<_> = lint(&ex, &LintContext::default())
                .into_iter()
                .filter(|f| f.severity != Severity::Info && matches!(f.target, Target::Header { .. } | Target::Body))
                .map(|f| format!("{} {}", f.code, f.message))
                .collect();
            assert!(bad.is_empty(), "{method} {code}: {bad:?}");
        }
    }
}

#[tokio::test]
async fn head_gets_headers_without_body() {
    let g = send_to(state(), Request::head("/api/status/401").body(Body::empty()).unwrap()).await;
    assert_eq!(g.status, 401);
    assert!(g.body.is_empty());
    assert!(g.header("www-authenticate").unwrap().starts_with("Bearer"));
}

#[tokio::test]
async fn required_headers_for_key_codes() {
    let st = state();
    let g = get(&st, "/api/status/401").await;
    assert!(g.header("www-authenticate").unwrap().starts_with("Bearer realm="));
    let g = get(&st, "/api/status/405").await;
    let allow = g.header("allow").unwrap();
    assert!(!allow.split(", ").any(|m| m == "GET"), "Allow must not list the refused GET: {allow}");
    let g = get(&st, "/api/status/302?rid=abc").await;
    assert_eq!(g.header("location"), Some("/api/status/200?redirected_from=302&rid=abc"));
    let g = get(&st, "/api/status/416").await;
    assert!(g.header("content-range").unwrap().starts_with("bytes */"));
    assert!(g.header("retry-after").is_none());
    assert!(get(&st, "/api/status/429").await.header("retry-after").is_some());
    assert!(get(&st, "/api/status/503").await.header("retry-after").is_some());
    assert!(get(&st, "/api/status/426").await.header("upgrade").is_some());
    assert!(get(&st, "/api/status/407").await.header("proxy-authenticate").is_some());
    assert!(get(&st, "/api/status/201").await.header("location").is_some());
}

#[tokio::test]
async fn informational_codes_are_explained_not_sent() {
    let g = get(&state(), "/api/status/103").await;
    assert_eq!(g.status, 200);
    assert_eq!(g.header("statuslab-informational"), Some("103"));
    let d = g.json();
    assert_eq!(d["requested_status"], 103);
    assert!(d["note"].as_str().unwrap().contains("never exposes"));
}

#[tokio::test]
async fn reason_phrase_is_the_registry_one() {
    // hyper writes the reason from the ReasonPhrase extension; the registry's names win.
    let res = router(state()).oneshot(Request::get("/api/status/413").body(Body::empty()).unwrap()).await.unwrap();
    let rp = res.extensions().get::<hyper::ext::ReasonPhrase>().expect("reason phrase set");
    assert_eq!(rp.as_bytes(), b"Content Too Large");
}

#[tokio::test]
async fn knobs_set_omit_and_delay() {
    let st = state();
    let g = get(&st, "/api/status/401?omit=WWW-Authenticate&set=X-Debug:hello%20world&set=Cache-Control:max-age%3D60").await;
    assert_eq!(g.status, 401);
    assert!(g.header("www-authenticate").is_none());
    assert_eq!(g.header("x-debug"), Some("hello world"));
    assert_eq!(g.header("cache-control"), Some("max-age=60"));
    let d = g.json();
    assert_eq!(d["knobs"]["omit"][0], "www-authenticate");

    // A repeated name: the first `set` replaces the plan's line, the next ones add lines.
    let g = get(&st, "/api/status/200?set=Set-Cookie:a%3D1&set=Set-Cookie:b%3D2&set=Cache-Control:no-store").await;
    let lines = |name: &str| g.headers.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect::<Vec<_>>();
    assert_eq!(lines("set-cookie"), ["a=1", "b=2"]);
    assert_eq!(lines("cache-control"), ["no-store"], "one line replaces the plan's");

    let start = std::time::Instant::now();
    let g = get(&st, "/api/status/200?delay=150").await;
    assert_eq!(g.status, 200);
    assert!(start.elapsed() >= std::time::Duration::from_millis(150));
}

#[tokio::test]
async fn bad_input_is_a_problem_json_400() {
    let st = state();
    assert_problem(&get(&st, "/api/status/600").await, "code");
    assert_problem(&get(&st, "/api/status/099").await, "code");
    assert_problem(&get(&st, "/api/status/abc").await, "code");
    assert_problem(&get(&st, "/api/status/4011").await, "code");
    assert_problem(&get(&st, "/api/status/200?delay=abc").await, "delay");
    assert_problem(&get(&st, "/api/status/200?delay=99999").await, "delay");
    assert_problem(&get(&st, "/api/status/200?delay=-1").await, "delay");
    assert_problem(&get(&st, "/api/status/200?set=Bad%20Name:x").await, "set");
    assert_problem(&get(&st, "/api/status/200?set=X-Evil:a%0D%0ASet-Cookie:%20x=1").await, "set");
    assert_problem(&get(&st, "/api/status/200?set=NoColon").await, "set");
    assert_problem(&get(&st, "/api/status/200?set=Content-Length:5").await, "set");
    assert_problem(&get(&st, "/api/status/200?omit=bad%20name").await, "omit");
    assert_problem(&get(&st, "/api/status/200?rid=has%20space").await, "rid");
    // Several problems are all reported at once.
    let g = get(&st, "/api/status/700?delay=x").await;
    let p = g.json();
    assert_eq!(p["invalid_params"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn unknown_api_paths_are_problem_404() {
    let g = get(&state(), "/api/nope").await;
    assert_eq!(g.status, 404);
    assert_eq!(g.header("content-type"), Some("application/problem+json"));
}

#[tokio::test]
async fn cors_reflects_origin_and_exposes_everything() {
    let req = Request::get("/api/status/401")
        .header("origin", "http://localhost:8080")
        .body(Body::empty())
        .unwrap();
    let g = send_to(state(), req).await;
    assert_eq!(g.header("access-control-allow-origin"), Some("http://localhost:8080"));
    assert_eq!(g.header("access-control-allow-credentials"), Some("true"));
    assert_eq!(g.header("vary"), Some("Origin"));
    let expose = g.header("access-control-expose-headers").unwrap().to_ascii_lowercase();
    assert!(expose.contains("www-authenticate") && expose.contains("x-content-type-options"), "{expose}");
}

#[tokio::test]
async fn preflight_and_request_are_recorded() {
    let st = state();
    let pre = Request::builder()
        .method("OPTIONS")
        .uri("/api/status/407?rid=rec1")
        .header("origin", "http://localhost:8080")
        .header("access-control-request-method", "PUT")
        .header("access-control-request-headers", "x-token")
        .body(Body::empty())
        .unwrap();
    let g = send_to(st.clone(), pre).await;
    assert_eq!(g.status, 204);
    assert_eq!(g.header("access-control-allow-methods"), Some("PUT"));
    assert_eq!(g.header("access-control-allow-headers"), Some("x-token"));

    let req = Request::builder()
        .method("PUT")
        .uri("/api/status/407?rid=rec1")
        .header("origin", "http://localhost:8080")
        .header("x-token", "t")
        .body(Body::from("hello"))
        .unwrap();
    let g = send_to(st.clone(), req).await;
    assert_eq!(g.status, 407);

    let rec = get(&st, "/api/exchanges/rec1").await;
    assert_eq!(rec.status, 200);
    let r = rec.json();
    let ex = r["exchanges"].as_array().unwrap();
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0]["kind"], "preflight");
    assert_eq!(ex[0]["request"]["method"], "OPTIONS");
    assert_eq!(ex[1]["kind"], "request");
    assert_eq!(ex[1]["request"]["method"], "PUT");
    assert_eq!(ex[1]["request"]["body_size"], 5);
    assert_eq!(ex[1]["response"]["status"], 407);
    assert_eq!(ex[1]["response"]["reason"], "Proxy Authentication Required");
    let hs = ex[1]["response"]["headers"].as_array().unwrap();
    assert!(hs.iter().any(|h| h[0] == "Proxy-Authenticate"));

    assert_eq!(get(&st, "/api/exchanges/unknown").await.status, 404);
    assert_eq!(get(&st, "/api/exchanges/bad%20id").await.status, 400);
}

#[tokio::test]
async fn redirect_keeps_the_rid_to_the_final_hop() {
    let st = state();
    let g = get(&st, "/api/status/307?rid=hop").await;
    let loc = g.header("location").unwrap().to_string();
    let g2 = get(&st, &loc).await;
    assert_eq!(g2.status, 200);
    let rec = get(&st, "/api/exchanges/hop").await.json();
    let ex = rec["exchanges"].as_array().unwrap();
    assert_eq!(ex.len(), 2);
    assert_eq!(ex[0]["response"]["status"], 307);
    assert_eq!(ex[1]["request"]["query"], "redirected_from=307&rid=hop");
}

#[tokio::test]
async fn oversized_bodies_are_refused() {
    let big = vec![b'x'; statuslab_server::sim::MAX_REQUEST_BODY + 1];
    let g = send_to(state(), Request::post("/api/status/200").body(Body::from(big)).unwrap()).await;
    assert_eq!(g.status, 413);
    assert_eq!(g.header("content-type"), Some("application/problem+json"));
}

mod app {
    use super::*;

    fn dist_with_index() -> std::path::PathBuf {
        // One directory per call: tests run in parallel and must not rewrite each other's files.
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("statuslab-dist-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("index.html"),
            "<!doctype html><html><head><script type=\"module\">import init from '/a.js';init();</script></head></html>",
        )
        .unwrap();
        std::fs::write(dir.join("app-0123456789abcdef.css"), "body{color:red}".repeat(50)).unwrap();
        dir
    }

    #[tokio::test]
    async fn app_routes_get_index_with_csp_and_security_headers() {
        let st = AppState::new(dist_with_index());
        for path in ["/", "/status", "/status/401", "/rules/STA001", "/embed"] {
            let g = get(&st, path).await;
            assert_eq!(g.status, 200, "{path}");
            assert!(String::from_utf8_lossy(&g.body).contains("import init"));
            let csp = g.header("content-security-policy").unwrap();
            assert!(csp.contains("'wasm-unsafe-eval'") && csp.contains("connect-src *") && csp.contains("'sha256-"), "{csp}");
            assert!(csp.contains("object-src 'none'"));
            assert_eq!(g.header("x-content-type-options"), Some("nosniff"));
            assert_eq!(g.header("referrer-policy"), Some("no-referrer"));
            if path == "/embed" {
                assert!(csp.contains("frame-ancestors *"));
                assert!(g.header("x-frame-options").is_none());
            } else {
                assert!(csp.contains("frame-ancestors 'none'"));
                assert_eq!(g.header("x-frame-options"), Some("DENY"));
            }
        }
    }

    #[tokio::test]
    async fn static_files_are_compressed_and_cached() {
        let st = AppState::new(dist_with_index());
        let req = Request::get("/app-0123456789abcdef.css").header("accept-encoding", "gzip").body(Body::empty()).unwrap();
        let g = send_to(st.clone(), req).await;
        assert_eq!(g.status, 200);
        assert_eq!(g.header("content-encoding"), Some("gzip"));
        assert_eq!(g.header("cache-control"), Some("public, max-age=31536000, immutable"));
        assert_eq!(get(&st, "/missing.js").await.status, 404);
        // Unhashed files revalidate: ETag, then 304 for a matching If-None-Match.
        std::fs::create_dir_all(st.dist.join("codes")).unwrap();
        std::fs::write(st.dist.join("codes/4xx.json"), "[]").unwrap();
        let g = get(&st, "/codes/4xx.json").await;
        assert_eq!(g.status, 200);
        assert_eq!(g.header("cache-control"), Some("no-cache"));
        assert_eq!(g.header("content-type"), Some("application/json"));
        let etag = g.header("etag").unwrap().to_string();
        let req = Request::get("/codes/4xx.json").header("if-none-match", &etag).body(Body::empty()).unwrap();
        let g = send_to(st.clone(), req).await;
        assert_eq!(g.status, 304);
        assert!(g.body.is_empty());
        assert_eq!(get(&st, "/../etc/passwd").await.status, 404);
    }

    #[tokio::test]
    async fn missing_dist_is_explained() {
        let g = get(&state(), "/").await;
        assert_eq!(g.status, 503);
        assert!(g.json()["detail"].as_str().unwrap().contains("not built"));
    }
}

#[tokio::test]
async fn rules_api_lists_every_rule_with_docs() {
    let req = Request::get("/api/rules").header("accept-encoding", "identity").body(Body::empty()).unwrap();
    let g = send_to(state(), req).await;
    assert_eq!(g.status, 200);
    let v = g.json();
    let rules = v.as_array().unwrap();
    assert_eq!(rules.len(), statuslab_rules::RULES.len());
    assert!(rules.iter().all(|r| r["docs"].as_str().unwrap().contains("## What it checks")));
}

mod cors_modes {
    use super::*;

    fn with_origin(uri: &str, method: &str, extra: &[(&str, &str)]) -> Request<Body> {
        let mut b = Request::builder().method(method).uri(uri).header("origin", "http://127.0.0.1:8080");
        for (n, v) in extra {
            b = b.header(*n, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[tokio::test]
    async fn each_policy_sends_its_headers() {
        let st = state();
        let g = send_to(st.clone(), with_origin("/api/status/200?cors=none", "GET", &[])).await;
        assert!(g.header("access-control-allow-origin").is_none());
        let g = send_to(st.clone(), with_origin("/api/status/200?cors=wildcard", "GET", &[])).await;
        assert_eq!(g.header("access-control-allow-origin"), Some("*"));
        assert!(g.header("access-control-allow-credentials").is_none());
        let g = send_to(st.clone(), with_origin("/api/status/200?cors=wildcard-credentials", "GET", &[])).await;
        assert_eq!(g.header("access-control-allow-credentials"), Some("true"));
        let g = send_to(st.clone(), with_origin("/api/status/200?cors=mismatch", "GET", &[])).await;
        assert_eq!(g.header("access-control-allow-origin"), Some("https://not-your-origin.example"));
        let g = send_to(st.clone(), with_origin("/api/status/200?cors=multiple-origins", "GET", &[])).await;
        assert!(g.header("access-control-allow-origin").unwrap().contains(", http://127.0.0.1:8080"));
        let g = send_to(st.clone(), with_origin("/api/status/200?cors=no-expose", "GET", &[])).await;
        assert_eq!(g.header("access-control-allow-origin"), Some("http://127.0.0.1:8080"));
        assert!(g.header("access-control-expose-headers").is_none());
        let g = send_to(st.clone(), with_origin("/api/status/200?expose=X-A,%20X-B", "GET", &[])).await;
        assert_eq!(g.header("access-control-expose-headers"), Some("X-A, X-B"));
    }

    #[tokio::test]
    async fn preflight_knobs() {
        let st = state();
        let pre = |q: &str| with_origin(&format!("/api/status/200?{q}"), "OPTIONS", &[("access-control-request-method", "PUT"), ("access-control-request-headers", "x-token")]);
        let g = send_to(st.clone(), pre("preflight-status=403")).await;
        assert_eq!(g.status, 403);
        let g = send_to(st.clone(), pre("allow-methods=GET&allow-headers=X-Other&max-age=600")).await;
        assert_eq!(g.status, 204);
        assert_eq!(g.header("access-control-allow-methods"), Some("GET"));
        assert_eq!(g.header("access-control-allow-headers"), Some("X-Other"));
        assert_eq!(g.header("access-control-max-age"), Some("600"));
        let g = send_to(st.clone(), pre("cors=none")).await;
        assert!(g.header("access-control-allow-origin").is_none() && g.header("access-control-allow-methods").is_none());
    }

    #[tokio::test]
    async fn bad_cors_knobs_are_problems() {
        let st = state();
        assert_problem(&get(&st, "/api/status/200?cors=maybe").await, "cors");
        assert_problem(&get(&st, "/api/status/200?preflight-status=700").await, "preflight-status");
        assert_problem(&get(&st, "/api/status/200?max-age=999999").await, "max-age");
        assert_problem(&get(&st, "/api/status/200?allow-headers=a%0Ab").await, "allow-headers");
    }
}
