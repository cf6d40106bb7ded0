use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, vary_members};

declare_rule! {
    /// ## What it checks
    /// A `Vary` that lists `Host`.
    ///
    /// ## Why it matters
    /// Caches key responses by their target URI, which already includes the host (RFC 9111
    /// §2; RFC 9110 §7.2 makes `Host` part of the target). Varying on `Host` adds nothing but
    /// a second lookup key, and some caches (CDNs) treat any `Vary` beyond a short allow-list
    /// as uncacheable — so it can cost cache hits for no benefit.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Vary: Host, Accept-Encoding
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Remove `Host` from `Vary`: `Vary: Accept-Encoding`.
    pub static VARY_HOST = {
        code: "HDR025",
        name: "vary-host",
        category: Headers,
        severity: Info,
        summary: "Vary: Host is redundant: the host is already part of the cache key",
        specs: [rfc(9110, "12.5.5"), rfc(9111, "2"), rfc(9110, "7.2")],
        requires: &["Vary"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if let Some(&(i, _)) = vary_members(c).iter().find(|(_, m)| m.eq_ignore_ascii_case("host")) {
        c.report(
            at("Vary", i),
            "`Vary` lists `Host`, which is already part of every cache key; it only adds lookups (and some CDNs stop caching).",
            "Remove `Host` from `Vary`.",
        );
    }
}
