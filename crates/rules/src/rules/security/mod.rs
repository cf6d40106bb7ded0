//! Hardening headers.

pub mod csp;
pub mod hsts;
pub mod prefixed_content_security_policy;
pub mod reporting;
pub mod url;

pub mod cross_origin_isolation_incomplete;
pub mod csp_allows_eval;
pub mod csp_allows_inline_script;
pub mod csp_duplicate_directive;
pub mod csp_report_only_ignored_directive;
pub mod csp_report_only_without_enforcement;
pub mod csp_report_only_without_reporting;
pub mod csp_report_to_undefined_endpoint;
pub mod csp_strict_dynamic_without_nonce;
pub mod csp_unquoted_keyword;
pub mod csp_wildcard_script_source;
pub mod deprecated_feature_policy;
pub mod hsts_preload_ineligible;
pub mod ignored_strict_transport_security;
pub mod ineffective_permissions_policy_allowlist;
pub mod invalid_clear_site_data;
pub mod invalid_cross_origin_embedder_policy;
pub mod invalid_cross_origin_opener_policy;
pub mod invalid_cross_origin_resource_policy;
pub mod invalid_nel_policy;
pub mod invalid_permissions_policy;
pub mod invalid_referrer_policy;
pub mod invalid_report_to;
pub mod invalid_reporting_endpoints;
pub mod invalid_strict_transport_security;
pub mod invalid_x_frame_options;
pub mod leaky_referrer_policy;
pub mod missing_clickjacking_protection;
pub mod missing_content_security_policy;
pub mod missing_nosniff;
pub mod missing_strict_transport_security;
pub mod obsolete_expect_ct;
pub mod obsolete_p3p;
pub mod obsolete_public_key_pins;
pub mod cross_origin_policy_report_to_undefined;
pub mod secure_context_field_over_http;
pub mod server_version_disclosure;
pub mod short_hsts_max_age;
pub mod unknown_csp_directive;
pub mod x_frame_options_overridden;
pub mod x_xss_protection_enabled;

use crate::model::ascii_lowercase;
use crate::registry::{Checker, Presence};

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &invalid_clear_site_data::INVALID_CLEAR_SITE_DATA,
    &missing_nosniff::MISSING_NOSNIFF,
    &missing_content_security_policy::MISSING_CONTENT_SECURITY_POLICY,
    &csp_allows_inline_script::CSP_ALLOWS_INLINE_SCRIPT,
    &csp_allows_eval::CSP_ALLOWS_EVAL,
    &csp_wildcard_script_source::CSP_WILDCARD_SCRIPT_SOURCE,
    &csp_report_only_without_enforcement::CSP_REPORT_ONLY_WITHOUT_ENFORCEMENT,
    &missing_clickjacking_protection::MISSING_CLICKJACKING_PROTECTION,
    &missing_strict_transport_security::MISSING_STRICT_TRANSPORT_SECURITY,
    &invalid_strict_transport_security::INVALID_STRICT_TRANSPORT_SECURITY,
    &short_hsts_max_age::SHORT_HSTS_MAX_AGE,
    &invalid_x_frame_options::INVALID_X_FRAME_OPTIONS,
    &invalid_referrer_policy::INVALID_REFERRER_POLICY,
    &leaky_referrer_policy::LEAKY_REFERRER_POLICY,
    &invalid_cross_origin_opener_policy::INVALID_CROSS_ORIGIN_OPENER_POLICY,
    &invalid_cross_origin_embedder_policy::INVALID_CROSS_ORIGIN_EMBEDDER_POLICY,
    &invalid_cross_origin_resource_policy::INVALID_CROSS_ORIGIN_RESOURCE_POLICY,
    &x_xss_protection_enabled::X_XSS_PROTECTION_ENABLED,
    &obsolete_expect_ct::OBSOLETE_EXPECT_CT,
    &obsolete_p3p::OBSOLETE_P3P,
    &deprecated_feature_policy::DEPRECATED_FEATURE_POLICY,
    &obsolete_public_key_pins::OBSOLETE_PUBLIC_KEY_PINS,
    &server_version_disclosure::SERVER_VERSION_DISCLOSURE,
    &invalid_permissions_policy::INVALID_PERMISSIONS_POLICY,
    &csp_unquoted_keyword::CSP_UNQUOTED_KEYWORD,
    &csp_duplicate_directive::CSP_DUPLICATE_DIRECTIVE,
    &unknown_csp_directive::UNKNOWN_CSP_DIRECTIVE,
    &invalid_reporting_endpoints::INVALID_REPORTING_ENDPOINTS,
    &csp_report_to_undefined_endpoint::CSP_REPORT_TO_UNDEFINED_ENDPOINT,
    &ignored_strict_transport_security::IGNORED_STRICT_TRANSPORT_SECURITY,
    &csp_report_only_ignored_directive::CSP_REPORT_ONLY_IGNORED_DIRECTIVE,
    &csp_report_only_without_reporting::CSP_REPORT_ONLY_WITHOUT_REPORTING,
    &csp_strict_dynamic_without_nonce::CSP_STRICT_DYNAMIC_WITHOUT_NONCE,
    &cross_origin_isolation_incomplete::CROSS_ORIGIN_ISOLATION_INCOMPLETE,
    &x_frame_options_overridden::X_FRAME_OPTIONS_OVERRIDDEN,
    &secure_context_field_over_http::SECURE_CONTEXT_FIELD_OVER_HTTP,
    &prefixed_content_security_policy::PREFIXED_CONTENT_SECURITY_POLICY,
    &ineffective_permissions_policy_allowlist::INEFFECTIVE_PERMISSIONS_POLICY_ALLOWLIST,
    &hsts_preload_ineligible::HSTS_PRELOAD_INELIGIBLE,
    &invalid_nel_policy::INVALID_NEL_POLICY,
    &invalid_report_to::INVALID_REPORT_TO,
    &cross_origin_policy_report_to_undefined::CROSS_ORIGIN_POLICY_REPORT_TO_UNDEFINED,
];

/// Whether the response is a document a browser renders: HTML (or XHTML) content on a status
/// that has content and is not followed as a redirect.
pub(crate) fn is_document(c: &Checker<'_>) -> bool {
    let r = c.response();
    if matches!(r.status, 100..=199 | 204 | 205 | 304) {
        return false;
    }
    if (300..400).contains(&r.status) && r.headers.contains("Location") {
        return false;
    }
    if r.body.is_empty() && c.method() != Some("HEAD") {
        return false;
    }
    crate::rules::content::media::response_mime(c).is_some_and(|(_, m)| m.is_document())
}

/// The request's scheme and host, when the request and its absolute URL are known.
/// Parsed once per lint.
#[inline]
pub(crate) fn request_scheme_host<'a>(c: &Checker<'a>) -> Option<(&'a str, &'a str)> {
    c.memo()
        .request_scheme_host
        .get_or_init(|| {
            let (scheme, host) = url::scheme_and_host_as_written(&c.request()?.url)?;
            Some((ascii_lowercase(scheme), ascii_lowercase(host)))
        })
        .as_ref()
        .map(|(s, h)| (s.as_ref(), h.as_ref()))
}

/// The request's scheme and host when the scheme is known, not guessed: for the rules about the
/// transport itself (an origin-form request's `http` is [`Request::scheme_assumed`](crate::Request)).
pub(crate) fn request_transport<'a>(c: &Checker<'a>) -> Option<(&'a str, &'a str)> {
    if c.request()?.scheme_assumed {
        return None;
    }
    request_scheme_host(c)
}

/// The request's host when the request is known to have gone over plain `http` to a host that
/// is not potentially trustworthy (Secure Contexts §3.1: not `localhost`, 127.0.0.0/8 or
/// `[::1]`): there, browsers ignore the fields and cookies kept for secure contexts. `None` when
/// the request or its scheme is unknown (an origin-form request's `http` is only a guess).
pub(crate) fn insecure_http_host<'a>(c: &Checker<'a>) -> Option<&'a str> {
    let (scheme, host) = request_transport(c)?;
    (scheme == "http" && !crate::fetch::mixed_content::is_potentially_trustworthy_http_host(host)).then_some(host)
}

/// The token a policy field value (`Cross-Origin-Opener-Policy`, `-Embedder-Policy`) sets, its
/// parameters (`report-to`) aside: `None` unless it is a single bare Structured Field token —
/// browsers then use the default.
pub(crate) fn bare_token(value: &str) -> Option<&str> {
    // The usual value is one token and nothing else (`same-origin`): RFC 9651's `sf-token`
    // (§3.3.4) read directly; anything else (parameters, quotes, other items) goes to `sfv`.
    let plain = value.trim_matches(' ');
    let b = plain.as_bytes();
    if b.first().is_some_and(|&f| f.is_ascii_alphabetic() || f == b'*')
        && b.iter().all(|&c| crate::model::is_tchar(c) || c == b':' || c == b'/')
    {
        return Some(plain);
    }
    match crate::rules::structured::bare_item(value) {
        Ok(sfv::BareItemFromInput::Token(t)) => Some(t.as_str()),
        _ => None,
    }
}

/// The `Cross-Origin-Opener-Policy` values that change anything: not the default `unsafe-none`,
/// nor a value browsers do not recognise (`invalid-cross-origin-opener-policy`'s).
pub(crate) const COOP_SETTING: &[&str] = &["same-origin", "same-origin-allow-popups", "noopener-allow-popups"];
/// The same for `Cross-Origin-Embedder-Policy`: the two that make a document cross-origin
/// isolated with COOP `same-origin`.
pub(crate) const COEP_SETTING: &[&str] = &["require-corp", "credentialless"];

/// [`bare_token`] of the response field `name`; `None` when it is absent or hidden too.
pub(crate) fn policy_token(c: &Checker<'_>, name: &str) -> Option<String> {
    present(c, name)?;
    bare_token(&c.header_combined(name)?).map(str::to_string)
}

/// Whether the request is known to have gone over `https`.
pub(crate) fn is_https(c: &Checker<'_>) -> bool {
    request_scheme_host(c).is_some_and(|(s, _)| s == "https")
}

/// The first value of a response header, or `None` when absent or hidden.
#[inline(always)]
pub(crate) fn present<'a>(c: &Checker<'a>, name: &str) -> Option<(usize, &'a str)> {
    match c.header(name) {
        Presence::Present(i, v) => Some((i, v)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    /// The direct reading of a lone token answers as `sfv` does, on generated values.
    #[test]
    fn bare_token_agrees_with_sfv() {
        let reference = |v: &str| match crate::rules::structured::bare_item(v) {
            Ok(sfv::BareItemFromInput::Token(t)) => Some(t.as_str().to_string()),
            _ => None,
        };
        let pieces = ["same-origin", "a", "Z", "*", "0", "-", ":", "/", " ", "\t", ";", "=", "\"", "?", "é", ",", "(", ".", "_", "unsafe-none"];
        let mut rng = crate::testing::Rng(0x510e_527f_ade6_82d1);
        let mut tokens = 0;
        for _ in 0..30_000 {
            let v = rng.words(&pieces, 5);
            let got = super::bare_token(&v).map(str::to_string);
            tokens += usize::from(got.is_some());
            assert_eq!(got, reference(&v), "{v:?}");
        }
        assert!(tokens > 3_000, "{tokens}");
    }
}
