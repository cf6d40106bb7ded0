use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A successful (`2xx`) answer to a CORS preflight whose `Access-Control-Allow-Methods`
    /// does not allow the method in `Access-Control-Request-Method`, when that method is not
    /// CORS-safelisted (`GET`, `HEAD`, `POST`) and the list has no `*`. The rule needs the
    /// request and stays silent without it.
    ///
    /// ## Why it matters
    /// The preflight fails when the requested method is not in the allowed list (Fetch
    /// §cors-preflight-fetch), and the browser never sends the actual request ("Method PUT is
    /// not allowed by Access-Control-Allow-Methods in preflight response"). Method names are
    /// case-sensitive: `put` does not allow `PUT` (Chromium does accept an uppercase entry for a
    /// lowercase request, which is why that case is not reported).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Access-Control-Allow-Origin: https://app.example
    /// Access-Control-Allow-Methods: GET, POST
    /// Vary: Origin
    /// ```
    /// (answering a preflight with `Access-Control-Request-Method: DELETE`)
    ///
    /// ## Fix
    /// List every method the endpoint accepts from other origins, spelled exactly as sent
    /// (`Access-Control-Allow-Methods: GET, POST, PUT, DELETE`), or echo the requested method
    /// after checking it.
    pub static PREFLIGHT_METHOD_NOT_ALLOWED = {
        code: "COR010",
        name: "preflight-method-not-allowed",
        category: Cors,
        severity: Error,
        summary: "A preflight response must allow the requested method",
        specs: [fetch("cors-preflight-fetch"), fetch("http-access-control-allow-methods"), fetch("cors-safelisted-method")],
        methods: &["OPTIONS"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(method) = super::preflight(c) else { return };
    if !(200..=299).contains(&c.status()) || matches!(method, "GET" | "HEAD" | "POST") {
        return;
    }
    let presence = c.header("Access-Control-Allow-Methods");
    let index = match presence {
        Presence::Hidden => return,
        Presence::Present(i, _) => Some(i),
        Presence::Absent => None,
    };
    let allowed = super::response_list(c, "Access-Control-Allow-Methods");
    let upper = method.to_ascii_uppercase();
    if allowed.iter().any(|&m| m == method || m == upper || m == "*") {
        return;
    }
    let target = Target::Header { name: "Access-Control-Allow-Methods".into(), index };
    let fix = format!("Add `{method}` to `Access-Control-Allow-Methods`, spelled exactly as requested.");
    let message = if index.is_none() {
        format!("The preflight asks for `{method}` but the response has no `Access-Control-Allow-Methods`: only `GET`, `HEAD` and `POST` pass, so the request is blocked.")
    } else if let Some(other) = allowed.iter().find(|m| m.eq_ignore_ascii_case(method)) {
        format!("The preflight asks for `{method}` but `Access-Control-Allow-Methods` lists only `{other}`; method names are case-sensitive, so the request is blocked.")
    } else {
        format!("The preflight asks for `{method}` but `Access-Control-Allow-Methods` does not list it, so the browser blocks the request.")
    };
    c.report(target, message, fix);
}
