//! The clean corpus: realistic, correct responses (`tests/corpus/*.http`, with an optional
//! `*.request.http`) on which no rule may raise a warning or an error. False positives cost trust.

use std::fs;
use std::path::Path;

use statuslab_rules::{http1, lint, Exchange, LintContext, Severity};

#[test]
fn the_clean_corpus_draws_no_warning_or_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "http") && !p.to_string_lossy().ends_with(".request.http"))
        .collect();
    files.sort();
    let mut problems = Vec::new();
    for f in &files {
        let response = http1::parse_response(&fs::read(f).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let req = f.with_file_name(f.file_name().unwrap().to_string_lossy().replace(".http", ".request.http"));
        let request = req.exists().then(|| http1::parse_request(&fs::read(&req).unwrap()).unwrap());
        // "now": 2026-11-25 22:16:40 UTC, shortly after the corpus's Date headers (21:00 GMT).
        let cx = LintContext { now: Some(1_795_645_000), page_origin: None };
        for x in lint(&Exchange { request, response }, &cx) {
            if x.severity != Severity::Info {
                problems.push(format!("{}: {} {}", f.file_name().unwrap().to_string_lossy(), x.code, x.message));
            }
        }
    }
    assert!(!files.is_empty());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
