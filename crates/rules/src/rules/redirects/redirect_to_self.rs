use crate::declare_rule;
use crate::registry::{Checker, Presence, Severity, Target};
use crate::spec::{fetch, rfc};

use super::url;

declare_rule! {
    /// ## What it checks
    /// A redirect whose `Location` resolves to the URL that was requested (fragments ignored),
    /// when the client would repeat the same request: not for a `303` answering a `POST` (the
    /// Post/Redirect/Get pattern) or a `301`/`302` answering a `POST`, where the method becomes
    /// `GET`. The rule needs the request's absolute URL and stays silent without it.
    ///
    /// ## Why it matters
    /// Following the redirect asks for the same resource with the same method, which gets the
    /// same redirect again: browsers give up after 20 redirects (Fetch §http-redirect-fetch)
    /// with "too many redirects", and other clients loop until their own limit. A redirect to
    /// itself that sets a cookie can be deliberate (a cookie check), so that case is only
    /// reported as information.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 302 Found
    /// Location: /dashboard
    /// Content-Length: 0
    /// ```
    /// (answering `GET /dashboard`)
    ///
    /// ## Fix
    /// Redirect to a different URL, or answer the request directly; check the condition that
    /// decides to redirect (often a login or locale check that never becomes true).
    pub static REDIRECT_TO_SELF = {
        code: "RED004",
        name: "redirect-to-self",
        category: Redirects,
        severity: Warning,
        summary: "A redirect that points back at the requested URL loops",
        specs: [fetch("http-redirect-fetch"), rfc(9110, "15.4")],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, loc)) = super::redirect_location(c) else { return };
    let Some(req_url) = super::absolute_request_url(c) else { return };
    let method = c.method().unwrap_or("GET");
    // The method changes to GET, so the next request is a different one.
    if crate::fetch::redirect::method_after_redirect(c.status(), method) != method {
        return;
    }
    let Some(next) = url::resolve(req_url, loc) else { return };
    let (Some(a), Some(b)) = (url::comparable(&next), url::comparable(req_url)) else { return };
    if a != b {
        return;
    }
    let target = Target::Header { name: "Location".into(), index: Some(i) };
    let fix = "Redirect to a different URL or answer the request directly.".to_string();
    if matches!(c.header("Set-Cookie"), Presence::Present(..)) {
        c.report_with(
            Severity::Info,
            target,
            format!("`Location: {}` points back at the requested URL; this only ends if the cookie set here changes the next answer.", super::short(loc)),
            fix,
        );
    } else {
        c.report(
            target,
            format!("`Location: {}` points back at the requested URL: clients repeat the same request and browsers stop after 20 redirects.", super::short(loc)),
            fix,
        );
    }
}
