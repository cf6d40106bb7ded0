//! Just enough URL reading for the request-aware rules.

/// The scheme (lowercased) and host (lowercased, without port; IPv6 literals keep their
/// brackets) of an absolute URL, or `None` for anything else.
pub fn scheme_and_host(url: &str) -> Option<(String, String)> {
    scheme_and_host_as_written(url).map(|(s, h)| (s.to_ascii_lowercase(), h.to_ascii_lowercase()))
}

/// [`scheme_and_host`] without lowercasing.
pub(crate) fn scheme_and_host_as_written(url: &str) -> Option<(&str, &str)> {
    // The first `://` (found from one `:` to the next, without a substring searcher's set-up).
    let sep = crate::rules::redirects::url::find_scheme_separator(url)?;
    let (scheme, rest) = (&url[..sep], &url[sep + 3..]);
    if scheme.is_empty()
        || !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        || !scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    let authority = &rest[..rest.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(rest.len())];
    let hostport = authority.bytes().rposition(|b| b == b'@').map_or(authority, |i| &authority[i + 1..]);
    let host = if hostport.starts_with('[') {
        match crate::model::find_byte(hostport, b']') {
            Some(i) => &hostport[..=i],
            None => return None,
        }
    } else {
        crate::model::split_byte(hostport, b':').next().unwrap_or("")
    };
    if host.is_empty() {
        return None;
    }
    Some((scheme, host))
}

/// An IPv4 or bracketed IPv6 literal.
pub fn is_ip_literal(host: &str) -> bool {
    host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_scheme_and_host() {
        assert_eq!(scheme_and_host("https://User@Example.COM:8443/a?b"), Some(("https".into(), "example.com".into())));
        assert_eq!(scheme_and_host("http://[::1]:80/"), Some(("http".into(), "[::1]".into())));
        assert_eq!(scheme_and_host("/relative"), None);
        assert_eq!(scheme_and_host("https:///x"), None);
        assert_eq!(scheme_and_host("a:b://x"), None);
        assert_eq!(scheme_and_host("https://a://b"), Some(("https".into(), "a".into())));
        assert_eq!(scheme_and_host("https:/x://y"), None);
        assert_eq!(scheme_and_host("wss://h:1"), Some(("wss".into(), "h".into())));
        assert!(is_ip_literal("127.0.0.1") && is_ip_literal("[::1]") && !is_ip_literal("example.com"));
    }
}
