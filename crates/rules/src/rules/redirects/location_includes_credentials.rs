use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{fetch, rfc};

use super::url;

declare_rule! {
    /// ## What it checks
    /// A redirect whose `Location` is an `http`/`https` URL carrying a user name or password in
    /// its authority (`https://user:secret@host/…`).
    ///
    /// ## Why it matters
    /// Credentials in URLs are deprecated (RFC 3986 §3.2.1, RFC 9110 §4.2.4: senders MUST NOT
    /// generate `userinfo` in `http`/`https` URIs). The Fetch standard fails a CORS request that
    /// is redirected to a URL with credentials (§http-redirect-fetch), browsers block such
    /// subresource requests, and the secret ends up in browser history, logs and `Referer`
    /// handling along the way.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Location: https://deploy:s3cret@files.example.com/build.zip
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Redirect to a URL without credentials and authenticate with a header (`Authorization`) or
    /// a short-lived signed URL (a token in the query, not in the authority).
    pub static LOCATION_INCLUDES_CREDENTIALS = {
        code: "RED009",
        name: "location-includes-credentials",
        category: Redirects,
        severity: Error,
        summary: "A redirect target must not embed a user name or password",
        specs: [rfc(9110, "4.2.4"), fetch("http-redirect-fetch"), rfc(3986, "3.2.1")],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, loc)) = super::redirect_location(c) else { return };
    let parts = url::split(loc);
    // RFC 9110 §4.2.4 is about `http` and `https` (a network-path reference inherits the scheme).
    if !matches!(parts.scheme.map(str::to_ascii_lowercase).as_deref(), None | Some("http") | Some("https")) {
        return;
    }
    let Some(auth) = parts.authority else { return };
    let Some((userinfo, host)) = auth.rsplit_once('@') else { return };
    let what = if userinfo.contains(':') { "a user name and password" } else { "a user name" };
    c.report(
        Target::Header { name: "Location".into(), index: Some(i) },
        format!("`Location` embeds {what} in the URL for `{host}`: CORS requests redirected there fail, and the credentials leak into history and logs."),
        format!("Redirect to `…//{host}/…` without credentials and authenticate with a header or a signed token."),
    );
}
