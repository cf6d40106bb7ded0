use crate::declare_rule;
use crate::registry::{Checker, Severity};
use crate::rules::structured::{describe, dictionary_lines, Value};
use crate::spec::{rfc, StaticSpec};

use super::digest::unregistered_algorithm;
use super::syntax::at;

declare_rule! {
    /// ## What it checks
    /// A `Want-Content-Digest` or `Want-Repr-Digest` that is not what RFC 9530 §4 defines: a
    /// Structured Field Dictionary whose keys are hash algorithms and whose values are
    /// preferences, Integers from 0 ("not acceptable") to 10 (most preferred). A value out of
    /// that range, a value of another type (`sha-256=high`, `sha-256=0.5`) or a field that does
    /// not parse is reported; an algorithm that is not in the IANA registry is reported at
    /// `info` (at `warning` when it is a misspelt registered name such as `sha256`).
    ///
    /// ## Why it matters
    /// With these fields a server asks its clients to send integrity fields in their requests,
    /// and says which algorithms it accepts. A recipient that cannot read the field, or the
    /// preference, has nothing to go by: it sends no digest, or one the server will not check.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    /// Want-Content-Digest: sha-256=high, sha-512=20
    ///
    /// {"upload": "ready"}
    /// ```
    ///
    /// ## Fix
    /// Give each algorithm an Integer preference from 1 to 10 (0 to refuse it):
    /// `Want-Content-Digest: sha-512=10, sha-256=5`.
    pub static INVALID_WANT_DIGEST = {
        code: "HDR056",
        name: "invalid-want-digest",
        category: Headers,
        severity: Warning,
        summary: "Want-Content-Digest and Want-Repr-Digest must map algorithms to preferences 0–10",
        specs: [
            rfc(9530, "4"),
            rfc(9651, "3.2"),
            StaticSpec::Other("IANA: Hash Algorithms for HTTP Digest Fields", "https://www.iana.org/assignments/http-digest-hash-alg/http-digest-hash-alg.xhtml"),
        ],
        requires: &FIELDS,
        check: check,
    }
}

const FIELDS: [&str; 2] = ["Want-Content-Digest", "Want-Repr-Digest"];

fn check(c: &mut Checker<'_>) {
    let mut findings = Vec::new();
    for name in FIELDS {
        let Some((index, _)) = c.header_lines(name).next() else { continue };
        let target = || at(name, index);
        let members = match dictionary_lines(c.header_lines(name).map(|(_, line)| line)) {
            Ok(m) => m,
            Err((e, line)) => {
                findings.push((
                    Severity::Warning,
                    target(),
                    format!("`{name}: {line}` is not a Structured Field Dictionary ({}): recipients ignore the field.", describe(&e, line)),
                    format!("Write lower-case algorithms with Integer preferences, e.g. `{name}: sha-256=10`."),
                ));
                continue;
            }
        };
        for (alg, member) in members {
            match member.value {
                Value::Integer(0..=10) => {}
                Value::Integer(n) => findings.push((
                    Severity::Warning,
                    target(),
                    format!("`{alg}={n}` in `{name}` is out of range: a preference is an Integer from 0 (not acceptable) to 10 (most preferred)."),
                    format!("Give `{alg}` a preference from 1 to 10, or 0 to refuse it."),
                )),
                ref other => findings.push((
                    Severity::Warning,
                    target(),
                    format!("`{alg}` in `{name}` is {}, but a preference is an Integer from 0 to 10.", other.kind()),
                    format!("Write `{alg}=10` (most preferred) down to `{alg}=1`, or `{alg}=0` to refuse it."),
                )),
            }
            if let Some((severity, message, fix)) = unregistered_algorithm(alg, name, "Ask for `sha-256` or `sha-512`.") {
                findings.push((severity, target(), message, fix));
            }
        }
    }
    for (severity, target, message, fix) in findings {
        c.report_with(severity, target, message, fix);
    }
}
