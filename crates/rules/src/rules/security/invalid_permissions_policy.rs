use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

use crate::rules::structured::{check_dictionary, describe};

declare_rule! {
    /// ## What it checks
    /// A `Permissions-Policy` that is not a valid structured-field dictionary (RFC 8941 §4.2.2),
    /// e.g. the old `Feature-Policy` syntax (`camera 'none'`), quoted keywords
    /// (`geolocation=('self')`), upper-case feature names, or a trailing comma.
    ///
    /// ## Why it matters
    /// The Permissions Policy standard parses the header as a structured-field dictionary; when
    /// parsing fails, the *whole* header is ignored. Every feature the policy meant to disable
    /// (camera, microphone, geolocation …) then stays available to the page and its iframes.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Permissions-Policy: camera 'none'; microphone 'none'
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Use the dictionary syntax: `Permissions-Policy: camera=(), microphone=(),
    /// geolocation=(self "https://maps.example")` — lowercase names, `()` for none, `self` as a
    /// bare token and origins as double-quoted strings.
    pub static INVALID_PERMISSIONS_POLICY = {
        code: "SEC022",
        name: "invalid-permissions-policy",
        category: Security,
        severity: Warning,
        summary: "A Permissions-Policy that is not a structured-field dictionary is ignored entirely",
        specs: [
            StaticSpec::Other("Permissions Policy: The Permissions-Policy HTTP header field", "https://w3c.github.io/webappsec-permissions-policy/#permissions-policy-http-header-field"),
            rfc(8941, "4.2.2"),
        ],
        requires: &["Permissions-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = super::present(c, "Permissions-Policy") else { return };
    let Some(v) = c.header_combined("Permissions-Policy") else { return };
    // One line (nearly always): the parse `ineffective-permissions-policy-allowlist` shares.
    let combined;
    let error = match super::ineffective_permissions_policy_allowlist::one_line_policy(c) {
        Some(parsed) => parsed.as_ref().err(),
        None => {
            combined = check_dictionary(&v).err();
            combined.as_ref()
        }
    };
    if let Some(e) = error {
        let why = describe(e, &v);
        c.report(
            Target::Header { name: "Permissions-Policy".into(), index: Some(i) },
            format!("`Permissions-Policy: {v}` is not a structured-field dictionary ({why}), so browsers ignore the whole policy."),
            "Use the dictionary syntax, e.g. `Permissions-Policy: camera=(), geolocation=(self \"https://maps.example\")`.",
        );
    }
}
