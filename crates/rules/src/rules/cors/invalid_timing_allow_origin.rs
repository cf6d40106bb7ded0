use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A `Timing-Allow-Origin` member that is neither `*`, `null` nor a serialized origin:
    /// with a path or trailing slash, without scheme, with a wildcard inside the host, with
    /// uppercase letters or the default port.
    ///
    /// ## Why it matters
    /// `Timing-Allow-Origin` lets pages of other origins see detailed Resource Timing data
    /// (DNS, connection, sizes) for the response. The browser's timing allow check compares each
    /// member with the requesting origin's serialization exactly (Resource Timing
    /// §sec-timing-allow-origin), so a member in any other shape never matches: the page's
    /// real-user monitoring reports zeros for this resource, without an error anywhere.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Timing-Allow-Origin: https://www.example.com/
    /// Content-Type: image/png
    /// Cache-Control: max-age=86400
    ///
    /// ```
    ///
    /// ## Fix
    /// List origins exactly as browsers serialize them, separated by commas
    /// (`Timing-Allow-Origin: https://www.example.com, https://m.example.com`), or use `*` for
    /// public resources.
    pub static INVALID_TIMING_ALLOW_ORIGIN = {
        code: "COR024",
        name: "invalid-timing-allow-origin",
        category: Cors,
        severity: Info,
        summary: "Timing-Allow-Origin members must be serialized origins to ever match",
        specs: [
            StaticSpec::Other("Resource Timing §sec-timing-allow-origin", "https://w3c.github.io/resource-timing/#sec-timing-allow-origin"),
            StaticSpec::Other("HTML §ascii-serialisation-of-an-origin", "https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin"),
        ],
        requires: &["Timing-Allow-Origin"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Timing-Allow-Origin") else { return };
    let found = super::response_list(c, "Timing-Allow-Origin")
        .into_iter()
        .filter(|m| *m != "*")
        .find_map(|m| super::origin_problem(m).map(|p| (m, p)));
    let Some((member, problem)) = found else { return };
    c.report(
        Target::Header { name: "Timing-Allow-Origin".into(), index: Some(i) },
        format!("`Timing-Allow-Origin` member `{member}` {problem}, so it never matches and that page gets no detailed timing data."),
        "List exact origins such as `https://www.example.com` (comma-separated), or `*` for public resources.",
    );
}
