use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A `Cross-Origin-Embedder-Policy` that is not a structured-field token among
    /// `require-corp`, `credentialless` and `unsafe-none` (parameters such as `report-to="…"`
    /// are fine). Tokens are case-sensitive.
    ///
    /// ## Why it matters
    /// The HTML standard ("obtain an embedder policy") parses the header as a structured-field
    /// item and uses `unsafe-none` for anything it does not recognise. A typo, a quoted value,
    /// different casing or a doubled header therefore silently disables the policy, and with it
    /// cross-origin isolation (`SharedArrayBuffer`, precise timers) that depends on it.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cross-Origin-Embedder-Policy: require-corp, require-corp
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Editor</title>
    /// ```
    ///
    /// ## Fix
    /// Send a single bare token: `Cross-Origin-Embedder-Policy: require-corp` (or
    /// `credentialless`).
    pub static INVALID_CROSS_ORIGIN_EMBEDDER_POLICY = {
        code: "SEC014",
        name: "invalid-cross-origin-embedder-policy",
        category: Security,
        severity: Warning,
        summary: "An unrecognised Cross-Origin-Embedder-Policy falls back to unsafe-none",
        specs: [
            StaticSpec::Other("HTML: Cross-Origin-Embedder-Policy headers", "https://html.spec.whatwg.org/multipage/browsers.html#the-coep-headers"),
        ],
        requires: &["Cross-Origin-Embedder-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    super::invalid_cross_origin_opener_policy::check_token_header(
        c,
        "Cross-Origin-Embedder-Policy",
        &["require-corp", "credentialless", "unsafe-none"],
        "unsafe-none",
        "so the document is not cross-origin isolated",
    );
}
