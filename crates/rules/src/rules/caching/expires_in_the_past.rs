use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

use super::{base_time, cache_control, line_secs};

declare_rule! {
    /// ## What it checks
    /// A response whose `Expires` is not later than its `Date` (or, without `Date`, than the time
    /// of the check), when `Cache-Control` gives no `max-age`, `s-maxage`, `no-cache` or
    /// `no-store` that would take precedence or say the same thing.
    ///
    /// ## Why it matters
    /// The freshness lifetime is `Expires` − `Date` (RFC 9111 §4.2.1). An `Expires` in the past
    /// makes the response stale the moment it arrives: caches may store it but must revalidate
    /// it before reuse (§4.2.4 allows serving stale only in rare cases). That is sometimes the
    /// intent — the classic `Expires: Thu, 01 Jan 1970 00:00:00 GMT` cache-buster — but it is an
    /// indirect way to say it, and if the date was meant to be in the future (a clock or
    /// time-zone bug), caching is silently off.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Date: Wed, 25 Nov 2026 21:00:00 GMT
    /// Expires: Wed, 25 Nov 2026 20:00:00 GMT
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// To require revalidation, send `Cache-Control: no-cache`. To allow reuse, send
    /// `Cache-Control: max-age=<seconds>` (and check the server clock and time zone).
    pub static EXPIRES_IN_THE_PAST = {
        code: "CAC017",
        name: "expires-in-the-past",
        category: Caching,
        severity: Info,
        summary: "An Expires in the past makes the response stale on arrival",
        specs: [rfc(9111, "5.3"), rfc(9111, "4.2.1")],
        requires: &["Expires"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    if cc.has("max-age") || cc.has("s-maxage") || cc.has_unqualified("no-cache") || cc.has("no-store") {
        return;
    }
    let Presence::Present(i, v) = c.header("Expires") else { return };
    let Some(exp) = line_secs(c, i, v) else { return };
    let Some(base) = base_time(c) else { return };
    if exp > base {
        return;
    }
    let against = if super::response_date(c).is_some() { "`Date`" } else { "the time of the check" };
    c.report(
        Target::Header { name: "Expires".into(), index: Some(i) },
        format!("`Expires: {v}` is not later than {against}: the response is stale on arrival and caches must revalidate it before reuse."),
        "Send `Cache-Control: no-cache` if that is the intent, or `Cache-Control: max-age=<seconds>` to allow reuse.",
    );
}
