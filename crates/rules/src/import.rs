//! Importing what developers copy out of their tools: a curl command line (browser DevTools'
//! "Copy as cURL", or hand-written), a HAR file or a single HAR entry, or a raw HTTP/1.x message.
//!
//! Pure and bounded: inputs over [`MAX_INPUT_BYTES`] are refused, every step is linear in the
//! input (JSON nesting is bounded by `serde_json`'s recursion limit), and no input panics.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::http1;
use crate::model::{Headers, Request, Response, Visibility};

/// The largest input [`import`], [`from_curl`] and [`from_har`] accept (1 MiB).
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

const ACCEPTED: &str = "paste a curl command (`curl 'https://…' -H …`, as DevTools' \
\"Copy as cURL\" gives it), a HAR file or a single HAR entry (JSON), a raw HTTP response \
(starting with a status line such as `HTTP/1.1 200 OK`) or a raw HTTP request (starting with a \
request line such as `GET /path HTTP/1.1`)";

/// What an import produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Imported {
    /// A request to compose (curl, a raw request, a HAR entry without a response).
    Request(Request),
    /// A response as the server sent it ([`Visibility::Complete`]), with the request that asked
    /// for it when the source holds one (a HAR entry).
    Response(Response, Option<Request>),
}

fn check_size(text: &str) -> Result<(), String> {
    if text.len() > MAX_INPUT_BYTES {
        Err(format!("the input is {} bytes long; at most 1 MiB ({MAX_INPUT_BYTES} bytes) can be imported", text.len()))
    } else {
        Ok(())
    }
}

/// Imports `text`, detecting its format: a curl command (`curl …` or `curl.exe …`), a HAR file or
/// entry (`{…}`), a raw response (`HTTP/…`) or a raw request (`METHOD target HTTP/x`).
pub fn import(text: &str) -> Result<Imported, String> {
    check_size(text)?;
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.trim_end().is_empty() {
        return Err(format!("nothing to import: {ACCEPTED}"));
    }
    if is_curl(t) {
        return from_curl(t).map(Imported::Request);
    }
    if t.starts_with('{') {
        return from_har(t);
    }
    if t.starts_with("HTTP/") {
        return http1::parse_response(t.as_bytes())
            .map(|r| Imported::Response(r, None))
            .map_err(|e| format!("could not read the raw HTTP response: {e}"));
    }
    if let Some(r) = raw_request(t) {
        return r.map(Imported::Request);
    }
    Err(format!("unrecognized input: {ACCEPTED}"))
}

/// `curl` or `curl.exe` followed by whitespace, a line continuation or nothing.
fn is_curl(t: &str) -> bool {
    let rest = t.strip_prefix("curl.exe").or_else(|| t.strip_prefix("curl"));
    match rest {
        Some(r) => r.is_empty() || r.starts_with(|c: char| c.is_ascii_whitespace() || c == '\\'),
        None => false,
    }
}

fn is_tchar(c: char) -> bool {
    c.is_ascii() && crate::model::is_tchar(c as u8)
}

/// A raw request when the first line is `METHOD target HTTP/x`, else `None`. HTTP/2 and HTTP/3
/// request lines (as Firefox shows them) are read as HTTP/1.1.
fn raw_request(t: &str) -> Option<Result<Request, String>> {
    let line_end = t.find('\n').unwrap_or(t.len());
    let raw_line = &t[..line_end];
    let line = raw_line.trim_end_matches('\r');
    let parts: Vec<&str> = line.split([' ', '\t']).filter(|s| !s.is_empty()).collect();
    if parts.len() != 3 || !parts[0].chars().all(is_tchar) || !parts[2].starts_with("HTTP/") {
        return None;
    }
    let rewritten;
    let raw = if matches!(parts[2], "HTTP/2" | "HTTP/2.0" | "HTTP/3" | "HTTP/3.0") {
        let cr = if raw_line.ends_with('\r') { "\r" } else { "" };
        rewritten = format!("{} {} HTTP/1.1{cr}{}", parts[0], parts[1], &t[line_end..]);
        rewritten.as_str()
    } else {
        t
    };
    Some(http1::parse_request(raw.as_bytes()).map_err(|e| format!("could not read the raw HTTP request: {e}")))
}

// ---------------------------------------------------------------------------------------------
// curl
// ---------------------------------------------------------------------------------------------

/// Splits a command line into words like a POSIX shell: single quotes, double quotes (with `\"`,
/// `\\`, `\$`, `` \` `` escapes), backslash escapes, backslash-newline continuations and bash's
/// `$'…'` ANSI-C quoting. No expansion. An unquoted `|`, `;`, `&`, `<` or `>` starting a word ends
/// the command (a pipe into `jq`, a redirection); an unquoted `#` starting a word starts a comment.
fn shell_words(cmd: &str) -> Result<Vec<String>, String> {
    let cs: Vec<char> = cmd.chars().collect();
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
                i += 1;
            }
            '\\' => match cs.get(i + 1) {
                Some('\n') => i += 2,
                Some('\r') if cs.get(i + 2) == Some(&'\n') => i += 3,
                Some(&n) => {
                    cur.push(n);
                    in_word = true;
                    i += 2;
                }
                None => i += 1,
            },
            '\'' => {
                in_word = true;
                i += 1;
                loop {
                    match cs.get(i) {
                        None => return Err("the curl command has an unterminated single quote (')".into()),
                        Some('\'') => {
                            i += 1;
                            break;
                        }
                        Some(&ch) => {
                            cur.push(ch);
                            i += 1;
                        }
                    }
                }
            }
            '"' => {
                in_word = true;
                i += 1;
                loop {
                    match cs.get(i) {
                        None => return Err("the curl command has an unterminated double quote (\")".into()),
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some('\\') => match cs.get(i + 1) {
                            Some(&n @ ('"' | '\\' | '$' | '`')) => {
                                cur.push(n);
                                i += 2;
                            }
                            Some('\n') => i += 2,
                            Some('\r') if cs.get(i + 2) == Some(&'\n') => i += 3,
                            _ => {
                                cur.push('\\');
                                i += 1;
                            }
                        },
                        Some(&ch) => {
                            cur.push(ch);
                            i += 1;
                        }
                    }
                }
            }
            '$' if cs.get(i + 1) == Some(&'\'') => {
                in_word = true;
                i = ansi_c(&cs, i + 2, &mut cur)?;
            }
            '|' | ';' | '&' | '<' | '>' if !in_word => break,
            '#' if !in_word => {
                while i < cs.len() && cs[i] != '\n' {
                    i += 1;
                }
            }
            _ => {
                cur.push(c);
                in_word = true;
                i += 1;
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    Ok(words)
}

/// A piece of a `$'…'` string: a character, or a byte from a `\xHH` / `\NNN` escape.
enum Piece {
    Char(char),
    Byte(u8),
}

fn hex_digits(cs: &[char], mut i: usize, max: usize, radix: u32) -> (u32, usize, usize) {
    let mut v: u32 = 0;
    let mut n = 0;
    while n < max {
        match cs.get(i).and_then(|c| c.to_digit(radix)) {
            Some(d) => {
                v = v.wrapping_mul(radix).wrapping_add(d);
                i += 1;
                n += 1;
            }
            None => break,
        }
    }
    (v, n, i)
}

/// Reads a bash `$'…'` string starting after the opening quote at `i`; returns the index after the
/// closing quote. Bytes from `\x`/octal escapes are taken as UTF-8 when they form valid UTF-8
/// (`$'\xc3\xa9'`), else as Latin-1 characters (Firefox writes `é` as `$'\xe9'`).
fn ansi_c(cs: &[char], mut i: usize, out: &mut String) -> Result<usize, String> {
    let mut pieces = Vec::new();
    loop {
        let Some(&c) = cs.get(i) else {
            return Err("the curl command has an unterminated $'…' string".into());
        };
        i += 1;
        if c == '\'' {
            break;
        }
        if c != '\\' {
            pieces.push(Piece::Char(c));
            continue;
        }
        let Some(&e) = cs.get(i) else { continue };
        i += 1;
        let simple = match e {
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            'e' | 'E' => Some('\u{1b}'),
            'f' => Some('\u{c}'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\u{b}'),
            '\\' | '\'' | '"' | '?' => Some(e),
            _ => None,
        };
        if let Some(ch) = simple {
            pieces.push(Piece::Char(ch));
            continue;
        }
        match e {
            'x' => {
                let (v, n, j) = hex_digits(cs, i, 2, 16);
                if n == 0 {
                    pieces.push(Piece::Char('\\'));
                    pieces.push(Piece::Char('x'));
                } else {
                    pieces.push(Piece::Byte(v as u8));
                    i = j;
                }
            }
            'u' | 'U' => {
                let (v, n, j) = hex_digits(cs, i, if e == 'u' { 4 } else { 8 }, 16);
                if n == 0 {
                    pieces.push(Piece::Char('\\'));
                    pieces.push(Piece::Char(e));
                } else {
                    pieces.push(Piece::Char(char::from_u32(v).unwrap_or('\u{fffd}')));
                    i = j;
                }
            }
            '0'..='7' => {
                let (v, _, j) = hex_digits(cs, i - 1, 3, 8);
                pieces.push(Piece::Byte((v & 0xff) as u8));
                i = j;
            }
            'c' => match cs.get(i) {
                Some(&x) if x.is_ascii() => {
                    pieces.push(Piece::Char(((x as u8) & 0x1f) as char));
                    i += 1;
                }
                _ => {
                    pieces.push(Piece::Char('\\'));
                    pieces.push(Piece::Char('c'));
                }
            },
            other => {
                pieces.push(Piece::Char('\\'));
                pieces.push(Piece::Char(other));
            }
        }
    }
    let mut bytes = Vec::new();
    for p in &pieces {
        match p {
            Piece::Char(c) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
            Piece::Byte(b) => bytes.push(*b),
        }
    }
    match String::from_utf8(bytes) {
        Ok(s) => out.push_str(&s),
        Err(_) => {
            for p in pieces {
                out.push(match p {
                    Piece::Char(c) => c,
                    Piece::Byte(b) => b as char,
                });
            }
        }
    }
    Ok(i)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Opt {
    Method,
    Header,
    /// `-d`, `--data`, `--data-ascii`: `@file` reads a file.
    Data,
    /// `--data-binary`: `@file` reads a file.
    DataBinary,
    /// `--data-raw`: taken literally.
    DataRaw,
    DataUrlencode,
    Json,
    User,
    Bearer,
    UserAgent,
    Referer,
    Cookie,
    Range,
    Head,
    Get,
    Url,
    UrlQuery,
    /// Options that need a file or stdin (`-T`, `-K`, `--etag-compare`).
    ReadsFile,
    /// `-F`, `--form`, `--form-string`.
    Form,
    IgnoredWithArg,
    Ignored,
}

impl Opt {
    fn takes_arg(self) -> bool {
        !matches!(self, Opt::Head | Opt::Get | Opt::Ignored)
    }
}

const LONG_IGNORED: &[&str] = &[
    "compressed", "silent", "show-error", "include", "location", "location-trusted", "insecure",
    "verbose", "fail", "fail-with-body", "fail-early", "buffer", "http1.0", "http1.1", "http2",
    "http2-prior-knowledge", "http3", "http3-only", "http0.9", "globoff", "progress-bar",
    "tr-encoding", "raw", "junk-session-cookies", "remote-name", "remote-name-all",
    "remote-header-name", "path-as-is", "ssl-no-revoke", "ssl-revoke-best-effort", "tlsv1",
    "tlsv1.0", "tlsv1.1", "tlsv1.2", "tlsv1.3", "ipv4", "ipv6", "keepalive", "progress-meter",
    "disable", "basic", "styled-output", "parallel", "parallel-immediate", "create-dirs",
    "remote-time", "sessionid", "alpn", "npn", "tcp-nodelay", "tcp-fastopen", "false-start", "ssl",
    "ssl-reqd", "cert-status", "proxy-insecure", "trace-time", "netrc", "netrc-optional",
    "ignore-content-length", "retry-all-errors", "retry-connrefused", "proxytunnel",
    "suppress-connect-headers", "use-ascii", "list-only", "xattr", "doh-insecure", "clobber",
];

const LONG_IGNORED_WITH_ARG: &[&str] = &[
    "output", "write-out", "max-time", "connect-timeout", "proxy", "retry", "retry-delay",
    "retry-max-time", "proxy-user", "cookie-jar", "dump-header", "resolve", "connect-to", "cacert",
    "capath", "cert", "key", "cert-type", "key-type", "pass", "ciphers", "tls13-ciphers", "curves",
    "interface", "limit-rate", "max-filesize", "max-redirs", "trace", "trace-ascii", "trace-config",
    "stderr", "output-dir", "speed-limit", "speed-time", "dns-servers", "local-port",
    "expect100-timeout", "happy-eyeballs-timeout-ms", "keepalive-time", "unix-socket",
    "abstract-unix-socket", "pinnedpubkey", "proto", "proto-redir", "proto-default", "noproxy",
    "time-cond", "continue-at", "request-target", "preproxy", "socks4", "socks4a", "socks5",
    "socks5-hostname", "proxy-cacert", "proxy-cert", "proxy-key", "proxy-header", "tls-max",
    "netrc-file", "etag-save", "parallel-max", "rate", "telnet-option", "ftp-port",
];

fn long_opt(name: &str) -> Option<Opt> {
    Some(match name {
        "request" => Opt::Method,
        "header" => Opt::Header,
        "data" | "data-ascii" => Opt::Data,
        "data-binary" => Opt::DataBinary,
        "data-raw" => Opt::DataRaw,
        "data-urlencode" => Opt::DataUrlencode,
        "json" => Opt::Json,
        "user" => Opt::User,
        "oauth2-bearer" => Opt::Bearer,
        "user-agent" => Opt::UserAgent,
        "referer" => Opt::Referer,
        "cookie" => Opt::Cookie,
        "range" => Opt::Range,
        "head" => Opt::Head,
        "get" => Opt::Get,
        "url" => Opt::Url,
        "url-query" => Opt::UrlQuery,
        "upload-file" | "config" | "etag-compare" => Opt::ReadsFile,
        "form" | "form-string" => Opt::Form,
        _ if LONG_IGNORED.contains(&name) => Opt::Ignored,
        _ if LONG_IGNORED_WITH_ARG.contains(&name) => Opt::IgnoredWithArg,
        // `--no-keepalive`, `--no-progress-meter`, `--no-buffer`…: negated switches.
        _ => match name.strip_prefix("no-") {
            Some(n) if LONG_IGNORED.contains(&n) => Opt::Ignored,
            _ => return None,
        },
    })
}

fn short_opt(c: char) -> Option<Opt> {
    Some(match c {
        'X' => Opt::Method,
        'H' => Opt::Header,
        'd' => Opt::Data,
        'u' => Opt::User,
        'A' => Opt::UserAgent,
        'e' => Opt::Referer,
        'b' => Opt::Cookie,
        'r' => Opt::Range,
        'I' => Opt::Head,
        'G' => Opt::Get,
        'T' | 'K' => Opt::ReadsFile,
        'F' => Opt::Form,
        's' | 'S' | 'i' | 'L' | 'k' | 'v' | 'f' | 'N' | 'g' | '#' | '0' | '4' | '6' | 'q' | 'O' | 'J' | 'R'
        | 'j' | 'Z' | 'n' | 'p' | 'l' | 'B' => Opt::Ignored,
        'o' | 'w' | 'm' | 'x' | 'U' | 'c' | 'D' | 'E' | 'C' | 'Y' | 'y' | 'z' | 'P' | 't' => Opt::IgnoredWithArg,
        _ => return None,
    })
}

/// Percent-encodes everything but the unreserved characters (what `curl --data-urlencode` does).
fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn cannot_read_files(flag: &str, what: &str) -> String {
    format!("cannot read files: `{flag} {what}` would make curl read a file; paste the content itself instead (e.g. with --data-raw)")
}

/// `--data-urlencode` / `--url-query` syntax: `content`, `=content`, `name=content`; `@file` and
/// `name@file` read files.
fn urlencode_piece(flag: &str, v: &str) -> Result<String, String> {
    let eq = v.find('=');
    let at = v.find('@');
    if let Some(a) = at {
        if eq.is_none_or(|e| a < e) {
            return Err(cannot_read_files(flag, v));
        }
    }
    Ok(match eq {
        Some(0) => urlencode(&v[1..]),
        Some(e) => format!("{}={}", &v[..e], urlencode(&v[e + 1..])),
        None => urlencode(v),
    })
}

/// Appends `q` to the query of `url` (before any fragment).
fn append_query(url: &str, q: &str) -> String {
    let (base, frag) = match url.find('#') {
        Some(h) => (&url[..h], &url[h..]),
        None => (url, ""),
    };
    let sep = if !base.contains('?') {
        "?"
    } else if base.ends_with('?') || base.ends_with('&') {
        ""
    } else {
        "&"
    };
    format!("{base}{sep}{q}{frag}")
}

#[derive(Default)]
struct Curl {
    method: Option<String>,
    url: Option<String>,
    /// (name, value, implicit): implicit fields (from -A, -e, -b, -u…) yield to an explicit `-H`.
    headers: Vec<(String, String, bool)>,
    /// Lower-cased name → index in `headers` of the implicit field of that name.
    implicit_at: HashMap<String, usize>,
    /// Lower-cased names given as `-H 'Name:'`: curl then sends none of its own such field.
    suppressed: HashSet<String>,
    data: Option<String>,
    json: bool,
    head: bool,
    get: bool,
    query: Vec<String>,
}

impl Curl {
    /// Sets an implicit field; a later option of the same kind replaces the value (curl keeps the
    /// last `-A`, `-e`, `-u`…). With `join`, values accumulate instead (`-b a=1 -b b=2`).
    fn implicit(&mut self, name: &str, value: String, join: Option<&str>) {
        let key = name.to_ascii_lowercase();
        match self.implicit_at.get(&key) {
            Some(&at) => {
                let v = &mut self.headers[at].1;
                match join {
                    Some(sep) => {
                        v.push_str(sep);
                        v.push_str(&value);
                    }
                    None => *v = value,
                }
            }
            None => {
                self.implicit_at.insert(key, self.headers.len());
                self.headers.push((name.to_string(), value, true));
            }
        }
    }

    fn add_data(&mut self, piece: &str, sep: &str) {
        match &mut self.data {
            Some(d) => {
                d.push_str(sep);
                d.push_str(piece);
            }
            None => self.data = Some(piece.to_string()),
        }
    }

    fn apply(&mut self, opt: Opt, flag: &str, val: String) -> Result<(), String> {
        match opt {
            Opt::Method => {
                if val.is_empty() || !val.chars().all(is_tchar) {
                    return Err(format!("`{flag}` needs an HTTP method, not {val:?}"));
                }
                self.method = Some(val);
            }
            Opt::Header => {
                if val.starts_with('@') {
                    return Err(cannot_read_files(flag, &val));
                }
                let ows: &[char] = &[' ', '\t'];
                if let Some(colon) = val.find(':') {
                    let name = val[..colon].trim_matches(ows);
                    let value = val[colon + 1..].trim_matches(ows);
                    if name.is_empty() {
                        return Err(format!("`{flag} {val}` has no header name"));
                    }
                    if value.is_empty() {
                        // curl: `-H 'Name:'` removes the field curl would send by itself.
                        self.suppressed.insert(name.to_ascii_lowercase());
                    } else {
                        self.headers.push((name.to_string(), value.to_string(), false));
                    }
                } else if let Some(name) = val.strip_suffix(';') {
                    // curl: `-H 'Name;'` sends the field with an empty value.
                    let name = name.trim_matches(ows);
                    if name.is_empty() {
                        return Err(format!("`{flag} {val}` has no header name"));
                    }
                    self.headers.push((name.to_string(), String::new(), false));
                } else {
                    return Err(format!("`{flag} {val}` is not a header: expected `Name: value`"));
                }
            }
            Opt::Data | Opt::DataBinary => {
                if val.starts_with('@') {
                    return Err(cannot_read_files(flag, &val));
                }
                self.add_data(&val, "&");
            }
            Opt::DataRaw => self.add_data(&val, "&"),
            Opt::DataUrlencode => {
                let p = urlencode_piece(flag, &val)?;
                self.add_data(&p, "&");
            }
            Opt::Json => {
                if val.starts_with('@') {
                    return Err(cannot_read_files(flag, &val));
                }
                self.json = true;
                // curl concatenates repeated --json pieces without a separator.
                self.add_data(&val, "");
            }
            Opt::User => {
                let creds = if val.contains(':') { val } else { format!("{val}:") };
                self.implicit("Authorization", format!("Basic {}", base64_encode(creds.as_bytes())), None);
            }
            Opt::Bearer => self.implicit("Authorization", format!("Bearer {val}"), None),
            Opt::UserAgent => self.implicit("User-Agent", val, None),
            Opt::Referer => {
                let r = val.strip_suffix(";auto").unwrap_or(&val).to_string();
                if !r.is_empty() {
                    self.implicit("Referer", r, None);
                }
            }
            Opt::Cookie => {
                if !val.contains('=') {
                    // Without `=`, curl reads cookies from the file named `val`.
                    return Err(cannot_read_files(flag, &val));
                }
                self.implicit("Cookie", val, Some("; "));
            }
            Opt::Range => self.implicit("Range", format!("bytes={val}"), None),
            Opt::Url => {
                if self.url.is_none() {
                    self.url = Some(val);
                }
            }
            Opt::UrlQuery => {
                let p = match val.strip_prefix('+') {
                    Some(raw) => raw.to_string(),
                    None => urlencode_piece(flag, &val)?,
                };
                self.query.push(p);
            }
            Opt::ReadsFile => return Err(cannot_read_files(flag, &val)),
            Opt::Form => {
                return Err(format!("multipart not supported: `{flag}` sends a multipart/form-data body, which cannot be imported"))
            }
            Opt::IgnoredWithArg => {}
            Opt::Head | Opt::Get | Opt::Ignored => {}
        }
        Ok(())
    }

    fn switch(&mut self, opt: Opt) {
        match opt {
            Opt::Head => self.head = true,
            Opt::Get => self.get = true,
            _ => {}
        }
    }

    fn finish(self) -> Result<Request, String> {
        let Some(url) = self.url.filter(|u| !u.is_empty()) else {
            return Err("the curl command has no URL".into());
        };
        // curl itself sends a scheme-less URL over `http`, so the scheme is not a guess here.
        let mut url = if url.contains("://") { url } else { format!("http://{url}") };
        for q in &self.query {
            url = append_query(&url, q);
        }
        let has_data = self.data.is_some();
        let mut body = Vec::new();
        if let Some(d) = self.data {
            if self.get {
                url = append_query(&url, &d);
            } else {
                body = d.into_bytes();
            }
        }
        let method = match self.method {
            Some(m) => m,
            None if self.head => "HEAD".into(),
            None if has_data && !self.get => "POST".into(),
            None => "GET".into(),
        };
        let mut fields = self.headers;
        if self.json {
            fields.push(("Content-Type".into(), "application/json".into(), true));
            fields.push(("Accept".into(), "application/json".into(), true));
        } else if has_data && !self.get {
            fields.push(("Content-Type".into(), "application/x-www-form-urlencoded".into(), true));
        }
        let explicit: HashSet<String> = fields.iter().filter(|f| !f.2).map(|f| f.0.to_ascii_lowercase()).collect();
        let mut headers = Headers::new();
        for (name, value, implicit) in fields {
            if implicit {
                let lower = name.to_ascii_lowercase();
                if explicit.contains(&lower) || self.suppressed.contains(&lower) {
                    continue;
                }
            }
            headers.push(name, value);
        }
        Ok(Request { method, url, headers, body, scheme_assumed: false })
    }
}

/// Reads a curl command line (bash syntax) into the request curl would send.
pub fn from_curl(cmd: &str) -> Result<Request, String> {
    check_size(cmd)?;
    let words = shell_words(cmd.trim_start_matches('\u{feff}'))?;
    let Some(first) = words.first() else {
        return Err("empty curl command".into());
    };
    let program = first.rsplit(['/', '\\']).next().unwrap_or(first);
    if !program.eq_ignore_ascii_case("curl") && !program.eq_ignore_ascii_case("curl.exe") {
        return Err(format!("not a curl command: it starts with {first:?}"));
    }
    let mut c = Curl::default();
    let mut i = 1;
    while i < words.len() {
        let w = &words[i];
        i += 1;
        if let Some(name) = w.strip_prefix("--") {
            if name.is_empty() {
                continue;
            }
            let flag = format!("--{name}");
            let opt = long_opt(name).ok_or_else(|| format!("unsupported curl option {flag}"))?;
            if opt.takes_arg() {
                let Some(v) = words.get(i) else { return Err(format!("curl option {flag} needs a value")) };
                i += 1;
                c.apply(opt, &flag, v.clone())?;
            } else {
                c.switch(opt);
            }
        } else if w.len() > 1 && w.starts_with('-') {
            let chars: Vec<char> = w.chars().skip(1).collect();
            let mut j = 0;
            while j < chars.len() {
                let ch = chars[j];
                j += 1;
                let flag = format!("-{ch}");
                let opt = short_opt(ch).ok_or_else(|| format!("unsupported curl option {flag}"))?;
                if opt.takes_arg() {
                    let attached: String = chars[j..].iter().collect();
                    let v = if !attached.is_empty() {
                        attached
                    } else {
                        let Some(v) = words.get(i) else { return Err(format!("curl option {flag} needs a value")) };
                        i += 1;
                        v.clone()
                    };
                    c.apply(opt, &flag, v)?;
                    break;
                }
                c.switch(opt);
            }
        } else if c.url.is_none() {
            c.url = Some(w.clone());
        }
    }
    c.finish()
}

// ---------------------------------------------------------------------------------------------
// HAR
// ---------------------------------------------------------------------------------------------

fn har_headers(v: Option<&Value>) -> Headers {
    let mut out = Headers::new();
    for h in v.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]) {
        let Some(name) = h.get("name").and_then(Value::as_str) else { continue };
        // HTTP/2 and HTTP/3 pseudo-header fields (`:authority`, `:method`…) are not header fields.
        if name.is_empty() || name.starts_with(':') {
            continue;
        }
        let value = match h.get("value") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        out.push(name, value);
    }
    out
}

fn har_request(r: &Value) -> Result<Request, String> {
    let method = r.get("method").and_then(Value::as_str).unwrap_or("");
    if method.is_empty() {
        return Err("the HAR entry's request has no method".into());
    }
    let url = r.get("url").and_then(Value::as_str).unwrap_or("");
    if url.is_empty() {
        return Err("the HAR entry's request has no url".into());
    }
    let body = r
        .get("postData")
        .and_then(|p| p.get("text"))
        .and_then(Value::as_str)
        .map(|t| t.as_bytes().to_vec())
        .unwrap_or_default();
    Ok(Request { method: method.to_string(), url: url.to_string(), headers: har_headers(r.get("headers")), body, scheme_assumed: false })
}

fn har_response(r: &Value, status: u16) -> Result<Response, String> {
    let reason = r.get("statusText").and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_string);
    let content = r.get("content");
    let text = content.and_then(|c| c.get("text")).and_then(Value::as_str).unwrap_or("");
    let encoding = content.and_then(|c| c.get("encoding")).and_then(Value::as_str).unwrap_or("");
    let body = if encoding.eq_ignore_ascii_case("base64") {
        base64_decode(text).map_err(|e| format!("the HAR response's content.text is not valid base64: {e}"))?
    } else {
        text.as_bytes().to_vec()
    };
    Ok(Response { status, reason, headers: har_headers(r.get("headers")), body, visibility: Visibility::Complete })
}

/// Reads a HAR file (`{"log":{"entries":[…]}}`, its first entry) or a single HAR entry. An entry
/// whose response has a status (100–999; browsers write 0 for a request that got no response)
/// gives [`Imported::Response`] with its request; otherwise the request alone.
pub fn from_har(json: &str) -> Result<Imported, String> {
    check_size(json)?;
    let v: Value = serde_json::from_str(json.trim_start_matches('\u{feff}').trim())
        .map_err(|e| format!("not a valid HAR file: the JSON is malformed ({e})"))?;
    let entry = if let Some(log) = v.get("log") {
        let entries = log
            .get("entries")
            .and_then(Value::as_array)
            .ok_or("not a valid HAR file: log.entries is missing or not an array")?;
        entries.first().ok_or("the HAR file has no entries")?
    } else if v.get("request").is_some() {
        &v
    } else {
        return Err(
            "not a HAR file: expected {\"log\":{\"entries\":[…]}} or a single entry with a \"request\"".into()
        );
    };
    let request = har_request(entry.get("request").ok_or("the HAR entry has no request")?)?;
    let response = entry.get("response");
    let status = response
        .and_then(|r| r.get("status"))
        .and_then(Value::as_u64)
        .filter(|s| (100..=999).contains(s))
        .map(|s| s as u16);
    match (response, status) {
        (Some(r), Some(s)) => Ok(Imported::Response(har_response(r, s)?, Some(request))),
        _ => Ok(Imported::Request(request)),
    }
}

// ---------------------------------------------------------------------------------------------
// base64 (RFC 4648 §4), small and dependency-free
// ---------------------------------------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(B64[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes base64 (standard or URL-safe alphabet, padding optional, ASCII whitespace ignored).
pub fn base64_decode(s: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut symbols = 0usize;
    let mut padding = false;
    for (i, c) in s.bytes().enumerate() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                padding = true;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return Err(format!("invalid character at byte {i}")),
        };
        if padding {
            return Err(format!("data after padding at byte {i}"));
        }
        symbols += 1;
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if symbols % 4 == 1 {
        return Err("truncated input".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::testing::Rng;
    use super::*;

    fn req(i: Imported) -> Request {
        match i {
            Imported::Request(r) => r,
            other => panic!("expected a request, got {other:?}"),
        }
    }

    // ---- base64 ----

    #[test]
    fn base64_rfc4648_vectors() {
        let v = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")];
        for (plain, enc) in v {
            assert_eq!(base64_encode(plain.as_bytes()), enc);
            assert_eq!(base64_decode(enc).unwrap(), plain.as_bytes());
            assert_eq!(base64_decode(enc.trim_end_matches('=')).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64_encode(b"Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
        assert_eq!(base64_decode("//8=").unwrap(), [0xff, 0xff]);
        assert_eq!(base64_decode("__8").unwrap(), [0xff, 0xff]);
        assert_eq!(base64_decode("Zm9v\nYmFy").unwrap(), b"foobar");
        assert!(base64_decode("Zm9v!").is_err());
        assert!(base64_decode("Zm9vY").is_err());
        assert!(base64_decode("Zg==Zg").is_err());
    }

    #[test]
    fn base64_round_trips_all_lengths() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for len in 0..200 {
            let data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            assert_eq!(base64_decode(&base64_encode(&data)).unwrap(), data);
        }
    }

    // ---- detection and errors ----

    #[test]
    fn unrecognized_input_lists_the_accepted_formats() {
        for bad in ["hello world", "<html></html>", "[1,2]", "GET /x", "wget https://example.com"] {
            let e = import(bad).unwrap_err();
            assert!(e.contains("unrecognized input"), "{e}");
            assert!(e.contains("curl") && e.contains("HAR") && e.contains("raw HTTP response") && e.contains("raw HTTP request"), "{e}");
        }
        let e = import("  \n ").unwrap_err();
        assert!(e.contains("nothing to import") && e.contains("HAR"), "{e}");
    }

    #[test]
    fn rejects_inputs_over_one_mib() {
        let big = format!("curl https://example.com -d '{}'", "a".repeat(MAX_INPUT_BYTES));
        let e = import(&big).unwrap_err();
        assert!(e.contains("1 MiB"), "{e}");
        assert!(from_curl(&big).unwrap_err().contains("1 MiB"));
        assert!(from_har(&big).unwrap_err().contains("1 MiB"));
    }

    // ---- curl ----

    /// Chrome DevTools → Network → Copy → Copy as cURL (bash), Chrome 124.
    const CHROME_CURL: &str = r#"curl 'https://api.example.com/v1/items?page=2&sort=-created' \
  -H 'accept: application/json, text/plain, */*' \
  -H 'accept-language: en-US,en;q=0.9,fr;q=0.8' \
  -H 'authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2lnbmF0dXJl' \
  -H 'content-type: application/json' \
  -b 'session=abc123; theme=dark' \
  -H 'origin: https://app.example.com' \
  -H 'priority: u=1, i' \
  -H 'referer: https://app.example.com/' \
  -H 'sec-ch-ua: "Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"' \
  -H 'sec-ch-ua-mobile: ?0' \
  -H 'sec-ch-ua-platform: "macOS"' \
  -H 'sec-fetch-dest: empty' \
  -H 'sec-fetch-mode: cors' \
  -H 'sec-fetch-site: same-site' \
  -H 'user-agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36' \
  --data-raw $'{"name":"Widget","note":"it\'s great\u0021\\n","tags":["a","b"]}'"#;

    #[test]
    fn chrome_copy_as_curl_bash() {
        let r = req(import(CHROME_CURL).unwrap());
        assert_eq!(r.method, "POST");
        assert_eq!(r.url, "https://api.example.com/v1/items?page=2&sort=-created");
        assert_eq!(r.headers.get("accept"), Some("application/json, text/plain, */*"));
        assert_eq!(r.headers.get("sec-ch-ua"), Some(r#""Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99""#));
        assert_eq!(r.headers.get("cookie"), Some("session=abc123; theme=dark"));
        assert_eq!(r.headers.get("Content-Type"), Some("application/json"));
        // Names are kept as written, in order; no form content type is added over the explicit one.
        assert_eq!(r.headers.0[0].0, "accept");
        assert_eq!(r.headers.0[4].0, "Cookie");
        assert_eq!(r.headers.all("content-type").count(), 1);
        assert_eq!(r.headers.len(), 15);
        assert_eq!(String::from_utf8(r.body).unwrap(), "{\"name\":\"Widget\",\"note\":\"it's great!\\n\",\"tags\":[\"a\",\"b\"]}");
    }

    /// Firefox → Network → Copy Value → Copy as cURL (POSIX), Firefox 125.
    const FIREFOX_CURL: &str = "curl 'https://shop.example.org/api/cart' -X PUT -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br' -H 'Referer: https://shop.example.org/cart' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Origin: https://shop.example.org' -H 'Connection: keep-alive' -H 'Cookie: cart=9f2; lang=fr' -H 'Sec-Fetch-Dest: empty' -H 'Sec-Fetch-Mode: cors' -H 'Sec-Fetch-Site: same-origin' -H 'TE: trailers' --data-raw $'item=caf\\xe9&qty=2&note=l\\'\\xe9t\\xe9'";

    #[test]
    fn firefox_copy_as_curl_posix() {
        let r = req(import(FIREFOX_CURL).unwrap());
        assert_eq!(r.method, "PUT");
        assert_eq!(r.url, "https://shop.example.org/api/cart");
        assert_eq!(r.headers.len(), 13);
        assert_eq!(r.headers.get("TE"), Some("trailers"));
        assert_eq!(r.headers.get("cookie"), Some("cart=9f2; lang=fr"));
        // Firefox writes non-ASCII characters below U+0100 as `\xHH`.
        assert_eq!(String::from_utf8(r.body).unwrap(), "item=café&qty=2&note=l'été");
    }

    #[test]
    fn curl_data_forms_and_implied_method() {
        let r = from_curl("curl https://e.x/f -d a=1 -d 'b=2 3' --data-urlencode 'q=a b&c' --data-urlencode =x/y").unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(r.body, b"a=1&b=2 3&q=a%20b%26c&x%2Fy");
        assert_eq!(r.headers.get("content-type"), Some("application/x-www-form-urlencoded"));

        let r = from_curl("curl -G https://e.x/s?x=1#top -d q=rust --data-urlencode 'n=a b'").unwrap();
        assert_eq!(r.method, "GET");
        assert_eq!(r.url, "https://e.x/s?x=1&q=rust&n=a%20b#top");
        assert!(r.body.is_empty());
        assert!(!r.headers.contains("content-type"));

        let r = from_curl("curl -XPATCH https://e.x/ --data-binary '{\"a\":1}' -H 'Content-Type: application/merge-patch+json'").unwrap();
        assert_eq!(r.method, "PATCH");
        assert_eq!(r.headers.0, vec![("Content-Type".to_string(), "application/merge-patch+json".to_string())]);

        let r = from_curl("curl --json '{\"a\":' --json '1}' https://e.x/").unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(r.body, b"{\"a\":1}");
        assert_eq!(r.headers.get("content-type"), Some("application/json"));
        assert_eq!(r.headers.get("accept"), Some("application/json"));

        let r = from_curl("curl --json '{}' -H 'Accept: text/plain' https://e.x/").unwrap();
        assert_eq!(r.headers.all("accept").count(), 1);
        assert_eq!(r.headers.get("accept"), Some("text/plain"));

        let r = from_curl("curl --data-raw @not-a-file https://e.x/").unwrap();
        assert_eq!(r.body, b"@not-a-file");
    }

    #[test]
    fn curl_auth_and_implied_headers() {
        let r = from_curl("curl -u 'Aladdin:open sesame' -A 'my-agent/1.0' -e 'https://ref.example/;auto' -b a=1 -b b=2 -I example.com/x").unwrap();
        assert_eq!(r.method, "HEAD");
        assert_eq!(r.url, "http://example.com/x");
        assert_eq!(r.headers.get("Authorization"), Some("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="));
        assert_eq!(r.headers.get("user-agent"), Some("my-agent/1.0"));
        assert_eq!(r.headers.get("referer"), Some("https://ref.example/"));
        assert_eq!(r.headers.get("cookie"), Some("a=1; b=2"));

        let r = from_curl("curl -A ua -H 'User-Agent: explicit' --oauth2-bearer T0K https://e.x -r 0-99").unwrap();
        assert_eq!(r.headers.all("user-agent").map(|(_, v)| v).collect::<Vec<_>>(), ["explicit"]);
        assert_eq!(r.headers.get("authorization"), Some("Bearer T0K"));
        assert_eq!(r.headers.get("range"), Some("bytes=0-99"));

        // `-H 'Name:'` removes, `-H 'Name;'` sends empty; values are kept exactly (inner spaces too).
        let r = from_curl("curl -d x=1 -H 'Content-Type:' -H 'X-Empty;' -H 'X-Odd:  a  b  ' https://e.x").unwrap();
        assert!(!r.headers.contains("content-type"));
        assert_eq!(r.headers.get("x-empty"), Some(""));
        assert_eq!(r.headers.get("x-odd"), Some("a  b"));
    }

    #[test]
    fn curl_shell_quoting() {
        let r = from_curl("curl \"https://e.x/a b\" -H \"X-Q: \\\"q\\\" \\\\ \\$HOME \\` \\n\" -H X-Bare:\\ v\\'s --url ignored").unwrap();
        assert_eq!(r.url, "https://e.x/a b");
        assert_eq!(r.headers.get("x-q"), Some("\"q\" \\ $HOME ` \\n"));
        assert_eq!(r.headers.get("x-bare"), Some("v's"));

        // Continuations with CRLF, ANSI-C escapes, glued quoting, a pipe and a comment.
        let r = from_curl("curl.exe \\\r\n  -sSLk --compressed 'https://e.x/'\"p\"'?q=1' \\\n -d $'a\\tb\\x41\\101\\u00e9\\U0001F600\\cA' | jq . # done").unwrap();
        assert_eq!(r.url, "https://e.x/p?q=1");
        assert_eq!(String::from_utf8(r.body).unwrap(), "a\tbAAé😀\u{1}");

        let r = from_curl("curl -d $'\\xc3\\xa9' https://e.x # a comment -X DELETE").unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(String::from_utf8(r.body).unwrap(), "é");

        let r = from_curl("curl -o /dev/null -w '%{http_code}' -m 5 --connect-timeout 3 --retry 2 -x http://proxy:3128 https://e.x/ > out.txt").unwrap();
        assert_eq!(r.url, "https://e.x/");
        assert_eq!(r.method, "GET");
        assert!(r.headers.is_empty());

        let r = from_curl("curl --url https://e.x/u --no-progress-meter --http2 -vX DELETE").unwrap();
        assert_eq!(r.url, "https://e.x/u");
        assert_eq!(r.method, "DELETE");
    }

    #[test]
    fn curl_errors_say_what_is_wrong() {
        let e = from_curl("curl -d @body.json https://e.x").unwrap_err();
        assert!(e.contains("cannot read files") && e.contains("@body.json"), "{e}");
        assert!(from_curl("curl --data-binary @- https://e.x").unwrap_err().contains("cannot read files"));
        assert!(from_curl("curl -H @headers.txt https://e.x").unwrap_err().contains("cannot read files"));
        assert!(from_curl("curl -b cookies.txt https://e.x").unwrap_err().contains("cannot read files"));
        assert!(from_curl("curl -T up.bin https://e.x").unwrap_err().contains("cannot read files"));
        let e = from_curl("curl -F file=@a.png https://e.x").unwrap_err();
        assert!(e.contains("multipart not supported"), "{e}");
        let e = from_curl("curl --digest -u a:b https://e.x").unwrap_err();
        assert!(e.contains("unsupported curl option --digest"), "{e}");
        let e = from_curl("curl -sQ https://e.x").unwrap_err();
        assert!(e.contains("unsupported curl option -Q"), "{e}");
        assert!(from_curl("curl -s").unwrap_err().contains("no URL"));
        assert!(from_curl("curl https://e.x -H").unwrap_err().contains("needs a value"));
        assert!(from_curl("curl 'https://e.x").unwrap_err().contains("unterminated single quote"));
        assert!(from_curl("curl \"https://e.x").unwrap_err().contains("unterminated double quote"));
        assert!(from_curl("curl $'abc").unwrap_err().contains("unterminated"));
        assert!(from_curl("curl -H 'NoColon' https://e.x").unwrap_err().contains("not a header"));
        assert!(from_curl("wget https://e.x").unwrap_err().contains("not a curl command"));
        assert!(from_curl("curl -X '' https://e.x").unwrap_err().contains("HTTP method"));
    }

    // ---- raw messages ----

    #[test]
    fn raw_request_and_response() {
        let r = req(import("\nPOST /api/login HTTP/1.1\r\nHost: auth.example\r\nContent-Type: application/json\r\n\r\n{\"u\":\"a\"}").unwrap());
        assert_eq!(r.method, "POST");
        assert_eq!(r.url, "http://auth.example/api/login");
        assert_eq!(r.body, b"{\"u\":\"a\"}");

        // Firefox's raw HTTP/2 request headers.
        let r = req(import("GET /feed?x=1 HTTP/2\nHost: news.example\nAccept: text/html\n").unwrap());
        assert_eq!(r.url, "http://news.example/feed?x=1");
        assert_eq!(r.headers.get("accept"), Some("text/html"));

        match import("HTTP/2 404\ncontent-type: text/html\n\n<h1>nope</h1>").unwrap() {
            Imported::Response(resp, None) => {
                assert_eq!(resp.status, 404);
                assert_eq!(resp.visibility, Visibility::Complete);
                assert_eq!(resp.body, b"<h1>nope</h1>");
            }
            other => panic!("{other:?}"),
        }
        let e = import("HTTP/1.1 20 OK\n\n").unwrap_err();
        assert!(e.contains("raw HTTP response"), "{e}");
        let e = import("GET / HTTP/1.1\nBad Header\n\n").unwrap_err();
        assert!(e.contains("raw HTTP request"), "{e}");
    }

    // ---- HAR ----

    /// A HAR exported from Chrome 124 (DevTools → Network → Export HAR), trimmed to one entry
    /// of an HTTP/2 exchange, plus a failed (status 0) entry.
    const CHROME_HAR: &str = r#"{
  "log": {
    "version": "1.2",
    "creator": { "name": "WebInspector", "version": "537.36" },
    "pages": [
      { "startedDateTime": "2024-05-02T09:14:03.112Z", "id": "page_1", "title": "https://app.example.com/",
        "pageTimings": { "onContentLoad": 412.5, "onLoad": 688.1 } }
    ],
    "entries": [
      {
        "_initiator": { "type": "script" },
        "_priority": "High",
        "_resourceType": "fetch",
        "cache": {},
        "connection": "443",
        "pageref": "page_1",
        "request": {
          "method": "POST",
          "url": "https://api.example.com/v1/items",
          "httpVersion": "http/2.0",
          "headers": [
            { "name": ":authority", "value": "api.example.com" },
            { "name": ":method", "value": "POST" },
            { "name": ":path", "value": "/v1/items" },
            { "name": ":scheme", "value": "https" },
            { "name": "accept", "value": "application/json" },
            { "name": "content-type", "value": "application/json" },
            { "name": "cookie", "value": "session=abc123" },
            { "name": "origin", "value": "https://app.example.com" }
          ],
          "queryString": [],
          "cookies": [ { "name": "session", "value": "abc123", "path": "/", "domain": ".example.com", "expires": "1970-01-01T00:00:00.000Z", "httpOnly": true, "secure": true } ],
          "headersSize": -1,
          "bodySize": 17,
          "postData": { "mimeType": "application/json", "text": "{\"name\":\"Widget\"}" }
        },
        "response": {
          "status": 201,
          "statusText": "",
          "httpVersion": "http/2.0",
          "headers": [
            { "name": "access-control-allow-origin", "value": "https://app.example.com" },
            { "name": "cache-control", "value": "no-store" },
            { "name": "content-type", "value": "application/json; charset=utf-8" },
            { "name": "location", "value": "/v1/items/42" }
          ],
          "cookies": [],
          "content": { "size": 24, "mimeType": "application/json", "compression": 0, "text": "eyJpZCI6NDIsIm5hbWUiOiJXaWRnZXQifQ==", "encoding": "base64" },
          "redirectURL": "",
          "headersSize": -1,
          "bodySize": -1,
          "_transferSize": 312,
          "_error": null
        },
        "serverIPAddress": "203.0.113.7",
        "startedDateTime": "2024-05-02T09:14:03.540Z",
        "time": 88.4,
        "timings": { "blocked": 1.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0.3, "wait": 85.1, "receive": 1.8, "_blocked_queueing": 0.9 }
      },
      {
        "request": { "method": "GET", "url": "https://blocked.example/", "headers": [] },
        "response": { "status": 0, "statusText": "", "headers": [], "content": { "size": 0, "mimeType": "x-unknown" }, "_error": "net::ERR_FAILED" }
      }
    ]
  }
}"#;

    #[test]
    fn chrome_har_file() {
        match import(CHROME_HAR).unwrap() {
            Imported::Response(resp, Some(r)) => {
                assert_eq!(r.method, "POST");
                assert_eq!(r.url, "https://api.example.com/v1/items");
                assert_eq!(r.headers.len(), 4, "pseudo-headers are skipped: {:?}", r.headers);
                assert_eq!(r.headers.get("cookie"), Some("session=abc123"));
                assert_eq!(r.body, b"{\"name\":\"Widget\"}");
                assert_eq!(resp.status, 201);
                assert_eq!(resp.reason, None);
                assert_eq!(resp.visibility, Visibility::Complete);
                assert_eq!(resp.headers.get("location"), Some("/v1/items/42"));
                assert_eq!(resp.body, b"{\"id\":42,\"name\":\"Widget\"}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn har_single_entries() {
        let v: Value = serde_json::from_str(CHROME_HAR).unwrap();
        let failed = v["log"]["entries"][1].to_string();
        let r = req(from_har(&failed).unwrap());
        assert_eq!(r.url, "https://blocked.example/");

        let only_request = r#"{"request":{"method":"DELETE","url":"https://e.x/1","headers":[{"name":"X-A","value":"1"}]}}"#;
        assert_eq!(req(import(only_request).unwrap()).method, "DELETE");

        let firefox = r#"{"request":{"method":"GET","url":"https://e.x/","headers":[]},"response":{"status":304,"statusText":"Not Modified","headers":[{"name":"ETag","value":"\"v1\""}],"content":{"mimeType":"text/html","size":0,"text":""}}}"#;
        match import(firefox).unwrap() {
            Imported::Response(resp, Some(_)) => {
                assert_eq!(resp.status, 304);
                assert_eq!(resp.reason.as_deref(), Some("Not Modified"));
                assert_eq!(resp.headers.get("etag"), Some("\"v1\""));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn har_errors() {
        assert!(import("{\"log\":").unwrap_err().contains("malformed"));
        assert!(import("{\"log\":{\"entries\":[]}}").unwrap_err().contains("no entries"));
        assert!(import("{\"log\":{}}").unwrap_err().contains("log.entries"));
        assert!(import("{\"a\":1}").unwrap_err().contains("not a HAR file"));
        assert!(import("{\"request\":{\"url\":\"https://e.x\"}}").unwrap_err().contains("no method"));
        assert!(import("{\"request\":{\"method\":\"GET\"}}").unwrap_err().contains("no url"));
        let bad = r#"{"request":{"method":"GET","url":"https://e.x"},"response":{"status":200,"content":{"text":"%%%","encoding":"base64"}}}"#;
        assert!(import(bad).unwrap_err().contains("base64"));
        // Deep nesting hits serde_json's recursion limit, not the stack.
        let deep = format!("{{\"request\":{}{}}}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(import(&deep).is_err());
    }

    // ---- robustness: no input panics ----

    const ALPHABET: &[char] = &[
        'c', 'u', 'r', 'l', ' ', ' ', '-', '-', 'H', 'X', 'd', 'G', 'I', 'b', 'u', 'F', '\'', '\'', '"', '"', '\\',
        '\\', '$', '`', '\n', '\r', '\t', '{', '}', '[', ']', ':', ',', '=', '&', '@', '#', '|', ';', '>', 'x', '0',
        '7', 'e', 'n', 'U', 'c', 'é', '😀', '\u{0}', '\u{feff}', '/', '?', '.', 'P', 'T', 'H', 'S',
    ];
    const FRAGMENTS: &[&str] = &[
        "curl ", "curl.exe ", "{", "}", "HTTP/1.1 ", "HTTP/2 ", "GET / HTTP/1.1\n", "Host: a\n", "\n\n", "$'",
        "\\x", "\\u12", "\\U0001F6", "\\0", "\\c", "--data-urlencode ", "-d @", "\"log\":", "\"entries\":[",
        "\"request\":", "\"response\":", "\"status\":200", "\"method\":\"GET\"", "\"url\":\"x\"", "\"headers\":[{\"name\":\":a\"}]",
        "\"encoding\":\"base64\"", "\"text\":\"=\"", "-XPOST", "-sSL", "--json ", "-u a", "-G ", "--url-query +",
    ];

    fn random_input(rng: &mut Rng) -> String {
        let mut s = String::new();
        for _ in 0..rng.below(60) {
            if rng.below(3) == 0 {
                s.push_str(FRAGMENTS[rng.below(FRAGMENTS.len())]);
            } else {
                s.push(ALPHABET[rng.below(ALPHABET.len())]);
            }
        }
        s
    }

    fn mutate(seed: &str, rng: &mut Rng) -> String {
        let mut cs: Vec<char> = seed.chars().collect();
        for _ in 0..1 + rng.below(6) {
            let at = rng.below(cs.len() + 1);
            match rng.below(5) {
                0 => cs.truncate(at),
                1 => {
                    let end = (at + rng.below(20)).min(cs.len());
                    cs.drain(at..end);
                }
                2 => {
                    for c in FRAGMENTS[rng.below(FRAGMENTS.len())].chars().rev() {
                        cs.insert(at, c);
                    }
                }
                3 => cs.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
                _ => {
                    let end = (at + rng.below(40)).min(cs.len());
                    let copy: Vec<char> = cs[at..end].to_vec();
                    let to = rng.below(cs.len() + 1);
                    cs.splice(to..to, copy);
                }
            }
        }
        cs.into_iter().collect()
    }

    #[test]
    fn no_input_panics() {
        let seeds = [
            CHROME_CURL,
            FIREFOX_CURL,
            CHROME_HAR,
            "GET /x HTTP/1.1\r\nHost: h\r\n\r\nbody",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
            "curl -G --url-query 'a=1' --data-urlencode 'b@f' -b x=y -e r;auto -r 1-2 https://e.x",
        ];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut ok = 0usize;
        for round in 0..6000 {
            let input = match round % 3 {
                0 => random_input(&mut rng),
                1 => mutate(seeds[rng.below(seeds.len())], &mut rng),
                _ => {
                    let bytes: Vec<u8> = (0..rng.below(200)).map(|_| rng.next() as u8).collect();
                    let prefix = ["", "curl ", "{", "HTTP/1.1 ", "GET / HTTP/1.1\n"][rng.below(5)];
                    format!("{prefix}{}", String::from_utf8_lossy(&bytes))
                }
            };
            ok += usize::from(import(&input).is_ok());
            let _ = from_curl(&input);
            let _ = from_har(&input);
            let _ = base64_decode(&input);
        }
        // The generator reaches the success paths too, not only the error paths.
        assert!(ok > 100, "only {ok} inputs imported");
    }
}
