use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, human_duration, line_date, lines};

declare_rule! {
    /// ## What it checks
    /// A `Last-Modified` later than the response's `Date` or, when there is no usable `Date`,
    /// more than 60 seconds after the current time (when it is known).
    ///
    /// ## Why it matters
    /// RFC 9110 §8.8.2.1: "An origin server with a clock MUST NOT generate a Last-Modified date
    /// that is later than the server's time of message origination (Date)"; a modification
    /// time in the future must be replaced by the message's date. A client revalidates with
    /// `If-Modified-Since: <that future time>`, and servers answer `304 Not Modified` to every
    /// change made before it — users keep seeing the old version until the clock catches up.
    /// Caches' heuristic freshness (RFC 9111 §4.2.2) is also computed from a negative age.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Date: Wed, 25 Nov 2026 21:00:00 GMT
    /// Last-Modified: Thu, 26 Nov 2026 08:00:00 GMT
    /// Content-Type: text/plain
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send `min(modification time, now)`; fix the clock or time zone of whatever wrote the
    /// file's timestamp (build machines and archives often carry local time as UTC).
    pub static LAST_MODIFIED_IN_FUTURE = {
        code: "HDR020",
        name: "last-modified-in-future",
        category: Headers,
        severity: Warning,
        summary: "Last-Modified must not be later than Date",
        specs: [rfc(9110, "8.8.2.1"), rfc(9110, "13.1.3"), rfc(9111, "4.2.2")],
        requires: &["Last-Modified"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let date = lines(c, "Date").next().and_then(|(i, v)| line_date(c, i, v).secs().map(|s| (v, s)));
    let now = c.context.now;
    for (i, v) in lines(c, "Last-Modified") {
        let Some(lm) = line_date(c, i, v).secs() else { continue };
        let fix = || "Never send a `Last-Modified` later than the response's `Date`; clamp it to the current time.".to_string();
        match (date, now) {
            (Some((dv, ds)), _) if lm > ds => c.report(
                at("Last-Modified", i),
                format!("`Last-Modified: {v}` is {} later than `Date: {dv}`; conditional requests will get `304 Not Modified` for changes made before then.", human_duration(lm - ds)),
                fix(),
            ),
            (None, Some(now)) if lm > now.saturating_add(60) => c.report(
                at("Last-Modified", i),
                format!("`Last-Modified: {v}` is {} in the future; conditional requests will get `304 Not Modified` for changes made before then.", human_duration(lm - now)),
                fix(),
            ),
            _ => {}
        }
    }
}
