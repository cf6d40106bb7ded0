use crate::model::TrimExt;
use crate::declare_rule;
use crate::model::split_list;
use crate::registry::Checker;
use crate::spec::rfc;

use super::syntax::{at, is_digits, is_token, lines, quoted, split_outside_quotes};

declare_rule! {
    /// ## What it checks
    /// An `Alt-Svc` value that is neither `clear` nor a list of alternatives
    /// `protocol-id="[host]:port"` with optional `; name=value` parameters (`ma`, `persist`).
    /// Typical mistakes: an unquoted authority (`h3=:443`), a missing port, `clear` combined
    /// with alternatives or written in upper case.
    ///
    /// ## Why it matters
    /// `Alt-Svc` (RFC 7838 §3) tells browsers that the origin is also reachable another way —
    /// most often over HTTP/3 (`h3=":443"`). Clients ignore a value they cannot parse, so the
    /// advertised protocol is never used: an HTTP/3 deployment that no browser connects to.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Alt-Svc: h3=:443; ma=86400
    /// Content-Type: text/html
    ///
    /// <p>Hello</p>
    /// ```
    ///
    /// ## Fix
    /// Quote the authority and include the port: `Alt-Svc: h3=":443"; ma=86400`.
    pub static INVALID_ALT_SVC = {
        code: "HDR042",
        name: "invalid-alt-svc",
        category: Headers,
        severity: Warning,
        summary: "Alt-Svc must be clear or a list of protocol=\"host:port\" alternatives",
        specs: [rfc(7838, "3")],
        requires: &["Alt-Svc"],
        check: check,
    }
}

fn port_ok(authority: &str) -> bool {
    match authority.rsplit_once(':') {
        Some((_, port)) => is_digits(port) && port.len() <= 5 && port.parse::<u32>().is_ok_and(|p| (1..=65535).contains(&p)),
        None => false,
    }
}

fn problem(v: &str) -> Option<String> {
    let v = v.trim_fast();
    if v == "clear" || v.is_empty() {
        // Empty values are `empty-field-value`'s business.
        return None;
    }
    if v.eq_ignore_ascii_case("clear") {
        return Some(format!("`clear` is case-sensitive, `{v}` is not recognised"));
    }
    for alt in split_list(v) {
        if alt == "clear" {
            return Some("`clear` must be the only value".to_string());
        }
        let parts = split_outside_quotes(&alt, b';');
        let first = parts.first().map(|s| s.trim_fast()).unwrap_or("");
        let Some((proto, authority)) = first.split_once('=') else {
            return Some(format!("`{first}` is not `protocol=\"host:port\"`"));
        };
        if !is_token(proto.trim_end()) {
            return Some(format!("`{proto}` is not a protocol identifier"));
        }
        match quoted(authority.trim_fast()) {
            Some((a, rest)) if rest.trim_fast().is_empty() => {
                if !port_ok(&a) {
                    return Some(format!("the authority `\"{a}\"` has no valid port"));
                }
            }
            _ => return Some(format!("the authority `{}` is not a quoted string", authority.trim_fast())),
        }
        for p in parts.iter().skip(1) {
            let p = p.trim_fast();
            if p.is_empty() {
                continue;
            }
            let Some((name, value)) = p.split_once('=') else {
                return Some(format!("the parameter `{p}` has no value"));
            };
            let value = value.trim_fast();
            let value_ok = is_token(value) || quoted(value).is_some_and(|(_, rest)| rest.trim_fast().is_empty());
            if !is_token(name.trim_fast()) || !value_ok {
                return Some(format!("the parameter `{p}` is malformed"));
            }
        }
    }
    None
}

fn check(c: &mut Checker<'_>) {
    for (i, v) in lines(c, "Alt-Svc") {
        if let Some(p) = problem(v) {
            c.report(
                at("Alt-Svc", i),
                format!("`Alt-Svc: {v}` does not parse ({p}); clients ignore it and never use the alternative service."),
                "Write alternatives as `h3=\":443\"; ma=86400`, or send `Alt-Svc: clear`.",
            );
        }
    }
}
