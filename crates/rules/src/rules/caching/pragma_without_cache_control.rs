use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// A response that sends `Pragma: no-cache` but whose `Cache-Control` has none of
    /// `no-cache`, `no-store`, `private` or `max-age=0` (or that has no `Cache-Control` at all).
    ///
    /// ## Why it matters
    /// `Pragma` is an HTTP/1.0 request header field, deprecated by RFC 9111 §5.4: "Because the
    /// meaning of `Pragma: no-cache` in responses was never specified, it does not provide a
    /// reliable replacement for `Cache-Control: no-cache` in them." Some browsers honour it,
    /// shared caches generally do not, so a response relying on it can be stored and reused
    /// (heuristically, for `200` and other cacheable statuses).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Pragma: no-cache
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Say it with `Cache-Control`: `no-cache` (revalidate before each reuse) or `no-store`
    /// (never store). `Pragma` can stay for HTTP/1.0 caches but is not needed.
    pub static PRAGMA_WITHOUT_CACHE_CONTROL = {
        code: "CAC015",
        name: "pragma-without-cache-control",
        category: Caching,
        severity: Info,
        summary: "Pragma: no-cache has no defined meaning in responses",
        specs: [rfc(9111, "5.4")],
        requires: &["Pragma"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    // Nothing for Pragma to add when caches already revalidate, or shared caches cannot store.
    if cc.has_unqualified("no-cache") || cc.has("no-store") || cc.has_unqualified("private") || cc.seconds("max-age") == Some(0) {
        return;
    }
    let Presence::Present(..) = c.header("Pragma") else { return };
    let hit = c
        .response()
        .headers
        .all("Pragma")
        .find(|(_, v)| crate::model::list_members(v).any(|m| m.eq_ignore_ascii_case("no-cache")))
        .map(|(i, _)| i);
    let Some(i) = hit else { return };
    let msg = if cc.is_present() {
        "`Pragma: no-cache` has no defined meaning in a response, and `Cache-Control` does not say `no-cache` or `no-store`: shared caches may store and reuse it."
    } else {
        "`Pragma: no-cache` has no defined meaning in a response and there is no `Cache-Control`: shared caches may store and reuse it."
    };
    c.report(
        Target::Header { name: "Pragma".into(), index: Some(i) },
        msg,
        "Send `Cache-Control: no-cache` (or `no-store`); `Pragma` alone is not reliable.",
    );
}
