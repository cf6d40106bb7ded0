use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::{rfc, StaticSpec};

declare_rule! {
    /// ## What it checks
    /// A `Public-Key-Pins` or `Public-Key-Pins-Report-Only` header (HPKP, RFC 7469).
    ///
    /// ## Why it matters
    /// HTTP Public Key Pinning was removed from Chrome (version 72) and Firefox (version 72)
    /// and never implemented elsewhere: it was too easy to lock users out of a site for months
    /// with a lost key or a wrong pin ("HPKP suicide"), and attackers who took over a site could
    /// pin their own keys (ransom pinning). The header protects no one today, but signals a
    /// configuration that nobody has reviewed in years — and old clients that still honour it
    /// can break when certificates rotate.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Public-Key-Pins: pin-sha256="d6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM="; pin-sha256="E9CZ9INDbd+2eRQozYqqbQ2yXLVKB9+xcprMF+44U1g="; max-age=5184000
    /// Content-Type: text/html; charset=utf-8
    ///
    /// <!doctype html><title>Bank</title>
    /// ```
    ///
    /// ## Fix
    /// Remove the header. Certificate Transparency (now enforced by browsers) and CAA DNS
    /// records address the same threat without the lock-out risk.
    pub static OBSOLETE_PUBLIC_KEY_PINS = {
        code: "SEC020",
        name: "obsolete-public-key-pins",
        category: Security,
        severity: Warning,
        summary: "HTTP Public Key Pinning was removed from browsers and should not be sent",
        specs: [rfc(7469, "2.1"), StaticSpec::Other("MDN: HTTP Public Key Pinning (HPKP)", "https://developer.mozilla.org/en-US/docs/Glossary/HPKP")],
        requires: &["Public-Key-Pins", "Public-Key-Pins-Report-Only"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for name in ["Public-Key-Pins", "Public-Key-Pins-Report-Only"] {
        let Some((i, _)) = super::present(c, name) else { continue };
        c.report(
            Target::Header { name: name.to_string().into(), index: Some(i) },
            format!("`{name}` (HPKP) was removed from browsers: it protects no one, and clients that still honour it can lock users out when certificates change."),
            format!("Remove `{name}`; rely on Certificate Transparency and CAA records."),
        );
    }
}
