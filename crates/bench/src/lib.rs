//! The benchmark messages, shared by the criterion benches and the in-browser benchmark.

/// A typical 12-header JSON API response.
pub const API_12: &str = include_str!("../data/api-12.http");
/// A typical 25-header HTML page response.
pub const HTML_25: &str = include_str!("../data/html-25.http");
