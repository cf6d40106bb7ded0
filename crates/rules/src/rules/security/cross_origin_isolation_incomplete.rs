use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// An HTML document that sends `Cross-Origin-Embedder-Policy: require-corp` (or
    /// `credentialless`) without `Cross-Origin-Opener-Policy: same-origin`. Silent when either
    /// field is hidden from the observer; on other responses (the opener policy applies to
    /// documents in a top-level window); on a document requested for a frame (`Sec-Fetch-Dest:
    /// iframe`, `frame`, `embed`, `object`: the embedder policy is what an isolated parent
    /// needs of it); and over plain HTTP to a host that is not potentially trustworthy, where
    /// both policies are ignored.
    ///
    /// ## Why it matters
    /// A document is cross-origin isolated — `self.crossOriginIsolated` is `true`, and with it
    /// `SharedArrayBuffer`, high-resolution timers and `performance.measureUserAgentSpecificMemory()`
    /// — only when both hold: its opener policy is `same-origin` and its embedder policy is
    /// `require-corp` or `credentialless` (HTML: the opener policy then becomes
    /// `same-origin-plus-COEP`, which gives the browsing context group its cross-origin
    /// isolation; checked in Chromium for each combination). The embedder policy alone already blocks every cross-origin
    /// subresource without `Cross-Origin-Resource-Policy` (or, with `credentialless`, strips
    /// its credentials), so the page pays the cost without the capability it is usually sent
    /// for. (`same-origin-allow-popups` and `noopener-allow-popups` do not isolate.)
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf-8
    /// Cross-Origin-Embedder-Policy: require-corp
    /// ```
    ///
    /// ## Fix
    /// Add `Cross-Origin-Opener-Policy: same-origin` if the page needs cross-origin isolation
    /// (check first that it does not rely on cross-origin popups keeping a handle to it), or
    /// drop the embedder policy if it does not.
    pub static CROSS_ORIGIN_ISOLATION_INCOMPLETE = {
        code: "SEC034",
        name: "cross-origin-isolation-incomplete",
        category: Security,
        severity: Info,
        summary: "Cross-Origin-Embedder-Policy without Cross-Origin-Opener-Policy: same-origin does not isolate the page",
        specs: [
            StaticSpec::Other("HTML: Cross-origin opener policies", "https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies"),
            StaticSpec::Other("HTML: Cross-origin embedder policies", "https://html.spec.whatwg.org/multipage/browsers.html#coep"),
        ],
        requires: &["Cross-Origin-Embedder-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let token = super::policy_token;
    let Some(coep) = token(c, "Cross-Origin-Embedder-Policy").filter(|p| super::COEP_SETTING.contains(&p.as_str())) else { return };
    // Over plain HTTP both policies are ignored (`secure-context-field-over-http` says so).
    if !super::is_document(c) || super::insecure_http_host(c).is_some() {
        return;
    }
    // A document requested for a frame: the opener policy does nothing there, and an isolated
    // parent needs this embedder policy.
    let framed = c.request().and_then(|r| r.headers.get("Sec-Fetch-Dest")).is_some_and(|d| {
        ["iframe", "frame", "embed", "object"].iter().any(|f| d.trim().eq_ignore_ascii_case(f))
    });
    if framed {
        return;
    }
    let (coop_line, opener) = match c.header("Cross-Origin-Opener-Policy") {
        Presence::Hidden => return,
        Presence::Absent => (None, "no `Cross-Origin-Opener-Policy`".to_string()),
        Presence::Present(line, _) => match token(c, "Cross-Origin-Opener-Policy") {
            Some(p) if p == "same-origin" => return,
            Some(p) => (Some(line), format!("`Cross-Origin-Opener-Policy: {p}`")),
            None => (Some(line), "an unrecognised `Cross-Origin-Opener-Policy` (read as `unsafe-none`)".to_string()),
        },
    };
    let cost = if coep == "require-corp" {
        "its cross-origin subresources must still opt in (`Cross-Origin-Resource-Policy` or CORS)"
    } else {
        "its cross-origin no-cors requests still go without credentials"
    };
    c.report(
        Target::Header { name: "Cross-Origin-Opener-Policy".into(), index: coop_line },
        format!("`Cross-Origin-Embedder-Policy: {coep}` with {opener}: opened as a top-level page it is not cross-origin isolated (`crossOriginIsolated` is false, no `SharedArrayBuffer`), yet {cost}."),
        "Add `Cross-Origin-Opener-Policy: same-origin` if the page needs cross-origin isolation; otherwise drop the embedder policy.",
    );
}
