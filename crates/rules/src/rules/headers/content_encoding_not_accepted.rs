use crate::declare_rule;
use crate::model::{list_members, TrimExt};
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, coding_name, members};

declare_rule! {
    /// ## What it checks
    /// A response whose `Content-Encoding` names a coding the request's `Accept-Encoding` did
    /// not accept: not listed with a non-zero `q`, and not covered by `*` with a non-zero `q`
    /// (`x-gzip` counts as `gzip`, `x-compress` as `compress`). An empty `Accept-Encoding`
    /// accepts no coding at all. Silent when the request is unknown or has no
    /// `Accept-Encoding` (a browser's own is not visible to the page: the Fetch standard
    /// forbids scripts from setting it).
    ///
    /// ## Why it matters
    /// `Accept-Encoding` tells the server which codings the client can decode (RFC 9110
    /// §12.5.3). Content in another coding reaches a client that cannot decode it: a browser
    /// shows `ERR_CONTENT_DECODING_FAILED`, an HTTP library hands the compressed bytes to the
    /// application. The usual causes are a cache that stores one coded variant without
    /// `Vary: Accept-Encoding`, or a server that always sends Brotli.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/javascript
    /// Content-Encoding: br
    /// Vary: Accept-Encoding
    ///
    /// …
    /// ```
    /// in answer to a request with `Accept-Encoding: gzip, deflate`.
    ///
    /// ## Fix
    /// Choose the coding from the request's `Accept-Encoding` (send the content uncoded when
    /// none fits), and send `Vary: Accept-Encoding` so that caches keep the variants apart.
    pub static CONTENT_ENCODING_NOT_ACCEPTED = {
        code: "HDR057",
        name: "content-encoding-not-accepted",
        category: Headers,
        severity: Error,
        summary: "The content coding must be one the request's Accept-Encoding accepts",
        specs: [rfc(9110, "12.5.3"), rfc(9110, "8.4")],
        requires: &["Content-Encoding"],
        check: check,
    }
}

/// `x-gzip` and `x-compress` are aliases (RFC 9110 §8.4.1.1, §8.4.1.3).
fn canonical(coding: &str) -> &str {
    match coding {
        "x-gzip" => "gzip",
        "x-compress" => "compress",
        other => other,
    }
}

/// Whether `accept` (an `Accept-Encoding` value) accepts the lowercased `coding`. A weight that
/// does not parse counts as accepting: only a clear `q=0` refuses.
fn accepts(accept: &str, coding: &str) -> bool {
    let coding = canonical(coding);
    let mut star = None;
    for member in list_members(accept) {
        let mut parts = member.split(';');
        let name = coding_name(parts.next().unwrap_or(""));
        let weight = parts.filter_map(|p| p.trim_fast().split_once('=')).find(|(k, _)| k.trim_fast().eq_ignore_ascii_case("q"));
        let ok = weight.is_none_or(|(_, q)| q.trim_fast().parse::<f32>().map_or(true, |q| q > 0.0));
        match canonical(&name) {
            n if n == coding => return ok,
            "*" => star = Some(ok),
            _ => {}
        }
    }
    // `identity` is acceptable unless refused by name (above) or by `*;q=0`.
    if coding == "identity" {
        return star != Some(false);
    }
    star.unwrap_or(false)
}

fn check(c: &mut Checker<'_>) {
    let Some(accept) = c.request().and_then(|r| r.headers.combined("Accept-Encoding")) else { return };
    let refused: Vec<(usize, String)> = members(c, "Content-Encoding")
        .map(|(i, m)| (i, coding_name(m)))
        .filter(|(_, name)| !name.is_empty() && !accepts(&accept, name))
        .collect();
    if refused.is_empty() {
        return;
    }
    let shown = if accept.trim_fast().is_empty() { "an empty `Accept-Encoding` (no coding at all)".to_string() } else { format!("`Accept-Encoding: {accept}`") };
    for (i, name) in refused {
        c.report(
            at("Content-Encoding", i),
            format!("The content is coded with `{name}`, but the request sent {shown}: the client may not be able to decode it."),
            "Pick the coding from the request's `Accept-Encoding` (or send the content uncoded), with `Vary: Accept-Encoding`.",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::accepts;

    #[test]
    fn reads_accept_encoding_as_rfc_9110_says() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(accepts("gzip;q=1.0, identity; q=0.5, *;q=0", "gzip"));
        assert!(!accepts("gzip;q=1.0, identity; q=0.5, *;q=0", "br"));
        assert!(accepts("x-gzip", "gzip") && accepts("gzip", "x-gzip"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(!accepts("GZIP;Q=0", "gzip"));
        assert!(accepts("*", "zstd"));
        assert!(!accepts("", "gzip") && accepts("", "identity"));
        assert!(!accepts("gzip", "br") && accepts("gzip", "identity"));
        assert!(!accepts("*;q=0", "identity") && !accepts("identity;q=0", "identity"));
        assert!(accepts("br;q=bogus", "br"));
    }
}
