//! Meta-tests of the registry: codes, names, docs and spec references are well-formed.

use std::collections::HashSet;

use statuslab_rules::{find_rule, RULES};

#[test]
fn codes_are_unique_and_well_formed() {
    let mut seen = HashSet::new();
    for r in RULES.iter() {
        assert!(seen.insert(r.code), "duplicate code {}", r.code);
        let prefix = r.category.prefix();
        assert!(r.code.starts_with(prefix), "{} must start with {prefix} (category {:?})", r.code, r.category);
        let digits = &r.code[3..];
        assert!(digits.len() == 3 && digits.bytes().all(|b| b.is_ascii_digit()), "{}: three digits", r.code);
    }
}

#[test]
fn names_are_unique_kebab_case() {
    let mut seen = HashSet::new();
    for r in RULES.iter() {
        assert!(seen.insert(r.name), "duplicate name {}", r.name);
        assert!(
            !r.name.is_empty()
                && r.name.split('-').all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
            "{} is not kebab-case",
            r.name
        );
    }
}

#[test]
fn every_rule_is_documented_with_a_spec_link() {
    for r in RULES.iter() {
        for h in ["What it checks", "Why it matters", "Example", "Fix"] {
            let s = r.docs_section(h).unwrap_or_default();
            assert!(!s.is_empty(), "{}: docs section '{h}' missing or empty", r.code);
        }
        assert!(r.docs_section("Example").unwrap().contains("HTTP/1.1 "), "{}: example is a raw message", r.code);
        assert!(!r.specs.is_empty(), "{}: no spec reference", r.code);
        for s in r.specs {
            assert!(s.url().starts_with("https://"), "{}: spec url {}", r.code, s.url());
        }
        assert!(!r.summary.is_empty() && !r.summary.ends_with('.'), "{}: summary is one line without a period", r.code);
    }
}

#[test]
fn rules_are_found_by_code_or_name() {
    let r = find_rule("sta001").unwrap();
    assert_eq!(r.name, "unauthorized-without-challenge");
    assert_eq!(find_rule("unauthorized-without-challenge").unwrap().code, "STA001");
    assert!(find_rule("XYZ999").is_none());
}
