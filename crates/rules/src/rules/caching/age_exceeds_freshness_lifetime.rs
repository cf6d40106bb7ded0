use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

use super::{cache_control, cacheable_method, delta_seconds, explicit_lifetime, lifetime_text};

declare_rule! {
    /// ## What it checks
    /// A response whose `Age` is at least its explicit freshness lifetime for the client
    /// (`max-age`, or `Expires` − `Date`), when that lifetime is greater than zero.
    ///
    /// ## Why it matters
    /// `Age` is how long the response has already spent in caches upstream (RFC 9111 §5.1); a
    /// response is fresh only while its age is below the freshness lifetime (§4.2). When `Age`
    /// has reached the lifetime, the response arrives already stale: the browser cannot reuse it
    /// and revalidates on the next request. This typically happens when a CDN keeps an object
    /// longer (`s-maxage`, `CDN-Cache-Control`) than the `max-age` it forwards — the "age
    /// penalty" RFC 9213 §2.3 describes — so clients gain nothing from caching.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Age: 1800
    /// Cache-Control: max-age=600
    /// CDN-Cache-Control: max-age=3600
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Have the CDN reset `Age` when it serves objects it controls the lifetime of, or forward a
    /// `max-age` that accounts for the time spent in the CDN.
    pub static AGE_EXCEEDS_FRESHNESS_LIFETIME = {
        code: "CAC020",
        name: "age-exceeds-freshness-lifetime",
        category: Caching,
        severity: Info,
        summary: "The response was already stale when it arrived",
        specs: [rfc(9111, "4.2"), rfc(9111, "5.1"), rfc(9213, "2.3")],
        requires: &["Age"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !cacheable_method(c) {
        return;
    }
    let Presence::Present(i, v) = c.header("Age") else { return };
    // A list-valued Age: the first member counts (RFC 9111 §5.1).
    let first = crate::model::split_byte(v, b',').next().unwrap_or("").trim_fast();
    let Some(age) = delta_seconds(first) else { return };
    let Some(cc) = cache_control(c) else { return };
    if cc.has("no-store") || cc.has_unqualified("no-cache") {
        return;
    }
    let Some(lifetime) = explicit_lifetime(c, false) else { return };
    if lifetime.secs == 0 || age < lifetime.secs {
        return;
    }
    let shared_note = match explicit_lifetime(c, true) {
        Some(s) if s.secs > age => format!(" (shared caches still consider it fresh: {})", s.source),
        _ => String::new(),
    };
    c.report(
        Target::Header { name: "Age".into(), index: Some(i) },
        format!(
            "`Age: {age}` is not below the freshness lifetime of {}: the response arrived already stale{shared_note}.",
            lifetime_text(lifetime)
        ),
        "Let the CDN reset `Age` for objects whose lifetime it controls, or forward a `max-age` that allows for time spent upstream.",
    );
}
