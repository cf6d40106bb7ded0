use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `101 Switching Protocols` whose `Upgrade` names a protocol the request's `Upgrade`
    /// did not offer (protocol names compared case-insensitively), or answering a request with
    /// no `Upgrade` at all. Silent when the request is unknown.
    ///
    /// ## Why it matters
    /// RFC 9110 §7.8: "A server MUST NOT switch to a protocol that was not indicated by the
    /// client in the corresponding request's Upgrade header field." The client cannot speak
    /// a protocol it did not ask for: the connection is lost.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 101 Switching Protocols
    /// Upgrade: h2c
    /// Connection: Upgrade
    /// ```
    /// (in answer to `Upgrade: websocket`)
    ///
    /// ## Fix
    /// Switch only to a protocol from the request's `Upgrade`; otherwise ignore the upgrade
    /// request and answer normally.
    pub static SWITCHING_TO_UNREQUESTED_PROTOCOL = {
        code: "STA040",
        name: "switching-to-unrequested-protocol",
        category: Status,
        severity: Error,
        summary: "A 101 response may only switch to a protocol the client offered",
        specs: [rfc(9110, "7.8"), rfc(9110, "15.2.2")],
        statuses: Codes(&[101]),
        check: check,
    }
}

/// The protocol name of an `Upgrade` member (`websocket`, `HTTP/2.0` → `http`), lower-cased.
fn name(p: &str) -> String {
    p.split('/').next().unwrap_or("").trim_fast().to_ascii_lowercase()
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 101 {
        return;
    }
    let Some(req) = c.request() else { return };
    let Presence::Present(i, v) = c.header("Upgrade") else { return };
    let offered = req.headers.list("Upgrade");
    let target = Target::Header { name: "Upgrade".into(), index: Some(i) };
    if offered.is_empty() {
        c.report(
            target,
            format!("This `101 Switching Protocols` switches to `{v}`, but the request offered no `Upgrade` at all."),
            "Answer normally unless the request asks to upgrade.",
        );
        return;
    }
    let offered_names: Vec<String> = offered.iter().map(|p| name(p)).collect();
    let unrequested: Vec<String> =
        c.response().headers.list("Upgrade").into_iter().filter(|p| !offered_names.contains(&name(p))).collect();
    if let Some(p) = unrequested.first() {
        let list = offered.join(", ");
        c.report(
            target,
            format!("This `101 Switching Protocols` switches to `{p}`, which the request did not offer (`Upgrade: {list}`)."),
            "Switch only to a protocol listed in the request's `Upgrade`.",
        );
    }
}
