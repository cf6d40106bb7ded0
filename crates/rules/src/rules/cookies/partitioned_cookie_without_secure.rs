use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A cookie with the `Partitioned` attribute (CHIPS) but without `Secure`.
    ///
    /// ## Why it matters
    /// Partitioned cookies ("Cookies Having Independent Partitioned State") are only accepted
    /// when they are `Secure`: the CHIPS specification has user agents ignore a `Partitioned`
    /// cookie whose secure-only flag is not set, and Chromium-based browsers reject it. The
    /// cookie — typically needed by an embedded third-party widget — is never stored there.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: embed_state=a1b2; Path=/; SameSite=None; Partitioned
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Chat widget</title>
    /// ```
    ///
    /// ## Fix
    /// Add `Secure`: `Set-Cookie: __Host-embed_state=a1b2; Path=/; Secure; SameSite=None; Partitioned`.
    pub static PARTITIONED_COOKIE_WITHOUT_SECURE = {
        code: "COO012",
        name: "partitioned-cookie-without-secure",
        category: Cookies,
        severity: Error,
        summary: "Partitioned cookies must be Secure, or browsers reject them",
        specs: [
            StaticSpec::Other("CHIPS: Cookies Having Independent Partitioned State (draft-cutler-httpbis-partitioned-cookies)", "https://datatracker.ietf.org/doc/html/draft-cutler-httpbis-partitioned-cookies"),
            StaticSpec::Other("Chrome for Developers: CHIPS", "https://developer.chrome.com/docs/privacy-sandbox/chips"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        if ck.has("Partitioned") && !ck.secure() {
            c.report(
                super::target(ck.index),
                format!("Cookie `{}` is `Partitioned` but not `Secure`: Chromium-based browsers reject it.", ck.label()),
                "Add `Secure` to the partitioned cookie.",
            );
        }
    }
}
