use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use crate::rules::structured::{describe, dictionary, Value};
use super::DELTA_DIRECTIVES;

/// Directives that take no value: a Boolean `true` in a targeted field.
const FLAGS: &[&str] =
    &["no-store", "no-transform", "must-revalidate", "must-understand", "proxy-revalidate", "public", "immutable"];

declare_rule! {
    /// ## What it checks
    /// `CDN-Cache-Control` (and vendor targeted fields named `…-CDN-Cache-Control`) that do not
    /// parse as a Structured Field Dictionary, are empty, or give a known directive a value of
    /// the wrong type (`max-age="600"`, `max-age=1.5`, `max-age=-1`, `no-store=1`).
    ///
    /// ## Why it matters
    /// Targeted fields use Structured Fields syntax, not `Cache-Control` syntax
    /// (RFC 9213 §2.1): keys are lower-case, values are typed. "If a targeted field in a given
    /// response is empty, or a parsing error is encountered, that field MUST be ignored by the
    /// cache" — the CDN then falls back to `Cache-Control`, which is usually not what you wrote
    /// the targeted field for. A value of the wrong type (a String `max-age`) is one
    /// implementations "SHOULD NOT consume".
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: no-store
    /// CDN-Cache-Control: Max-Age=600
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Write directives in lower case with integer seconds: `CDN-Cache-Control: max-age=600`.
    /// To send no directive while keeping the field non-empty, RFC 9213 §3.1 uses `none`.
    pub static INVALID_CDN_CACHE_CONTROL = {
        code: "CAC030",
        name: "invalid-cdn-cache-control",
        category: Caching,
        severity: Warning,
        summary: "CDN-Cache-Control must be a valid Structured Field Dictionary of typed directives",
        specs: [rfc(9213, "2.1"), rfc(9213, "3"), rfc(9651, "4.2.2")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    // Distinct targeted field names, in order of first appearance, with their lines.
    let mut fields: Vec<(String, usize, Vec<&str>)> = Vec::new();
    for (i, (name, value)) in c.response().headers.iter().enumerate() {
        const SUFFIX: &str = "cdn-cache-control";
        // The last octet first: it rules out almost every other field at once.
        let ends_with_suffix = name.len() >= SUFFIX.len()
            && matches!(name.as_bytes().last(), Some(b'l' | b'L'))
            && name.as_bytes()[name.len() - SUFFIX.len()..].eq_ignore_ascii_case(SUFFIX.as_bytes());
        if !ends_with_suffix {
            continue;
        }
        match fields.iter_mut().find(|(n, _, _)| n.eq_ignore_ascii_case(name)) {
            Some(f) => f.2.push(value),
            None => fields.push((name.to_string(), i, vec![value])),
        }
    }
    let mut findings = Vec::new();
    for (name, index, values) in &fields {
        let joined = values.join(", ");
        let target = Target::Header { name: name.clone().into(), index: Some(*index) };
        if crate::model::trim_wsp(&joined).is_empty() {
            findings.push((
                target,
                format!("`{name}` is empty: CDNs must ignore an empty targeted field and fall back to `Cache-Control`."),
            ));
            continue;
        }
        match dictionary(&joined) {
            Err(e) => findings.push((
                target,
                format!("`{name}: {joined}` is not a valid Structured Field Dictionary ({}): CDNs must ignore the whole field and fall back to `Cache-Control`.", describe(&e, &joined)),
            )),
            Ok(members) => {
                for (key, member) in members {
                    let item = &member.value;
                    let (ok, expected) = if DELTA_DIRECTIVES.contains(&key) {
                        (matches!(item, Value::Integer(n) if *n >= 0), "must be a non-negative Integer")
                    } else if FLAGS.contains(&key) {
                        (*item == Value::Boolean(true), "must have no value")
                    } else if key == "no-cache" || key == "private" {
                        (matches!(item, Value::Boolean(true) | Value::String(_)), "must have no value or be a String")
                    } else {
                        // No cache directive takes an Inner List.
                        (*item != Value::InnerList, "must not be an Inner List")
                    };
                    if ok {
                        continue;
                    }
                    let got = match item {
                        Value::Integer(n) if *n < 0 => "a negative Integer",
                        _ => item.kind(),
                    };
                    findings.push((
                        target.clone(),
                        format!("`{key}` in `{name}` is {got} but {expected}; CDNs should not use it."),
                    ));
                }
            }
        }
    }
    for (target, msg) in findings {
        c.report(
            target,
            msg,
            "Write the field as a Structured Field Dictionary: lower-case directives, integer seconds, e.g. `CDN-Cache-Control: max-age=600`.",
        );
    }
}
