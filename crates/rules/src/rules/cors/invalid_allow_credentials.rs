use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// An `Access-Control-Allow-Credentials` whose value is not exactly `true`: `True`,
    /// `TRUE`, `1`, `yes`, two lines (read as `true, true`) — or `false`, which is reported as
    /// information only.
    ///
    /// ## Why it matters
    /// The CORS check (Fetch §cors-check) accepts credentials only when the combined value is
    /// byte for byte `true`; the header has no other value (§http-access-control-allow-credentials).
    /// Anything else means "no credentials": requests with cookies or HTTP authentication
    /// (`credentials: "include"`, `withCredentials`) are blocked, with "The value of the
    /// 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true'".
    /// `false` is harmless, but has the same effect as leaving the header out.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Credentials: True
    /// Vary: Origin
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// Send `Access-Control-Allow-Credentials: true` once, in lowercase, when credentialed
    /// requests are meant to succeed; otherwise leave the header out.
    pub static INVALID_ALLOW_CREDENTIALS = {
        code: "COR014",
        name: "invalid-allow-credentials",
        category: Cors,
        severity: Warning,
        summary: "Access-Control-Allow-Credentials only counts when it is exactly true",
        specs: [fetch("http-access-control-allow-credentials"), fetch("cors-check")],
        requires: &["Access-Control-Allow-Credentials"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, first) = c.header("Access-Control-Allow-Credentials") else { return };
    // The usual case: one line, `true`.
    if first.trim_fast() == "true" && !c.header_repeated("Access-Control-Allow-Credentials") {
        return;
    }
    let n = c.header_lines("Access-Control-Allow-Credentials").count();
    let combined = c.header_combined("Access-Control-Allow-Credentials").unwrap_or_default();
    let combined = combined.trim_fast();
    if combined == "true" {
        return;
    }
    let target = Target::Header { name: "Access-Control-Allow-Credentials".into(), index: Some(i) };
    let first = first.trim_fast();
    if n == 1 && first.eq_ignore_ascii_case("false") {
        c.report_with(
            Severity::Info,
            target,
            format!("`Access-Control-Allow-Credentials: {first}` has the same effect as leaving the header out; the only defined value is `true`."),
            "Drop the header.",
        );
        return;
    }
    let message = if n > 1 {
        format!("`Access-Control-Allow-Credentials` is sent {n} times, which browsers read as `{combined}`, not `true`: credentialed requests are blocked.")
    } else {
        format!("`Access-Control-Allow-Credentials: {first}` is not exactly `true`, so browsers treat it as absent and block credentialed requests.")
    };
    c.report(target, message, "Send `Access-Control-Allow-Credentials: true` once, in lowercase, or leave it out.".to_string());
}
