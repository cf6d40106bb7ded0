//! Redirects (RFC 9110 §15.4, Fetch §http-redirect-fetch).

pub mod cors_redirect_taints_origin;
pub mod invalid_location;
pub mod location_host_without_scheme;
pub mod location_includes_credentials;
pub mod multiple_location_headers;
pub mod permanent_redirect_to_non_canonical_url;
pub mod permanent_redirect_without_cache_control;
pub mod redirect_downgrades_to_http;
pub mod redirect_to_insecure_url;
pub mod redirect_to_non_http_scheme;
pub mod redirect_to_self;
pub mod refresh_header_redirect;
pub(crate) mod url;

use crate::model::TrimExt;
use crate::registry::{Checker, Presence};

/// The first `Location` of a redirect response: one of the redirect statuses a browser follows
/// (`301`, `302`, `303`, `307`, `308`, Fetch §redirect-status).
pub(crate) fn redirect_location<'a>(c: &Checker<'a>) -> Option<(usize, &'a str)> {
    if !matches!(c.status(), 301 | 302 | 303 | 307 | 308) {
        return None;
    }
    match c.header("Location") {
        Presence::Present(i, v) => Some((i, v.trim_fast())),
        _ => None,
    }
}

/// The request URL when it is absolute (`scheme://authority…`).
pub(crate) fn absolute_request_url<'a>(c: &Checker<'a>) -> Option<&'a str> {
    let url = c.request()?.url.as_str();
    let p = url::split(url);
    (p.scheme.is_some() && p.authority.is_some()).then_some(url)
}

/// A `Location` value cut for messages (values can be long).
pub(crate) fn short(v: &str) -> String {
    const MAX: usize = 120;
    if v.chars().count() <= MAX {
        v.to_string()
    } else {
        let cut: String = v.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &redirect_downgrades_to_http::REDIRECT_DOWNGRADES_TO_HTTP,
    &invalid_location::INVALID_LOCATION,
    &multiple_location_headers::MULTIPLE_LOCATION_HEADERS,
    &redirect_to_self::REDIRECT_TO_SELF,
    &refresh_header_redirect::REFRESH_HEADER_REDIRECT,
    &redirect_to_insecure_url::REDIRECT_TO_INSECURE_URL,
    &location_host_without_scheme::LOCATION_HOST_WITHOUT_SCHEME,
    &redirect_to_non_http_scheme::REDIRECT_TO_NON_HTTP_SCHEME,
    &location_includes_credentials::LOCATION_INCLUDES_CREDENTIALS,
    &permanent_redirect_to_non_canonical_url::PERMANENT_REDIRECT_TO_NON_CANONICAL_URL,
    &cors_redirect_taints_origin::CORS_REDIRECT_TAINTS_ORIGIN,
    &permanent_redirect_without_cache_control::PERMANENT_REDIRECT_WITHOUT_CACHE_CONTROL,
];
