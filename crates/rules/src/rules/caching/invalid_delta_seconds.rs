use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::{rfc, StaticSpec};

use super::{cache_control, DELTA_DIRECTIVES};

declare_rule! {
    /// ## What it checks
    /// A `max-age`, `s-maxage`, `stale-while-revalidate` or `stale-if-error` directive whose
    /// argument is missing or is not a non-negative integer (`max-age=-1`, `max-age=1h`,
    /// `max-age=3.5`, bare `max-age`).
    ///
    /// ## Why it matters
    /// These directives take delta-seconds, `1*DIGIT` (RFC 9111 §1.2.2, RFC 5861 §3–§4). A cache
    /// cannot read anything else; RFC 9111 §4.2.1 encourages caches to treat a response with
    /// invalid freshness information as stale, others drop the directive. Either way the
    /// lifetime you meant is not the one caches use, and different caches disagree. (A quoted
    /// number such as `max-age="60"` is readable; `wrong-cache-directive-argument` reports it.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=1h
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Write whole seconds: `max-age=3600`. For "do not reuse without revalidating", send
    /// `max-age=0` or `no-cache`, not a negative number.
    pub static INVALID_DELTA_SECONDS = {
        code: "CAC007",
        name: "invalid-delta-seconds",
        category: Caching,
        severity: Warning,
        summary: "Cache directive arguments in seconds must be non-negative integers",
        specs: [
            rfc(9111, "1.2.2"),
            rfc(9111, "4.2.1"),
            rfc(9111, "5.2.2.1"),
            StaticSpec::Other("RFC 5861 §3 (stale-while-revalidate)", "https://www.rfc-editor.org/rfc/rfc5861.html#section-3"),
        ],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    let bad: Vec<_> = cc
        .directives
        .iter()
        .filter(|d| DELTA_DIRECTIVES.contains(&d.name.as_ref()) && d.seconds().is_none())
        .cloned()
        .collect();
    for d in bad {
        let arg = d.arg.as_deref().unwrap_or("").trim_fast();
        let what = if d.arg.is_none() || arg.is_empty() {
            "has no value".to_string()
        } else if arg.starts_with('-') && arg[1..].bytes().all(|b| b.is_ascii_digit()) && arg.len() > 1 {
            "is negative".to_string()
        } else {
            "is not a whole number of seconds".to_string()
        };
        let effect = match d.name.as_ref() {
            "max-age" | "s-maxage" => "caches may treat the response as stale or ignore the directive",
            _ => "caches ignore the directive",
        };
        let fix = match d.name.as_ref() {
            "max-age" | "s-maxage" => format!("Write `{}=<seconds>`, e.g. `{}=3600`; use `0` (or `no-cache`) to require revalidation.", d.name, d.name),
            _ => format!("Write `{}=<seconds>`, e.g. `{}=60`.", d.name, d.name),
        };
        c.report(d.target("Cache-Control"), format!("`{}` {what}: {effect}.", d.raw), fix);
    }
}
