//! The Fetch standard's CORS algorithms, as pure functions named after the spec
//! (<https://fetch.spec.whatwg.org/>). Where Chromium differs from the spec text, the verdict
//! follows Chromium (the browser is the ground truth) and the explanation says so.

pub mod address_space;
pub mod cors;
pub mod headers;
pub mod mixed_content;
pub mod redirect;

pub use address_space::*;
pub use cors::*;
pub use headers::*;
pub use mixed_content::*;
