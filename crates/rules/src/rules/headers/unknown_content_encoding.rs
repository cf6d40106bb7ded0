use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::{rfc, StaticSpec};

use super::syntax::{at, coding_name, members};

declare_rule! {
    /// ## What it checks
    /// A `Content-Encoding` member that is not a registered content coding (`gzip`, `br`,
    /// `zstd`, `deflate`, `compress`, `x-gzip`, `x-compress`, `aes128gcm`, `dcb`, `dcz`, `exi`,
    /// `pack200-gzip`; `identity` has its own rule). Charset names (`utf-8`), transfer codings
    /// (`chunked`) and MIME transfer encodings (`binary`, `base64`) are called out as such.
    ///
    /// ## Why it matters
    /// `Content-Encoding` says which transformations were applied to the content and must be
    /// undone to get the representation (RFC 9110 §8.4). A recipient that does not know a
    /// coding cannot decode the content; browsers pass unknown codings through (showing the
    /// raw bytes) or fail, and caches may store a response no client can read.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html
    /// Content-Encoding: utf-8
    ///
    /// <p>Hello</p>
    /// ```
    ///
    /// ## Fix
    /// Send `Content-Encoding` only for a compression actually applied (`gzip`, `br`,
    /// `zstd`), and put the charset in `Content-Type` (`text/html; charset=utf-8`).
    pub static UNKNOWN_CONTENT_ENCODING = {
        code: "HDR028",
        name: "unknown-content-encoding",
        category: Headers,
        severity: Warning,
        summary: "Content-Encoding should only name registered content codings",
        specs: [
            rfc(9110, "8.4"),
            rfc(9110, "8.4.1"),
            StaticSpec::Other("IANA HTTP Content Coding Registry", "https://www.iana.org/assignments/http-parameters/http-parameters.xhtml#content-coding"),
        ],
        requires: &["Content-Encoding"],
        check: check,
    }
}

const KNOWN: &[&str] = &[
    "gzip", "x-gzip", "deflate", "compress", "x-compress", "br", "zstd", "aes128gcm", "dcb", "dcz", "exi", "pack200-gzip", "identity",
];

fn check(c: &mut Checker<'_>) {
    for (i, m) in members(c, "Content-Encoding") {
        let name = coding_name(m);
        if KNOWN.contains(&name.as_str()) {
            continue;
        }
        let (msg, fix) = match name.as_str() {
            "chunked" => (
                "`chunked` is a transfer coding, not a content coding; recipients will try (and fail) to decode the content with it.".to_string(),
                "Remove `chunked` from `Content-Encoding`; the server applies it through `Transfer-Encoding`.".to_string(),
            ),
            "binary" | "base64" | "7bit" | "8bit" | "quoted-printable" => (
                format!("`{m}` is a MIME `Content-Transfer-Encoding` value, not an HTTP content coding; recipients cannot decode the content."),
                format!("Remove `Content-Encoding: {m}`; HTTP sends content as binary."),
            ),
            _ if super::syntax::ENCODING_LABELS.contains(&name.as_str()) => (
                format!("`{m}` is a charset, not a content coding; recipients cannot decode the content."),
                format!("Remove `Content-Encoding: {m}` and send the charset in `Content-Type` (`; charset={m}`)."),
            ),
            _ => (
                format!("`Content-Encoding` names `{m}`, which is not a registered content coding; recipients cannot decode the content."),
                "Send only codings actually applied and known to clients: `gzip`, `br` or `zstd`.".to_string(),
            ),
        };
        c.report(at("Content-Encoding", i), msg, fix);
    }
}
