use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `206 Partial Content` response whose `ETag` is weak (`W/"…"`).
    ///
    /// ## Why it matters
    /// Range requests need byte-for-byte identity between parts. A weak entity tag only promises
    /// semantic equivalence (RFC 9110 §8.8.1), so it cannot tie ranges together: "A client MUST
    /// NOT generate an If-Range header field containing an entity tag that is marked as weak"
    /// (RFC 9110 §13.1.5), and caches combine partial responses only when they share a *strong*
    /// validator (RFC 9111 §3.4). Downloads cannot be resumed safely and caches cannot assemble
    /// the full representation from parts.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 206 Partial Content
    /// Content-Range: bytes 0-1023/146515
    /// ETag: W/"5f1d-8c3a"
    /// Content-Type: video/mp4
    /// ```
    ///
    /// ## Fix
    /// Send a strong `ETag` (derived from the exact bytes) for resources served in ranges, e.g.
    /// `ETag: "5f1d-8c3a"`. Proxies that weaken ETags when they compress should not do so for
    /// ranges of uncompressed content.
    pub static WEAK_ETAG_ON_PARTIAL_CONTENT = {
        code: "CAC029",
        name: "weak-etag-on-partial-content",
        category: Caching,
        severity: Warning,
        summary: "A 206 response with a weak ETag cannot be resumed or combined",
        specs: [rfc(9110, "13.1.5"), rfc(9111, "3.4"), rfc(9110, "8.8.1")],
        statuses: Codes(&[206]),
        requires: &["ETag"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 206 {
        return;
    }
    let Presence::Present(i, v) = c.header("ETag") else { return };
    let v = v.trim_fast();
    if !(v.starts_with("W/") || v.starts_with("w/")) {
        return;
    }
    let v = v.to_string();
    c.report(
        Target::Header { name: "ETag".into(), index: Some(i) },
        format!("`ETag: {v}` is weak: clients cannot resume this range with `If-Range`, and caches cannot combine it with other parts."),
        "Send a strong `ETag` for content served in ranges.",
    );
}
