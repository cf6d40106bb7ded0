use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::{cache_control, cacheable_method, explicit_lifetime, heuristic_lifetime, lifetime_text, push_lifetime};

declare_rule! {
    /// ## What it checks
    /// Explains how long caches may reuse the response without asking the server: its freshness
    /// lifetime computed as RFC 9111 §4.2.1 does — `s-maxage` for shared caches, then `max-age`,
    /// then `Expires` − `Date` — or, when there is no explicit lifetime and the status is
    /// heuristically cacheable (or the response is `public`), the typical heuristic of §4.2.2:
    /// 10% of the time since `Last-Modified`.
    ///
    /// ## Why it matters
    /// Freshness decides whether a user sees a change immediately or only after the cached copy
    /// expires. The lifetime is spread over several fields and directives with precedence rules,
    /// and heuristic freshness applies even when the server never asked for caching — a page
    /// last modified a year ago may be reused for more than a month.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Date: Wed, 25 Nov 2026 21:00:00 GMT
    /// Last-Modified: Sun, 25 Oct 2026 21:00:00 GMT
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Nothing to fix if the lifetime is what you want. Otherwise state it explicitly:
    /// `Cache-Control: max-age=<seconds>` (and `s-maxage` for shared caches), or `no-cache` to
    /// require revalidation on every use.
    pub static FRESHNESS_LIFETIME = {
        code: "CAC019",
        name: "freshness-lifetime",
        category: Caching,
        severity: Info,
        summary: "How long caches may reuse this response without revalidating",
        specs: [rfc(9111, "4.2.1"), rfc(9111, "4.2.2"), rfc(9111, "3")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    // Interim responses are never stored; a 304 only updates a stored response.
    if status < 200 || status == 304 || !cacheable_method(c) {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    if cc.has("no-store") {
        return;
    }
    let fix = "If this is not what you want, state it with `Cache-Control: max-age=<seconds>` or `no-cache`.";
    if cc.has_unqualified("no-cache") {
        let d = cc.directives.iter().find(|d| d.name == "no-cache").map(|d| d.target("Cache-Control"));
        let target = d.unwrap_or_else(|| cc.target("Cache-Control"));
        c.report(target, "`no-cache`: caches may store this response but must revalidate it with the server before every reuse.", fix);
        return;
    }
    let private_only = cc.has_unqualified("private");
    let private = explicit_lifetime(c, false);
    let shared = if private_only { None } else { explicit_lifetime(c, true) };
    let who = if private_only { "The browser's cache" } else { "Caches" };
    let scope = if private_only { "; `private` keeps it out of shared caches" } else { "" };
    match (private, shared) {
        (Some(p), shared) => {
            // A past or invalid `Expires` is explained by `expires-in-the-past` / `invalid-expires`.
            if p.secs == 0 && p.field == "Expires" {
                return;
            }
            // Built by appending: this finding is reported for most cacheable responses.
            let mut msg = String::with_capacity(160);
            if p.secs == 0 {
                msg.push_str("This response is stale as soon as it is received (");
                p.source.push_to(&mut msg);
                msg.push_str("): caches must revalidate it before reusing it");
            } else {
                msg.push_str(who);
                msg.push_str(" may reuse this response for ");
                push_lifetime(&mut msg, p);
                msg.push_str(" without revalidating");
            }
            msg.push_str(scope);
            if let Some(s) = shared.filter(|s| s.secs != p.secs) {
                msg.push_str("; shared caches for ");
                push_lifetime(&mut msg, s);
            }
            msg.push('.');
            c.report(p.target(), msg, fix);
        }
        (None, Some(s)) => {
            let heuristic = heuristic_lifetime(c, cc)
                .map(|h| format!("other caches may apply a heuristic lifetime, typically {}", lifetime_text(&h)))
                .unwrap_or_else(|| "other caches have no explicit lifetime".to_string());
            c.report(
                s.target(),
                format!("Shared caches may reuse this response for {} without revalidating; {heuristic}.", lifetime_text(s)),
                fix,
            );
        }
        (None, None) => {
            let Some(h) = heuristic_lifetime(c, cc) else { return };
            let reason = crate::codes::reason(status);
            c.report(
                h.target(),
                format!(
                    "No explicit freshness: {} may reuse this `{status} {reason}` for a heuristic lifetime, typically {}{scope}.",
                    who.to_ascii_lowercase(),
                    lifetime_text(&h)
                ),
                "State the lifetime you want with `Cache-Control: max-age=<seconds>` (or `no-cache`) instead of leaving it to heuristics.",
            );
        }
    }
}
