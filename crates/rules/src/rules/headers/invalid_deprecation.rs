use sfv::BareItemFromInput;

use crate::declare_rule;
use crate::registry::Checker;
use crate::rules::structured::{bare_item, describe, Value};
use crate::spec::rfc;

use super::syntax::{at, http_date_secs};

declare_rule! {
    /// ## What it checks
    /// A `Deprecation` field that is not a Structured Field Date (`@` followed by Unix
    /// seconds): the `true` of earlier drafts, an HTTP-date (`Sun, 30 Jun 2024 23:59:59 GMT`),
    /// a bare number without `@`, or anything else that does not parse.
    ///
    /// ## Why it matters
    /// RFC 9745 defines `Deprecation` as an Item whose value is a Date (RFC 9651 §3.3.7),
    /// the moment the resource is or will be deprecated. Browsers ignore the field, but the
    /// API clients, SDKs and gateways that read it to warn developers expect that syntax; a
    /// value they cannot parse means the deprecation notice never reaches anyone.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// Deprecation: true
    ///
    /// {"items": []}
    /// ```
    ///
    /// ## Fix
    /// Send the date as `@` and Unix seconds: `Deprecation: @1688169599` (2023-06-30
    /// 23:59:59 UTC). Point to the migration guide with `Link: <…>; rel="deprecation"`.
    pub static INVALID_DEPRECATION = {
        code: "HDR050",
        name: "invalid-deprecation",
        category: Headers,
        severity: Warning,
        summary: "Deprecation must be a Structured Field Date such as @1688169599",
        specs: [rfc(9745, "2.1"), rfc(9651, "3.3.7")],
        requires: &["Deprecation"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = c.header_lines("Deprecation").next() else { return };
    let Some(v) = c.header_combined("Deprecation") else { return };
    let v = v.as_ref();
    let problem = match bare_item(v) {
        Ok(BareItemFromInput::Date(_)) => return,
        Ok(BareItemFromInput::Integer(n)) => {
            format!("`Deprecation: {v}` is an Integer; a Date needs the `@` prefix (`@{n}`)")
        }
        Ok(BareItemFromInput::Token(t)) if t.as_str() == "true" => {
            "`Deprecation: true` is the syntax of earlier drafts; RFC 9745 requires the date of the deprecation".to_string()
        }
        Ok(other) => format!("`Deprecation: {v}` is {}, not a Date", Value::from(other).kind()),
        Err(e) => match http_date_secs(v) {
            Some(secs) => {
                format!("`Deprecation: {v}` is an HTTP-date, the syntax of earlier drafts; RFC 9745 requires a Structured Field Date (`@{secs}`)")
            }
            None => format!("`Deprecation: {v}` is not a Structured Field Date ({})", describe(&e, v)),
        },
    };
    c.report(
        at("Deprecation", i),
        format!("{problem}: clients and tools that read the field ignore it."),
        "Send the deprecation date as `@` and Unix seconds, e.g. `Deprecation: @1688169599`.",
    );
}
