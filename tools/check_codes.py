#!/usr/bin/env python3
"""Structural check of crates/rules/data/codes/*.json without building Rust (the Rust tests are
the authority; this is a fast pre-check for authors). Usage: check_codes.py FILE..."""
import json, re, sys

REQ_STR = ["reason", "meaning", "caching"]
REQ_LIST = ["guarantees", "not_guaranteed", "when_to_use", "misuses", "related"]
SNIPPETS = ["express", "django_rest_framework", "fastapi", "spring_boot", "go_net_http", "axum"]
CLIENTS = ["browsers", "api_clients", "crawlers", "monitors", "cdns"]
REGISTRY = {"permanent", "provisional", "deprecated", "unused", "obsolete", "unofficial"}
RETRY = {"not-applicable", "no", "after-change", "after-delay", "backoff"}

def spec_ok(s):
    return isinstance(s, dict) and (("rfc" in s and isinstance(s["rfc"], int)) or ("fetch" in s) or ("label" in s and "url" in s))

def check(path):
    errs = []
    data = json.load(open(path))
    assert isinstance(data, list), "top level must be an array"
    for e in data:
        c = e.get("code")
        where = f"{path}:{c}"
        for k in REQ_STR:
            if not isinstance(e.get(k), str) or not e[k].strip():
                errs.append(f"{where}: {k} missing/empty")
        for k in REQ_LIST:
            if not isinstance(e.get(k), list) or not e[k]:
                errs.append(f"{where}: {k} missing/empty")
        if e.get("registry_status") not in REGISTRY:
            errs.append(f"{where}: registry_status")
        if not spec_ok(e.get("spec")):
            errs.append(f"{where}: spec")
        if e.get("body") not in ("none", "allowed"):
            errs.append(f"{where}: body")
        if not isinstance(e.get("cacheable_by_default"), bool):
            errs.append(f"{where}: cacheable_by_default")
        r = e.get("retry", {})
        if r.get("policy") not in RETRY or not r.get("advice"):
            errs.append(f"{where}: retry")
        m = e.get("monitoring", {})
        if m.get("classification") not in ("up", "down", "degraded", "depends") or not m.get("note"):
            errs.append(f"{where}: monitoring")
        for k in CLIENTS:
            if not e.get("clients", {}).get(k):
                errs.append(f"{where}: clients.{k}")
        for m in e.get("misuses", []):
            if not m.get("misuse") or not m.get("consequence"):
                errs.append(f"{where}: misuse fields")
        for h in e.get("critical_headers", []):
            if h.get("requirement") not in ("required", "expected", "conditional"):
                errs.append(f"{where}: header requirement")
            for k in ("name", "example", "missing"):
                if not h.get(k):
                    errs.append(f"{where}: header {k}")
            if not spec_ok(h.get("spec")):
                errs.append(f"{where}: header spec")
            if h.get("requirement") == "conditional" and not h.get("when"):
                errs.append(f"{where}: conditional header needs 'when'")
        sn = e.get("snippets", {})
        for k in SNIPPETS:
            s = sn.get(k)
            if not isinstance(s, dict) or not (s.get("code") or s.get("not_applicable")):
                errs.append(f"{where}: snippet {k}")
                continue
            if s.get("code"):
                if str(c) not in s["code"]:
                    errs.append(f"{where}: snippet {k} does not name the code")
                for h in e.get("critical_headers", []):
                    if h.get("requirement") in ("required", "expected") and h["name"].lower() not in s["code"].lower():
                        errs.append(f"{where}: snippet {k} lacks header {h['name']}")
        for k in ("debugging", "faq"):
            if k in e and not isinstance(e[k], list):
                errs.append(f"{where}: {k}")
        for f in e.get("faq", []):
            if not f.get("q") or not f.get("a"):
                errs.append(f"{where}: faq entry")
    return errs, [e.get("code") for e in data]

if __name__ == "__main__":
    allerrs = []
    for p in sys.argv[1:]:
        errs, codes = check(p)
        print(f"{p}: {len(codes)} entries: {codes}")
        allerrs += errs
    for e in allerrs:
        print("ERROR", e)
    sys.exit(1 if allerrs else 0)
