//! Caching (RFC 9111).

pub mod error_without_cache_control;
