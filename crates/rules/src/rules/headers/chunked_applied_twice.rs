use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, coding_name, members};

declare_rule! {
    /// ## What it checks
    /// `chunked` listed more than once in `Transfer-Encoding`, on one line or across lines.
    ///
    /// ## Why it matters
    /// RFC 9112 §6.1: "A sender MUST NOT apply the chunked transfer coding more than once to a
    /// message body (i.e., chunking an already chunked message is not allowed)." Recipients
    /// decode one layer of chunking; the client then sees chunk-size lines inside the content,
    /// and intermediaries disagree on where the body ends.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Transfer-Encoding: chunked
    /// Transfer-Encoding: chunked
    ///
    /// 5
    /// hello
    /// 0
    /// ```
    ///
    /// ## Fix
    /// Chunk once. Two `chunked` usually means an application chunked its own output and the
    /// server (or a proxy) chunked it again: let only the server do it.
    pub static CHUNKED_APPLIED_TWICE = {
        code: "HDR011",
        name: "chunked-applied-twice",
        category: Headers,
        severity: Error,
        summary: "The chunked transfer coding must not be applied more than once",
        specs: [rfc(9112, "6.1"), rfc(9112, "7.1")],
        requires: &["Transfer-Encoding"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let chunked: Vec<usize> =
        members(c, "Transfer-Encoding").filter(|(_, m)| coding_name(m) == "chunked").map(|(i, _)| i).collect();
    if let Some(&i) = chunked.get(1) {
        c.report(
            at("Transfer-Encoding", i),
            format!("`chunked` is applied {} times in `Transfer-Encoding`; recipients remove one layer and the rest corrupts the content.", chunked.len()),
            "Apply `chunked` once, as the final transfer coding.",
        );
    }
}
