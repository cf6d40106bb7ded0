//! Content: what the body is and how it is described.

pub mod missing_content_type;
