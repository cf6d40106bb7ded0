//! Cookies (RFC 6265bis).

pub mod date;
pub mod parse;

pub mod cookie_domain_mismatch;
pub mod cookie_domain_public_suffix;
pub mod cookie_lifetime_over_400_days;
pub mod cookie_without_samesite;
pub mod cookie_without_secure_on_https;
pub mod duplicate_cookie_attribute;
pub mod duplicate_cookie_name;
pub mod unknown_cookie_attribute;
pub mod invalid_cookie_characters;
pub mod invalid_cookie_expires;
pub mod invalid_cookie_max_age;
pub mod invalid_host_prefix_cookie;
pub mod invalid_samesite_value;
pub mod invalid_secure_prefix_cookie;
pub mod nameless_cookie;
pub mod obsolete_set_cookie2;
pub mod oversized_cookie;
pub mod partitioned_cookie_without_secure;
pub mod samesite_none_without_secure;
pub mod secure_cookie_over_http;
pub mod session_cookie_without_httponly;

use crate::registry::Target;

/// This category's rules (add each new rule here).
pub static RULES: &[&crate::registry::Rule] = &[
    &samesite_none_without_secure::SAMESITE_NONE_WITHOUT_SECURE,
    &cookie_without_secure_on_https::COOKIE_WITHOUT_SECURE_ON_HTTPS,
    &session_cookie_without_httponly::SESSION_COOKIE_WITHOUT_HTTPONLY,
    &invalid_samesite_value::INVALID_SAMESITE_VALUE,
    &invalid_host_prefix_cookie::INVALID_HOST_PREFIX_COOKIE,
    &invalid_secure_prefix_cookie::INVALID_SECURE_PREFIX_COOKIE,
    &invalid_cookie_expires::INVALID_COOKIE_EXPIRES,
    &invalid_cookie_max_age::INVALID_COOKIE_MAX_AGE,
    &oversized_cookie::OVERSIZED_COOKIE,
    &cookie_domain_mismatch::COOKIE_DOMAIN_MISMATCH,
    &cookie_domain_public_suffix::COOKIE_DOMAIN_PUBLIC_SUFFIX,
    &partitioned_cookie_without_secure::PARTITIONED_COOKIE_WITHOUT_SECURE,
    &invalid_cookie_characters::INVALID_COOKIE_CHARACTERS,
    &duplicate_cookie_attribute::DUPLICATE_COOKIE_ATTRIBUTE,
    &unknown_cookie_attribute::UNKNOWN_COOKIE_ATTRIBUTE,
    &cookie_without_samesite::COOKIE_WITHOUT_SAMESITE,
    &nameless_cookie::NAMELESS_COOKIE,
    &cookie_lifetime_over_400_days::COOKIE_LIFETIME_OVER_400_DAYS,
    &secure_cookie_over_http::SECURE_COOKIE_OVER_HTTP,
    &obsolete_set_cookie2::OBSOLETE_SET_COOKIE2,
    &duplicate_cookie_name::DUPLICATE_COOKIE_NAME,
];

/// Where a finding about one `Set-Cookie` line points.
pub(crate) fn target(index: usize) -> Target {
    Target::Header { name: "Set-Cookie".into(), index: Some(index) }
}

/// RFC 6265bis domain-match: `host` equals `domain`, or is a host name ending in `.domain`.
pub(crate) fn domain_match(host: &str, domain: &str) -> bool {
    host == domain
        || (!crate::rules::security::url::is_ip_literal(host)
            && host.len() > domain.len()
            && host.ends_with(domain)
            && host.as_bytes().get(host.len() - domain.len() - 1) == Some(&b'.'))
}
