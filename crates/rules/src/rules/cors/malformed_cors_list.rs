use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::{fetch, rfc};

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Allow-Methods`, `Access-Control-Allow-Headers` or
    /// `Access-Control-Expose-Headers` whose members are not tokens separated by commas:
    /// space-separated names (`GET POST PUT`), semicolons, quotes, or other characters a
    /// method or field name cannot contain.
    ///
    /// ## Why it matters
    /// The three headers are comma-separated lists of methods or field names, all `token`s
    /// (Fetch §http-access-control-allow-methods, RFC 9110 §5.6.1, §5.6.2). Browsers parse them
    /// strictly: when `Access-Control-Allow-Methods` or `Access-Control-Allow-Headers` of a
    /// preflight response does not parse, the whole preflight fails (§cors-preflight-fetch),
    /// even for methods and headers that are listed correctly. An unparsable
    /// `Access-Control-Expose-Headers` exposes nothing. (The first two are reported as errors,
    /// or as warnings when the request is known not to be a preflight; the third as a warning.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Methods: GET POST PUT
    /// Vary: Origin
    /// ```
    ///
    /// ## Fix
    /// Separate the names with commas: `Access-Control-Allow-Methods: GET, POST, PUT`.
    pub static MALFORMED_CORS_LIST = {
        code: "COR021",
        name: "malformed-cors-list",
        category: Cors,
        severity: Error,
        summary: "CORS method and header lists must be comma-separated tokens",
        specs: [
            fetch("cors-preflight-fetch"),
            fetch("http-access-control-allow-methods"),
            fetch("extract-header-list-values"),
            rfc(9110, "5.6.2"),
        ],
        requires: &["Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Expose-Headers"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let known_not_preflight = c.request().is_some() && super::preflight(c).is_none();
    for name in ["Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Expose-Headers"] {
        let bad = c
            .response()
            .headers
            .all(name)
            .find_map(|(i, v)| super::members(v).find(|m| !super::is_token(m)).map(|m| (i, v.trim_fast(), m)));
        let Some((i, value, member)) = bad else { continue };
        let target = Target::Header { name: name.to_string().into(), index: Some(i) };
        let names: Vec<&str> = value.split(|ch: char| !super::is_token(ch.encode_utf8(&mut [0; 4]))).filter(|s| !s.is_empty()).collect();
        let fix = if names.is_empty() {
            "Send a comma-separated list of names.".to_string()
        } else {
            format!("Separate the names with commas: `{name}: {}`.", names.join(", "))
        };
        if name == "Access-Control-Expose-Headers" {
            c.report_with(
                Severity::Warning,
                target,
                format!("`{name}: {value}` is not a comma-separated list of header names (`{member}`); browsers may expose none of them."),
                fix,
            );
        } else {
            let sev = if known_not_preflight { Severity::Warning } else { Severity::Error };
            c.report_with(
                sev,
                target,
                format!("`{name}: {value}` is not a comma-separated list of tokens (`{member}`); a preflight answered with it fails entirely."),
                fix,
            );
        }
    }
}
