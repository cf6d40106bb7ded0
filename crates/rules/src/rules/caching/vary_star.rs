use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;
use crate::rules::headers::syntax::vary_members;

use super::{cache_control, cacheable_method};

declare_rule! {
    /// ## What it checks
    /// A `Vary` field whose value includes `*`, on a response caches could otherwise store (no
    /// `no-store`).
    ///
    /// ## Why it matters
    /// `Vary: *` says the response depends on things outside the request header fields
    /// (RFC 9110 §12.5.5). "A stored response with a Vary header field value containing a member
    /// "*" always fails to match" (RFC 9111 §4.1): caches may store it but can never reuse it
    /// without revalidating. If the response really depends on a header, naming it keeps the
    /// response cacheable.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Vary: *
    /// Cache-Control: max-age=600
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Name the request fields the response depends on (`Vary: Accept-Encoding, Accept-Language`),
    /// or send `Cache-Control: no-store` if it must not be reused at all.
    pub static VARY_STAR = {
        code: "CAC022",
        name: "vary-star",
        category: Caching,
        severity: Info,
        summary: "Vary: * stops caches from reusing the response",
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
    if cc.has("no-store") {
        return;
    }
    let hit = vary_members(c).iter().find(|&&(_, m)| m == "*").map(|&(i, _)| i);
    let Some(i) = hit else { return };
    let max_age = cc.positive("max-age") || cc.positive("s-maxage");
    let msg = if max_age {
        "`Vary: *` makes every cache lookup fail to match, so the freshness lifetime given in `Cache-Control` is never used."
    } else {
        "`Vary: *` makes every cache lookup fail to match: caches cannot reuse this response without revalidating."
    };
    c.report(
        Target::Header { name: "Vary".into(), index: Some(i) },
        msg,
        "List the request fields the response depends on instead of `*`, or send `Cache-Control: no-store`.",
    );
}
