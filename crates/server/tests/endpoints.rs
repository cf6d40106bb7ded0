//! The redirect, cache, range and auth endpoints, driven through the router.

mod common;

use axum::body::Body;
use axum::http::Request;
use base64::Engine;
use common::*;
use serde_json::Value;

fn req(method: &str, uri: &str, headers: &[(&str, &str)], body: &str) -> Request<Body> {
    let mut b = Request::builder().method(method).uri(uri);
    for (n, v) in headers {
        b = b.header(*n, *v);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

fn record(g: &Got) -> Vec<Value> {
    g.json()["exchanges"].as_array().unwrap().clone()
}

mod redirects {
    use super::*;

    /// Follows a chain the way a browser does for `status` (method rewrite of Fetch
    /// §http-redirect-fetch step 12), returning the final answer and the hop count.
    async fn follow(st: &std::sync::Arc<statuslab_server::AppState>, method: &str, uri: &str) -> (Got, usize) {
        let mut m = method.to_string();
        let mut u = uri.to_string();
        for hops in 0..25 {
            let g = send_to(st.clone(), req(&m, &u, &[("authorization", "Bearer t")], if m == "POST" { "x=1" } else { "" })).await;
            if !(300..400).contains(&g.status) {
                return (g, hops);
            }
            if (g.status == 301 || g.status == 302) && m == "POST" || g.status == 303 && m != "HEAD" {
                m = "GET".into();
            }
            u = g.header("location").unwrap().to_string();
        }
        panic!("no end");
    }

    #[tokio::test]
    async fn a_chain_of_n_hops_ends_at_a_diagnostic_with_the_trail() {
        let st = state();
        let (g, hops) = follow(&st, "POST", "/api/redirect/3?status=302&rid=c1").await;
        assert_eq!((g.status, hops), (200, 3));
        let d = g.json();
        let trail = d["trail"].as_array().unwrap();
        assert_eq!(trail.len(), 3);
        assert_eq!(trail[0]["method"], "POST");
        assert_eq!(trail[1]["method"], "GET", "302 turned the POST into a GET");
        assert_eq!(trail[0]["status"], 302);
        assert_eq!(trail[0]["location"], "/api/redirect/2?status=302&rid=c1");
        assert_eq!(trail[2]["location"], "/api/status/200?rid=c1");
        assert_eq!(d["request"]["method"], "GET");
        let rec = record(&get(&st, "/api/exchanges/c1").await);
        let kinds: Vec<_> = rec.iter().map(|e| e["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["redirect", "redirect", "redirect", "request"]);
    }

    #[tokio::test]
    async fn each_status_and_method_rewrite() {
        for (status, method, final_method) in [(301, "POST", "GET"), (303, "POST", "GET"), (303, "HEAD", "HEAD"), (307, "POST", "POST"), (308, "PUT", "PUT")] {
            let st = state();
            let (g, _) = follow(&st, method, &format!("/api/redirect/1?status={status}&rid=m")).await;
            assert_eq!(g.status, 200);
            let rec = record(&get(&st, "/api/exchanges/m").await);
            assert_eq!(rec[0]["response"]["status"], status);
            assert_eq!(rec[1]["request"]["method"], final_method, "{status} {method}");
        }
    }

    #[tokio::test]
    async fn chains_without_rid_get_one_and_absolute_mode_names_the_host() {
        let st = state();
        let g = send_to(st.clone(), req("GET", "/api/redirect/2?mode=absolute", &[("host", "127.0.0.1:9999")], "")).await;
        assert_eq!(g.status, 302);
        let loc = g.header("location").unwrap();
        assert!(loc.starts_with("http://127.0.0.1:9999/api/redirect/1?mode=absolute&rid=chain-"), "{loc}");
        assert_eq!(g.header("cache-control"), Some("no-store"));
    }

    #[tokio::test]
    async fn cross_origin_target_and_loops() {
        let st = state();
        let g = get(&st, "/api/redirect/1?to=http%3A%2F%2Flocalhost%3A8080%2Fapi%2Fstatus%2F204&rid=x").await;
        assert_eq!(g.header("location"), Some("http://localhost:8080/api/status/204?rid=x"));
        let g = get(&st, "/api/redirect/4?loop&rid=l").await;
        assert_eq!(g.header("location"), Some("/api/redirect/4?loop&rid=l"));
    }

    #[tokio::test]
    async fn bad_chains_are_problems() {
        let st = state();
        assert_problem(&get(&st, "/api/redirect/0").await, "n");
        assert_problem(&get(&st, "/api/redirect/21").await, "n");
        assert_problem(&get(&st, "/api/redirect/2?status=300").await, "status");
        assert_problem(&get(&st, "/api/redirect/2?to=https%3A%2F%2Fevil.example%2F").await, "to");
        assert_problem(&get(&st, "/api/redirect/2?mode=sideways").await, "mode");
        assert_problem(&get(&st, "/api/redirect/2?delay=99999").await, "delay");
    }
}

mod cache {
    use super::*;

    #[tokio::test]
    async fn serves_the_chosen_headers_and_counts_requests() {
        let st = state();
        let g = get(&st, "/api/cache?cache-control=max-age%3D60&etag=%22v1%22&vary=Accept&expires=%2B60&rid=k").await;
        assert_eq!(g.status, 200);
        assert_eq!(g.header("cache-control"), Some("max-age=60"));
        assert_eq!(g.header("etag"), Some("\"v1\""));
        assert_eq!(g.header("vary"), Some("Accept, Origin"), "the CORS policy adds Origin to the caller's Vary list");
        assert!(httpdate::parse_http_date(g.header("expires").unwrap()).is_ok());
        assert_eq!(g.header("statuslab-request-count"), Some("1"));
        assert_eq!(g.json()["request_number"], 1);
        let g = get(&st, "/api/cache?cache-control=max-age%3D60&etag=%22v1%22&vary=Accept&expires=%2B60&rid=k").await;
        assert_eq!(g.header("statuslab-request-count"), Some("2"));
        let g = get(&st, "/api/cache?vary=Origin,%20Accept&cors=none").await;
        assert_eq!(g.header("vary"), Some("Origin, Accept"));
    }

    #[tokio::test]
    async fn answers_conditionals_with_304() {
        let st = state();
        let uri = "/api/cache?etag=%22v1%22&cache-control=no-cache&last-modified=-3600&rid=c";
        let g = send_to(st.clone(), req("GET", uri, &[("if-none-match", "W/\"v1\"")], "")).await;
        assert_eq!(g.status, 304);
        assert!(g.body.is_empty());
        assert_eq!(g.header("etag"), Some("\"v1\""));
        assert_eq!(g.header("cache-control"), Some("no-cache"));
        assert_eq!(g.header("last-modified"), None, "a 304 with an ETag leaves Last-Modified out (RFC 9110 §15.4.5)");
        let g = send_to(st.clone(), req("GET", uri, &[("if-none-match", "\"v2\"")], "")).await;
        assert_eq!(g.status, 200);
        let lm_uri = "/api/cache?last-modified=Wed,%2001%20Jan%202025%2000:00:00%20GMT";
        let g = send_to(st.clone(), req("GET", lm_uri, &[("if-modified-since", "Wed, 01 Jan 2025 00:00:00 GMT")], "")).await;
        assert_eq!(g.status, 304);
        assert_eq!(g.header("last-modified"), Some("Wed, 01 Jan 2025 00:00:00 GMT"));
        let g = send_to(st.clone(), req("GET", lm_uri, &[("if-modified-since", "Tue, 31 Dec 2024 00:00:00 GMT")], "")).await;
        assert_eq!(g.status, 200);
        let g = send_to(st.clone(), req("POST", uri, &[("if-none-match", "*")], "x")).await;
        assert_eq!(g.status, 200, "conditionals other than GET/HEAD do not produce a 304");
        let rec = record(&get(&st, "/api/exchanges/c").await);
        assert_eq!(rec.iter().map(|e| e["response"]["status"].as_u64().unwrap()).collect::<Vec<_>>(), [304, 200, 200]);
    }

    #[tokio::test]
    async fn bad_cache_knobs_are_problems() {
        let st = state();
        assert_problem(&get(&st, "/api/cache?etag=v1").await, "etag");
        assert_problem(&get(&st, "/api/cache?expires=soon").await, "expires");
        assert_problem(&get(&st, "/api/cache?last-modified=-999999999999").await, "last-modified");
        assert_problem(&get(&st, "/api/cache?cache-control=a%0Db").await, "cache-control");
    }
}

mod ranges {
    use super::*;

    #[tokio::test]
    async fn whole_single_multi_and_unsatisfiable() {
        let st = state();
        let g = get(&st, "/api/range/30").await;
        assert_eq!(g.status, 200);
        assert_eq!(g.header("accept-ranges"), Some("bytes"));
        assert_eq!(g.body, b"abcdefghijklmnopqrstuvwxyzabcd");

        let g = send_to(st.clone(), req("GET", "/api/range/30", &[("range", "bytes=2-4")], "")).await;
        assert_eq!(g.status, 206);
        assert_eq!(g.header("content-range"), Some("bytes 2-4/30"));
        assert_eq!(g.body, b"cde");

        let g = send_to(st.clone(), req("GET", "/api/range/30", &[("range", "bytes=0-1, -2")], "")).await;
        assert_eq!(g.status, 206);
        assert_eq!(g.header("content-type"), Some("multipart/byteranges; boundary=STATUSLAB_BYTERANGES"));
        let text = String::from_utf8(g.body.clone()).unwrap();
        assert!(text.contains("Content-Range: bytes 0-1/30\r\n\r\nab\r\n"), "{text}");
        assert!(text.contains("Content-Range: bytes 28-29/30\r\n\r\ncd\r\n--STATUSLAB_BYTERANGES--"), "{text}");

        let g = send_to(st.clone(), req("GET", "/api/range/30", &[("range", "bytes=30-")], "")).await;
        assert_eq!(g.status, 416);
        assert_eq!(g.header("content-range"), Some("bytes */30"));

        let g = send_to(st.clone(), req("GET", "/api/range/30", &[("range", "bytes=2-4"), ("if-range", "\"other\"")], "")).await;
        assert_eq!(g.status, 200, "If-Range mismatch sends everything");
        let g = send_to(st.clone(), req("GET", "/api/range/30", &[("range", "bytes=2-4"), ("if-range", "\"range-30\"")], "")).await;
        assert_eq!(g.status, 206);
        let g = send_to(st.clone(), req("HEAD", "/api/range/30", &[("range", "bytes=2-4")], "")).await;
        assert_eq!((g.status, g.body.len()), (206, 0));
        let g = send_to(st.clone(), req("POST", "/api/range/30", &[], "x")).await;
        assert_eq!(g.status, 405);
        assert_eq!(g.header("allow"), Some("GET, HEAD, OPTIONS"));
        assert_eq!(g.header("content-type"), Some("application/problem+json"));
    }

    #[tokio::test]
    async fn bad_sizes_are_problems() {
        let st = state();
        assert_problem(&get(&st, "/api/range/1048577").await, "bytes");
        assert_problem(&get(&st, "/api/range/-1").await, "bytes");
        assert_eq!(get(&st, "/api/range/0").await.status, 200);
    }
}

mod auth {
    use super::*;

    fn basic(u: &str, p: &str) -> String {
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{u}:{p}")))
    }

    #[tokio::test]
    async fn basic_challenge_and_success() {
        let st = state();
        let g = get(&st, "/api/auth/basic/ann/s3cret").await;
        assert_eq!(g.status, 401);
        assert_eq!(g.header("www-authenticate"), Some("Basic realm=\"Status Lab simulator\", charset=\"UTF-8\""));
        assert!(g.json()["note"].as_str().unwrap().contains("login dialog"));
        let g = send_to(st.clone(), req("GET", "/api/auth/basic/ann/s3cret", &[("authorization", &basic("ann", "nope"))], "")).await;
        assert_eq!(g.status, 401);
        let g = send_to(st.clone(), req("GET", "/api/auth/basic/ann/s3cret", &[("authorization", &basic("ann", "s3cret"))], "")).await;
        assert_eq!(g.status, 200);
        assert_eq!(g.header("www-authenticate"), None);
        assert_eq!(g.json()["authenticated"], true);
    }

    #[tokio::test]
    async fn bearer_challenge_errors_and_success() {
        let st = state();
        let g = get(&st, "/api/auth/bearer").await;
        assert_eq!(g.status, 401);
        assert_eq!(g.header("www-authenticate"), Some("Bearer realm=\"Status Lab simulator\""));
        let g = send_to(st.clone(), req("GET", "/api/auth/bearer?token=abc", &[("authorization", "Bearer xyz")], "")).await;
        assert_eq!(g.status, 401);
        assert!(g.header("www-authenticate").unwrap().contains("error=\"invalid_token\""));
        let g = send_to(st.clone(), req("GET", "/api/auth/bearer", &[("authorization", "Bearer a b")], "")).await;
        assert_eq!(g.status, 400);
        let g = send_to(st.clone(), req("GET", "/api/auth/bearer?token=abc", &[("authorization", "Bearer abc")], "")).await;
        assert_eq!(g.status, 200);
    }

    #[tokio::test]
    async fn bad_auth_params_are_problems() {
        let st = state();
        assert_problem(&get(&st, &format!("/api/auth/basic/{}/p", "u".repeat(65))).await, "user");
        assert_problem(&get(&st, "/api/auth/bearer?token=a%20b").await, "token");
    }
}

#[tokio::test]
async fn every_new_endpoint_answers_preflights_and_cors() {
    let st = state();
    for path in ["/api/redirect/1", "/api/cache", "/api/range/10", "/api/auth/bearer", "/api/auth/basic/a/b"] {
        let pre = send_to(
            st.clone(),
            req("OPTIONS", &format!("{path}?rid=p"), &[("origin", "http://localhost:1"), ("access-control-request-method", "PUT"), ("access-control-request-headers", "authorization")], ""),
        )
        .await;
        assert_eq!(pre.status, 204, "{path}");
        assert_eq!(pre.header("access-control-allow-headers"), Some("authorization"), "{path}");
        let g = send_to(st.clone(), req("GET", &format!("{path}?cors=none"), &[("origin", "http://localhost:1")], "")).await;
        assert_eq!(g.header("access-control-allow-origin"), None, "{path}: cors=none applies");
    }
}

/// What the new endpoints send draws no error or warning from our own rules.
#[tokio::test]
async fn endpoint_responses_pass_our_own_rules() {
    use statuslab_rules::{lint, Exchange, Headers, LintContext, Severity};
    let st = state();
    /// Method, path and query, request headers.
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
    let cases: &[Case] = &[
        ("GET", "/api/redirect/2?status=301", &[]),
        ("POST", "/api/redirect/1?status=307", &[]),
        ("GET", "/api/cache?cache-control=max-age%3D60&etag=%22v1%22&vary=Accept", &[]),
        ("GET", "/api/cache?cache-control=no-cache&etag=%22v1%22", &[("if-none-match", "\"v1\"")]),
        ("GET", "/api/cache?last-modified=-86400", &[]),
        ("GET", "/api/range/100", &[("range", "bytes=5-3")]),
        ("GET", "/api/range/100", &[]),
        ("GET", "/api/range/100", &[("range", "bytes=0-9")]),
        ("GET", "/api/range/100", &[("range", "bytes=0-9,20-29")]),
        ("GET", "/api/range/100", &[("range", "bytes=500-")]),
        ("PUT", "/api/range/100", &[]),
        ("GET", "/api/auth/basic/a/b", &[]),
        ("GET", "/api/auth/bearer", &[("authorization", "Bearer abc")]),
        ("GET", "/api/auth/bearer?token=x", &[("authorization", "Bearer abc")]),
    ];
    for (method, uri, hs) in cases {
        let mut all: Vec<(&str, &str)> = vec![("origin", "http://localhost:9999")];
        all.extend_from_slice(hs);
        let g = send_to(st.clone(), req(method, uri, &all, if *method == "GET" { "" } else { "x" })).await;
        let mut headers = Headers::new();
        for (n, v) in &g.headers {
            headers.push(n.clone(), v.clone());
        }
        if g.header("content-length").is_none() && g.status != 304 {
            headers.push("content-length", g.body.len().to_string());
        }
        let mut request = statuslab_rules::Request::new(method, &format!("http://127.0.0.1{uri}"));
        for (n, v) in &all {
            request.headers.push(n.to_string(), v.to_string());
        }
        let ex = Exchange {
            request: Some(request),
            response: statuslab_rules::Response { status: g.status, headers, body: g.body.clone(), ..Default::default() },
        };
        let bad: Vec<_> = lint(&ex, &LintContext::default())
            .into_iter()
            .filter(|f| f.severity != Severity::Info)
            .map(|f| format!("{} {}", f.code, f.message))
            .collect();
        assert!(bad.is_empty(), "{method} {uri} → {}: {bad:?}", g.status);
    }
}
