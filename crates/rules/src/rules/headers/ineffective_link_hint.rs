use std::borrow::Cow;

use crate::declare_rule;
use crate::model::TrimExt;
use crate::registry::Checker;
use crate::spec::{fetch, rfc, StaticSpec};

use super::invalid_link::{response_links, Link};
use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// Resource hints in `Link` that browsers drop or that defeat themselves:
    /// - a `rel=preload` without an `as` parameter (or with an empty one);
    /// - a `rel=preload` whose `as` is not one of the destinations browsers preload: `fetch`,
    ///   `font`, `image`, `script`, `style`, `track` — a typo such as `as=stylesheet`, or a
    ///   destination such as `as=document` or `as=video` that HTML does not preload;
    /// - a `rel=preload; as=font` or `as=fetch` without `crossorigin`, and a font preload with
    ///   `crossorigin=use-credentials`;
    /// - a `preload`, `modulepreload`, `prefetch`, `preconnect` or `dns-prefetch` hint whose
    ///   target is an absolute URL with a scheme other than `http` or `https` (`data:`,
    ///   `javascript:` …). Relative references are fine.
    ///
    /// Relation types are read from the first `rel` parameter (RFC 8288 §3.3), split on spaces
    /// and compared case-insensitively; `as` is compared case-insensitively too. A `Link` line
    /// that does not parse is left to `invalid-link` (HDR031). At most one finding per link.
    ///
    /// ## Why it matters
    /// HTML gives `preload` in a `Link` header its meaning ("apply link options from parsed
    /// header attributes"): "If attribs["as"] does not exist, then return false", and a value
    /// that is not one of the six preload destinations translates to null ("translate a preload
    /// destination"), which stops processing too. The hint is dropped and the resource is
    /// fetched late, as if the header were not there (checked in Chromium: neither
    /// `rel=preload` alone nor `as=stylesheet` fetches anything; `as=style` does).
    ///
    /// Fonts are always fetched in CORS mode (CSS Fonts 4, "font fetching requirements"), while a
    /// preload without `crossorigin` is a no-CORS request. A preloaded response is only reused
    /// by a request with the same URL, destination, mode and credentials mode (HTML, "create a
    /// preload key"), so the font is downloaded twice (checked in Chromium: two requests, one
    /// with `crossorigin`): the preload costs bandwidth early in the page load and gains nothing.
    /// The same holds for `as=fetch`: `fetch()` makes CORS requests, so data preloaded without
    /// `crossorigin` is fetched again when the script asks for it (checked in Chromium: two
    /// requests for `/data.json`, one with `crossorigin`). A font preload with
    /// `crossorigin=use-credentials` misses too (fonts use the credentials mode `same-origin`;
    /// checked: two requests); `fetch()` may ask for credentials, so that value is left alone
    /// for `as=fetch`.
    ///
    /// A hint to something other than an http(s) URL has no server behind it to connect to or to
    /// download from ahead of time: HTML's preconnect steps return when "url's scheme is not an
    /// HTTP(S) scheme", and a `data:` preload only repeats bytes the header already carries.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Link: </app.css>; rel=preload, </fonts/inter.woff2>; rel=preload; as=font
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Give each preload the destination it is used for, and `crossorigin` for fonts:
    /// `Link: </app.css>; rel=preload; as=style, </fonts/inter.woff2>; rel=preload; as=font; crossorigin`.
    /// Point hints at http(s) URLs or relative references.
    pub static INEFFECTIVE_LINK_HINT = {
        code: "HDR062",
        name: "ineffective-link-hint",
        category: Headers,
        severity: Warning,
        summary: "A Link resource hint that browsers ignore or that fetches its resource twice",
        specs: [
            rfc(8288, "3"),
            rfc(8288, "3.3"),
            StaticSpec::Other(
                "HTML: Apply link options from parsed header attributes",
                "https://html.spec.whatwg.org/multipage/semantics.html#apply-link-options-from-parsed-header-attributes"
            ),
            StaticSpec::Other("HTML: Link type preload", "https://html.spec.whatwg.org/multipage/links.html#link-type-preload"),
            StaticSpec::Other(
                "HTML: Translate a preload destination",
                "https://html.spec.whatwg.org/multipage/links.html#translate-a-preload-destination"
            ),
            StaticSpec::Other("HTML: Create a preload key", "https://html.spec.whatwg.org/multipage/links.html#create-a-preload-key"),
            StaticSpec::Other("HTML: Link type preconnect", "https://html.spec.whatwg.org/multipage/links.html#link-type-preconnect"),
            fetch("concept-potential-destination"),
            StaticSpec::Other("CSS Fonts 4: Font fetching requirements", "https://www.w3.org/TR/css-fonts-4/#font-fetching-requirements"),
        ],
        requires: &["Link"],
        check: check,
    }
}

/// The resource-hint relation types, lowercase.
const HINTS: [&str; 5] = ["preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch"];

/// The `as` values HTML preloads ("translate a preload destination", step 1).
const PRELOAD_DESTINATIONS: [&str; 6] = ["fetch", "font", "image", "script", "style", "track"];

/// The scheme of `target` when it is an absolute URL (RFC 3986 §3.1); `None` for a relative
/// reference.
fn scheme(target: &str) -> Option<&str> {
    crate::rules::redirects::url::scheme_str(target.trim_fast())
}

/// The target as shown in a message: long ones (`data:` URLs) cut.
fn shown(target: &str) -> Cow<'_, str> {
    const MAX: usize = 60;
    if target.len() <= MAX {
        return Cow::Borrowed(target);
    }
    let mut end = MAX;
    while !target.is_char_boundary(end) {
        end -= 1;
    }
    Cow::Owned(format!("{}…", &target[..end]))
}

/// The destination probably meant by a common wrong `as` value.
fn meant(as_value: &str) -> Option<&'static str> {
    const MEANT: [(&str, &str); 9] = [
        ("stylesheet", "style"),
        ("css", "style"),
        ("js", "script"),
        ("javascript", "script"),
        ("img", "image"),
        ("woff", "font"),
        ("woff2", "font"),
        ("json", "fetch"),
        ("xhr", "fetch"),
    ];
    MEANT.iter().find(|(wrong, _)| wrong.eq_ignore_ascii_case(as_value)).map(|&(_, right)| right)
}

/// What is wrong with one link, as (message, fix); `None` when nothing is.
fn problem(link: &Link<'_>) -> Option<(String, String)> {
    let hint = link.relation_types().find_map(|t| HINTS.iter().copied().find(|h| h.eq_ignore_ascii_case(t)))?;
    let t = shown(link.target);
    if let Some(s) = scheme(link.target) {
        if !s.eq_ignore_ascii_case("http") && !s.eq_ignore_ascii_case("https") {
            return Some((
                format!("The `{hint}` hint points at `<{t}>`, which is not an http(s) URL: there is no server to connect to or download from ahead of time, so the hint does nothing useful."),
                "Point resource hints at http(s) URLs or relative references, or drop the hint.".to_string(),
            ));
        }
    }
    if !link.relation_types().any(|r| r.eq_ignore_ascii_case("preload")) {
        return None;
    }
    let as_value = link.param("as").flatten().map(|a| a.trim_fast()).unwrap_or("");
    if as_value.is_empty() {
        return Some((
            format!("The preload of `<{t}>` has no `as` destination: browsers ignore a preload without one, so nothing is fetched ahead of time."),
            "Add the destination the resource is used for: `as=style`, `as=script`, `as=image`, `as=font` (with `crossorigin`), or `as=fetch` for data read by script.".to_string(),
        ));
    }
    if !PRELOAD_DESTINATIONS.iter().any(|d| d.eq_ignore_ascii_case(as_value)) {
        let fix = match meant(as_value) {
            Some(d) => format!("Use `as={d}`."),
            None => "Use one of `as=fetch`, `font`, `image`, `script`, `style` or `track`, or drop the hint.".to_string(),
        };
        return Some((
            format!("The preload of `<{t}>` has `as={as_value}`, which is not a destination browsers preload (`fetch`, `font`, `image`, `script`, `style`, `track`): the hint is ignored, so nothing is fetched ahead of time."),
            fix,
        ));
    }
    if as_value.eq_ignore_ascii_case("font") && link.param("crossorigin").is_none() {
        return Some((
            format!("The font preload of `<{t}>` has no `crossorigin`: fonts are always fetched in CORS mode, so browsers do not reuse this no-CORS preload and download the font a second time."),
            format!("Add `crossorigin`, even for a same-origin font: `<{t}>; rel=preload; as=font; crossorigin`."),
        ));
    }
    if as_value.eq_ignore_ascii_case("font") && link.param("crossorigin").flatten().is_some_and(|v| v.eq_ignore_ascii_case("use-credentials")) {
        return Some((
            format!("The font preload of `<{t}>` has `crossorigin=use-credentials`: fonts are fetched without credentials across origins, so browsers do not reuse this credentialed preload and download the font a second time."),
            format!("Use a plain `crossorigin`: `<{t}>; rel=preload; as=font; crossorigin`."),
        ));
    }
    if as_value.eq_ignore_ascii_case("fetch") && link.param("crossorigin").is_none() {
        return Some((
            format!("The `fetch` preload of `<{t}>` has no `crossorigin`: `fetch()` makes CORS requests, so browsers do not reuse this no-CORS preload and fetch `<{t}>` a second time when the script asks for it."),
            format!("Add `crossorigin`, even for same-origin data: `<{t}>; rel=preload; as=fetch; crossorigin`."),
        ));
    }
    None
}

fn check(c: &mut Checker<'_>) {
    for (i, _, parsed) in response_links(c) {
        // A line that does not parse is `invalid-link`'s.
        let Ok(links) = parsed else { continue };
        for link in links {
            if let Some((message, fix)) = problem(link) {
                c.report(at("Link", *i), message, fix);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::invalid_link::parse_links;
    use super::*;

    fn problems(v: &str) -> Vec<String> {
        parse_links(v).unwrap().iter().filter_map(problem).map(|(m, _)| m).collect()
    }

    #[test]
    fn shared_link_parser() {
        for ok in [
            "</app.css>; rel=preload; as=style, <https://cdn.example>; rel=preconnect; crossorigin",
            "<https://api.example.com/items?page=9,x>; rel=\"last\"; title*=UTF-8'en'last%20page",
            "</a>; rel=next;",
            ", </a>; rel=next ,, </b>;rel=prev",
            "",
            "</a> ; rel = \"pre load\" ; as = font",
        ] {
            assert!(parse_links(ok).is_ok(), "{ok:?}");
        }
        for bad in [
            "/app.css; rel=preload; as=style",
            "</app.css>; as=style",
            "</page/2>; rel=\"next",
            "</a; rel=next",
            "</a>; rel=",
            "</a> rel=next",
            "</a>; =x; rel=next",
            "</a>; rel=next, </b>",
        ] {
            assert!(parse_links(bad).is_err(), "{bad:?}");
        }
        let links = parse_links("</a>; REL=\"preload  modulepreload\"; as=Font; crossorigin").unwrap();
        assert_eq!(links[0].target, "/a");
        assert_eq!(links[0].relation_types().collect::<Vec<_>>(), ["preload", "modulepreload"]);
        assert_eq!(links[0].param("as"), Some(Some("Font")));
        assert_eq!(links[0].param("crossorigin"), Some(None));
        assert_eq!(links[0].param("type"), None);
    }

    #[test]
    fn schemes() {
        assert_eq!(scheme("data:font/woff2;base64,AA"), Some("data"));
        assert_eq!(scheme("HTTPS://cdn.example"), Some("HTTPS"));
        assert_eq!(scheme("javascript:alert(1)"), Some("javascript"));
        assert_eq!(scheme("/a:b"), None);
        assert_eq!(scheme("//cdn.example:8443/x"), None);
        assert_eq!(scheme("a/b:c"), None);
        assert_eq!(scheme("app.css"), None);
        assert_eq!(scheme(""), None);
        assert_eq!(scheme("1a:b"), None);
    }

    #[test]
    fn findings() {
        assert!(problems("</app.css>; rel=preload; as=style, </f.woff2>; rel=preload; as=font; crossorigin, <https://cdn.example>; rel=preconnect").is_empty());
        assert!(problems("</app.css>; rel=PRELOAD; as=Style").is_empty());
        assert!(problems("</f.woff2>; rel=preload; as=font; crossorigin=anonymous").is_empty());
        assert!(problems("</app.js>; rel=modulepreload, </next>; rel=prefetch, <//cdn.example>; rel=dns-prefetch").is_empty());
        assert!(problems("</page/2>; rel=next, <https://example.com/legal>; rel=\"blocked-by\"").is_empty());
        assert!(problems("</x>; rel=stylesheet; as=bogus").is_empty(), "`as` only matters to preload");

        let p = problems("</app.css>; rel=preload");
        assert!(p.len() == 1 && p[0].contains("no `as`"), "{p:?}");
        let p = problems("</app.css>; rel=preload; as=\"\"");
        assert!(p.len() == 1 && p[0].contains("no `as`"), "{p:?}");
        let p = problems("</app.css>; rel=preload; as=stylesheet");
        assert!(p.len() == 1 && p[0].contains("`as=stylesheet`"), "{p:?}");
        let p = problems("</intro.mp4>; rel=preload; as=video");
        assert!(p.len() == 1 && p[0].contains("`as=video`"), "{p:?}");
        let p = problems("</f.woff2>; rel=preload; as=font");
        assert!(p.len() == 1 && p[0].contains("`crossorigin`"), "{p:?}");
        let p = problems("</api/data.json>; rel=preload; as=fetch");
        assert!(p.len() == 1 && p[0].contains("`fetch()` makes CORS requests"), "{p:?}");
        assert!(problems("</api/data.json>; rel=preload; as=fetch; crossorigin").is_empty());
        let p = problems("</f.woff2>; rel=preload; as=font; crossorigin=use-credentials");
        assert!(p.len() == 1 && p[0].contains("`crossorigin=use-credentials`"), "{p:?}");
        assert!(problems("</api/me.json>; rel=preload; as=fetch; crossorigin=use-credentials").is_empty(), "fetch(…, {{credentials: 'include'}}) matches it");
        let p = problems("<data:font/woff2;base64,AAAA>; rel=preload; as=font; crossorigin, <javascript:void(0)>; rel=preconnect");
        assert!(p.len() == 2 && p.iter().all(|m| m.contains("not an http(s) URL")), "{p:?}");
        assert_eq!(meant("CSS"), Some("style"));
        assert!(shown(&"x".repeat(100)).ends_with('…'));
        assert!(shown(&"é".repeat(100)).ends_with('…'));
    }
}
