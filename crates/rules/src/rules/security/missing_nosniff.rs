use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A response with content but without `X-Content-Type-Options: nosniff`.
    ///
    /// ## Why it matters
    /// Without `nosniff`, browsers may ignore a wrong or missing `Content-Type` and sniff the
    /// content, which can make user-supplied data execute as script or render as HTML
    /// (Fetch §x-content-type-options-header). With it, script and style loads with a
    /// mismatched type are blocked.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send `X-Content-Type-Options: nosniff` on every response.
    pub static MISSING_NOSNIFF = {
        code: "SEC001",
        name: "missing-nosniff",
        category: Security,
        severity: Info,
        summary: "Responses should disable MIME sniffing with X-Content-Type-Options: nosniff",
        specs: [fetch("x-content-type-options-header")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.response().body.is_empty() {
        return;
    }
    match c.header("X-Content-Type-Options") {
        Presence::Absent => c.report(
            Target::Header { name: "X-Content-Type-Options".into(), index: None },
            "No `X-Content-Type-Options: nosniff`: browsers may sniff the content and treat it as another type.",
            "Add `X-Content-Type-Options: nosniff`.".to_string(),
        ),
        Presence::Present(i, v) if !v.trim_fast().eq_ignore_ascii_case("nosniff") => c.report(
            Target::Header { name: "X-Content-Type-Options".into(), index: Some(i) },
            format!("`X-Content-Type-Options: {v}` has no effect; the only defined value is `nosniff`."),
            "Send `X-Content-Type-Options: nosniff`.".to_string(),
        ),
        _ => {}
    }
}
