use crate::declare_rule;
use crate::registry::Checker;
use crate::rules::security::{request_scheme_host, url::scheme_and_host_as_written};
use crate::rules::structured::{describe, dictionary, Value};
use crate::spec::rfc;

use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// `Use-As-Dictionary` (RFC 9842 §2.1), which offers the response as a dictionary for
    /// compressing later responses (`dcb`, `dcz`): a value that is not a Structured Field
    /// Dictionary; a missing or non-String `match`; a `match` URL pattern with a regular
    /// expression group (an unescaped `(`); an absolute `match` for another origin than the
    /// request's (only when the request is known and the pattern's scheme and host are
    /// literal); an `id` that is not a String or is longer than 1024 characters; a `type`
    /// other than the Token `raw`.
    ///
    /// ## Why it matters
    /// §2.1.1: "The "match" value is required and MUST be included in the Use-As-Dictionary
    /// response header for the dictionary to be considered valid", and a pattern with
    /// regular-expression groups or for another origin is invalid and "MUST NOT be used";
    /// §2.1.4: a client that does not understand the `type` "MUST NOT use the dictionary". In
    /// each case the browser stores nothing: later requests never announce the dictionary in
    /// `Available-Dictionary`, and the expected savings of dictionary compression silently
    /// never happen. §2.1.3 supports `id` values of up to 1024 characters.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/javascript
    /// Use-As-Dictionary: match=/js/app.*.js
    /// ```
    ///
    /// ## Fix
    /// Quote the pattern and keep it to the same origin, without regular-expression groups:
    /// `Use-As-Dictionary: match="/js/app.*.js"` (optionally `, id="app-v1"`).
    pub static INVALID_USE_AS_DICTIONARY = {
        code: "HDR064",
        name: "invalid-use-as-dictionary",
        category: Headers,
        severity: Warning,
        summary: "Use-As-Dictionary needs a quoted same-origin match pattern without regexp groups",
        specs: [rfc(9842, "2.1"), rfc(9842, "2.1.1"), rfc(9842, "2.1.3"), rfc(9842, "2.1.4"), rfc(9651, "3.2")],
        requires: &["Use-As-Dictionary"],
        check: check,
    }
}

const FIELD: &str = "Use-As-Dictionary";
const EXAMPLE: &str = "Use-As-Dictionary: match=\"/js/app.*.js\"";

fn check(c: &mut Checker<'_>) {
    let Some((index, _)) = c.header_lines(FIELD).next() else { return };
    let Some(value) = c.header_combined(FIELD) else { return };
    let problems = problems(&value, request_scheme_host(c));
    for (message, fix) in problems {
        c.report(at(FIELD, index), message, fix);
    }
}

/// (message, fix) for each problem of the combined field value; `origin`: the request's scheme
/// and host, when known.
fn problems(value: &str, origin: Option<(&str, &str)>) -> Vec<(String, String)> {
    let ignored = "browsers do not keep the response as a dictionary";
    let members = match dictionary(value) {
        Ok(m) => m,
        Err(e) => {
            return vec![(
                format!("`{FIELD}: {value}` is not a Structured Field Dictionary ({}): {ignored}.", describe(&e, value)),
                format!("Write it as `{EXAMPLE}`."),
            )]
        }
    };
    let get = |key: &str| members.iter().find(|(k, _)| *k == key).map(|(_, m)| &m.value);
    let mut out = Vec::new();
    match get("match") {
        None => out.push((format!("`{FIELD}` has no `match`, which is required: {ignored}."), format!("Name the URLs it serves: `{EXAMPLE}`."))),
        Some(Value::String(pattern)) => {
            if let Some(at) = regexp_group(pattern) {
                out.push((
                    format!("The `match` pattern `{pattern}` has a regular-expression group (the `(` at character {}), which makes it invalid: {ignored}.", at + 1),
                    "Use only `*` wildcards and named groups (`:name`) in `match`; a literal parenthesis needs a backslash before it in the pattern (`\\\\(` inside the quoted String).".to_string(),
                ));
            }
            if let (Some((scheme, host)), Some((rs, rh))) = (literal_origin(pattern), origin) {
                if !scheme.eq_ignore_ascii_case(rs) || !host.eq_ignore_ascii_case(rh) {
                    out.push((
                        format!("The `match` pattern `{pattern}` is for `{scheme}://{host}`, another origin than this response's (`{rs}://{rh}`): a dictionary only applies to its own origin, so {ignored}."),
                        "Give `match` as a path on this origin (`match=\"/js/app.*.js\"`), or serve the dictionary from the origin it is for.".to_string(),
                    ));
                }
            }
        }
        Some(other) => out.push((
            format!("`match` is {}, not a quoted String: {ignored}.", other.kind()),
            format!("Quote the URL pattern: `{EXAMPLE}`."),
        )),
    }
    match get("id") {
        Some(Value::String(s)) if s.chars().count() > 1024 => out.push((
            format!("The `id` is {} characters long; RFC 9842 supports up to 1024, and clients echo it in every `Dictionary-ID` request header.", s.chars().count()),
            "Keep the `id` short: a version or a hash prefix (`id=\"app-v42\"`).".to_string(),
        )),
        None | Some(Value::String(_)) => {}
        Some(other) => out.push((
            format!("`id` is {}, not a quoted String: clients do not echo it in `Dictionary-ID`.", other.kind()),
            "Quote the id: `id=\"app-v42\"`.".to_string(),
        )),
    }
    match get("type") {
        None | Some(Value::Token("raw")) => {}
        Some(Value::Token(t)) => out.push((
            format!("The dictionary `type` `{t}` is unknown (`raw` is the only format defined): clients that do not understand it must not use the dictionary."),
            "Leave `type` out (it defaults to `raw`) or send `type=raw`.".to_string(),
        )),
        Some(other) => out.push((
            format!("`type` is {}, not the Token `raw`: clients must not use a dictionary whose type they do not understand.", other.kind()),
            "Leave `type` out (it defaults to `raw`) or send `type=raw`, unquoted.".to_string(),
        )),
    }
    out
}

/// The index of the first `(` not escaped by a backslash: a URL pattern's regular-expression
/// group (URL Pattern Standard, "tokenize": `(` starts a regexp token unless escaped).
fn regexp_group(pattern: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, b) in pattern.bytes().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'(' => return Some(i),
            _ => {}
        }
    }
    None
}

/// The scheme and host of an absolute pattern whose scheme and host are literal (no wildcard,
/// named group or escape in them); `None` for a path pattern or a pattern over several hosts.
fn literal_origin(pattern: &str) -> Option<(&str, &str)> {
    let (scheme, host) = scheme_and_host_as_written(pattern)?;
    let literal = |s: &str| !s.bytes().any(|b| matches!(b, b'*' | b':' | b'{' | b'}' | b'(' | b')' | b'\\' | b'?' | b'+'));
    (literal(scheme) && literal(host)).then_some((scheme, host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str) -> Vec<String> {
        problems(value, Some(("https", "app.example.com"))).into_iter().map(|(m, _)| m).collect()
    }

    #[test]
    fn valid_values() {
        for v in [
            r#"match="/js/app.*.js""#,
            r#"match="/product/*", match-dest=("document"), id="dict-v1""#,
            r#"match="https://app.example.com/static/*", type=raw"#,
            r#"match="https://*.example.com/*""#,
            r#"match="/a\\(b\\)""#,
            r#"match="/:name.js""#,
        ] {
            assert_eq!(codes(v), Vec::<String>::new(), "{v}");
        }
    }

    #[test]
    fn problems_found() {
        for (v, needle) in [
            ("match=app", "`match` is a Token, not a quoted String"),
            ("match=/js/app.js", "not a Structured Field Dictionary"),
            (r#"id="x""#, "has no `match`"),
            (r#"match="/js/(app|lib).js""#, "regular-expression group (the `(` at character 5)"),
            (r#"match="https://cdn.example.net/*""#, "another origin"),
            (r#"match="/x", type=zip"#, "`type` `zip` is unknown"),
            (r#"match="/x", type="raw""#, "not the Token `raw`"),
            (r#"match="/x", id=42"#, "`id` is an Integer"),
            ("match=\"/x\" garbage", "not a Structured Field Dictionary"),
        ] {
            let found = codes(v);
            assert!(found.iter().any(|m| m.contains(needle)), "{v}: {found:?}");
        }
        let long = format!("match=\"/x\", id=\"{}\"", "a".repeat(1025));
        assert!(codes(&long).iter().any(|m| m.contains("1025 characters")));
        assert!(codes(&format!("match=\"/x\", id=\"{}\"", "a".repeat(1024))).is_empty());
        // Without the request, no origin claim.
        assert!(problems(r#"match="https://cdn.example.net/*""#, None).is_empty());
    }
}
