use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, connection_options};

declare_rule! {
    /// ## What it checks
    /// `Connection` options `close` and `keep-alive` in the same response.
    ///
    /// ## Why it matters
    /// `close` says the connection will be closed after this response (RFC 9112 §9.6);
    /// `keep-alive` asks for it to persist (the HTTP/1.0 mechanism, Appendix C.2.2). `close`
    /// wins for compliant recipients, but the contradiction shows that two layers disagree
    /// about connection handling — typically an application setting one and a proxy the
    /// other — and clients that honour `keep-alive` may reuse a connection that is about to
    /// be closed, failing the next request.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Connection: keep-alive, close
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send one of them: `Connection: close` if the server closes the connection, nothing
    /// (HTTP/1.1 persists by default) otherwise.
    pub static CONFLICTING_CONNECTION_OPTIONS = {
        code: "HDR038",
        name: "conflicting-connection-options",
        category: Headers,
        severity: Warning,
        summary: "Connection must not carry both close and keep-alive",
        specs: [rfc(9112, "9.6"), rfc(9112, "9.3"), rfc(9112, "C.2.2")],
        requires: &["Connection"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let opts = connection_options(c);
    let close = opts.iter().find(|(_, o)| o == "close");
    let keep = opts.iter().any(|(_, o)| o == "keep-alive");
    if let (Some((i, _)), true) = (close, keep) {
        c.report(
            at("Connection", *i),
            "`Connection` carries both `close` and `keep-alive`; `close` wins, but clients that honour `keep-alive` may reuse a closing connection.",
            "Send either `Connection: close` or no `close`.",
        );
    }
}
