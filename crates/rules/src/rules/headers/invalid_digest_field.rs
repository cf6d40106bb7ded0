use crate::declare_rule;
use crate::registry::Checker;
use crate::rules::structured::Value;
use crate::spec::{rfc, StaticSpec};

use super::digest::{algorithm, digest_fields, unregistered_algorithm};
use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// A `Content-Digest` or `Repr-Digest` that is not a Structured Field Dictionary of
    /// `algorithm=:base64:` members: a parse error (upper-case `SHA-256=`, a bare base64 value
    /// without colons, the old `Digest` syntax), a value that is not a Byte Sequence, or a
    /// `sha-256`/`sha-512` digest of the wrong length (a hex digest put between colons decodes
    /// to 48 or 96 bytes, not 32 or 64). An algorithm that is not in the IANA registry is
    /// reported too: at `warning` when it is a misspelt registered name (`sha256`, `sha_512`),
    /// at `info` otherwise (`sha3-256`).
    ///
    /// ## Why it matters
    /// RFC 9530 defines both fields as Dictionaries whose values are Byte Sequences. A
    /// recipient that cannot parse the field, or does not know the algorithm, ignores it — the
    /// integrity check the server meant to offer is silently lost, or worse, a strict client
    /// rejects the message.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// Content-Digest: SHA-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=
    ///
    /// {"hello": "world"}
    /// ```
    ///
    /// ## Fix
    /// Lower-case the algorithm and put the base64 of the raw digest bytes between colons:
    /// `Content-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:`.
    pub static INVALID_DIGEST_FIELD = {
        code: "HDR053",
        name: "invalid-digest-field",
        category: Headers,
        severity: Warning,
        summary: "Content-Digest and Repr-Digest must be Dictionaries of algorithm=:base64-digest:",
        specs: [
            rfc(9530, "2"),
            rfc(9530, "3"),
            rfc(9651, "3.3.5"),
            StaticSpec::Other("IANA: Hash Algorithms for HTTP Digest Fields", "https://www.iana.org/assignments/http-digest-hash-alg/http-digest-hash-alg.xhtml"),
        ],
        requires: &["Content-Digest", "Repr-Digest"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    for field in digest_fields(c).iter().flatten() {
        let (name, target) = (field.name, at(field.name, field.index));
        let members = match &field.parsed {
            Ok(m) => m,
            Err(why) => {
                c.report(
                    target,
                    format!("`{name}: {}` is not a Structured Field Dictionary ({why}): recipients ignore the field.", field.value),
                    format!("Write lower-case algorithms with the base64 digest between colons, e.g. `{name}: sha-256=:…:`."),
                );
                continue;
            }
        };
        for (alg, member) in members {
            match (&member.value, algorithm(alg)) {
                (Value::Bytes(b), Some((_, Some(len)))) if b.len() != len => {
                    let hint = if b.len() == len * 3 / 2 { " (is it a hex digest put between colons?)" } else { "" };
                    c.report(
                        target.clone(),
                        format!("`{alg}` in `{name}` is {} bytes long, but a `{alg}` digest is {len} bytes{hint}: recipients cannot verify it.", b.len()),
                        format!("Put the base64 of the raw {len}-byte digest between colons: `{alg}=:…:`."),
                    );
                }
                (Value::Bytes(_), _) => {}
                (other, _) => c.report(
                    target.clone(),
                    format!("`{alg}` in `{name}` is {} but must be a Byte Sequence (the base64 digest between colons).", other.kind()),
                    format!("Write the digest as a Byte Sequence: `{alg}=:base64-digest:`."),
                ),
            }
            if let Some((severity, message, fix)) = unregistered_algorithm(alg, name, "Use `sha-256` or `sha-512`.") {
                c.report_with(severity, target.clone(), message, fix);
            }
        }
    }
}
