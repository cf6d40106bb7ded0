use crate::declare_rule;
use crate::registry::{Checker, Presence};
use crate::rules::headers::syntax::{at, coding_name, members, vary_members};
use crate::spec::rfc;

use super::analysis::private_storability;
use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// A response compressed against a shared dictionary — `Content-Encoding: dcb`
    /// (Dictionary-Compressed Brotli) or `dcz` (Dictionary-Compressed Zstandard), RFC 9842 §4
    /// and §5 — that a cache may store (the storability test of RFC 9111 §3: a `GET` or `HEAD`,
    /// a final status other than 304, no `no-store`, and an explicit lifetime, `public`,
    /// `private`, `no-cache` or a heuristically cacheable status) whose `Vary` does not name
    /// both `Accept-Encoding` and `Available-Dictionary`. `Vary: *` counts as varying on both.
    ///
    /// ## Why it matters
    /// RFC 9842 §6.2: "If the response is cacheable, it MUST include a "Vary" header to prevent
    /// caches serving dictionary-compressed resources to clients that don't support them or
    /// serving the response compressed with the wrong dictionary". The request's
    /// `Available-Dictionary` (§2.2) names the dictionary the client holds; the bytes only
    /// decode with exactly that one. A cache keyed without it — the browser's own cache
    /// included — can hand them to a request that announced another dictionary, or none, and
    /// the client cannot decode the response.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=31536000
    /// Content-Type: text/javascript
    /// Content-Encoding: dcz
    /// Vary: Accept-Encoding
    /// ```
    ///
    /// ## Fix
    /// Send `Vary: Accept-Encoding, Available-Dictionary` with every dictionary-compressed
    /// response (and with the other encodings of the same resource, so caches key them alike).
    pub static DICTIONARY_COMPRESSION_WITHOUT_VARY = {
        code: "CAC032",
        name: "dictionary-compression-without-vary",
        category: Caching,
        severity: Error,
        summary: "A cacheable dcb/dcz response must Vary on Accept-Encoding and Available-Dictionary",
        specs: [rfc(9842, "6.2"), rfc(9842, "2.2"), rfc(9111, "4.1"), rfc(9111, "3")],
        requires: &["Content-Encoding"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, coding)) = members(c, "Content-Encoding").map(|(i, m)| (i, coding_name(m))).find(|(_, m)| m == "dcb" || m == "dcz") else {
        return;
    };
    // A cache may store it (the browser's own included, RFC 9111 §3); hidden `Cache-Control`:
    // no claim either way.
    let Some(cc) = cache_control(c) else { return };
    if private_storability(c, cc).is_err() {
        return;
    }
    let missing: Vec<&str> = match c.header("Vary") {
        // The page cannot see `Vary`: it may well be there.
        Presence::Hidden => return,
        _ => {
            let vary = vary_members(c);
            if vary.iter().any(|&(_, m)| m == "*") {
                return;
            }
            ["Accept-Encoding", "Available-Dictionary"]
                .into_iter()
                .filter(|name| !vary.iter().any(|&(_, m)| m.eq_ignore_ascii_case(name)))
                .collect()
        }
    };
    if missing.is_empty() {
        return;
    }
    let lacks = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(" and ");
    c.report(
        at("Content-Encoding", i),
        format!("`Content-Encoding: {coding}` on a cacheable response whose `Vary` lacks {lacks}: a cache may serve bytes compressed against one dictionary to a request that holds another, or none, and that client cannot decode them."),
        "Send `Vary: Accept-Encoding, Available-Dictionary` with dictionary-compressed responses.",
    );
}
