use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, is_tchar, lines, quoted};

declare_rule! {
    /// ## What it checks
    /// A `Link` value that does not parse as `<uri-reference>; param=value; …` link-values
    /// separated by commas, or a link without a `rel` parameter. Unquoted parameter values
    /// are accepted when they contain no whitespace, `;` or `,`.
    ///
    /// ## Why it matters
    /// RFC 8288 §3: `Link = #link-value`, `link-value = "<" URI-Reference ">" *( OWS ";" OWS
    /// link-param )`, and §3.3: "The rel parameter MUST be present". Browsers act on `Link`
    /// (`preload`, `preconnect`, `modulepreload`, 103 Early Hints), and APIs use it for
    /// pagination (`rel="next"`); a link that does not parse, or has no relation, is ignored —
    /// and a syntax error often makes the parser drop every link after it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Link: /app.css; rel=preload; as=style
    /// Content-Type: text/html
    ///
    /// <p>Hello</p>
    /// ```
    ///
    /// ## Fix
    /// Enclose each URI in angle brackets and give it a relation:
    /// `Link: </app.css>; rel=preload; as=style, <https://cdn.example>; rel=preconnect`.
    pub static INVALID_LINK = {
        code: "HDR031",
        name: "invalid-link",
        category: Headers,
        severity: Warning,
        summary: "Link values must be <uri>; rel=... link-values",
        specs: [rfc(8288, "3"), rfc(8288, "3.3")],
        requires: &["Link"],
        check: check,
    }
}

fn skip_ows(s: &str) -> &str {
    s.trim_start_matches([' ', '\t'])
}

/// Checks one `Link` line; returns what is wrong with it.
fn problem(v: &str) -> Option<String> {
    let mut rest = skip_ows(v);
    loop {
        // Empty list elements are allowed (RFC 9110 §5.6.1).
        while let Some(r) = rest.strip_prefix(',') {
            rest = skip_ows(r);
        }
        if rest.is_empty() {
            return None;
        }
        let Some(r) = rest.strip_prefix('<') else {
            return Some("a link target is not enclosed in `<` `>`".to_string());
        };
        let Some(end) = r.find('>') else { return Some("a `<` is never closed by `>`".to_string()) };
        let target = &r[..end];
        rest = &r[end + 1..];
        let mut has_rel = false;
        loop {
            rest = skip_ows(rest);
            if rest.is_empty() || rest.starts_with(',') {
                break;
            }
            let Some(r) = rest.strip_prefix(';') else {
                return Some(format!("unexpected text after `<{target}>` (parameters start with `;`, links are separated by `,`)"));
            };
            rest = skip_ows(r);
            let name_len = rest.find(|c: char| !is_tchar(c)).unwrap_or(rest.len());
            let name = &rest[..name_len];
            rest = skip_ows(&rest[name_len..]);
            if name.is_empty() {
                // A trailing `;` (`<a>;`): tolerated.
                if rest.is_empty() || rest.starts_with(',') || rest.starts_with(';') {
                    continue;
                }
                return Some(format!("a parameter of `<{target}>` has no valid name"));
            }
            if let Some(r) = rest.strip_prefix('=') {
                rest = skip_ows(r);
                if rest.starts_with('"') {
                    let Some((_, r)) = quoted(rest) else {
                        return Some(format!("the `{name}` parameter of `<{target}>` has an unterminated quoted string"));
                    };
                    rest = r;
                } else {
                    let len = rest.find([';', ',', ' ', '\t', '"', '<', '>']).unwrap_or(rest.len());
                    if len == 0 {
                        return Some(format!("the `{name}` parameter of `<{target}>` has an empty value"));
                    }
                    rest = &rest[len..];
                }
            }
            if name.eq_ignore_ascii_case("rel") {
                has_rel = true;
            }
        }
        if !has_rel {
            return Some(format!("the link to `<{target}>` has no `rel` parameter"));
        }
    }
}

fn check(c: &mut Checker<'_>) {
    for (i, v) in lines(c, "Link") {
        if let Some(p) = problem(v) {
            c.report(
                at("Link", i),
                format!("`Link: {v}` does not parse: {p}; clients ignore the link."),
                "Write each link as `<uri>; rel=\"relation\"`, separated by commas.".to_string(),
            );
        }
    }
}
