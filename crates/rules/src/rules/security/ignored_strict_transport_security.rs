use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `Strict-Transport-Security` header that browsers throw away because of where the
    /// response came from:
    /// - over plain `http`: a user agent MUST ignore the header received over a non-secure
    ///   transport (RFC 6797 §8.1), and a host MUST NOT send it there (§7.2);
    /// - from a host that is an IP address: the user agent MUST NOT note an IP-literal or IPv4
    ///   host as an HSTS host (§8.1.1).
    ///
    /// Silent when the request is unknown, or when it was given in origin form (`GET /path`
    /// with a `Host`): a raw request does not say whether it went over TLS.
    ///
    /// Over plain `http` it is an error: the server breaks §7.2's MUST NOT (the browser drops
    /// the header, so the policy it seems to set is not in force) — a warning for `localhost` and
    /// loopback addresses, a development server's. From an IP address over HTTPS it is a
    /// warning: only the user agent has a MUST there.
    ///
    /// ## Why it matters
    /// HSTS only protects a host once a browser has received the header over HTTPS. Over plain
    /// HTTP an attacker could forge or strip it, which is why browsers ignore it there:
    /// a site that sends it on its `http://` responses, and not on its `https://` ones, has no
    /// HSTS at all. An IP address is never an HSTS host, so the header is wasted there too.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 301 Moved Permanently
    /// Location: https://www.example.com/
    /// Strict-Transport-Security: max-age=31536000
    /// ```
    /// in answer to `GET http://www.example.com/`.
    ///
    /// ## Fix
    /// Redirect plain-HTTP requests to HTTPS without the header (§7.2), and send
    /// `Strict-Transport-Security` on the HTTPS responses of a host name.
    pub static IGNORED_STRICT_TRANSPORT_SECURITY = {
        code: "SEC030",
        name: "ignored-strict-transport-security",
        category: Security,
        severity: Error,
        summary: "Strict-Transport-Security over plain HTTP or from an IP address is ignored by browsers",
        specs: [rfc(6797, "8.1"), rfc(6797, "7.2"), rfc(6797, "8.1.1")],
        requires: &["Strict-Transport-Security"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((scheme, host)) = super::request_transport(c) else { return };
    let Some((i, _, _)) = super::hsts::response_sts(c) else { return };
    let (severity, message, fix) = if scheme == "http" {
        // A development server on `localhost` or a loopback address: the same breach, but no
        // deployed host is misled.
        let local = crate::fetch::mixed_content::is_potentially_trustworthy_http_host(host);
        (
            if local { Severity::Warning } else { Severity::Error },
            "Browsers ignore `Strict-Transport-Security` on a response over plain HTTP: it is only honoured over HTTPS, where an attacker cannot forge or strip it.".to_string(),
            "Drop the header from plain-HTTP responses (redirect them to HTTPS), and send it on the HTTPS responses.".to_string(),
        )
    } else if scheme == "https" && super::url::is_ip_literal(host) {
        (
            Severity::Warning,
            format!("Browsers ignore `Strict-Transport-Security` from `{host}`: an IP address is never noted as an HSTS host."),
            "Serve the site under a host name and send the header there.".to_string(),
        )
    } else {
        return;
    };
    c.report_with(severity, Target::Header { name: "Strict-Transport-Security".into(), index: Some(i) }, message, fix);
}
