//! Every rule is tested by fixtures in `tests/fixtures/<rule-name>/`:
//! `fires-*.http` must raise the rule, `silent-*.http` must not; a sibling
//! `*.request.http` is the request the response answered. The full findings of every fixture are
//! kept as `insta` snapshots, so any change in wording, severity or target shows up in review.

use std::fs;
use std::path::{Path, PathBuf};

use statuslab_rules::{http1, lint, run_rule, Exchange, LintContext, Request, Rule, Statuses, Visibility, RULES};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load(path: &Path) -> Exchange {
    let raw = fs::read(path).unwrap();
    let response = http1::parse_response(&raw).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let req_path = path.with_file_name(path.file_name().unwrap().to_str().unwrap().replace(".http", ".request.http"));
    let request = req_path.exists().then(|| {
        http1::parse_request(&fs::read(&req_path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", req_path.display()))
    });
    Exchange { request, response }
}

fn responses(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_str().unwrap();
            n.ends_with(".http") && !n.ends_with(".request.http")
        })
        .collect();
    v.sort();
    v
}

fn context() -> LintContext {
    // A fixed "now": fixtures never depend on the machine's clock.
    LintContext { now: Some(1_795_000_000), page_origin: None }
}

#[test]
fn every_rule_has_fixtures_that_fire_and_stay_silent() {
    let mut problems = Vec::new();
    for rule in RULES.iter() {
        let dir = fixtures_dir().join(rule.name);
        if !dir.is_dir() {
            problems.push(format!("{} ({}): no fixtures folder {}", rule.code, rule.name, dir.display()));
            continue;
        }
        let files = responses(&dir);
        let (mut fires, mut silent) = (0, 0);
        for f in &files {
            let name = f.file_name().unwrap().to_str().unwrap();
            let findings = lint(&load(f), &context());
            let raised = findings.iter().any(|x| x.code == rule.code);
            if name.starts_with("fires") {
                fires += 1;
                if !raised {
                    problems.push(format!("{}: {name} should raise it but did not", rule.code));
                }
            } else if name.starts_with("silent") {
                silent += 1;
                if raised {
                    problems.push(format!("{}: {name} should not raise it but did", rule.code));
                }
            } else {
                problems.push(format!("{}: {name} must start with fires- or silent-", rule.code));
            }
        }
        if fires == 0 || silent == 0 {
            problems.push(format!("{}: needs at least one fires- and one silent- fixture", rule.code));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every fixture of every rule and every corpus message, loaded.
fn every_fixture_and_corpus_exchange() -> Vec<(PathBuf, Exchange)> {
    let mut files: Vec<PathBuf> = fs::read_dir(fixtures_dir()).unwrap().flat_map(|e| responses(&e.unwrap().path())).collect();
    files.extend(responses(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus")));
    files.into_iter().map(|f| (f.clone(), load(&f))).collect()
}

/// What `rules` report on the variants `vary` makes of every fixture and corpus exchange — each
/// variant lies outside the rule's declaration, so `lint` would skip the rule there and it must
/// have nothing to say. `vary` labels each variant for the failure message.
fn reports_outside_declarations<'r>(
    rules: impl Iterator<Item = &'r &'static Rule>,
    vary: impl Fn(&Rule, &Exchange) -> Vec<(String, Exchange)>,
) -> Vec<String> {
    let exchanges = every_fixture_and_corpus_exchange();
    let mut problems = Vec::new();
    for rule in rules {
        for (f, ex) in &exchanges {
            for (label, ex) in vary(rule, ex) {
                if let Some(x) = run_rule(rule, &ex, &context()).first() {
                    problems.push(format!("{} {label}, but reported on {}: {}", rule.code, f.display(), x.message));
                }
            }
        }
    }
    problems
}

/// A rule that declares `requires` is skipped by `lint` when the response carries none of those
/// fields; it must then have nothing to say. Every fixture of every rule and the clean corpus,
/// with those fields taken out (and under every visibility), is run through the rule itself.
#[test]
fn rules_are_silent_without_the_fields_they_require() {
    let gated: Vec<_> = RULES.iter().filter(|r| !r.requires.is_empty()).collect();
    assert!(gated.len() > 50, "most header rules declare the fields they need ({} do)", gated.len());
    let problems = reports_outside_declarations(gated.into_iter(), |rule, ex| {
        [Visibility::Complete, Visibility::SameOrigin, Visibility::CorsFiltered]
            .map(|visibility| {
                let mut ex = ex.clone();
                for name in rule.requires {
                    ex.response.headers.remove(name);
                }
                ex.response.visibility = visibility;
                (format!("requires {:?} ({visibility:?}, without them)", rule.requires), ex)
            })
            .into()
    });
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A rule that declares `statuses` is skipped by `lint` for any other status; it must then have
/// nothing to say. Every fixture of every rule and the clean corpus, under every status outside
/// the declaration (the registered codes and a few that are not), is run through the rule itself.
#[test]
fn rules_are_silent_for_statuses_they_do_not_declare() {
    let gated: Vec<_> = RULES.iter().filter(|r| r.statuses != Statuses::Any).collect();
    assert!(gated.len() > 40, "the status rules declare their statuses ({} do)", gated.len());
    let mut statuses: Vec<u16> = statuslab_rules::codes::all().iter().map(|e| e.code).collect();
    statuses.extend([0, 99, 199, 299, 399, 499, 599, 600, 999, 1000, u16::MAX]);
    let problems = reports_outside_declarations(gated.into_iter(), |rule, ex| {
        statuses
            .iter()
            .filter(|&&s| !rule.statuses.admits(s))
            .map(|&status| {
                let mut ex = ex.clone();
                ex.response.status = status;
                ex.response.reason = None;
                (format!("declares {:?} (as {status})", rule.statuses), ex)
            })
            .collect()
    });
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A rule that declares `methods` is skipped by `lint` when the request is unknown or has
/// another method; it must then have nothing to say. Every fixture of every rule and the clean
/// corpus, without its request and under every other method (lowercase spellings included:
/// methods are case-sensitive), is run through the rule itself.
#[test]
fn rules_are_silent_for_methods_they_do_not_declare() {
    let gated: Vec<_> = RULES.iter().filter(|r| !r.methods.is_empty()).collect();
    assert!(gated.len() >= 10, "the method-specific rules declare their methods ({} do)", gated.len());
    let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE", "get", "head", "options", "post", ""];
    let problems = reports_outside_declarations(gated.into_iter(), |rule, ex| {
        let mut variants = vec![(format!("declares {:?} (no request)", rule.methods), Exchange { request: None, ..ex.clone() })];
        for m in methods.iter().filter(|m| !rule.methods.contains(m)) {
            let mut ex = ex.clone();
            let mut req = ex.request.take().unwrap_or_else(|| Request::new("GET", "https://example.com/"));
            req.method = m.to_string();
            ex.request = Some(req);
            variants.push((format!("declares {:?} (with {m:?})", rule.methods), ex));
        }
        variants
    });
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `lint` looks statuses below 1000 up in a table and treats every higher one alike.
#[test]
fn rules_declare_statuses_below_the_lookup() {
    for r in RULES.iter() {
        let ok = match r.statuses {
            Statuses::Any => true,
            Statuses::Codes(codes) => !codes.is_empty() && codes.iter().all(|&c| c < 1000),
            Statuses::Range(from, to) => from <= to && to < 1000,
        };
        assert!(ok, "{}: {:?}", r.code, r.statuses);
    }
}

#[test]
fn fixture_folders_all_name_a_rule() {
    for e in fs::read_dir(fixtures_dir()).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        assert!(RULES.iter().any(|r| r.name == name), "fixtures/{name} does not name a rule");
    }
}

#[test]
fn snapshots_of_all_findings() {
    let mut dirs: Vec<PathBuf> = fs::read_dir(fixtures_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    dirs.sort();
    for dir in dirs {
        for f in responses(&dir) {
            let findings = lint(&load(&f), &context());
            let summary: Vec<String> = findings
                .iter()
                .map(|x| format!("{} {} [{}] {}", x.code, x.severity.as_str(), target_label(&x.target), x.message))
                .collect();
            let name = format!(
                "{}__{}",
                dir.file_name().unwrap().to_str().unwrap(),
                f.file_stem().unwrap().to_str().unwrap()
            );
            insta::assert_snapshot!(name, summary.join("\n"));
        }
    }
}

fn target_label(t: &statuslab_rules::Target) -> String {
    use statuslab_rules::Target::*;
    match t {
        StatusLine => "status-line".into(),
        Header { name, index: Some(i) } => format!("header {name}#{i}"),
        Header { name, index: None } => format!("missing {name}"),
        Body => "body".into(),
        Request => "request".into(),
        RequestHeader { name, index } => format!("request-header {name}#{index:?}"),
    }
}
