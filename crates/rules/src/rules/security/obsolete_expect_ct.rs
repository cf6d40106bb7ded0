use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// An `Expect-CT` header.
    ///
    /// ## Why it matters
    /// `Expect-CT` (RFC 9163, Experimental) let sites opt in to Certificate Transparency
    /// enforcement while it was optional. Browsers now require CT for every publicly trusted
    /// certificate, and Chrome — the only browser that implemented the header — removed it in
    /// version 107. The header does nothing but add bytes to every response.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Expect-CT: max-age=86400, enforce
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Home</title>
    /// ```
    ///
    /// ## Fix
    /// Remove `Expect-CT`.
    pub static OBSOLETE_EXPECT_CT = {
        code: "SEC017",
        name: "obsolete-expect-ct",
        category: Security,
        severity: Info,
        summary: "Expect-CT is obsolete and ignored by browsers",
        specs: [
            rfc(9163, ""),
            StaticSpec::Other("MDN: Expect-CT", "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Expect-CT"),
        ],
        requires: &["Expect-CT"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, _)) = super::present(c, "Expect-CT") else { return };
    c.report(
        Target::Header { name: "Expect-CT".into(), index: Some(i) },
        "`Expect-CT` is obsolete: Certificate Transparency is enforced for all certificates, and browsers ignore the header.",
        "Remove `Expect-CT`.",
    );
}
