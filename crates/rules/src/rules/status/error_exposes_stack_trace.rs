use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A `4xx` or `5xx` response whose content contains a stack trace: a Python
    /// `Traceback (most recent call last)`, a Rust `thread '…' panicked at`, a Go
    /// `goroutine N [running]:`, a PHP `Stack trace:` followed by `#0`, or at least two frame
    /// lines of a Java, JavaScript (Node), .NET, PHP or Ruby trace. Escaped newlines inside
    /// JSON strings and `<br>` in HTML error pages are read as line breaks.
    ///
    /// ## Why it matters
    /// A trace reveals file paths, framework and library names and versions, and the code
    /// path that failed: a map for attackers (CWE-209, OWASP "Improper Error Handling"). It
    /// also means the server runs with debug error pages enabled, which often expose more
    /// (settings, environment, SQL).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 500 Internal Server Error
    /// Content-Type: text/plain
    ///
    /// Traceback (most recent call last):
    ///   File "/srv/app/views.py", line 42, in order
    /// KeyError: 'id'
    /// ```
    ///
    /// ## Fix
    /// Turn off debug error pages in production (`DEBUG = False`, `NODE_ENV=production`,
    /// `server.error.include-stacktrace=never` …); log the trace on the server and send a
    /// generic message, perhaps with an incident id.
    pub static ERROR_EXPOSES_STACK_TRACE = {
        code: "STA046",
        name: "error-exposes-stack-trace",
        category: Status,
        severity: Warning,
        summary: "An error response reveals a stack trace",
        specs: [
            StaticSpec::Other("CWE-209: Error Message Containing Sensitive Information", "https://cwe.mitre.org/data/definitions/209.html"),
            StaticSpec::Other("OWASP: Improper Error Handling", "https://owasp.org/www-community/Improper_Error_Handling"),
        ],
        statuses: Range(400, 599),
        check: check,
    }
}

/// At most this many bytes of content are scanned.
const SCAN_LIMIT: usize = 1 << 20;

/// Digits right after `marker` somewhere in `line` (`.java:42`, `.cs:line 7`).
fn has_position(line: &str, marker: &str) -> bool {
    line.match_indices(marker)
        .any(|(i, m)| line.as_bytes().get(i + m.len()).is_some_and(|b| b.is_ascii_digit()))
}

/// Which language's stack trace `text` holds, if any.
fn detect(text: &str) -> Option<&'static str> {
    if text.contains("Traceback (most recent call last)") {
        return Some("Python");
    }
    let (mut java, mut node, mut dotnet, mut php, mut ruby) = (0, 0, 0, 0, 0);
    let mut after_php_header = false;
    for line in text.lines() {
        let t = line.trim_start();
        // PHP's uncaught-exception output: `Stack trace:` then `#0 /path/file.php(12): …`.
        if after_php_header && t.starts_with("#0 ") {
            return Some("PHP");
        }
        after_php_header = t.trim_end() == "Stack trace:";
        if t.starts_with("thread '") && t.contains("' panicked at ") {
            return Some("Rust");
        }
        if t.starts_with("goroutine ") && t.trim_end().ends_with("]:") {
            return Some("Go");
        }
        if let Some(frame) = t.strip_prefix("at ") {
            if has_position(frame, ".java:") || frame.ends_with("(Native Method)") {
                java += 1;
            } else if [".js:", ".mjs:", ".cjs:", ".ts:"].iter().any(|m| has_position(frame, m)) || frame.contains("(node:internal") {
                node += 1;
            } else if has_position(frame, ".cs:line ") {
                dotnet += 1;
            }
        }
        if t.starts_with('#') && t[1..].starts_with(|ch: char| ch.is_ascii_digit()) && t.contains(".php(") {
            php += 1;
        }
        if has_position(t, ".rb:") && (t.contains(":in `") || t.contains(":in '")) {
            ruby += 1;
        }
    }
    [(java, "Java"), (node, "JavaScript"), (dotnet, ".NET"), (php, "PHP"), (ruby, "Ruby")]
        .into_iter()
        .find(|(n, _)| *n >= 2)
        .map(|(_, lang)| lang)
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(400..=599).contains(&status) {
        return;
    }
    let body = &c.response().body;
    if body.is_empty() {
        return;
    }
    let head = &body[..body.len().min(SCAN_LIMIT)];
    // Traces embedded in JSON strings keep their line breaks as `\n` escapes; HTML error pages
    // (Express's finalhandler) write them as `<br>` and indent with `&nbsp;`.
    let text = String::from_utf8_lossy(head)
        .replace("\\n", "\n")
        .replace("\\t", "\t")
        .replace("<br>", "\n")
        .replace("&nbsp;", " ");
    if let Some(lang) = detect(&text) {
        let reason = crate::codes::reason(status);
        c.report(
            Target::Body,
            format!("This `{status} {reason}` shows a {lang} stack trace, revealing file paths, libraries and code structure to anyone."),
            "Disable debug error output in production; log the trace on the server and send a generic message.",
        );
    }
}
