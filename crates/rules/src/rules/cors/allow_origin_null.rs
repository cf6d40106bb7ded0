use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{fetch, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Allow-Origin: null`.
    ///
    /// ## Why it matters
    /// `null` is the serialization of every opaque origin (HTML §ascii-serialisation-of-an-origin):
    /// sandboxed iframes, `data:` URLs, local files and documents reached through a
    /// cross-origin redirect (Fetch §serializing-a-request-origin) all send `Origin: null`.
    /// Allowing `null` therefore allows any page that puts itself in a sandboxed iframe — an
    /// attacker can do that trivially — and combined with `Access-Control-Allow-Credentials:
    /// true` lets it read the user's data. It is often the result of echoing `Origin`
    /// unconditionally.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: null
    /// Access-Control-Allow-Credentials: true
    /// Vary: Origin
    /// Content-Type: application/json
    ///
    /// {"email": "user@example.com"}
    /// ```
    ///
    /// ## Fix
    /// Allow only the concrete origins you trust; reject `Origin: null` for anything
    /// non-public. For public data use `*` without credentials.
    pub static ALLOW_ORIGIN_NULL = {
        code: "COR004",
        name: "allow-origin-null",
        category: Cors,
        severity: Warning,
        summary: "Access-Control-Allow-Origin: null grants access to every sandboxed or local document",
        specs: [
            fetch("http-access-control-allow-origin"),
            fetch("serializing-a-request-origin"),
            StaticSpec::Other("HTML §ascii-serialisation-of-an-origin", "https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin"),
        ],
        requires: &["Access-Control-Allow-Origin"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, v)) = super::single_allow_origin(c) else { return };
    if v != "null" {
        return;
    }
    let creds = if super::credentials_true(c) { ", and with credentials allowed they can read the user's data" } else { "" };
    c.report(
        Target::Header { name: "Access-Control-Allow-Origin".into(), index: Some(i) },
        format!("`Access-Control-Allow-Origin: null` allows every sandboxed iframe, `data:` URL and local file, which any site can create{creds}."),
        "Allow only concrete trusted origins; for public data use `*` without credentials.",
    );
}
