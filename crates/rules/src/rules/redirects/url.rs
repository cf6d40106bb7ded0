//! Small, lenient URL helpers shared by the redirect and CORS rules: splitting a URI reference
//! (RFC 3986 §3), resolving it against a base (RFC 3986 §5.2) and comparing origins. They never
//! panic and run in linear time; anything they cannot read yields `None`, and the rules then
//! stay silent.

/// The scheme of a URI reference (RFC 3986 §3.1), lowercased, when it has one.
pub(crate) fn scheme(r: &str) -> Option<String> {
    scheme_str(r).map(str::to_ascii_lowercase)
}

/// The offset of the first `://`.
pub(crate) fn find_scheme_separator(s: &str) -> Option<usize> {
    // From one `:` to the next, instead of comparing every window of three.
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = b[from..].iter().position(|&c| c == b':') {
        let at = from + i;
        if b[at + 1..].starts_with(b"//") {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether the URI reference has a scheme ([`scheme`] without the copy).
pub(crate) fn has_scheme(r: &str) -> bool {
    scheme_str(r).is_some()
}

/// The scheme of a URI reference as written, when it has one.
pub(crate) fn scheme_str(r: &str) -> Option<&str> {
    let end = find_byte(r, |b| matches!(b, b':' | b'/' | b'?' | b'#'))?;
    let s = &r[..end];
    (r[end..].starts_with(':') && is_scheme(s)).then_some(s)
}

/// Whether `s` is a whole scheme: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
fn is_scheme(s: &str) -> bool {
    let mut b = s.bytes();
    b.next().is_some_and(|c| c.is_ascii_alphabetic())
        && b.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
}

/// The five components of a URI reference (RFC 3986 §5.2.1 / Appendix B).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Parts<'a> {
    pub scheme: Option<&'a str>,
    pub authority: Option<&'a str>,
    pub path: &'a str,
    pub query: Option<&'a str>,
    pub fragment: Option<&'a str>,
}

/// The offset of the first byte matching `f` (for ASCII delimiters, always a character boundary).
fn find_byte(s: &str, f: impl Fn(u8) -> bool) -> Option<usize> {
    s.bytes().position(f)
}

pub(crate) fn split(r: &str) -> Parts<'_> {
    let (rest, fragment) = match find_byte(r, |b| b == b'#') {
        Some(i) => (&r[..i], Some(&r[i + 1..])),
        None => (r, None),
    };
    let (rest, query) = match find_byte(rest, |b| b == b'?') {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    };
    let (scheme, rest) = match scheme_str(rest) {
        Some(s) => (Some(s), &rest[s.len() + 1..]),
        None => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = find_byte(after, |b| b == b'/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts { scheme, authority, path, query, fragment }
}

/// RFC 3986 §5.2.4.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let segs: Vec<&str> = path.split('/').collect();
    let n = segs.len();
    for (i, seg) in segs.iter().enumerate() {
        if i == 0 && absolute {
            continue;
        }
        match *seg {
            "." => {
                if i == n - 1 {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if i == n - 1 {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// Resolves `reference` against the absolute URL `base` (RFC 3986 §5.2.2). `None` when `base`
/// has no scheme or authority.
pub(crate) fn resolve(base: &str, reference: &str) -> Option<String> {
    let b = split(base);
    let b_scheme = b.scheme?;
    let b_auth = b.authority?;
    let r = split(reference);
    let (scheme, authority, path, query);
    if let Some(s) = r.scheme {
        scheme = s.to_string();
        authority = r.authority.map(str::to_string);
        path = remove_dot_segments(r.path);
        query = r.query;
    } else {
        scheme = b_scheme.to_string();
        if let Some(a) = r.authority {
            authority = Some(a.to_string());
            path = remove_dot_segments(r.path);
            query = r.query;
        } else {
            authority = Some(b_auth.to_string());
            if r.path.is_empty() {
                path = b.path.to_string();
                query = r.query.or(b.query);
            } else {
                if r.path.starts_with('/') {
                    path = remove_dot_segments(r.path);
                } else {
                    let merged = if b.path.is_empty() {
                        format!("/{}", r.path)
                    } else {
                        let dir = &b.path[..b.path.rfind('/').map_or(0, |i| i + 1)];
                        format!("{dir}{}", r.path)
                    };
                    path = remove_dot_segments(&merged);
                }
                query = r.query;
            }
        }
    }
    let mut out = format!("{scheme}:");
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(&a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    Some(out)
}

/// Host (lowercased, IPv6 brackets kept) and port of an authority, userinfo removed.
pub(crate) fn host_port(authority: &str) -> (String, Option<&str>) {
    let (host, port) = host_port_as_written(authority);
    (host.to_ascii_lowercase(), port)
}

/// [`host_port`] without lowercasing the host.
pub(crate) fn host_port_as_written(authority: &str) -> (&str, Option<&str>) {
    // Byte searches: `@`, `[`, `]` and `:` are ASCII, so every split is at a character boundary.
    let last = |s: &str, b: u8| s.bytes().rposition(|x| x == b);
    let hp = last(authority, b'@').map_or(authority, |i| &authority[i + 1..]);
    if hp.starts_with('[') {
        if let Some(end) = hp.bytes().position(|x| x == b']') {
            return (&hp[..=end], hp[end + 1..].strip_prefix(':'));
        }
        return (hp, None);
    }
    match last(hp, b':') {
        Some(i) => (&hp[..i], Some(&hp[i + 1..])),
        None => (hp, None),
    }
}

pub(crate) fn default_port(scheme: &str) -> Option<&'static str> {
    match scheme {
        "http" | "ws" => Some("80"),
        "https" | "wss" => Some("443"),
        _ => None,
    }
}

/// `host[:port]` with the scheme's default port (or an empty port) dropped.
pub(crate) fn normalized_host_port(scheme: &str, authority: &str) -> String {
    let (host, port) = host_port(authority);
    match port {
        Some(p) if !p.is_empty() && Some(p) != default_port(scheme) => format!("{host}:{p}"),
        _ => host,
    }
}

/// An absolute URL in a form fit for comparison: scheme and host lowercased, default port
/// dropped, empty path made `/`, fragment removed. `None` for a relative reference.
pub(crate) fn comparable(url: &str) -> Option<String> {
    let p = split(url);
    let scheme = p.scheme?.to_ascii_lowercase();
    let auth = p.authority?;
    let path = if p.path.is_empty() { "/" } else { p.path };
    let mut out = format!("{scheme}://{}{path}", normalized_host_port(&scheme, auth));
    if let Some(q) = p.query {
        out.push('?');
        out.push_str(q);
    }
    Some(out)
}

/// The lowercased host of an absolute URL (or a network-path reference).
pub(crate) fn host_of(url: &str) -> Option<String> {
    split(url).authority.map(|a| host_port(a).0)
}

/// Whether a host names the local machine (`localhost`, `127.0.0.0/8`, `[::1]`): redirects to
/// it over plain HTTP are normal (OAuth loopback redirects, RFC 8252 §7.3).
pub(crate) fn is_loopback(host: &str) -> bool {
    let h = host.trim_end_matches('.');
    let ipv4_loopback = h.starts_with("127.") && h.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    h == "localhost" || h.ends_with(".localhost") || h == "[::1]" || ipv4_loopback
}

#[cfg(test)]
mod tests {

    #[test]
    fn scheme_separator_is_the_first_colon_slash_slash() {
        for s in ["", ":", "://", "a://b", "a:/b://c", "::://", "a:b", "https://x:1//y", "é://", ":/", "x:"] {
            let reference = s.as_bytes().windows(3).position(|w| w == b"://");
            assert_eq!(super::find_scheme_separator(s), reference, "{s:?}");
        }
    }

    use super::*;

    #[test]
    fn resolves_rfc3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (r, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../..", "http://a/"),
            ("../../../g", "http://a/g"),
            ("g;x=1/../y", "http://a/b/c/y"),
        ] {
            assert_eq!(resolve(base, r).as_deref(), Some(want), "{r}");
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let odd = ["", ":", "a:", "//", "///", "[", "]:", "@", "é:/x", "http://é/ü", "ü", "?#", "#?", "http:", "x://[::1", "a:b:c", "../..", "%", "\\"];
        for a in odd {
            for b in odd {
                let _ = resolve(a, b);
                let _ = resolve("http://h/p/q", b);
            }
            let _ = (split(a), comparable(a), host_of(a), scheme(a), host_port(a));
            let _ = crate::rules::cors::origin_problem(a);
            let _ = crate::rules::cors::is_cross_origin(&crate::model::Request::new("GET", a), a);
        }
    }

    #[test]
    fn compares_and_splits() {
        assert_eq!(comparable("HTTPS://Example.COM:443").as_deref(), Some("https://example.com/"));
        assert_eq!(scheme("localhost:8080/x").as_deref(), Some("localhost"));
        assert_eq!(scheme("/a:b"), None);
        assert_eq!(host_port("u:p@[::1]:8080"), ("[::1]".to_string(), Some("8080")));
        assert!(is_loopback("127.0.0.1"));
        assert!(!is_loopback("127.example.com"));
    }
}
