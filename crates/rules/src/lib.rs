//! Status Lab's rules: pure HTTP knowledge shared by the browser app, the CLI and the simulator.
//!
//! No I/O, no threads, no clock ("now" is an input in [`LintContext`]). Builds for native targets
//! and for `wasm32-unknown-unknown`.

pub mod codes;
pub mod fetch;
pub mod http1;
pub mod import;
pub mod model;
pub mod registry;
pub mod rules;
pub mod spec;
pub mod snippets;
#[cfg(test)]
mod testing;

pub use model::{Exchange, Headers, LintContext, Request, Response, Visibility};
pub use registry::{find_rule, lint, run_rule, Category, Finding, Rule, Severity, Statuses, Target};
pub use rules::caching::analysis as cache;
pub use rules::RULES;
