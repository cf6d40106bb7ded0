//! `Reporting-Endpoints` (W3C Reporting API §3.2) as Chromium reads it, shared by
//! `invalid-reporting-endpoints` and `csp-report-to-undefined-endpoint`.
//!
//! The field is a Structured Field Dictionary of endpoint names to URL Strings. Where Chromium
//! is stricter than the specification, the stricter reading is the one a browser user meets,
//! so it is the one used here (`net/reporting/reporting_header_parser.cc`):
//! - a member that is not a String (a Token, an Inner List …) makes Chromium drop the *whole*
//!   field, where the specification skips only that member;
//! - an endpoint URL must be an absolute `https` (or `wss`) URL, or a path starting with exactly
//!   one `/` (resolved against the response's origin); the specification resolves any relative
//!   reference and accepts any potentially trustworthy URL (`http://localhost` too).

use crate::registry::Checker;
use crate::rules::redirects::url::scheme_str;
use crate::rules::structured::{dictionary_lines, Member, Value};
use crate::spec::StaticSpec;

use super::invalid_report_to::ReportTo;

pub(crate) const FIELD: &str = "Reporting-Endpoints";

/// The field's definition, cited by both rules.
pub(crate) const ENDPOINTS_SPEC: StaticSpec =
    StaticSpec::Other("Reporting API §3.2: The Reporting-Endpoints HTTP Response Header Field", "https://w3c.github.io/reporting/#header");

/// Why Chromium drops one endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlProblem {
    Empty,
    /// An absolute URL whose scheme is not `https` or `wss`.
    NotSecure,
    /// Neither an absolute URL nor a path with one leading `/`.
    NotAbsolute,
    /// An `https`/`wss` URL without a usable host (`https://`, `https://a b`).
    Invalid,
}

/// What Chromium makes of an endpoint's URL String (`ProcessEndpointURLString`): `None` when
/// it keeps the endpoint.
pub(crate) fn url_problem(url: &str) -> Option<UrlProblem> {
    if url.is_empty() {
        return Some(UrlProblem::Empty);
    }
    // Exactly one leading `/`, tested on the string as written: a same-origin path.
    if url.starts_with('/') {
        return (url.as_bytes().get(1) == Some(&b'/')).then_some(UrlProblem::NotAbsolute);
    }
    // Anything else is parsed as an absolute URL, which strips leading and trailing C0
    // controls and spaces first (so ` /reports` is no path, and fails).
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    if trimmed.is_empty() {
        return Some(UrlProblem::Empty);
    }
    match scheme_str(trimmed) {
        Some(s) if s.eq_ignore_ascii_case("https") || s.eq_ignore_ascii_case("wss") => {
            // The URL parser is lenient about the slashes after a special scheme (`https:/x`
            // and `https:///x` are `https://x/`), not about the host: there must be one, and
            // no space in it.
            let rest = trimmed[s.len() + 1..].trim_start_matches(['/', '\\']);
            let host = &rest[..rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len())];
            let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
            (host.is_empty() || host.starts_with(':') || host.contains(' ')).then_some(UrlProblem::Invalid)
        }
        Some(_) => Some(UrlProblem::NotSecure),
        None => Some(UrlProblem::NotAbsolute),
    }
}

/// The field as a browser reads it.
pub(crate) enum Endpoints<'a> {
    /// Not a Dictionary: `sfv`'s error and the line it is in.
    Unparsable(sfv::Error, &'a str),
    /// A Dictionary, in member order (a repeated name keeps its last value).
    Members(Vec<(&'a str, Member<'a>)>),
}

impl Endpoints<'_> {
    /// The first member that is not a String: Chromium then ignores the whole field.
    pub fn first_non_string(&self) -> Option<(&str, &Value<'_>)> {
        match self {
            Endpoints::Unparsable(..) => None,
            Endpoints::Members(m) => m.iter().find(|(_, m)| !matches!(m.value, Value::String(_))).map(|(n, m)| (*n, &m.value)),
        }
    }

    /// What a browser makes of the endpoint called `name`.
    pub fn lookup(&self, name: &str) -> Lookup {
        let Endpoints::Members(members) = self else { return Lookup::FieldUnparsable };
        if self.first_non_string().is_some() {
            return Lookup::FieldDroppedByChromium;
        }
        match members.iter().find(|(n, _)| *n == name) {
            None => Lookup::Missing,
            Some((_, m)) => match &m.value {
                Value::String(u) if url_problem(u).is_none() => Lookup::Defined,
                _ => Lookup::Dropped,
            },
        }
    }
}

/// [`Endpoints::lookup`]'s answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lookup {
    Defined,
    /// Not a member.
    Missing,
    /// A member whose URL Chromium drops.
    Dropped,
    /// The field is not a Dictionary: every browser ignores it.
    FieldUnparsable,
    /// A member is not a String: Chromium ignores the whole field (the specification, and
    /// Safari, skip only that member).
    FieldDroppedByChromium,
}

/// Whether `name` can be a Dictionary key (RFC 9651 §3.1.2), as `sfv` validates keys.
pub(crate) fn is_key(name: &str) -> bool {
    sfv::KeyRef::from_str(name).is_ok()
}

/// The response's `Reporting-Endpoints`, or `None` when it has none (or hides it).
pub(crate) fn endpoints<'a>(c: &Checker<'a>) -> Option<Endpoints<'a>> {
    c.header_lines(FIELD).next()?;
    Some(match dictionary_lines(c.header_lines(FIELD).map(|(_, v)| v)) {
        Ok(members) => Endpoints::Members(members),
        Err((e, line)) => Endpoints::Unparsable(e, line),
    })
}

/// Where the response defines its reporting endpoints: the document's own `Reporting-Endpoints`
/// and the deprecated `Report-To` groups. A name either defines is taken as defined.
pub(crate) struct Definitions<'a> {
    pub endpoints: Option<Endpoints<'a>>,
    /// The names of the `Report-To` groups Chromium keeps (`invalid-report-to`'s reading);
    /// `Some(None)` when the field is ignored whole (not JSON, too long: that rule says so, and
    /// nothing is said here).
    pub groups: Option<Option<Vec<&'a str>>>,
}

impl<'a> Definitions<'a> {
    pub fn of(c: &Checker<'a>) -> Self {
        let groups = super::invalid_report_to::report_to(c).map(|parsed| match parsed {
            ReportTo::Groups(groups) => {
                Some(groups.iter().filter(|g| g.dropped_because().is_none()).filter_map(|g| g.name.as_deref()).collect())
            }
            ReportTo::TooLarge { .. } | ReportTo::NotJson { .. } => None,
        });
        Definitions { endpoints: endpoints(c), groups }
    }

    pub fn may_define(&self, name: &str) -> bool {
        self.endpoints.as_ref().is_some_and(|e| e.lookup(name) == Lookup::Defined)
            || self.groups.as_ref().is_some_and(|g| g.as_ref().is_none_or(|g| g.contains(&name)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The URL forms Chromium keeps and drops (`ProcessEndpointURLString`).
    #[test]
    fn endpoint_urls() {
        for ok in ["https://r.example/csp", "HTTPS://r.example", "wss://r.example/x", "/reports", "/", " https://r.example ", "https:///x", "https://u@r.example:443/x"] {
            assert_eq!(url_problem(ok), None, "{ok}");
        }
        assert_eq!(url_problem(""), Some(UrlProblem::Empty));
        assert_eq!(url_problem("  "), Some(UrlProblem::Empty));
        assert_eq!(url_problem("http://r.example/csp"), Some(UrlProblem::NotSecure));
        assert_eq!(url_problem("http://localhost:8080/r"), Some(UrlProblem::NotSecure));
        assert_eq!(url_problem("mailto:csp@example.com"), Some(UrlProblem::NotSecure));
        assert_eq!(url_problem("reports/csp"), Some(UrlProblem::NotAbsolute));
        assert_eq!(url_problem("//r.example/csp"), Some(UrlProblem::NotAbsolute));
        assert_eq!(url_problem(" /reports"), Some(UrlProblem::NotAbsolute));
        for invalid in ["https:", "https://", "https://a b/x", "https://:443/x", "wss:///"] {
            assert_eq!(url_problem(invalid), Some(UrlProblem::Invalid), "{invalid}");
        }
        assert_eq!(url_problem("reports:8080"), Some(UrlProblem::NotSecure));
    }

    #[test]
    fn dictionary_keys() {
        assert!(is_key("csp") && is_key("csp-endpoint_2.x") && is_key("*a"));
        assert!(!is_key("CSP") && !is_key("2csp") && !is_key("") && !is_key("a b"));
    }
}
