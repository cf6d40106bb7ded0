//! The app's routes. The server answers every one of them with `index.html`.

use yew_router::Routable;

#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/status")]
    StatusIndex,
    #[at("/status/:code")]
    Status { code: String },
    #[at("/rules")]
    RulesIndex,
    #[at("/rules/:code")]
    Rule { code: String },
    #[at("/embed")]
    Embed,
    #[not_found]
    #[at("/404")]
    NotFound,
}
