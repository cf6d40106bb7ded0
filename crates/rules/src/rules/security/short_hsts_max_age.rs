use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::hsts;

declare_rule! {
    /// ## What it checks
    /// A valid `Strict-Transport-Security` whose `max-age` is more than zero but less than one
    /// day (`86400` seconds). `max-age=0` is the deliberate way to remove a policy (RFC 6797
    /// §6.1.1) and is not reported.
    ///
    /// ## Why it matters
    /// The browser forgets the policy `max-age` seconds after it last saw the header. With a
    /// lifetime of minutes or hours, most returning visitors arrive after it expired and make
    /// their first request over plain HTTP again — exactly the request HSTS exists to prevent
    /// (RFC 6797 §6.1.1). Short values are useful only while testing a roll-out.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Strict-Transport-Security: max-age=300
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Raise `max-age` step by step once HTTPS works everywhere, to at least
    /// `max-age=31536000` (one year, also what HSTS preload lists require).
    pub static SHORT_HSTS_MAX_AGE = {
        code: "SEC009",
        name: "short-hsts-max-age",
        category: Security,
        severity: Info,
        summary: "A Strict-Transport-Security max-age under a day protects few visits",
        specs: [rfc(6797, "6.1.1")],
        requires: &["Strict-Transport-Security"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _, Ok(sts))) = hsts::response_sts(c) else { return };
    if sts.max_age > 0 && sts.max_age < 86_400 {
        c.report(
            Target::Header { name: "Strict-Transport-Security".into(), index: Some(i) },
            format!("`max-age={}` keeps the HSTS policy for less than a day: visitors who return later make their first request over plain HTTP again.", sts.max_age),
            "Once HTTPS works everywhere, raise it to `max-age=31536000` (one year).",
        );
    }
}
