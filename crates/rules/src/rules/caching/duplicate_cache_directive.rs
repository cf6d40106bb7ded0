use crate::declare_rule;
use crate::registry::Checker;
use crate::spec::rfc;

use std::collections::{HashMap, HashSet};

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
        check: check,
    }
}

fn check(c: &mut Checker<'_>) {
    let Some(cc) = cache_control(c) else { return };
    // name -> (first directive as written, its normalised argument); linear in the directives.
    let mut first: HashMap<&str, (&str, Option<String>)> = HashMap::new();
    let mut reported: HashSet<&str> = HashSet::new();
    let mut findings = Vec::new();
    for d in &cc.directives {
        if d.name.is_empty() {
            continue;
        }
        let arg = d.arg.as_deref().map(|a| a.trim().to_ascii_lowercase());
        match first.get(d.name.as_str()) {
            None => {
                first.insert(d.name.as_str(), (d.raw.as_str(), arg));
            }
            Some((raw, a)) if *a != arg && reported.insert(d.name.as_str()) => {
                findings.push((d.target("Cache-Control"), raw.to_string(), d.raw.clone()));
            }
            Some(_) => {}
        }
    }
    for (target, a, b) in findings {
        c.report(
            target,
            format!("`Cache-Control` has both `{a}` and `{b}`: caches either use the first or treat the response as stale."),
            "Send each cache directive once, from one layer of your stack.".to_string(),
        );
    }
}
