use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::{cache_control, CacheControl, Directive};

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control` that grants a stale window — `stale-while-revalidate` or
    /// `stale-if-error` with a positive number of seconds (RFC 5861 §3, §4) — together with a
    /// directive that forbids serving the response stale: an unqualified `no-cache`,
    /// `must-revalidate` or `proxy-revalidate`. Each stale directive is reported
    /// once, naming the strongest of those directives. Responses with `no-store` are left to
    /// `no-store-with-freshness`.
    ///
    /// ## Why it matters
    /// RFC 5861 lets caches serve a stale response for a while, but it does not say what
    /// happens next to a directive that forbids it; RFC 9111 §4.2.4 does: "A cache MUST NOT
    /// generate a stale response if it is prohibited by an explicit in-protocol directive
    /// (e.g., by a no-cache response directive, a must-revalidate response directive, or an
    /// applicable s-maxage or proxy-revalidate response directive; see Section 5.2.2)". So the
    /// stale window the header advertises never opens for the caches the other directive
    /// governs:
    ///
    /// - `no-cache` (RFC 9111 §5.2.2.4): the response "MUST NOT be used to satisfy any other
    ///   request without forwarding it for validation and receiving a successful response" —
    ///   in every cache, stale or not, so there is no stale reuse to allow.
    /// - `must-revalidate` (§5.2.2.2): once stale, no cache may reuse it until it "has been
    ///   successfully validated by the origin", and "in all circumstances" — a disconnected
    ///   cache must answer with an error (504) instead, precisely the case `stale-if-error`
    ///   was written for.
    /// - `proxy-revalidate` (§5.2.2.8): the same, for shared caches (CDNs, proxies) only;
    ///   private caches such as the browser's may still use the stale window.
    ///
    /// `s-maxage` is not reported, although RFC 9111 §5.2.2.10 gives it "the semantics of the
    /// proxy-revalidate response directive" for shared caches: `s-maxage=N,
    /// stale-while-revalidate=M` is what Next.js sends on every incrementally regenerated page
    /// and what Vercel, Netlify and Cloudflare document and honour, so flagging it would be
    /// noise on the most common correct use of the stale window.
    ///
    /// Either the author expects clients to get the stale copy at once (or during an origin
    /// outage) and they will not, or the response must never be served stale and the stale
    /// directive is misleading noise. A qualified `no-cache="Set-Cookie"` is not reported: it
    /// lets caches reuse the rest of the response "subject to any other restrictions" once the
    /// listed fields are excluded (§5.2.2.4). Nor is `proxy-revalidate` next to
    /// an unqualified `private`, which keeps shared caches from storing the response at all
    /// (§5.2.2.7).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=60, must-revalidate, stale-while-revalidate=30, stale-if-error=600
    /// ETag: "v42"
    /// Content-Type: application/json
    /// ```
    ///
    /// ## Fix
    /// If serving a stale copy is acceptable, remove `must-revalidate` / `proxy-revalidate`,
    /// and replace `no-cache` with `max-age=0` (or a longer `max-age`):
    /// `Cache-Control: max-age=60, stale-while-revalidate=30, stale-if-error=600`. If the
    /// response must never be served stale, remove the stale directives.
    pub static STALE_DIRECTIVE_OVERRIDDEN = {
        code: "CAC031",
        name: "stale-directive-overridden",
        category: Caching,
        severity: Warning,
        summary: "stale-while-revalidate or stale-if-error is cancelled by a directive that forbids serving stale",
        specs: [
            rfc(9111, "4.2.4"),
            rfc(5861, "3"),
            rfc(5861, "4"),
            rfc(9111, "5.2.2.2"),
            rfc(9111, "5.2.2.4"),
            rfc(9111, "5.2.2.8"),
        ],
        requires: &["Cache-Control"],
        check: check,
    }
}

/// The directives that grant a stale window (RFC 5861 §3, §4).
const STALE: [&str; 2] = ["stale-while-revalidate", "stale-if-error"];

/// A directive that forbids serving the response stale (RFC 9111 §4.2.4), strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Forbids {
    /// An unqualified `no-cache` (§5.2.2.4): no reuse without validation, in any cache.
    NoCache,
    /// `must-revalidate` (§5.2.2.2): no stale reuse, in any cache.
    MustRevalidate,
    /// `proxy-revalidate` (§5.2.2.8): no stale reuse in shared caches.
    ProxyRevalidate,
}

/// The strongest directive of `cc` that forbids serving stale, with the occurrence to name.
/// The shared-cache ones do not count next to an unqualified `private`: shared caches may not
/// store the response at all then (§5.2.2.7), and the private caches they do not govern may
/// use the stale window.
fn forbidding<'c, 'a>(cc: &'c CacheControl<'a>) -> Option<(Forbids, &'c Directive<'a>)> {
    if let Some(d) = cc.directives.iter().find(|d| d.name == "no-cache" && d.unqualified()) {
        return Some((Forbids::NoCache, d));
    }
    if let Some(d) = cc.get("must-revalidate") {
        return Some((Forbids::MustRevalidate, d));
    }
    if cc.has_unqualified("private") {
        return None;
    }
    cc.get("proxy-revalidate").map(|d| (Forbids::ProxyRevalidate, d))
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    // `no-store` forbids storing the response at all: `no-store-with-freshness` reports the
    // stale directives then. With `must-understand`, `no-store` is only the fallback of caches
    // that do not know the status code (§5.2.2.3); the others store the response and obey the
    // directives checked here.
    if cc.has("no-store") && !cc.has("must-understand") {
        return;
    }
    let Some((forbids, by)) = forbidding(cc) else { return };
    for name in STALE {
        let Some(stale) = cc.get(name).filter(|d| d.seconds().is_some_and(|s| s > 0)) else { continue };
        let (message, fix) = texts(forbids, stale, by);
        c.report(stale.target("Cache-Control"), message, fix);
    }
}

/// The message and the fix for `stale` cancelled by `by`.
fn texts(forbids: Forbids, stale: &Directive<'_>, by: &Directive<'_>) -> (String, String) {
    let (raw, by_raw) = (stale.raw, by.raw);
    let name: &str = &stale.name;
    // What clients lose, by stale directive.
    let lost = if name == "stale-while-revalidate" {
        "clients wait for the revalidation instead of getting the stale copy at once"
    } else {
        "clients get the origin's error instead of the stale copy when it fails"
    };
    match forbids {
        Forbids::NoCache => (
            format!("`{raw}` can never apply: `no-cache` forbids every cache to reuse this response without validating it first, so {lost}."),
            format!("To let caches serve it stale, replace `no-cache` with `max-age=0` (or a longer `max-age`); if every reuse must be validated, remove `{name}`."),
        ),
        Forbids::MustRevalidate => (
            format!("`{raw}` can never apply: `{by_raw}` forbids every cache to serve this response stale without successful revalidation, so {lost}."),
            format!("Remove `must-revalidate` to let caches use the stale window, or remove `{name}` if this response must never be served stale."),
        ),
        Forbids::ProxyRevalidate => (
            format!("`{raw}` cannot apply in shared caches (CDNs, proxies): `{by_raw}` forbids them to serve this response stale without successful revalidation, so at those caches {lost}. Only private caches such as the browser's may still use it."),
            format!("Remove `proxy-revalidate` to let shared caches use the stale window, or remove `{name}` if they must never serve this response stale."),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Headers;

    fn forbids(value: &str) -> Option<(Forbids, String)> {
        let h = Headers::new().with("Cache-Control", value);
        let cc = CacheControl::from_lines(h.all("Cache-Control"));
        forbidding(&cc).map(|(f, d)| (f, d.raw.to_string()))
    }

    #[test]
    fn strongest_forbidding_directive() {
        assert_eq!(forbids("max-age=60, stale-while-revalidate=30"), None);
        assert_eq!(forbids("no-cache, stale-if-error=60"), Some((Forbids::NoCache, "no-cache".into())));
        assert_eq!(forbids("No-Cache=\"\", stale-if-error=60"), Some((Forbids::NoCache, "No-Cache=\"\"".into())));
        assert_eq!(
            forbids("s-maxage=60, proxy-revalidate, must-revalidate, no-cache"),
            Some((Forbids::NoCache, "no-cache".into()))
        );
        assert_eq!(forbids("s-maxage=60, Must-Revalidate"), Some((Forbids::MustRevalidate, "Must-Revalidate".into())));
        assert_eq!(forbids("s-maxage=60, proxy-revalidate"), Some((Forbids::ProxyRevalidate, "proxy-revalidate".into())));
        assert_eq!(forbids("max-age=0, s-maxage=60, stale-while-revalidate=300"), None, "Next.js's ISR header");
    }

    #[test]
    fn qualified_no_cache_private_and_s_maxage_do_not_forbid() {
        assert_eq!(forbids("no-cache=\"Set-Cookie\", stale-while-revalidate=30"), None);
        assert_eq!(forbids("private, s-maxage=600, proxy-revalidate"), None);
        assert_eq!(forbids("private, must-revalidate"), Some((Forbids::MustRevalidate, "must-revalidate".into())));
        assert_eq!(forbids("s-maxage=1h, stale-while-revalidate=30"), None);
    }
}
