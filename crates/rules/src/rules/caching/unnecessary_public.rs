use crate::declare_rule;
use crate::registry::{Checker, Presence};
use crate::spec::rfc;

use super::{cache_control, cacheable_method};

declare_rule! {
    /// ## What it checks
    /// A `Cache-Control: public` on a response that is cacheable without it — it has `max-age`,
    /// `s-maxage` or `Expires`, or a heuristically cacheable status — answering a request
    /// without `Authorization`. Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// `public` does not make a response "more cacheable": "it is unnecessary to add the public
    /// directive to a response that is already cacheable" (RFC 9111 §5.2.2.9). Its only effects
    /// are to let shared caches store responses to *authenticated* requests (§3.5) and to make
    /// responses without explicit freshness heuristically cacheable (§4.2.2). Left in a shared
    /// configuration, it silently starts applying the day the same URLs begin to require
    /// credentials — and then shared caches serve one user's response to others.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: public, max-age=600
    /// Content-Type: text/css
    /// ```
    ///
    /// ## Fix
    /// Drop `public` (`Cache-Control: max-age=600`), unless the URL is also requested with
    /// `Authorization` and shared caches should reuse those responses.
    pub static UNNECESSARY_PUBLIC = {
        code: "CAC021",
        name: "unnecessary-public",
        category: Caching,
        severity: Info,
        summary: "public is only needed for authenticated requests or responses without explicit freshness",
        specs: [rfc(9111, "5.2.2.9"), rfc(9111, "3.5"), rfc(9111, "3")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(req) = c.request() else { return };
    if req.headers.contains("Authorization") || !cacheable_method(c) || c.status() < 200 {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    // Conflicts with `private` / `no-store` are reported by their own rules.
    if cc.has_unqualified("private") || cc.has("no-store") {
        return;
    }
    let Some(public) = cc.get("public") else { return };
    let (target, raw) = (public.target("Cache-Control"), public.raw);
    let explicit = cc.has("max-age") || cc.has("s-maxage") || matches!(c.header("Expires"), Presence::Present(..));
    let heuristic = crate::codes::get(c.status()).is_some_and(|e| e.cacheable_by_default);
    if !explicit && !heuristic {
        return;
    }
    c.report(
        target,
        format!("`{raw}` is not needed: the response is cacheable without it and the request carried no `Authorization`; it would only take effect for authenticated requests."),
        "Drop `public`, unless shared caches should also reuse responses to requests with `Authorization`.",
    );
}
