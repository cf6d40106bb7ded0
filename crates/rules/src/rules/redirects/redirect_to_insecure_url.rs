use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::url;

declare_rule! {
    /// ## What it checks
    /// A redirect whose `Location` is an absolute `http://` URL, when the request is not known
    /// to have been made over `https` (that case is `redirect-downgrades-to-http`). Redirects to
    /// the local machine (`localhost`, `127.0.0.1`, `[::1]`) are not reported.
    ///
    /// ## Why it matters
    /// The next hop is unencrypted: anyone on the path can read the URL and cookies without
    /// `Secure`, and can answer with a redirect of their own. Redirects are a common place for
    /// plain-HTTP links to survive after a site moved to HTTPS (hard-coded hosts, a proxy that
    /// builds the URL from the scheme it saw).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Location: http://cdn.example.net/files/report.pdf
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Redirect to the `https://` URL. Behind a TLS-terminating proxy, build absolute URLs from
    /// `X-Forwarded-Proto`/`Forwarded`, or use relative references.
    pub static REDIRECT_TO_INSECURE_URL = {
        code: "RED006",
        name: "redirect-to-insecure-url",
        category: Redirects,
        severity: Info,
        summary: "A redirect to an http URL sends the client over an unencrypted connection",
        specs: [rfc(9110, "10.2.2"), rfc(9110, "4.2.2")],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, loc)) = super::redirect_location(c) else { return };
    if url::scheme(loc).as_deref() != Some("http") {
        return;
    }
    if super::absolute_request_url(c).and_then(url::scheme).as_deref() == Some("https") {
        return; // redirect-downgrades-to-http
    }
    let Some(host) = url::host_of(loc) else { return };
    if host.is_empty() || url::is_loopback(&host) {
        return;
    }
    c.report(
        Target::Header { name: "Location".into(), index: Some(i) },
        format!("`Location: {}` sends the client to plain `http`; the next request can be read and altered in transit.", super::short(loc)),
        format!("Redirect to `https://{host}…` instead."),
    );
}
