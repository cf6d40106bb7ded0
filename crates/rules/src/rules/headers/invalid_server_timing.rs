use crate::model::TrimExt;
use crate::declare_rule;
use crate::model::{list_members, pieces_outside_quotes};
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::syntax::{at, is_token, lines, quoted};

declare_rule! {
    /// ## What it checks
    /// `Server-Timing` metrics that do not follow the field's grammar (W3C Server Timing §3):
    /// `metric-name *( OWS ";" OWS name OWS "=" OWS value )`, where the metric and parameter names
    /// are tokens and each value is a token or a quoted string — and a `dur` that is not a number
    /// of milliseconds.
    ///
    /// ## Why it matters
    /// Browsers expose the metrics to the page (`PerformanceResourceTiming.serverTiming`) and in
    /// DevTools. A metric whose name is not a token is dropped; an unparsable `dur` is read as
    /// `0`, so dashboards built on Real User Monitoring show a duration of zero instead of the
    /// real one; spaces or commas in an unquoted description split the metric apart.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Server-Timing: db;dur=53ms, cache;desc=Cache Read
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Give durations as plain milliseconds and quote descriptions with spaces:
    /// `Server-Timing: db;dur=53, cache;desc="Cache Read"`.
    pub static INVALID_SERVER_TIMING = {
        code: "HDR046",
        name: "invalid-server-timing",
        category: Headers,
        severity: Warning,
        summary: "Server-Timing metrics must be a token with token or quoted-string parameters",
        specs: [StaticSpec::Other("W3C Server Timing §3", "https://w3c.github.io/server-timing/#the-server-timing-header-field")],
        requires: &["Server-Timing"],
        check: check,
    }
}

/// Why a metric does not follow the grammar, or `None`.
fn metric_problem(metric: &str) -> Option<String> {
    let mut pieces = pieces_outside_quotes(metric, b';');
    let name = pieces.next().unwrap_or("").trim_fast();
    if !is_token(name) {
        return Some(format!("the metric name `{name}` is not a token"));
    }
    let mut seen_dur = false;
    for param in pieces {
        let param = param.trim_fast();
        let Some((pname, value)) = param.split_once('=') else {
            return Some(format!("the parameter `{param}` of `{name}` has no `=value`"));
        };
        let (pname, value) = (pname.trim_fast(), value.trim_fast());
        if !is_token(pname) {
            return Some(format!("the parameter name `{pname}` of `{name}` is not a token"));
        }
        let text = if value.starts_with('"') {
            match quoted(value) {
                Some((text, rest)) if rest.trim_fast().is_empty() => text,
                _ => return Some(format!("the value of `{pname}` in `{name}` is a broken quoted string")),
            }
        } else if is_token(value) {
            value.to_string()
        } else {
            return Some(format!("the value `{value}` of `{pname}` in `{name}` is neither a token nor a quoted string (quote it)"));
        };
        // Only the first `dur` counts (§3); browsers read it as a double, or 0.
        if pname.eq_ignore_ascii_case("dur") && !seen_dur {
            seen_dur = true;
            if text.parse::<f64>().map_or(true, |d| !d.is_finite()) {
                return Some(format!("`dur={value}` in `{name}` is not a number of milliseconds, so browsers record a duration of 0"));
            }
        }
    }
    None
}

fn check(c: &mut Checker<'_>) {
    for (i, v) in lines(c, "Server-Timing") {
        let Some(problem) = list_members(v).find_map(metric_problem) else { continue };
        c.report(
            at("Server-Timing", i),
            format!("`Server-Timing: {v}`: {problem}."),
            "Write each metric as `name;dur=<milliseconds>;desc=\"<text>\"`, e.g. `Server-Timing: db;dur=53, cache;desc=\"Cache Read\"`."
                .to_string(),
        );
    }
}
