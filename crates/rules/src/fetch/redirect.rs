//! Fetch §4.4 "HTTP-redirect fetch" as pure functions: what the browser's next request looks
//! like after each redirect (method rewrite, body and headers dropped, origin tainting), and
//! what stops a chain (the 20-redirect limit, loops, bad `Location`s).
//! <https://fetch.spec.whatwg.org/#http-redirect-fetch>

use super::cors::origin_of;
use crate::rules::redirects::url::resolve;

/// A fetch follows at most 20 redirects; the 21st is a network error (Fetch §http-redirect-fetch
/// step 6).
pub const REDIRECT_LIMIT: usize = 20;

/// The request-body-header names dropped with the body when the method becomes GET
/// (Fetch §request-body-header-name).
pub const REQUEST_BODY_HEADERS: &[&str] = &["content-encoding", "content-language", "content-location", "content-type"];

/// Whether `status` is a redirect status fetch follows (Fetch §redirect-status).
pub fn is_redirect_status(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// The method of the next request (Fetch §http-redirect-fetch step 12): a 301 or 302 turns a
/// POST into a GET, a 303 turns everything but GET and HEAD into a GET; 307 and 308 keep it.
pub fn method_after_redirect(status: u16, method: &str) -> String {
    let m = method.to_ascii_uppercase();
    if ((status == 301 || status == 302) && m == "POST") || (status == 303 && m != "GET" && m != "HEAD") {
        "GET".into()
    } else {
        method.to_string()
    }
}

/// One followed redirect, explained.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RedirectStep {
    pub status: u16,
    pub from: String,
    /// The resolved `Location`, or `None` when there is none (the response is then final).
    pub to: Option<String>,
    pub method_in: String,
    pub method_out: String,
    /// The body is dropped with the method rewrite.
    pub body_dropped: bool,
    /// Request headers the browser removes before the next request, with why.
    pub dropped_headers: Vec<(String, String)>,
    pub origin_changed: bool,
    /// `https:` → `http:`.
    pub downgrade: bool,
    /// The request's origin became "tainted": the next `Origin` header is `null`
    /// (Fetch §http-redirect-fetch step 10).
    pub tainted: bool,
    /// Why the browser stops here with a network error, if it does.
    pub error: Option<String>,
}

/// The state a redirect carries between hops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Following {
    pub url: String,
    pub method: String,
    pub headers: Vec<(String, String)>,
    pub has_body: bool,
    pub tainted: bool,
    pub count: usize,
    pub cors_mode: bool,
}

/// Applies one redirect (`status` with `location`) to the request in `f`, per Fetch
/// §http-redirect-fetch, and returns what happened. `page_origin` is the request's origin.
pub fn follow_redirect(f: &mut Following, status: u16, location: Option<&str>, page_origin: &str) -> RedirectStep {
    let from = f.url.clone();
    let mut step = RedirectStep {
        status,
        from: from.clone(),
        to: None,
        method_in: f.method.clone(),
        method_out: f.method.clone(),
        body_dropped: false,
        dropped_headers: Vec::new(),
        origin_changed: false,
        downgrade: false,
        tainted: f.tainted,
        error: None,
    };
    let Some(location) = location else {
        // Step 3 of main fetch's redirect handling: no Location → the response itself is final.
        return step;
    };
    let Some(to) = resolve(&from, location.trim()) else {
        step.error = Some(format!("`Location: {location}` cannot be parsed as a URL: a network error (Fetch §http-redirect-fetch step 3)."));
        return step;
    };
    step.to = Some(to.clone());
    let to_scheme = to.split(':').next().unwrap_or("").to_ascii_lowercase();
    if to_scheme != "http" && to_scheme != "https" {
        step.error = Some(format!("The redirect points to a `{to_scheme}:` URL: fetch only follows redirects to HTTP(S) URLs, anything else is a network error (Fetch §http-redirect-fetch step 5)."));
        return step;
    }
    f.count += 1;
    if f.count > REDIRECT_LIMIT {
        step.error = Some(format!("More than {REDIRECT_LIMIT} redirects: the browser gives up with a network error (Fetch §http-redirect-fetch step 6; Chromium: ERR_TOO_MANY_REDIRECTS)."));
        return step;
    }
    let (from_origin, to_origin) = (origin_of(&from), origin_of(&to));
    step.origin_changed = from_origin != to_origin;
    step.downgrade = from.to_ascii_lowercase().starts_with("https:") && to_scheme == "http";
    let userinfo = to.split("://").nth(1).and_then(|r| r.split(['/', '?', '#']).next()).is_some_and(|a| a.contains('@'));
    if f.cors_mode && userinfo && to_origin.as_deref() != Some(page_origin) {
        step.error = Some("A CORS request was redirected to a URL with credentials (user:password@) on another origin: a network error (Fetch §http-redirect-fetch step 7).".into());
        return step;
    }
    // Step 10: a redirect from a cross-origin URL to yet another origin taints the origin.
    if step.origin_changed && from_origin.as_deref() != Some(page_origin) {
        f.tainted = true;
    }
    step.tainted = f.tainted;
    // Step 12: the method rewrite drops the body and its headers.
    let new_method = method_after_redirect(status, &f.method);
    if new_method != f.method {
        step.method_out = new_method.clone();
        f.method = new_method;
        if f.has_body {
            step.body_dropped = true;
            f.has_body = false;
        }
        for (n, _) in f.headers.iter().filter(|(n, _)| REQUEST_BODY_HEADERS.contains(&n.to_ascii_lowercase().as_str())) {
            step.dropped_headers.push((n.clone(), format!("a request-body header, removed with the body when {status} turned the request into a GET (Fetch §http-redirect-fetch step 12)")));
        }
        f.headers.retain(|(n, _)| !REQUEST_BODY_HEADERS.contains(&n.to_ascii_lowercase().as_str()));
    }
    // Step 13: a cross-origin hop removes `Authorization` (the CORS non-wildcard request-header
    // name). Chromium ships this since version 119.
    if step.origin_changed {
        for (n, _) in f.headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("authorization")) {
            step.dropped_headers.push((n.clone(), "removed on a redirect to another origin, so credentials for one server never reach another (Fetch §http-redirect-fetch step 13)".into()));
        }
        f.headers.retain(|(n, _)| !n.eq_ignore_ascii_case("authorization"));
    }
    f.url = to;
    step
}

/// Follows a whole chain of `(status, Location)` answers from the first request, stopping at the
/// first answer that is not a redirect and at the first network error.
pub fn follow_chain(start: Following, answers: &[(u16, Option<String>)], page_origin: &str) -> Vec<RedirectStep> {
    let mut f = start;
    let mut out = Vec::new();
    for (status, location) in answers {
        if !is_redirect_status(*status) {
            break;
        }
        let step = follow_redirect(&mut f, *status, location.as_deref(), page_origin);
        let stop = step.error.is_some() || step.to.is_none();
        out.push(step);
        if stop {
            break;
        }
    }
    out
}

/// Whether the chain revisits a URL it already requested (a redirect loop when the server
/// answers the same way each time).
pub fn revisits(steps: &[RedirectStep]) -> bool {
    let mut seen: Vec<&str> = steps.first().map(|s| vec![s.from.as_str()]).unwrap_or_default();
    for s in steps {
        if let Some(to) = &s.to {
            if seen.contains(&to.as_str()) {
                return true;
            }
            seen.push(to);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(method: &str, url: &str, headers: &[(&str, &str)]) -> Following {
        Following {
            url: url.into(),
            method: method.into(),
            headers: headers.iter().map(|(n, v)| (n.to_string(), v.to_string())).collect(),
            has_body: method == "POST" || method == "PUT",
            tainted: false,
            count: 0,
            cors_mode: true,
        }
    }

    const PAGE: &str = "http://127.0.0.1:8080";

    #[test]
    fn method_rewrites() {
        assert_eq!(method_after_redirect(301, "POST"), "GET");
        assert_eq!(method_after_redirect(302, "POST"), "GET");
        assert_eq!(method_after_redirect(302, "PUT"), "PUT", "301/302 only rewrite POST");
        assert_eq!(method_after_redirect(303, "PUT"), "GET");
        assert_eq!(method_after_redirect(303, "HEAD"), "HEAD");
        assert_eq!(method_after_redirect(307, "POST"), "POST");
        assert_eq!(method_after_redirect(308, "DELETE"), "DELETE");
    }

    #[test]
    fn a_302_drops_body_and_body_headers() {
        let mut f = start("POST", "http://127.0.0.1:8080/a", &[("Content-Type", "application/json"), ("X-Trace", "1")]);
        let s = follow_redirect(&mut f, 302, Some("/b"), PAGE);
        assert_eq!((s.method_out.as_str(), s.body_dropped), ("GET", true));
        assert_eq!(s.to.as_deref(), Some("http://127.0.0.1:8080/b"));
        assert_eq!(s.dropped_headers.len(), 1);
        assert_eq!(f.headers, vec![("X-Trace".to_string(), "1".to_string())]);
    }

    #[test]
    fn cross_origin_hop_drops_authorization_and_taints_later_hops() {
        let mut f = start("GET", "http://127.0.0.1:8080/a", &[("Authorization", "Bearer t")]);
        let s = follow_redirect(&mut f, 307, Some("http://localhost:8080/b"), PAGE);
        assert!(s.origin_changed);
        assert_eq!(s.dropped_headers[0].0, "Authorization");
        assert!(!s.tainted, "same-origin → cross-origin does not taint");
        let s2 = follow_redirect(&mut f, 302, Some("http://other.test/c"), PAGE);
        assert!(s2.tainted, "cross-origin → another origin taints (Origin: null)");
    }

    #[test]
    fn errors_stop_the_chain() {
        let mut f = start("GET", "https://a.test/", &[]);
        assert!(follow_redirect(&mut f, 302, Some("ftp://a.test/x"), PAGE).error.is_some());
        let s = follow_redirect(&mut f, 302, Some("http://a.test/x"), PAGE);
        assert!(s.downgrade && s.error.is_none());
        assert!(follow_redirect(&mut f, 302, Some("http://u:p@b.test/"), PAGE).error.is_some());
        let loop_answers: Vec<(u16, Option<String>)> = (0..25).map(|_| (302, Some("/same".to_string()))).collect();
        let steps = follow_chain(start("GET", "http://127.0.0.1:8080/same", &[]), &loop_answers, PAGE);
        assert_eq!(steps.len(), REDIRECT_LIMIT + 1);
        assert!(steps.last().unwrap().error.as_deref().unwrap().contains("More than 20"));
        assert!(revisits(&steps));
        let ok = follow_chain(start("GET", "http://127.0.0.1:8080/a", &[]), &[(301, Some("/b".into())), (200, None)], PAGE);
        assert_eq!(ok.len(), 1);
        assert!(!revisits(&ok));
    }
}
