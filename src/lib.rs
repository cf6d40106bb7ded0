//! Status Lab's browser app: compose a request, send it with the browser's own `fetch`, and see
//! the exchange annotated by the shared rules crate.

pub mod alloc;
pub mod browser;
pub mod components;
pub mod deferred;
pub mod explain;
pub mod lazy;
pub mod net;
pub mod observe;
pub mod permalink;
pub mod reference_data;
pub mod route;
pub mod rules_data;
pub mod state;
pub mod text;
pub mod timing;
pub mod weburl;
#[cfg(all(feature = "views", target_arch = "wasm32"))]
pub mod views;

pub use components::app::App;
