use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

use super::{cache_control, line_secs, response_date, seconds_text};

/// Differences up to this many seconds are rounding and clock ticks, not disagreement.
const TOLERANCE: i64 = 60;

declare_rule! {
    /// ## What it checks
    /// A response with both `Cache-Control: max-age` and an `Expires` whose lifetime
    /// (`Expires` − `Date`) differs from `max-age` by more than a minute.
    ///
    /// ## Why it matters
    /// "If a response includes a Cache-Control header field with the max-age directive, a
    /// recipient MUST ignore the Expires header field" (RFC 9111 §5.3). `Expires` is then only
    /// read by HTTP/1.0 caches, which get a different lifetime than every other cache — and a
    /// reader of the headers cannot tell which one was meant. Often one of the two comes from a
    /// server default (`Expires: 0`, or mod_expires) that nobody updated.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Date: Wed, 25 Nov 2026 21:00:00 GMT
    /// Cache-Control: max-age=3600
    /// Expires: Thu, 26 Nov 2026 21:00:00 GMT
    /// Content-Type: text/css
    /// ```
    ///
    /// ## Fix
    /// Drop `Expires` (every current cache understands `max-age`), or compute it from the same
    /// value: `Expires` = `Date` + `max-age`.
    pub static EXPIRES_DISAGREES_WITH_MAX_AGE = {
        code: "CAC016",
        name: "expires-disagrees-with-max-age",
        category: Caching,
        severity: Info,
        summary: "Expires is ignored when max-age is present, and here it says something else",
        specs: [rfc(9111, "5.3"), rfc(9111, "4.2.1")],
        requires: &["Expires"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    let Some(max_age) = cc.seconds("max-age") else { return };
    let Presence::Present(i, v) = c.header("Expires") else { return };
    let v = v.to_string();
    let target = Target::Header { name: "Expires".into(), index: Some(i) };
    let fix = "Remove `Expires`, or set it to `Date` + `max-age`.".to_string();
    // `max-age` is capped at 2^31 (RFC 9111 §1.2.2), so the cast is exact.
    let max_age = max_age as i64;
    match line_secs(c, i, &v) {
        None => {
            // An invalid Expires means "already expired" (§5.3).
            if max_age > TOLERANCE {
                c.report(
                    target,
                    format!("`Expires: {v}` means \"already expired\" to HTTP/1.0 caches, while `max-age={max_age}` gives {}; current caches ignore `Expires`.", seconds_text(max_age as u64)),
                    fix,
                );
            }
        }
        Some(exp) => {
            let Some(date) = response_date(c) else { return };
            let lifetime = exp.saturating_sub(date).max(0);
            if (lifetime - max_age).abs() > TOLERANCE {
                c.report(
                    target,
                    format!(
                        "`Expires` gives a lifetime of {} but `max-age={max_age}` gives {}; caches ignore `Expires` when `max-age` is present.",
                        seconds_text(lifetime as u64),
                        seconds_text(max_age as u64)
                    ),
                    fix,
                );
            }
        }
    }
}
