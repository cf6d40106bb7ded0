//! The knowledge base against the IANA registry (a copy of it is kept as test data) and against
//! its own completeness rules.

use std::collections::HashSet;

use statuslab_rules::codes::{self, BodyRule, RegistryStatus, Requirement, Snippet};

fn registry() -> Vec<(u16, String, String)> {
    let text = include_str!("data/http-status-codes.csv");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            // code,reason,reference,registry_status — reasons and references hold no commas.
            let cols: Vec<&str> = l.splitn(4, ',').collect();
            (cols[0].parse().unwrap(), cols[1].to_string(), cols[3].to_string())
        })
        .collect()
}

#[test]
fn every_registered_code_is_present_with_the_registry_reason_and_status() {
    for (code, reason, status) in registry() {
        let e = codes::get(code).unwrap_or_else(|| panic!("{code} missing"));
        assert!(e.is_official(), "{code}: must be the registered entry");
        assert_eq!(e.reason, reason, "{code}: reason phrase");
        let expected = match status.as_str() {
            "permanent" => RegistryStatus::Permanent,
            "deprecated" => RegistryStatus::Deprecated,
            "unused" => RegistryStatus::Unused,
            "obsolete" => RegistryStatus::Obsolete,
            s if s.starts_with("temporary") => RegistryStatus::Provisional,
            s => panic!("{code}: unknown registry status {s}"),
        };
        assert_eq!(e.registry_status, expected, "{code}");
    }
}

#[test]
fn non_permanent_and_unofficial_entries_say_why() {
    let registered: HashSet<u16> = registry().into_iter().map(|(c, ..)| c).collect();
    for e in codes::all() {
        if e.registry_status != RegistryStatus::Permanent {
            assert!(e.registry_note.as_deref().is_some_and(|n| !n.is_empty()), "{}: registry_note", e.code);
        }
        if !e.is_official() {
            assert!(!registered.contains(&e.code) || codes::all().iter().filter(|x| x.code == e.code).count() == 2);
        }
    }
    // 104's temporary registration expired on 2026-11-13: shown as provisional, with the expiry.
    let e104 = codes::get(104).unwrap();
    assert_eq!(e104.registry_status, RegistryStatus::Provisional);
    assert!(e104.registry_note.as_ref().unwrap().contains("2026-11-13"));
    for c in [305, 306, 418, 510] {
        assert_ne!(codes::get(c).unwrap().registry_status, RegistryStatus::Permanent, "{c}");
    }
    for c in [444, 499, 520, 521, 522, 523, 524, 525, 526] {
        assert_eq!(codes::get(c).unwrap().registry_status, RegistryStatus::Unofficial, "{c}");
    }
}

#[test]
fn every_entry_has_every_required_field() {
    for e in codes::all() {
        let c = e.code;
        assert!(!e.meaning.trim().is_empty(), "{c}: meaning");
        assert!(!e.guarantees.is_empty(), "{c}: guarantees");
        assert!(!e.not_guaranteed.is_empty(), "{c}: not_guaranteed");
        assert!(!e.when_to_use.is_empty(), "{c}: when_to_use");
        assert!(!e.misuses.is_empty(), "{c}: misuses");
        for m in &e.misuses {
            assert!(!m.misuse.is_empty() && !m.consequence.is_empty(), "{c}: misuse fields");
        }
        assert!(!e.caching.is_empty(), "{c}: caching");
        assert!(!e.retry.advice.is_empty(), "{c}: retry");
        assert!(["up", "down", "degraded", "depends"].contains(&e.monitoring.classification.as_str()), "{c}: monitoring");
        for (k, v) in [
            ("browsers", &e.clients.browsers),
            ("api_clients", &e.clients.api_clients),
            ("crawlers", &e.clients.crawlers),
            ("monitors", &e.clients.monitors),
            ("cdns", &e.clients.cdns),
        ] {
            assert!(!v.is_empty(), "{c}: clients.{k}");
        }
        assert!(!e.related.is_empty(), "{c}: related");
        assert!(e.spec.url().starts_with("https://"), "{c}: spec link");
        for h in &e.critical_headers {
            assert!(!h.example.is_empty() && !h.missing.is_empty(), "{c}: header {}", h.name);
            assert_eq!(h.requirement == Requirement::Conditional, h.when.is_some(), "{c}: `when` iff conditional ({})", h.name);
        }
    }
}

#[test]
fn debugging_and_faq_where_the_code_warrants_it() {
    for c in [301, 302, 304, 400, 401, 403, 404, 405, 409, 412, 415, 422, 429, 500, 502, 503, 504] {
        let e = codes::get(c).unwrap();
        assert!(!e.debugging.is_empty(), "{c}: debugging");
        assert!(!e.faq.is_empty(), "{c}: faq");
    }
}

#[test]
fn related_codes_resolve() {
    for e in codes::all() {
        for r in &e.related {
            assert!(codes::get(*r).is_some(), "{}: related {r} has no entry", e.code);
            assert_ne!(*r, e.code, "{}: related to itself", e.code);
        }
    }
}

#[test]
fn snippets_name_the_code_and_its_critical_headers() {
    for e in codes::all() {
        for (name, _, s) in e.snippets.iter() {
            match s {
                Snippet::Code { code } => {
                    assert!(code.contains(&e.code.to_string()), "{} {name}: snippet does not name the code", e.code);
                    for h in e.sent_headers() {
                        assert!(
                            code.to_ascii_lowercase().contains(&h.name.to_ascii_lowercase()),
                            "{} {name}: snippet lacks {}",
                            e.code,
                            h.name
                        );
                    }
                }
                Snippet::NotApplicable { not_applicable } => assert!(!not_applicable.is_empty(), "{} {name}: reason", e.code),
            }
        }
    }
    // Codes a framework cannot or should not send say why instead.
    for c in [306, 418] {
        let e = codes::get(c).unwrap();
        assert!(e.snippets.iter().iter().all(|(_, _, s)| matches!(s, Snippet::NotApplicable { .. })), "{c}");
    }
}

#[test]
fn cacheability_follows_rfc_9110_15_1() {
    // Heuristically cacheable by default: RFC 9110 §15.1, plus 451 (RFC 7725 §3).
    let cacheable = [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501];
    for e in codes::all() {
        assert_eq!(e.cacheable_by_default, e.is_official() && cacheable.contains(&e.code), "{}", e.code);
    }
}

#[test]
fn bodiless_codes() {
    for c in [100, 101, 102, 103, 204, 205, 304] {
        assert_eq!(codes::get(c).unwrap().body, BodyRule::None, "{c}");
    }
    assert_eq!(codes::get(200).unwrap().body, BodyRule::Allowed);
}

#[test]
fn musts_are_required_headers() {
    let req = |c: u16, h: &str| codes::get(c).unwrap().header(h).map(|x| x.requirement);
    assert_eq!(req(401, "WWW-Authenticate"), Some(Requirement::Required));
    assert_eq!(req(407, "Proxy-Authenticate"), Some(Requirement::Required));
    assert_eq!(req(405, "Allow"), Some(Requirement::Required));
    assert_eq!(req(426, "Upgrade"), Some(Requirement::Required));
    assert_eq!(req(206, "Content-Range"), Some(Requirement::Required));
    for c in [301, 302, 303, 307, 308, 201] {
        assert_eq!(req(c, "Location"), Some(Requirement::Expected), "{c}");
    }
    assert_eq!(req(429, "Retry-After"), Some(Requirement::Expected));
    assert_eq!(req(503, "Retry-After"), Some(Requirement::Expected));
    // A Basic challenge would open the browser's login dialog: the simulator uses Bearer.
    assert!(codes::get(401).unwrap().header("WWW-Authenticate").unwrap().example.starts_with("Bearer "));
}

#[test]
fn search_matches_codes_and_words() {
    let e = codes::get(429).unwrap();
    assert!(codes::matches(e, "42"));
    assert!(codes::matches(e, "too many"));
    assert!(!codes::matches(e, "teapot"));
}
