use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// `Cross-Origin-Opener-Policy`, `Cross-Origin-Embedder-Policy` or `Clear-Site-Data` on a
    /// response to a plain-`http` request for a host that is not potentially trustworthy (not
    /// `localhost`, 127.0.0.0/8 or `[::1]`; Secure Contexts §3.1). Silent when the request is
    /// unknown or given in origin form (`GET /path`), whose scheme is a guess.
    ///
    /// ## Why it matters
    /// Browsers apply these fields only in secure contexts:
    /// - the opener and embedder policies of a non-secure context are the defaults
    ///   (`unsafe-none`): HTML, "obtain a cross-origin opener policy" and "obtain an embedder
    ///   policy";
    /// - `Clear-Site-Data` is skipped for a response whose URL is not secure (Clear Site Data,
    ///   "Clear data for response", step 1; Chromium's console: "Not supported for insecure
    ///   origins").
    ///
    /// The field is inert, so a page served over plain HTTP keeps its opener, embeds anything,
    /// and a logout that relies on `Clear-Site-Data` leaves its cookies and storage behind
    /// (all three checked in Chromium, against the same server reached as a loopback address,
    /// where they apply).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Clear-Site-Data: "cookies", "storage"
    /// ```
    /// in answer to `POST http://shop.example/logout`.
    ///
    /// ## Fix
    /// Serve the site over HTTPS (and redirect `http://` to it); the fields then apply.
    pub static SECURE_CONTEXT_FIELD_OVER_HTTP = {
        code: "SEC036",
        name: "secure-context-field-over-http",
        category: Security,
        severity: Warning,
        summary: "COOP, COEP and Clear-Site-Data are ignored on plain-HTTP responses",
        specs: [
            StaticSpec::Other("Secure Contexts: Is origin potentially trustworthy?", "https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy"),
            StaticSpec::Other("HTML: Cross-origin opener policies", "https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies"),
            StaticSpec::Other("HTML: Cross-origin embedder policies", "https://html.spec.whatwg.org/multipage/browsers.html#coep"),
            StaticSpec::Other("Clear Site Data: Clear data for response", "https://w3c.github.io/webappsec-clear-site-data/#clear-response"),
        ],
        requires: &["Cross-Origin-Opener-Policy", "Cross-Origin-Embedder-Policy", "Clear-Site-Data"],
        check: check,
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("Cross-Origin-Opener-Policy", "the page is not isolated from the windows it opens or that open it"),
    ("Cross-Origin-Embedder-Policy", "cross-origin resources load without opting in, and the page is not cross-origin isolated"),
    ("Clear-Site-Data", "nothing is cleared"),
];

fn check(c: &mut Checker<'_>) {
    let Some(host) = super::insecure_http_host(c) else { return };
    for &(name, effect) in FIELDS {
        let Some((i, _)) = super::present(c, name) else { continue };
        c.report(
            Target::Header { name: name.to_string(), index: Some(i) },
            format!("Browsers ignore `{name}` on a plain-HTTP response from `{host}` (not a secure context): {effect}."),
            format!("Serve `{host}` over HTTPS; `{name}` applies there."),
        );
    }
}
