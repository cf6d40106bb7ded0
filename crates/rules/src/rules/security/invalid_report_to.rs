use serde_json::Value;

use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::rules::headers::syntax::{at, json_string, quote};
use crate::spec::StaticSpec;

use super::reporting::{is_key, url_problem, UrlProblem, ENDPOINTS_SPEC};

pub(crate) const FIELD: &str = "Report-To";

/// The field's definition: the Reporting API's first version, since replaced by
/// `Reporting-Endpoints` (cited by `invalid-nel-policy` too).
pub(crate) const REPORT_TO_SPEC: StaticSpec = StaticSpec::Other(
    "Reporting API (W3C Working Draft, 25 September 2018): The Report-To HTTP Response Header Field",
    "https://www.w3.org/TR/2018/WD-reporting-1-20180925/#header",
);

/// Chromium ignores a `Report-To` or `NEL` value longer than this (`kMaxJsonSize` in
/// `net/reporting/reporting_service.cc` and `network_error_logging_service.cc`).
pub(crate) const MAX_JSON_SIZE: usize = 16 * 1024;

declare_rule! {
    /// ## What it checks
    /// The legacy `Report-To` field, from the Reporting API's first version (W3C Working Draft
    /// of 2018), which Chromium still reads. Its value is one or more JSON objects separated by
    /// commas, each an endpoint group:
    /// `{"group": "csp", "max_age": 86400, "endpoints": [{"url": "https://…"}], "include_subdomains": true}`
    /// (`group` is optional and defaults to `default`; `max_age` and `endpoints` are required;
    /// each endpoint needs a `url` and may have a non-negative integer `priority` and `weight`).
    /// Reported as `warning`, following Chromium's reading (`ReportingService::ProcessReportToHeader`,
    /// `net/reporting/reporting_header_parser.cc`):
    /// - a value that is not JSON objects separated by commas (the lines are joined with `, `,
    ///   wrapped in `[` `]` and parsed as JSON), or longer than 16 KiB: the whole field is
    ///   ignored;
    /// - a group that is not an object, whose `group` is not a string, whose `max_age` is
    ///   missing or not a non-negative integer (up to 2147483647; `86400.0` and `"86400"` do not
    ///   count), or whose `endpoints` is missing, not a list or empty: the group is dropped;
    /// - an endpoint that is not an object, has no `url` string, has a URL that is not `https`
    ///   (or `wss`) nor a path with exactly one leading `/`, or has a `priority` or `weight` that
    ///   is not a non-negative integer: the endpoint is dropped, and a group left without
    ///   endpoints is dropped with it;
    /// - an `include_subdomains` that is not a boolean: ignored, so the group does not cover
    ///   subdomains.
    ///
    /// A `max_age` of `0` removes the group on purpose and is not reported. At `info`: a
    /// `Report-To` on a response with neither `Reporting-Endpoints` nor `NEL` — the field is
    /// deprecated, and what it still does that `Reporting-Endpoints` cannot is deliver Network
    /// Error Logging reports (Chromium also falls back to its groups for a CSP `report-to` name
    /// no `Reporting-Endpoints` defines). Silent when the request is known to have gone over
    /// plain `http`: Chromium reads `Report-To` only from HTTPS responses without certificate
    /// errors. These Chromium behaviours are read from its source (`reporting_header_parser.cc`),
    /// not tested here: the harness serves plain `http`.
    ///
    /// ## Why it matters
    /// Reports (CSP violations, Network Error Logging …) are sent only to groups and endpoints
    /// the browser kept, and nothing tells you one was dropped: the reports silently never
    /// arrive. Worse, a `Report-To` that parses replaces every group the origin set before
    /// (Chromium keeps only the groups of the latest field), so a broken group also removes the
    /// working one it was meant to update.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Report-To: {"group":"csp","endpoints":[{"url":"http://reports.example.com/csp"}]}
    /// Content-Security-Policy: default-src 'self'; report-to csp
    /// ```
    /// (no `max_age`, and an endpoint that is not `https`).
    ///
    /// ## Fix
    /// Give each group a `max_age` in seconds and `https` endpoints:
    /// `Report-To: {"group":"csp","max_age":86400,"endpoints":[{"url":"https://reports.example.com/csp"}]}`.
    /// For document reports (CSP, COOP, COEP, deprecations) prefer the current
    /// `Reporting-Endpoints: csp="https://reports.example.com/csp"`, and keep `Report-To` for
    /// `NEL`.
    pub static INVALID_REPORT_TO = {
        code: "SEC040",
        name: "invalid-report-to",
        category: Security,
        severity: Warning,
        summary: "Report-To must be JSON endpoint groups with a max_age and https endpoints, or Chromium drops them",
        specs: [
            REPORT_TO_SPEC,
            StaticSpec::Other("Reporting API (2018): Process reporting endpoints for response", "https://www.w3.org/TR/2018/WD-reporting-1-20180925/#process-header"),
            ENDPOINTS_SPEC,
            StaticSpec::Other("Chromium: net/reporting/reporting_header_parser.cc", "https://source.chromium.org/chromium/chromium/src/+/main:net/reporting/reporting_header_parser.cc"),
            StaticSpec::Other("Chromium: net/reporting/reporting_service.cc", "https://source.chromium.org/chromium/chromium/src/+/main:net/reporting/reporting_service.cc"),
        ],
        requires: &[FIELD],
        check: check,
    }
}

/// A `Report-To` field as Chromium reads it.
#[derive(Debug)]
pub(crate) enum ReportTo {
    /// Longer than [`MAX_JSON_SIZE`], its lines joined: ignored whole.
    TooLarge { index: usize, len: usize },
    /// Not JSON objects separated by commas: ignored whole. `index` is the line at fault (the
    /// first line when the lines only fail together).
    NotJson { index: usize, error: String },
    /// The list's members, in order.
    Groups(Vec<Group>),
}

/// One member of the field: an endpoint group, or what is wrong with it.
#[derive(Debug)]
pub(crate) struct Group {
    /// The line it is on.
    pub index: usize,
    /// Its `group`, or `default` when that is absent; `None` when the member is not an object
    /// or its `group` is not a string.
    pub name: Option<String>,
    /// Its `max_age` when valid (`0` removes the group).
    pub max_age: Option<i64>,
    pub include_subdomains: bool,
    /// The URLs of the endpoints Chromium keeps.
    pub urls: Vec<String>,
    pub problems: Vec<Problem>,
}

/// What Chromium objects to in a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Problem {
    /// The member is not an object (its kind, from [`kind`]).
    NotObject(&'static str),
    GroupNotString(&'static str),
    MaxAgeMissing,
    /// The value's JSON text ([`shown`]).
    MaxAgeInvalid(String),
    IncludeSubdomainsNotBool(String),
    EndpointsMissing,
    EndpointsNotList(&'static str),
    EndpointsEmpty,
    /// The endpoint at this position (from 0) is dropped.
    Endpoint(usize, EndpointProblem),
}

/// Why Chromium drops an endpoint (`ProcessEndpoint`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EndpointProblem {
    NotObject(&'static str),
    NoUrl,
    UrlNotString(&'static str),
    Url(UrlProblem, String),
    Priority(String),
    Weight(String),
}

impl Group {
    /// A `max_age` of 0: the group is removed, on purpose.
    pub fn removed(&self) -> bool {
        self.max_age == Some(0)
    }

    /// Why Chromium does not keep the group, as a clause ("it has no `max_age`"); `None` when
    /// it keeps it. In Chromium's order of checks (`ProcessEndpointGroup`).
    pub fn dropped_because(&self) -> Option<String> {
        for p in &self.problems {
            let why = match p {
                Problem::NotObject(kind) => format!("it is {kind}, not a JSON object"),
                Problem::GroupNotString(kind) => format!("its `group` is {kind}, not a string"),
                Problem::MaxAgeMissing => "it has no `max_age`".to_string(),
                Problem::MaxAgeInvalid(v) => format!("its `max_age` `{v}` is not a non-negative integer"),
                Problem::EndpointsMissing => "it has no `endpoints`".to_string(),
                Problem::EndpointsNotList(kind) => format!("its `endpoints` is {kind}, not a list"),
                Problem::EndpointsEmpty => "its `endpoints` list is empty".to_string(),
                Problem::IncludeSubdomainsNotBool(_) | Problem::Endpoint(..) => continue,
            };
            return Some(why);
        }
        if self.removed() {
            return Some("its `max_age` of 0 removes it".to_string());
        }
        self.urls.is_empty().then(|| "none of its endpoints is usable".to_string())
    }

    /// Reads one member of the list as `ProcessEndpointGroup` does, noting every problem
    /// rather than stopping at the first.
    fn read(v: &Value, index: usize) -> Group {
        let mut g = Group { index, name: None, max_age: None, include_subdomains: false, urls: Vec::new(), problems: Vec::new() };
        let Some(obj) = v.as_object() else {
            g.problems.push(Problem::NotObject(kind(v)));
            return g;
        };
        match obj.get("group") {
            None => g.name = Some("default".to_string()),
            Some(Value::String(s)) => g.name = Some(s.clone()),
            Some(other) => g.problems.push(Problem::GroupNotString(kind(other))),
        }
        match obj.get("max_age") {
            None => g.problems.push(Problem::MaxAgeMissing),
            Some(m) => match non_negative_int(m) {
                Some(n) => g.max_age = Some(n),
                None => g.problems.push(Problem::MaxAgeInvalid(shown(m))),
            },
        }
        // A removal: Chromium reads nothing more.
        if g.removed() {
            return g;
        }
        match obj.get("include_subdomains") {
            None => {}
            Some(Value::Bool(b)) => g.include_subdomains = *b,
            Some(other) => g.problems.push(Problem::IncludeSubdomainsNotBool(shown(other))),
        }
        match obj.get("endpoints") {
            None => g.problems.push(Problem::EndpointsMissing),
            Some(Value::Array(list)) if list.is_empty() => g.problems.push(Problem::EndpointsEmpty),
            Some(Value::Array(list)) => {
                for (i, e) in list.iter().enumerate() {
                    match read_endpoint(e) {
                        Ok(url) => g.urls.push(url.to_string()),
                        Err(p) => g.problems.push(Problem::Endpoint(i, p)),
                    }
                }
            }
            Some(other) => g.problems.push(Problem::EndpointsNotList(kind(other))),
        }
        g
    }
}

/// An endpoint's URL when Chromium keeps it (`ProcessEndpoint`: `url`, then `priority`, then
/// `weight`).
fn read_endpoint(v: &Value) -> Result<&str, EndpointProblem> {
    let Some(obj) = v.as_object() else { return Err(EndpointProblem::NotObject(kind(v))) };
    let url = match obj.get("url") {
        None => return Err(EndpointProblem::NoUrl),
        Some(Value::String(u)) => u.as_str(),
        Some(other) => return Err(EndpointProblem::UrlNotString(kind(other))),
    };
    if let Some(p) = url_problem(url) {
        return Err(EndpointProblem::Url(p, url.to_string()));
    }
    if let Some(p) = obj.get("priority").filter(|p| non_negative_int(p).is_none()) {
        return Err(EndpointProblem::Priority(shown(p)));
    }
    if let Some(w) = obj.get("weight").filter(|w| non_negative_int(w).is_none()) {
        return Err(EndpointProblem::Weight(shown(w)));
    }
    Ok(url)
}

/// A JSON number Chromium reads as an `int` and accepts (`FindInt`, then `>= 0`): an integer
/// literal from 0 to 2^31 − 1. Chromium's JSON reader makes `86400.0`, `1e5` and larger
/// integers doubles, which `FindInt` does not return.
pub(crate) fn non_negative_int(v: &Value) -> Option<i64> {
    v.as_i64().filter(|n| (0..=i64::from(i32::MAX)).contains(n))
}

/// "a string", "a number" …, for messages.
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "`null`",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A value's JSON text, cut to 60 characters, for messages.
pub(crate) fn shown(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() <= 60 {
        s
    } else {
        format!("{}…", s.chars().take(57).collect::<String>())
    }
}

/// serde_json's error without its "line 1 column N" (the column of the parsed text, in which
/// `offset` characters were added before the field's value), placed in the value instead.
pub(crate) fn json_error(e: &serde_json::Error, offset: usize) -> String {
    let message = e.to_string();
    let what = message.split(" at line ").next().unwrap_or(&message);
    match e.column().checked_sub(offset) {
        Some(col) if col > 0 => format!("{what} at character {col}"),
        _ => what.to_string(),
    }
}

/// `value` read as the members of a JSON list, as Chromium reads the field (`"[" + value + "]"`).
fn json_list(value: &str) -> Result<Vec<Value>, String> {
    serde_json::from_str::<Vec<Value>>(&format!("[{value}]")).map_err(|e| json_error(&e, 1))
}

/// A `Report-To` field's lines (index, value) as Chromium reads them: joined with `, ` (as
/// `GetNormalizedHeader` joins them), wrapped in `[` `]` and parsed as JSON. `None` without
/// lines.
pub(crate) fn parse_lines(lines: &[(usize, &str)]) -> Option<ReportTo> {
    let &(first, _) = lines.first()?;
    let joined = lines.iter().map(|&(_, v)| v).collect::<Vec<_>>().join(", ");
    if joined.len() > MAX_JSON_SIZE {
        return Some(ReportTo::TooLarge { index: first, len: joined.len() });
    }
    let members = match json_list(&joined) {
        Ok(members) => members,
        Err(error) => {
            // The line at fault: the first that does not parse on its own, or is empty (joined
            // to the others, it leaves a dangling comma).
            let alone = lines.iter().find_map(|&(i, v)| {
                if lines.len() > 1 && v.trim().is_empty() {
                    return Some((i, "an empty line, which leaves a dangling comma".to_string()));
                }
                json_list(v).err().map(|e| (i, e))
            });
            let (index, error) = alone.unwrap_or((first, error));
            return Some(ReportTo::NotJson { index, error });
        }
    };
    // Each member's line, counted line by line when every line parses on its own.
    let counts: Option<Vec<usize>> = if lines.len() == 1 {
        Some(vec![members.len()])
    } else {
        lines.iter().map(|&(_, v)| json_list(v).ok().map(|l| l.len())).collect()
    };
    let mut at_line = Vec::with_capacity(members.len());
    match counts {
        Some(counts) if counts.iter().sum::<usize>() == members.len() => {
            for (&(i, _), n) in lines.iter().zip(counts) {
                at_line.extend(std::iter::repeat_n(i, n));
            }
        }
        _ => at_line.resize(members.len(), first),
    }
    Some(ReportTo::Groups(members.iter().zip(at_line).map(|(v, i)| Group::read(v, i)).collect()))
}

/// The response's `Report-To`, as Chromium reads it; `None` when it has none.
pub(crate) fn report_to<'a>(c: &Checker<'a>) -> Option<&'a ReportTo> {
    // Parsed once per lint: this rule, `invalid-nel-policy` and `csp-report-to-undefined-endpoint`
    // all read it.
    c.memo()
        .report_to
        .get_or_init(|| {
            let lines: Vec<(usize, &str)> = c.header_lines(FIELD).collect();
            parse_lines(&lines)
        })
        .as_ref()
}

fn check(c: &mut Checker<'_>) {
    let Some((first, _)) = super::present(c, FIELD) else { return };
    // Chromium reads `Report-To` only from HTTPS responses without certificate errors.
    if super::request_transport(c).is_some_and(|(scheme, _)| scheme == "http") {
        return;
    }
    let Some(parsed) = report_to(c) else { return };
    let mut findings: Vec<(Severity, usize, String, String)> = Vec::new();
    match parsed {
        ReportTo::TooLarge { index, len } => findings.push((
            Severity::Warning,
            *index,
            format!("`{FIELD}` is {len} bytes long (its lines joined): Chromium ignores a value over 16 KiB (16384 bytes), so none of its groups is defined."),
            "Define fewer or shorter groups; for document reports, use `Reporting-Endpoints` instead.".to_string(),
        )),
        ReportTo::NotJson { index, error } => findings.push((
            Severity::Warning,
            *index,
            format!("This `{FIELD}` line is not JSON objects separated by commas ({error}): browsers ignore the whole field, so none of its groups is defined."),
            format!("Write each group as a JSON object with double-quoted names and strings, groups separated by commas: `{FIELD}: {}`.", example("csp")),
        )),
        ReportTo::Groups(groups) if groups.is_empty() => findings.push((
            Severity::Warning,
            first,
            format!("`{FIELD}` defines no endpoint group: Chromium removes the groups this origin set before, and reports have nowhere to go."),
            format!("Define the groups the reports go to: `{FIELD}: {}`.", example("csp")),
        )),
        ReportTo::Groups(groups) => {
            findings.extend(group_findings(groups).into_iter().map(|(i, m, f)| (Severity::Warning, i, m, f)));
        }
    }
    // Deprecated, and not needed for `NEL` here.
    if !c.has_header(super::reporting::FIELD) && !c.has_header("NEL") {
        let groups: &[Group] = match parsed {
            ReportTo::Groups(groups) => groups,
            _ => &[],
        };
        findings.push((
            Severity::Info,
            first,
            format!("`{FIELD}` is deprecated: the current Reporting API defines endpoints with `{}` instead. Chromium still reads `{FIELD}` — for Network Error Logging (`NEL`), which this response does not use, and for a CSP `report-to` name no `{}` defines — but browsers that implement only the current API do not.", super::reporting::FIELD, super::reporting::FIELD),
            format!("Define the endpoints with `{}: {}` and point the policies' `report-to` at those names.", super::reporting::FIELD, endpoints_equivalent(groups)),
        ));
    }
    for (severity, index, message, fix) in findings {
        c.report_with(severity, at(FIELD, index), message, fix);
    }
}

/// A group written as `Report-To` wants it. The name is a JSON string; it names the example
/// endpoint's path too when it needs no percent-encoding there.
fn example(name: &str) -> String {
    let path = if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)) { name } else { "reports" };
    format!("{{\"group\":{},\"max_age\":86400,\"endpoints\":[{{\"url\":\"https://reports.example.com/{path}\"}}]}}", json_string(name))
}

/// "the `Report-To` group `csp`", or "group 2 of `Report-To`" when it has no usable name.
fn group_ref(g: &Group, position: usize) -> String {
    match &g.name {
        Some(n) => format!("the `{FIELD}` group `{n}`"),
        None => format!("group {} of `{FIELD}`", position + 1),
    }
}

/// `s` with its first letter in upper case.
fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// (line, message, fix) for each problem of each group.
fn group_findings(groups: &[Group]) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (position, g) in groups.iter().enumerate() {
        let this = group_ref(g, position);
        let label = capitalized(&this);
        let name = g.name.as_deref().unwrap_or("reports");
        let dropped = "Chromium drops the group, so no report is sent to it";
        for p in &g.problems {
            let (message, fix) = match p {
                Problem::NotObject(kind) => (
                    format!("{label} is {kind}, not a JSON object: browsers ignore it."),
                    if *kind == "a list" {
                        format!("Write the groups without surrounding `[` `]`: `{FIELD}: {}`.", example("csp"))
                    } else {
                        format!("Write the group as a JSON object: `{FIELD}: {}`.", example("csp"))
                    },
                ),
                Problem::GroupNotString(kind) => (
                    format!("{label} has a `group` that is {kind}, not a string: {dropped}."),
                    "Name the group with a string, `\"group\":\"csp\"`, or leave `group` out to name it `default`.".to_string(),
                ),
                Problem::MaxAgeMissing => (
                    format!("{label} has no `max_age`: {dropped} (`max_age` is required)."),
                    format!("Add the group's lifetime in seconds: `{}`.", example(name)),
                ),
                Problem::MaxAgeInvalid(v) => (
                    format!("{label} has `\"max_age\":{v}`, not a non-negative integer number of seconds (Chromium reads whole numbers up to 2147483647): {dropped}."),
                    "Give `max_age` as a whole number of seconds, unquoted: `\"max_age\":86400`.".to_string(),
                ),
                Problem::IncludeSubdomainsNotBool(v) => (
                    format!("{label} has `\"include_subdomains\":{v}`, not a boolean: it is ignored, so the group does not cover subdomains."),
                    "Write `\"include_subdomains\":true`, unquoted (or leave it out).".to_string(),
                ),
                Problem::EndpointsMissing => (
                    format!("{label} has no `endpoints`: {dropped}."),
                    format!("List the group's endpoints: `{}`.", example(name)),
                ),
                Problem::EndpointsNotList(kind) => (
                    format!("{label} has `endpoints` that is {kind}, not a list: {dropped}."),
                    format!("Make `endpoints` a list of objects with a `url`: `{}`.", example(name)),
                ),
                Problem::EndpointsEmpty => (
                    format!("{label} has an empty `endpoints` list: {dropped}."),
                    format!("List at least one endpoint: `{}`.", example(name)),
                ),
                Problem::Endpoint(i, ep) => {
                    let why = match ep {
                        EndpointProblem::NotObject(kind) => format!("is {kind}, not an object such as `{{\"url\":\"https://…\"}}`"),
                        EndpointProblem::NoUrl => "has no `url`".to_string(),
                        EndpointProblem::UrlNotString(kind) => format!("has a `url` that is {kind}, not a string"),
                        EndpointProblem::Url(UrlProblem::Empty, _) => "has an empty `url`".to_string(),
                        EndpointProblem::Url(UrlProblem::NotSecure, u) => format!(
                            "has the URL `{u}`, which is not `https`: Chromium keeps only `https` (or `wss`) endpoints, and the Reporting API requires a potentially trustworthy URL"
                        ),
                        EndpointProblem::Url(UrlProblem::NotAbsolute, u) => {
                            format!("has the URL `{u}`, which is neither an absolute URL nor a path starting with one `/`")
                        }
                        EndpointProblem::Url(UrlProblem::Invalid, u) => format!("has the URL `{u}`, which is not a valid URL (no host)"),
                        EndpointProblem::Priority(v) => format!("has `\"priority\":{v}`, not a non-negative integer"),
                        EndpointProblem::Weight(v) => format!("has `\"weight\":{v}`, not a non-negative integer"),
                    };
                    let effect = match g.urls.len() {
                        0 => "Chromium drops it, and with no endpoint left the group is dropped too, so no report is sent to it".to_string(),
                        1 => "Chromium drops it (the group keeps its other endpoint)".to_string(),
                        n => format!("Chromium drops it (the group keeps its {n} other endpoints)"),
                    };
                    (
                        format!("Endpoint {} of {this} {why}: {effect}.", i + 1),
                        format!(
                            "Give each endpoint an `https` `url` (or a same-origin path such as `\"/reports/{name}\"`), and whole-number `priority` and `weight` if any: `{{\"url\":\"https://reports.example.com/{name}\"}}`."
                        ),
                    )
                }
            };
            out.push((g.index, message, fix));
        }
    }
    out
}

/// The `Reporting-Endpoints` value that defines the groups Chromium keeps (those whose name can
/// be a Dictionary key), each with its first endpoint; a generic example when there is none.
fn endpoints_equivalent(groups: &[Group]) -> String {
    let members: Vec<String> = groups
        .iter()
        .filter(|g| g.dropped_because().is_none())
        .filter_map(|g| {
            let name = g.name.as_deref().filter(|n| is_key(n))?;
            Some(format!("{name}={}", quote(g.urls.first()?)))
        })
        .collect();
    if members.is_empty() {
        "csp=\"https://reports.example.com/csp\"".to_string()
    } else {
        members.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(value: &str) -> Vec<Group> {
        match parse_lines(&[(0, value)]) {
            Some(ReportTo::Groups(g)) => g,
            other => panic!("{value}: {other:?}"),
        }
    }

    /// Cloudflare's field (escaped slashes and all) is kept whole.
    #[test]
    fn cloudflare_group_is_kept() {
        let g = groups(r#"{"endpoints":[{"url":"https:\/\/a.nel.cloudflare.com\/report\/v4?s=abc%2Bdef"}],"group":"cf-nel","max_age":604800}"#);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].name.as_deref(), Some("cf-nel"));
        assert_eq!(g[0].max_age, Some(604_800));
        assert_eq!(g[0].urls, ["https://a.nel.cloudflare.com/report/v4?s=abc%2Bdef"]);
        assert!(g[0].problems.is_empty());
        assert_eq!(g[0].dropped_because(), None);
    }

    #[test]
    fn several_groups_default_name_and_lines() {
        let g = groups(r#"{"max_age":1,"endpoints":[{"url":"/r"}]}, {"group":"b","max_age":2,"endpoints":[{"url":"https://r.example/b","priority":1,"weight":0}],"include_subdomains":true}"#);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].name.as_deref(), Some("default"));
        assert!(g[1].include_subdomains);
        assert!(g.iter().all(|g| g.dropped_because().is_none()));
        // Two lines: each group keeps its own line.
        let Some(ReportTo::Groups(g)) = parse_lines(&[(3, r#"{"group":"a","max_age":1,"endpoints":[{"url":"https://r.example/a"}]}"#), (7, r#"{"group":"b","max_age":1,"endpoints":[{"url":"https://r.example/b"}]}"#)]) else {
            panic!()
        };
        assert_eq!(g.iter().map(|g| g.index).collect::<Vec<_>>(), [3, 7]);
    }

    #[test]
    fn structure_problems() {
        let g = groups(r#"{"group":"csp","endpoints":[{"url":"https://r.example/csp"}]}"#);
        assert_eq!(g[0].problems, [Problem::MaxAgeMissing]);
        assert_eq!(g[0].dropped_because().as_deref(), Some("it has no `max_age`"));
        for bad in [r#""86400""#, "86400.0", "-1", "1e5", "2147483648"] {
            let g = groups(&format!(r#"{{"max_age":{bad},"endpoints":[{{"url":"https://r.example/"}}]}}"#));
            assert!(matches!(g[0].problems.as_slice(), [Problem::MaxAgeInvalid(_)]), "{bad}");
        }
        assert_eq!(groups(r#"{"group":7,"max_age":1,"endpoints":[{"url":"https://r.example/"}]}"#)[0].problems, [Problem::GroupNotString("a number")]);
        assert_eq!(groups(r#"{"max_age":1}"#)[0].problems, [Problem::EndpointsMissing]);
        assert_eq!(groups(r#"{"max_age":1,"endpoints":[]}"#)[0].problems, [Problem::EndpointsEmpty]);
        assert_eq!(groups(r#"{"max_age":1,"endpoints":{"url":"https://r.example/"}}"#)[0].problems, [Problem::EndpointsNotList("an object")]);
        assert_eq!(groups(r#"[{"max_age":1,"endpoints":[{"url":"https://r.example/"}]}]"#)[0].problems, [Problem::NotObject("a list")]);
        let g = groups(r#"{"max_age":1,"include_subdomains":"true","endpoints":[{"url":"https://r.example/"}]}"#);
        assert_eq!(g[0].problems, [Problem::IncludeSubdomainsNotBool("\"true\"".into())]);
        assert!(!g[0].include_subdomains && g[0].dropped_because().is_none());
    }

    #[test]
    fn removal_is_not_a_problem() {
        let g = groups(r#"{"group":"old","max_age":0}"#);
        assert!(g[0].problems.is_empty() && g[0].removed());
        assert_eq!(g[0].dropped_because().as_deref(), Some("its `max_age` of 0 removes it"));
    }

    #[test]
    fn endpoint_problems() {
        let g = groups(r#"{"max_age":1,"endpoints":[{"url":"http://r.example/"},{"uri":"https://r.example/"},{"url":5},"https://r.example/",{"url":"https://r.example/","priority":-1},{"url":"https://r.example/","weight":"1"},{"url":"reports"}]}"#);
        assert_eq!(
            g[0].problems,
            [
                Problem::Endpoint(0, EndpointProblem::Url(UrlProblem::NotSecure, "http://r.example/".into())),
                Problem::Endpoint(1, EndpointProblem::NoUrl),
                Problem::Endpoint(2, EndpointProblem::UrlNotString("a number")),
                Problem::Endpoint(3, EndpointProblem::NotObject("a string")),
                Problem::Endpoint(4, EndpointProblem::Priority("-1".into())),
                Problem::Endpoint(5, EndpointProblem::Weight("\"1\"".into())),
                Problem::Endpoint(6, EndpointProblem::Url(UrlProblem::NotAbsolute, "reports".into())),
            ]
        );
        assert_eq!(g[0].dropped_because().as_deref(), Some("none of its endpoints is usable"));
        let findings = group_findings(&g);
        assert_eq!(findings.len(), 7);
        assert!(findings[0].1.contains("with no endpoint left the group is dropped too"), "{}", findings[0].1);
    }

    #[test]
    fn not_json() {
        for bad in [r#"{group:"csp"}"#, r#"{"group":"csp",}"#, r#"{"group":"csp"},"#, "'csp'"] {
            assert!(matches!(parse_lines(&[(0, bad)]), Some(ReportTo::NotJson { index: 0, .. })), "{bad}");
        }
        // The second line is at fault.
        let ok = r#"{"max_age":1,"endpoints":[{"url":"https://r.example/"}]}"#;
        assert!(matches!(parse_lines(&[(1, ok), (4, "{nope")]), Some(ReportTo::NotJson { index: 4, .. })));
        assert!(matches!(parse_lines(&[(1, ok), (4, "")]), Some(ReportTo::NotJson { index: 4, .. })));
        let big = format!(r#"{{"max_age":1,"endpoints":[{{"url":"https://r.example/{}"}}]}}"#, "a".repeat(MAX_JSON_SIZE));
        assert!(matches!(parse_lines(&[(0, big.as_str())]), Some(ReportTo::TooLarge { .. })));
        assert!(matches!(parse_lines(&[(0, " ")]), Some(ReportTo::Groups(g)) if g.is_empty()));
    }

    #[test]
    fn error_positions_are_in_the_value() {
        let Some(ReportTo::NotJson { error, .. }) = parse_lines(&[(0, "{x}")]) else { panic!() };
        assert!(error.contains("at character"), "{error}");
    }

    #[test]
    fn examples_are_json_for_any_name() {
        for (name, path) in [("csp", "csp"), ("a\"b", "reports"), ("back\\slash", "reports"), ("caf\u{e9}", "reports"), ("", "reports")] {
            let json = example(name);
            assert!(json.is_ascii(), "{json}");
            let v: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
            assert_eq!(v["group"], name);
            assert_eq!(v["endpoints"][0]["url"], format!("https://reports.example.com/{path}"));
        }
    }

    #[test]
    fn reporting_endpoints_equivalent() {
        let g = groups(r#"{"group":"csp","max_age":1,"endpoints":[{"url":"https://r.example/csp"}]}, {"group":"Bad Name","max_age":1,"endpoints":[{"url":"https://r.example/x"}]}, {"group":"old","max_age":0}"#);
        assert_eq!(endpoints_equivalent(&g), "csp=\"https://r.example/csp\"");
        assert_eq!(endpoints_equivalent(&[]), "csp=\"https://reports.example.com/csp\"");
    }
}
