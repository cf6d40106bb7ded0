use crate::codes::RegistryStatus;
use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A status code that is not in the IANA registry (including vendor codes such as nginx
    /// `499` or Cloudflare `52x`), or one outside 100–599.
    ///
    /// ## Why it matters
    /// RFC 9110 §15: a client that does not recognise a code must treat it as the `x00` of its
    /// class, so any special meaning is lost on generic clients. Codes outside 100–599 are
    /// invalid and make many clients fail.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 299 Fine
    /// Content-Type: text/plain
    ///
    /// ok
    /// ```
    ///
    /// ## Fix
    /// Use a registered code; put detail in the body (e.g. `application/problem+json`).
    pub static UNREGISTERED_STATUS_CODE = {
        code: "STA012",
        name: "unregistered-status-code",
        category: Status,
        severity: Warning,
        summary: "A status code outside the IANA registry loses its meaning on generic clients",
        specs: [rfc(9110, "15"), rfc(9110, "16.2")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(100..=599).contains(&status) {
        // Status 0 is how a browser shows an opaque or failed response, not something a server sent.
        if status != 0 {
            c.report_with(
                Severity::Error,
                Target::StatusLine,
                format!("Status `{status}` is outside 100–599 and is not a valid HTTP status code."),
                "Send a status code between 100 and 599.",
            );
        }
        return;
    }
    match crate::codes::get(status) {
        Some(e) if e.registry_status != RegistryStatus::Unofficial => {}
        Some(e) => {
            let origin = e.registry_note.as_deref().unwrap_or("a vendor");
            let class = (status / 100) * 100;
            c.report_with(
                Severity::Info,
                Target::StatusLine,
                format!("Status `{status}` is not registered ({origin}); generic clients treat it as `{class}`."),
                None,
            );
        }
        None => {
            let class = (status / 100) * 100;
            c.report(
                Target::StatusLine,
                format!("Status `{status}` is not registered; clients treat it as `{class}` and lose any special meaning."),
                "Use a registered status code and put details in the body.",
            );
        }
    }
}
