use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::{rfc, StaticSpec};

use super::syntax::{at, content_type, ENCODING_LABELS, REPLACEMENT_LABELS};

declare_rule! {
    /// ## What it checks
    /// A `Content-Type` `charset` that is not a label of the WHATWG Encoding Standard — the
    /// list of encodings browsers decode (`utf-8`, `iso-8859-1`, `windows-1252`, `shift_jis` …,
    /// compared case-insensitively) — or one that browsers deliberately decode as a single
    /// replacement character (`iso-2022-kr`, `hz-gb-2312` …). Binary types are left to
    /// `charset-on-binary-type`.
    ///
    /// ## Why it matters
    /// RFC 9110 §8.3.2: charsets are named by IANA-registered names, but browsers only know
    /// the Encoding Standard's labels and ignore any other `charset`: they fall back to
    /// sniffing or to a locale-dependent default, so text may show as mojibake. A typo such
    /// as `utf8mb4` or `UTF_8` has the same effect.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: text/html; charset=utf8mb4
    ///
    /// <p>Grüße</p>
    /// ```
    ///
    /// ## Fix
    /// Encode text as UTF-8 and say so: `Content-Type: text/html; charset=utf-8`.
    pub static UNKNOWN_CHARSET = {
        code: "HDR016",
        name: "unknown-charset",
        category: Headers,
        severity: Info,
        summary: "The charset should be an encoding label browsers know",
        specs: [
            rfc(9110, "8.3.2"),
            StaticSpec::Other("Encoding Standard §4.2 Names and labels", "https://encoding.spec.whatwg.org/#names-and-labels"),
        ],
        requires: &["Content-Type"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some((i, mt)) = content_type(c) else { return };
    let Some(cs) = mt.param("charset") else { return };
    if mt.is_binary() {
        // `charset-on-binary-type` says the parameter means nothing there.
        return;
    }
    let label = cs.trim_fast();
    // The label nearly every response sends.
    if label.eq_ignore_ascii_case("utf-8") {
        return;
    }
    let known = |labels: &[&str]| labels.iter().any(|l| l.eq_ignore_ascii_case(label));
    let fix = || format!("Encode the text as UTF-8 and send `Content-Type: {}; charset=utf-8`.", mt.essence());
    if known(REPLACEMENT_LABELS) {
        c.report(
            at("Content-Type", i),
            format!("`charset={cs}` is an encoding browsers refuse to decode: they show the content as a single replacement character."),
            fix(),
        );
    } else if !known(ENCODING_LABELS) {
        c.report(
            at("Content-Type", i),
            format!("`charset={cs}` is not an encoding label browsers know; they ignore it and guess the encoding."),
            fix(),
        );
    }
}
