use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

use super::url;

declare_rule! {
    /// ## What it checks
    /// A permanent redirect (`301` or `308`) whose `Location` is not a canonical URL: it carries
    /// a session id (`;jsessionid=`, `PHPSESSID=`, `sid=`) or campaign-tracking parameters
    /// (`utm_*`, `gclid`, `fbclid`), names the scheme's default port (`:443` on `https:`, `:80`
    /// on `http:`), has an upper-case host, unresolved dot-segments (`/./`, `/../`) or an empty
    /// path segment (`//`).
    ///
    /// ## Why it matters
    /// A permanent redirect tells every client to replace the old URL with the new one: browsers
    /// cache a `301`/`308` without expiry unless told otherwise (it is heuristically cacheable,
    /// RFC 9110 §15.1) and search engines transfer the old URL's standing to the target. A
    /// target that is one of many spellings of the resource — or that embeds one visitor's
    /// session — is baked into bookmarks, caches and search indexes, splitting them across
    /// variants or leaking the session to everyone who follows the cached redirect.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 301 Moved Permanently
    /// Location: https://Shop.example.com:443/cart;jsessionid=8F2A?utm_source=mail
    /// ```
    ///
    /// ## Fix
    /// Redirect to the one canonical URL: lower-case host, no default port, normalised path, no
    /// session or tracking parameters. Keep per-visitor state in cookies, and use a temporary
    /// redirect (`302`/`307`) when the target depends on the visitor.
    pub static PERMANENT_REDIRECT_TO_NON_CANONICAL_URL = {
        code: "RED012",
        name: "permanent-redirect-to-non-canonical-url",
        category: Redirects,
        severity: Warning,
        summary: "A permanent redirect points at a non-canonical URL (session id, tracking parameters, default port …)",
        specs: [rfc(9110, "15.4.2"), rfc(9110, "15.4.9"), rfc(9110, "4.2.3"), rfc(3986, "6.2.2")],
        statuses: Codes(&[301, 308]),
        check: check,
    }
}

const SESSION_PARAMS: &[&str] = &["jsessionid", "phpsessid", "sid", "sessionid", "session_id", "aspsessionid"];
const TRACKING_PARAMS: &[&str] = &["gclid", "fbclid", "msclkid", "mc_eid", "dclid"];

/// What makes `target` (an absolute or relative URL reference) non-canonical, if anything.
pub(crate) fn non_canonical(target: &str) -> Vec<String> {
    let p = url::split(target);
    let mut why = Vec::new();
    if let (Some(scheme), Some(auth)) = (p.scheme, p.authority) {
        let (_, port) = url::host_port(auth);
        let raw_host = auth.rsplit('@').next().unwrap_or(auth).split(':').next().unwrap_or("");
        if raw_host.bytes().any(|b| b.is_ascii_uppercase()) {
            why.push(format!("an upper-case host (`{raw_host}`; hosts are case-insensitive, RFC 3986 §6.2.2.1)"));
        }
        if let Some(default) = url::default_port(&scheme.to_ascii_lowercase()).filter(|d| port == Some(*d)) {
            why.push(format!("the default port `:{default}` written out (RFC 3986 §6.2.3)"));
        }
    }
    let path_lower = p.path.to_ascii_lowercase();
    if path_lower.contains(";jsessionid=") {
        why.push("a session id in the path (`;jsessionid=`)".into());
    }
    if p.path.split('/').any(|s| s == "." || s == "..") {
        why.push("unresolved dot-segments (RFC 3986 §6.2.2.3)".into());
    }
    if p.path.contains("//") {
        why.push("an empty path segment (`//`)".into());
    }
    if let Some(q) = p.query {
        for pair in q.split('&') {
            let key = pair.split('=').next().unwrap_or("").to_ascii_lowercase();
            if SESSION_PARAMS.contains(&key.as_str()) {
                why.push(format!("a session id in the query (`{key}=`)"));
            } else if key.starts_with("utm_") || TRACKING_PARAMS.contains(&key.as_str()) {
                why.push(format!("a tracking parameter (`{key}`)"));
            }
        }
    }
    why.dedup();
    why
}

fn check(c: &mut Checker<'_>) {
    if !matches!(c.status(), 301 | 308) {
        return;
    }
    let Some((i, loc)) = super::redirect_location(c) else { return };
    let why = non_canonical(loc);
    if why.is_empty() {
        return;
    }
    c.report(
        Target::Header { name: "Location".into(), index: Some(i) },
        format!(
            "This permanent redirect points at a non-canonical URL ({}): clients cache and index `{}` as the resource's new address.",
            why.join("; "),
            super::short(loc)
        ),
        "Redirect to the canonical URL (lower-case host, no default port, normalised path, no session or tracking parameters), or use 302/307 when the target depends on the visitor.",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons() {
        assert!(non_canonical("https://shop.example.com/cart").is_empty());
        assert!(non_canonical("/cart?page=2").is_empty());
        assert_eq!(non_canonical("https://Shop.example.com:443/cart").len(), 2);
        assert_eq!(non_canonical("/a/../b").len(), 1);
        assert_eq!(non_canonical("/a//b?utm_source=x&PHPSESSID=1").len(), 3);
        assert!(non_canonical("http://h:8080/").is_empty(), "a non-default port is part of the origin");
    }
}
