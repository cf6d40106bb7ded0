use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// `Clear-Site-Data` on a response, or a `Cross-Origin-Opener-Policy` or
    /// `Cross-Origin-Embedder-Policy` (or their `-Report-Only` forms) that sets anything but the
    /// default `unsafe-none` on an HTML document, to a plain-`http` request for a host that is
    /// not potentially trustworthy (not `localhost`, 127.0.0.0/8 or `[::1]`; Secure Contexts
    /// §3.1). Silent when
    /// the request is unknown or given in origin form (`GET /path`), whose scheme is a guess.
    ///
    /// ## Why it matters
    /// Browsers apply these fields only in secure contexts:
    /// - the opener and embedder policies of a non-secure context are the defaults
    ///   (`unsafe-none`): HTML, "obtain an opener policy" and "obtain an embedder policy";
    /// - `Clear-Site-Data` is skipped for a response whose URL is not secure (Clear Site Data,
    ///   "Clear data for response", step 1; Chromium's console: "Not supported for insecure
    ///   origins").
    ///
    /// The field is inert, so a page served over plain HTTP keeps its opener, embeds anything,
    /// and a logout that relies on `Clear-Site-Data` leaves its cookies and storage behind
    /// (the opener policy and `Clear-Site-Data` checked in Chromium, against the same server
    /// reached as a loopback address, where they apply).
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
        summary: "COOP, COEP and Clear-Site-Data are ignored over plain HTTP, except from localhost and loopback addresses",
        specs: [
            StaticSpec::Other("Secure Contexts: Is origin potentially trustworthy?", "https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy"),
            StaticSpec::Other("HTML: Cross-origin opener policies", "https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies"),
            StaticSpec::Other("HTML: Cross-origin embedder policies", "https://html.spec.whatwg.org/multipage/browsers.html#coep"),
            StaticSpec::Other("Clear Site Data: Clear data for response", "https://w3c.github.io/webappsec-clear-site-data/#clear-response"),
        ],
        requires: &[
            "Cross-Origin-Opener-Policy",
            "Cross-Origin-Opener-Policy-Report-Only",
            "Cross-Origin-Embedder-Policy",
            "Cross-Origin-Embedder-Policy-Report-Only",
            "Clear-Site-Data",
        ],
        check: check,
    }
}

/// The policy fields, with what their being ignored means. Only documents get them (a worker's
/// script can carry an embedder policy too; not checked).
/// Each with the values that change anything ([`COOP_SETTING`](super::COOP_SETTING),
/// [`COEP_SETTING`](super::COEP_SETTING)).
const POLICIES: &[(&str, &[&str], &str)] = &[
    ("Cross-Origin-Opener-Policy", super::COOP_SETTING, "the page is not isolated from the windows it opens or that open it"),
    ("Cross-Origin-Opener-Policy-Report-Only", super::COOP_SETTING, "nothing is reported"),
    ("Cross-Origin-Embedder-Policy", super::COEP_SETTING, "cross-origin resources load without opting in, and the page is not cross-origin isolated"),
    ("Cross-Origin-Embedder-Policy-Report-Only", super::COEP_SETTING, "nothing is reported"),
];


fn check(c: &mut Checker<'_>) {
    let Some(host) = super::insecure_http_host(c) else { return };
    let mut ignored: Vec<(&str, &str)> = Vec::new();
    if super::is_document(c) {
        let set = |name, values: &[&str]| super::policy_token(c, name).is_some_and(|t| values.contains(&t.as_str()));
        ignored.extend(POLICIES.iter().filter(|&&(name, values, _)| set(name, values)).map(|&(name, _, effect)| (name, effect)));
    }
    if super::present(c, "Clear-Site-Data").is_some() {
        ignored.push(("Clear-Site-Data", "nothing is cleared"));
    }
    for (name, effect) in ignored {
        let Some((i, _)) = super::present(c, name) else { continue };
        c.report(
            Target::Header { name: name.to_string().into(), index: Some(i) },
            format!("Browsers ignore `{name}` on a plain-HTTP response from `{host}` (not a secure context): {effect}."),
            format!("Serve `{host}` over HTTPS; `{name}` applies there."),
        );
    }
}
