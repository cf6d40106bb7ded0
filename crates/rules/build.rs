//! Derives the *core* knowledge base (the fields rules and the simulator read) from the full
//! data in `data/codes/*.json`, so that a build without the `full-kb` feature embeds only that.

use std::path::Path;

const FILES: &[&str] = &["1xx.json", "2xx.json", "3xx.json", "4xx.json", "5xx.json", "unofficial.json"];
const CORE_FIELDS: &[&str] =
    &["code", "reason", "registry_status", "registry_note", "spec", "critical_headers", "body", "cacheable_by_default"];

fn main() {
    let dir = Path::new("data/codes");
    println!("cargo:rerun-if-changed=data/codes");
    let mut core = Vec::new();
    for f in FILES {
        let path = dir.join(f);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for entry in v.as_array().unwrap_or_else(|| panic!("{}: not an array", path.display())) {
            let mut out = serde_json::Map::new();
            for k in CORE_FIELDS {
                if let Some(x) = entry.get(*k) {
                    out.insert((*k).to_string(), x.clone());
                }
            }
            core.push(serde_json::Value::Object(out));
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("core.json");
    std::fs::write(out, serde_json::to_string(&core).expect("serialise")).expect("write core.json");
}
