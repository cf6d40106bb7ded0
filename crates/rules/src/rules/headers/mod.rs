//! Field syntax: one module per header field.

pub mod invalid_retry_after;
