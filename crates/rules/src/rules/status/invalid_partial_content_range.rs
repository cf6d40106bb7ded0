use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::helpers::{content_range, parse_digits, ContentRange};

declare_rule! {
    /// ## What it checks
    /// The `Content-Range` of a single-part `206 Partial Content` (byte ranges only): that it
    /// parses as `bytes first-last/complete`, that `last` is not before `first`, that the
    /// complete length is larger than `last`, that it is not the `*/length` form (which
    /// belongs to 416), and that `Content-Length` equals the range's size.
    ///
    /// ## Why it matters
    /// RFC 9110 §14.4: "A Content-Range field value is invalid if it contains a range-resp that
    /// has a last-pos value less than its first-pos value, or a complete-length value less than
    /// or equal to its last-pos value. The recipient of an invalid Content-Range MUST NOT
    /// attempt to recombine the received content with a stored representation." A
    /// `Content-Length` that disagrees with the range means the part is truncated or padded:
    /// a resumed download ends up corrupt.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 206 Partial Content
    /// Content-Range: bytes 500-999/800
    /// Content-Type: application/zip
    /// Content-Length: 500
    /// ```
    ///
    /// ## Fix
    /// Send the inclusive positions of the bytes enclosed and the full length:
    /// `Content-Range: bytes 500-799/800` with `Content-Length: 300`.
    pub static INVALID_PARTIAL_CONTENT_RANGE = {
        code: "STA020",
        name: "invalid-partial-content-range",
        category: Status,
        severity: Error,
        summary: "A 206 response's Content-Range must describe a valid range matching its length",
        specs: [rfc(9110, "14.4"), rfc(9110, "15.3.7.1")],
        statuses: Codes(&[206]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 206 {
        return;
    }
    let h = &c.response().headers;
    let Some((i, v)) = h.all("Content-Range").next() else { return };
    let target = Target::Header { name: "Content-Range".into(), index: Some(i) };
    let problem = match content_range(v) {
        ContentRange::OtherUnit => return,
        ContentRange::Invalid => format!("`Content-Range: {v}` is not `<unit> <first>-<last>/<length>`; the client cannot place the bytes."),
        ContentRange::Unsatisfied { .. } => {
            format!("`Content-Range: {v}` is the unsatisfied-range form, which belongs to a 416; a 206 must name the range it encloses.")
        }
        ContentRange::Range { first, last, .. } if last < first => {
            format!("`Content-Range: {v}` ends before it starts (last position {last} < first position {first}).")
        }
        ContentRange::Range { last, complete: Some(len), .. } if len <= last => {
            format!("`Content-Range: {v}` claims byte {last} of a representation only {len} bytes long.")
        }
        ContentRange::Range { first, last, .. } => {
            let size = last.saturating_sub(first).saturating_add(1);
            let lens: Vec<&str> = h.all("Content-Length").map(|(_, l)| l.trim_fast()).collect();
            let Some(cl) = lens.first().and_then(|l| parse_digits(l)) else { return };
            if lens.iter().any(|l| parse_digits(l) != Some(cl)) || cl == size {
                return;
            }
            // HEAD answers describe the content without sending it, so the same check applies.
            let cl_index = h.index_of("Content-Length");
            c.report(
                Target::Header { name: "Content-Length".into(), index: cl_index },
                format!("`Content-Length: {cl}` does not match `Content-Range: {v}`, which encloses {size} bytes."),
                format!("Send `Content-Length: {size}`, or correct the range."),
            );
            return;
        }
    };
    c.report(target, problem, "Send `Content-Range: bytes <first>-<last>/<length>` with first ≤ last < length.".to_string());
}
