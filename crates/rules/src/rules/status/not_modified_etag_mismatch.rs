use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `304 Not Modified` whose `ETag` matches none of the entity tags the request sent in
    /// `If-None-Match` (weak comparison, so `W/"a"` matches `"a"`). Silent when the request is
    /// unknown or `If-None-Match` is `*`.
    ///
    /// ## Why it matters
    /// `If-None-Match` is false — and a 304 allowed — only "if one of the listed tags matches
    /// the entity tag of the selected representation" (RFC 9110 §13.1.2), and the 304 carries
    /// that representation's `ETag` (§15.4.5). A different tag means the client's copy is
    /// *not* current: the server told it to keep stale content, and caches find no stored
    /// response with that validator to refresh (RFC 9111 §4.3.4).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 304 Not Modified
    /// ETag: "v43"
    /// ```
    /// (in answer to `If-None-Match: "v42"`)
    ///
    /// ## Fix
    /// Compare the request's tags with the current `ETag` and send `200 OK` with the new
    /// representation when none matches.
    pub static NOT_MODIFIED_ETAG_MISMATCH = {
        code: "STA026",
        name: "not-modified-etag-mismatch",
        category: Status,
        severity: Warning,
        summary: "A 304 response's ETag should be one the request asked about",
        specs: [rfc(9110, "13.1.2"), rfc(9110, "8.8.3.2"), rfc(9111, "4.3.4")],
        statuses: Codes(&[304]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 304 {
        return;
    }
    let Some(req) = c.request() else { return };
    let Some(tags) = super::helpers::entity_tag_list(&req.headers, "If-None-Match") else { return };
    if tags.is_empty() {
        return;
    }
    let Presence::Present(i, v) = c.header("ETag") else { return };
    let Some(current) = super::helpers::entity_tag(v) else { return };
    if tags.iter().any(|t| t.opaque == current.opaque) {
        return;
    }
    let sent = req.headers.combined("If-None-Match").unwrap_or_default();
    c.report(
        Target::Header { name: "ETag".into(), index: Some(i) },
        format!("This `304 Not Modified` carries `ETag: {v}`, which is not among the tags the request sent (`If-None-Match: {sent}`); the client's copy is not the current one."),
        "Answer 200 with the new representation when no tag in `If-None-Match` matches.",
    );
}
