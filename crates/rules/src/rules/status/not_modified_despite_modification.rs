use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

use super::helpers::http_date;

declare_rule! {
    /// ## What it checks
    /// A `304 Not Modified` answering a `GET` or `HEAD` with `If-Modified-Since` (and no
    /// `If-None-Match`) whose `Last-Modified` is later than the date the client sent. Silent
    /// when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §13.1.3: the condition is false — and a 304 allowed — only "if the selected
    /// representation's last modification date is earlier or equal to the date provided in
    /// the field value". A later `Last-Modified` says the representation *has* changed since
    /// the client's copy, yet the 304 tells the client to keep using the old one.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 304 Not Modified
    /// Last-Modified: Wed, 25 Nov 2026 20:00:00 GMT
    /// ```
    /// (in answer to `If-Modified-Since: Tue, 24 Nov 2026 08:00:00 GMT`)
    ///
    /// ## Fix
    /// Compare `If-Modified-Since` with the representation's modification date and answer
    /// `200 OK` when it is later.
    pub static NOT_MODIFIED_DESPITE_MODIFICATION = {
        code: "STA027",
        name: "not-modified-despite-modification",
        category: Status,
        severity: Warning,
        summary: "A 304 response's Last-Modified is later than the request's If-Modified-Since",
        specs: [rfc(9110, "13.1.3"), rfc(9110, "15.4.5")],
        methods: &["GET", "HEAD"],
        statuses: Codes(&[304]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 304 {
        return;
    }
    let Some(req) = c.request() else { return };
    // If-None-Match takes precedence: If-Modified-Since is then ignored (RFC 9110 §13.1.3).
    if !(req.is_method("GET") || req.is_method("HEAD")) || req.headers.contains("If-None-Match") {
        return;
    }
    let Some(ims_raw) = req.headers.get("If-Modified-Since") else { return };
    let Some(ims) = http_date(ims_raw) else { return };
    let Presence::Present(i, lm_raw) = c.header("Last-Modified") else { return };
    let Some(lm) = http_date(lm_raw) else { return };
    if lm > ims {
        c.report(
            Target::Header { name: "Last-Modified".into(), index: Some(i) },
            format!("This `304 Not Modified` says `Last-Modified: {lm_raw}`, later than the request's `If-Modified-Since: {ims_raw}`: the representation changed, so the answer should be 200."),
            "Answer 200 with the representation when it was modified after `If-Modified-Since`.",
        );
    }
}
