use crate::declare_rule;
use crate::registry::{Checker, Presence};
use crate::spec::rfc;

use super::syntax::{at, connection_options, lines};

declare_rule! {
    /// ## What it checks
    /// A `Keep-Alive` header field without `keep-alive` among the `Connection` options. Silent
    /// when the observer cannot see `Connection`.
    ///
    /// ## Why it matters
    /// `Keep-Alive` (the HTTP/1.0 persistent-connection parameters, RFC 9112 Appendix C.2.2) is
    /// about the current connection only. RFC 9110 §7.6.1: "the sender MUST list the
    /// corresponding field name within the Connection header field" for every such field, so
    /// that intermediaries remove it before forwarding. Unlisted, it may be forwarded to
    /// clients it does not concern, and in HTTP/2 or HTTP/3 a connection-specific field makes
    /// the response malformed (RFC 9113 §8.2.2).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Keep-Alive: timeout=5, max=100
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send `Connection: keep-alive` with it — or drop `Keep-Alive`: HTTP/1.1 connections are
    /// persistent by default, and the parameters are advisory.
    pub static KEEP_ALIVE_WITHOUT_CONNECTION = {
        code: "HDR035",
        name: "keep-alive-without-connection",
        category: Headers,
        severity: Info,
        summary: "Keep-Alive must be listed in Connection",
        specs: [rfc(9110, "7.6.1"), rfc(9112, "C.2.2"), rfc(9113, "8.2.2")],
        requires: &["Keep-Alive"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, v)) = lines(c, "Keep-Alive").next() else { return };
    if matches!(c.header("Connection"), Presence::Hidden) {
        return;
    }
    if connection_options(c).iter().any(|(_, o)| o == "keep-alive") {
        return;
    }
    c.report(
        at("Keep-Alive", i),
        format!("`Keep-Alive: {v}` is a connection-specific field but `Connection` does not list `keep-alive`; proxies may forward it."),
        "Send `Connection: keep-alive` with it, or drop `Keep-Alive`.",
    );
}
