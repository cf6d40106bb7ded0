use crate::declare_rule;
use crate::model::Visibility;
use crate::registry::{Checker, Presence, Severity, Target};
use crate::spec::rfc;

use super::media::{self, MimeType};
use crate::rules::headers::syntax::coding_name;

declare_rule! {
    /// ## What it checks
    /// Content that starts with the magic number of a compression format — gzip (`1f 8b 08`)
    /// or a zstd frame (`28 b5 2f fd`) — in a response with no `Content-Encoding` (or only
    /// `identity`), under a media type the client reads as text or structured data: `text/*`,
    /// JSON types, XML types (`application/xml`, `…+xml`, `image/svg+xml`), JavaScript and
    /// `application/wasm`. Archive and binary types (`application/gzip`, `application/zstd`,
    /// `application/octet-stream`, …) are not reported: there the compressed file is the
    /// content. Brotli has no magic number and is not detected.
    ///
    /// A body a browser observed has had its declared codings removed already (`gzip`,
    /// `deflate`, `br`, `zstd`: those browsers decode), so there the magic number means one more
    /// layer than `Content-Encoding` lists: the content was compressed twice. (A raw capture with `Content-Encoding` holds the coded bytes and is not
    /// examined.)
    ///
    /// ## Why it matters
    /// RFC 9110 §8.4: a sender that applied content codings "MUST generate a Content-Encoding
    /// header field that lists the content codings in the order in which they were applied".
    /// It is the only way a recipient knows it has to decompress: without it, browsers and
    /// HTTP clients hand the compressed bytes to the HTML, XML, JSON or JavaScript parser (or
    /// to `WebAssembly.compile`), which fails — the content is unusable as labelled. Typical
    /// causes: the application compresses the body itself and a proxy or framework drops the
    /// `Content-Encoding` field; a pre-compressed file (`app.js.gz`, `image.svgz`) served
    /// without it; or a body compressed twice, once by the application and once more by a
    /// proxy that declares only its own layer.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// Content-Length: 42
    ///
    /// (42 octets of gzip data: 1f 8b 08 00 …)
    /// ```
    ///
    /// ## Fix
    /// Declare the coding that was applied (`Content-Encoding: gzip` or `zstd`, with
    /// `Vary: Accept-Encoding`), and make sure no proxy strips it; compress only once, in one
    /// place. If the compressed file itself is the content, label it as such
    /// (`application/gzip`, `application/zstd`).
    pub static COMPRESSED_BODY_WITHOUT_CONTENT_ENCODING = {
        code: "CNT015",
        name: "compressed-body-without-content-encoding",
        category: Content,
        severity: Error,
        summary: "Compressed content must be declared in Content-Encoding",
        specs: [rfc(9110, "8.4"), rfc(1952, "2.3.1"), rfc(8878, "3.1.1")],
        requires: &["Content-Type"],
        check: check,
    }
}

/// The content codings browsers remove before handing over a body (Fetch's "handle content
/// codings"; Chromium: gzip, deflate, br, zstd, and the `x-gzip` alias), and `identity`.
const BROWSER_DECODED: &[&str] = &["gzip", "x-gzip", "deflate", "br", "zstd", "identity"];

/// A detected compression format: its name (the content coding that declares it) and its
/// magic number as written in the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Compression {
    pub coding: &'static str,
    pub magic: &'static str,
}

/// The compression format whose header starts `body`, when one does: a gzip member (RFC 1952
/// §2.3.1: ID1 ID2 = `1f 8b`, CM = 8 for deflate, the reserved FLG bits zero, a 10-octet
/// header) or a zstd frame (RFC 8878 §3.1.1: magic number 0xFD2FB528 in little-endian order,
/// the reserved bit of the frame header descriptor zero).
pub(crate) fn compression(body: &[u8]) -> Option<Compression> {
    match body {
        [0x1F, 0x8B, 0x08, flg, ..] if body.len() >= 10 && (*flg & 0xE0) == 0 => {
            Some(Compression { coding: "gzip", magic: "1f 8b 08" })
        }
        [0x28, 0xB5, 0x2F, 0xFD, fhd, ..] if (*fhd & 0x08) == 0 => Some(Compression { coding: "zstd", magic: "28 b5 2f fd" }),
        _ => None,
    }
}

/// What a client expects to read from content of type `m`, for types read as text or
/// structured data; `None` for other (archive, binary) types.
fn expected(m: &MimeType<'_>) -> Option<&'static str> {
    let e: &str = &m.essence;
    if m.is_json() {
        Some("JSON")
    } else if e == "application/wasm" {
        Some("a WebAssembly module")
    } else if e.ends_with("+xml") || e.ends_with("/xml") {
        Some("XML")
    } else if super::body_not_in_declared_charset::is_text_type(m) {
        Some("text")
    } else {
        None
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((_, m)) = media::response_mime(c) else { return };
    let Some(what) = expected(m) else { return };
    let declared = c.header_members("Content-Encoding").find(|t| !t.eq_ignore_ascii_case("identity"));
    // A raw capture with a declared coding holds the coded bytes: `plain_body` is `None` there.
    // A browser hands over the content with the declared codings removed.
    let Some(body) = media::plain_body(c) else { return };
    let Some(z) = compression(body) else { return };
    let e: &str = &m.essence;
    let (coding, magic) = (z.coding, z.magic);
    let observed = c.response().visibility != Visibility::Complete;
    if observed && (declared.is_some() || matches!(c.header("Content-Encoding"), Presence::Hidden)) {
        // Only codings browsers decode were removed; with another one (`unknown-content-encoding`
        // says so) the bytes may be as sent.
        if c.header_members("Content-Encoding").any(|m| !BROWSER_DECODED.contains(&coding_name(m).as_str())) {
            return;
        }
        let layer = match declared {
            Some(d) => format!("after the browser removed the declared `Content-Encoding: {d}`"),
            None => "as the browser hands it over (this CORS response hides whether `Content-Encoding` declared a coding)".to_string(),
        };
        c.report(
            Target::Body,
            format!(
                "The `{e}` content is still {coding}-compressed {layer} (it starts with the magic number `{magic}`): it was compressed once more than `Content-Encoding` says, so clients get compressed bytes where they expect {what}."
            ),
            "Compress once, in one place: typically the application compresses the body and a proxy compresses it again (or declares only its own layer); turn one of them off.",
        );
        return;
    }
    // Here nothing declares a coding: a raw capture with one has no `plain_body` (above), and a
    // browser-observed one was settled just before.
    // A compressed file offered as such (`report.csv.gz` stored with its inner type, as
    // `aws s3 cp` labels it): downloads are saved as they are, so only readers of the type lose.
    if let Some(file) = compressed_file_name(c) {
        c.report_with(
            Severity::Warning,
            Target::Body,
            format!(
                "The `{e}` content is the {coding} file `{file}` (it starts with the magic number `{magic}`): a download saves it as it is, but a client reading it as `{e}` gets compressed bytes where it expects {what}."
            ),
            format!(
                "Label the file as what it is, `application/{coding}`; send `Content-Encoding: {coding}` only if clients should receive it uncompressed (they then save the uncompressed bytes)."
            ),
        );
        return;
    }
    c.report(
        Target::Body,
        format!(
            "The `{e}` content is {coding}-compressed (it starts with the magic number `{magic}`), but no `Content-Encoding` declares it: clients receive compressed bytes where they expect {what}, and fail to read them."
        ),
        format!(
            "Send `Content-Encoding: {coding}` (and `Vary: Accept-Encoding`) with the compressed body and keep proxies from stripping it, or do not compress twice; if the compressed file is the content, label it `application/{coding}`."
        ),
    );
}

/// The name of a compressed file the response is offered as — its `Content-Disposition` file
/// name, else the last segment of the request's path — when it ends in `.gz`, `.tgz`, `.zst`
/// or `.zstd`.
fn compressed_file_name(c: &Checker<'_>) -> Option<String> {
    let compressed = |name: &str| {
        let n = name.to_ascii_lowercase();
        [".gz", ".tgz", ".zst", ".zstd"].iter().any(|x| n.ends_with(x))
    };
    for (_, line) in c.header_lines("Content-Disposition") {
        let d = crate::rules::headers::invalid_content_disposition::Disposition::parse(line);
        for p in d.params.iter().flatten() {
            if p.0.eq_ignore_ascii_case("filename") || p.0.eq_ignore_ascii_case("filename*") {
                let name = p.1.trim_matches('"');
                if compressed(name) {
                    return Some(name.to_string());
                }
            }
        }
    }
    let url = &c.request()?.url;
    let path = url.split(['?', '#']).next().unwrap_or("");
    let last = path.rsplit('/').next().unwrap_or("");
    compressed(last).then(|| last.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::content::media::parse_mime_type;

    #[test]
    fn detects_magic_numbers() {
        let gzip = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\x56\x4a";
        assert_eq!(compression(gzip).map(|z| z.coding), Some("gzip"));
        assert_eq!(compression(&gzip[..9]), None, "shorter than a gzip header");
        assert_eq!(compression(b"\x1f\x8b\x08\xe0\x00\x00\x00\x00\x00\x03"), None, "reserved flags set");
        assert_eq!(compression(b"\x1f\x8b\x07\x00\x00\x00\x00\x00\x00\x03"), None, "not deflate");
        assert_eq!(compression(b"\x28\xb5\x2f\xfd\x24\x05\x29\x00\x00").map(|z| z.coding), Some("zstd"));
        assert_eq!(compression(b"\x28\xb5\x2f\xfd\x08"), None, "reserved bit set");
        assert_eq!(compression(b"\x28\xb5\x2f\xfd"), None, "no frame header");
        assert_eq!(compression(b"(hello) world"), None);
        assert_eq!(compression(b""), None);
    }

    /// A browser-observed body is decoded already: a magic number there is a second layer.
    #[test]
    fn browser_observed_bodies() {
        let gzip: &[u8] = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\x56\x4a\x00\x00";
        let lint = |encoding: Option<&str>, body: &[u8], visibility: Visibility| -> Vec<String> {
            let mut raw = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n".to_vec();
            if let Some(e) = encoding {
                raw.extend_from_slice(format!("Content-Encoding: {e}\r\n").as_bytes());
            }
            raw.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
            raw.extend_from_slice(body);
            let mut response = crate::http1::parse_response(&raw).unwrap();
            response.visibility = visibility;
            let ex = crate::Exchange { request: None, response };
            crate::lint(&ex, &crate::LintContext::default()).into_iter().filter(|f| f.code == "CNT015").map(|f| f.message).collect()
        };
        let twice = lint(Some("gzip"), gzip, Visibility::SameOrigin);
        assert!(matches!(twice.as_slice(), [m] if m.contains("still gzip-compressed after the browser removed the declared `Content-Encoding: gzip`")), "{twice:?}");
        assert_eq!(lint(Some("gzip"), b"{\"ok\":true}", Visibility::SameOrigin), Vec::<String>::new());
        // A raw capture with `Content-Encoding` holds the coded bytes: nothing to say.
        assert_eq!(lint(Some("gzip"), gzip, Visibility::Complete), Vec::<String>::new());
        assert_eq!(lint(Some("identity"), gzip, Visibility::Complete).len(), 1);
        // CORS hides `Content-Encoding`: the finding says so instead of claiming there is none.
        let hidden = lint(None, gzip, Visibility::CorsFiltered);
        assert!(matches!(hidden.as_slice(), [m] if m.contains("hides whether `Content-Encoding`")), "{hidden:?}");
        // A coding browsers do not decode leaves the bytes as sent: not this rule's to explain.
        assert_eq!(lint(Some("x-custom"), gzip, Visibility::SameOrigin), Vec::<String>::new());
        let none = lint(None, gzip, Visibility::SameOrigin);
        assert!(matches!(none.as_slice(), [m] if m.contains("no `Content-Encoding` declares it")), "{none:?}");
    }

    #[test]
    fn expected_content() {
        let x = |s: &str| expected(&parse_mime_type(s).unwrap());
        assert_eq!(x("application/json"), Some("JSON"));
        assert_eq!(x("application/vnd.api+json"), Some("JSON"));
        assert_eq!(x("text/html"), Some("text"));
        assert_eq!(x("text/javascript"), Some("text"));
        assert_eq!(x("application/javascript"), Some("text"));
        assert_eq!(x("image/svg+xml"), Some("XML"));
        assert_eq!(x("application/wasm"), Some("a WebAssembly module"));
        for s in ["application/gzip", "application/x-gzip", "application/zstd", "application/octet-stream", "image/png", "application/zip"] {
            assert_eq!(x(s), None, "{s}");
        }
    }
}
