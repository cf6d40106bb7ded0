use crate::declare_rule;
use crate::registry::{Checker, Severity, Target};
use crate::spec::{fetch, rfc};

use super::url;

declare_rule! {
    /// ## What it checks
    /// A redirect whose `Location` has a scheme other than `http` or `https`: an app scheme
    /// (`myapp://callback`, `com.example.app:/oauth2redirect`), `mailto:`, or one browsers never follow (`javascript:`, `data:`,
    /// `file:`, `blob:`). It also catches values such as `localhost:3000/x` or
    /// `example.com:8443/x`, which URL parsers read as the scheme `localhost:` or `example.com:`.
    ///
    /// ## Why it matters
    /// `fetch()` turns a redirect to a non-HTTP(S) URL into a network error (Fetch
    /// §http-redirect-fetch). Navigations hand app schemes to the operating system, which is how
    /// native-app OAuth callbacks work, so those are only noted; but browsers refuse to
    /// navigate to `javascript:`, `data:`, `file:` and `blob:` URLs from a redirect, and a host
    /// written without `//` is not a host at all.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Location: localhost:3000/callback
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Write hosts as absolute URLs (`http://localhost:3000/callback`). Keep app-scheme
    /// redirects to navigations (not `fetch()`), and never redirect to `javascript:` or `data:`.
    pub static REDIRECT_TO_NON_HTTP_SCHEME = {
        code: "RED008",
        name: "redirect-to-non-http-scheme",
        category: Redirects,
        severity: Info,
        summary: "A redirect to a non-HTTP(S) URL fails in fetch and is refused for some schemes",
        specs: [fetch("http-redirect-fetch"), rfc(3986, "3.1")],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, loc)) = super::redirect_location(c) else { return };
    let Some(scheme) = url::scheme(loc) else { return };
    if scheme == "http" || scheme == "https" {
        return;
    }
    let target = Target::Header { name: "Location".into(), index: Some(i) };
    let after = &loc[scheme.len() + 1..];
    let shown = super::short(loc);
    // `localhost:3000/x`, `example.com:8443/x`: a host and port without `//`. Reverse-DNS app
    // schemes (`com.example.app:/callback`, RFC 8252 §7.1) are followed by `/`, not a port.
    if scheme == "localhost" || scheme.starts_with("www.") || after.starts_with(|ch: char| ch.is_ascii_digit()) {
        c.report_with(
            Severity::Warning,
            target,
            format!("`Location: {shown}` is read as a URL with the scheme `{scheme}:`, not as a host and port."),
            format!("Write the absolute URL, e.g. `https://{loc}`."),
        );
    } else if matches!(scheme.as_str(), "javascript" | "vbscript" | "data" | "file" | "blob" | "about") {
        c.report_with(
            Severity::Warning,
            target,
            format!("`Location: {shown}` uses the scheme `{scheme}:`, which browsers refuse to follow from a redirect."),
            "Redirect to an `https://` URL.",
        );
    } else {
        c.report(
            target,
            format!("`Location: {shown}` uses the scheme `{scheme}:`: `fetch()` fails on it, while navigations hand it to the app registered for `{scheme}:`."),
            "Fine for app callbacks reached by navigation; for anything fetched, redirect to an `https://` URL.",
        );
    }
}
