use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `201 Created` answering a `POST` without a `Location` header, and a `201` answering
    /// a `GET` or `HEAD`, which cannot create anything. Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.3.2: the created resource "is identified by either a Location header
    /// field in the response or, if no Location header field is received, by the target
    /// URI". For a `POST` the target URI is the collection, not the new resource, so without
    /// `Location` the client cannot find what it just created.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 201 Created
    /// Content-Type: application/json
    ///
    /// {"id": 42}
    /// ```
    ///
    /// ## Fix
    /// Send `Location: /items/42` pointing at the new resource.
    pub static CREATED_WITHOUT_LOCATION = {
        code: "STA005",
        name: "created-without-location",
        category: Status,
        severity: Warning,
        summary: "A 201 to a POST should say where the new resource is",
        specs: [rfc(9110, "15.3.2"), rfc(9110, "9.3.3")],
        statuses: Codes(&[201]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 201 {
        return;
    }
    match c.method() {
        Some("POST") => super::require_critical_header(c,
            "Location",
            "Add `Location` with the URI of the created resource.",
        ),
        Some(m @ ("GET" | "HEAD")) => c.report(
            Target::StatusLine,
            format!("`201 Created` answers a `{m}` request, which is safe and creates nothing (RFC 9110 §9.2.1)."),
            "Answer a successful GET with 200.".to_string(),
        ),
        _ => {}
    }
}
