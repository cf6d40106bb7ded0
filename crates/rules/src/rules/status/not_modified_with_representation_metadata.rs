use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use crate::rules::headers::syntax::at;

declare_rule! {
    /// ## What it checks
    /// A `304 Not Modified` that carries `Content-Type`, `Content-Encoding` or
    /// `Content-Language`: metadata of the representation, which a 304 should not send
    /// (RFC 9110 §15.4.5 lists what it should: `Content-Location`, `Date`, `ETag`, `Vary`,
    /// `Cache-Control`, `Expires`).
    ///
    /// ## Why it matters
    /// A cache that receives a 304 freshens its stored response with the 304's header fields
    /// (RFC 9111 §3.2, §4.3.4): whatever the 304 says replaces what the stored 200 said. A
    /// framework that stamps every response with its default `Content-Type: text/html`, or a
    /// proxy that adds `Content-Encoding`, thereby relabels a cached image or script — the
    /// browser then renders it as the wrong type or fails to decode it
    /// (`ERR_CONTENT_DECODING_FAILED`) until the cache entry is replaced.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 304 Not Modified
    /// ETag: "logo-v3"
    /// Cache-Control: max-age=3600
    /// Content-Type: text/html; charset=utf-8
    /// ```
    ///
    /// ## Fix
    /// Send only `ETag`, `Cache-Control`, `Expires`, `Vary`, `Date` and `Content-Location` on a
    /// 304; leave the content's type, coding and language to the stored response.
    pub static NOT_MODIFIED_WITH_REPRESENTATION_METADATA = {
        code: "STA049",
        name: "not-modified-with-representation-metadata",
        category: Status,
        severity: Warning,
        summary: "A 304 should not carry Content-Type, Content-Encoding or Content-Language: caches copy them onto the stored response",
        specs: [rfc(9110, "15.4.5"), rfc(9111, "3.2"), rfc(9111, "4.3.4")],
        statuses: Codes(&[304]),
        requires: &FIELDS,
        check: check,
    }
}

const FIELDS: [&str; 3] = ["Content-Type", "Content-Encoding", "Content-Language"];

fn check(c: &mut Checker<'_>) {
    if c.status() != 304 {
        return;
    }
    let mut found = Vec::new();
    for name in FIELDS {
        found.extend(c.header_lines(name).map(|(i, v)| (name, i, v)));
    }
    for (name, i, v) in found {
        c.report(
            at(name, i),
            format!("This 304 carries `{name}: {v}`: a cache freshening its stored response copies it over the stored `{name}`, so a cached resource can end up relabelled."),
            format!("Remove `{name}` from 304 responses; the stored response keeps its own."),
        );
    }
}
