use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// Content in a `204 No Content`, `205 Reset Content` or `304 Not Modified` response, or a
    /// non-zero `Content-Length` on a 204.
    ///
    /// ## Why it matters
    /// A 204 "cannot contain content" (RFC 9110 §15.3.5), a 205 server "MUST NOT generate
    /// content" (§15.3.6), and a 304 "cannot contain content" (§15.4.5): HTTP/1.1 clients stop
    /// reading at the end of the header section, so stray bytes are read as the start of
    /// the next response on a persistent connection — a desynchronisation.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 204 No Content
    /// Content-Type: application/json
    ///
    /// {"ok": true}
    /// ```
    ///
    /// ## Fix
    /// Drop the body, or answer `200 OK` if there is something to say.
    pub static CONTENT_ON_BODILESS_STATUS = {
        code: "STA009",
        name: "content-on-bodiless-status",
        category: Status,
        severity: Error,
        summary: "204, 205 and 304 responses cannot carry content",
        specs: [rfc(9110, "15.3.5"), rfc(9110, "15.3.6"), rfc(9110, "15.4.5"), rfc(9110, "6.4.1")],
        statuses: Codes(&[204, 205, 304]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if ![204, 205, 304].contains(&status) {
        return;
    }
    let reason = crate::codes::reason(status);
    let len = c.response().body.len();
    if len > 0 {
        c.report(
            Target::Body,
            format!("A `{status} {reason}` response carries {len} bytes of content; it cannot have any."),
            "Remove the body, or answer 200 if there is content to send.",
        );
    } else if status == 204 {
        if let Some((i, v)) = c.header_lines("Content-Length").next() {
            if v.trim_fast() != "0" {
                c.report(
                    Target::Header { name: "Content-Length".into(), index: Some(i) },
                    format!("A `204 No Content` response sends `Content-Length: {v}`; a 204 has no content (RFC 9110 §8.6)."),
                    "Remove `Content-Length` from 204 responses.",
                );
            }
        }
    }
}
