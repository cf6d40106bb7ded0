use crate::declare_rule;
use crate::model::TrimExt;
use crate::registry::{Checker, Severity};
use crate::spec::StaticSpec;

use super::parse::{set_cookies, SetCookie};

declare_rule! {
    /// ## What it checks
    /// A response that sets the same cookie name on more than one `Set-Cookie` line. Names are
    /// compared exactly: cookie names are case-sensitive, so `SID` and `sid` are two different
    /// cookies. Lines a browser ignores entirely (RFC 6265bis §5.6) and nameless cookies
    /// (`nameless-cookie`'s) are left out.
    ///
    /// Two lines have the same scope when they have the same `Domain` (or both none), the same
    /// path and both or neither `Partitioned`. A missing `Path`, or one not starting with `/`,
    /// means the default path of the request URL (RFC 6265bis §5.6.4, §5.1.4); when the request
    /// is unknown, a defaulted path counts as different from any written one.
    ///
    /// - *warning*: lines with the same scope and different contents, including one line that
    ///   deletes the cookie (`Max-Age` of zero or less, or an `Expires` in the past — of the
    ///   time of the check, else of the response's `Date`) and another that sets it;
    /// - *info*: the same cookie repeated (same value and attributes, in any order: the outcome
    ///   is the same whichever line comes last), or lines that set the cookie with different
    ///   scopes;
    /// - silent: lines with different scopes where all but one only delete the cookie, and
    ///   several deletions of one scope. Clearing a cookie left at an old `Path` or `Domain`
    ///   while setting it at the new one is a deliberate, common pattern, and the order of the
    ///   lines does not change its outcome; repeated deletions end with the cookie deleted
    ///   whatever their order.
    ///
    /// One finding per name, on the second of the colliding lines.
    ///
    /// ## Why it matters
    /// RFC 6265bis §4.1.1 (as RFC 6265 §4.1.1 before it): "Servers SHOULD NOT include more
    /// than one Set-Cookie header field in the same response with the same cookie-name."
    /// Browsers apply the lines in order, and a cookie with the same name, domain, host-only
    /// flag and path as a stored one replaces it (§5.7; RFC 6265 §5.3 step 11): of several
    /// lines with one scope only the last survives. Usually two layers (a framework and the
    /// application, or a proxy) each set the cookie, and the value kept is whichever wrote
    /// last — a session that silently resets, a preference that never sticks.
    ///
    /// A deletion and a new value for the same scope are reported too, although the outcome
    /// is well defined: it hangs on the order of the lines (deletion first leaves the new
    /// cookie, deletion last leaves none), which moves whenever a middleware is added or
    /// reordered — and the deletion is never needed, since the new value replaces the old
    /// cookie by itself.
    ///
    /// With different scopes the browser keeps separate cookies and sends every one that
    /// matches a request in the same `Cookie` header, longer paths first (§5.8.3; the order
    /// between domains is unspecified). The server then receives the name twice, and server
    /// frameworks read only one of the values — some the first, others the last.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Set-Cookie: sid=8f14e45f; Path=/; Secure; HttpOnly; SameSite=Lax
    /// Set-Cookie: sid=c9f0f895; Path=/; Secure; HttpOnly; SameSite=Lax
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Set each cookie once per response, from one place. To replace a cookie, send only the
    /// new value with the same `Domain` and `Path`: it overwrites the old one, no deletion
    /// needed. To move a cookie to another scope, delete it at the old one (`Max-Age=0` with
    /// the old `Domain` and `Path`) and set it at the new one.
    pub static DUPLICATE_COOKIE_NAME = {
        code: "COO020",
        name: "duplicate-cookie-name",
        category: Cookies,
        severity: Warning,
        summary: "One response should set each cookie name once: only the last line of a scope survives",
        specs: [
            StaticSpec::Other("RFC 6265bis §4.1.1 (Set-Cookie Syntax)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-4.1.1"),
            StaticSpec::Other("RFC 6265bis §5.7 (Storage Model)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.7"),
            StaticSpec::Other("RFC 6265bis §5.8.3 (Retrieval Algorithm)", "https://datatracker.ietf.org/doc/html/draft-ietf-httpbis-rfc6265bis#section-5.8.3"),
        ],
        requires: &["Set-Cookie"],
        check: check,
    }
}

/// How the lines that share a cookie name collide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One scope set by different lines: the last replaces the others.
    Replaced,
    /// One scope both deleted and set: the order decides whether the cookie survives.
    DeletedAndSet,
    /// One scope set by lines with the same value and attributes.
    Identical,
    /// Different scopes, each set: separate cookies under one name.
    Scopes,
}

/// One repeated name: how its lines collide, and which lines (positions in the parsed list,
/// in order; the finding points at the second).
#[derive(Debug)]
struct Duplicate {
    kind: Kind,
    lines: Vec<usize>,
}

/// What identifies a cookie in the store besides its name (RFC 6265bis §5.7: domain,
/// host-only flag and path; CHIPS adds the partition).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Scope<'s> {
    /// `None`: a host-only cookie.
    domain: Option<String>,
    /// `None`: the default path of a request we do not know.
    path: Option<&'s str>,
    partitioned: bool,
}

/// The path the cookie gets: its last `Path` when it starts with `/`, else the default path
/// (RFC 6265bis §5.6.4).
fn written_path<'s>(ck: &SetCookie<'s>) -> Option<&'s str> {
    ck.last("Path").map(|a| a.value).filter(|v| v.starts_with('/'))
}

fn scope<'s>(ck: &SetCookie<'s>, default_path: Option<&'s str>) -> Scope<'s> {
    Scope { domain: ck.domain(), path: written_path(ck).or(default_path), partitioned: ck.has("Partitioned") }
}

/// The default-path of a cookie set in answer to `url` (RFC 6265bis §5.1.4): the URL's path up
/// to, not including, its last `/`, or `/`.
fn default_path(url: &str) -> String {
    // The path of an absolute URL starts after its authority; a target as written (`/a/b`) is
    // the path itself.
    let rest = match crate::rules::redirects::url::find_scheme_separator(url) {
        Some(sep) if !url.starts_with('/') => {
            let after = &url[sep + 3..];
            match after.find(['/', '?', '#']) {
                Some(i) => &after[i..],
                None => "",
            }
        }
        _ => url,
    };
    let path = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    if !path.starts_with('/') {
        return "/".to_string();
    }
    match path.rfind('/') {
        Some(i) if i > 0 => path[..i].to_string(),
        _ => "/".to_string(),
    }
}

/// Every cookie name set on more than one line, in the order of their first lines, with how
/// its lines collide; names whose lines do not (see the docs) are left out.
fn duplicates<'s>(cookies: &[SetCookie<'s>], now: Option<u64>, default_path: Option<&'s str>) -> Vec<Duplicate> {
    // The named lines grouped by name (a sort, so that thousands of lines stay cheap), each
    // group in line order; the groups in the order of their first lines.
    let mut named: Vec<(&str, usize)> =
        (0..cookies.len()).filter(|&i| !cookies[i].ignored_entirely() && !cookies[i].name.is_empty()).map(|i| (cookies[i].name, i)).collect();
    named.sort_unstable();
    let mut groups: Vec<&[(&str, usize)]> = named.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1).collect();
    groups.sort_unstable_by_key(|g| g[0].1);
    groups
        .into_iter()
        .filter_map(|g| {
            let same: Vec<usize> = g.iter().map(|&(_, i)| i).collect();
            collision(cookies, &same, now, default_path)
        })
        .collect()
}

/// How the lines `same` (positions in `cookies`, all with one name) collide, if they do.
fn collision<'s>(cookies: &[SetCookie<'s>], same: &[usize], now: Option<u64>, default_path: Option<&'s str>) -> Option<Duplicate> {
    let scopes: Vec<Scope<'s>> = same.iter().map(|&i| scope(&cookies[i], default_path)).collect();
    let deletion: Vec<bool> = same.iter().map(|&i| cookies[i].is_deletion(now)).collect();
    // The lines grouped by scope (a sort again), the groups in the order of their first lines.
    let mut by_scope: Vec<usize> = (0..scopes.len()).collect();
    by_scope.sort_by(|&a, &b| scopes[a].cmp(&scopes[b]).then(a.cmp(&b)));
    let mut scope_groups: Vec<&[usize]> = by_scope.chunk_by(|&a, &b| scopes[a] == scopes[b]).collect();
    scope_groups.sort_unstable_by_key(|g| g[0]);
    // Lines with one scope: each replaces the one before in the cookie store.
    for group in scope_groups {
        // Deletions only: the cookie ends deleted whatever the order.
        if group.len() < 2 || group.iter().all(|&b| deletion[b]) {
            continue;
        }
        let lines: Vec<usize> = group.iter().map(|&b| same[b]).collect();
        let first = attributes(&cookies[lines[0]]);
        let kind = if group.iter().any(|&b| deletion[b]) {
            Kind::DeletedAndSet
        } else if lines.iter().all(|&i| cookies[i].value == cookies[lines[0]].value && attributes(&cookies[i]) == first) {
            Kind::Identical
        } else {
            Kind::Replaced
        };
        return Some(Duplicate { kind, lines });
    }
    // Different scopes, each set at most once: separate cookies, unless all but one line only
    // delete (clearing a cookie left at an old scope).
    let sets: Vec<usize> = (0..same.len()).filter(|&b| !deletion[b]).map(|b| same[b]).collect();
    (sets.len() > 1).then_some(Duplicate { kind: Kind::Scopes, lines: sets })
}

/// A line's attributes in a comparable form: names lowercased, in name order (two lines that
/// differ only there store the same cookie). The sort is stable: repeats of one attribute keep
/// their order, since the last one wins.
fn attributes(ck: &SetCookie<'_>) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = ck.attrs.iter().map(|a| (a.name.to_ascii_lowercase(), a.value.to_string())).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// A line's name-value pair for messages, in backticks, cut at 40 characters.
fn pair(ck: &SetCookie<'_>) -> String {
    let s = ck.pair.trim_fast();
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    format!("`{out}`")
}

/// The lines for a message: all of them when there are few, else the first two and the last
/// (the one that decides) with how many are left out.
fn listing(lines: &[&SetCookie<'_>], show: impl Fn(&SetCookie<'_>) -> String) -> String {
    match lines {
        [a, b, .., z] if lines.len() > 4 => format!("{}, {}, … {} more …, {}", show(a), show(b), lines.len() - 3, show(z)),
        _ => lines.iter().map(|l| show(l)).collect::<Vec<_>>().join(", "),
    }
}

/// The scope of a line for messages: `Domain=example.com; Path=/app`, `default path /`.
fn scope_label(ck: &SetCookie<'_>, default_path: Option<&str>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(d) = ck.domain() {
        parts.push(format!("Domain={d}"));
    }
    parts.push(match (written_path(ck), default_path) {
        (Some(p), _) => format!("Path={p}"),
        (None, Some(p)) => format!("default path {p}"),
        (None, None) => "default path".to_string(),
    });
    if ck.has("Partitioned") {
        parts.push("Partitioned".to_string());
    }
    parts.join("; ")
}

fn check(c: &mut Checker<'_>) {
    // Most responses set no cookie, or a few with distinct names: tell that before anything.
    let Some(cookies) = set_cookies(c).filter(|v| v.len() > 1) else { return };
    // (A few lines: compared pairwise; many: left to the grouping below.)
    if cookies.len() <= 16 && !cookies.iter().enumerate().any(|(i, a)| !a.name.is_empty() && cookies[..i].iter().any(|b| b.name == a.name)) {
        return;
    }
    // An `Expires` is read when the response arrives: against its `Date`, else the time of the
    // check.
    let now = crate::rules::caching::response_date(c).and_then(|d| u64::try_from(d).ok()).or(c.context.now);
    let default_path = c.request().map(|r| default_path(&r.url));
    let default_path = default_path.as_deref();
    for d in duplicates(cookies, now, default_path) {
        let lines: Vec<&SetCookie<'_>> = d.lines.iter().map(|&i| &cookies[i]).collect();
        let (Some(first), Some(second), Some(last)) = (lines.first(), lines.get(1), lines.last()) else { continue };
        let name = first.label();
        let n = lines.len();
        let target = super::target(second.index);
        match d.kind {
            Kind::Replaced if lines.iter().all(|l| l.value == first.value) => {
                let list = listing(&lines, |l| format!("`{}`", l.raw.trim_fast()));
                c.report(
                    target,
                    format!("Cookie `{name}` is set {n} times with the same `Domain` and `Path` and the same value, but different attributes ({list}): each line replaces the one before, so only the last line's attributes apply."),
                    format!("Set `{name}` once per response, from one place, with the attributes it needs."),
                );
            }
            Kind::Replaced => {
                let list = listing(&lines, pair);
                c.report(
                    target,
                    format!("Cookie `{name}` is set {n} times with the same `Domain` and `Path` ({list}): each line replaces the one before, so browsers keep only {} and the other values are lost.", pair(last)),
                    format!("Set `{name}` once per response, from one place."),
                );
            }
            Kind::DeletedAndSet => {
                let list = listing(&lines, |l| if l.is_deletion(now) { format!("{} (deletion)", pair(l)) } else { pair(l) });
                let end = if last.is_deletion(now) { "deleted".to_string() } else { format!("as {}", pair(last)) };
                c.report(
                    target,
                    format!("Cookie `{name}` is both deleted and set with the same `Domain` and `Path` ({list}): each line replaces the one before, so the outcome depends on their order (here the cookie ends up {end})."),
                    format!("Send only the new value of `{name}`: with the same `Domain` and `Path` it replaces the old cookie without a deletion."),
                );
            }
            Kind::Identical => {
                c.report_with(
                    Severity::Info,
                    target,
                    format!("Cookie `{name}` is set {n} times with the same value and attributes ({}): harmless to browsers, but two layers probably each set it, and the next change to one of them will make them disagree.", pair(first)),
                    format!("Send the `Set-Cookie` for `{name}` once."),
                );
            }
            Kind::Scopes => {
                let list = listing(&lines, |l| format!("{} ({})", pair(l), scope_label(l, default_path)));
                c.report_with(
                    Severity::Info,
                    target,
                    format!("Cookie `{name}` is set {n} times with different scopes ({list}): browsers keep separate cookies and send every one that matches a request, so the server can receive `{name}` twice, and frameworks read only one of them — some the first, others the last."),
                    format!("Set `{name}` at one scope only (delete it at any other with `Max-Age=0`), or give the cookies different names."),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse::parse;
    use super::*;

    const NOW: Option<u64> = Some(1_795_000_000);

    fn collisions(lines: &[&str], default_path: Option<&str>) -> Vec<(Kind, Vec<usize>)> {
        let cookies: Vec<SetCookie<'_>> = lines.iter().enumerate().map(|(i, l)| parse(i, l)).collect();
        duplicates(&cookies, NOW, default_path).into_iter().map(|d| (d.kind, d.lines)).collect()
    }

    #[test]
    fn default_paths() {
        assert_eq!(default_path("https://example.com/account/settings?x=1"), "/account");
        assert_eq!(default_path("https://example.com/login"), "/");
        assert_eq!(default_path("https://example.com/a/"), "/a");
        assert_eq!(default_path("https://example.com"), "/");
        assert_eq!(default_path("https://example.com?next=/a/b"), "/");
        assert_eq!(default_path("https://example.com:8443/a/b#c/d"), "/a");
        assert_eq!(default_path("/a/b/c?u=https://x.test/y/z"), "/a/b");
        assert_eq!(default_path("*"), "/");
        assert_eq!(default_path(""), "/");
    }

    #[test]
    fn one_scope_keeps_the_last_line() {
        assert_eq!(collisions(&["sid=a; Path=/", "sid=b; Path=/"], None), vec![(Kind::Replaced, vec![0, 1])]);
        assert_eq!(collisions(&["sid=a; Path=/", "lang=en", "sid=a; Path=/"], None), vec![(Kind::Identical, vec![0, 2])]);
        assert_eq!(collisions(&["sid=a; Path=/; HttpOnly", "sid=a; httponly; path=/"], None), vec![(Kind::Identical, vec![0, 1])]);
        assert_eq!(collisions(&["sid=a; Path=/; HttpOnly", "sid=a; Path=/"], None), vec![(Kind::Replaced, vec![0, 1])]);
        assert_eq!(collisions(&["sid=a; SameSite=Lax; SameSite=Strict", "sid=a; SameSite=Strict; SameSite=Lax"], None), vec![(Kind::Replaced, vec![0, 1])]);
        assert_eq!(collisions(&["sid=a; Domain=.Example.com", "sid=b; Domain=example.com"], None), vec![(Kind::Replaced, vec![0, 1])]);
        // A path not starting with `/` is the default path, whatever the request.
        assert_eq!(collisions(&["sid=a; Path=x", "sid=b"], None), vec![(Kind::Replaced, vec![0, 1])]);
        // The default path, when the request tells it.
        assert_eq!(collisions(&["sid=a", "sid=b; Path=/"], Some("/")), vec![(Kind::Replaced, vec![0, 1])]);
        assert_eq!(collisions(&["sid=a", "sid=b; Path=/"], Some("/account")), vec![(Kind::Scopes, vec![0, 1])]);
        assert_eq!(collisions(&["sid=a", "sid=b; Path=/"], None), vec![(Kind::Scopes, vec![0, 1])]);
        // An old scope cleared, then one set twice.
        assert_eq!(collisions(&["sid=; Path=/old; Max-Age=0", "sid=a; Path=/", "sid=b; Path=/"], None), vec![(Kind::Replaced, vec![1, 2])]);
    }

    #[test]
    fn deletions() {
        assert_eq!(collisions(&["sid=; Path=/; Max-Age=0", "sid=b; Path=/"], None), vec![(Kind::DeletedAndSet, vec![0, 1])]);
        assert_eq!(
            collisions(&["sid=b; Path=/", "sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"], None),
            vec![(Kind::DeletedAndSet, vec![0, 1])]
        );
        // Clearing another scope, or several: silent.
        assert!(collisions(&["sid=; Path=/app; Max-Age=0", "sid=b; Path=/"], None).is_empty());
        assert!(collisions(&["sid=; Max-Age=0", "sid=; Max-Age=-1; Domain=example.com"], None).is_empty());
        assert!(collisions(&["sid=; Path=/; Max-Age=0", "sid=; Path=/; Max-Age=0"], None).is_empty());
        // An expiry in the future is no deletion.
        assert_eq!(
            collisions(&["sid=a; Path=/app; Expires=Fri, 01 Jan 2027 00:00:00 GMT", "sid=b; Path=/"], None),
            vec![(Kind::Scopes, vec![0, 1])]
        );
    }

    #[test]
    fn different_cookies() {
        assert!(collisions(&["SID=a; Path=/", "sid=b; Path=/"], None).is_empty());
        assert!(collisions(&["sid=a", "lang=en"], None).is_empty());
        assert!(collisions(&["sid=a"], None).is_empty());
        // Nameless cookies are `nameless-cookie`'s.
        assert!(collisions(&["a", "b"], None).is_empty());
        assert_eq!(collisions(&["sid=a", "sid=b; Domain=example.com"], None), vec![(Kind::Scopes, vec![0, 1])]);
        assert_eq!(collisions(&["sid=a; Secure; Partitioned", "sid=b; Secure"], None), vec![(Kind::Scopes, vec![0, 1])]);
        assert_eq!(
            collisions(&["a=1; Path=/", "b=1", "a=2; Path=/x", "b=2"], None),
            vec![(Kind::Scopes, vec![0, 2]), (Kind::Replaced, vec![1, 3])]
        );
    }
}
