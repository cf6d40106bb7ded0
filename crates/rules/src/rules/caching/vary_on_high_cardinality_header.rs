use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;
use crate::rules::headers::syntax::vary_members;

use super::{cache_control, cacheable_method};

declare_rule! {
    /// ## What it checks
    /// A response that shared caches may store (no `no-store`, no unqualified `private`) with
    /// `Vary` naming `User-Agent` or `Cookie`.
    ///
    /// ## Why it matters
    /// A cache keeps one variant per distinct value of each field named in `Vary`
    /// (RFC 9111 §4.1). There are thousands of distinct `User-Agent` strings, and `Cookie`
    /// differs per user and per visit, so a shared cache rarely finds a match: the hit rate
    /// collapses and storage fills with near-identical copies. Some CDNs refuse to cache such
    /// responses at all.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Vary: User-Agent
    /// Cache-Control: public, max-age=3600
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Vary on a small, normalised signal instead (e.g. a `Sec-CH-UA-Mobile` client hint, or a
    /// device-class header your CDN computes). For per-user responses send
    /// `Cache-Control: private`.
    pub static VARY_ON_HIGH_CARDINALITY_HEADER = {
        code: "CAC023",
        name: "vary-on-high-cardinality-header",
        category: Caching,
        severity: Info,
        summary: "Vary on User-Agent or Cookie fragments shared caches",
        specs: [rfc(9111, "4.1"), rfc(9110, "12.5.5")],
        requires: &["Vary"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !cacheable_method(c) {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    if cc.has("no-store") || cc.has_unqualified("private") {
        return;
    }
    let mut hits = Vec::new();
    for &(i, m) in vary_members(c) {
        if m.eq_ignore_ascii_case("user-agent") || m.eq_ignore_ascii_case("cookie") {
            hits.push((i, m));
        }
    }
    for (i, m) in hits {
        let why = if m.eq_ignore_ascii_case("cookie") {
            "cookies differ per user and visit"
        } else {
            "there are thousands of distinct user-agent strings"
        };
        c.report(
            Target::Header { name: "Vary".into(), index: Some(i) },
            format!("`Vary: {m}` makes shared caches keep a separate copy per value, and {why}: the response will rarely be reused."),
            "Vary on a small, normalised header instead, or mark per-user responses `Cache-Control: private`.",
        );
    }
}
