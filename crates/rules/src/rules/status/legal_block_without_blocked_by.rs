use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::{Checker, Presence, Target};
use crate::spec::rfc;

declare_rule! {
    /// ## What it checks
    /// A `451 Unavailable For Legal Reasons` without a `Link` header with `rel="blocked-by"`.
    ///
    /// ## Why it matters
    /// RFC 7725 §4: "When an entity blocks access to a resource and returns status 451, it
    /// SHOULD include a 'Link' HTTP header field whose value is a URI reference identifying
    /// itself. When used for this purpose, the 'Link' header field MUST have a 'rel' parameter
    /// whose value is 'blocked-by'." It tells people and transparency projects (such as the
    /// Lumen database) who is doing the blocking — the site, an ISP, or a national filter.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 451 Unavailable For Legal Reasons
    /// Content-Type: text/html
    ///
    /// <p>This content is not available in your country.</p>
    /// ```
    ///
    /// ## Fix
    /// Add `Link: <https://example.com/legal>; rel="blocked-by"` identifying the blocking
    /// entity, and explain the legal demand in the content.
    pub static LEGAL_BLOCK_WITHOUT_BLOCKED_BY = {
        code: "STA042",
        name: "legal-block-without-blocked-by",
        category: Status,
        severity: Info,
        summary: "A 451 response should identify the blocking entity with Link rel=blocked-by",
        specs: [rfc(7725, "4"), rfc(8288, "3.3")],
        statuses: Codes(&[451]),
        check: check,
    }
}

/// The `rel` values of a Link field value (RFC 8288 §3): segments split on `;` and `,` outside
/// `<…>` and quoted strings; relation types split on whitespace, lower-cased.
fn rel_types(v: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut segs = Vec::new();
    let (mut cur, mut in_q, mut in_angle, mut esc) = (String::new(), false, false, false);
    for ch in v.chars() {
        if esc {
            esc = false;
            cur.push(ch);
            continue;
        }
        match ch {
            '\\' if in_q => esc = true,
            '"' if !in_angle => in_q = !in_q,
            '<' if !in_q => in_angle = true,
            '>' if !in_q => in_angle = false,
            ';' | ',' if !in_q && !in_angle => {
                segs.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        if ch != '\\' || !in_q {
            cur.push(ch);
        }
    }
    segs.push(cur);
    for s in segs {
        let Some((n, val)) = s.split_once('=') else { continue };
        if !n.trim_fast().eq_ignore_ascii_case("rel") {
            continue;
        }
        let val = val.trim_fast().trim_matches('"');
        out.extend(val.split_ascii_whitespace().map(|t| t.to_ascii_lowercase()));
    }
    out
}

fn check(c: &mut Checker<'_>) {
    if c.status() != 451 {
        return;
    }
    if matches!(c.header("Link"), Presence::Hidden) {
        return;
    }
    let blocked_by = c.header_lines("Link").any(|(_, v)| rel_types(v).iter().any(|r| r == "blocked-by"));
    if !blocked_by {
        c.report(
            Target::Header { name: "Link".into(), index: None },
            "This `451 Unavailable For Legal Reasons` does not say who blocks the resource: no `Link` with `rel=\"blocked-by\"`.",
            "Add `Link: <https://…>; rel=\"blocked-by\"` identifying the blocking entity.",
        );
    }
}
