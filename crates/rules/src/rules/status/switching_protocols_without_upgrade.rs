use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `101 Switching Protocols` without an `Upgrade` header naming the new protocol.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.2.2: "The server MUST generate an Upgrade header field in the response
    /// that indicates which protocol(s) will be in effect after this response". The client
    /// does not know what the bytes after the 101 are; a WebSocket client fails the
    /// connection (RFC 6455 §4.1).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 101 Switching Protocols
    /// Connection: Upgrade
    /// ```
    ///
    /// ## Fix
    /// Send `Upgrade: websocket` (the protocol switched to) with `Connection: Upgrade`.
    pub static SWITCHING_PROTOCOLS_WITHOUT_UPGRADE = {
        code: "STA039",
        name: "switching-protocols-without-upgrade",
        category: Status,
        severity: Error,
        summary: "A 101 response must name the new protocol in Upgrade",
        specs: [rfc(9110, "15.2.2"), rfc(9110, "7.8")],
        statuses: Codes(&[101]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 101 {
        return;
    }
    if let Presence::Absent = c.header("Upgrade") {
        c.report(
            Target::Header { name: "Upgrade".into(), index: None },
            "This `101 Switching Protocols` has no `Upgrade` header, so the client does not know which protocol follows.",
            "Add `Upgrade` naming the protocol the connection switches to, e.g. `Upgrade: websocket`.",
        );
    }
}
