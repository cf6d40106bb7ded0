use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::{rfc, StaticSpec};

use super::digest::{algorithm, digest_fields};
use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// A `Content-Digest` or `Repr-Digest` member using an algorithm the IANA "Hash Algorithms
    /// for HTTP Digest Fields" registry marks *Deprecated*: `md5`, `sha` (SHA-1), `unixsum`,
    /// `unixcksum`, `adler` and `crc32c`.
    ///
    /// ## Why it matters
    /// These algorithms are either broken (MD5 and SHA-1 collisions are practical) or were
    /// never meant to resist tampering (checksums). RFC 9530 §5 keeps them registered for
    /// compatibility with the obsolete `Digest` field: they "MAY be used to preserve integrity
    /// against corruption, but MUST NOT be used in a potentially adversarial setting", such as
    /// a signed message. Anyone who relies on them for more than catching accidental corruption
    /// is easily fooled.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/plain
    /// Repr-Digest: md5=:XUFAKrxLKna5cZ2REBfFkg==:
    ///
    /// hello
    /// ```
    ///
    /// ## Fix
    /// Send `sha-256` (or `sha-512`) instead: `Repr-Digest: sha-256=:…:`.
    pub static INSECURE_DIGEST_ALGORITHM = {
        code: "HDR054",
        name: "insecure-digest-algorithm",
        category: Headers,
        severity: Warning,
        summary: "Digest fields should use sha-256 or sha-512, not a deprecated algorithm",
        specs: [
            rfc(9530, "5"),
            StaticSpec::Other("IANA: Hash Algorithms for HTTP Digest Fields", "https://www.iana.org/assignments/http-digest-hash-alg/http-digest-hash-alg.xhtml"),
        ],
        requires: &["Content-Digest", "Repr-Digest"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for field in digest_fields(c).iter().flatten() {
        let Ok(members) = &field.parsed else { continue };
        for (alg, _) in members {
            if let Some((false, _)) = algorithm(alg) {
                c.report(
                    at(field.name, field.index),
                    format!("`{alg}` in `{}` is registered as Deprecated (not collision-resistant): it catches accidental corruption only, and must not be relied on against tampering (RFC 9530 §5).", field.name),
                    format!("Use `sha-256` or `sha-512` instead of `{alg}`."),
                );
            }
        }
    }
}
