use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `101 Switching Protocols` or `426 Upgrade Required` that sends `Upgrade` without
    /// `Connection: upgrade`.
    ///
    /// ## Why it matters
    /// RFC 9110 §7.8: "When Upgrade is sent, the sender MUST also send a Connection header
    /// field that contains an 'upgrade' connection option, in order to prevent Upgrade from
    /// being accidentally forwarded by intermediaries that might not implement the listed
    /// protocols." WebSocket clients also fail a 101 without it (RFC 6455 §4.1). (HTTP/2 and
    /// HTTP/3 have neither field; this applies to HTTP/1.1.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 426 Upgrade Required
    /// Upgrade: HTTP/2.0
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send `Connection: Upgrade` alongside `Upgrade`.
    pub static UPGRADE_WITHOUT_CONNECTION_UPGRADE = {
        code: "STA038",
        name: "upgrade-without-connection-upgrade",
        category: Status,
        severity: Warning,
        summary: "Upgrade in a 101 or 426 needs Connection: upgrade",
        specs: [rfc(9110, "7.8"), rfc(9110, "7.6.1"), rfc(6455, "4.1")],
        statuses: Codes(&[101, 426]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if status != 101 && status != 426 {
        return;
    }
    let Presence::Present(_, v) = c.header("Upgrade") else { return };
    if matches!(c.header("Connection"), Presence::Hidden) {
        return;
    }
    if super::helpers::connection_has_upgrade(&c.response().headers) {
        return;
    }
    let reason = crate::codes::reason(status);
    c.report(
        Target::Header { name: "Connection".into(), index: c.header_lines("Connection").next().map(|(i, _)| i) },
        format!("This `{status} {reason}` sends `Upgrade: {v}` without `Connection: upgrade`; intermediaries may forward `Upgrade` or clients may reject the switch."),
        "Add `Connection: Upgrade`.",
    );
}
