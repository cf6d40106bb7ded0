use serde_json::{Map, Value};

use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity};
use crate::rules::headers::syntax::{at, json_string};
use crate::rules::structured::Value as SfValue;
use crate::spec::StaticSpec;

use super::invalid_report_to::{json_error, kind, non_negative_int, report_to, shown, Group, ReportTo, MAX_JSON_SIZE, REPORT_TO_SPEC};
use super::reporting::{endpoints, url_problem, Endpoints};

const FIELD: &str = "NEL";

/// A policy as it should be written.
const EXAMPLE: &str = r#"{"report_to":"nel","max_age":604800}"#;

declare_rule! {
    /// ## What it checks
    /// A `NEL` (Network Error Logging) policy that browsers ignore, or whose reports have
    /// nowhere to go. The field holds one JSON object (NEL, "The NEL response header"):
    /// `report_to` names the endpoint group that receives the reports and `max_age` the
    /// policy's lifetime in seconds, both required; `include_subdomains` (a boolean),
    /// `success_fraction` (default 0.0) and `failure_fraction` (default 1.0, both numbers from
    /// 0.0 to 1.0) are optional. Reported as `warning`, following the specification's
    /// "Process policy headers" and Chromium (`network_error_logging_service.cc`):
    /// - a value that is not a JSON object, or holds several (several objects, or several
    ///   `NEL` lines): Chromium reads the field as a single object and ignores it, where the
    ///   specification would use the first policy;
    /// - no `max_age`, or one that is not a non-negative integer (Chromium: a whole number up
    ///   to 2147483647, so not `"604800"` nor `604800.0`);
    /// - no `report_to`, or one that is not a string;
    /// - a `success_fraction` or `failure_fraction` that is not a number from 0.0 to 1.0: the
    ///   specification ignores the whole policy, while Chromium uses the default (for a
    ///   non-number) or treats the value as 0 or 1;
    /// - an `include_subdomains` that is not a boolean: ignored;
    /// - a `report_to` group that this response's `Report-To` does not define, or defines in a
    ///   way Chromium drops (no `max_age`, no `https` endpoint … see `invalid-report-to`).
    ///   NEL reports are delivered only to `Report-To` groups: Chromium queues them without a
    ///   document, so a `Reporting-Endpoints` endpoint of the same name never receives them.
    ///
    /// At `info`: a `report_to` group with no `Report-To` on the response at all (a group set
    /// by an earlier response of the origin may still be cached), and a policy that covers
    /// subdomains through a group that does not (NEL, "The include_subdomains member", note).
    ///
    /// A `max_age` of 0 removes the origin's policy and needs nothing else: it is not reported.
    /// Silent when the request is known to have gone over plain `http`: browsers take NEL
    /// policies only from potentially trustworthy origins ("Process policy headers" step 1;
    /// Chromium only from HTTPS responses without certificate errors).
    ///
    /// ## Why it matters
    /// Network Error Logging is how a site hears about the failures its servers never see: DNS
    /// errors, TLS failures, connection resets. A policy the browser ignores, or whose group
    /// does not exist, produces no report at all — which looks exactly like no errors.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Report-To: {"group":"nel","max_age":604800,"endpoints":[{"url":"http://reports.example.com/nel"}]}
    /// NEL: {"report_to":"network-errors","max_age":"604800"}
    /// ```
    /// (`max_age` is a string, `report_to` names a group `Report-To` does not define, and
    /// that group's only endpoint is not `https`).
    ///
    /// ## Fix
    /// Send the policy and its group together, on HTTPS responses:
    /// `Report-To: {"group":"nel","max_age":604800,"endpoints":[{"url":"https://reports.example.com/nel"}]}` and
    /// `NEL: {"report_to":"nel","max_age":604800}` (add `"failure_fraction":0.1` to sample).
    pub static INVALID_NEL_POLICY = {
        code: "SEC039",
        name: "invalid-nel-policy",
        category: Security,
        severity: Warning,
        summary: "A NEL policy needs a max_age, a report_to and fractions from 0 to 1, and its group must be defined by Report-To",
        specs: [
            StaticSpec::Other("Network Error Logging: The NEL response header", "https://w3c.github.io/network-error-logging/#nel-response-header"),
            StaticSpec::Other("Network Error Logging: Process policy headers", "https://w3c.github.io/network-error-logging/#process-policy-headers"),
            REPORT_TO_SPEC,
            StaticSpec::Other("Chromium: net/network_error_logging/network_error_logging_service.cc", "https://source.chromium.org/chromium/chromium/src/+/main:net/network_error_logging/network_error_logging_service.cc"),
            StaticSpec::Other("Chromium: ReportingCacheImpl::GetCandidateEndpointsForDelivery", "https://source.chromium.org/chromium/chromium/src/+/main:net/reporting/reporting_cache_impl.cc"),
        ],
        requires: &[FIELD],
        check: check,
    }
}

type Finding = (Severity, String, String);

fn check(c: &mut Checker<'_>) {
    let Some((index, _)) = super::present(c, FIELD) else { return };
    // Browsers take NEL policies only from secure origins.
    if super::request_transport(c).is_some_and(|(scheme, _)| scheme == "http") {
        return;
    }
    let value = c.header_lines(FIELD).map(|(_, v)| v).collect::<Vec<_>>().join(", ");
    let policy = match read_policy(&value) {
        Ok(policy) => policy,
        Err((message, fix)) => {
            c.report(at(FIELD, index), message, fix);
            return;
        }
    };
    let mut findings = policy_problems(&policy);
    if let Some(group) = group_of(&policy) {
        findings.extend(group_problem(c, &policy, group));
    }
    for (severity, message, fix) in findings {
        c.report_with(severity, at(FIELD, index), message, fix);
    }
}

/// The field's value (its lines joined with `, `) as Chromium reads it: one JSON object
/// (`ParseHeader`). Otherwise (message, fix).
fn read_policy(value: &str) -> Result<Map<String, Value>, (String, String)> {
    let ignored = "browsers ignore the policy, so no network error is reported";
    if value.len() > MAX_JSON_SIZE {
        return Err((
            format!("`{FIELD}` is {} bytes long: Chromium ignores a value over 16 KiB (16384 bytes), so no network error is reported.", value.len()),
            format!("Send one short policy object: `{FIELD}: {EXAMPLE}`."),
        ));
    }
    match serde_json::from_str::<Value>(value) {
        Ok(Value::Object(policy)) => Ok(policy),
        Ok(Value::Array(_)) => Err((
            format!("`{FIELD}` is a JSON list, not an object: {ignored} (the field holds the policy object itself)."),
            format!("Drop the surrounding `[` `]`: `{FIELD}: {EXAMPLE}`."),
        )),
        Ok(other) => Err((
            format!("`{FIELD}` is {}, not a JSON object: {ignored}.", kind(&other)),
            format!("Send the policy as a JSON object: `{FIELD}: {EXAMPLE}`."),
        )),
        Err(e) => match serde_json::from_str::<Vec<Value>>(&format!("[{value}]")) {
            // Several values separated by commas, or several lines.
            Ok(list) if list.len() > 1 => Err((
                format!("`{FIELD}` holds {} JSON values separated by commas (or sent on several lines): Chromium reads the field as a single JSON object and ignores it (the NEL specification would use only the first policy), so no network error is reported.", list.len()),
                format!("Send one `{FIELD}` line with one policy object: `{FIELD}: {EXAMPLE}`."),
            )),
            _ => Err((
                format!("`{FIELD}` is not JSON ({}): {ignored}.", json_error(&e, 0)),
                format!("Send the policy as a JSON object, names and strings in double quotes: `{FIELD}: {EXAMPLE}`."),
            )),
        },
    }
}

/// What is wrong with the policy's own members ("Process policy headers" steps 7–12).
fn policy_problems(policy: &Map<String, Value>) -> Vec<Finding> {
    let ignored = "browsers ignore the policy, so no network error is reported";
    let mut out: Vec<Finding> = Vec::new();
    match policy.get("max_age") {
        None => out.push((
            Severity::Warning,
            format!("The `{FIELD}` policy has no `max_age`: {ignored} (`max_age` is required)."),
            "Add the policy's lifetime in seconds: `\"max_age\":604800` (7 days).".to_string(),
        )),
        // Removes the origin's policy: nothing else is read (step 8).
        Some(m) if non_negative_int(m) == Some(0) => return out,
        Some(m) if non_negative_int(m).is_some() => {}
        Some(m) => out.push((
            Severity::Warning,
            format!("The `{FIELD}` policy has `\"max_age\":{}`, not a non-negative integer number of seconds (Chromium reads whole numbers up to 2147483647): {ignored}.", shown(m)),
            "Give `max_age` as a whole number of seconds, unquoted: `\"max_age\":604800`.".to_string(),
        )),
    }
    match policy.get("report_to") {
        None => out.push((
            Severity::Warning,
            format!("The `{FIELD}` policy has no `report_to`: {ignored} (`report_to`, the `Report-To` group that receives the reports, is required unless `max_age` is 0)."),
            format!("Name the group: `{FIELD}: {EXAMPLE}`, with `Report-To: {{\"group\":\"nel\",\"max_age\":604800,\"endpoints\":[{{\"url\":\"https://reports.example.com/nel\"}}]}}`."),
        )),
        Some(Value::String(_)) => {}
        Some(other) => out.push((
            Severity::Warning,
            format!("The `{FIELD}` policy has a `report_to` that is {}, not a string: {ignored}.", kind(other)),
            "Give the name of a `Report-To` group as a string: `\"report_to\":\"nel\"`.".to_string(),
        )),
    }
    for (member, outcome, default, example) in [("success_fraction", "successful", "0.0", "0.01"), ("failure_fraction", "failed", "1.0", "0.5")] {
        let Some(v) = policy.get(member) else { continue };
        let chromium = match v.as_f64() {
            Some(f) if (0.0..=1.0).contains(&f) => continue,
            Some(f) if f < 0.0 => format!("Chromium reports no {outcome} request"),
            Some(_) => format!("Chromium reports every {outcome} request"),
            None => format!("Chromium uses the default, {default}, instead"),
        };
        out.push((
            Severity::Warning,
            format!("The `{FIELD}` policy has `\"{member}\":{}`, not a number from 0.0 to 1.0: the NEL specification ignores the whole policy, and {chromium}.", shown(v)),
            format!("Give `{member}` as a number from 0.0 to 1.0, unquoted: `\"{member}\":{example}`."),
        ));
    }
    if let Some(v) = policy.get("include_subdomains").filter(|v| !v.is_boolean()) {
        out.push((
            Severity::Warning,
            format!("The `{FIELD}` policy has `\"include_subdomains\":{}`, not a boolean: it is ignored, so the policy does not cover subdomains.", shown(v)),
            "Write `\"include_subdomains\":true`, unquoted (or leave it out).".to_string(),
        ));
    }
    out
}

/// The group a policy browsers keep sends its reports to: a positive `max_age` and a string
/// `report_to`.
fn group_of(policy: &Map<String, Value>) -> Option<&str> {
    policy.get("max_age").and_then(non_negative_int).filter(|&n| n > 0)?;
    policy.get("report_to")?.as_str()
}

/// Whether the response's `Report-To` gives the policy's reports somewhere to go.
fn group_problem(c: &Checker<'_>, policy: &Map<String, Value>, name: &str) -> Option<Finding> {
    let max_age = policy.get("max_age").and_then(non_negative_int).unwrap_or(604_800);
    let group = |url: &str| {
        let (name, url) = (json_string(name), json_string(url));
        format!("`Report-To: {{\"group\":{name},\"max_age\":{max_age},\"endpoints\":[{{\"url\":{url}}}]}}`")
    };
    match c.header("Report-To") {
        // The page cannot see it: it may define the group.
        Presence::Hidden => None,
        Presence::Absent => {
            if let Some(url) = reporting_endpoint(c, name) {
                return Some((
                    Severity::Warning,
                    format!("`report_to` names `{name}`, which this response defines only in `Reporting-Endpoints`: NEL reports are delivered to `Report-To` groups, not to a document's `Reporting-Endpoints`, so no network error is reported."),
                    format!("Define the group with `Report-To` too: {}.", group(url.as_str())),
                ));
            }
            Some((
                Severity::Info,
                format!("`report_to` names the `Report-To` group `{name}`, but this response has no `Report-To`: unless an earlier response of this origin defined `{name}` (and it has not expired), no network error is reported."),
                format!("Send the group along with the policy: {}.", group("https://reports.example.com/nel")),
            ))
        }
        Presence::Present(..) => {
            // A field Chromium ignores whole is `invalid-report-to`'s.
            let ReportTo::Groups(groups) = report_to(c)? else { return None };
            let named: Vec<&Group> = groups.iter().filter(|g| g.name.as_deref() == Some(name)).collect();
            if named.is_empty() {
                let defined: Vec<String> = groups.iter().filter_map(|g| g.name.as_ref()).map(|n| format!("`{n}`")).collect();
                let defines = if defined.is_empty() { String::new() } else { format!(" (it defines {})", defined.join(", ")) };
                return Some((
                    Severity::Warning,
                    format!("`report_to` names the group `{name}`, which this response's `Report-To` does not define{defines}: Chromium keeps only the groups of the latest `Report-To`, so no network error is reported."),
                    format!("Add the group to `Report-To`, or point `report_to` at a group it defines: {}.", group("https://reports.example.com/nel")),
                ));
            }
            let kept: Vec<&&Group> = named.iter().filter(|g| g.dropped_because().is_none()).collect();
            if kept.is_empty() {
                let why = named[0].dropped_because().unwrap_or_default();
                return Some((
                    Severity::Warning,
                    format!("`report_to` names the `Report-To` group `{name}`, but Chromium drops that group ({why}; see `invalid-report-to`), so no network error is reported."),
                    format!("Fix the group: {}.", group("https://reports.example.com/nel")),
                ));
            }
            let covers_subdomains = policy.get("include_subdomains") == Some(&Value::Bool(true));
            if covers_subdomains && !kept.iter().any(|g| g.include_subdomains) {
                return Some((
                    Severity::Info,
                    format!("The `{FIELD}` policy covers subdomains (`include_subdomains`), but its `Report-To` group `{name}` does not: reports about subdomains (such as DNS failures) are not delivered unless each subdomain defines its own `{name}` group."),
                    format!("Add `\"include_subdomains\":true` to the `{name}` group of `Report-To` as well."),
                ));
            }
            None
        }
    }
}

/// The URL to suggest for a `Report-To` group `name` when the response's `Reporting-Endpoints`
/// defines that name (its URL when Chromium would keep it, an example otherwise); `None` when
/// it does not.
fn reporting_endpoint(c: &Checker<'_>, name: &str) -> Option<String> {
    let Endpoints::Members(members) = endpoints(c)? else { return None };
    members.iter().rev().find(|(n, _)| *n == name).map(|(_, m)| match &m.value {
        SfValue::String(u) if url_problem(u).is_none() => u.to_string(),
        _ => "https://reports.example.com/nel".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(value: &str) -> Vec<String> {
        policy_problems(&read_policy(value).unwrap_or_else(|(m, _)| panic!("{value}: {m}"))).into_iter().map(|(_, m, _)| m).collect()
    }

    /// The suggested `Report-To` is JSON that names the policy's group, whatever characters the
    /// name has.
    #[test]
    fn suggested_group_is_json_for_any_name() {
        for name in ["nel", "a\"b", "back\\slash", "caf\u{e9}"] {
            let policy = serde_json::json!({ "report_to": name, "max_age": 60 }).to_string();
            let raw = format!("HTTP/1.1 200 OK\r\nNEL: {policy}\r\nContent-Length: 0\r\n\r\n");
            let ex = crate::Exchange { request: None, response: crate::http1::parse_response(raw.as_bytes()).unwrap() };
            let findings = crate::lint(&ex, &crate::LintContext::default());
            let f = findings.iter().find(|f| f.code == "SEC039").unwrap_or_else(|| panic!("{name}: {findings:?}"));
            let fix = f.fix.as_deref().unwrap();
            let json = fix.split("`Report-To: ").nth(1).and_then(|s| s.split('`').next()).unwrap();
            assert!(json.is_ascii(), "{json}");
            let group: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(group["group"], name, "{json}");
        }
    }

    /// Cloudflare's policy, and the usual forms.
    #[test]
    fn valid_policies() {
        for ok in [
            r#"{"success_fraction":0,"report_to":"cf-nel","max_age":604800}"#,
            r#"{"report_to":"cf-nel","success_fraction":0.0,"max_age":604800}"#,
            r#"{"report_to":"default","max_age":31536000,"include_subdomains":true,"failure_fraction":1}"#,
            r#"{ "report_to": "nel", "max_age": 2592000, "success_fraction": 0.01, "failure_fraction": 0.5 }"#,
            // A removal needs no `report_to`, and nothing else is read.
            r#"{"max_age":0}"#,
            r#"{"max_age":0,"success_fraction":7}"#,
        ] {
            assert_eq!(problems(ok), Vec::<String>::new(), "{ok}");
        }
        assert_eq!(group_of(&read_policy(r#"{"report_to":"cf-nel","max_age":604800}"#).unwrap()), Some("cf-nel"));
        assert_eq!(group_of(&read_policy(r#"{"max_age":0}"#).unwrap()), None);
        assert_eq!(group_of(&read_policy(r#"{"report_to":"a","max_age":"1"}"#).unwrap()), None);
    }

    #[test]
    fn member_problems() {
        assert!(problems(r#"{"report_to":"default"}"#)[0].contains("no `max_age`"));
        for bad in [r#""604800""#, "604800.0", "-1", "2147483648"] {
            let p = problems(&format!(r#"{{"report_to":"nel","max_age":{bad}}}"#));
            assert!(p.len() == 1 && p[0].contains("not a non-negative integer"), "{bad}: {p:?}");
        }
        assert!(problems(r#"{"max_age":1}"#)[0].contains("no `report_to`"));
        assert!(problems(r#"{"max_age":1,"report_to":["nel"]}"#)[0].contains("a list, not a string"));
        let p = problems(r#"{"max_age":1,"report_to":"nel","success_fraction":5,"failure_fraction":-1}"#);
        assert!(p[0].contains("every successful request"), "{p:?}");
        assert!(p[1].contains("no failed request"), "{p:?}");
        let p = problems(r#"{"max_age":1,"report_to":"nel","failure_fraction":"0.5"}"#);
        assert!(p.len() == 1 && p[0].contains("the default, 1.0"), "{p:?}");
        let p = problems(r#"{"max_age":1,"report_to":"nel","include_subdomains":"true"}"#);
        assert!(p.len() == 1 && p[0].contains("not a boolean"), "{p:?}");
    }

    #[test]
    fn unreadable_fields() {
        let message = |v: &str| read_policy(v).err().map(|(m, _)| m).unwrap_or_default();
        assert!(message(r#"{report_to:"nel",max_age:1}"#).contains("is not JSON"));
        assert!(message(r#"[{"report_to":"nel","max_age":1}]"#).contains("a JSON list"));
        assert!(message(r#""nel""#).contains("a string, not a JSON object"));
        assert!(message(r#"{"report_to":"a","max_age":1}, {"report_to":"b","max_age":1}"#).contains("holds 2 JSON values"));
        assert!(message("").contains("is not JSON"));
        assert!(message(&format!(r#"{{"report_to":"{}","max_age":1}}"#, "a".repeat(MAX_JSON_SIZE))).contains("16 KiB"));
    }
}
