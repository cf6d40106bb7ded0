//! `/api/range/{bytes}`: a representation of `bytes` bytes that answers `Range` requests with
//! 206 (one range, or `multipart/byteranges` for several) or 416, as RFC 9110 §14 describes.
//!
//! The `Range` value is parsed with the `http-range-header` crate; satisfiability is decided here
//! because the crate's `validate` departs from RFC 9110 §14.1.3 (it rejects a suffix longer than
//! the representation, which the RFC says means "the whole representation", and it reports a
//! start beyond the end as "reversed" rather than unsatisfiable).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::response::Response;
use http_range_header::{EndPosition, StartPosition};

use crate::problem::{InvalidParam, Problem};
use crate::sim::{drive, push, Ctx, Reply, SetHeader};
use crate::AppState;

/// The largest representation the simulator serves (1 MiB).
pub const MAX_BYTES: u64 = 1 << 20;
/// More ranges than this are ignored (RFC 9110 §14.2 lets a server ignore many small ranges).
pub const MAX_RANGES: usize = 16;
/// The fixed modification time of every representation (a strong validator with the ETag).
const LAST_MODIFIED: &str = "Thu, 01 Jan 2026 00:00:00 GMT";
const BOUNDARY: &str = "STATUSLAB_BYTERANGES";

/// Byte `i` of the representation: `a`–`z` repeated, so any slice is easy to check by eye.
pub fn byte_at(i: u64) -> u8 {
    b'a' + (i % 26) as u8
}

fn content(range: std::ops::RangeInclusive<u64>) -> Vec<u8> {
    range.map(byte_at).collect()
}

pub fn etag(len: u64) -> String {
    format!("\"range-{len}\"")
}

/// What to do with a `Range` header for a representation of `len` bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Send the whole representation (no Range, or one the server ignores), with why.
    Full(Option<&'static str>),
    Partial(Vec<(u64, u64)>),
    Unsatisfiable,
}

/// Decides per RFC 9110 §14.1.2 / §14.2: syntactically invalid ranges are ignored; ranges whose
/// first position is beyond the end are dropped; none left is a 416.
pub fn decide(range: Option<&str>, len: u64) -> Outcome {
    let Some(value) = range else { return Outcome::Full(None) };
    let Ok(parsed) = http_range_header::parse_range_header(value.trim()) else {
        return Outcome::Full(Some("the Range header is not valid `bytes=` syntax, so it is ignored (RFC 9110 §14.2)"));
    };
    if parsed.ranges.len() > MAX_RANGES {
        return Outcome::Full(Some("more than 16 ranges: ignored, as RFC 9110 §14.2 allows"));
    }
    let mut out = Vec::new();
    for r in &parsed.ranges {
        let (first, last) = match (r.start, r.end) {
            (StartPosition::Index(f), EndPosition::Index(l)) if l < f => {
                return Outcome::Full(Some("a range whose last position is before its first is invalid, so the Range header is ignored (RFC 9110 §14.1.2)"));
            }
            (StartPosition::Index(f), EndPosition::Index(l)) => (f, l.min(len.saturating_sub(1))),
            (StartPosition::Index(f), EndPosition::LastByte) => (f, len.saturating_sub(1)),
            // A suffix longer than the representation means all of it (§14.1.3).
            (StartPosition::FromLast(n), _) => (len.saturating_sub(n), len.saturating_sub(1)),
        };
        if first < len {
            out.push((first, last));
        }
    }
    if out.is_empty() {
        Outcome::Unsatisfiable
    } else {
        Outcome::Partial(out)
    }
}

/// `ANY /api/range/{bytes}`.
pub async fn range(
    State(state): State<Arc<AppState>>,
    Path(raw): Path<String>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let len = match raw.parse::<u64>() {
        Ok(n) if n <= MAX_BYTES => Ok(n),
        _ => Err(vec![InvalidParam { name: "bytes".into(), reason: format!("`{raw}` is not a size 0–{MAX_BYTES} bytes") }]),
    };
    drive(state, method, uri, headers, body, len, answer).await
}

fn answer(ctx: &Ctx<'_>, len: u64) -> Result<Reply, Problem> {
    let mut h: Vec<SetHeader> = Vec::new();
    let tag = etag(len);
    if *ctx.method != Method::GET && *ctx.method != Method::HEAD {
        push(&mut h, "Allow", "GET, HEAD, OPTIONS", "a 405 must list the methods the resource supports (RFC 9110 §15.5.6)");
        let p = Problem::new(axum::http::StatusCode::METHOD_NOT_ALLOWED, "ranges are served to GET and HEAD only (RFC 9110 §14.2)");
        return Ok(problem_reply(ctx, p, h));
    }
    push(&mut h, "Accept-Ranges", "bytes", "this resource supports byte ranges (RFC 9110 §14.3)");
    push(&mut h, "ETag", tag.clone(), "a strong validator, so If-Range can be used (RFC 9110 §13.1.5)");
    push(&mut h, "Last-Modified", LAST_MODIFIED, "the representation never changes");
    push(&mut h, "Cache-Control", "no-store", "every range request should reach the simulator to be recorded");
    push(&mut h, "X-Content-Type-Options", "nosniff", "disables MIME sniffing");
    // If-Range (RFC 9110 §13.1.5): a range request only if the validator still matches (strong
    // comparison); otherwise the whole representation.
    let if_range = ctx.header("if-range").map(str::trim);
    let range_header = ctx.header("range");
    let mut outcome = decide(range_header, len);
    if let (Some(ir), Outcome::Partial(_) | Outcome::Unsatisfiable) = (if_range, &outcome) {
        let matches = if ir.starts_with('"') { ir == tag } else { ir == LAST_MODIFIED };
        if !matches {
            outcome = Outcome::Full(Some("If-Range does not match the current validator, so the whole representation is sent (RFC 9110 §13.1.5)"));
        }
    }
    let head = *ctx.method == Method::HEAD;
    let (status, body) = match outcome {
        Outcome::Full(why) => {
            push(&mut h, "Content-Type", "text/plain; charset=utf-8", "the representation: the letters a–z repeated");
            if let Some(why) = why {
                push(&mut h, "Statuslab-Range-Ignored", why.replace('§', "section "), "why the Range header was not honoured");
            }
            (200, if len == 0 { Vec::new() } else { content(0..=len - 1) })
        }
        Outcome::Unsatisfiable => {
            push(&mut h, "Content-Range", format!("bytes */{len}"), "a 416 states the representation's length (RFC 9110 §15.5.17)");
            push(&mut h, "Content-Type", "text/plain; charset=utf-8", "the explanation is text");
            let msg = format!("416 Range Not Satisfiable: no range in `{}` starts before byte {len}, the length of this representation.\n", range_header.unwrap_or(""));
            (416, msg.into_bytes())
        }
        Outcome::Partial(ranges) if ranges.len() == 1 => {
            let (a, b) = ranges[0];
            push(&mut h, "Content-Range", format!("bytes {a}-{b}/{len}"), "the range this 206 carries (RFC 9110 §14.4)");
            push(&mut h, "Content-Type", "text/plain; charset=utf-8", "the type of the representation");
            (206, content(a..=b))
        }
        Outcome::Partial(ranges) => {
            push(&mut h, "Content-Type", format!("multipart/byteranges; boundary={BOUNDARY}"), "several ranges travel as multipart/byteranges (RFC 9110 §14.6)");
            let mut body = Vec::new();
            for (a, b) in ranges {
                body.extend_from_slice(
                    format!("\r\n--{BOUNDARY}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Range: bytes {a}-{b}/{len}\r\n\r\n").as_bytes(),
                );
                body.extend(content(a..=b));
            }
            body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
            (206, body)
        }
    };
    ctx.finish_headers(&mut h);
    if head {
        push(&mut h, "Content-Length", body.len().to_string(), "the length a GET would get (RFC 9110 §9.3.2)");
        return Ok(Reply::new(status, h, Vec::new()));
    }
    Ok(Reply::new(status, h, body))
}

/// A problem+json reply that keeps the endpoint's headers (e.g. `Allow` on a 405).
pub(crate) fn problem_reply(ctx: &Ctx<'_>, p: Problem, mut h: Vec<SetHeader>) -> Reply {
    push(&mut h, "Content-Type", "application/problem+json", "an RFC 9457 problem detail");
    push(&mut h, "Cache-Control", "no-store", "an error about this request only");
    ctx.finish_headers(&mut h);
    let status = p.status;
    Reply::new(status, h, serde_json::to_vec_pretty(&p).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_follow_rfc_9110() {
        assert_eq!(decide(None, 100), Outcome::Full(None));
        assert_eq!(decide(Some("bytes=0-9"), 100), Outcome::Partial(vec![(0, 9)]));
        assert_eq!(decide(Some("bytes=90-"), 100), Outcome::Partial(vec![(90, 99)]));
        assert_eq!(decide(Some("bytes=95-200"), 100), Outcome::Partial(vec![(95, 99)]));
        assert_eq!(decide(Some("bytes=-10"), 100), Outcome::Partial(vec![(90, 99)]));
        assert_eq!(decide(Some("bytes=-500"), 100), Outcome::Partial(vec![(0, 99)]), "a long suffix is the whole representation");
        assert_eq!(decide(Some("bytes=0-1, 5-6"), 100), Outcome::Partial(vec![(0, 1), (5, 6)]));
        assert_eq!(decide(Some("bytes=100-"), 100), Outcome::Unsatisfiable);
        assert_eq!(decide(Some("bytes=200-300, 150-"), 100), Outcome::Unsatisfiable);
        assert_eq!(decide(Some("bytes=200-300, 0-0"), 100), Outcome::Partial(vec![(0, 0)]), "unsatisfiable ranges are dropped");
        assert!(matches!(decide(Some("bytes=5-3"), 100), Outcome::Full(Some(_))));
        assert!(matches!(decide(Some("items=0-1"), 100), Outcome::Full(Some(_))));
        assert!(matches!(decide(Some("bytes=abc"), 100), Outcome::Full(Some(_))));
        let many = format!("bytes={}", (0..17).map(|i| format!("{}-{}", i * 2, i * 2)).collect::<Vec<_>>().join(","));
        assert!(matches!(decide(Some(&many), 100), Outcome::Full(Some(_))));
        assert_eq!(decide(Some("bytes=0-0"), 0), Outcome::Unsatisfiable);
    }

    #[test]
    fn content_is_the_alphabet() {
        assert_eq!(content(0..=2), b"abc");
        assert_eq!(byte_at(26), b'a');
    }
}
