//! Status Lab's browser app: compose a request, send it with the browser's own `fetch`, and see
//! the exchange annotated by the shared rules crate.

pub mod components;
pub mod net;
pub mod observe;
pub mod reference_data;
pub mod route;
pub mod rules_data;
pub mod state;
pub mod text;
pub mod weburl;

pub use components::app::App;
