use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

use super::url;

declare_rule! {
    /// ## What it checks
    /// A redirect (`301`, `302`, `303`, `307`, `308`) answering an `https` request whose
    /// `Location` is an `http://` URL. Redirects to the local machine (`localhost`,
    /// `127.0.0.1`, `[::1]`, as OAuth loopback redirects use) are not reported. The rule needs the
    /// request's absolute URL and stays silent without it.
    ///
    /// ## Why it matters
    /// The client asked over a secure connection and is sent to an insecure one: the next request,
    /// its URL and any cookie without `Secure` travel in clear text, where they can be read and
    /// the answer altered. Browsers block or upgrade such a redirect for subresources of a secure
    /// page as mixed content, so `fetch()` calls and images break, while navigations silently
    /// lose transport security.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 301 Moved Permanently
    /// Location: http://www.example.com/account
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Redirect to the `https://` URL, or use a relative reference (`/account`), which keeps the
    /// scheme of the request.
    pub static REDIRECT_DOWNGRADES_TO_HTTP = {
        code: "RED001",
        name: "redirect-downgrades-to-http",
        category: Redirects,
        severity: Warning,
        summary: "A redirect answering an https request must not send the client to http",
        specs: [
            rfc(9110, "10.2.2"),
            rfc(9110, "4.2.2"),
            StaticSpec::Other("Mixed Content §should-block-fetch", "https://w3c.github.io/webappsec-mixed-content/#should-block-fetch"),
        ],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, loc)) = super::redirect_location(c) else { return };
    let Some(req_url) = super::absolute_request_url(c) else { return };
    if url::scheme(req_url).as_deref() != Some("https") || url::scheme(loc).as_deref() != Some("http") {
        return;
    }
    if url::host_of(loc).is_none_or(|h| url::is_loopback(&h)) {
        return;
    }
    c.report(
        Target::Header { name: "Location".into(), index: Some(i) },
        format!(
            "`Location: {}` sends a client that asked over `https` to plain `http`: the next request and any cookie without `Secure` travel unencrypted.",
            super::short(loc)
        ),
        "Redirect to the `https://` URL, or use a relative reference that keeps the scheme.",
    );
}
