use crate::declare_rule;
use crate::model::Visibility;
use crate::registry::{Checker, Severity};
use crate::spec::{rfc, StaticSpec};

use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// The size of the response's header section as HTTP/1.1 sends it: each field line counts
    /// its name, `: `, its value and CRLF. The status line and the empty line that ends the
    /// section are not counted; the limits below count them too, so the size reported is a
    /// lower bound and never overstates the problem.
    /// - `info` over 8 KiB (8192 bytes): more than nginx's default proxy buffer holds;
    /// - `warning` over 15 KiB (15360 bytes): past the room HAProxy's default buffer leaves for
    ///   a response head, and near or at the limit of Node.js's HTTP clients (16 KiB of names
    ///   and values);
    /// - `error` over 256 KiB (262144 bytes): Chromium refuses the response.
    ///
    /// One finding for the section, on its largest line, naming the three largest lines (and
    /// the field whose lines add up to the most bytes, when it has several). A single line over
    /// 8 KiB (longer than Apache httpd's proxy line buffer) is pointed out in that finding when
    /// it is one of the three named — a line that large always makes the section exceed 8 KiB —
    /// and reported on its own, at `info`, when it is not (a fourth line over 8 KiB, or more; at
    /// most three such findings).
    ///
    /// ## Why it matters
    /// RFC 9110 §5.4: "HTTP does not place a predefined limit on the length of each field line,
    /// field value, or on the length of a header or trailer section as a whole […] Various ad
    /// hoc limitations on individual lengths are found in practice", and "A client MAY discard
    /// or truncate received field lines that are larger than the client wishes to process".
    /// The limits found in practice, with default settings:
    /// - **nginx** reads a proxied response's status line and header section into one buffer,
    ///   `proxy_buffer_size`: "By default, the buffer size is equal to one memory page. This is
    ///   either 4K or 8K, depending on a platform." A larger head makes nginx log `upstream sent
    ///   too big header while reading response header from upstream` and answer `502 Bad
    ///   Gateway`. The rule reports from 8 KiB rather than 4 KiB: past 8 KiB the default buffer
    ///   overflows on every platform, while between 4 and 8 KiB it depends on the platform's
    ///   page size and on the configuration.
    /// - **HAProxy** holds a response head in `tune.bufsize` (16384 bytes) less the
    ///   `tune.maxrewrite` reserve (1024 bytes): "if an HTTP response is larger than this size,
    ///   HAProxy will return HTTP 502 (Bad Gateway)".
    /// - **Node.js**: its HTTP client (`http.request`) stops at `http.maxHeaderSize` ("Defaults
    ///   to 16 KiB"), and so does undici, the `fetch` of Node.js (`maxHeaderSize`, "Default:
    ///   `--max-http-header-size` or `16384`"); both count the bytes of field names and values,
    ///   and fail with a header overflow error (`HPE_HEADER_OVERFLOW`,
    ///   `UND_ERR_HEADERS_OVERFLOW`). Server-side rendering, API gateways and scripts written
    ///   in Node.js then cannot read the response.
    /// - **Apache httpd**'s `mod_proxy` reads each response header line into a buffer of 8192
    ///   bytes by default (the `responsefieldsize` parameter of `ProxyPass`) and cuts a longer
    ///   line short: a cut `Content-Security-Policy` or `Set-Cookie` no longer says what was
    ///   sent.
    /// - **Chromium** reads at most 256 KiB of an HTTP/1.1 response head (`kMaxHeaderBufSize`
    ///   in `net/http/http_stream_parser.h`) and fails the request with
    ///   `ERR_RESPONSE_HEADERS_TOO_BIG` beyond (checked: a 250 KiB head loads, a 260 KiB one
    ///   fails).
    ///
    /// Large header sections are usually one of three things: many or large `Set-Cookie` lines
    /// (state kept in cookies), a `Content-Security-Policy` listing hundreds of hosts, or a
    /// `Link` field preloading every asset. They are sent again with every response, before
    /// the first byte of the body.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Date: Wed, 18 Nov 2026 08:20:00 GMT
    /// Content-Type: text/html; charset=utf-8
    /// Set-Cookie: cart=eyJpdGVtcyI6W3siaWQiOjQy…(3900 bytes)…; Path=/; Secure; HttpOnly; SameSite=Lax
    /// Set-Cookie: viewed=WzQyLDEzLDk5LDEwMjQs…(3900 bytes)…; Path=/; Secure; HttpOnly; SameSite=Lax
    /// Set-Cookie: experiments=eyJjaGVja291dCI6…(3900 bytes)…; Path=/; Secure; HttpOnly; SameSite=Lax
    /// Link: </assets/app.3f9a1c.js>; rel=preload; as=script, …(120 more links, 5400 bytes)…
    /// Content-Length: 34
    ///
    /// <!doctype html><title>Shop</title>
    /// ```
    ///
    /// ## Fix
    /// Keep in headers only what must travel with every response: keep session, cart and
    /// tracking state on the server behind a short identifier cookie; shorten
    /// `Content-Security-Policy` with nonces or hashes and `'strict-dynamic'` instead of long
    /// host lists; preload only the resources the first render needs. When large headers are
    /// intended, raise the limit on every proxy and client on the path (`proxy_buffer_size` in
    /// nginx, `tune.bufsize` in HAProxy, `responsefieldsize` in Apache httpd,
    /// `--max-http-header-size` in Node.js).
    pub static OVERSIZED_HEADER_SECTION = {
        code: "HDR061",
        name: "oversized-header-section",
        category: Headers,
        severity: Warning,
        summary: "Header sections over 8 KiB overflow the buffers of common proxies and clients",
        specs: [
            rfc(9110, "5.4"),
            StaticSpec::Other("nginx: proxy_buffer_size (one memory page, 4K or 8K)", "https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_buffer_size"),
            StaticSpec::Other("HAProxy: tune.bufsize and tune.maxrewrite", "https://docs.haproxy.org/3.0/configuration.html#3.2-tune.bufsize"),
            StaticSpec::Other("Node.js: http.maxHeaderSize (16 KiB)", "https://nodejs.org/api/http.html#httpmaxheadersize"),
            StaticSpec::Other("undici (fetch in Node.js): Client maxHeaderSize", "https://github.com/nodejs/undici/blob/main/docs/docs/api/Client.md"),
            StaticSpec::Other("Apache httpd: ProxyPass responsefieldsize (8192 bytes)", "https://httpd.apache.org/docs/2.4/mod/mod_proxy.html#proxypass"),
            StaticSpec::Other("Chromium: kMaxHeaderBufSize (net/http/http_stream_parser.h)", "https://source.chromium.org/chromium/chromium/src/+/main:net/http/http_stream_parser.h"),
        ],
        check: check,
    }
}

/// What a field line adds to its name and value on an HTTP/1.1 wire: `": "` and CRLF.
const LINE_OVERHEAD: usize = 4;
/// nginx's default `proxy_buffer_size` where a memory page is 8 KiB (4 KiB elsewhere): a
/// section over it overflows the default buffer on every platform.
const NGINX_BUFFER: usize = 8 * 1024;
/// Apache httpd `mod_proxy`'s default line buffer (`responsefieldsize`, `HUGE_STRING_LEN`): a
/// line of more than this many bytes, CRLF included, does not fit with its terminating NUL.
const APACHE_LINE: usize = 8 * 1024;
/// Node.js's default `http.maxHeaderSize`, also undici's: reached when the bytes of names and
/// values (and the reason phrase) add up to it.
const NODE_LIMIT: usize = 16 * 1024;
/// HAProxy's default `tune.bufsize` less `tune.maxrewrite`: the room for a whole response head.
const HAPROXY_HEAD: usize = 16 * 1024 - 1024;
/// Chromium's `kMaxHeaderBufSize`: the most of an HTTP/1.1 response head it reads.
const CHROMIUM_HEAD: usize = 256 * 1024;
/// At most this many findings for single long lines besides the section's.
const MAX_LINE_FINDINGS: usize = 3;

/// The bytes of one field line as HTTP/1.1 sends it: `name: value` and CRLF.
#[inline(always)]
fn line_size(name: &str, value: &str) -> usize {
    name.len() + value.len() + LINE_OVERHEAD
}

fn check(c: &mut Checker<'_>) {
    let headers = &c.response().headers.0;
    // One pass, no allocation: nearly every response stops here. A line over `APACHE_LINE`
    // makes the section exceed `NGINX_BUFFER` too, so this also settles the line check.
    let total: usize = headers.iter().map(|(n, v)| line_size(n, v)).sum();
    if total <= NGINX_BUFFER {
        return;
    }
    let top = largest_lines(headers);
    let Some((big, _)) = top[0] else { return };
    let lines = headers.len();
    // What Node.js counts: names and values only.
    let names_values = total - LINE_OVERHEAD * lines;
    let (severity, over, consequence) = if total > CHROMIUM_HEAD {
        (
            Severity::Error,
            "256 KiB",
            "Chromium-based browsers fail the request over HTTP/1.1 (`ERR_RESPONSE_HEADERS_TOO_BIG`), as do Node.js clients, and nginx and HAProxy with default settings answer `502 Bad Gateway`".to_string(),
        )
    } else if total > HAPROXY_HEAD {
        let node = if names_values >= NODE_LIMIT {
            "Node.js clients (`http`, `fetch`) fail with a header overflow error".to_string()
        } else {
            format!("Node.js clients (`http`, `fetch`) fail once names and values alone reach {NODE_LIMIT} bytes")
        };
        (
            Severity::Warning,
            "15 KiB",
            format!("HAProxy with default settings ({HAPROXY_HEAD} bytes for the whole head) answers `502 Bad Gateway`, and {node}"),
        )
    } else {
        (
            Severity::Info,
            "8 KiB",
            "an nginx proxy in front of this server with the default `proxy_buffer_size` (one memory page, 4 or 8 KiB) answers `502 Bad Gateway` (`upstream sent too big header`)".to_string(),
        )
    };
    let seen = if c.response().visibility == Visibility::Complete { "The header fields" } else { "The header fields visible here" };
    let named: Vec<String> = top.iter().flatten().map(|&(i, size)| format!("`{}` ({size} bytes)", headers[i].0)).collect();
    let mut details = format!("The largest lines: {}", named.join(", "));
    let heaviest = heaviest_field(headers);
    if heaviest.lines > 1 {
        details.push_str(&format!("; the {} `{}` lines take {} bytes in all", heaviest.lines, heaviest.name, heaviest.bytes));
    }
    let too_long: Vec<String> = top.iter().flatten().filter(|&&(_, size)| size > APACHE_LINE).map(|&(i, _)| format!("`{}`", headers[i].0)).collect();
    match too_long.len() {
        0 => {}
        1 => details.push_str(&format!(
            "; {} alone is longer than the {APACHE_LINE}-byte line buffer of Apache httpd's `mod_proxy`, which cuts it short",
            too_long[0]
        )),
        _ => details.push_str(&format!(
            "; {} are each longer than the {APACHE_LINE}-byte line buffer of Apache httpd's `mod_proxy`, which cuts them short",
            and_list(&too_long)
        )),
    }
    c.report_with(
        severity,
        at(headers[big].0.clone(), big),
        format!("{seen} total {total} bytes in {lines} lines, more than {over}: {consequence}. {details}."),
        fix_for(heaviest.name),
    );
    // Lines over the Apache line buffer that the finding above does not name (a few: the
    // section finding already says the head is too large).
    let others = headers
        .iter()
        .enumerate()
        .filter(|&(i, (n, v))| line_size(n, v) > APACHE_LINE && !top.iter().flatten().any(|&(t, _)| t == i))
        .take(MAX_LINE_FINDINGS);
    for (i, (name, value)) in others {
        let size = line_size(name, value);
        c.report_with(
            Severity::Info,
            at(name.clone(), i),
            format!("This `{name}` line is {size} bytes, longer than the {APACHE_LINE}-byte line buffer of Apache httpd's `mod_proxy` (`responsefieldsize`), which cuts it short."),
            fix_for(name),
        );
    }
}

/// The three largest lines as (index, size), largest first; of equal sizes, the earlier line
/// first. Fewer when the section has fewer lines.
fn largest_lines(headers: &[(String, String)]) -> [Option<(usize, usize)>; 3] {
    let mut top: [Option<(usize, usize)>; 3] = [None; 3];
    for (i, (n, v)) in headers.iter().enumerate() {
        let size = line_size(n, v);
        // The first place this line takes: strictly larger, so an earlier line keeps a tie.
        let Some(pos) = top.iter().position(|t| t.is_none_or(|(_, s)| size > s)) else { continue };
        top[pos..].rotate_right(1);
        top[pos] = Some((i, size));
    }
    top
}

/// The field (names compared case-insensitively) whose lines take the most bytes.
struct Heaviest<'a> {
    name: &'a str,
    bytes: usize,
    lines: usize,
}

fn heaviest_field(headers: &[(String, String)]) -> Heaviest<'_> {
    // The lines grouped by name (a sort: a head may hold thousands of names), each group named
    // as its first line writes it; of equal weights, the field seen first wins.
    let mut keyed: Vec<(String, usize)> = headers.iter().enumerate().map(|(i, (n, _))| (n.to_ascii_lowercase(), i)).collect();
    keyed.sort_unstable();
    keyed
        .chunk_by(|a, b| a.0 == b.0)
        .map(|g| {
            let bytes = g.iter().map(|&(_, i)| line_size(&headers[i].0, &headers[i].1)).sum();
            (Heaviest { name: &headers[g[0].1].0, bytes, lines: g.len() }, g[0].1)
        })
        .max_by(|(a, ai), (b, bi)| a.bytes.cmp(&b.bytes).then(bi.cmp(ai)))
        .map_or(Heaviest { name: "", bytes: 0, lines: 0 }, |(h, _)| h)
}

/// "`A`", "`A` and `B`", "`A`, `B` and `C`".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// What to send instead, for the field that makes the section large.
fn fix_for(name: &str) -> String {
    if name.eq_ignore_ascii_case("Set-Cookie") {
        "Keep session, cart and tracking state on the server behind a short identifier cookie, and set only the cookies this response needs.".to_string()
    } else if name.eq_ignore_ascii_case("Content-Security-Policy") || name.eq_ignore_ascii_case("Content-Security-Policy-Report-Only") {
        format!("Shorten `{name}`: replace long host lists with nonces or hashes and `'strict-dynamic'`, and drop duplicate sources.")
    } else if name.eq_ignore_ascii_case("Link") {
        "Preload only the few resources the first render needs, or move the other hints into the HTML as `<link rel=preload>` elements.".to_string()
    } else {
        format!("Shorten `{name}` or stop sending it; if large headers are intended, raise the limit on every proxy and client on the path (nginx `proxy_buffer_size`, HAProxy `tune.bufsize`, Node.js `--max-http-header-size`).")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Exchange, Headers, LintContext, Response};
    use crate::registry::{run_rule, Target};

    /// A line of exactly `size` bytes on the wire.
    fn line(name: &str, size: usize) -> (String, String) {
        (name.to_string(), "a".repeat(size - name.len() - LINE_OVERHEAD))
    }

    fn lint(lines: Vec<(String, String)>) -> Vec<(Severity, Target, String)> {
        let ex = Exchange { request: None, response: Response { headers: Headers(lines), ..Response::new(200) } };
        run_rule(&OVERSIZED_HEADER_SECTION, &ex, &LintContext::default())
            .into_iter()
            .map(|f| (f.severity, f.target, f.message))
            .collect()
    }

    #[test]
    fn sizes_count_name_separator_value_and_crlf() {
        let (n, v) = line("X-Pad", 100);
        assert_eq!(line_size(&n, &v), 100);
        assert_eq!(line_size("Date", "Wed, 18 Nov 2026 08:20:00 GMT"), "Date: Wed, 18 Nov 2026 08:20:00 GMT\r\n".len());
    }

    #[test]
    fn largest_lines_in_order_earlier_first_on_ties() {
        let h = vec![line("A", 10), line("B", 30), line("C", 20), line("D", 30), line("E", 5)];
        assert_eq!(largest_lines(&h), [Some((1, 30)), Some((3, 30)), Some((2, 20))]);
        assert_eq!(largest_lines(&h[..1]), [Some((0, 10)), None, None]);
        assert_eq!(largest_lines(&[]), [None, None, None]);
    }

    #[test]
    fn heaviest_field_adds_up_lines_of_any_case() {
        let h = vec![line("Set-Cookie", 300), line("Link", 500), line("set-cookie", 300)];
        let f = heaviest_field(&h);
        assert_eq!((f.name, f.bytes, f.lines), ("Set-Cookie", 600, 2));
        let tie = vec![line("A", 100), line("B", 100)];
        assert_eq!(heaviest_field(&tie).name, "A");
    }

    #[test]
    fn lists_read_naturally() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&s(&["`A`"])), "`A`");
        assert_eq!(and_list(&s(&["`A`", "`B`"])), "`A` and `B`");
        assert_eq!(and_list(&s(&["`A`", "`B`", "`C`"])), "`A`, `B` and `C`");
    }

    #[test]
    fn up_to_8_kib_is_silent() {
        assert!(lint(vec![line("Date", 37), line("Content-Type", 40)]).is_empty());
        assert!(lint(vec![line("Set-Cookie", 4000), line("Set-Cookie", 4000), line("Link", 192)]).is_empty());
        assert!(lint(Vec::new()).is_empty());
    }

    #[test]
    fn over_8_kib_is_info_on_the_largest_line() {
        let f = lint(vec![line("Set-Cookie", 3000), line("Link", 4000), line("Date", 37), line("Set-Cookie", 1156)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Info);
        assert_eq!(f[0].1, Target::Header { name: "Link".into(), index: Some(1) });
        assert!(f[0].2.starts_with("The header fields total 8193 bytes in 4 lines, more than 8 KiB: an nginx proxy"), "{}", f[0].2);
        assert!(f[0].2.contains("`Link` (4000 bytes), `Set-Cookie` (3000 bytes), `Set-Cookie` (1156 bytes)"), "{}", f[0].2);
        // The field with the most bytes is `Set-Cookie` (4156), not `Link` (4000).
        assert!(f[0].2.contains("the 2 `Set-Cookie` lines take 4156 bytes in all"), "{}", f[0].2);
        assert!(!f[0].2.contains("mod_proxy"), "{}", f[0].2);
    }

    #[test]
    fn one_huge_line_is_named_once() {
        let f = lint(vec![line("Date", 37), line("Content-Security-Policy", 9300), line("Content-Type", 40)]);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Info);
        assert_eq!(f[0].1, Target::Header { name: "Content-Security-Policy".into(), index: Some(1) });
        assert!(f[0].2.contains("`Content-Security-Policy` alone is longer than the 8192-byte line buffer"), "{}", f[0].2);
    }

    #[test]
    fn over_16_kib_is_a_warning() {
        // 17 lines of 1000 bytes: 17000 bytes, 16932 of names and values.
        let f = lint((0..17).map(|_| line("Set-Cookie", 1000)).collect());
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Warning);
        assert!(f[0].2.contains("fail with a header overflow error"), "{}", f[0].2);
        // 200 lines of 82 bytes: 16400 bytes, but only 15600 of names and values.
        let f = lint((0..200).map(|_| line("X-Trace", 82)).collect());
        assert_eq!(f[0].0, Severity::Warning);
        assert!(f[0].2.contains("fail once names and values alone reach 16384 bytes"), "{}", f[0].2);
    }

    #[test]
    fn over_256_kib_is_an_error() {
        let f = lint((0..33).map(|_| line("Link", 8000)).collect());
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
        assert!(f[0].2.contains("ERR_RESPONSE_HEADERS_TOO_BIG"), "{}", f[0].2);
    }

    #[test]
    fn huge_lines_beyond_the_three_named_are_reported_alone() {
        let f = lint(vec![
            line("Link", 8800),
            line("Content-Security-Policy", 9400),
            line("Link", 9300),
            line("Date", 37),
            line("Link", 9200),
        ]);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].0, Severity::Warning);
        assert_eq!(f[0].1, Target::Header { name: "Content-Security-Policy".into(), index: Some(1) });
        assert!(f[0].2.contains("`Content-Security-Policy`, `Link` and `Link` are each longer"), "{}", f[0].2);
        assert_eq!(f[1].0, Severity::Info);
        assert_eq!(f[1].1, Target::Header { name: "Link".into(), index: Some(0) });
        assert!(f[1].2.starts_with("This `Link` line is 8800 bytes"), "{}", f[1].2);
    }
}
