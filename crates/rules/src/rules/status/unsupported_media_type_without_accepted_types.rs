use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::{rfc, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// A `415 Unsupported Media Type` answering a `PATCH` without `Accept-Patch`, or a `POST`
    /// without `Accept-Post`. Silent when the response has `Accept-Encoding` (the problem
    /// was then the content coding, RFC 9110 §15.5.16) and when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 5789 §2.2: a 415 for an unsupported patch format "SHOULD include an Accept-Patch
    /// response header as described in Section 3.1 to notify the client what patch document
    /// media types are supported". `Accept-Post` (W3C Linked Data Platform §7.1, in the IANA
    /// field registry) does the same for `POST`. Without them the client has to guess which
    /// format to retry with.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 415 Unsupported Media Type
    /// Content-Type: text/plain
    ///
    /// unsupported patch format
    /// ```
    /// (in answer to `PATCH /items/1` with `Content-Type: application/xml`)
    ///
    /// ## Fix
    /// Send `Accept-Patch: application/merge-patch+json, application/json-patch+json` for
    /// PATCH, or `Accept-Post: application/json` for POST.
    pub static UNSUPPORTED_MEDIA_TYPE_WITHOUT_ACCEPTED_TYPES = {
        code: "STA037",
        name: "unsupported-media-type-without-accepted-types",
        category: Status,
        severity: Info,
        summary: "A 415 response should list the media types the method accepts",
        specs: [
            rfc(5789, "2.2"),
            rfc(5789, "3.1"),
            rfc(9110, "15.5.16"),
            StaticSpec::Other("W3C LDP §7.1 Accept-Post", "https://www.w3.org/TR/ldp/#header-accept-post"),
        ],
        statuses: Codes(&[415]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 415 {
        return;
    }
    let field = match c.method() {
        Some("PATCH") => "Accept-Patch",
        Some("POST") => "Accept-Post",
        _ => return,
    };
    if !matches!(c.header("Accept-Encoding"), Presence::Absent) {
        return;
    }
    if let Presence::Absent = c.header(field) {
        let method = if field == "Accept-Patch" { "PATCH" } else { "POST" };
        c.report(
            Target::Header { name: field.to_string().into(), index: None },
            format!("This `415 Unsupported Media Type` to a `{method}` has no `{field}`, so the client cannot tell which media types would be accepted."),
            format!("Add `{field}` listing the accepted media types."),
        );
    }
}
