use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::rules::structured::bare_item;
use crate::spec::StaticSpec;
use sfv::BareItemFromInput;

declare_rule! {
    /// ## What it checks
    /// An HTML document that sends `Cross-Origin-Embedder-Policy: require-corp` (or
    /// `credentialless`) without `Cross-Origin-Opener-Policy: same-origin`. Silent when either
    /// field is hidden from the observer, and on other responses (the opener policy applies to
    /// documents in a top-level window).
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

/// The policy a field sets: its token when it is a bare Structured Field token (parameters such
/// as `report-to` aside), else `None` — what browsers then use is the default, `unsafe-none`.
fn policy<'a>(c: &Checker<'a>, name: &str) -> Option<String> {
    let value = c.header_combined(name)?;
    match bare_item(&value) {
        Ok(BareItemFromInput::Token(t)) => Some(t.as_str().to_string()),
        _ => None,
    }
}

fn check(c: &mut Checker<'_>) {
    if !matches!(c.header("Cross-Origin-Embedder-Policy"), Presence::Present(..)) {
        return;
    }
    if !super::is_document(c) {
        return;
    }
    let coep = policy(c, "Cross-Origin-Embedder-Policy");
    let Some(coep) = coep.filter(|p| p == "require-corp" || p == "credentialless") else { return };
    let coop = match c.header("Cross-Origin-Opener-Policy") {
        Presence::Hidden => return,
        Presence::Absent => None,
        Presence::Present(..) => policy(c, "Cross-Origin-Opener-Policy"),
    };
    if coop.as_deref() == Some("same-origin") {
        return;
    }
    let coop_line = match c.header("Cross-Origin-Opener-Policy") {
        Presence::Present(line, _) => Some(line),
        _ => None,
    };
    let opener = match &coop {
        Some(p) => format!("`Cross-Origin-Opener-Policy: {p}`"),
        None if c.has_header("Cross-Origin-Opener-Policy") => "an unrecognised `Cross-Origin-Opener-Policy` (read as `unsafe-none`)".to_string(),
        None => "no `Cross-Origin-Opener-Policy`".to_string(),
    };
    let cost = if coep == "require-corp" {
        "its cross-origin subresources must still opt in (`Cross-Origin-Resource-Policy` or CORS)"
    } else {
        "its cross-origin no-cors requests still go without credentials"
    };
    c.report(
        Target::Header { name: "Cross-Origin-Opener-Policy".into(), index: coop_line },
        format!("`Cross-Origin-Embedder-Policy: {coep}` with {opener}: the page is not cross-origin isolated (`crossOriginIsolated` is false, no `SharedArrayBuffer`), yet {cost}."),
        "Add `Cross-Origin-Opener-Policy: same-origin` if the page needs cross-origin isolation; otherwise drop the embedder policy.".to_string(),
    );
}
