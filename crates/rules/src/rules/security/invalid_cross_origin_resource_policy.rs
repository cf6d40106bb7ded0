use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::fetch;

declare_rule! {
    /// ## What it checks
    /// A `Cross-Origin-Resource-Policy` other than exactly `same-origin`, `same-site` or
    /// `cross-origin` (the comparison is case-sensitive).
    ///
    /// ## Why it matters
    /// Fetch's "cross-origin resource policy internal check" compares the header's bytes with
    /// `same-origin` and `same-site`; any other value — `Same-Origin`, `same-origin; report`, or
    /// two headers combined into `same-origin, same-origin` — is treated like `cross-origin`:
    /// the resource can be loaded into any page, which is exactly what the header was meant to
    /// prevent (side-channel attacks such as Spectre).
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cross-Origin-Resource-Policy: Same-Origin
    /// Content-Type: image/png
    /// ```
    ///
    /// ## Fix
    /// Send exactly one of `same-origin`, `same-site` or `cross-origin`, once.
    pub static INVALID_CROSS_ORIGIN_RESOURCE_POLICY = {
        code: "SEC015",
        name: "invalid-cross-origin-resource-policy",
        category: Security,
        severity: Warning,
        summary: "An unrecognised Cross-Origin-Resource-Policy lets any origin embed the resource",
        specs: [fetch("cross-origin-resource-policy-header"), fetch("cross-origin-resource-policy-internal-check")],
        requires: &["Cross-Origin-Resource-Policy"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = super::present(c, "Cross-Origin-Resource-Policy") else { return };
    let Some(v) = c.header_combined("Cross-Origin-Resource-Policy") else { return };
    if matches!(&*v, "same-origin" | "same-site" | "cross-origin") {
        return;
    }
    c.report(
        Target::Header { name: "Cross-Origin-Resource-Policy".into(), index: Some(i) },
        format!("`Cross-Origin-Resource-Policy: {v}` is not `same-origin`, `same-site` or `cross-origin`: browsers ignore it and any origin can embed the resource."),
        "Send exactly one lowercase value, e.g. `Cross-Origin-Resource-Policy: same-origin`.",
    );
}
