use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::url;

declare_rule! {
    /// ## What it checks
    /// A redirect whose `Location` starts with `www.` and has no scheme, e.g.
    /// `Location: www.example.com/shop`.
    ///
    /// ## Why it matters
    /// Without a scheme (or a leading `//`), the value is a relative path (RFC 3986 §4.2):
    /// answering `/old/page`, the client goes to `/old/www.example.com/shop` on the same host,
    /// not to the host `www.example.com`. The result is usually a 404, or a redirect loop when
    /// that path redirects again.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 301 Moved Permanently
    /// Location: www.example.com/shop
    /// Content-Length: 0
    /// ```
    ///
    /// ## Fix
    /// Write the absolute URL, `https://www.example.com/shop`.
    pub static LOCATION_HOST_WITHOUT_SCHEME = {
        code: "RED007",
        name: "location-host-without-scheme",
        category: Redirects,
        severity: Warning,
        summary: "A Location starting with a host name but no scheme is a relative path",
        specs: [rfc(3986, "4.2"), rfc(3986, "5.2.2"), rfc(9110, "10.2.2")],
        requires: &["Location"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, loc)) = super::redirect_location(c) else { return };
    if !loc.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) || url::scheme(loc).is_some() {
        return;
    }
    let host_end = loc.find(['/', '?', '#']).unwrap_or(loc.len());
    let host = &loc[..host_end];
    let path = &loc[host_end..];
    let resolved = super::absolute_request_url(c)
        .and_then(|base| url::resolve(base, loc))
        .map(|r| format!(" (`{}`)", super::short(&r)))
        .unwrap_or_default();
    c.report(
        Target::Header { name: "Location".into(), index: Some(i) },
        format!(
            "`Location: {}` has no scheme, so clients read it as a path under the current URL{resolved}, not as the host `{host}`.",
            super::short(loc)
        ),
        format!("Write the absolute URL, `https://{host}{}`.", if path.is_empty() { "/" } else { path }),
    );
}
