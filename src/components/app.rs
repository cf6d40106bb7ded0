use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::playground::Playground;
use crate::components::reference::{StatusIndex, StatusPage};
use crate::components::rules_pages::{RulePage, RulesIndex};
use crate::route::Route;

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Playground embed={false} /> },
        Route::Embed => html! { <Playground embed={true} /> },
        Route::StatusIndex => html! { <StatusIndex /> },
        Route::Status { code } => html! { <StatusPage code={AttrValue::from(code)} /> },
        Route::RulesIndex => html! { <RulesIndex /> },
        Route::Rule { code } => html! { <RulePage code={AttrValue::from(code)} /> },
        Route::NotFound => html! {
            <main class="page">
                <h1>{ "Page not found" }</h1>
                <p>{ "There is no page at this address. " }<Link<Route> to={Route::Home}>{ "Open the playground" }</Link<Route>></p>
            </main>
        },
    }
}

#[component]
pub fn Nav() -> Html {
    html! {
        <header class="topbar">
            <Link<Route> to={Route::Home} classes="brand">{ "Status Lab" }</Link<Route>>
            <nav aria-label="Main">
                <Link<Route> to={Route::Home}>{ "Playground" }</Link<Route>>
                <Link<Route> to={Route::StatusIndex}>{ "Status codes" }</Link<Route>>
                <Link<Route> to={Route::RulesIndex}>{ "Rules" }</Link<Route>>
            </nav>
        </header>
    }
}

#[component]
pub fn App() -> Html {
    html! {
        <BrowserRouter>
            <Switch<Route> render={switch} />
        </BrowserRouter>
    }
}
