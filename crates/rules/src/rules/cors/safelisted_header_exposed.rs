use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// `Access-Control-Expose-Headers` listing a CORS-safelisted response header:
    /// `Cache-Control`, `Content-Language`, `Content-Type`, `Expires`, `Last-Modified` or
    /// `Pragma`. (`Content-Length` joined the safelist later, so exposing it for older browsers
    /// is not reported.)
    ///
    /// ## Why it matters
    /// Scripts can always read the safelisted headers of a CORS response (Fetch
    /// §cors-safelisted-response-header-name); listing them changes nothing. It is harmless, but
    /// it lengthens every response and suggests the list was not written with the headers the
    /// page actually needs in mind — the ones that are missing are the usual cause of
    /// `headers.get()` returning `null`.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Access-Control-Allow-Origin: *
    /// Access-Control-Expose-Headers: Content-Type, ETag
    /// Content-Type: application/json
    ///
    /// {}
    /// ```
    ///
    /// ## Fix
    /// Remove the safelisted names and keep the ones scripts need: `Access-Control-Expose-Headers: ETag`.
    pub static SAFELISTED_HEADER_EXPOSED = {
        code: "COR019",
        name: "safelisted-header-exposed",
        category: Cors,
        severity: Info,
        summary: "Exposing a CORS-safelisted response header is redundant",
        specs: [fetch("cors-safelisted-response-header-name"), fetch("http-access-control-expose-headers")],
        requires: &["Access-Control-Expose-Headers"],
        check: check,
    }
}

const SAFELISTED: &[&str] = &["cache-control", "content-language", "content-type", "expires", "last-modified", "pragma"];

fn check(c: &mut Checker<'_>) {
    let Presence::Present(i, _) = c.header("Access-Control-Expose-Headers") else { return };
    let redundant: Vec<&str> = super::response_list(c, "Access-Control-Expose-Headers")
        .into_iter()
        .filter(|n| SAFELISTED.iter().any(|s| s.eq_ignore_ascii_case(n)))
        .collect();
    if redundant.is_empty() {
        return;
    }
    let names = redundant.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    c.report(
        Target::Header { name: "Access-Control-Expose-Headers".into(), index: Some(i) },
        format!("`Access-Control-Expose-Headers` lists {names}, which scripts can always read (CORS-safelisted response headers)."),
        format!("Remove {names} from `Access-Control-Expose-Headers`."),
    );
}
