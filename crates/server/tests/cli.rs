//! The `statuslab` binary as a user runs it: output, JSON schemas and exit codes.

mod common;

use std::io::Write;

use common::simulator;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_statuslab"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        // The command may exit before reading its input (bad arguments): a broken pipe is fine.
        let _ = child.stdin.take().unwrap().write_all(input);
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn fixture(rel: &str) -> String {
    format!("{}/../rules/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn lint_a_file_with_an_error_exits_1() {
    let out = run(&["lint", &fixture("unauthorized-without-challenge/fires-json-error.http")], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("STA001"), "{text}");
    assert!(text.contains("https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2"), "{text}");
}

#[test]
fn lint_stdin_json_schema_and_exit_0() {
    let raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Content-Type-Options: nosniff\r\n\r\nhello";
    let out = run(&["lint", "-", "--format", "json"], Some(raw));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["error"], 0);
    assert!(v["findings"].is_array());
}

#[test]
fn lint_json_findings_carry_the_documented_fields() {
    let out = run(&["lint", &fixture("missing-retry-after/fires-429.http"), "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0)); // a warning is not an error
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    for k in ["code", "name", "severity", "category", "message", "target", "spec", "fix"] {
        assert!(!f[k].is_null(), "finding lacks {k}: {f}");
    }
    assert_eq!(f["code"], "STA006");
    assert!(f["spec"][0]["url"].as_str().unwrap().starts_with("https://"));
    assert_eq!(v["summary"]["warning"], 1);
}

#[test]
fn lint_uses_the_request_and_min_severity() {
    let out = run(
        &[
            "lint",
            &fixture("created-without-location/fires-post.http"),
            "--request",
            &fixture("created-without-location/fires-post.request.http"),
            "--min-severity",
            "warning",
            "--format",
            "json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, vec!["STA005"]);
}

#[test]
fn bad_input_exits_2_with_a_message() {
    let out = run(&["lint", "-"], Some(b"this is not http"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a raw HTTP response"));
    let out = run(&["lint", "/no/such/file"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["lint", "-", "--now", "yesterday"], Some(b"HTTP/1.1 200 OK\r\n\r\n"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("HTTP-date"));
    let out = run(&["explain", "999"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["serve", "--addr", "nonsense"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn explain_a_code_and_a_rule() {
    let out = run(&["explain", "401"], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("401 Unauthorized"));
    assert!(text.contains("WWW-Authenticate"));
    let out = run(&["explain", "STA001"], None);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("## What it checks") && text.contains("## Fix"), "{text}");
    assert!(text.contains("\nApplies to 401 responses.\n"), "{text}");
}

#[test]
fn rules_and_codes_as_json() {
    let out = run(&["rules", "--format", "json"], None);
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = rules.as_array().unwrap();
    assert_eq!(rules.len(), statuslab_rules::RULES.len());
    for r in rules {
        for k in ["code", "name", "category", "severity", "summary", "docs", "spec"] {
            assert!(!r[k].is_null(), "{k} missing in {r}");
        }
    }
    let by_name = |n: &str| rules.iter().find(|r| r["name"] == n).unwrap().clone();
    assert_eq!(by_name("unauthorized-without-challenge")["statuses"], serde_json::json!([401]));
    assert_eq!(by_name("error-without-cache-control")["statuses"], serde_json::json!({ "from": 400, "to": 599 }));
    assert_eq!(by_name("invalid-strict-transport-security")["requires"], serde_json::json!(["Strict-Transport-Security"]));
    assert!(by_name("missing-nosniff").get("statuses").is_none() && by_name("missing-nosniff").get("applies_to").is_none());
    assert_eq!(by_name("head-response-with-content")["methods"], serde_json::json!(["HEAD"]));
    assert_eq!(by_name("head-response-with-content")["applies_to"], "responses to `HEAD` requests");
    assert!(by_name("missing-nosniff").get("methods").is_none());
    let out = run(&["codes", "--format", "json"], None);
    let codes: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes = codes.as_array().unwrap();
    assert_eq!(codes.len(), statuslab_rules::codes::all().len());
    let e401 = codes.iter().find(|c| c["code"] == 401).unwrap();
    for k in [
        "code", "reason", "class", "registry_status", "spec", "meaning", "guarantees", "not_guaranteed", "when_to_use",
        "misuses", "critical_headers", "cacheable_by_default", "retry", "clients", "related", "snippets",
    ] {
        assert!(!e401[k].is_null(), "{k} missing");
    }
    assert_eq!(e401["class"], "client-error");
    assert_eq!(e401["spec"]["url"], "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2");
}

#[test]
fn lint_a_url_fetched_natively() {
    let base = simulator();
    let out = run(&["lint", &format!("{base}/api/status/401?omit=WWW-Authenticate"), "--format", "json"], None);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["findings"].as_array().unwrap().iter().any(|f| f["code"] == "STA001"));

    let out = run(&["lint", &format!("{base}/api/status/401")], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));

    // A 204 off the wire carries no Content-Length (`content-length-on-bodiless-status`), nor
    // anything else our rules object to.
    let out = run(&["lint", &format!("{base}/api/status/204"), "--format", "json", "--min-severity", "warning"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"], serde_json::json!([]), "{v}");
}

#[test]
fn lint_follow_lints_every_hop() {
    let base = simulator();
    let out = run(&["lint", &format!("{base}/api/status/308"), "--follow", "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hops = v["hops"].as_array().unwrap();
    assert_eq!(hops.len(), 2);
    assert_eq!(hops[0]["status"], 308);
    assert_eq!(hops[1]["status"], 200);
    assert_eq!(hops[0]["redirect"]["status"], 308);
    assert_eq!(hops[0]["redirect"]["origin_changed"], false);
    assert!(hops[1]["redirect"].is_null());
    assert_eq!(v["cache"]["private"]["yes"], false, "the simulator answers no-store");
    // A chain across the two loopback names: the origin change is reported.
    let twin = base.replace("127.0.0.1", "localhost");
    let out = run(&["lint", &format!("{base}/api/redirect/2?status=301&to={twin}/api/status/200"), "--follow"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("origin change: a browser drops Authorization here"), "{text}");
    assert_eq!(text.matches("HTTP 301").count(), 2, "{text}");
    // Without --follow only the redirect itself is linted.
    let out = run(&["lint", &format!("{base}/api/status/308"), "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.get("hops").is_none());
}

#[test]
fn an_unreachable_url_exits_2() {
    let out = run(&["lint", "http://127.0.0.1:9/"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot fetch"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(&["lint", "-", "--follow"], Some(b"HTTP/1.1 200 OK\r\n\r\n"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn cors_verdict_from_json() {
    let case = br#"{"page_origin":"http://127.0.0.1:8080","url":"http://localhost:8080/api/status/200","method":"PUT",
        "headers":[["X-Token","1"]],"mode":"cors","credentials":"include",
        "preflight_response":{"status":204,"headers":[["Access-Control-Allow-Origin","*"]]},
        "response":null}"#;
    let out = run(&["cors"], Some(case));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["same_origin"], false);
    assert_eq!(v["preflight_required"], true);
    assert_eq!(v["preflight"]["ok"], false);
    assert_eq!(v["response"]["ok"], false);
    assert_eq!(v["cors_error"], "PreflightWildcardOriginNotAllowed");
    assert!(v["explanation"].as_str().unwrap().contains("Fix"));
    assert_eq!(v["preflight_reasons"].as_array().unwrap().len(), 2);

    let out = run(&["cors", "-"], Some(b"{not json"));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn cors_reports_mixed_content_and_local_network_access() {
    let case = br#"{"page_origin":"https://app.example","url":"http://api.example/v1","method":"PUT","headers":[["X-Token","1"]],
        "response":{"status":200,"headers":[["Access-Control-Allow-Origin","*"]]}}"#;
    let out = run(&["cors"], Some(case));
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["blocked"], "mixed-content");
    assert_eq!(v["cors_error"], serde_json::Value::Null);
    assert_eq!(v["preflight_required"], false);
    assert_eq!(v["response"]["ok"], false);
    assert!(v["explanation"].as_str().unwrap().contains("mixed content"));

    let case = br#"{"page_origin":"https://app.example","page_address_space":"public","url":"http://192.168.1.1/cgi","local_network_permission":"denied",
        "response":{"status":200,"headers":[["Access-Control-Allow-Origin","*"]]}}"#;
    let v: serde_json::Value = serde_json::from_slice(&run(&["cors"], Some(case)).stdout).unwrap();
    assert_eq!(v["blocked"], serde_json::Value::Null);
    assert_eq!(v["cors_error"], "LocalNetworkAccessPermissionDenied");
    assert_eq!(v["local_network"]["target_address_space"], "local");
    assert_eq!(v["local_network"]["local_network_request"], true);
    assert_eq!(v["local_network"]["permission"], "local-network");
}
