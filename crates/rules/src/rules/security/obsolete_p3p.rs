use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::StaticSpec;

declare_rule! {
    /// ## What it checks
    /// A `P3P` header.
    ///
    /// ## Why it matters
    /// P3P (Platform for Privacy Preferences) compact policies were only ever read by Internet
    /// Explorer, to decide whether to accept third-party cookies. The W3C marked P3P obsolete in
    /// 2018 and no current browser reads the header; the well-known trick of sending a
    /// meaningless policy (`CP="This is not a P3P policy"`) was only ever a way around IE.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// P3P: CP="This is not a P3P policy!"
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Widget</title>
    /// ```
    ///
    /// ## Fix
    /// Remove `P3P`. For cross-site cookies use `SameSite=None; Secure` (and `Partitioned` where
    /// appropriate).
    pub static OBSOLETE_P3P = {
        code: "SEC018",
        name: "obsolete-p3p",
        category: Security,
        severity: Info,
        summary: "P3P is obsolete and ignored by browsers",
        specs: [StaticSpec::Other("W3C: The Platform for Privacy Preferences 1.1 (P3P1.1), obsolete", "https://www.w3.org/TR/P3P11/")],
        requires: &["P3P"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = super::present(c, "P3P") else { return };
    c.report(
        Target::Header { name: "P3P".into(), index: Some(i) },
        "`P3P` is obsolete: only Internet Explorer ever read it.",
        "Remove `P3P`.",
    );
}
