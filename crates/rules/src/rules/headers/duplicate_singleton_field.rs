use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::spec::{rfc, StaticSpec};

use super::syntax::{at, lines};

declare_rule! {
    /// ## What it checks
    /// More than one line of a field that takes a single value: `Content-Type`, `ETag`,
    /// `Last-Modified`, `Date`, `Expires`, `Age`, `Retry-After`, `Content-Location`,
    /// `Content-Range`, `Content-Disposition`. Differing values are a `warning` (an `error` for
    /// `Content-Disposition`, which browsers refuse), identical copies are `info`.
    /// (`Content-Length` and `Location` have rules of their own.)
    ///
    /// ## Why it matters
    /// RFC 9110 §5.3: "A sender MUST NOT generate multiple field lines with the same name in a
    /// message […] unless that field's definition allows multiple field line values to be
    /// recombined as a comma-separated list". Recipients pick different lines — the first, the
    /// last, or the combined (and then invalid) value — so the same response means different
    /// things to different clients and caches. Chromium fails the whole response with
    /// `ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_DISPOSITION` for differing `Content-Disposition`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html
    /// Content-Type: application/json
    ///
    /// {"ok": true}
    /// ```
    ///
    /// ## Fix
    /// Send each of these fields once. Duplicates usually come from two layers (application
    /// and proxy, or two middlewares) both setting the field; make one of them replace the
    /// value instead of appending.
    pub static DUPLICATE_SINGLETON_FIELD = {
        code: "HDR034",
        name: "duplicate-singleton-field",
        category: Headers,
        severity: Warning,
        summary: "Single-value fields must not be sent more than once",
        specs: [
            rfc(9110, "5.3"),
            StaticSpec::Other("Chromium net error list", "https://source.chromium.org/chromium/chromium/src/+/main:net/base/net_error_list.h"),
        ],
        check: check,
    }
}

const SINGLETONS: &[&str] = &[
    "Content-Type",
    "ETag",
    "Last-Modified",
    "Date",
    "Expires",
    "Age",
    "Retry-After",
    "Content-Location",
    "Content-Range",
    "Content-Disposition",
];

fn check(c: &mut Checker<'_>) {
    if !c.any_header_repeated() {
        return;
    }
    for &name in SINGLETONS {
        if !c.header_repeated(name) {
            continue;
        }
        let ls: Vec<(usize, &str)> = lines(c, name).collect();
        let Some(&(_, first)) = ls.first() else { continue };
        let Some(&(second, _)) = ls.get(1) else { continue };
        let n = ls.len();
        let target = at(name, second);
        let fix = format!("Send `{name}` once.");
        match ls.iter().find(|(_, v)| v.trim_fast() != first.trim_fast()) {
            None => c.report_with(
                Severity::Info,
                target,
                format!("`{name}: {first}` is sent {n} times; the copies agree, but `{name}` takes a single value."),
                fix,
            ),
            Some(&(_, other)) => {
                let sev = if name == "Content-Disposition" { Severity::Error } else { Severity::Warning };
                let consequence = if name == "Content-Disposition" {
                    "Chromium-based browsers refuse the response"
                } else {
                    "recipients differ in which one they use"
                };
                c.report_with(
                    sev,
                    target,
                    format!("`{name}` is sent {n} times with different values (`{first}`, `{other}`); {consequence}."),
                    fix,
                );
            }
        }
    }
}
