//! "Copy as code": the request as a ready-to-run snippet for a shell or a programming language.
//!
//! Pure string building, no I/O. Every value that lands in a snippet is quoted for its language
//! so that no input can end a string early or inject code:
//!
//! - **curl, HTTPie** — POSIX `sh` commands. Every argument is single-quoted (`'` written as
//!   `'\''`), so `$`, backticks, `\`, `!`, `%`, `"` and the rest are plain characters. An
//!   argument holding a control or invisible character (which a terminal or a copy-paste would
//!   mangle) is written as `"$(printf '…')"` with octal escapes instead; a body holding one is
//!   piped in from such a `printf`. Line feeds and tabs stay as they are inside single quotes.
//! - **JavaScript** — JSON string literals (`serde_json`), with DEL, C1 controls and invisible
//!   format characters also written as `\uXXXX`.
//! - **Python, Go, Rust** — double-quoted literals escaped by hand per each language's rules
//!   (Python picks `'` as the delimiter, like `repr`, when the text has `"` but no `'`).
//!
//! What the HTTP grammar forbids is refused with an `Err` rather than emitted: a method or
//! header name that is not a token, a header value with CR, LF, NUL or another control character
//! (HTAB aside) or with leading/trailing whitespace, a URL with a control character. A few
//! requests that one tool cannot make at all (HTTPie: a method that is not all upper-case
//! letters; `fetch()`: a forbidden method, a body on GET/HEAD) are refused for that tool only.
//!
//! On the wire header values are the UTF-8 bytes of the text in every snippet (for `fetch()` and
//! Python `requests`, which would send Latin-1, the snippet converts explicitly).

use std::fmt::Write as _;

/// The request to turn into code. Header order and spelling are kept as given.
#[derive(Clone, Copy, Debug)]
pub struct SnippetRequest<'a> {
    pub method: &'a str,
    pub url: &'a str,
    pub headers: &'a [(String, String)],
    /// Sent exactly, as UTF-8; empty means no body.
    pub body: &'a str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Curl,
    Httpie,
    Fetch,
    PythonRequests,
    GoNetHttp,
    RustReqwest,
}

impl Lang {
    pub const ALL: [Lang; 6] = [Lang::Curl, Lang::Httpie, Lang::Fetch, Lang::PythonRequests, Lang::GoNetHttp, Lang::RustReqwest];

    pub fn label(self) -> &'static str {
        match self {
            Lang::Curl => "curl",
            Lang::Httpie => "HTTPie",
            Lang::Fetch => "JavaScript fetch",
            Lang::PythonRequests => "Python requests",
            Lang::GoNetHttp => "Go net/http",
            Lang::RustReqwest => "Rust reqwest",
        }
    }
}

/// The request as a snippet in `lang`, or why it cannot be written (see the module docs).
pub fn snippet(lang: Lang, req: &SnippetRequest) -> Result<String, String> {
    validate(req)?;
    match lang {
        Lang::Curl => Ok(curl(req)),
        Lang::Httpie => httpie(req),
        Lang::Fetch => fetch(req),
        Lang::PythonRequests => Ok(python(req)),
        Lang::GoNetHttp => Ok(go(req)),
        Lang::RustReqwest => Ok(rust(req)),
    }
}

// ---------------------------------------------------------------------------------------------
// Validation (RFC 9110 grammar)

/// `tchar` (RFC 9110 §5.6.2).
fn is_tchar(c: char) -> bool {
    c.is_ascii() && crate::model::is_tchar(c as u8)
}

fn is_token(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_tchar)
}

fn validate(req: &SnippetRequest) -> Result<(), String> {
    if !is_token(req.method) {
        return Err(if req.method.is_empty() {
            "the method is empty".to_string()
        } else {
            format!("the method {:?} is not an HTTP token (RFC 9110 §9.1: letters, digits and !#$%&'*+-.^_`|~ only)", req.method)
        });
    }
    if req.url.is_empty() {
        return Err("the URL is empty".to_string());
    }
    if let Some(c) = req.url.chars().find(|c| c.is_control()) {
        return Err(format!("the URL contains the control character {} (percent-encode it)", describe(c)));
    }
    for (name, value) in req.headers {
        if name.is_empty() {
            return Err("a header has an empty name".to_string());
        }
        if !is_token(name) {
            return Err(format!(
                "the header name {name:?} is not an HTTP token (RFC 9110 §5.6.2: letters, digits and !#$%&'*+-.^_`|~ only)"
            ));
        }
        if let Some(c) = value.chars().find(|&c| matches!(c, '\r' | '\n' | '\0')) {
            return Err(format!(
                "the value of header `{name}` contains {}, which HTTP forbids in a field value (RFC 9110 §5.5): it could end the header or smuggle another one",
                describe(c)
            ));
        }
        if let Some(c) = value.chars().find(|&c| c.is_ascii_control() && c != '\t') {
            return Err(format!(
                "the value of header `{name}` contains the control character {}, which HTTP forbids in a field value (RFC 9110 §5.5)",
                describe(c)
            ));
        }
        if value.starts_with([' ', '\t']) || value.ends_with([' ', '\t']) {
            return Err(format!(
                "the value of header `{name}` starts or ends with whitespace, which is not part of a field value (RFC 9110 §5.5): trim it"
            ));
        }
    }
    Ok(())
}

fn describe(c: char) -> String {
    match c {
        '\r' => "CR (U+000D)".to_string(),
        '\n' => "LF (U+000A)".to_string(),
        '\0' => "NUL (U+0000)".to_string(),
        _ => format!("U+{:04X}", c as u32),
    }
}

/// Characters that are written as escapes wherever the language has them: controls (C0, DEL,
/// C1) and invisible format characters that could hide or reorder text (zero-width, bidi
/// controls, line/paragraph separators, BOM, tag characters).
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c as u32,
            0xAD | 0x061C | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFEFF
            | 0xFFF9..=0xFFFB | 0xE0000..=0xE007F)
}

fn has_non_ascii(s: &str) -> bool {
    !s.is_ascii()
}

/// Headers with repeated names (case-insensitive) joined with ", " under the first spelling,
/// for clients that keep one value per name (RFC 9110 §5.3 makes the two equivalent).
fn combined_headers(headers: &[(String, String)]) -> (Vec<(String, String)>, bool) {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut merged = false;
    for (n, v) in headers {
        if let Some(slot) = out.iter_mut().find(|(m, _)| m.eq_ignore_ascii_case(n)) {
            slot.1.push_str(", ");
            slot.1.push_str(v);
            merged = true;
        } else {
            out.push((n.clone(), v.clone()));
        }
    }
    (out, merged)
}

fn has_repeated_names(headers: &[(String, String)]) -> bool {
    headers.iter().enumerate().any(|(i, (n, _))| headers[..i].iter().any(|(m, _)| m.eq_ignore_ascii_case(n)))
}

// ---------------------------------------------------------------------------------------------
// POSIX sh (curl, HTTPie)

/// Single-quoted: nothing inside is special to `sh`; `'` itself is written `'\''`.
fn sh_single(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A `printf` format (single-quoted) that prints exactly `s`: `\` and `%` doubled, control
/// and invisible characters as 3-digit octal escapes of their UTF-8 bytes, LF/TAB as `\n`/`\t`,
/// a leading `-` as `\055` so that printf cannot take it for an option.
fn printf_format(s: &str) -> String {
    let mut f = String::new();
    for (i, c) in s.chars().enumerate() {
        match c {
            '\\' => f.push_str(r"\\"),
            '%' => f.push_str("%%"),
            '\n' => f.push_str(r"\n"),
            '\t' => f.push_str(r"\t"),
            '-' if i == 0 => f.push_str(r"\055"),
            c if is_hidden(c) => {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(f, "\\{b:03o}");
                }
            }
            c => f.push(c),
        }
    }
    sh_single(&f)
}

/// Whether `s` can go between single quotes as it is: LF and TAB are harmless there; other
/// controls and invisible characters would not survive a terminal or a copy-paste intact.
fn sh_plain(s: &str) -> bool {
    s.chars().all(|c| c == '\n' || c == '\t' || !is_hidden(c))
}

/// One shell word that expands to exactly `s` (which has no trailing newline to lose).
fn sh_word(s: &str) -> String {
    if sh_plain(s) {
        sh_single(s)
    } else {
        format!("\"$(printf {})\"", printf_format(s))
    }
}

const CONT: &str = " \\\n  ";

fn curl(req: &SnippetRequest) -> String {
    let body = req.body;
    let piped = !body.is_empty() && !sh_plain(body);
    let mut s = String::new();
    if piped {
        let _ = write!(s, "printf {} |{CONT}", printf_format(body));
    }
    let _ = write!(s, "curl --globoff --url {}", sh_word(req.url));
    let m = req.method;
    if m == "HEAD" && body.is_empty() {
        s.push_str(CONT);
        s.push_str("--head");
    } else if !((m == "GET" && body.is_empty()) || (m == "POST" && !body.is_empty())) {
        let _ = write!(s, "{CONT}--request {}", sh_single(m));
    }
    for (n, v) in req.headers {
        // curl: `Name:` with nothing after it REMOVES the header; `Name;` sends it empty.
        let h = if v.is_empty() { format!("{n};") } else { format!("{n}: {v}") };
        let _ = write!(s, "{CONT}--header {}", sh_word(&h));
    }
    if piped {
        let _ = write!(s, "{CONT}--data-binary @-");
    } else if !body.is_empty() {
        // --data-raw: a leading `@` is not a file name, and the text is sent as it is.
        let _ = write!(s, "{CONT}--data-raw {}", sh_single(body));
    }
    s.push('\n');
    s
}

/// HTTPie's request-item separators: in an item, `\` before one of these escapes it.
const HTTPIE_SPECIAL: [char; 4] = [':', ';', '=', '@'];

fn httpie(req: &SnippetRequest) -> Result<String, String> {
    let m = req.method;
    // HTTPie takes a first argument of letters as the method (anything else is read as the URL)
    // and lower-cases it; requests then upper-cases it.
    if !m.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "HTTPie can only send methods made of upper-case letters (it sends {m:?} as {:?} or not at all); use curl for this one",
            m.to_ascii_uppercase()
        ));
    }
    let body = req.body;
    let piped = !body.is_empty() && !sh_plain(body);
    let mut items = Vec::new();
    let mut heredocs: Vec<(u8, String, String)> = Vec::new(); // (fd, delimiter, line)
    for (n, v) in req.headers {
        if v.is_empty() {
            // `Name:` with no value would REMOVE the header; `Name;` sends it empty.
            items.push(sh_word(&format!("{n};")));
            continue;
        }
        let chars: Vec<char> = v.chars().collect();
        let backslash_escape = chars.windows(2).any(|w| w[0] == '\\' && HTTPIE_SPECIAL.contains(&w[1]));
        if backslash_escape {
            // HTTPie reads `\:` `\;` `\=` `\@` as escapes and cannot express a literal backslash
            // before them; `Name:@file` reads the value from a file instead, here a here-document.
            if !sh_plain(v) {
                return Err(format!(
                    "HTTPie cannot send the value of header `{n}`: it has a backslash before one of : ; = @ and a control or invisible character; use curl"
                ));
            }
            let fd = 3 + heredocs.len();
            if fd > 9 {
                return Err("HTTPie: too many header values with a backslash before one of : ; = @; use curl".to_string());
            }
            let mut delim = format!("STATUSLAB_EOF_{fd}");
            while delim == *v {
                delim.push('_');
            }
            items.push(sh_word(&format!("{n}:@/dev/fd/{fd}")));
            heredocs.push((fd as u8, delim, v.clone()));
            continue;
        }
        // The separator is the first `:` (the name is a token: none of : ; = @ in it), but a value
        // starting with `=` or `@` would make it `:=` (raw JSON) or `:@` (file): escape that one.
        let mut item = format!("{n}:");
        if v.starts_with(['=', '@']) {
            item.push('\\');
        }
        item.push_str(v);
        items.push(sh_word(&item));
    }
    let mut s = String::new();
    if piped {
        let _ = write!(s, "printf {} |{CONT}http", printf_format(body));
    } else {
        s.push_str("http --ignore-stdin");
        if !body.is_empty() {
            if body.starts_with('-') {
                // `--raw '-x'` would read `-x` as an option; `--raw=-x` cannot.
                let _ = write!(s, " --raw={}", sh_single(body));
            } else {
                let _ = write!(s, " --raw {}", sh_single(body));
            }
        }
    }
    // `--` ends the options when the URL or an item starts with `-` (else read as an option).
    if req.url.starts_with('-') || req.headers.iter().any(|(n, _)| n.starts_with('-')) {
        s.push_str(" --");
    }
    let _ = write!(s, " {m} {}", sh_word(req.url));
    for it in items {
        let _ = write!(s, "{CONT}{it}");
    }
    for (fd, delim, _) in &heredocs {
        let _ = write!(s, " {fd}<<'{delim}'");
    }
    s.push('\n');
    for (_, delim, line) in &heredocs {
        let _ = write!(s, "{line}\n{delim}\n");
    }
    Ok(s)
}

// ---------------------------------------------------------------------------------------------
// JavaScript fetch

/// A JSON string literal (valid JavaScript), with DEL, C1 controls and invisible characters
/// escaped as well (serde_json escapes only `"`, `\` and U+0000–U+001F).
fn js_str(s: &str) -> String {
    crate::model::json_literal_escaping(s, is_hidden)
}

fn fetch(req: &SnippetRequest) -> Result<String, String> {
    use crate::fetch::{forbidden_request_header, is_forbidden_method, normalize_method};
    if is_forbidden_method(req.method) {
        return Err(format!("fetch() refuses the method {} (a forbidden method in the Fetch standard); use curl", req.method));
    }
    let method = normalize_method(req.method);
    if !req.body.is_empty() && (method == "GET" || method == "HEAD") {
        return Err(format!("fetch() cannot send a body with {method}; use curl, or another method"));
    }
    let needs_utf8 = req.headers.iter().any(|(_, v)| has_non_ascii(v));
    let mut s = String::new();
    let dropped: Vec<&str> =
        req.headers.iter().filter(|(n, v)| forbidden_request_header(n, v).is_some()).map(|(n, _)| n.as_str()).collect();
    if !dropped.is_empty() {
        let _ = writeln!(
            s,
            "// A browser drops forbidden request headers ({}); Node.js sends them.",
            dropped.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ")
        );
    }
    if needs_utf8 {
        s.push_str("// Header values are byte strings: this sends the UTF-8 bytes of non-ASCII text.\n");
        s.push_str("const utf8 = (s) => String.fromCharCode(...new TextEncoder().encode(s));\n\n");
    }
    let value = |v: &str| if has_non_ascii(v) { format!("utf8({})", js_str(v)) } else { js_str(v) };
    let _ = writeln!(s, "const res = await fetch({}, {{", js_str(req.url));
    let _ = writeln!(s, "  method: {},", js_str(req.method));
    if !req.headers.is_empty() {
        if has_repeated_names(req.headers) {
            // An object cannot repeat a key; a list of pairs keeps every header.
            s.push_str("  headers: [\n");
            for (n, v) in req.headers {
                let _ = writeln!(s, "    [{}, {}],", js_str(n), value(v));
            }
            s.push_str("  ],\n");
        } else {
            s.push_str("  headers: {\n");
            for (n, v) in req.headers {
                let _ = writeln!(s, "    {}: {},", js_str(n), value(v));
            }
            s.push_str("  },\n");
        }
    }
    if !req.body.is_empty() {
        let _ = writeln!(s, "  body: {},", js_str(req.body));
    }
    s.push_str("});\nconsole.log(await res.text());\n");
    Ok(s)
}

// ---------------------------------------------------------------------------------------------
// Python requests

/// A Python `str` literal, like `repr`: delimited by `'` when the text has `"` but no `'`, else
/// by `"`. Escapes `\`, the delimiter, `\n` `\r` `\t`, other hidden characters as `\xHH`,
/// `\uHHHH` or `\UHHHHHHHH`; everything else (é, emoji, `{}`, `$`…) is itself.
fn py_str(s: &str) -> String {
    let q = if s.contains('"') && !s.contains('\'') { '\'' } else { '"' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '\n' => out.push_str(r"\n"),
            '\r' => out.push_str(r"\r"),
            '\t' => out.push_str(r"\t"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c if is_hidden(c) => {
                let n = c as u32;
                let _ = if n <= 0xFF {
                    write!(out, "\\x{n:02x}")
                } else if n <= 0xFFFF {
                    write!(out, "\\u{n:04x}")
                } else {
                    write!(out, "\\U{n:08x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

fn python(req: &SnippetRequest) -> String {
    let mut s = String::from("import requests\n\n");
    let _ = writeln!(s, "url = {}", py_str(req.url));
    let (headers, merged) = combined_headers(req.headers);
    if !headers.is_empty() {
        if merged {
            s.push_str("# requests sends one header per name: repeated headers are joined with \", \".\n");
        }
        if headers.iter().any(|(_, v)| has_non_ascii(v)) {
            s.push_str("# Non-ASCII values are passed as UTF-8 bytes (a str would be sent as Latin-1).\n");
        }
        s.push_str("headers = {\n");
        for (n, v) in &headers {
            let v = if has_non_ascii(v) { format!("{}.encode()", py_str(v)) } else { py_str(v) };
            let _ = writeln!(s, "    {}: {},", py_str(n), v);
        }
        s.push_str("}\n");
    }
    if !req.body.is_empty() {
        let _ = writeln!(s, "data = {}.encode()", py_str(req.body));
    }
    s.push('\n');
    let mut args = String::new();
    if !headers.is_empty() {
        args.push_str(", headers=headers");
    }
    if !req.body.is_empty() {
        args.push_str(", data=data");
    }
    let m = py_str(req.method);
    if req.method.chars().all(|c| !c.is_ascii_lowercase()) {
        let _ = writeln!(s, "r = requests.request({m}, url{args})");
    } else {
        // requests upper-cases the method; set it again on the prepared request to keep its case.
        s.push_str("session = requests.Session()\n");
        let _ = writeln!(s, "prepared = session.prepare_request(requests.Request({m}, url{args}))");
        let _ = writeln!(s, "prepared.method = {m}  # requests would upper-case it");
        s.push_str("r = session.send(prepared)\n");
    }
    s.push_str("print(r.text)\n");
    s
}

// ---------------------------------------------------------------------------------------------
// Go net/http

/// A Go interpreted string literal, like `strconv.Quote` but keeping printable non-ASCII as is.
fn go_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str(r"\n"),
            '\r' => out.push_str(r"\r"),
            '\t' => out.push_str(r"\t"),
            c if is_hidden(c) => {
                let n = c as u32;
                // `\xHH` is a byte: only for ASCII; `\u`/`\U` are code points (UTF-8 encoded).
                let _ = if n < 0x80 {
                    write!(out, "\\x{n:02x}")
                } else if n <= 0xFFFF {
                    write!(out, "\\u{n:04x}")
                } else {
                    write!(out, "\\U{n:08x}")
                };
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Go's `textproto.CanonicalMIMEHeaderKey` for a token: upper-case the first letter and each
/// letter after `-`, lower-case the others.
fn go_canonical(name: &str) -> String {
    let mut upper = true;
    name.chars()
        .map(|c| {
            let out = if upper { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() };
            upper = c == '-';
            out
        })
        .collect()
}

fn go(req: &SnippetRequest) -> String {
    let has_body = !req.body.is_empty();
    let mut s = String::from("package main\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"net/http\"\n");
    if has_body {
        s.push_str("\t\"strings\"\n");
    }
    s.push_str(")\n\nfunc main() {\n");
    let body = if has_body { format!("strings.NewReader({})", go_str(req.body)) } else { "nil".to_string() };
    let _ = writeln!(s, "\treq, err := http.NewRequest({}, {}, {body})", go_str(req.method), go_str(req.url));
    s.push_str("\tif err != nil {\n\t\tpanic(err)\n\t}\n");
    for (n, v) in req.headers {
        if n.eq_ignore_ascii_case("host") {
            let _ = writeln!(s, "\treq.Host = {}", go_str(v));
        } else if go_canonical(n) == *n {
            let _ = writeln!(s, "\treq.Header.Add({}, {})", go_str(n), go_str(v));
        } else {
            // Header.Add would rewrite the name as `Canonical-Form`; the map keeps it as written.
            let k = go_str(n);
            let _ = writeln!(s, "\treq.Header[{k}] = append(req.Header[{k}], {})", go_str(v));
        }
    }
    s.push_str(
        "\tres, err := http.DefaultClient.Do(req)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tdefer res.Body.Close()\n\
         \tout, err := io.ReadAll(res.Body)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tfmt.Println(string(out))\n}\n",
    );
    s
}

// ---------------------------------------------------------------------------------------------
// Rust reqwest

/// A Rust string literal: `\\`, `\"`, `\n` `\r` `\t` `\0`, other hidden characters as `\u{…}`.
fn rust_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str(r"\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str(r"\n"),
            '\r' => out.push_str(r"\r"),
            '\t' => out.push_str(r"\t"),
            '\0' => out.push_str(r"\0"),
            c if is_hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn rust(req: &SnippetRequest) -> String {
    const STANDARD: [&str; 9] = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "CONNECT", "PATCH", "TRACE"];
    let method = if STANDARD.contains(&req.method) {
        format!("reqwest::Method::{}", req.method)
    } else {
        // A token is ASCII, so a byte-string literal holds it.
        format!("reqwest::Method::from_bytes(b{})?", rust_str(req.method))
    };
    let mut s = String::from("// Cargo.toml: reqwest = { version = \"0.12\", features = [\"blocking\"] }\n");
    s.push_str("fn main() -> Result<(), Box<dyn std::error::Error>> {\n");
    s.push_str("    let res = reqwest::blocking::Client::new()\n");
    let _ = writeln!(s, "        .request({method}, {})", rust_str(req.url));
    for (n, v) in req.headers {
        // A `&str` value must be visible ASCII; bytes allow UTF-8 (obs-text).
        let v = if has_non_ascii(v) { format!("{}.as_bytes()", rust_str(v)) } else { rust_str(v) };
        let _ = writeln!(s, "        .header({}, {v})", rust_str(n));
    }
    if !req.body.is_empty() {
        let _ = writeln!(s, "        .body({})", rust_str(req.body));
    }
    s.push_str("        .send()?;\n    println!(\"{}\", res.text()?);\n    Ok(())\n}\n");
    s
}

// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect()
    }

    fn gen(lang: Lang, method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> Result<String, String> {
        let headers = h(headers);
        snippet(lang, &SnippetRequest { method, url, headers: &headers, body })
    }

    const HOSTILE: &str = r#"it's "$HOME" `id` \ ! % {x} é 😀"#;

    #[test]
    fn labels_and_all() {
        let labels: Vec<&str> = Lang::ALL.iter().map(|l| l.label()).collect();
        assert_eq!(labels, ["curl", "HTTPie", "JavaScript fetch", "Python requests", "Go net/http", "Rust reqwest"]);
    }

    #[test]
    fn curl_exact() {
        let out = gen(Lang::Curl, "POST", "https://x.example/a?b=1&c={d}", &[("X-A", HOSTILE), ("X-Empty", "")], "{\"k\": 'v'}\nline2").unwrap();
        assert_eq!(
            out,
            "curl --globoff --url 'https://x.example/a?b=1&c={d}' \\\n  \
             --header 'X-A: it'\\''s \"$HOME\" `id` \\ ! % {x} é 😀' \\\n  \
             --header 'X-Empty;' \\\n  \
             --data-raw '{\"k\": '\\''v'\\''}\nline2'\n"
        );
        assert_eq!(gen(Lang::Curl, "GET", "http://h/", &[], "").unwrap(), "curl --globoff --url 'http://h/'\n");
        assert_eq!(gen(Lang::Curl, "HEAD", "http://h/", &[], "").unwrap(), "curl --globoff --url 'http://h/' \\\n  --head\n");
        assert_eq!(
            gen(Lang::Curl, "DELETE", "http://h/", &[], "").unwrap(),
            "curl --globoff --url 'http://h/' \\\n  --request 'DELETE'\n"
        );
        // A method can hold sh-special characters: it is quoted too.
        assert_eq!(
            gen(Lang::Curl, "M'$`", "http://h/", &[], "").unwrap(),
            "curl --globoff --url 'http://h/' \\\n  --request 'M'\\''$`'\n"
        );
        // A body with a CR goes through printf.
        assert_eq!(
            gen(Lang::Curl, "PUT", "http://h/", &[], "-a\r\n%b\\'").unwrap(),
            "printf '\\055a\\015\\n%%b\\\\'\\''' | \\\n  curl --globoff --url 'http://h/' \\\n  --request 'PUT' \\\n  --data-binary @-\n"
        );
        // An invisible character in a header value: printf inside a command substitution.
        assert_eq!(
            gen(Lang::Curl, "GET", "http://h/", &[("X", "a\u{202e}b")], "").unwrap(),
            "curl --globoff --url 'http://h/' \\\n  --header \"$(printf 'X: a\\342\\200\\256b')\"\n"
        );
    }

    #[test]
    fn httpie_exact() {
        let out = gen(Lang::Httpie, "POST", "http://h/x", &[("X-A", HOSTILE), ("X-E", ""), ("X-Eq", "=a;b:c@d")], "{\"a\": 1}").unwrap();
        assert_eq!(
            out,
            "http --ignore-stdin --raw '{\"a\": 1}' POST 'http://h/x' \\\n  \
             'X-A:it'\\''s \"$HOME\" `id` \\ ! % {x} é 😀' \\\n  \
             'X-E;' \\\n  \
             'X-Eq:\\=a;b:c@d'\n"
        );
        assert_eq!(
            gen(Lang::Httpie, "GET", "-x", &[("-n", "v")], "-b").unwrap(),
            "http --ignore-stdin --raw='-b' -- GET '-x' \\\n  '-n:v'\n"
        );
        // A backslash before `:` cannot be written as an item: the value comes from a here-document.
        assert_eq!(
            gen(Lang::Httpie, "GET", "http://h/", &[("X", r"a\:b"), ("Y", "STATUSLAB_EOF_4")], "").unwrap(),
            "http --ignore-stdin GET 'http://h/' \\\n  'X:@/dev/fd/3' \\\n  'Y:STATUSLAB_EOF_4' 3<<'STATUSLAB_EOF_3'\na\\:b\nSTATUSLAB_EOF_3\n"
        );
        assert_eq!(
            gen(Lang::Httpie, "GET", "http://h/", &[("X", "STATUSLAB_EOF_3\\=")], "").unwrap(),
            "http --ignore-stdin GET 'http://h/' \\\n  'X:@/dev/fd/3' 3<<'STATUSLAB_EOF_3'\nSTATUSLAB_EOF_3\\=\nSTATUSLAB_EOF_3\n"
        );
        let e = gen(Lang::Httpie, "get", "http://h/", &[], "").unwrap_err();
        assert!(e.contains("upper-case letters"), "{e}");
        assert!(gen(Lang::Httpie, "M-SEARCH", "http://h/", &[], "").is_err());
        assert!(gen(Lang::Curl, "M-SEARCH", "http://h/", &[], "").is_ok());
    }

    #[test]
    fn fetch_exact() {
        let out = gen(Lang::Fetch, "PUT", "http://h/</script>", &[("X-A", HOSTILE), ("Cookie", "a=b")], "x\u{2028}\"\n").unwrap();
        assert_eq!(
            out,
            "// A browser drops forbidden request headers (Cookie); Node.js sends them.\n\
             // Header values are byte strings: this sends the UTF-8 bytes of non-ASCII text.\n\
             const utf8 = (s) => String.fromCharCode(...new TextEncoder().encode(s));\n\n\
             const res = await fetch(\"http://h/</script>\", {\n  \
             method: \"PUT\",\n  \
             headers: {\n    \
             \"X-A\": utf8(\"it's \\\"$HOME\\\" `id` \\\\ ! % {x} é 😀\"),\n    \
             \"Cookie\": \"a=b\",\n  \
             },\n  \
             body: \"x\\u2028\\\"\\n\",\n\
             });\nconsole.log(await res.text());\n"
        );
        let out = gen(Lang::Fetch, "GET", "http://h/", &[("A", "1"), ("a", "2")], "").unwrap();
        assert!(out.contains("  headers: [\n    [\"A\", \"1\"],\n    [\"a\", \"2\"],\n  ],\n"), "{out}");
        assert!(gen(Lang::Fetch, "get", "http://h/", &[], "b").unwrap_err().contains("body with GET"));
        assert!(gen(Lang::Fetch, "TRACE", "http://h/", &[], "").unwrap_err().contains("forbidden method"));
    }

    #[test]
    fn python_exact() {
        let out = gen(Lang::PythonRequests, "POST", "http://h/", &[("X-A", HOSTILE), ("X-B", "say \"hi\""), ("x-b", "2")], "a\\b\n\u{7f}").unwrap();
        assert_eq!(
            out,
            "import requests\n\n\
             url = \"http://h/\"\n\
             # requests sends one header per name: repeated headers are joined with \", \".\n\
             # Non-ASCII values are passed as UTF-8 bytes (a str would be sent as Latin-1).\n\
             headers = {\n    \
             \"X-A\": \"it's \\\"$HOME\\\" `id` \\\\ ! % {x} é 😀\".encode(),\n    \
             \"X-B\": 'say \"hi\", 2',\n\
             }\n\
             data = \"a\\\\b\\n\\x7f\".encode()\n\n\
             r = requests.request(\"POST\", url, headers=headers, data=data)\n\
             print(r.text)\n"
        );
        let out = gen(Lang::PythonRequests, "patch", "http://h/", &[], "").unwrap();
        assert!(out.contains("prepared.method = \"patch\""), "{out}");
        assert_eq!(
            gen(Lang::PythonRequests, "GET", "http://h/", &[], "").unwrap(),
            "import requests\n\nurl = \"http://h/\"\n\nr = requests.request(\"GET\", url)\nprint(r.text)\n"
        );
    }

    #[test]
    fn go_exact() {
        let out = gen(Lang::GoNetHttp, "POST", "http://h/", &[("X-A", HOSTILE), ("x-low", "\u{85}"), ("Host", "v")], "\u{1}\u{e0041}").unwrap();
        assert_eq!(
            out,
            "package main\n\nimport (\n\t\"fmt\"\n\t\"io\"\n\t\"net/http\"\n\t\"strings\"\n)\n\nfunc main() {\n\
             \treq, err := http.NewRequest(\"POST\", \"http://h/\", strings.NewReader(\"\\x01\\U000e0041\"))\n\
             \tif err != nil {\n\t\tpanic(err)\n\t}\n\
             \treq.Header.Add(\"X-A\", \"it's \\\"$HOME\\\" `id` \\\\ ! % {x} é 😀\")\n\
             \treq.Header[\"x-low\"] = append(req.Header[\"x-low\"], \"\\u0085\")\n\
             \treq.Host = \"v\"\n\
             \tres, err := http.DefaultClient.Do(req)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tdefer res.Body.Close()\n\
             \tout, err := io.ReadAll(res.Body)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\tfmt.Println(string(out))\n}\n"
        );
        assert!(!gen(Lang::GoNetHttp, "GET", "http://h/", &[], "").unwrap().contains("strings"));
        assert_eq!(go_canonical("x-custom-ID"), "X-Custom-Id");
    }

    #[test]
    fn rust_exact() {
        let out = gen(Lang::RustReqwest, "PURGE", "http://h/", &[("X-A", HOSTILE), ("X-B", "plain")], "\0\r\"{}\"").unwrap();
        assert_eq!(
            out,
            "// Cargo.toml: reqwest = { version = \"0.12\", features = [\"blocking\"] }\n\
             fn main() -> Result<(), Box<dyn std::error::Error>> {\n    \
             let res = reqwest::blocking::Client::new()\n        \
             .request(reqwest::Method::from_bytes(b\"PURGE\")?, \"http://h/\")\n        \
             .header(\"X-A\", \"it's \\\"$HOME\\\" `id` \\\\ ! % {x} é 😀\".as_bytes())\n        \
             .header(\"X-B\", \"plain\")\n        \
             .body(\"\\0\\r\\\"{}\\\"\")\n        \
             .send()?;\n    println!(\"{}\", res.text()?);\n    Ok(())\n}\n"
        );
        assert!(gen(Lang::RustReqwest, "GET", "http://h/", &[], "").unwrap().contains(".request(reqwest::Method::GET, \"http://h/\")"));
    }

    #[test]
    fn grammar_errors_for_every_language() {
        #[allow(clippy::type_complexity)]
        let cases: &[(&str, &str, &[(&str, &str)], &str)] = &[
            ("", "http://h/", &[], "method is empty"),
            ("GET /x", "http://h/", &[], "not an HTTP token"),
            ("GE\nT", "http://h/", &[], "not an HTTP token"),
            ("GET", "", &[], "URL is empty"),
            ("GET", "http://h/\r\nX: y", &[], "control character"),
            ("GET", "http://h/", &[("", "v")], "empty name"),
            ("GET", "http://h/", &[("X Y", "v")], "not an HTTP token"),
            ("GET", "http://h/", &[("X:", "v")], "not an HTTP token"),
            ("GET", "http://h/", &[("Ünï", "v")], "not an HTTP token"),
            ("GET", "http://h/", &[("X\r\nY", "v")], "not an HTTP token"),
            ("GET", "http://h/", &[("X", "a\r\nEvil: 1")], "CR (U+000D)"),
            ("GET", "http://h/", &[("X", "a\nb")], "LF (U+000A)"),
            ("GET", "http://h/", &[("X", "a\0b")], "NUL (U+0000)"),
            ("GET", "http://h/", &[("X", "a\u{1b}[31m")], "U+001B"),
            ("GET", "http://h/", &[("X", "a\u{7f}")], "U+007F"),
            ("GET", "http://h/", &[("X", " a")], "whitespace"),
            ("GET", "http://h/", &[("X", "a\t")], "whitespace"),
        ];
        for lang in Lang::ALL {
            for (m, u, hs, want) in cases {
                let e = gen(lang, m, u, hs, "").expect_err(&format!("{lang:?} {m:?} {u:?} {hs:?}"));
                assert!(e.contains(want), "{lang:?}: {e:?} lacks {want:?}");
            }
        }
    }

    /// Strings meant to break out of a literal or a shell word in one language or another.
    const NASTY: &[&str] = &[
        "'",
        "\"",
        "\\",
        "\\\\",
        "'\\''",
        "\"\"\"",
        "'''",
        "$HOME",
        "${HOME}",
        "$(id)",
        "`id`",
        "!!",
        "!$",
        "%s%n%%",
        "\\x41\\u0041\\n\\0",
        "{}{{}}",
        "#{x}",
        "f'{x}'",
        "</script><script>alert(1)</script>",
        "*/ /*",
        "// comment",
        "# comment",
        "\\\"; os.system('id'); \"",
        "\"); panic(\"x",
        "\"#]; r#\"",
        "r#\"x\"#",
        "é ü ß 中文 😀 👩‍👩‍👧",
        "\u{202e}evil\u{202c}",
        "zero\u{200b}width\u{feff}",
        "line\u{2028}sep\u{2029}",
        "tag\u{e0041}\u{e007f}",
        "c1\u{85}\u{9b}[31m",
        "tab\there",
        "=starts",
        "@starts",
        ":starts",
        ";starts",
        "a\\:b\\;c\\=d\\@e",
        "trailing\\",
        "-starts",
        "--output=/tmp/x",
        "STATUSLAB_EOF_3",
    ];

    /// Bodies may also hold line breaks and control characters.
    const NASTY_BODY_EXTRA: &[&str] =
        &["a\nb", "a\r\nb\r\n", "\n", "nul\0byte", "esc\u{1b}[2J", "del\u{7f}", "bell\u{7}", "end\n\n", "\t\ttabs"];

    fn line_and_tab_counts(s: &str) -> (usize, usize) {
        (s.matches('\n').count(), s.matches('\t').count())
    }

    #[test]
    fn nasty_values_never_leave_their_literal() {
        let base = "http://h/p";
        for lang in Lang::ALL {
            let benign = gen(lang, "POST", base, &[("X-N", "v")], "b").unwrap();
            let (benign_lines, benign_tabs) = line_and_tab_counts(&benign);
            let bodies = NASTY.iter().chain(NASTY_BODY_EXTRA);
            for (i, body) in bodies.enumerate() {
                // Header values: every nasty string that the grammar allows (no leading/trailing ws).
                let value = NASTY[i % NASTY.len()];
                let q = NASTY[(i + 7) % NASTY.len()];
                let url = if q.chars().any(char::is_control) { format!("{base}?q=ctl") } else { format!("{base}?q={q}") };
                let out = match gen(lang, "POST", &url, &[("X-N", value)], body) {
                    Ok(out) => out,
                    Err(e) => {
                        // Only HTTPie's "backslash before a separator plus an invisible" limit.
                        assert_eq!(lang, Lang::Httpie, "{lang:?} refused {value:?} / {body:?}: {e}");
                        continue;
                    }
                };
                for c in out.chars() {
                    assert!(
                        c == '\n' || c == '\t' || !is_hidden(c),
                        "{lang:?}: raw {} in output for value {value:?} body {body:?}:\n{out}",
                        describe(c)
                    );
                }
                let (lines, tabs) = line_and_tab_counts(&out);
                match lang {
                    Lang::Curl | Lang::Httpie => {
                        // LF and TAB appear raw only inside the single-quoted body (or a heredoc line).
                        if sh_plain(body) {
                            let heredoc = if lang == Lang::Httpie && out.contains("<<'") { 2 } else { 0 };
                            assert_eq!(lines, benign_lines + body.matches('\n').count() + heredoc, "{lang:?}:\n{out}");
                            assert_eq!(tabs, benign_tabs + body.matches('\t').count() + value.matches('\t').count(), "{out}");
                        } else {
                            // The piped body adds one continuation line and keeps the body on it.
                            assert_eq!(lines, benign_lines + 1, "{lang:?}:\n{out}");
                            assert_eq!(tabs, value.matches('\t').count(), "{out}");
                        }
                    }
                    _ => {
                        // Everything is escaped: the shape of the program does not change, except for
                        // the comment and helper lines that non-ASCII header values add.
                        let extra = match lang {
                            Lang::Fetch if !value.is_ascii() => 3,
                            Lang::PythonRequests if !value.is_ascii() => 1,
                            _ => 0,
                        };
                        assert_eq!((lines, tabs), (benign_lines + extra, benign_tabs), "{lang:?}:\n{out}");
                    }
                }
                assert_literals_round_trip(lang, value, body);
            }
        }
    }

    /// Decodes each literal the way its language would and compares with the input.
    fn assert_literals_round_trip(lang: Lang, value: &str, body: &str) {
        for s in [value, body] {
            match lang {
                Lang::Fetch => assert_eq!(serde_json::from_str::<String>(&js_str(s)).unwrap(), s),
                Lang::PythonRequests => assert_eq!(unescape_c_like(&py_str(s)), s),
                Lang::GoNetHttp => assert_eq!(unescape_c_like(&go_str(s)), s),
                Lang::RustReqwest => assert_eq!(unescape_c_like(&rust_str(s)), s),
                Lang::Curl | Lang::Httpie => {
                    assert_eq!(unquote_single(&sh_single(s)), s);
                    assert_eq!(run_printf_format(&printf_format(s)), s);
                }
            }
        }
    }

    /// A decoder for the escapes the Python/Go/Rust escapers emit, checking that the literal is
    /// closed only by its last character.
    fn unescape_c_like(lit: &str) -> String {
        let q = lit.chars().next().unwrap();
        assert!(q == '"' || q == '\'');
        assert!(lit.ends_with(q));
        let inner: Vec<char> = lit[1..lit.len() - 1].chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let hex = |s: &[char]| u32::from_str_radix(&s.iter().collect::<String>(), 16).unwrap();
        while i < inner.len() {
            let c = inner[i];
            assert!(c != q, "unescaped delimiter in {lit:?}");
            assert!(!is_hidden(c), "raw hidden char in {lit:?}");
            if c != '\\' {
                out.push(c);
                i += 1;
                continue;
            }
            let e = inner[i + 1];
            i += 2;
            match e {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                '0' => out.push('\0'),
                '\\' | '"' | '\'' => out.push(e),
                'x' => {
                    out.push(char::from_u32(hex(&inner[i..i + 2])).unwrap());
                    i += 2;
                }
                'u' if inner[i] == '{' => {
                    let end = i + inner[i..].iter().position(|&c| c == '}').unwrap();
                    out.push(char::from_u32(hex(&inner[i + 1..end])).unwrap());
                    i = end + 1;
                }
                'u' => {
                    out.push(char::from_u32(hex(&inner[i..i + 4])).unwrap());
                    i += 4;
                }
                'U' => {
                    out.push(char::from_u32(hex(&inner[i..i + 8])).unwrap());
                    i += 8;
                }
                _ => panic!("unknown escape \\{e} in {lit:?}"),
            }
        }
        out
    }

    /// `sh` semantics of a word made of single-quoted parts and `\'`.
    fn unquote_single(word: &str) -> String {
        let mut out = String::new();
        let mut chars = word.chars();
        while let Some(c) = chars.next() {
            match c {
                '\'' => {
                    for d in chars.by_ref() {
                        if d == '\'' {
                            break;
                        }
                        out.push(d);
                    }
                }
                '\\' => out.push(chars.next().unwrap()),
                _ => panic!("unquoted {c:?} in {word:?}"),
            }
        }
        out
    }

    /// What `printf FORMAT` prints, for the escapes `printf_format` emits.
    fn run_printf_format(word: &str) -> String {
        let f = unquote_single(word);
        assert!(!f.starts_with('-'));
        let mut bytes = Vec::new();
        let mut chars = f.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next().unwrap() {
                    '\\' => bytes.push(b'\\'),
                    'n' => bytes.push(b'\n'),
                    't' => bytes.push(b'\t'),
                    d @ '0'..='7' => {
                        let mut s = d.to_string();
                        s.push(chars.next().unwrap());
                        s.push(chars.next().unwrap());
                        bytes.push(u8::from_str_radix(&s, 8).unwrap());
                    }
                    e => panic!("unknown printf escape \\{e}"),
                },
                '%' => {
                    assert_eq!(chars.next(), Some('%'));
                    bytes.push(b'%');
                }
                c => {
                    assert!(!is_hidden(c), "raw hidden char in printf format");
                    bytes.extend_from_slice(c.to_string().as_bytes());
                }
            }
        }
        String::from_utf8(bytes).unwrap()
    }
}
