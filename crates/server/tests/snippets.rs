//! "Copy as code" snippets, run for real against the simulator: curl and HTTPie through `sh -c`,
//! Python `requests` as a script. What arrives must be what was composed, hostile values and all.
//!
//! Needs `curl` on PATH and a virtualenv with HTTPie and requests at `$STATUSLAB_SNIPPET_VENV`
//! (default: `target/snippet-venv` in the workspace), which the set-up script creates with
//! `python3 -m venv target/snippet-venv && target/snippet-venv/bin/pip install httpie==3.2.4 requests==2.34.2`.
//! A missing tool fails the test (it does not skip).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;
use common::simulator;
use statuslab_rules::snippets::{snippet, Lang, SnippetRequest};

fn venv() -> PathBuf {
    let dir = match std::env::var_os("STATUSLAB_SNIPPET_VENV") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/snippet-venv"),
    };
    let python = dir.join("bin/python");
    let http = dir.join("bin/http");
    let ok = python.exists()
        && http.exists()
        && Command::new(&python).args(["-c", "import requests"]).output().map(|o| o.status.success()).unwrap_or(false);
    assert!(
        ok,
        "no virtualenv with HTTPie and requests at {} (set STATUSLAB_SNIPPET_VENV to use another one). Create it from the \
         workspace root with:\n  python3 -m venv target/snippet-venv && target/snippet-venv/bin/pip install httpie==3.2.4 requests==2.34.2",
        dir.display()
    );
    dir
}

fn require_curl() {
    let found = Command::new("curl").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    assert!(
        matches!(found, Ok(s) if s.success()),
        "`curl` is not on PATH: install it (Debian: `apt-get install curl`); this test runs the generated curl commands"
    );
}

/// Runs a program with a time limit, in `scratch`, with the venv first on PATH.
fn run(venv: &Path, scratch: &Path, program: &str, args: &[&str]) -> Output {
    let path = format!("{}:{}", venv.join("bin").display(), std::env::var("PATH").unwrap_or_default());
    Command::new("timeout")
        .arg("60")
        .arg(program)
        .args(args)
        .current_dir(scratch)
        .env("PATH", path)
        .env("HTTPIE_CONFIG_DIR", scratch.join("httpie"))
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"))
}

fn execute(lang: Lang, code: &str, venv: &Path) -> Value {
    // Tests run in parallel threads: a scratch directory per call.
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let scratch = std::env::temp_dir().join(format!("statuslab-snippets-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let out = match lang {
        Lang::Curl | Lang::Httpie => run(venv, &scratch, "sh", &["-c", code]),
        Lang::PythonRequests => {
            let file = scratch.join("snippet.py");
            std::fs::write(&file, code).unwrap();
            let python = venv.join("bin/python");
            run(venv, &scratch, python.to_str().unwrap(), &[file.to_str().unwrap()])
        }
        _ => unreachable!(),
    };
    let _ = std::fs::remove_dir_all(&scratch);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{lang:?} snippet failed ({}):\n{code}\n--- stdout\n{stdout}\n--- stderr\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(stdout.trim())
        .unwrap_or_else(|e| panic!("{lang:?}: stdout is not the simulator's JSON ({e}):\n{code}\n--- stdout\n{stdout}"))
}

fn check(lang: Lang, req: &SnippetRequest, venv: &Path) {
    let code = snippet(lang, req).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
    let diag = execute(lang, &code, venv);
    let got = &diag["request"];
    assert_eq!(got["method"], req.method, "{lang:?} method:\n{code}\n{diag:#}");
    assert_eq!(got["body_size"].as_u64(), Some(req.body.len() as u64), "{lang:?} body size:\n{code}\n{diag:#}");
    let arrived: Vec<(String, String)> = got["headers"]
        .as_array()
        .expect("request.headers is a list")
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].as_str().unwrap().to_string()))
        .collect();
    for (name, value) in req.headers {
        let values: Vec<&str> = arrived.iter().filter(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, [value.as_str()], "{lang:?}: header {name} did not arrive as composed:\n{code}\n{diag:#}");
    }
}

fn headers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
}

const LANGS: [Lang; 3] = [Lang::Curl, Lang::Httpie, Lang::PythonRequests];

#[test]
fn hostile_values_arrive_exactly() {
    require_curl();
    let venv = venv();
    let base = simulator();
    let url = format!("{base}/api/status/200");
    let hs = headers(&[
        ("Content-Type", "application/json; charset=utf-8"),
        ("X-Quotes", r#"it's "double" and 'single'"#),
        ("X-Shell", "$HOME ${PATH} $(id) `id` !! %s %%"),
        ("X-Backslash", r"C:\dir\new \\ end\"),
        ("X-Accent", "café é ü 😀"),
        ("X-Semicolon", "a;b; c=d"),
        ("X-Separators", "=eq:colon@at;semi"),
        ("X-Braces", "{x} [y] <z> #h *"),
        ("X-Empty", ""),
        ("X-Tab", "a\tb"),
    ]);
    let body = "{\"msg\": \"it's \\\"quoted\\\"\",\n  \"shell\": \"$HOME `id` $(id) \\\\n\"\n}\n'single' é 😀\n";
    let req = SnippetRequest { method: "POST", url: &url, headers: &hs, body };
    for lang in LANGS {
        check(lang, &req, &venv);
    }
}

/// The unusual paths: a body with CR and ESC (piped from printf), an invisible character in a
/// header value (printf in a command substitution), a backslash before an HTTPie separator
/// (a here-document), a leading `@`, a method other than POST.
#[test]
fn escaped_paths_arrive_exactly() {
    require_curl();
    let venv = venv();
    let base = simulator();
    let url = format!("{base}/api/status/200?q=a%20b&x={{y}}");
    let hs = headers(&[
        ("X-Invisible", "left\u{202e}right\u{200b}"),
        ("X-Escapes", r"a\:b\=c\;d\@e"),
        ("X-At", "@file"),
        ("x-lower-case", "-starts-with-dash"),
    ]);
    let body = "-line1\r\nline2 \u{1b}[31m % \\ '\"\r\n";
    let req = SnippetRequest { method: "PUT", url: &url, headers: &hs, body };
    for lang in LANGS {
        check(lang, &req, &venv);
    }
    // No body, and a GET.
    let req = SnippetRequest { method: "GET", url: &url, headers: &hs, body: "" };
    for lang in LANGS {
        check(lang, &req, &venv);
    }
}
