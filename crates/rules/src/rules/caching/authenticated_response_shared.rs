use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::spec::rfc;
use crate::rules::headers::syntax::vary_members;

use super::{cache_control, cacheable_method, explicit_lifetime};

declare_rule! {
    /// ## What it checks
    /// A response to a request that carried `Authorization`, which shared caches are allowed to
    /// store and reuse for other users: its `Cache-Control` has `public` or `s-maxage`
    /// (warning), or `must-revalidate` with a positive lifetime (info) — and no `private`,
    /// `no-store`, `no-cache`, nor `Vary: Authorization`. Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// By default a shared cache must not reuse a response to an authenticated request
    /// (RFC 9111 §3.5). `public`, `s-maxage` and `must-revalidate` lift that protection: the
    /// cache may then answer *any* later request for the URL from the stored copy, without the
    /// origin checking credentials — one user's data can be served to another, or to an
    /// anonymous visitor. That is right only if the response is identical for everyone.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: public, max-age=300
    /// Content-Type: application/json
    ///
    /// {"account": "alice", "balance": 1200}
    /// ```
    ///
    /// ## Fix
    /// For per-user responses send `Cache-Control: private` (or `no-store`). Keep `public` /
    /// `s-maxage` only for content that is the same for every user.
    pub static AUTHENTICATED_RESPONSE_SHARED = {
        code: "CAC025",
        name: "authenticated-response-shared",
        category: Caching,
        severity: Warning,
        summary: "A response to an authenticated request is made reusable by shared caches",
        specs: [rfc(9111, "3.5"), rfc(9111, "5.2.2.9"), rfc(9111, "5.2.2.10"), rfc(9111, "5.2.2.2")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(req) = c.request() else { return };
    if !req.headers.contains("Authorization") || !cacheable_method(c) || c.status() < 200 || c.status() == 304 {
        return;
    }
    let Some(cc) = cache_control(c) else { return };
    if cc.has_unqualified("private") || cc.has("no-store") || cc.has_unqualified("no-cache") {
        return;
    }
    let keyed = vary_members(c).iter().any(|&(_, m)| m == "*" || m.eq_ignore_ascii_case("authorization"));
    if keyed {
        return;
    }
    let shared = explicit_lifetime(c, true);
    if shared.as_ref().is_some_and(|l| l.secs == 0) {
        return;
    }
    let fix = "Send `Cache-Control: private` for per-user responses; keep `public`/`s-maxage` only for content that is the same for everyone.".to_string();
    if let Some(d) = cc.directives.iter().find(|d| d.name == "public" || d.name == "s-maxage") {
        let (target, raw) = (d.target("Cache-Control"), d.raw);
        c.report(
            target,
            format!("The request carried `Authorization`, and `{raw}` lets shared caches serve this response to other users without checking their credentials."),
            fix,
        );
    } else if let (Some(d), Some(_)) = (cc.get("must-revalidate"), shared) {
        let target = d.target("Cache-Control");
        c.report_with(
            Severity::Info,
            target,
            "The request carried `Authorization`, and `must-revalidate` lets shared caches store this response and serve it to other users while it is fresh.",
            fix,
        );
    }
}
