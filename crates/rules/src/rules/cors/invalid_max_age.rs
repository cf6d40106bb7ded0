use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::{fetch, rfc};

declare_rule! {
    /// ## What it checks
    /// An `Access-Control-Max-Age` that is not a plain number of seconds (`delta-seconds`:
    /// digits only), or that is sent more than once.
    ///
    /// ## Why it matters
    /// The header is `delta-seconds` (Fetch §http-access-control-max-age, RFC 9111 §1.2.2).
    /// Browsers ignore a value they cannot parse — `10m`, `"600"`, `-1`, `1.5` — and fall back to
    /// their default (5 seconds in the Fetch standard, §cors-preflight-fetch), so every request
    /// is preceded by a fresh preflight, doubling round-trips. Several lines are a parse failure
    /// too.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Methods: GET, PUT
    /// Access-Control-Max-Age: 10m
    /// Vary: Origin
    /// ```
    ///
    /// ## Fix
    /// Send one value in whole seconds, e.g. `Access-Control-Max-Age: 600`; send `0` to
    /// disable preflight caching.
    pub static INVALID_MAX_AGE = {
        code: "COR012",
        name: "invalid-max-age",
        category: Cors,
        severity: Warning,
        summary: "Access-Control-Max-Age must be a single number of seconds",
        specs: [fetch("http-access-control-max-age"), fetch("cors-preflight-fetch"), rfc(9111, "1.2.2")],
        requires: &["Access-Control-Max-Age"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, v) = c.header("Access-Control-Max-Age") else { return };
    let n = c.header_lines("Access-Control-Max-Age").count();
    let target = Target::Header { name: "Access-Control-Max-Age".into(), index: Some(i) };
    let fix = "Send a single whole number of seconds, e.g. `Access-Control-Max-Age: 600`.".to_string();
    if n > 1 {
        c.report(
            target,
            format!("`Access-Control-Max-Age` is sent {n} times; browsers ignore it and re-send the preflight after their 5-second default."),
            fix,
        );
        return;
    }
    let v = v.trim_fast();
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        c.report(
            target,
            format!("`Access-Control-Max-Age: {v}` is not a number of seconds; browsers ignore it and re-send the preflight after their 5-second default."),
            fix,
        );
    }
}
