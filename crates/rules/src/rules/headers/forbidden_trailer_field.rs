use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, members};

declare_rule! {
    /// ## What it checks
    /// A `Trailer` header field announcing a field that cannot be sent as a trailer: framing
    /// (`Transfer-Encoding`, `Content-Length`, `Trailer`), routing and connection control
    /// (`Host`, `Connection`, `Keep-Alive`, `Upgrade`, `TE`, `Max-Forwards`), authentication
    /// (`Authorization`, `WWW-Authenticate`, `Proxy-Authenticate`, `Set-Cookie`), response
    /// control (`Age`, `Cache-Control`, `Expires`, `Date`, `Location`, `Retry-After`, `Vary`)
    /// and content processing (`Content-Encoding`, `Content-Type`, `Content-Range`).
    ///
    /// ## Why it matters
    /// Trailers arrive after the content, too late for anything the recipient needs before
    /// processing it. RFC 9110 §6.5.1: "Many fields cannot be processed outside the header
    /// section because their evaluation is necessary prior to receiving the content, such as
    /// those that describe message framing, routing, authentication, request modifiers,
    /// response controls, or content format. A sender MUST NOT generate a trailer field unless
    /// the sender knows the corresponding header field name's definition permits the field to
    /// be sent in trailers." (RFC 7230 §4.1.2 listed these fields.) Recipients discard such
    /// trailers, so the value the server meant to send is lost.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Transfer-Encoding: chunked
    /// Trailer: Content-Type
    ///
    /// 5
    /// hello
    /// 0
    /// Content-Type: text/plain
    /// ```
    ///
    /// ## Fix
    /// Send these fields in the header section; keep trailers for metadata computed while
    /// streaming (`Server-Timing`, digests).
    pub static FORBIDDEN_TRAILER_FIELD = {
        code: "HDR040",
        name: "forbidden-trailer-field",
        category: Headers,
        severity: Warning,
        summary: "Trailer must not announce fields that cannot be sent as trailers",
        specs: [rfc(9110, "6.5.1"), rfc(9110, "6.6.2"), rfc(7230, "4.1.2")],
        requires: &["Trailer"],
        check: check,
    }
}

const FORBIDDEN: &[&str] = &[
    "transfer-encoding",
    "content-length",
    "trailer",
    "host",
    "connection",
    "keep-alive",
    "upgrade",
    "te",
    "max-forwards",
    "authorization",
    "www-authenticate",
    "proxy-authenticate",
    "proxy-authorization",
    "set-cookie",
    "age",
    "cache-control",
    "expires",
    "date",
    "location",
    "retry-after",
    "vary",
    "content-encoding",
    "content-type",
    "content-range",
];

fn check(c: &mut Checker<'_>) {
    for (i, m) in members(c, "Trailer") {
        if FORBIDDEN.contains(&m.to_ascii_lowercase().as_str()) {
            c.report(
                at("Trailer", i),
                format!("`Trailer` announces `{m}`, a field recipients need before the content; it cannot be sent as a trailer and will be discarded."),
                format!("Send `{m}` in the header section and remove it from `Trailer`."),
            );
        }
    }
}
