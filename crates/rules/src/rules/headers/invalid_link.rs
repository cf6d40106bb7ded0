use std::borrow::Cow;

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

/// One link-value of a `Link` line.
pub(crate) struct Link<'v> {
    /// Between `<` and `>`, as written.
    pub target: &'v str,
    /// The parameters in order: name, and value (`None` without `=`; quoted values unescaped).
    pub params: Vec<(&'v str, Option<Cow<'v, str>>)>,
}

impl Link<'_> {
    /// The first parameter named `name` (ASCII case-insensitively): `Some(None)` when it has no
    /// value.
    pub(crate) fn param(&self, name: &str) -> Option<Option<&str>> {
        self.params.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_deref())
    }
    /// The relation types of the first `rel` parameter (RFC 8288 §3.3: later ones are ignored),
    /// split on whitespace.
    pub(crate) fn relation_types(&self) -> impl Iterator<Item = &str> {
        self.param("rel").flatten().unwrap_or("").split([' ', '\t']).filter(|t| !t.is_empty())
    }
}

/// The links of one `Link` line (RFC 8288 §3), or what keeps it from parsing.
pub(crate) fn parse_links(v: &str) -> Result<Vec<Link<'_>>, String> {
    let mut links = Vec::new();
    let mut rest = skip_ows(v);
    loop {
        // Empty list elements are allowed (RFC 9110 §5.6.1).
        while let Some(r) = rest.strip_prefix(',') {
            rest = skip_ows(r);
        }
        if rest.is_empty() {
            return Ok(links);
        }
        let Some(r) = rest.strip_prefix('<') else {
            return Err("a link target is not enclosed in `<` `>`".to_string());
        };
        let Some(end) = r.find('>') else { return Err("a `<` is never closed by `>`".to_string()) };
        let target = &r[..end];
        rest = &r[end + 1..];
        let mut params = Vec::new();
        let mut has_rel = false;
        loop {
            rest = skip_ows(rest);
            if rest.is_empty() || rest.starts_with(',') {
                break;
            }
            let Some(r) = rest.strip_prefix(';') else {
                return Err(format!("unexpected text after `<{target}>` (parameters start with `;`, links are separated by `,`)"));
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
                return Err(format!("a parameter of `<{target}>` has no valid name"));
            }
            let mut value = None;
            if let Some(r) = rest.strip_prefix('=') {
                rest = skip_ows(r);
                if rest.starts_with('"') {
                    let Some((text, r)) = quoted(rest) else {
                        return Err(format!("the `{name}` parameter of `<{target}>` has an unterminated quoted string"));
                    };
                    value = Some(Cow::Owned(text));
                    rest = r;
                } else {
                    let len = rest.find([';', ',', ' ', '\t', '"', '<', '>']).unwrap_or(rest.len());
                    if len == 0 {
                        return Err(format!("the `{name}` parameter of `<{target}>` has an empty value"));
                    }
                    value = Some(Cow::Borrowed(&rest[..len]));
                    rest = &rest[len..];
                }
            }
            if name.eq_ignore_ascii_case("rel") {
                has_rel = true;
            }
            params.push((name, value));
        }
        if !has_rel {
            return Err(format!("the link to `<{target}>` has no `rel` parameter"));
        }
        links.push(Link { target, params });
    }
}

/// A `Link` line: its index, its value, and its links or what keeps it from parsing.
pub(crate) type LinkLine<'a> = (usize, &'a str, Result<Vec<Link<'a>>, String>);

/// Every `Link` line (index, value) with its links, parsed once per lint for this rule and
/// `ineffective-link-hint`.
pub(crate) fn response_links<'a>(c: &Checker<'a>) -> &'a [LinkLine<'a>] {
    c.memo().links.get_or_init(|| lines(c, "Link").map(|(i, v)| (i, v, parse_links(v))).collect())
}

fn check(c: &mut Checker<'_>) {
    for (i, v, parsed) in response_links(c) {
        if let Err(p) = parsed {
            c.report(
                at("Link", *i),
                format!("`Link: {v}` does not parse: {p}; clients ignore the link."),
                "Write each link as `<uri>; rel=\"relation\"`, separated by commas.",
            );
        }
    }
}
