use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Allow-Origin` holding more than one value: several field lines, a
    /// comma-separated list, or origins separated by spaces.
    ///
    /// ## Why it matters
    /// The header takes exactly one value: `*`, `null` or one serialized origin (Fetch
    /// §http-access-control-allow-origin). The CORS check (§cors-check) reads the combined value
    /// of all lines and compares it byte for byte with the request's origin, so
    /// `https://a.example, https://b.example` matches no page at all: every cross-origin read
    /// fails, with "The 'Access-Control-Allow-Origin' header contains multiple values … but only
    /// one is allowed". Two layers (app and proxy) each adding the header cause the same
    /// failure, even with identical values.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: https://app.example, https://admin.example
    /// Vary: Origin
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// Keep the allow-list on the server: compare the request's `Origin` with it and echo that
    /// one origin (with `Vary: Origin`). Make sure only one layer sets the header.
    pub static MULTIPLE_ALLOW_ORIGIN_VALUES = {
        code: "COR003",
        name: "multiple-allow-origin-values",
        category: Cors,
        severity: Error,
        summary: "Access-Control-Allow-Origin takes a single origin, never a list",
        specs: [fetch("http-access-control-allow-origin"), fetch("cors-check")],
        requires: &["Access-Control-Allow-Origin"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, first) = c.header("Access-Control-Allow-Origin") else { return };
    let fix = || "Send exactly one origin: check the request's `Origin` against your allow-list and echo it, with `Vary: Origin`.".to_string();
    if let Some((second, _)) = c.header_lines("Access-Control-Allow-Origin").nth(1) {
        let count = c.header_lines("Access-Control-Allow-Origin").count();
        let combined = c.header_combined("Access-Control-Allow-Origin").unwrap_or_default();
        c.report(
            Target::Header { name: "Access-Control-Allow-Origin".into(), index: Some(second) },
            format!(
                "`Access-Control-Allow-Origin` is sent {} times; browsers combine the lines into `{combined}`, which never equals an origin, so every CORS check fails.",
                count
            ),
            fix(),
        );
        return;
    }
    let v = first.trim_fast();
    // One line: `v` is the single value, which may be settled already.
    if !super::allow_origin_is_plain(c) && super::looks_like_list(v) {
        c.report(
            Target::Header { name: "Access-Control-Allow-Origin".into(), index: Some(i) },
            format!("`Access-Control-Allow-Origin: {v}` lists several origins; the header takes one, so no origin matches and every CORS check fails."),
            fix(),
        );
    }
}
