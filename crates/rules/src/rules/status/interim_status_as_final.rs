use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `1xx` interim response (`100`, `102`, `103`, `104` …) that is the last response of
    /// the exchange, with no final response after it. `101 Switching Protocols` is excluded:
    /// after it the connection speaks another protocol.
    ///
    /// ## Why it matters
    /// RFC 9110 §15.2: a 1xx is "an interim response for communicating connection status or
    /// request progress prior to completing the requested action and sending a final
    /// response". A client keeps waiting for the final (2xx–5xx) response; if none comes, the
    /// request hangs until it times out.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 103 Early Hints
    /// Link: </style.css>; rel=preload; as=style
    /// ```
    ///
    /// ## Fix
    /// Always follow interim responses with the final response, e.g. `HTTP/1.1 200 OK` and the
    /// content. If the traffic was captured, check that the capture includes the rest.
    pub static INTERIM_STATUS_AS_FINAL = {
        code: "STA014",
        name: "interim-status-as-final",
        category: Status,
        severity: Error,
        summary: "A 1xx interim response cannot end an exchange",
        specs: [rfc(9110, "15.2"), rfc(9110, "15.2.1")],
        statuses: Range(100, 199),
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let status = c.status();
    if !(100..=199).contains(&status) || status == 101 {
        return;
    }
    let reason = crate::codes::reason(status);
    c.report(
        Target::StatusLine,
        format!("`{status} {reason}` is an interim response, but no final response follows it; the client keeps waiting."),
        "Send the final response (2xx–5xx) after any 1xx response.",
    );
}
