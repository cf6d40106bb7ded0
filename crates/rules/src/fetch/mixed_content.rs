//! Mixed content: whether a secure page may fetch an insecure URL (W3C Mixed Content Level 2,
//! <https://w3c.github.io/webappsec-mixed-content/>), with "potentially trustworthy" from Secure
//! Contexts §3.1–3.2 (<https://w3c.github.io/webappsec-secure-contexts/>).

use std::net::IpAddr;

use serde::Serialize;

use super::address_space::{host_address_space, host_of, is_localhost_name, local_network, AddressSpace, Host};

/// Secure Contexts §3.1 (is-origin-trustworthy) (for the http(s) origins fetch() deals with):
/// `https:`; a host in 127.0.0.0/8 or ::1/128; `localhost` and `*.localhost`. Anything else —
/// `http:` to any other host — is not.
pub fn is_potentially_trustworthy_origin(origin: &str) -> bool {
    let Some((scheme, _)) = origin.split_once("://") else { return false };
    if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("wss") {
        return true;
    }
    match host_of(origin) {
        Some(Host::Ip(IpAddr::V4(v4))) => v4.octets()[0] == 127,
        Some(Host::Ip(IpAddr::V6(v6))) => v6 == std::net::Ipv6Addr::LOCALHOST,
        Some(Host::Domain(d)) => is_localhost_name(&d),
        None => false,
    }
}

/// [`is_potentially_trustworthy_origin`] of `http://{host}`: whether a plain-HTTP response from
/// `host` (as written in a URL, `[::1]` with its brackets) still comes from a secure context.
pub fn is_potentially_trustworthy_http_host(host: &str) -> bool {
    is_potentially_trustworthy_origin(&format!("http://{host}"))
}

/// Secure Contexts §3.2 (is-url-trustworthy): `about:blank`, `about:srcdoc` and `data:` URLs are;
/// otherwise the URL's origin decides.
pub fn is_potentially_trustworthy_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    if lower == "about:blank" || lower == "about:srcdoc" || lower.starts_with("data:") {
        return true;
    }
    is_potentially_trustworthy_origin(&lower)
}

/// Whether a page's settings "prohibit mixed security contexts" (Mixed Content §categorize-settings-object).
/// The spec says: when the page's origin is potentially trustworthy. Chromium applies mixed-content
/// blocking only to `https:` pages (an `http://localhost` page may fetch `http://example.com`), and
/// this follows Chromium.
pub fn prohibits_mixed_content(page_origin: &str) -> bool {
    page_origin.trim().to_ascii_lowercase().starts_with("https://")
}

/// The answer to Mixed Content §should-block-fetch for a `fetch()` (a blockable request: fetch is
/// never "upgradeable", §upgrade-algorithm covers only images, audio and video).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MixedContent {
    /// The page is not `https:`, or the URL is potentially trustworthy: nothing to block.
    NotMixed,
    /// Blocked before any request is made; fetch() rejects with a TypeError and DevTools reports
    /// `blockedReason: "mixed-content"`.
    Blocked,
    /// Chromium 142+: an `http:` request to a private or loopback IP literal (e.g. the IPv4-mapped
    /// `[::ffff:127.0.0.1]`, which is not potentially trustworthy) or a `.local` name from a page in
    /// a less private address space is a local network request; it is exempt from mixed-content
    /// blocking and goes ahead only if the user grants the Local Network Access permission.
    LocalNetworkExempt,
}

/// Mixed Content §should-block-fetch: should `fetch(url)` from a page at `page_origin` be blocked?
/// `page_space` is the page's address space when known (see [`local_network`]).
pub fn mixed_content(page_origin: &str, url: &str, page_space: Option<AddressSpace>) -> MixedContent {
    if !prohibits_mixed_content(page_origin) || is_potentially_trustworthy_url(url) {
        return MixedContent::NotMixed;
    }
    // Chromium's Local Network Access exemption (DevTools issue "LocalNetworkAccessPermissionDenied":
    // "the site can make local network requests over HTTP for hostnames that are private IP
    // addresses, .local hostnames, or to localhost"); a page whose address space is unknown counts
    // as public, as Chromium treats an unknown space.
    let target = host_of(url).as_ref().and_then(host_address_space);
    let private = matches!(target, Some(AddressSpace::Local | AddressSpace::Loopback));
    if private && local_network(page_origin, url, page_space).local_network_request != Some(false) {
        return MixedContent::LocalNetworkExempt;
    }
    MixedContent::Blocked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn potentially_trustworthy() {
        for yes in ["https://example.com", "http://localhost:3000", "http://app.localhost", "http://localhost.", "http://127.0.0.1:8080", "http://127.5.0.1", "http://[::1]:80", "wss://x"] {
            assert!(is_potentially_trustworthy_origin(yes), "{yes}");
        }
        for no in ["http://example.com", "http://192.168.1.1", "http://10.0.0.1", "http://localhost.example", "http://[::2]", "http://[::ffff:127.0.0.1]", "null"] {
            assert!(!is_potentially_trustworthy_origin(no), "{no}");
        }
        assert!(is_potentially_trustworthy_url("data:text/plain,hi") && is_potentially_trustworthy_url("about:blank"));
        assert!(!is_potentially_trustworthy_url("http://example.com/x"));
    }

    #[test]
    fn mixed_content_blocking() {
        use MixedContent::*;
        let page = "https://app.example";
        assert_eq!(mixed_content(page, "http://api.example/x", None), Blocked);
        assert_eq!(mixed_content(page, "HTTP://API.EXAMPLE:8080/x", None), Blocked);
        assert_eq!(mixed_content(page, "https://api.example/x", None), NotMixed);
        assert_eq!(mixed_content(page, "http://localhost:8080/x", None), NotMixed);
        assert_eq!(mixed_content(page, "http://127.0.0.1:8080/x", None), NotMixed);
        assert_eq!(mixed_content(page, "http://[::1]:8080/x", None), NotMixed);
        assert_eq!(mixed_content(page, "http://dev.localhost/x", None), NotMixed);
        // Only https pages restrict mixed content in Chromium.
        assert_eq!(mixed_content("http://127.0.0.1:8080", "http://api.example/x", None), NotMixed);
        assert_eq!(mixed_content("http://app.example", "http://api.example/x", None), NotMixed);
        // Private IP literals and .local names become local network requests instead…
        assert_eq!(mixed_content(page, "http://192.168.1.20/x", None), LocalNetworkExempt);
        assert_eq!(mixed_content(page, "http://printer.local/x", None), LocalNetworkExempt);
        assert_eq!(mixed_content(page, "http://[::ffff:127.0.0.1]/x", None), LocalNetworkExempt);
        assert_eq!(mixed_content(page, "http://[::ffff:192.168.0.1]/x", None), LocalNetworkExempt);
        assert_eq!(mixed_content(page, "http://198.18.0.1/x", None), Blocked);
        // …unless the page is on the local network itself (then it is not a local network request).
        assert_eq!(mixed_content("https://192.168.1.2", "http://192.168.1.20/x", None), Blocked);
        assert_eq!(mixed_content(page, "http://192.168.1.20/x", Some(AddressSpace::Local)), Blocked);
    }
}
