use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// A `Location` value that is not a valid URI reference: empty, with spaces, control
    /// characters, non-ASCII characters, a backslash, `"`, `<`, `>`, or `{`/`}` (often an
    /// unexpanded URI template such as `/users/{id}`), with a `%` not followed by two hex
    /// digits, or an `http:`/`https:` URL without `//` (`https:/example.com`). Characters
    /// that are invalid but harmless in practice (`|`, `^`, `[`, `]` in a query) are let through.
    ///
    /// ## Why it matters
    /// RFC 9110 §10.2.2 defines `Location` as a `URI-reference` (RFC 3986 §4.1). Browsers
    /// repair most invalid values with the WHATWG URL parser — they percent-encode spaces and
    /// non-ASCII characters and read `\` as `/` — but HTTP libraries, proxies and crawlers
    /// often reject the value or resolve it differently, so the same redirect goes to different
    /// places for different clients. An empty value resolves to the request URL itself, a
    /// redirect loop. `https:/example.com` is a host for browsers and a path on the current
    /// host for RFC 3986 resolvers.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Location: /search?q=red shoes
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Percent-encode the value (`/search?q=red%20shoes`; UTF-8 for non-ASCII, and punycode
    /// for internationalized host names), and write absolute URLs as `https://host/path`.
    pub static INVALID_LOCATION = {
        code: "RED002",
        name: "invalid-location",
        category: Redirects,
        severity: Warning,
        summary: "Location must hold a valid URI reference",
        specs: [
            rfc(9110, "10.2.2"),
            rfc(3986, "4.1"),
            StaticSpec::Other("URL Standard §url-parsing", "https://url.spec.whatwg.org/#url-parsing"),
        ],
        requires: &["Location"],
        check: check,
    }
}

/// The first reason `v` is not a URI reference, if any.
fn problem(v: &str) -> Option<String> {
    if v.is_empty() {
        return Some("is empty, which resolves to the request URL itself (a redirect loop)".into());
    }
    let bytes = v.as_bytes();
    let mut i = 0;
    for ch in v.chars() {
        let what = match ch {
            ' ' => Some("a space".to_string()),
            '\\' => Some("a backslash, which browsers read as `/` and other clients do not".to_string()),
            '{' | '}' => Some(format!("the character `{ch}` (an unexpanded URI template?)")),
            '"' | '<' | '>' => Some(format!("the character `{ch}`")),
            c if c.is_control() => Some(format!("the control character U+{:04X}", c as u32)),
            c if !c.is_ascii() => Some(format!("the non-ASCII character `{c}`")),
            '%' => {
                let ok = bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
                (!ok).then(|| "a `%` not followed by two hex digits".to_string())
            }
            _ => None,
        };
        if let Some(w) = what {
            return Some(format!("contains {w}, which a URI reference does not allow"));
        }
        i += ch.len_utf8();
    }
    if let Some(s) = super::url::scheme(v) {
        if (s == "http" || s == "https") && !v[s.len() + 1..].starts_with("//") {
            return Some(format!(
                "is an `{s}:` URL without `//`: browsers read what follows as the host, RFC 3986 resolvers as a path"
            ));
        }
    }
    None
}

fn check(c: &mut Checker<'_>) {
    let found: Vec<(usize, String, String)> = c
        .response()
        .headers
        .all("Location")
        .filter_map(|(i, v)| problem(v.trim_fast()).map(|p| (i, v.trim_fast().to_string(), p)))
        .collect();
    for (i, v, p) in found {
        let shown = if v.is_empty() { "`Location` (empty)".to_string() } else { format!("`Location: {}`", super::short(&v)) };
        c.report(
            Target::Header { name: "Location".into(), index: Some(i) },
            format!("{shown} {p}."),
            "Send a percent-encoded URI reference, e.g. `/search?q=red%20shoes` or `https://example.com/path`.",
        );
    }
}
