use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

use super::media;

declare_rule! {
    /// ## What it checks
    /// A `text/html` response whose content is a JSON object or array.
    ///
    /// ## Why it matters
    /// A browser that opens the URL renders the JSON as HTML. When any string in it comes from
    /// users (`{"name": "<img src=x onerror=alert(1)>"}`), that markup runs in the site's
    /// origin: reflected or stored cross-site scripting through an API endpoint. The label also
    /// misleads clients that dispatch on `Content-Type` (RFC 9110 §8.3).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    ///
    /// {"id": 42, "name": "<img src=x onerror=alert(1)>"}
    /// ```
    ///
    /// ## Fix
    /// Send JSON as `Content-Type: application/json`, with `X-Content-Type-Options: nosniff`.
    pub static JSON_SERVED_AS_HTML = {
        code: "CNT010",
        name: "json-served-as-html",
        category: Content,
        severity: Warning,
        summary: "JSON content must not be labelled text/html",
        specs: [
            rfc(9110, "8.3"),
            StaticSpec::Other("OWASP: Cross Site Scripting Prevention (Content-Type for JSON)", "https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html"),
        ],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, m)) = media::response_mime(c) else { return };
    if !m.is_html() {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    let start = media::strip_bom(body).trim_ascii_start();
    if !matches!(start.first(), Some(b'{' | b'[')) {
        return;
    }
    if media::parse_json(body).is_none() {
        return;
    }
    c.report(
        Target::Header { name: "Content-Type".into(), index: Some(i) },
        "The content is JSON but is labelled `text/html`: a browser opening the URL renders any markup inside the strings.",
        "Send JSON as `Content-Type: application/json` with `X-Content-Type-Options: nosniff`.",
    );
}
