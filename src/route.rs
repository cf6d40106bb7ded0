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

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppLinkProps {
    pub to: Route,
    #[prop_or_default]
    pub classes: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to an app route that works from both wasm modules (see `deferred`): it pushes the URL
/// and fires `popstate`, which the router of the first-load module listens to. Modified clicks
/// (new tab, …) keep the browser's default.
#[component]
pub fn AppLink(props: &AppLinkProps) -> Html {
    let href = props.to.to_path();
    let onclick = {
        let href = href.clone();
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            navigate(&href);
        })
    };
    html! { <a href={href} class={props.classes.clone()} {onclick}>{ props.children.clone() }</a> }
}

/// Goes to `path` inside the app without a page load.
pub fn navigate(path: &str) {
    let Some(w) = web_sys::window() else { return };
    if let Ok(h) = w.history() {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path));
    }
    if let Ok(ev) = web_sys::PopStateEvent::new("popstate") {
        let _ = w.dispatch_event(&ev);
    }
    w.scroll_to_with_x_and_y(0.0, 0.0);
}
