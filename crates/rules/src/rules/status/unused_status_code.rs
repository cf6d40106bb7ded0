use crate::codes::RegistryStatus;
use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A status code the registry marks as unused, deprecated or obsolete: `305 Use Proxy`,
    /// `306 (Unused)`, `418 (Unused)`, `510 Not Extended`.
    ///
    /// ## Why it matters
    /// `306` and `418` are reserved (RFC 9110 §15.4.7, §15.5.19) and mean nothing to clients:
    /// they are handled as a generic `300`/`400`. `305` was deprecated for security reasons
    /// (§15.4.6): clients ignore it. `510` comes from RFC 2774, moved to Historic.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 418 I'm a teapot
    /// Content-Type: text/plain
    ///
    /// short and stout
    /// ```
    ///
    /// ## Fix
    /// Use the registered code that says what you mean (e.g. `400`, `403`, `503`).
    pub static UNUSED_STATUS_CODE = {
        code: "STA011",
        name: "unused-status-code",
        category: Status,
        severity: Warning,
        summary: "Unused, deprecated and obsolete status codes mean nothing to clients",
        specs: [rfc(9110, "15.5.19"), rfc(9110, "15.4.6"), rfc(9110, "15.4.7"), rfc(9110, "16.2.1")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    let Some(entry) = crate::codes::get(status) else { return };
    let what = match entry.registry_status {
        RegistryStatus::Unused => "reserved as unused",
        RegistryStatus::Deprecated => "deprecated",
        RegistryStatus::Obsolete => "obsolete (its specification is Historic)",
        _ => return,
    };
    let class = (status / 100) * 100;
    c.report_with(
        Severity::Warning,
        Target::StatusLine,
        format!("Status `{status}` is {what} in the IANA registry; clients treat it as a generic `{class}`."),
        "Use a registered status code that states what happened.",
    );
}
