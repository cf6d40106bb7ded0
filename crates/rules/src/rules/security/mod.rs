//! Hardening headers.

pub mod missing_nosniff;
