//! Raw HTTP/1.x messages (pasted traffic, `curl -i` output, fixtures) parsed with `httparse`.

use std::borrow::Cow;

use crate::model::{Headers, Request, Response, Visibility};

/// Why a raw message could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ParseError {}

const MAX_HEADERS: usize = 256;
/// Interim and redirect responses accepted before the final one (`curl -iL` follows up to 50).
const MAX_CHAIN: usize = 64;

/// The header section of a message: up to and including the first empty line (LF or CRLF),
/// or everything when there is none. Copying only this keeps chains linear.
fn head(raw: &[u8]) -> &[u8] {
    for i in memchr::memchr_iter(b'\n', raw) {
        match (raw.get(i + 1), raw.get(i + 2)) {
            (Some(b'\n'), _) => return &raw[..i + 2],
            (Some(b'\r'), Some(b'\n')) => return &raw[..i + 3],
            _ => {}
        }
    }
    raw
}

/// Skips leading blank lines; accepts CRLF or LF line ends.
fn trim_start(raw: &[u8]) -> &[u8] {
    let mut i = 0;
    while i < raw.len() && (raw[i] == b'\r' || raw[i] == b'\n' || raw[i] == b' ' || raw[i] == b'\t') {
        i += 1;
    }
    &raw[i..]
}

fn header_list(hs: &[httparse::Header<'_>]) -> Result<Headers, ParseError> {
    let mut out = Headers(Vec::with_capacity(hs.len()));
    for h in hs {
        let v = match std::str::from_utf8(h.value) {
            Ok(s) => s.trim().to_string(),
            // Obsolete non-UTF-8 octets (RFC 9110 §5.5 obs-text) are kept, shown as Latin-1.
            Err(_) => h.value.iter().map(|&b| b as char).collect::<String>().trim().to_string(),
        };
        out.push(h.name, v);
    }
    Ok(out)
}

fn describe(e: httparse::Error) -> String {
    match e {
        httparse::Error::HeaderName => "a header name contains an invalid character".into(),
        httparse::Error::HeaderValue => "a header value contains an invalid character".into(),
        httparse::Error::NewLine => "a line ending is malformed".into(),
        httparse::Error::Status => "the status code is not three digits".into(),
        httparse::Error::Token => "the method or a token is malformed".into(),
        httparse::Error::TooManyHeaders => format!("more than {MAX_HEADERS} header fields"),
        httparse::Error::Version => "the HTTP version is not HTTP/1.0 or HTTP/1.1".into(),
    }
}

/// Appends CRLF CRLF when a pasted message has no blank line after its header section.
fn complete(v: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    // A blank line: `\n\n`, or `\r\n\r\n` (seen from its first `\n`). A header section cut by
    // `head` ends with one; otherwise one pass, stopping at the first.
    let has_end = v.ends_with(b"\n\n")
        || v.ends_with(b"\r\n\r\n")
        || v.iter().enumerate().any(|(i, &b)| {
            b == b'\n'
                && (v.get(i + 1) == Some(&b'\n')
                    || (i > 0 && v[i - 1] == b'\r' && v.get(i + 1) == Some(&b'\r') && v.get(i + 2) == Some(&b'\n')))
        });
    if has_end {
        return v;
    }
    let mut v = v.into_owned();
    while v.last() == Some(&b'\n') || v.last() == Some(&b'\r') {
        v.pop();
    }
    v.extend_from_slice(b"\n\n");
    Cow::Owned(v)
}

/// Parses a raw HTTP/1.x response. HTTP/2-style status lines (`HTTP/2 200`, as `curl -i`
/// prints them) are accepted. When the text holds several responses (interim 1xx, or a redirect
/// chain from `curl -iL`), the last one is returned.
pub fn parse_response(raw: &[u8]) -> Result<Response, ParseError> {
    let mut rest = trim_start(raw);
    if rest.is_empty() {
        return Err(ParseError("the response is empty".into()));
    }
    let mut hops = 0;
    loop {
        hops += 1;
        if hops > MAX_CHAIN {
            return Err(ParseError(format!("more than {MAX_CHAIN} responses in one paste")));
        }
        let (resp, consumed) = parse_one_response(rest)?;
        let after = trim_start(&rest[consumed..]);
        let next_is_response = after.starts_with(b"HTTP/");
        if next_is_response && ((100..200).contains(&resp.status) || resp.headers.contains("location")) {
            rest = after;
            continue;
        }
        let mut resp = resp;
        resp.body = rest[consumed..].to_vec();
        return Ok(resp);
    }
}

fn parse_one_response(raw: &[u8]) -> Result<(Response, usize), ParseError> {
    // httparse only knows HTTP/1.x: rewrite `HTTP/2 ` / `HTTP/3 ` to `HTTP/1.1 ` for parsing.
    let h = head(raw);
    let (buf, delta): (Cow<'_, [u8]>, isize) = if h.starts_with(b"HTTP/2 ") || h.starts_with(b"HTTP/3 ") {
        let mut b = b"HTTP/1.1 ".to_vec();
        b.extend_from_slice(&h[7..]);
        (Cow::Owned(b), 7 - 9)
    } else {
        (Cow::Borrowed(h), 0)
    };
    let buf = complete(buf);
    // Left uninitialised: httparse writes the lines it finds (filling all 256 cost more than
    // parsing a typical header section).
    let mut hs = [const { std::mem::MaybeUninit::uninit() }; MAX_HEADERS];
    let mut r = httparse::Response::new(&mut []);
    match httparse::ParserConfig::default().parse_response_with_uninit_headers(&mut r, &buf, &mut hs) {
        Ok(httparse::Status::Complete(n)) => {
            let status = r.code.ok_or_else(|| ParseError("no status code".into()))?;
            let reason = r.reason.filter(|s| !s.is_empty()).map(|s| s.to_string());
            let headers = header_list(r.headers)?;
            let consumed = ((n as isize) + delta).clamp(0, raw.len() as isize) as usize;
            Ok((Response { status, reason, headers, body: Vec::new(), visibility: Visibility::Complete }, consumed))
        }
        Ok(httparse::Status::Partial) => Err(ParseError("the header section is incomplete".into())),
        Err(e) => Err(ParseError(format!("not an HTTP response: {}", describe(e)))),
    }
}

/// Parses a raw HTTP/1.x request. An origin-form target is resolved against the `Host` field
/// with the scheme `http`, marked [`Request::scheme_assumed`]: a raw request does not say whether
/// it went over TLS.
pub fn parse_request(raw: &[u8]) -> Result<Request, ParseError> {
    let raw = trim_start(raw);
    if raw.is_empty() {
        return Err(ParseError("the request is empty".into()));
    }
    let buf = complete(Cow::Borrowed(raw));
    let mut hs = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut r = httparse::Request::new(&mut hs);
    match r.parse(&buf) {
        Ok(httparse::Status::Complete(n)) => {
            let method = r.method.unwrap_or("GET").to_string();
            let target = r.path.unwrap_or("/").to_string();
            let headers = header_list(r.headers)?;
            let (url, scheme_assumed) = match headers.get("host") {
                Some(h) if target.starts_with('/') => (format!("http://{h}{target}"), true),
                _ => (target, false),
            };
            let body = if n <= raw.len() { raw[n..].to_vec() } else { Vec::new() };
            Ok(Request { method, url, headers, body, scheme_assumed })
        }
        Ok(httparse::Status::Partial) => Err(ParseError("the header section is incomplete".into())),
        Err(e) => Err(ParseError(format!("not an HTTP request: {}", describe(e)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `head` finds the same end as reading octet by octet, on generated CR/LF-heavy text.
    #[test]
    fn head_matches_an_octet_scan() {
        fn reference(raw: &[u8]) -> &[u8] {
            for i in 0..raw.len() {
                if raw[i] == b'\n' {
                    if raw.get(i + 1) == Some(&b'\n') {
                        return &raw[..i + 2];
                    }
                    if raw.get(i + 1) == Some(&b'\r') && raw.get(i + 2) == Some(&b'\n') {
                        return &raw[..i + 3];
                    }
                }
            }
            raw
        }
        let mut rng = crate::testing::Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..5000 {
            let raw: Vec<u8> = (0..rng.below(40)).map(|_| b"\r\n\nab:"[rng.below(6)]).collect();
            assert_eq!(head(&raw), reference(&raw), "{:?}", String::from_utf8_lossy(&raw));
        }
    }

    #[test]
    fn completes_only_a_missing_blank_line() {
        assert_eq!(complete(Cow::Borrowed(&b"a\r\n\r\nb"[..])).as_ref(), b"a\r\n\r\nb");
        assert_eq!(complete(Cow::Borrowed(&b"a\n\nb"[..])).as_ref(), b"a\n\nb");
        assert_eq!(complete(Cow::Borrowed(&b"a\n\r\nb"[..])).as_ref(), b"a\n\r\nb\n\n");
        assert_eq!(complete(Cow::Borrowed(&b"a\r\n"[..])).as_ref(), b"a\n\n");
        assert_eq!(complete(Cow::Borrowed(&b"\n"[..])).as_ref(), b"\n\n");
    }

    #[test]
    fn parses_lf_only_response_with_body() {
        let r = parse_response(b"HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\nnope").unwrap();
        assert_eq!(r.status, 401);
        assert_eq!(r.reason.as_deref(), Some("Unauthorized"));
        assert_eq!(r.headers.get("content-type"), Some("text/plain"));
        assert_eq!(r.body, b"nope");
    }

    #[test]
    fn accepts_http2_status_line_and_missing_blank_line() {
        let r = parse_response(b"HTTP/2 204\r\nserver: x").unwrap();
        assert_eq!(r.status, 204);
        assert_eq!(r.reason, None);
        assert_eq!(r.headers.get("Server"), Some("x"));
    }

    #[test]
    fn takes_the_last_response_of_a_chain() {
        let raw = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 302 Found\r\nLocation: /b\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        let r = parse_response(raw).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.body, b"ok");
    }

    #[test]
    fn long_chains_are_bounded_and_linear() {
        // 60 000 interim responses: refused after MAX_CHAIN, each hop copying only its head.
        let chain = "HTTP/1.1 100 C\n\n".repeat(60_000);
        assert!(parse_response(chain.as_bytes()).unwrap_err().0.contains("more than"));
        let many = format!("HTTP/1.1 200 OK\n{}\nbody", "a: b\n".repeat(200));
        assert!(parse_response(many.as_bytes()).is_ok());
    }

    #[test]
    fn rejects_garbage_with_a_reason() {
        let e = parse_response(b"hello world").unwrap_err();
        assert!(e.0.contains("not an HTTP response"), "{e}");
        assert!(parse_response(b"").is_err());
        assert!(parse_response(b"HTTP/1.1 20 OK\n\n").is_err());
    }

    #[test]
    fn parses_request_and_resolves_host() {
        let r = parse_request(b"POST /items?x=1 HTTP/1.1\nHost: api.example\nContent-Type: application/json\n\n{}").unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(r.url, "http://api.example/items?x=1");
        assert!(r.scheme_assumed, "origin form: the scheme is a guess");
        assert_eq!(r.body, b"{}");
        // Absolute form says its scheme; origin form without `Host` stays as written.
        let r = parse_request(b"GET http://api.example/a HTTP/1.1\nHost: api.example\n\n").unwrap();
        assert_eq!((r.url.as_str(), r.scheme_assumed), ("http://api.example/a", false));
        let r = parse_request(b"GET /a HTTP/1.1\n\n").unwrap();
        assert_eq!((r.url.as_str(), r.scheme_assumed), ("/a", false));
    }
}
