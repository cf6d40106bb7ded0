use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

use super::media;

declare_rule! {
    /// ## What it checks
    /// Content that begins like an HTML document (`<!doctype html` or `<html`, after optional
    /// whitespace or a byte order mark) but is labelled `text/plain` or a JSON type.
    ///
    /// ## Why it matters
    /// The label is what the recipient acts on (RFC 9110 §8.3). An HTML error page from a
    /// proxy, load balancer or framework served as `application/json` makes API clients fail
    /// with a JSON parse error that hides the real problem (an expired login, a 502 page); as
    /// `text/plain`, browsers show the markup as source, or — without `nosniff` — may sniff and
    /// render it, which is how injected HTML becomes executable.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 502 Bad Gateway
    /// Content-Type: application/json
    ///
    /// <html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>
    /// ```
    ///
    /// ## Fix
    /// Label HTML as `text/html; charset=utf-8`, or make the error pages of APIs JSON
    /// (`application/problem+json`).
    pub static HTML_BODY_MISLABELLED = {
        code: "CNT009",
        name: "html-body-mislabelled",
        category: Content,
        severity: Warning,
        summary: "HTML content must not be labelled text/plain or JSON",
        specs: [
            rfc(9110, "8.3"),
            StaticSpec::Other("MIME Sniffing: Determining the computed MIME type of a resource", "https://mimesniff.spec.whatwg.org/#determining-the-computed-mime-type-of-a-resource"),
        ],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, m)) = media::response_mime(c) else { return };
    if !(m.essence == "text/plain" || m.is_json()) {
        return;
    }
    let Some(body) = media::plain_body(c) else { return };
    if !media::looks_like_html(body) {
        return;
    }
    c.report(
        Target::Header { name: "Content-Type".into(), index: Some(i) },
        format!("The content is an HTML document but is labelled `{}`.", m.essence),
        "Label HTML as `text/html; charset=utf-8` (and give API errors a JSON body such as `application/problem+json`).",
    );
}
