use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::{rfc, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// A `Refresh` header that names a URL (`Refresh: 0; url=/new`), i.e. a redirect made with
    /// `Refresh` instead of a `3xx` status and `Location`.
    ///
    /// ## Why it matters
    /// `Refresh` is not part of HTTP: the HTML standard defines it for documents browsers
    /// render (§the-refresh-header). Only browsers follow it, and only after loading the
    /// response as a page; `curl -L`, HTTP libraries, `fetch()` and many crawlers ignore it, and
    /// caches and search engines do not know the content has moved. A `3xx` redirect is
    /// understood by every client and tells whether the move is permanent.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Refresh: 0; url=https://www.example.com/new-home
    /// Content-Type: text/html
    ///
    /// <p>Moved to <a href="https://www.example.com/new-home">the new home</a>.</p>
    /// ```
    ///
    /// ## Fix
    /// Redirect with a status and `Location`: `301`/`308` for permanent moves, `302`/`303`/`307`
    /// for temporary ones. Keep `Refresh` only for a page that is meant to be shown for a
    /// while before moving on.
    pub static REFRESH_HEADER_REDIRECT = {
        code: "RED005",
        name: "refresh-header-redirect",
        category: Redirects,
        severity: Info,
        summary: "Redirecting with Refresh works only in browsers; use a 3xx and Location",
        specs: [
            StaticSpec::Other("HTML §the-refresh-header", "https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-refresh-header"),
            rfc(9110, "15.4"),
        ],
        requires: &["Refresh"],
        check: check,
    }
}

/// The URL part of a `Refresh` value (HTML §shared-declarative-refresh-steps), if any.
fn refresh_url(v: &str) -> Option<&str> {
    let rest = v.trim_start().trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let rest = rest.trim_start();
    let rest = rest.strip_prefix([';', ',']).unwrap_or(rest).trim_start();
    let rest = match rest.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("url") => {
            let after = rest[3..].trim_start();
            match after.strip_prefix('=') {
                Some(a) => a.trim_start(),
                None => rest,
            }
        }
        _ => rest,
    };
    let url = rest.trim_matches(|c: char| c == '\'' || c == '"' || c.is_whitespace());
    (!url.is_empty()).then_some(url)
}

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, v) = c.header("Refresh") else { return };
    let Some(url) = refresh_url(v) else { return };
    c.report(
        Target::Header { name: "Refresh".into(), index: Some(i) },
        format!("`Refresh` redirects to `{}`: only browsers follow it, after loading this response as a page.", super::short(url)),
        "Use a `3xx` status with `Location` (`301`/`308` permanent, `302`/`303`/`307` temporary).",
    );
}

#[cfg(test)]
mod tests {
    use super::refresh_url;

    #[test]
    fn reads_refresh_values() {
        assert_eq!(refresh_url("0; url=/x"), Some("/x"));
        assert_eq!(refresh_url("5;URL='https://a.example/'"), Some("https://a.example/"));
        assert_eq!(refresh_url("3, /next"), Some("/next"));
        assert_eq!(refresh_url("30"), None);
    }
}
