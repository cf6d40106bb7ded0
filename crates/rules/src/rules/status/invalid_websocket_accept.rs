use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `101 Switching Protocols` to `websocket` without `Sec-WebSocket-Accept`, or — when
    /// the request is known — whose `Sec-WebSocket-Accept` is not the value computed from the
    /// request's `Sec-WebSocket-Key`.
    ///
    /// ## Why it matters
    /// RFC 6455 §4.2.2: the server's handshake includes `Sec-WebSocket-Accept`, the base64 of
    /// the SHA-1 of the key concatenated with `258EAFA5-E914-47DA-95CA-C5AB0DC85B11`.
    /// §4.1: if it is missing or has another value, "the client MUST _Fail the WebSocket
    /// Connection_". Browsers close the socket at once (`WebSocket` fires `error` then
    /// `close` with code 1006).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 101 Switching Protocols
    /// Upgrade: websocket
    /// Connection: Upgrade
    /// ```
    ///
    /// ## Fix
    /// Compute `Sec-WebSocket-Accept = base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"))`
    /// from the request's key (keep the key as a string; do not decode it); for the key
    /// `dGhlIHNhbXBsZSBub25jZQ==` it is `s3pPLMBiTxaQ9kYGzzhZRbK+xOo=`.
    pub static INVALID_WEBSOCKET_ACCEPT = {
        code: "STA041",
        name: "invalid-websocket-accept",
        category: Status,
        severity: Error,
        summary: "A WebSocket 101 needs the Sec-WebSocket-Accept computed from the request's key",
        specs: [rfc(6455, "4.2.2"), rfc(6455, "4.1")],
        statuses: Codes(&[101]),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 101 {
        return;
    }
    let h = &c.response().headers;
    if !h.list("Upgrade").iter().any(|p| p.eq_ignore_ascii_case("websocket")) {
        return;
    }
    match c.header("Sec-WebSocket-Accept") {
        Presence::Hidden => {}
        Presence::Absent => c.report(
            Target::Header { name: "Sec-WebSocket-Accept".into(), index: None },
            "This WebSocket `101 Switching Protocols` has no `Sec-WebSocket-Accept`; clients fail the connection.",
            "Send `Sec-WebSocket-Accept` computed from the request's `Sec-WebSocket-Key`.".to_string(),
        ),
        Presence::Present(i, v) => {
            let Some(key) = c.request().and_then(|r| r.headers.get("Sec-WebSocket-Key")) else { return };
            let want = super::helpers::websocket_accept(key);
            if v.trim_fast() != want {
                c.report(
                    Target::Header { name: "Sec-WebSocket-Accept".into(), index: Some(i) },
                    format!("`Sec-WebSocket-Accept: {v}` does not match the request's key; the expected value is `{want}`, and clients fail the connection."),
                    format!("Send `Sec-WebSocket-Accept: {want}`."),
                );
            }
        }
    }
}
