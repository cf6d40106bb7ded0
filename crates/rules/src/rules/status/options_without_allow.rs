use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::{fetch, rfc};

declare_rule! {
    /// ## What it checks
    /// A successful (`2xx`) answer to an `OPTIONS` request without an `Allow` header. CORS
    /// preflights (a request with `Access-Control-Request-Method`, or a response with
    /// `Access-Control-Allow-Methods`) are left alone: they answer with the CORS headers.
    /// Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §9.3.7: "A server generating a successful response to OPTIONS SHOULD send any
    /// header that might indicate optional features implemented by the server and applicable
    /// to the target resource (e.g., Allow)". `Allow` is what API explorers, WebDAV clients
    /// and tools like `curl -X OPTIONS` read to learn which methods the resource supports.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Date: Wed, 25 Nov 2026 21:00:00 GMT
    /// ```
    /// (in answer to `OPTIONS /items`)
    ///
    /// ## Fix
    /// Send `Allow: GET, HEAD, POST, OPTIONS` (the methods the resource supports).
    pub static OPTIONS_WITHOUT_ALLOW = {
        code: "STA031",
        name: "options-without-allow",
        category: Status,
        severity: Info,
        summary: "A successful OPTIONS response should list the supported methods in Allow",
        specs: [rfc(9110, "9.3.7"), rfc(9110, "10.2.1"), fetch("cors-preflight-fetch")],
        methods: &["OPTIONS"],
        statuses: Range(200, 299),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !(200..=299).contains(&c.status()) {
        return;
    }
    let Some(req) = c.request() else { return };
    if !req.is_method("OPTIONS") || req.headers.contains("Access-Control-Request-Method") {
        return;
    }
    if c.has_header("Access-Control-Allow-Methods") {
        return;
    }
    if let Presence::Absent = c.header("Allow") {
        c.report(
            Target::Header { name: "Allow".into(), index: None },
            "This successful `OPTIONS` response has no `Allow` header, so clients cannot learn which methods the resource supports.",
            "Add `Allow` listing the supported methods, e.g. `Allow: GET, HEAD, OPTIONS`.",
        );
    }
}
