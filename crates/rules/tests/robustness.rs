//! No rule and no field parser may panic, whatever the wire says: thousands of generated
//! responses (and requests) built from every header name the rules read, with valid, mutated and
//! hostile values, are linted. Deterministic (xorshift), so a failure reproduces. On a quarter
//! of them, `lint` (which skips rules whose `requires` fields are absent) must find exactly what
//! running every rule unconditionally finds.

use statuslab_rules::{lint, run_rule, Exchange, Headers, LintContext, Request, Response, Visibility, RULES};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[(self.next() % v.len() as u64) as usize]
    }
}

const NAMES: &[&str] = &[
    "Cache-Control", "Expires", "Date", "Age", "Last-Modified", "ETag", "Vary", "Pragma", "Content-Type", "Content-Length",
    "Transfer-Encoding", "Content-Encoding", "Content-Language", "Content-Range", "Content-Location", "Content-Disposition",
    "Location", "Refresh", "Allow", "Retry-After", "WWW-Authenticate", "Proxy-Authenticate", "Upgrade", "Connection",
    "Keep-Alive", "Trailer", "Link", "Alt-Svc", "Accept-Ranges", "Set-Cookie", "Strict-Transport-Security",
    "Content-Security-Policy", "Content-Security-Policy-Report-Only", "X-Frame-Options", "Referrer-Policy",
    "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Embedder-Policy", "Cross-Origin-Resource-Policy",
    "X-Content-Type-Options", "Server", "X-Powered-By", "Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
    "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Expose-Headers",
    "Access-Control-Max-Age", "Timing-Allow-Origin", "CDN-Cache-Control", "Sec-WebSocket-Accept", "Warning", "Content-MD5",
    "Clear-Site-Data", "Deprecation", "RateLimit", "RateLimit-Policy", "Content-Digest", "Repr-Digest", "Server-Timing",
    "Sunset", "Public-Key-Pins", "Public-Key-Pins-Report-Only", "X-AspNet-Version", "X-AspNetMvc-Version", "Proxy-Connection",
    "Feature-Policy", "Reporting-Endpoints", "Report-To", "NEL", "Set-Cookie2", "X-WebKit-CSP", "X-Content-Security-Policy",
    "Digest", "Want-Digest",
];
const VALUES: &[&str] = &[
    "", " ", "*", "null", "0", "-1", "99999999999999999999999", "max-age=60", "max-age=\"60\", public, private, no-store",
    "no-cache=\"Set-Cookie\", s-maxage=-5, immutable", "text/html; charset=utf-8", "multipart/byteranges; boundary=",
    "application/problem+json", "bytes 0-9/10", "bytes */", "bytes 9-1/x", "W/\"x\"", "\"unterminated", "Wed, 21 Oct 2026 07:28:00 GMT",
    "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994", "32 Foo 9999 99:99:99 GMT", "https://a.example/b?c#d", "//x",
    "javascript:alert(1)", "http://[::1", "a=b; Secure; HttpOnly; SameSite=None; Partitioned; Domain=.com; Max-Age=x",
    "__Host-x=1; Path=/x", "Bearer realm=\"a\", error=\"invalid_token\", Basic", "Basic realm=", "Bearer ,,,, =",
    "default-src 'self'; script-src 'unsafe-inline' *; frame-ancestors", "geolocation=(), camera=(self \"https://x\")",
    "<https://x>; rel=preload; as=style, <bad", "h3=\":443\"; ma=86400, clear", "GET, POST, PUT DELETE", "X-A, *, authorization",
    "chunked, gzip", "gzip, chunked, chunked", "@1688169599", "\"default\";r=5;t=1, \"x\";q=-1;pk=?0",
    "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:, md5=:AA==:, sha-512=:xyz", "\"cache\", cookies, \"*\"", "db;dur=53ms, app;dur=\"4\";desc=x y;dur", "miss, cache;desc=\"a\\\"b\"", "é✓\u{1F600}", "\t\t", ";;;;====", "\"\\\"\"", "a,b,c,,,,d",
    "csp=\"https://r.example/csp\", d=\"/r\", x=tok, y=(\"a\"), z=\"http://r\"", "default-src 'none'; report-uri /r; report-to csp",
    "{\"group\":\"csp\",\"max_age\":1,\"endpoints\":[{\"url\":\"https://r.example\"}]}",
    "{\"report_to\":\"csp\",\"max_age\":-1,\"success_fraction\":2,\"failure_fraction\":\"x\"}", "[{}]",
    "attachment; filename*=Shift_JIS''%95%F1; filename=\"C:\\\\x\\\\%41.pdf\"", "</a.woff2>; rel=preload; as=font; crossorigin=use-credentials",
    "camera=(\"self\" none src ?1 \"a b\" https://x), geolocation",
];

fn value(rng: &mut Rng) -> String {
    let mut v = rng.pick(VALUES).to_string();
    for _ in 0..(rng.next() % 3) {
        v.push_str(rng.pick(&[", ", "; ", "=", "\"", "/", " ", "*"]));
        v.push_str(rng.pick(VALUES));
    }
    if rng.next().is_multiple_of(10) {
        v = v.repeat(1 + (rng.next() % 50) as usize);
    }
    v
}

#[test]
fn random_exchanges_never_panic_any_rule() {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let bodies: &[&[u8]] = &[b"", b"{\"a\":1,\"a\":2}", b"\xef\xbb\xbf{}", b"<!doctype html><meta charset=x>", b"\xff\xfe\x00",
        b"{\"type\":5,\"status\":\"x\"}", b"--b\r\nContent-Range: bytes 0-1/2\r\n\r\nab\r\n--b--", b"Traceback (most recent call last):"];
    for i in 0..4000u32 {
        let mut headers = Headers::new();
        for _ in 0..(rng.next() % 12) {
            headers.push(rng.pick(NAMES), value(&mut rng));
        }
        let status = [0u16, 99, 100, 101, 103, 199, 200, 201, 203, 204, 205, 206, 299, 300, 301, 302, 303, 304, 307, 308, 400, 401, 404, 405, 407, 411, 412, 415, 416, 417, 426, 429, 451, 499, 500, 503, 599, 600, 999, 1000, 65535]
            [(rng.next() % 41) as usize];
        let request = (!i.is_multiple_of(3)).then(|| {
            let mut r = Request::new(rng.pick(&["GET", "HEAD", "POST", "OPTIONS", "PUT", "patch", ""]), rng.pick(&[
                "https://a.example/x?y=1", "http://127.0.0.1:8080/", "/relative", "", "https://[::1]:0/", "garbage",
            ]));
            for _ in 0..(rng.next() % 6) {
                r.headers.push(
                    rng.pick(&["Origin", "Range", "If-None-Match", "If-Modified-Since", "Access-Control-Request-Method",
                        "Access-Control-Request-Headers", "Authorization", "Cookie", "Expect", "Sec-WebSocket-Key", "Upgrade"]),
                    value(&mut rng),
                );
            }
            r
        });
        let visibility = [Visibility::Complete, Visibility::SameOrigin, Visibility::CorsFiltered, Visibility::Opaque][(rng.next() % 4) as usize];
        let response = Response { status, reason: None, headers, body: bodies[(rng.next() % bodies.len() as u64) as usize].to_vec(), visibility };
        let now = [None, Some(0), Some(1_795_645_000), Some(u64::MAX / 2)][(rng.next() % 4) as usize];
        let ex = Exchange { request, response };
        let cx = LintContext { now, page_origin: None };
        let found = lint(&ex, &cx);
        if i.is_multiple_of(4) {
            let key = |f: &statuslab_rules::Finding| (f.code, f.message.clone());
            let mut linted: Vec<_> = found.iter().map(key).collect();
            let mut every: Vec<_> = RULES.iter().flat_map(|r| run_rule(r, &ex, &cx)).map(|f| key(&f)).collect();
            linted.sort();
            every.sort();
            assert_eq!(linted, every, "skipping by `requires` changed the findings of {ex:?}");
        }
    }
}
