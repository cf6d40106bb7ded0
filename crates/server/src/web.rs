//! Serving the built app from `--dist`: static files (compressed, immutable caching for
//! Trunk's hashed names), `index.html` for every app route, and the security headers.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::problem::Problem;
use crate::AppState;

/// The SHA-256 CSP source (`'sha256-…'`) of every inline `<script>` in an HTML document
/// (Trunk's loader is one).
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else { break };
        let content = &after[body_start..body_start + close];
        if !tag.contains("src=") && !content.is_empty() {
            let digest = Sha256::digest(content.as_bytes());
            out.push(format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(digest)));
        }
        rest = &after[body_start + close..];
    }
    out
}

/// The Content-Security-Policy for an app page. `connect-src *` because the inspector must reach
/// any origin; `'wasm-unsafe-eval'` to instantiate WebAssembly; inline scripts only by hash.
pub fn csp(html: &str, embed: bool) -> String {
    let hashes = inline_script_hashes(html).join(" ");
    let frame_ancestors = if embed { "*" } else { "'none'" };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src * data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'; \
         frame-ancestors {frame_ancestors}"
    )
}

/// Security headers of every app response (our own SEC rules ask for them).
pub fn security_headers(res: &mut Response, csp_value: Option<String>, embed: bool) {
    let h = res.headers_mut();
    if let Some(v) = csp_value.and_then(|v| HeaderValue::from_str(&v).ok()) {
        h.insert("content-security-policy", v);
    }
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"));
    if !embed {
        h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    }
}

/// The app's client-side routes (the Yew router's `Routable`).
pub fn is_app_route(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    matches!(first, "" | "status" | "rules" | "embed" | "labs" | "history")
}

fn safe_join(dist: &Path, path: &str) -> Option<PathBuf> {
    let rel = Path::new(path.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    Some(dist.join(rel))
}

/// Serves `index.html` for app routes and the dist's files for everything else.
pub async fn serve(State(state): State<Arc<AppState>>, method: Method, uri: Uri, headers: HeaderMap) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut res = Problem::new(StatusCode::METHOD_NOT_ALLOWED, format!("{method} is not supported for app files"))
            .with_instance(uri.path())
            .into_response();
        res.headers_mut().insert("allow", HeaderValue::from_static("GET, HEAD"));
        return res;
    }
    let path = uri.path();
    if is_app_route(path) {
        return index(&state, path.trim_start_matches('/').starts_with("embed")).await;
    }
    let Some(file) = safe_join(&state.dist, path) else {
        return Problem::new(StatusCode::NOT_FOUND, "no such file").with_instance(path).into_response();
    };
    match tokio::fs::read(&file).await {
        Ok(bytes) => {
            let mime = mime_for(&file);
            // A strong validator from the content, so `no-cache` files revalidate with a 304.
            let etag = format!("\"{}\"", &hex(&Sha256::digest(&bytes))[..20]);
            let matches = headers
                .get("if-none-match")
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
            let mut res = if matches { StatusCode::NOT_MODIFIED.into_response() } else { (StatusCode::OK, bytes).into_response() };
            let h = res.headers_mut();
            if !matches {
                h.insert("content-type", HeaderValue::from_static(mime));
            }
            if let Ok(v) = HeaderValue::from_str(&etag) {
                h.insert("etag", v);
            }
            // Trunk names the JS, wasm and CSS it emits with a content hash, and the views module
            // sits in a directory named by its hash: safe to keep forever.
            let hashed = file.file_name().and_then(|n| n.to_str()).is_some_and(is_hashed_name) || is_in_hashed_dir(path);
            h.insert(
                "cache-control",
                HeaderValue::from_static(if hashed { "public, max-age=31536000, immutable" } else { "no-cache" }),
            );
            security_headers(&mut res, None, false);
            res
        }
        Err(_) => Problem::new(StatusCode::NOT_FOUND, format!("no file `{path}` in the app")).with_instance(path).into_response(),
    }
}

async fn index(state: &AppState, embed: bool) -> Response {
    match tokio::fs::read_to_string(state.dist.join("index.html")).await {
        Ok(html) => {
            let policy = csp(&html, embed);
            let mut res = (StatusCode::OK, html).into_response();
            let h = res.headers_mut();
            h.insert("content-type", HeaderValue::from_static("text/html; charset=utf-8"));
            h.insert("cache-control", HeaderValue::from_static("no-cache"));
            security_headers(&mut res, Some(policy), embed);
            res
        }
        Err(e) => Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!(
                "the app is not built: cannot read {}/index.html ({e}). Run `trunk build --release --offline`, or start with --dist pointing at a built app. The simulator API under /api/ works regardless.",
                state.dist.display()
            ),
        )
        .into_response(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `/views/<hash>/…` (`scripts/build-views.sh`): a directory named by at least 16 hex digits.
fn is_in_hashed_dir(path: &str) -> bool {
    let mut dirs = path.trim_start_matches('/').split('/').rev().skip(1);
    dirs.next().is_some_and(|d| d.len() >= 16 && d.bytes().all(|b| b.is_ascii_hexdigit())) && dirs.next() == Some("views")
}

/// `name-0123456789abcdef.ext` or `name-0123456789abcdef_bg.wasm`: Trunk's hashed asset names.
fn is_hashed_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("");
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((_, hash)) => hash.len() >= 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    }
}

fn mime_for(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_inline_scripts_only() {
        let html = r#"<script src="/a.js"></script><script type="module">import x from '/x.js';</script>"#;
        let h = inline_script_hashes(html);
        assert_eq!(h.len(), 1);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"import x from '/x.js';"));
        assert_eq!(h[0], format!("'sha256-{expected}'"));
        assert!(csp(html, false).contains(&h[0]));
        assert!(csp(html, false).contains("frame-ancestors 'none'"));
        assert!(csp(html, true).contains("frame-ancestors *"));
    }

    #[test]
    fn trunk_names_are_recognised_as_hashed() {
        assert!(is_hashed_name("statuslab-app-9f86d081884c7d65_bg.wasm"));
        assert!(is_hashed_name("app-9f86d081884c7d65.css"));
        assert!(!is_hashed_name("favicon.ico"));
        assert!(!is_hashed_name("index.html"));
        assert!(is_in_hashed_dir("/views/9f86d081884c7d65/statuslab_views_bg.wasm"));
        assert!(!is_in_hashed_dir("/views/statuslab_views_bg.wasm"));
        assert!(!is_in_hashed_dir("/codes/9f86d081884c7d65/x.json"));
        assert!(!is_in_hashed_dir("/views/9f86d08/statuslab_views.js"));
    }

    #[test]
    fn refuses_path_traversal() {
        assert!(safe_join(Path::new("/d"), "/../etc/passwd").is_none());
        assert!(safe_join(Path::new("/d"), "/a/b.js").is_some());
    }
}
