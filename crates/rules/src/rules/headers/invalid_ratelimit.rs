use crate::declare_rule;
use crate::registry::Checker;
use crate::rules::structured::{describe, dictionary, list, Value};
use crate::spec::StaticSpec;

use super::syntax::at;

/// The draft the rate-limit rules follow, pinned to the revision they were checked against
/// (the field syntax still moves between revisions).
pub(crate) const DRAFT: StaticSpec = StaticSpec::Other(
    "RateLimit header fields for HTTP (draft-ietf-httpapi-ratelimit-headers-11)",
    "https://datatracker.ietf.org/doc/html/draft-ietf-httpapi-ratelimit-headers-11",
);

declare_rule! {
    /// ## What it checks
    /// A `RateLimit` field that is not what draft 11 defines (§4): a non-empty Structured Field
    /// List of Service Limit Items, each a String naming the policy (a Token is not enough) with
    /// an `r` parameter (the available quota, a non-negative Integer) and optionally `t` (the
    /// effective window in seconds, a non-negative Integer) and `pk` (a Byte Sequence). Other
    /// parameters are allowed (the draft calls them comments). The Dictionary syntax of draft
    /// 07 (`limit=100, remaining=50, reset=30`) is reported too.
    ///
    /// ## Why it matters
    /// Clients and SDKs use `RateLimit` to slow down before they are throttled. The draft lets
    /// them ignore a malformed field, so a value they cannot parse — or one without the
    /// remaining quota — gives them nothing to pace themselves with.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// RateLimit: limit=100, remaining=50, reset=30
    ///
    /// {"items": []}
    /// ```
    ///
    /// ## Fix
    /// Name the policy and give the remaining quota and reset time as parameters:
    /// `RateLimit: "default";r=50;t=30`, with the quota itself in
    /// `RateLimit-Policy: "default";q=100;w=60`.
    pub static INVALID_RATELIMIT = {
        code: "HDR051",
        name: "invalid-ratelimit",
        category: Headers,
        severity: Warning,
        summary: "RateLimit must be a List of \"policy\";r=remaining items",
        specs: [DRAFT, crate::spec::rfc(9651, "3.1")],
        requires: &["RateLimit"],
        check: check,
    }
}

/// What a rate-limit field's items must look like.
pub(crate) struct Shape {
    pub name: &'static str,
    /// "Service Limit Item", "Quota Policy Item".
    pub item: &'static str,
    /// The required parameter and what it means.
    pub required: (&'static str, &'static str),
    /// Parameters that must be non-negative Integers when present.
    pub integers: &'static [&'static str],
    /// Of those, the ones that must not be 0 either.
    pub nonzero: &'static [&'static str],
    /// Whether items may carry `qu` (the quota unit, a String: policies only).
    pub quota_unit: bool,
    pub example: &'static str,
}

pub(crate) fn check_field(c: &mut Checker<'_>, shape: &Shape) {
    let name = shape.name;
    let Some((i, _)) = c.header_lines(name).next() else { return };
    let Some(v) = c.header_combined(name) else { return };
    let v = v.as_ref();
    let fix = format!("Send a List of {}s, e.g. `{name}: {}`.", shape.item, shape.example);
    let members = match list(v) {
        Ok(m) => m,
        Err(e) => {
            let draft07 = dictionary(v).is_ok_and(|d| {
                !d.is_empty() && d.iter().all(|(k, _)| ["limit", "remaining", "reset", "policy", "quota", "window"].contains(k))
            });
            let why = if draft07 {
                "it uses the Dictionary syntax of earlier drafts (`limit=…, remaining=…, reset=…`)".to_string()
            } else {
                format!("it is not a Structured Field List: {}", describe(&e, v))
            };
            c.report(at(name, i), format!("`{name}: {v}` cannot be read: {why}. Clients ignore it."), fix);
            return;
        }
    };
    if members.is_empty() {
        c.report(at(name, i), format!("`{name}` is empty; it must list at least one {}.", shape.item), fix);
        return;
    }
    let mut problems = Vec::new();
    for (n, m) in members.iter().enumerate() {
        let label = match &m.value {
            Value::String(s) => format!("`\"{s}\"`"),
            Value::Token(t) => {
                // The draft: "The Item[SF] value MUST be a String[SF]."
                problems.push(format!("member {} names its policy with the Token `{t}`, not a String (write `\"{t}\"`)", n + 1));
                format!("`{t}`")
            }
            other => {
                problems.push(format!("member {} is {}, not a String naming the policy", n + 1, other.kind()));
                continue;
            }
        };
        let (req, meaning) = shape.required;
        if m.param(req).is_none() {
            problems.push(format!("{label} has no `{req}` parameter ({meaning}), which is required"));
        }
        for key in shape.integers {
            match m.param(key) {
                Some(Value::Integer(0)) if shape.nonzero.contains(key) => problems.push(format!("`{key}` of {label} is 0, and must be at least 1")),
                None | Some(Value::Integer(0..)) => {}
                Some(Value::Integer(_)) => problems.push(format!("`{key}` of {label} is negative")),
                Some(other) => problems.push(format!("`{key}` of {label} is {}, not an Integer", other.kind())),
            }
        }
        match m.param("pk") {
            None | Some(Value::Bytes(_)) => {}
            Some(other) => problems.push(format!("`pk` of {label} is {}, not a Byte Sequence", other.kind())),
        }
        if let Some(qu) = m.param("qu").filter(|_| shape.quota_unit) {
            if !matches!(qu, Value::String(_)) {
                problems.push(format!("`qu` of {label} is {}, not a String", qu.kind()));
            }
        }
    }
    for p in problems {
        c.report(at(name, i), format!("In `{name}: {v}`, {p}."), fix.clone());
    }
}

fn check(c: &mut Checker<'_>) {
    check_field(
        c,
        &Shape {
            name: "RateLimit",
            item: "Service Limit Item",
            required: ("r", "the available quota"),
            integers: &["r", "t"],
            nonzero: &[],
            quota_unit: false,
            example: "\"default\";r=50;t=30",
        },
    );
}
