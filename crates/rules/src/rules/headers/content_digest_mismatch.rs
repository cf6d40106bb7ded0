use crate::model::TrimExt;
use base64::Engine;
use sha2::{Digest, Sha256, Sha512};

use crate::declare_rule;
use crate::registry::{Checker, Presence};
use crate::rules::structured::{Member, Value};
use crate::spec::rfc;

use super::digest::{digest_fields, DigestField};
use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// A `sha-256` or `sha-512` member of `Content-Digest` or `Repr-Digest` that does not match
    /// the body. Only when the body is known to be the complete content as sent: a `200`
    /// response (whose content is the whole selected representation, so both fields cover
    /// the same bytes) to a
    /// request other than `HEAD`, without `Content-Encoding` (or only `identity`, since a
    /// capture may hold decoded bytes), `Transfer-Encoding` or `Content-Range`, whose body
    /// length agrees with `Content-Length` (an empty body counts only with
    /// `Content-Length: 0`). Line ends pasted after the body are forgiven.
    ///
    /// ## Why it matters
    /// `Content-Digest` is the digest of the message content (RFC 9530 §2), `Repr-Digest` that
    /// of the selected representation (§3), which a complete `200` carries whole. A recipient that
    /// checks it — a signature verifier (RFC 9421), an API client, a download tool — rejects a
    /// message whose digest does not match, as if it had been tampered with. A stale digest
    /// (computed before templating or minification) breaks every such client.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// Content-Length: 18
    /// Content-Digest: sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:
    ///
    /// {"hello": "world"}
    /// ```
    ///
    /// ## Fix
    /// Compute the digest over the bytes actually sent, after any templating and content
    /// coding: `Content-Digest: sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:`.
    pub static CONTENT_DIGEST_MISMATCH = {
        code: "HDR055",
        name: "content-digest-mismatch",
        category: Headers,
        severity: Error,
        summary: "A Content-Digest or Repr-Digest sha-256/sha-512 must match the content",
        specs: [rfc(9530, "2"), rfc(9530, "3"), rfc(9530, "6")],
        requires: &["Content-Digest", "Repr-Digest"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 200 || c.method() == Some("HEAD") {
        return;
    }
    if !matches!(c.header("Transfer-Encoding"), Presence::Absent) || !matches!(c.header("Content-Range"), Presence::Absent) {
        return;
    }
    match c.header("Content-Encoding") {
        Presence::Absent => {}
        Presence::Hidden => return,
        Presence::Present(..) => {
            if c.header_members("Content-Encoding").any(|m| !m.eq_ignore_ascii_case("identity")) {
                return;
            }
        }
    }
    let body = c.response().body.as_slice();
    let declared = c.header_value("Content-Length").map(|v| v.trim_fast().parse::<u64>());
    // Without the bytes the server sent line ends pasted after the body (a common artefact of
    // copying a response) are the only difference forgiven.
    let trimmed = &body[..body.len() - body.iter().rev().take_while(|&&b| b == b'\r' || b == b'\n').count()];
    match declared {
        Some(Ok(n)) if n == body.len() as u64 || n == trimmed.len() as u64 => {}
        // A mismatch is `content-length-mismatch`'s business: the capture may be truncated.
        Some(_) => return,
        None if body.is_empty() => return,
        None => {}
    }
    let candidates: &[&[u8]] = if trimmed.len() == body.len() { &[body] } else { &[body, trimmed] };
    for field in digest_fields(c).iter().flatten() {
        let Ok(members) = &field.parsed else { continue };
        check_field(c, field, members, body.len(), candidates);
    }
}

/// Reports each `sha-256`/`sha-512` member of `field` that no candidate body hashes to.
fn check_field(c: &mut Checker<'_>, field: &DigestField<'_>, members: &[(&str, Member<'_>)], len: usize, candidates: &[&[u8]]) {
    let name = field.name;
    for (alg, member) in members {
        let Value::Bytes(claimed) = &member.value else { continue };
        let actual: Vec<Vec<u8>> = match *alg {
            "sha-256" if claimed.len() == 32 => candidates.iter().map(|b| Sha256::digest(b).to_vec()).collect(),
            "sha-512" if claimed.len() == 64 => candidates.iter().map(|b| Sha512::digest(b).to_vec()).collect(),
            _ => continue,
        };
        if actual.iter().any(|a| a == claimed) {
            continue;
        }
        let b64 = base64::engine::general_purpose::STANDARD;
        let (claimed, actual) = (b64.encode(claimed), b64.encode(&actual[0]));
        c.report(
            at(field.name, field.index),
            format!("`{name}` gives `{alg}=:{claimed}:` but the {len}-byte content hashes to `:{actual}:`: clients that verify the digest reject the response."),
            format!("Compute the digest over the bytes actually sent: `{name}: {alg}=:{actual}:`."),
        );
    }
}
