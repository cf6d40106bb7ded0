use std::collections::HashSet;

use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A successful (`2xx`) answer to a CORS preflight whose `Access-Control-Allow-Headers`
    /// does not allow every header named in the request's `Access-Control-Request-Headers`.
    /// Names compare case-insensitively; `*` allows any name. The rule needs the request and
    /// stays silent without it.
    ///
    /// ## Why it matters
    /// The browser lists in `Access-Control-Request-Headers` the headers the page wants to send
    /// that are not CORS-safelisted (for example `Content-Type: application/json`, `Authorization`,
    /// `X-Api-Key`). If any is missing from the answer the preflight fails (Fetch
    /// §cors-preflight-fetch) and the actual request is never sent ("Request header field
    /// x-api-key is not allowed by Access-Control-Allow-Headers in preflight response").
    /// The Fetch standard makes `Authorization` a CORS non-wildcard request-header name that `*`
    /// does not cover; Chromium still accepts it under `*` (checked in this project's browser
    /// matrix), so this rule follows Chromium and COR020 flags the spec difference.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Methods: GET, POST, PUT
    /// Access-Control-Allow-Headers: *
    /// Vary: Origin
    /// ```
    /// (answering a preflight with `Access-Control-Request-Headers: authorization,content-type`)
    ///
    /// ## Fix
    /// List the headers the page may send (`Access-Control-Allow-Headers: Authorization,
    /// Content-Type`), or echo the requested names after checking them. Always name
    /// `Authorization` explicitly.
    pub static PREFLIGHT_HEADER_NOT_ALLOWED = {
        code: "COR011",
        name: "preflight-header-not-allowed",
        category: Cors,
        severity: Error,
        summary: "A preflight response must allow every requested header",
        specs: [
            fetch("cors-preflight-fetch"),
            fetch("http-access-control-allow-headers"),
            fetch("cors-non-wildcard-request-header-name"),
        ],
        methods: &["OPTIONS"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if super::preflight(c).is_none() || !(200..=299).contains(&c.status()) {
        return;
    }
    let Some(req) = c.request() else { return };
    let requested: Vec<String> = req
        .headers
        .all("Access-Control-Request-Headers")
        .flat_map(|(_, v)| super::members(v))
        .map(str::to_ascii_lowercase)
        .collect();
    if requested.is_empty() {
        return;
    }
    let index = match c.header("Access-Control-Allow-Headers") {
        Presence::Hidden => return,
        Presence::Present(i, _) => Some(i),
        Presence::Absent => None,
    };
    let allowed: HashSet<String> =
        super::response_list(c, "Access-Control-Allow-Headers").into_iter().map(str::to_ascii_lowercase).collect();
    let star = allowed.contains("*");
    let mut seen = HashSet::new();
    let mut missing: Vec<&str> = Vec::new();
    for name in &requested {
        let listed = allowed.contains(name.as_str());
        // The Fetch standard says `*` never covers `Authorization`, but Chromium lets it through
        // (verified by tests/e2e/cors-matrix.test.mjs): this rule reports what will be blocked;
        // COR020 (info) explains the spec difference.
        if !listed && !star && seen.insert(name.as_str()) {
            missing.push(name);
        }
    }
    if missing.is_empty() {
        return;
    }
    let names = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
    let star_note = "";
    let message = if index.is_none() {
        format!("The preflight asks to send {names} but the response has no `Access-Control-Allow-Headers`, so the browser blocks the request.")
    } else {
        format!("The preflight asks to send {names} but `Access-Control-Allow-Headers` does not allow it{star_note}, so the browser blocks the request.")
    };
    c.report(
        Target::Header { name: "Access-Control-Allow-Headers".into(), index },
        message,
        format!("Add {names} to `Access-Control-Allow-Headers`."),
    );
}
