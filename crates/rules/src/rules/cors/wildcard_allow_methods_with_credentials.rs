use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Allow-Methods` containing `*` on a response with
    /// `Access-Control-Allow-Credentials: true`.
    ///
    /// ## Why it matters
    /// `*` allows any method only for requests without credentials. For a credentialed
    /// request it is a method literally named `*` (Fetch §cors-preflight-fetch,
    /// §http-access-control-allow-methods), so `PUT`, `PATCH` or `DELETE` with cookies fail
    /// their preflight unless also listed by name. `GET`, `HEAD` and `POST` are always allowed.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Credentials: true
    /// Access-Control-Allow-Methods: *
    /// Vary: Origin
    /// ```
    ///
    /// ## Fix
    /// List the methods by name: `Access-Control-Allow-Methods: GET, POST, PUT, PATCH, DELETE`.
    pub static WILDCARD_ALLOW_METHODS_WITH_CREDENTIALS = {
        code: "COR017",
        name: "wildcard-allow-methods-with-credentials",
        category: Cors,
        severity: Warning,
        summary: "Access-Control-Allow-Methods: * does not cover credentialed requests",
        specs: [fetch("http-access-control-allow-methods"), fetch("cors-preflight-fetch"), fetch("cors-protocol-and-credentials")],
        requires: &["Access-Control-Allow-Methods"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Access-Control-Allow-Methods") else { return };
    if !super::response_list(c, "Access-Control-Allow-Methods").contains(&"*") || !super::credentials_true(c) {
        return;
    }
    c.report(
        Target::Header { name: "Access-Control-Allow-Methods".into(), index: Some(i) },
        "`Access-Control-Allow-Methods: *` with `Access-Control-Allow-Credentials: true`: for credentialed requests `*` is a literal method name, so unlisted methods fail their preflight.",
        "List the allowed methods by name, e.g. `Access-Control-Allow-Methods: GET, POST, PUT, DELETE`.",
    );
}
