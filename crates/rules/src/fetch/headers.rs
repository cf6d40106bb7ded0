//! Request- and response-header classification (Fetch §2.2.2 "Headers").

/// Fetch §concept-method-normalize: DELETE, GET, HEAD, OPTIONS, POST, PUT are upper-cased.
pub fn normalize_method(method: &str) -> String {
    const NORMALIZED: [&str; 6] = ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"];
    NORMALIZED
        .iter()
        .find(|m| m.eq_ignore_ascii_case(method))
        .map(|m| m.to_string())
        .unwrap_or_else(|| method.to_string())
}

/// Fetch §cors-safelisted-method: `GET`, `HEAD` or `POST` (byte-case-sensitive, after normalization).
pub fn is_cors_safelisted_method(method: &str) -> bool {
    matches!(method, "GET" | "HEAD" | "POST")
}

/// Fetch §forbidden-method: `CONNECT`, `TRACE`, `TRACK` (case-insensitive). `fetch()` throws.
pub fn is_forbidden_method(method: &str) -> bool {
    ["CONNECT", "TRACE", "TRACK"].iter().any(|m| m.eq_ignore_ascii_case(method))
}

const FORBIDDEN_NAMES: &[&str] = &[
    "accept-charset",
    "accept-encoding",
    "access-control-request-headers",
    "access-control-request-method",
    "connection",
    "content-length",
    "cookie",
    "cookie2",
    "date",
    "dnt",
    "expect",
    "host",
    "keep-alive",
    "origin",
    "referer",
    "set-cookie",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "via",
];

/// Fetch §forbidden-request-header: the browser silently drops these from a script's request.
/// Returns the reason when `name: value` is forbidden.
pub fn forbidden_request_header(name: &str, value: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    if FORBIDDEN_NAMES.contains(&lower.as_str()) {
        return Some(format!("`{name}` is a forbidden request-header name: the browser sets it itself"));
    }
    if lower.starts_with("proxy-") || lower.starts_with("sec-") {
        return Some(format!("`{name}` starts with `{}`, reserved to the browser", &lower[..lower.find('-').unwrap_or(0) + 1]));
    }
    if matches!(lower.as_str(), "x-http-method" | "x-http-method-override" | "x-method-override") {
        // Fetch: forbidden when any of its comma-separated values is a forbidden method.
        if value.split(',').any(|v| is_forbidden_method(v.trim())) {
            return Some(format!("`{name}` names a forbidden method"));
        }
    }
    None
}

/// Fetch §cors-unsafe-request-header-byte.
fn has_cors_unsafe_byte(value: &str) -> bool {
    value.bytes().any(|b| {
        (b < 0x20 && b != 0x09)
            || matches!(b, b'"' | b'(' | b')' | b':' | b'<' | b'>' | b'?' | b'@' | b'[' | b'\\' | b']' | b'{' | b'}' | 0x7f)
    })
}

/// The essence (`type/subtype`, lower-case) of a MIME type string, if it parses.
pub fn mime_essence(value: &str) -> Option<String> {
    let essence = value.split(';').next()?.trim().to_ascii_lowercase();
    let (t, s) = essence.split_once('/')?;
    let token = |x: &str| !x.is_empty() && x.bytes().all(crate::model::is_tchar);
    (token(t) && token(s)).then_some(essence)
}

/// Fetch §simple-range-header-value: `bytes=a-`, `bytes=a-b` or `bytes=-b` (one range).
fn is_simple_range(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("bytes=") else { return false };
    let Some((a, b)) = rest.split_once('-') else { return false };
    let digits = |x: &str| x.bytes().all(|c| c.is_ascii_digit());
    if !digits(a) || !digits(b) || (a.is_empty() && b.is_empty()) || rest.contains(',') {
        return false;
    }
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x <= y,
        _ => true,
    }
}

/// Fetch §cors-safelisted-request-header: whether `name: value` may be sent cross-origin without
/// a preflight. The reason when it may not.
pub fn cors_safelisted_request_header(name: &str, value: &str) -> Result<(), String> {
    if value.len() > 128 {
        return Err(format!("the value of `{name}` is longer than 128 bytes"));
    }
    match name.to_ascii_lowercase().as_str() {
        "accept" => {
            if has_cors_unsafe_byte(value) {
                return Err(format!("`Accept: {value}` contains a CORS-unsafe byte"));
            }
        }
        "accept-language" | "content-language" => {
            if !value.bytes().all(|b| b.is_ascii_alphanumeric() || b" *,-.;=".contains(&b)) {
                return Err(format!("`{name}: {value}` has characters outside 0-9 A-Z a-z space * , - . ; ="));
            }
        }
        "content-type" => {
            if has_cors_unsafe_byte(value) {
                return Err(format!("`Content-Type: {value}` contains a CORS-unsafe byte"));
            }
            match mime_essence(value).as_deref() {
                Some("application/x-www-form-urlencoded" | "multipart/form-data" | "text/plain") => {}
                Some(e) => {
                    return Err(format!(
                        "`Content-Type: {e}` is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain"
                    ))
                }
                None => return Err(format!("`Content-Type: {value}` is not a valid MIME type")),
            }
        }
        "range" => {
            if !is_simple_range(value) {
                return Err(format!("`Range: {value}` is not a single simple byte range"));
            }
        }
        _ => return Err(format!("`{name}` is not a CORS-safelisted request header")),
    }
    Ok(())
}

/// Fetch §cors-unsafe-request-header-names: the lower-cased, sorted, de-duplicated names a
/// preflight must ask for, each with why. Safelisted headers count too once their values add up
/// to more than 1024 bytes.
pub fn cors_unsafe_request_header_names(headers: &[(String, String)]) -> Vec<(String, String)> {
    let mut unsafe_names: Vec<(String, String)> = Vec::new();
    let mut potentially: Vec<String> = Vec::new();
    let mut safelist_size = 0usize;
    for (name, value) in headers {
        match cors_safelisted_request_header(name, value) {
            Ok(()) => {
                safelist_size += value.len();
                potentially.push(name.to_ascii_lowercase());
            }
            Err(why) => unsafe_names.push((name.to_ascii_lowercase(), why)),
        }
    }
    if safelist_size > 1024 {
        for n in potentially {
            unsafe_names.push((n, "the CORS-safelisted header values together exceed 1024 bytes".to_string()));
        }
    }
    unsafe_names.sort_by(|a, b| a.0.cmp(&b.0));
    unsafe_names.dedup_by(|a, b| a.0 == b.0);
    unsafe_names
}

/// Fetch §cors-safelisted-response-header-name.
pub fn is_cors_safelisted_response_header(name: &str) -> bool {
    crate::model::CORS_SAFELISTED_RESPONSE_HEADERS.contains(&name.to_ascii_lowercase().as_str())
}

/// Fetch §forbidden-response-header-name: never exposed to scripts.
pub fn is_forbidden_response_header(name: &str) -> bool {
    let l = name.to_ascii_lowercase();
    l == "set-cookie" || l == "set-cookie2"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn methods() {
        assert_eq!(normalize_method("post"), "POST");
        assert_eq!(normalize_method("patch"), "patch"); // PATCH is not normalized
        assert!(is_cors_safelisted_method("POST"));
        assert!(!is_cors_safelisted_method("patch"));
        assert!(!is_cors_safelisted_method("PUT"));
        assert!(is_forbidden_method("trace"));
        assert!(!is_forbidden_method("PATCH"));
    }

    #[test]
    fn forbidden_headers() {
        assert!(forbidden_request_header("Cookie", "a=1").is_some());
        assert!(forbidden_request_header("Host", "x").is_some());
        assert!(forbidden_request_header("Origin", "x").is_some());
        assert!(forbidden_request_header("Sec-Fetch-Mode", "cors").is_some());
        assert!(forbidden_request_header("Proxy-Authorization", "x").is_some());
        assert!(forbidden_request_header("X-HTTP-Method-Override", "TRACE").is_some());
        assert!(forbidden_request_header("X-HTTP-Method-Override", "PATCH").is_none());
        assert!(forbidden_request_header("Authorization", "Bearer x").is_none());
        assert!(forbidden_request_header("Content-Type", "x").is_none());
    }

    #[test]
    fn safelisted_request_headers() {
        assert!(cors_safelisted_request_header("Accept", "application/json").is_ok());
        assert!(cors_safelisted_request_header("Accept", "a\"b").is_err());
        assert!(cors_safelisted_request_header("Content-Type", "text/plain; charset=utf-8").is_ok());
        assert!(cors_safelisted_request_header("Content-Type", "application/json").is_err());
        assert!(cors_safelisted_request_header("Content-Language", "en-US").is_ok());
        assert!(cors_safelisted_request_header("Accept-Language", "fr_FR").is_err());
        assert!(cors_safelisted_request_header("Range", "bytes=0-499").is_ok());
        assert!(cors_safelisted_request_header("Range", "bytes=-500").is_ok());
        assert!(cors_safelisted_request_header("Range", "bytes=0-1,5-9").is_err());
        assert!(cors_safelisted_request_header("Range", "bytes=9-1").is_err());
        assert!(cors_safelisted_request_header("X-Token", "1").is_err());
        assert!(cors_safelisted_request_header("Accept", &"a".repeat(129)).is_err());
    }

    #[test]
    fn unsafe_names_sorted_and_total_limit() {
        let h = vec![("X-B".to_string(), "1".to_string()), ("Accept".into(), "*/*".into()), ("x-a".into(), "2".into())];
        let names: Vec<String> = cors_unsafe_request_header_names(&h).into_iter().map(|x| x.0).collect();
        assert_eq!(names, vec!["x-a", "x-b"]);
        let big: Vec<(String, String)> =
            (0..9).map(|i| (if i % 2 == 0 { "Accept" } else { "Accept-Language" }.to_string(), "a".repeat(120))).collect();
        let names: Vec<String> = cors_unsafe_request_header_names(&big).into_iter().map(|x| x.0).collect();
        assert_eq!(names, vec!["accept", "accept-language"]);
    }
}
