use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity};
use crate::rules::headers::syntax::at;
use crate::spec::StaticSpec;

use super::csp::{response_policies, ENFORCED, REPORT_ONLY};
use super::reporting::{is_key, Definitions, Lookup, FIELD, ENDPOINTS_SPEC};

declare_rule! {
    /// ## What it checks
    /// A Content Security Policy (enforced or report-only) whose `report-to` names an endpoint
    /// that the same response does not define. Endpoints for a document come from its
    /// `Reporting-Endpoints` field (Reporting API §3.2), or from the groups of the deprecated
    /// `Report-To` field. A name neither defines — or `Reporting-Endpoints` defines with a URL
    /// the browser drops (`invalid-reporting-endpoints`) — is a `warning`. With neither field
    /// on the response the finding is `info`: a `Report-To` group of that name set by an
    /// earlier response of the origin may still be in the browser's cache. A `Report-To` that
    /// is not JSON, or either field hidden from the page (CORS), leaves the rule silent. A
    /// `report-to` without a name is reported too: it still switches `report-uri` off.
    ///
    /// ## Why it matters
    /// `report-to` is the only way violations get reported in browsers that support it:
    /// CSP Level 3 skips `report-uri` when a policy has `report-to`. An undefined endpoint
    /// means no report at all — for a report-only policy, the whole point of sending it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Reporting-Endpoints: default="https://reports.example.com/all"
    /// Content-Security-Policy: default-src 'self'; report-uri /csp; report-to csp
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Define the endpoint on the same response:
    /// `Reporting-Endpoints: csp="https://reports.example.com/csp"`, or point `report-to` at a
    /// name that is defined. Keep `report-uri` for browsers without `report-to`.
    pub static CSP_REPORT_TO_UNDEFINED_ENDPOINT = {
        code: "SEC029",
        name: "csp-report-to-undefined-endpoint",
        category: Security,
        severity: Warning,
        summary: "A CSP report-to must name an endpoint the response defines in Reporting-Endpoints",
        specs: [
            StaticSpec::Other("CSP Level 3: report-to", "https://www.w3.org/TR/CSP3/#directive-report-to"),
            StaticSpec::Other("CSP Level 3: Report a violation", "https://www.w3.org/TR/CSP3/#report-violation"),
            ENDPOINTS_SPEC,
        ],
        requires: &[ENFORCED, REPORT_ONLY],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    // A hidden field (CORS) may define the name: nothing can be said.
    if matches!(c.header(FIELD), Presence::Hidden) || matches!(c.header("Report-To"), Presence::Hidden) {
        return;
    }
    let mut findings = Vec::new();
    // Parsed once, on the first policy with `report-to`.
    let mut defined: Option<Definitions> = None;
    for field in [ENFORCED, REPORT_ONLY] {
        for policy in response_policies(c, field) {
            let Some(directive) = policy.get("report-to") else { continue };
            let skipped = if policy.get("report-uri").is_some() {
                " (and `report-uri` is skipped too, because the policy has `report-to`)"
            } else {
                ""
            };
            let Some(&name) = directive.values.first() else {
                findings.push((
                    Severity::Warning,
                    policy.index,
                    field,
                    format!("`report-to` has no endpoint name: browsers that support it send no violation report{skipped}."),
                    "Name an endpoint defined in `Reporting-Endpoints`: `report-to csp` with `Reporting-Endpoints: csp=\"https://reports.example.com/csp\"`.".to_string(),
                ));
                continue;
            };
            let defs = defined.get_or_insert_with(|| Definitions::of(c));
            if defs.may_define(name) {
                continue;
            }
            let (severity, message) = match (&defs.endpoints, &defs.groups) {
                (None, None) => (
                    Severity::Info,
                    format!("`report-to {name}` names an endpoint, but this response has no `{FIELD}`: unless an earlier response set a `Report-To` group `{name}` (deprecated), browsers that support `report-to` send no violation report{skipped}."),
                ),
                (Some(endpoints), _) => {
                    let why = match endpoints.lookup(name) {
                        Lookup::FieldUnparsable => format!("browsers ignore this response's `{FIELD}`, which does not parse (`invalid-reporting-endpoints`)"),
                        Lookup::FieldDroppedByChromium => format!("Chromium ignores this response's `{FIELD}`, which has a member that is not a URL String (`invalid-reporting-endpoints`)"),
                        Lookup::Dropped => format!("Chromium drops the URL `{FIELD}` gives `{name}` (`invalid-reporting-endpoints`)"),
                        // `Defined` was settled by `may_define`.
                        Lookup::Missing | Lookup::Defined => format!("this response's `{FIELD}` does not define `{name}`"),
                    };
                    (Severity::Warning, format!("`report-to {name}` names an endpoint, but {why}: no violation report is sent{skipped}."))
                }
                (None, Some(_)) => (
                    Severity::Warning,
                    format!("`report-to {name}` names a group that this response's `Report-To` does not define: no violation report is sent{skipped}."),
                ),
            };
            // The name must be a Structured Field key to be defined at all.
            let lower = name.to_ascii_lowercase();
            let fix = if is_key(name) {
                format!("Define the endpoint on this response: `{FIELD}: {name}=\"https://reports.example.com/{name}\"`.")
            } else if is_key(&lower) {
                format!("`{FIELD}` names are lower-case: write `report-to {lower}` and `{FIELD}: {lower}=\"https://reports.example.com/{lower}\"`.")
            } else {
                format!("Use a lower-case name such as `csp` in both places: `report-to csp` and `{FIELD}: csp=\"https://reports.example.com/csp\"`.")
            };
            findings.push((severity, policy.index, field, message, fix));
        }
    }
    for (severity, index, field, message, fix) in findings {
        c.report_with(severity, at(field, index), message, fix);
    }
}
