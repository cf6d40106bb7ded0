use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity};
use crate::rules::headers::syntax::at;
use crate::rules::structured::{list, Value};
use crate::spec::StaticSpec;

use super::reporting::{is_key, Definitions, FIELD, ENDPOINTS_SPEC};

declare_rule! {
    /// ## What it checks
    /// The `report-to` parameter of `Cross-Origin-Opener-Policy`,
    /// `Cross-Origin-Embedder-Policy` and their `-Report-Only` forms, when the policy itself
    /// is one browsers apply: a `report-to` that is not a quoted String (`report-to=coop`, a
    /// Token), or that names an endpoint this response defines neither in
    /// `Reporting-Endpoints` nor as a (deprecated) `Report-To` group — at `info` when the
    /// response has neither field, as a `Report-To` group set by an earlier response of the
    /// origin may still exist. Not checked when either
    /// field is hidden from the page (CORS), or when the policy value is invalid (the
    /// `invalid-cross-origin-*` rules say so).
    ///
    /// ## Why it matters
    /// HTML's "obtain a cross-origin opener policy" takes `report-to` only if "it is a string"
    /// (Chromium's COOP and COEP parsers alike keep only a String),
    /// and the report is queued for the endpoint of that name, which the response's
    /// `Reporting-Endpoints` defines (the Reporting API). An undefined or unreadable name
    /// means no violation report ever reaches the server — and for a `-Report-Only` policy,
    /// deployed precisely to collect those reports before enforcing, the header collects
    /// nothing: the rollout goes ahead blind.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html
    /// Cross-Origin-Opener-Policy-Report-Only: same-origin; report-to="coop"
    /// ```
    ///
    /// ## Fix
    /// Quote the name and define it on the same response:
    /// `Cross-Origin-Opener-Policy-Report-Only: same-origin; report-to="coop"` with
    /// `Reporting-Endpoints: coop="https://reports.example.com/coop"`.
    pub static CROSS_ORIGIN_POLICY_REPORT_TO_UNDEFINED = {
        code: "SEC042",
        name: "cross-origin-policy-report-to-undefined",
        category: Security,
        severity: Warning,
        summary: "COOP/COEP report-to must be a quoted endpoint name the response defines",
        specs: [
            StaticSpec::Other("HTML: Obtain a cross-origin opener policy", "https://html.spec.whatwg.org/multipage/browsers.html#obtain-coop"),
            StaticSpec::Other("HTML: Obtain an embedder policy", "https://html.spec.whatwg.org/multipage/browsers.html#obtain-an-embedder-policy"),
            ENDPOINTS_SPEC,
        ],
        requires: &[
            "Cross-Origin-Opener-Policy",
            "Cross-Origin-Opener-Policy-Report-Only",
            "Cross-Origin-Embedder-Policy",
            "Cross-Origin-Embedder-Policy-Report-Only",
        ],
        check: check,
    }
}

/// The policy fields with the values browsers apply (any other value falls back to
/// `unsafe-none`, which reports nothing).
const POLICIES: [(&str, &[&str]); 4] = [
    ("Cross-Origin-Opener-Policy", COOP),
    ("Cross-Origin-Opener-Policy-Report-Only", COOP),
    ("Cross-Origin-Embedder-Policy", COEP),
    ("Cross-Origin-Embedder-Policy-Report-Only", COEP),
];
const COOP: &[&str] = &["same-origin", "same-origin-allow-popups", "noopener-allow-popups"];
const COEP: &[&str] = &["require-corp", "credentialless"];

/// What is wrong with a policy's `report-to`.
enum Problem {
    /// Not a String: the kind it is, and its text.
    NotString(&'static str, String),
    /// A String naming no endpoint of this response; `true` when the response defines none at
    /// all (an earlier response's `Report-To` group may still exist).
    Undefined(String, bool),
}

fn check(c: &mut Checker<'_>) {
    // A hidden field (CORS) may define the name: nothing can be said.
    if matches!(c.header(FIELD), Presence::Hidden) || matches!(c.header("Report-To"), Presence::Hidden) {
        return;
    }
    let mut found = Vec::new();
    let mut defined: Option<Definitions> = None;
    for (field, settings) in POLICIES {
        let Presence::Present(index, _) = c.header(field) else { continue };
        let Some(value) = c.header_combined(field) else { continue };
        // No `;`, no parameter: the usual bare `same-origin` needs no parse.
        if !value.contains(';') {
            continue;
        }
        let Ok(members) = list(&value) else { continue };
        let [member] = members.as_slice() else { continue };
        let Value::Token(token) = member.value else { continue };
        if !settings.contains(&token) {
            continue;
        }
        let problem = match member.param("report-to") {
            None => continue,
            Some(Value::String(name)) => {
                let defs = defined.get_or_insert_with(|| Definitions::of(c));
                if defs.may_define(name) {
                    continue;
                }
                Problem::Undefined(name.to_string(), defs.endpoints.is_none() && defs.groups.is_none())
            }
            Some(Value::Token(t)) => Problem::NotString("a Token", t.to_string()),
            Some(other) => Problem::NotString(other.kind(), String::new()),
        };
        found.push((field, index, token.to_string(), problem));
    }
    for (field, index, token, problem) in found {
        let outcome = if field.ends_with("-Report-Only") {
            "so this report-only policy collects nothing"
        } else {
            "so no violation report is sent"
        };
        // A name the fix can use: the one given when it is a valid key, else one for the policy.
        let example = if field.contains("Opener") { "coop" } else { "coep" };
        let usable = |n: &str| if is_key(n) { n.to_string() } else { example.to_string() };
        let mut severity = Severity::Warning;
        let (message, fix) = match problem {
            Problem::NotString(kind, text) => {
                let name = usable(&text);
                (
                    format!("`report-to` of `{field}` is {kind}{}, not a quoted String: browsers ignore it, {outcome}.", if text.is_empty() { String::new() } else { format!(" (`{text}`)") }),
                    format!("Quote the endpoint name: `{field}: {token}; report-to=\"{name}\"`."),
                )
            }
            Problem::Undefined(name, none_at_all) => {
                let key = usable(&name);
                let message = if none_at_all {
                    // A `Report-To` group lives on per origin: an earlier response may have set it.
                    severity = Severity::Info;
                    format!("`{field}` reports to the endpoint `{name}`, but this response has no `{FIELD}`: unless an earlier response of this origin set a `Report-To` group `{name}` (deprecated), {outcome}.")
                } else {
                    format!("`{field}` reports to the endpoint `{name}`, which this response defines neither in `{FIELD}` nor as a `Report-To` group, {outcome}.")
                };
                (
                    message,
                    if is_key(&name) {
                        format!("Define the endpoint on this response: `{FIELD}: {key}=\"https://reports.example.com/{key}\"`.")
                    } else {
                        format!("`{FIELD}` names are lower-case keys: use one such as `{key}` in both places, with `{FIELD}: {key}=\"https://reports.example.com/{key}\"`.")
                    },
                )
            }
        };
        c.report_with(severity, at(field, index), message, fix);
    }
}
