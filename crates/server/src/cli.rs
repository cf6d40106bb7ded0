//! The command line: `serve`, `lint`, `explain`, `rules`, `codes`.
//! Exit codes: 0 = fine, 1 = lint found an error-level finding, 2 = bad input.

use std::io::Read;
use std::path::PathBuf;
use std::time::SystemTime;

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use statuslab_rules::{codes, http1, lint, Exchange, LintContext, Severity, RULES};

#[derive(Parser, Debug)]
#[command(name = "statuslab", version, about = "Status Lab: HTTP status simulator, linter and reference")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the built app and the simulator API.
    Serve {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// Directory of the built app (read at run time).
        #[arg(long, default_value = "./dist")]
        dist: PathBuf,
    },
    /// Lint a URL (fetched natively, `--follow` lints every redirect hop), a raw HTTP/1.x response
    /// from FILE, or standard input when FILE is `-` or absent.
    Lint {
        /// A URL, a file holding a raw response (`curl -i` output works), or `-` for stdin.
        input: Option<String>,
        /// A file holding the raw request the response answered.
        #[arg(long)]
        request: Option<PathBuf>,
        /// The current time as an HTTP-date (default: the system clock).
        #[arg(long)]
        now: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Hide findings below this severity.
        #[arg(long, value_enum, default_value_t = MinSeverity::Info)]
        min_severity: MinSeverity,
        /// For a URL: follow redirects (at most 20) and lint every hop.
        #[arg(long)]
        follow: bool,
    },
    /// Explain a status code (`401`) or a rule (`STA001` or its name).
    Explain { key: String },
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Predict the browser's CORS verdict for a request and the server's answers, without a
    /// browser. Reads JSON from FILE, or standard input when FILE is absent or `-`.
    Cors {
        file: Option<String>,
    },
    /// List every status code in the knowledge base.
    Codes {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum MinSeverity {
    Error,
    Warning,
    Info,
}

impl MinSeverity {
    fn admits(self, s: Severity) -> bool {
        match self {
            MinSeverity::Error => s == Severity::Error,
            MinSeverity::Warning => s != Severity::Info,
            MinSeverity::Info => true,
        }
    }
}

/// The outcome of a non-serve command: text for stdout, or an error message, and the exit code.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Outcome {
    fn ok(stdout: String) -> Self {
        Outcome { stdout, stderr: String::new(), code: 0 }
    }
    fn bad_input(msg: impl Into<String>) -> Self {
        Outcome { stdout: String::new(), stderr: format!("error: {}\n", msg.into()), code: 2 }
    }
}

fn read_input(input: Option<&str>, stdin: &mut dyn Read) -> Result<Vec<u8>, String> {
    match input {
        None | Some("-") => {
            let mut v = Vec::new();
            stdin.read_to_end(&mut v).map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(v)
        }
        Some(p) => std::fs::read(p).map_err(|e| format!("cannot read `{p}`: {e}")),
    }
}

/// Limits of `lint URL`.
pub const MAX_HOPS: usize = 20;
pub const MAX_BODY: usize = 5 << 20;

/// One fetched hop: the request as sent and the response as received.
pub struct Hop {
    pub exchange: Exchange,
}

/// Fetches `url` natively (GET, redirects not followed by the client: each hop is returned, and
/// followed by us only with `follow`).
pub fn fetch_hops(url: &str, follow: bool) -> Result<Vec<Hop>, String> {
    let client = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(30))
        .user_agent(concat!("statuslab/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| format!("cannot start the HTTP client: {e}"))?;
    let mut hops = Vec::new();
    let mut current = url::Url::parse(url).map_err(|e| format!("`{url}` is not a valid URL: {e}"))?;
    loop {
        let res = client.get(current.clone()).send().map_err(|e| {
            let mut msg = format!("cannot fetch {current}: {e}");
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                msg.push_str(&format!(": {s}"));
                src = s.source();
            }
            msg
        })?;
        let status = res.status().as_u16();
        let mut headers = statuslab_rules::Headers::new();
        for (n, v) in res.headers() {
            headers.push(n.as_str(), String::from_utf8_lossy(v.as_bytes()).into_owned());
        }
        let location = res.headers().get("location").and_then(|v| v.to_str().ok()).map(str::to_string);
        let mut body = Vec::new();
        let mut limited = std::io::Read::take(res, MAX_BODY as u64);
        std::io::Read::read_to_end(&mut limited, &mut body).map_err(|e| format!("cannot read the body of {current}: {e}"))?;
        let mut req = statuslab_rules::Request::new("GET", current.as_str());
        req.headers.push("User-Agent", concat!("statuslab/", env!("CARGO_PKG_VERSION")));
        hops.push(Hop {
            exchange: Exchange {
                request: Some(req),
                response: statuslab_rules::Response { status, reason: None, headers, body, ..Default::default() },
            },
        });
        let next = match (follow, location, (300..400).contains(&status)) {
            (true, Some(loc), true) => current.join(&loc).map_err(|e| format!("hop {}: bad Location `{loc}`: {e}", hops.len()))?,
            _ => return Ok(hops),
        };
        if hops.len() >= MAX_HOPS {
            return Err(format!("more than {MAX_HOPS} redirects from {url} (browsers give up at 20: Fetch §http-redirect-fetch)"));
        }
        current = next;
    }
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

#[allow(clippy::too_many_arguments)]
pub fn lint_command(
    input: Option<&str>,
    request: Option<&std::path::Path>,
    now: Option<&str>,
    format: Format,
    min: MinSeverity,
    follow: bool,
    stdin: &mut dyn Read,
) -> Outcome {
    let now_secs = match parse_now(now) {
        Ok(n) => n,
        Err(e) => return Outcome::bad_input(e),
    };
    if let Some(url) = input.filter(|i| is_url(i)) {
        return match fetch_hops(url, follow) {
            Ok(hops) => report(hops.into_iter().map(|h| h.exchange).collect(), now_secs, format, min),
            Err(e) => Outcome::bad_input(e),
        };
    }
    if follow {
        return Outcome::bad_input("--follow needs a URL");
    }
    let raw = match read_input(input, stdin) {
        Ok(r) => r,
        Err(e) => return Outcome::bad_input(e),
    };
    let response = match http1::parse_response(&raw) {
        Ok(r) => r,
        Err(e) => return Outcome::bad_input(format!("the input is not a raw HTTP response: {e}")),
    };
    let request = match request {
        Some(p) => match std::fs::read(p) {
            Ok(raw) => match http1::parse_request(&raw) {
                Ok(r) => Some(r),
                Err(e) => return Outcome::bad_input(format!("`{}` is not a raw HTTP request: {e}", p.display())),
            },
            Err(e) => return Outcome::bad_input(format!("cannot read `{}`: {e}", p.display())),
        },
        None => None,
    };
    report(vec![Exchange { request, response }], now_secs, format, min)
}

fn parse_now(now: Option<&str>) -> Result<u64, String> {
    let t = match now {
        Some(s) => httpdate::parse_http_date(s)
            .map_err(|_| format!("--now `{s}` is not an HTTP-date (e.g. `Sun, 06 Nov 1994 08:49:37 GMT`)"))?,
        None => SystemTime::now(),
    };
    Ok(t.duration_since(SystemTime::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0))
}

/// Lints each exchange (one, or every hop of a followed URL) and renders the result.
fn report(exchanges: Vec<Exchange>, now_secs: u64, format: Format, min: MinSeverity) -> Outcome {
    let cx = LintContext { now: Some(now_secs), page_origin: None };
    let per_hop: Vec<Vec<statuslab_rules::Finding>> = exchanges
        .iter()
        .map(|ex| lint(ex, &cx).into_iter().filter(|f| min.admits(f.severity)).collect())
        .collect();
    let all: Vec<&statuslab_rules::Finding> = per_hop.iter().flatten().collect();
    let count = |s: Severity| all.iter().filter(|f| f.severity == s).count();
    let (e, w, i) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let chain = exchanges.len() > 1;
    // The chain as a browser would follow it (Fetch §http-redirect-fetch): origin changes,
    // downgrades, what would be dropped. Our client sent GETs, so no method rewrite applies.
    let steps = redirect_steps(&exchanges);
    let stdout = match format {
        Format::Json => {
            let findings: Vec<serde_json::Value> = per_hop
                .iter()
                .enumerate()
                .flat_map(|(hop, fs)| {
                    fs.iter().map(move |f| {
                        let mut v = serde_json::to_value(f).unwrap_or_default();
                        if chain {
                            v["hop"] = json!(hop);
                        }
                        v
                    })
                })
                .collect();
            let mut v = json!({ "findings": findings, "summary": { "error": e, "warning": w, "info": i } });
            if chain {
                v["hops"] = exchanges
                    .iter()
                    .zip(steps.iter().map(Some).chain(std::iter::repeat(None)))
                    .map(|(x, step)| json!({ "url": x.request.as_ref().map(|r| r.url.clone()), "status": x.response.status, "redirect": step }))
                    .collect();
            }
            if let Some(last) = exchanges.last() {
                v["cache"] = json!(statuslab_rules::cache::analyze(last, &cx));
            }
            serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
        }
        Format::Text => {
            let mut s = String::new();
            for (hop, (ex, findings)) in exchanges.iter().zip(&per_hop).enumerate() {
            s.push_str(&format!("HTTP {} {}{}\n", ex.response.status, codes::reason(ex.response.status),
                ex.request.as_ref().filter(|_| chain).map(|r| format!("  {}", r.url)).unwrap_or_default()));
            if let Some(step) = steps.get(hop).filter(|_| chain) {
                let mut notes = Vec::new();
                if step.origin_changed { notes.push("origin change: a browser drops Authorization here"); }
                if step.downgrade { notes.push("HTTPS → HTTP downgrade"); }
                if let Some(to) = &step.to {
                    s.push_str(&format!("        → {to}{}\n", if notes.is_empty() { String::new() } else { format!(" ({})", notes.join("; ")) }));
                }
            }
            for f in findings {
                s.push_str(&format!("{:7} {} [{}] {}\n", f.severity.as_str(), f.code, f.name, f.message));
                if let Some(fix) = &f.fix {
                    s.push_str(&format!("        fix: {fix}\n"));
                }
                if let Some(l) = f.spec.first() {
                    s.push_str(&format!("        see: {} <{}>\n", l.label, l.url));
                }
            }
            }
            s.push_str(&format!("{e} error(s), {w} warning(s), {i} info\n"));
            s
        }
    };
    Outcome { stdout, stderr: String::new(), code: if e > 0 { 1 } else { 0 } }
}

/// The redirect steps between consecutive hops, as a browser's fetch would take them.
fn redirect_steps(exchanges: &[Exchange]) -> Vec<statuslab_rules::fetch::redirect::RedirectStep> {
    use statuslab_rules::fetch::redirect::{follow_redirect, is_redirect_status, Following};
    let Some(first) = exchanges.first().and_then(|x| x.request.as_ref()) else { return Vec::new() };
    let origin = statuslab_rules::fetch::origin_of(&first.url).unwrap_or_default();
    let mut f = Following { url: first.url.clone(), method: "GET".into(), headers: Vec::new(), has_body: false, tainted: false, count: 0, cors_mode: false };
    exchanges
        .iter()
        .take_while(|x| is_redirect_status(x.response.status))
        .map(|x| {
            if let Some(r) = &x.request {
                f.url = r.url.clone();
            }
            follow_redirect(&mut f, x.response.status, x.response.headers.get("location"), &origin)
        })
        .collect()
}

/// One rule as `statuslab rules --format json` and `/api/rules` give it.
pub fn rule_json(r: &statuslab_rules::Rule) -> serde_json::Value {
    use statuslab_rules::Statuses;
    let mut v = json!({
        "code": r.code, "name": r.name, "category": r.category, "severity": r.severity,
        "summary": r.summary, "docs": r.docs_markdown(), "spec": r.spec_links(),
    });
    // When the rule can report at all (omitted: any response).
    match r.statuses {
        Statuses::Any => {}
        Statuses::Codes(codes) => v["statuses"] = json!(codes),
        Statuses::Range(from, to) => v["statuses"] = json!({ "from": from, "to": to }),
    }
    if !r.requires.is_empty() {
        v["requires"] = json!(r.requires);
    }
    if !r.methods.is_empty() {
        v["methods"] = json!(r.methods);
    }
    if let Some(a) = r.applies_to() {
        v["applies_to"] = json!(a);
    }
    v
}

pub fn rules_command(format: Format) -> Outcome {
    match format {
        Format::Json => {
            let v: Vec<_> = RULES.iter().map(|r| rule_json(r)).collect();
            Outcome::ok(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n")
        }
        Format::Text => Outcome::ok(
            RULES
                .iter()
                .map(|r| format!("{} {:8} {:10} {:45} {}\n", r.code, r.severity.as_str(), r.category.as_str(), r.name, r.summary))
                .collect(),
        ),
    }
}

/// The JSON form of a knowledge-base entry (`statuslab codes --format json`, documented in the README).
pub fn code_json(e: &codes::StatusEntry) -> serde_json::Value {
    let mut v = serde_json::to_value(e).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("class".into(), json!(e.class()));
        o.insert("spec".into(), json!({ "label": e.spec.label(), "url": e.spec.url() }));
        for h in o.get_mut("critical_headers").and_then(|h| h.as_array_mut()).into_iter().flatten() {
            if let Some(spec) = h.get("spec").cloned() {
                if let Ok(s) = serde_json::from_value::<statuslab_rules::spec::SpecRef>(spec) {
                    h["spec"] = json!({ "label": s.label(), "url": s.url() });
                }
            }
        }
    }
    v
}

pub fn codes_command(format: Format) -> Outcome {
    match format {
        Format::Json => {
            let v: Vec<_> = codes::all().iter().map(code_json).collect();
            Outcome::ok(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n")
        }
        Format::Text => Outcome::ok(
            codes::all()
                .iter()
                .map(|e| format!("{} {:35} {:?}\n", e.code, e.reason, e.registry_status))
                .collect(),
        ),
    }
}

fn explain_code(e: &codes::StatusEntry) -> String {
    let mut s = format!("{} {}  ({}, {:?})\n", e.code, e.reason, e.class().title(), e.registry_status);
    if let Some(n) = &e.registry_note {
        s.push_str(&format!("Registry: {n}\n"));
    }
    s.push_str(&format!("Spec: {} <{}>\n\n{}\n", e.spec.label(), e.spec.url(), e.meaning));
    let list = |s: &mut String, title: &str, items: &[String]| {
        if !items.is_empty() {
            s.push_str(&format!("\n{title}:\n"));
            for i in items {
                s.push_str(&format!("  - {i}\n"));
            }
        }
    };
    list(&mut s, "Guarantees", &e.guarantees);
    list(&mut s, "Does not guarantee", &e.not_guaranteed);
    list(&mut s, "When to use", &e.when_to_use);
    if !e.misuses.is_empty() {
        s.push_str("\nCommon misuses:\n");
        for m in &e.misuses {
            s.push_str(&format!("  - {}\n    consequence: {}\n", m.misuse, m.consequence));
        }
    }
    if !e.critical_headers.is_empty() {
        s.push_str("\nCritical headers:\n");
        for h in &e.critical_headers {
            s.push_str(&format!("  - {} ({:?}{}): e.g. `{}`\n    without it: {}\n", h.name, h.requirement,
                h.when.as_ref().map(|w| format!(", when {w}")).unwrap_or_default(), h.example, h.missing));
        }
    }
    s.push_str(&format!("\nCaching: {}{}\n", if e.cacheable_by_default { "cacheable by default. " } else { "not cacheable by default. " }, e.caching));
    s.push_str(&format!("Retry ({:?}): {}\n", e.retry.policy, e.retry.advice));
    s.push_str(&format!("Monitoring ({}): {}\n", e.monitoring.classification, e.monitoring.note));
    s.push_str(&format!(
        "\nHow clients treat it:\n  browsers: {}\n  API clients: {}\n  crawlers: {}\n  monitors: {}\n  CDNs/proxies: {}\n",
        e.clients.browsers, e.clients.api_clients, e.clients.crawlers, e.clients.monitors, e.clients.cdns
    ));
    list(&mut s, "Debugging", &e.debugging);
    if !e.faq.is_empty() {
        s.push_str("\nFAQ:\n");
        for f in &e.faq {
            s.push_str(&format!("  Q: {}\n  A: {}\n", f.q, f.a));
        }
    }
    s.push_str("\nSnippets:\n");
    for (name, _, snip) in e.snippets.iter() {
        match snip {
            codes::Snippet::Code { code } => s.push_str(&format!("  {name}:\n{}\n", indent(code, 4))),
            codes::Snippet::NotApplicable { not_applicable } => s.push_str(&format!("  {name}: n/a — {not_applicable}\n")),
        }
    }
    let related: Vec<String> = e.related.iter().map(|c| format!("{c} {}", codes::reason(*c))).collect();
    s.push_str(&format!("\nRelated: {}\n", related.join(", ")));
    s
}

fn indent(text: &str, n: usize) -> String {
    text.lines().map(|l| format!("{}{l}", " ".repeat(n))).collect::<Vec<_>>().join("\n")
}

pub fn explain_command(key: &str) -> Outcome {
    if key.len() == 3 && key.bytes().all(|b| b.is_ascii_digit()) {
        let code: u16 = key.parse().unwrap_or(0);
        return match codes::get(code) {
            Some(e) => Outcome::ok(explain_code(e)),
            None => Outcome::bad_input(format!("{code} is not a registered or commonly seen status code; `statuslab codes` lists them")),
        };
    }
    match statuslab_rules::find_rule(key) {
        Some(r) => Outcome::ok(format!(
            "{} {} ({}, {})\n{}\n{}\n{}\n\nSpec: {}\n",
            r.code,
            r.name,
            r.category.as_str(),
            r.severity.as_str(),
            r.summary,
            r.applies_to().map(|a| format!("Applies to {a}.\n")).unwrap_or_default(),
            r.docs_markdown(),
            r.spec_links().iter().map(|l| format!("{} <{}>", l.label, l.url)).collect::<Vec<_>>().join(", ")
        )),
        None => Outcome::bad_input(format!("`{key}` is neither a status code nor a rule code or name; see `statuslab rules`")),
    }
}

/// `statuslab cors`: JSON case in, JSON verdict out (schema in the README).
pub fn cors_command(file: Option<&str>, stdin: &mut dyn Read) -> Outcome {
    let raw = match read_input(file, stdin) {
        Ok(r) => r,
        Err(e) => return Outcome::bad_input(e),
    };
    let case: statuslab_rules::fetch::CorsCase = match serde_json::from_slice(&raw) {
        Ok(c) => c,
        Err(e) => return Outcome::bad_input(format!("the input is not a CORS case: {e}")),
    };
    if case.request.page_origin.is_empty() || case.request.url.is_empty() {
        return Outcome::bad_input("`page_origin` and `url` are required");
    }
    let verdict = statuslab_rules::fetch::evaluate(&case);
    Outcome::ok(serde_json::to_string_pretty(&verdict).unwrap_or_default() + "\n")
}
