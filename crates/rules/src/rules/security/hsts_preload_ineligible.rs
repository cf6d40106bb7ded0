use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

use super::hsts;

declare_rule! {
    /// ## What it checks
    /// A valid `Strict-Transport-Security` header with the `preload` directive that does not meet
    /// the HSTS preload list's submission requirements for the header: a `max-age` of at least
    /// `31536000` seconds (one year) and the `includeSubDomains` directive.
    ///
    /// Silent when the header has no `preload` directive, when it is malformed
    /// (`invalid-strict-transport-security` reports that; browsers ignore it), and when the
    /// request is known to have gone over plain HTTP or to an IP address
    /// (`ignored-strict-transport-security` reports that). The list's other requirements — a
    /// valid certificate, a redirect from HTTP to HTTPS on the same host, HTTPS on every
    /// subdomain, the header on the base domain — cannot be seen in one exchange.
    ///
    /// ## Why it matters
    /// `preload` is not part of RFC 6797: user agents ignore directives they do not recognise
    /// (§6.1), and its only meaning is the one given by the preload list that Chrome, Firefox,
    /// Safari and Edge build in (hstspreload.org): "If a site sends the preload directive in an
    /// HSTS header, it is considered to be requesting inclusion in the preload list". That
    /// request is refused unless the header sets `max-age` of at least one year,
    /// `includeSubDomains` and `preload` ("Submission Requirements"), and a site must keep
    /// meeting them "at all times" once listed: one that stops may be removed ("Continued
    /// Requirements"). The header asks for a protection the site will not get, or will lose.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Strict-Transport-Security: max-age=86400; includeSubDomains; preload
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    /// in answer to `GET https://example.com/`.
    ///
    /// ## Fix
    /// Once every subdomain works over HTTPS, send
    /// `Strict-Transport-Security: max-age=63072000; includeSubDomains; preload` (two years: the
    /// example header hstspreload.org gives). If the site does not want to be preloaded, drop
    /// `preload`.
    pub static HSTS_PRELOAD_INELIGIBLE = {
        code: "SEC041",
        name: "hsts-preload-ineligible",
        category: Security,
        severity: Warning,
        summary: "A Strict-Transport-Security header asks for preloading without meeting the preload list's requirements",
        specs: [
            rfc(6797, "6.1"),
            StaticSpec::Other("hstspreload.org: Submission Requirements", "https://hstspreload.org/#submission-requirements"),
            StaticSpec::Other("hstspreload.org: Continued Requirements", "https://hstspreload.org/#continued-requirements"),
        ],
        requires: &["Strict-Transport-Security"],
        check: check,
    }
}

/// The preload list's minimum `max-age`: one year.
const ONE_YEAR: u64 = 31_536_000;

fn check(c: &mut Checker<'_>) {
    // Over plain HTTP or from an IP address, browsers ignore the header whatever it says
    // (`ignored-strict-transport-security`).
    if let Some((scheme, host)) = super::request_transport(c) {
        if scheme != "https" || super::url::is_ip_literal(host) {
            return;
        }
    }
    let Some((i, v, Ok(sts))) = hsts::response_sts(c) else { return };
    if !sts.preload {
        return;
    }
    let short = sts.max_age < ONE_YEAR;
    let no_subdomains = !sts.include_subdomains;
    let requires = match (short, no_subdomains) {
        (false, false) => return,
        (true, false) => format!("`max-age` of at least one year (`31536000`), not `{}`", sts.max_age),
        (false, true) => "`includeSubDomains`, which is missing".to_string(),
        (true, true) => format!("`max-age` of at least one year (`31536000`, not `{}`) and `includeSubDomains`", sts.max_age),
    };
    c.report(
        Target::Header { name: "Strict-Transport-Security".into(), index: Some(i) },
        format!(
            "`Strict-Transport-Security: {v}` asks for HSTS preloading, but the preload list requires {requires}: a submission is refused, and a listed domain that stops meeting the requirements may be removed."
        ),
        "Once every subdomain works over HTTPS, send `Strict-Transport-Security: max-age=63072000; includeSubDomains; preload`; otherwise drop `preload`.",
    );
}

#[cfg(test)]
mod tests {
    use super::hsts::parse;

    #[test]
    fn preload_directive() {
        let preload = |v: &str| parse(v).map(|s| s.preload);
        assert_eq!(preload("max-age=63072000; includeSubDomains; preload"), Ok(true));
        assert_eq!(preload("max-age=63072000;PRELOAD"), Ok(true));
        assert_eq!(preload(" preload ; max-age=1"), Ok(true));
        assert_eq!(preload("max-age=1; preload=\"yes\""), Ok(true));
        assert_eq!(preload("max-age=300"), Ok(false));
        assert_eq!(preload("max-age=300; x=\"a;preload\""), Ok(false));
        assert_eq!(preload("max-age=300; preloaded"), Ok(false));
    }
}
