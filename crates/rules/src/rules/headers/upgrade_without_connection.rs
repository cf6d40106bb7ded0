use crate::declare_rule;
use crate::registry::{Checker, Presence};
use crate::spec::rfc;

use super::syntax::{at, connection_options, lines};

declare_rule! {
    /// ## What it checks
    /// An `Upgrade` header field without `upgrade` among the `Connection` options, on
    /// responses other than `101 Switching Protocols` and `426 Upgrade Required` (the status
    /// rules cover those). Silent when the observer cannot see `Connection`.
    ///
    /// ## Why it matters
    /// RFC 9110 §7.8: "A sender of Upgrade MUST also send an "upgrade" connection option in the
    /// Connection header field (Section 7.6.1) to inform intermediaries not to forward this
    /// field." An unlisted `Upgrade` (servers advertising `h2c` or `h2`) is passed on by
    /// proxies to clients on other connections, where it is wrong; in HTTP/2 the field is
    /// not allowed at all (RFC 9113 §8.2.2).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Upgrade: h2c
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send `Connection: Upgrade` together with `Upgrade`, or stop advertising the upgrade
    /// (Apache: `Protocols` / `H2Upgrade off` on TLS hosts).
    pub static UPGRADE_WITHOUT_CONNECTION = {
        code: "HDR039",
        name: "upgrade-without-connection",
        category: Headers,
        severity: Warning,
        summary: "Upgrade must be accompanied by Connection: upgrade",
        specs: [rfc(9110, "7.8"), rfc(9110, "7.6.1"), rfc(9113, "8.2.2")],
        requires: &["Upgrade"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if matches!(c.status(), 101 | 426) {
        return;
    }
    let Some((i, v)) = lines(c, "Upgrade").next() else { return };
    if matches!(c.header("Connection"), Presence::Hidden) {
        return;
    }
    if connection_options(c).iter().any(|(_, o)| o == "upgrade") {
        return;
    }
    c.report(
        at("Upgrade", i),
        format!("`Upgrade: {v}` is sent without `Connection: upgrade`; proxies will forward it to clients it does not concern."),
        "Add `Connection: Upgrade`, or stop sending `Upgrade`.",
    );
}
