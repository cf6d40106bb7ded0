use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, coding_name, members};

declare_rule! {
    /// ## What it checks
    /// A `Transfer-Encoding` member that is not a registered transfer coding: `chunked`,
    /// `gzip`, `deflate`, `compress` (and `x-gzip`, `x-compress`). `identity` — removed from
    /// HTTP/1.1 in 2014 — is reported too.
    ///
    /// ## Why it matters
    /// Transfer codings must be decoded before anything else can be done with the message
    /// (RFC 9112 §6.1, §7). A recipient that does not know a coding cannot decode the body,
    /// and if the coding is not `chunked`, cannot even find its end except by waiting for the
    /// connection to close. Browsers support only `chunked` as a transfer coding in practice.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Transfer-Encoding: br, chunked
    ///
    /// …
    /// ```
    ///
    /// ## Fix
    /// Use `Transfer-Encoding: chunked` alone, and put compression in `Content-Encoding`
    /// (`Content-Encoding: br`), where clients negotiate it with `Accept-Encoding`.
    pub static UNKNOWN_TRANSFER_CODING = {
        code: "HDR012",
        name: "unknown-transfer-coding",
        category: Headers,
        severity: Warning,
        summary: "Transfer-Encoding should only use registered transfer codings",
        specs: [rfc(9112, "6.1"), rfc(9112, "7"), rfc(7230, "A.2")],
        requires: &["Transfer-Encoding"],
        check: check,
    }
}

const KNOWN: &[&str] = &["chunked", "gzip", "deflate", "compress", "x-gzip", "x-compress"];

fn check(c: &mut Checker<'_>) {
    for (i, m) in members(c, "Transfer-Encoding") {
        let name = coding_name(m);
        if KNOWN.contains(&name.as_str()) {
            continue;
        }
        let msg = match name.as_str() {
            "identity" => "`identity` is no longer a transfer coding (RFC 7230 removed it); recipients may reject the response.".to_string(),
            "trailers" => "`trailers` belongs in the `TE` request header, not in `Transfer-Encoding`; recipients cannot decode the body.".to_string(),
            "br" | "zstd" => format!("`{name}` is a content coding, not a registered transfer coding; recipients cannot remove it to read the body."),
            _ => format!("`Transfer-Encoding` names `{m}`, which is not a registered transfer coding; recipients cannot decode the body."),
        };
        c.report(at("Transfer-Encoding", i), msg, "Use `Transfer-Encoding: chunked` and put compression in `Content-Encoding`.".to_string());
    }
}
