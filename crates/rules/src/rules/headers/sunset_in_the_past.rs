use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, http_date_secs, lines};

declare_rule! {
    /// ## What it checks
    /// A `Sunset` date that is already past when the response is checked (it needs "now": the
    /// CLI's `--now`, the browser's clock in the app).
    ///
    /// ## Why it matters
    /// RFC 8594 §3: `Sunset` gives the time after which the resource is expected to become
    /// unresponsive. A date in the past still being served means either the shutdown slipped —
    /// and clients that scheduled their migration by it were misled — or the header is stale
    /// boilerplate. RFC 8594 says a past date means the sunset may happen at any time.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Sunset: Sat, 01 Jan 2022 00:00:00 GMT
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Send the new shutdown date, or remove `Sunset` if the resource is staying.
    pub static SUNSET_IN_THE_PAST = {
        code: "HDR048",
        name: "sunset-in-the-past",
        category: Headers,
        severity: Info,
        summary: "The Sunset date has passed but the resource still answers",
        specs: [rfc(8594, "3")],
        requires: &["Sunset"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(now) = c.context.now.and_then(|n| i64::try_from(n).ok()) else { return };
    for (i, v) in lines(c, "Sunset") {
        let Some(when) = http_date_secs(v) else { continue };
        if when >= now {
            continue;
        }
        let days = (now - when) / 86_400;
        let ago = if days >= 1 { format!("{days} day(s) ago") } else { "less than a day ago".to_string() };
        c.report(
            at("Sunset", i),
            format!("`Sunset: {v}` passed {ago}: the resource was announced to stop answering then, yet it still does; clients that planned by this date were misled."),
            "Announce the new shutdown date, or remove `Sunset` if the resource stays.",
        );
    }
}
