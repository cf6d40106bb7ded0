use crate::model::TrimExt;
use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use std::collections::HashMap;

use super::cache_control;

declare_rule! {
    /// ## What it checks
    /// The same cache directive given twice, with different arguments, in the response's
    /// `Cache-Control` lines (`max-age=60, max-age=0`, or one line from the application and
    /// another from a proxy).
    ///
    /// ## Why it matters
    /// RFC 9111 §4.2.1: "When there is more than one value present for a given directive …
    /// either the first occurrence should be used or the response should be considered stale."
    /// Caches therefore disagree about the lifetime, and the value that wins is rarely the one
    /// you tested. The duplicate usually means two layers (framework, server config, CDN rule)
    /// each set caching policy.
    ///
    /// ## Example
    /// ```http
    /// HTTP/1.1 200 OK
    /// Cache-Control: max-age=3600
    /// Cache-Control: max-age=0
    /// Content-Type: text/html
    /// ```
    ///
    /// ## Fix
    /// Set caching policy in one place and send each directive once.
    pub static DUPLICATE_CACHE_DIRECTIVE = {
        code: "CAC009",
        name: "duplicate-cache-directive",
        category: Caching,
        severity: Warning,
        summary: "A cache directive appears more than once with different values",
        specs: [rfc(9111, "4.2.1"), rfc(9111, "5.2")],
        requires: &["Cache-Control"],
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    let ds = &cc.directives;
    // The first directive of each name: a scan for the usual handful, a map when there are many
    // (so the rule stays linear in the directives).
    const SCAN_LIMIT: usize = 16;
    let firsts: Option<HashMap<&str, usize>> = (ds.len() > SCAN_LIMIT).then(|| {
        let mut m = HashMap::new();
        for (i, d) in ds.iter().enumerate() {
            m.entry(d.name.as_ref()).or_insert(i);
        }
        m
    });
    let first_of = |j: usize| match &firsts {
        Some(m) => m.get(ds[j].name.as_ref()).copied().unwrap_or(j),
        None => ds.iter().position(|d| d.name == ds[j].name).unwrap_or(j),
    };
    // Arguments compare trimmed and case-insensitively.
    let same_arg = |a: Option<&str>, b: Option<&str>| match (a, b) {
        (Some(a), Some(b)) => a.trim_fast().eq_ignore_ascii_case(b.trim_fast()),
        (a, b) => a.is_none() && b.is_none(),
    };
    if ds.len() < 2 {
        return;
    }
    // Indexed by the first directive of a name: whether that name was reported (allocated at
    // the first finding; most fields have none).
    let mut reported: Vec<bool> = Vec::new();
    let mut findings = Vec::new();
    for (j, d) in ds.iter().enumerate() {
        if d.name.is_empty() {
            continue;
        }
        let i = first_of(j);
        if i == j || reported.get(i).copied().unwrap_or(false) || same_arg(ds[i].arg.as_deref(), d.arg.as_deref()) {
            continue;
        }
        if reported.is_empty() {
            reported.resize(ds.len(), false);
        }
        reported[i] = true;
        findings.push((d.target("Cache-Control"), ds[i].raw, d.raw));
    }
    for (target, a, b) in findings {
        c.report(
            target,
            format!("`Cache-Control` has both `{a}` and `{b}`: caches either use the first or treat the response as stale."),
            "Send each cache directive once, from one layer of your stack.",
        );
    }
}
