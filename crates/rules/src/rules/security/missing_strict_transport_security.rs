use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A response to an `https` request without `Strict-Transport-Security`. Silent when the
    /// request (and so its scheme) is unknown, and for `localhost` and IP-address hosts, where
    /// browsers ignore the header (RFC 6797 §8.1).
    ///
    /// ## Why it matters
    /// Serving over HTTPS is not enough: a user who types the bare host name, or follows an
    /// old `http://` link, first makes a plain-HTTP request that an attacker on the network can
    /// intercept and answer (SSL stripping). With HSTS the browser remembers to use HTTPS for
    /// the host and never makes that request (RFC 6797 §2.3, §7.1).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Login</title>
    /// ```
    ///
    /// ## Fix
    /// Send `Strict-Transport-Security: max-age=31536000; includeSubDomains` on every HTTPS
    /// response (start with a short `max-age` if some subdomains are not on HTTPS yet).
    pub static MISSING_STRICT_TRANSPORT_SECURITY = {
        code: "SEC007",
        name: "missing-strict-transport-security",
        category: Security,
        severity: Info,
        summary: "HTTPS responses should enable Strict-Transport-Security",
        specs: [rfc(6797, "7.1"), rfc(6797, "6.1")],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if !matches!(c.header("Strict-Transport-Security"), Presence::Absent) {
        return;
    }
    let Some((scheme, host)) = super::request_scheme_host(c) else { return };
    if scheme != "https" || host == "localhost" || host.ends_with(".localhost") || super::url::is_ip_literal(host) {
        return;
    }
    if (100..200).contains(&c.status()) {
        return;
    }
    c.report(
        Target::Header { name: "Strict-Transport-Security".into(), index: None },
        format!("This HTTPS response has no `Strict-Transport-Security`: browsers may still try `http://{host}` first, which an attacker on the network can intercept."),
        "Add `Strict-Transport-Security: max-age=31536000; includeSubDomains`.",
    );
}
