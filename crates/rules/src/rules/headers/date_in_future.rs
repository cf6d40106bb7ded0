use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, human_duration, line_date, lines};

declare_rule! {
    /// ## What it checks
    /// A `Date` more than 60 seconds ahead of the current time. Silent when the current time
    /// is not known.
    ///
    /// ## Why it matters
    /// `Date` is "the date and time at which the message was originated" (RFC 9110 §6.6.1),
    /// and a server must only send it if its clock is "a reasonable approximation of the
    /// current instant in Coordinated Universal Time" (§5.6.7). A clock running ahead makes
    /// caches underestimate the age of the response (RFC 9111 §4.2.3 clamps the apparent age
    /// to zero), and `Expires`, `Last-Modified` and cookie expiry dates computed from the
    /// same clock are off by the same amount. (If this machine's clock is the one that is
    /// behind, the finding is about it instead.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Date: Fri, 27 Nov 2026 09:00:00 GMT
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    /// (received on 25 November 2026)
    ///
    /// ## Fix
    /// Synchronise the server's clock (NTP, `chrony`, `systemd-timesyncd`) and make sure it
    /// is set to UTC, or its time zone is configured correctly.
    pub static DATE_IN_FUTURE = {
        code: "HDR004",
        name: "date-in-future",
        category: Headers,
        severity: Warning,
        summary: "Date is ahead of the current time: the server's clock is wrong",
        specs: [rfc(9110, "6.6.1"), rfc(9110, "5.6.7"), rfc(9111, "4.2.3")],
        requires: &["Date"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(now) = c.context.now else { return };
    for (i, v) in lines(c, "Date") {
        let Some(secs) = line_date(c, i, v).secs() else { continue };
        if secs > now.saturating_add(60) {
            c.report(
                at("Date", i),
                format!("`Date: {v}` is {} ahead of the current time; the server's clock is wrong (or this machine's).", human_duration(secs - now)),
                "Synchronise the server's clock with NTP.",
            );
        }
    }
}
