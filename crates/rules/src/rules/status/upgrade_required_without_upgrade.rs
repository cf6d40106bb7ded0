use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `426 Upgrade Required` without an `Upgrade` header naming the required protocol.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.5.22: "The server MUST send an Upgrade header field in a 426 response to
    /// indicate the required protocol(s)." A client told to upgrade without being told to
    /// what cannot comply.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 426 Upgrade Required
    /// Content-Type: text/plain
    ///
    /// upgrade please
    /// ```
    ///
    /// ## Fix
    /// Send `Upgrade: HTTP/2.0` (or the protocol you require) and `Connection: Upgrade`.
    pub static UPGRADE_REQUIRED_WITHOUT_UPGRADE = {
        code: "STA008",
        name: "upgrade-required-without-upgrade",
        category: Status,
        severity: Error,
        summary: "A 426 response must name the required protocol in Upgrade",
        specs: [rfc(9110, "15.5.22"), rfc(9110, "7.8")],
        statuses: Codes(&[426]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::require_critical_header(c,
        "Upgrade",
        "Add `Upgrade` naming the protocol the client must switch to.",
    );
}
