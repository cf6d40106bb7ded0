use crate::declare_rule;
use crate::registry::{Checker, Target};
use crate::spec::rfc;


declare_rule! {
    /// ## What it checks
    /// JSON content (`application/json`, `…+json`) with an object that repeats a member name,
    /// e.g. `{"id": 1, "id": 2}`.
    ///
    /// ## Why it matters
    /// RFC 8259 §4: "The names within an object SHOULD be unique", because "when the names
    /// within an object are not unique, the behavior of software that receives such an object
    /// is unpredictable": most parsers keep the last value, some the first, some reject the
    /// document. Two components reading the same message can disagree about its meaning — a
    /// classic way to smuggle a value past a validator.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Content-Type: application/json
    ///
    /// {"user": "alice", "role": "viewer", "role": "admin"}
    /// ```
    ///
    /// ## Fix
    /// Build the body from a map or a serializer that cannot emit the same key twice.
    pub static DUPLICATE_JSON_KEYS = {
        code: "CNT012",
        name: "duplicate-json-keys",
        category: Content,
        severity: Warning,
        summary: "JSON object member names should be unique",
        specs: [rfc(8259, "4")],
        requires: &["Content-Type"],
        check: check,
    }
}

/// Walks a JSON value and records the JSON Pointer of the first repeated member name.
fn check(c: &mut Checker<'_>) {
    let Some(pointer) = super::json::response_json(c).and_then(|j| j.duplicate.as_deref()) else { return };
    c.report(
        Target::Body,
        format!("The JSON repeats the member `{pointer}` in one object: parsers disagree on which value counts."),
        "Emit each member name once per object.",
    );
}
