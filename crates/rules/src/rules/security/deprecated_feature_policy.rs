use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A `Feature-Policy` header.
    ///
    /// ## Why it matters
    /// `Feature-Policy` was renamed `Permissions-Policy`, with a new structured-field syntax
    /// (`camera=()` instead of `camera 'none'`). Browsers that support Permissions Policy ignore
    /// `Feature-Policy` when `Permissions-Policy` is present, and Firefox and Safari never
    /// enforced the old header, so a policy sent only as `Feature-Policy` reaches few users.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Feature-Policy: camera 'none'; geolocation 'none'
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Send the policy as `Permissions-Policy: camera=(), geolocation=()` and remove
    /// `Feature-Policy`.
    pub static DEPRECATED_FEATURE_POLICY = {
        code: "SEC019",
        name: "deprecated-feature-policy",
        category: Security,
        severity: Info,
        summary: "Feature-Policy was replaced by Permissions-Policy",
        specs: [
            StaticSpec::Other("Permissions Policy: The Permissions-Policy HTTP header field", "https://w3c.github.io/webappsec-permissions-policy/#permissions-policy-http-header-field"),
        ],
        requires: &["Feature-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = super::present(c, "Feature-Policy") else { return };
    let message = if let Presence::Present(..) = c.header("Permissions-Policy") {
        "`Feature-Policy` is deprecated and ignored where `Permissions-Policy` is supported; this response already sends `Permissions-Policy`."
    } else {
        "`Feature-Policy` is deprecated: it was replaced by `Permissions-Policy`, which uses a different syntax."
    };
    c.report(
        Target::Header { name: "Feature-Policy".into(), index: Some(i) },
        message,
        "Send the policy as `Permissions-Policy` (e.g. `camera=(), geolocation=()`) and remove `Feature-Policy`.",
    );
}
