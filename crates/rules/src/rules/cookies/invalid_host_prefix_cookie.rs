use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

use super::parse::set_cookies;

declare_rule! {
    /// ## What it checks
    /// A cookie whose name starts with `__Host-` (case-insensitive) that lacks `Secure`, has a
    /// `Domain` attribute, or has no `Path=/`.
    ///
    /// ## Why it matters
    /// The `__Host-` prefix promises that the cookie is bound to this exact host, set over a
    /// secure channel, and valid for the whole site. RFC 6265bis §5.7 makes browsers enforce
    /// the promise: a `__Host-` cookie is ignored entirely unless it is `Secure`, has no
    /// `Domain` attribute, and has a `Path` attribute of `/` (§4.1.3.2). A cookie that breaks
    /// one of these is never stored.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: __Host-session=e1f7c0; Secure; HttpOnly; Domain=example.com; Path=/
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Welcome</title>
    /// ```
    ///
    /// ## Fix
    /// Send `__Host-` cookies as `…; Secure; Path=/` without `Domain`, or drop the prefix.
    pub static INVALID_HOST_PREFIX_COOKIE = {
        code: "COO005",
        name: "invalid-host-prefix-cookie",
        category: Cookies,
        severity: Error,
        summary: "__Host- cookies must be Secure, have Path=/ and no Domain, or browsers reject them",
        specs: [
            StaticSpec::Other("RFC 6265bis §4.1.3.2 (The \"__Host-\" Prefix)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.3.2"),
            StaticSpec::Other("RFC 6265bis §5.7 (Storage Model)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cookies) = set_cookies(c) else { return };
    for ck in cookies.iter().filter(|k| !k.ignored_entirely()) {
        if !crate::model::starts_with_ignore_ascii_case(ck.name, "__host-") {
            continue;
        }
        let mut problems: Vec<String> = Vec::new();
        if !ck.secure() {
            problems.push("it is not `Secure`".into());
        }
        if let Some(a) = ck.all("Domain").filter(|a| !a.value.is_empty()).last() {
            problems.push(format!("it has `Domain={}`", a.value));
        }
        match ck.last("Path") {
            None => problems.push("it has no `Path=/`".into()),
            // A value not starting with `/` means the default path, which depends on the
            // request URL: not reported.
            Some(a) if a.value.starts_with('/') && a.value != "/" => problems.push(format!("it has `Path={}` instead of `Path=/`", a.value)),
            Some(_) => {}
        }
        if problems.is_empty() {
            continue;
        }
        c.report(
            super::target(ck.index),
            format!("Browsers reject the `__Host-` cookie `{}`: {}.", ck.label(), problems.join(", ")),
            "Send it as `…; Secure; Path=/` without `Domain` (or drop the `__Host-` prefix).",
        );
    }
}
