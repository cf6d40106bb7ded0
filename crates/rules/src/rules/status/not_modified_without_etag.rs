use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `304 Not Modified` without `ETag` answering a `GET` or `HEAD` whose `If-None-Match`
    /// listed entity tags. Silent when the request is unknown or `If-None-Match` is `*`.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.4.5: "The server generating a 304 response MUST generate any of the
    /// following header fields that would have been sent in a 200 (OK) response to the same
    /// request: Content-Location, Date, ETag, and Vary". A client that sent an entity tag got
    /// it from an earlier 200, so the 200 carries one. Caches use the 304's `ETag` to pick
    /// the stored response to refresh (RFC 9111 §4.3.4); without it they may refresh none.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 304 Not Modified
    /// Cache-Control: max-age=300
    /// ```
    /// (in answer to `If-None-Match: "v42"`)
    ///
    /// ## Fix
    /// Send the current `ETag` (`ETag: "v42"`) in the 304, with the other headers a 200 would
    /// have had (`Cache-Control`, `Expires`, `Vary`, `Content-Location`, `Date`).
    pub static NOT_MODIFIED_WITHOUT_ETAG = {
        code: "STA025",
        name: "not-modified-without-etag",
        category: Status,
        severity: Warning,
        summary: "A 304 to an If-None-Match request should repeat the ETag",
        specs: [rfc(9110, "15.4.5"), rfc(9111, "4.3.4")],
        methods: &["GET", "HEAD"],
        statuses: Codes(&[304]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 304 {
        return;
    }
    let Some(req) = c.request() else { return };
    if !(req.is_method("GET") || req.is_method("HEAD")) {
        return;
    }
    let Some(tags) = super::helpers::entity_tag_list(&req.headers, "If-None-Match") else { return };
    if tags.is_empty() {
        return;
    }
    if let Presence::Absent = c.header("ETag") {
        c.report(
            Target::Header { name: "ETag".into(), index: None },
            "This `304 Not Modified` answers an `If-None-Match` request but has no `ETag`; caches cannot tell which stored response it refreshes.",
            "Send the representation's current `ETag` in the 304.",
        );
    }
}
