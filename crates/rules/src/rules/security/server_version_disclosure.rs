use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// `Server`, `X-Powered-By`, `X-AspNet-Version` or `X-AspNetMvc-Version` headers that
    /// reveal a software version (`nginx/1.25.3`, `PHP/8.1.2`, `X-AspNet-Version: 4.0.30319`).
    /// A bare product name (`Server: nginx`) is not reported.
    ///
    /// ## Why it matters
    /// RFC 9110 §10.2.4: "An origin server SHOULD NOT generate a Server header field containing
    /// needlessly fine-grained detail". Exact versions let anyone scanning the internet match
    /// the server against published vulnerabilities without probing it (§17.12 discusses the
    /// same exposure). The version helps nobody else: clients do not use it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Server: Apache/2.4.41 (Ubuntu)
    /// X-Powered-By: PHP/7.4.3
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Blog</title>
    /// ```
    ///
    /// ## Fix
    /// Send the product name only, or nothing: nginx `server_tokens off;`, Apache
    /// `ServerTokens Prod`, PHP `expose_php = Off`, ASP.NET `<httpRuntime
    /// enableVersionHeader="false" />`, Express `app.disable('x-powered-by')`.
    pub static SERVER_VERSION_DISCLOSURE = {
        code: "SEC021",
        name: "server-version-disclosure",
        category: Security,
        severity: Info,
        summary: "Server and framework headers should not reveal software versions",
        specs: [rfc(9110, "10.2.4"), rfc(9110, "17.12")],
        requires: &["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"],
        check: check,
    }
}

/// Whether `v` holds `product/version` with a version such as `1.25.3`, `10.0` or `8`.
fn has_product_version(v: &str) -> bool {
    v.match_indices('/').any(|(i, _)| {
        let tok: String = v[i + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')).collect();
        let first: String = tok.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        tok.starts_with(|c: char| c.is_ascii_digit()) && (first.len() == tok.len() || first.contains('.'))
    })
}

fn check(c: &mut Checker<'_>) {
    for name in ["Server", "X-Powered-By", "X-AspNet-Version", "X-AspNetMvc-Version"] {
        let Some((i, v)) = super::present(c, name) else { continue };
        let reveals = if name.starts_with("X-AspNet") { v.bytes().any(|b| b.is_ascii_digit()) } else { has_product_version(v) };
        if !reveals {
            continue;
        }
        let fix = if name.starts_with("X-") {
            format!("Remove `{name}`; clients do not need it.")
        } else {
            "Send the product name only (nginx `server_tokens off;`, Apache `ServerTokens Prod`) or no `Server` header.".to_string()
        };
        c.report(
            Target::Header { name: name.to_string().into(), index: Some(i) },
            format!("`{name}: {v}` reveals the software version, which lets anyone look up its known vulnerabilities."),
            fix,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::has_product_version;

    #[test]
    fn versions() {
        for v in ["nginx/1.25.3", "Apache/2.4.41 (Ubuntu)", "PHP/8.1.2-1ubuntu2.14", "Microsoft-IIS/10.0", "gunicorn/20"] {
            assert!(has_product_version(v), "{v}");
        }
        for v in ["nginx", "cloudflare", "ECS (dcb/7F83)", "Express", "ASP.NET", "AmazonS3", "/", "a/"] {
            assert!(!has_product_version(v), "{v}");
        }
    }
}
