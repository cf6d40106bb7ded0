use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{fetch, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// An `Access-Control-Allow-Origin` value that is neither `*`, `null` nor a serialized
    /// origin: with a path or trailing slash (`https://app.example/`), without scheme
    /// (`app.example`), with a wildcard inside (`https://*.example.com`), with uppercase letters,
    /// the default port (`:443`), user information, or empty. (Lists are
    /// `multiple-allow-origin-values`.)
    ///
    /// ## Why it matters
    /// The CORS check (Fetch §cors-check) compares the value byte for byte with the request's
    /// serialized origin — lowercase `scheme://host[:port]`, no path, default port left out.
    /// A value in any other shape can never match, so every cross-origin read of the response
    /// fails, typically with "The 'Access-Control-Allow-Origin' header has a value
    /// 'https://app.example/' that is not equal to the supplied origin".
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: https://app.example.com/
    /// Vary: Origin
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// Send the origin exactly as browsers send it in `Origin`: `https://app.example.com`
    /// (no path, no trailing slash, lowercase, default port omitted). For several subdomains,
    /// match the request's `Origin` against a pattern on the server and echo it.
    pub static ALLOW_ORIGIN_NOT_AN_ORIGIN = {
        code: "COR005",
        name: "allow-origin-not-an-origin",
        category: Cors,
        severity: Error,
        summary: "An Access-Control-Allow-Origin value that is not a serialized origin never matches",
        specs: [
            fetch("cors-check"),
            fetch("http-access-control-allow-origin"),
            StaticSpec::Other("HTML §ascii-serialisation-of-an-origin", "https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin"),
        ],
        requires: &["Access-Control-Allow-Origin"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, v)) = super::single_allow_origin(c) else { return };
    if v == "*" || super::allow_origin_is_plain(c) || super::looks_like_list(v) {
        return;
    }
    let Some(problem) = super::origin_problem(v) else { return };
    c.report(
        Target::Header { name: "Access-Control-Allow-Origin".into(), index: Some(i) },
        format!("`Access-Control-Allow-Origin: {v}` {problem}, so it never equals the `Origin` a browser sends and every CORS check fails."),
        "Send the exact serialized origin, e.g. `https://app.example.com` (no path or trailing slash, lowercase, default port omitted).",
    );
}
