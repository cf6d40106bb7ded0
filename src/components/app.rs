use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::playground::Playground;
use std::rc::Rc;

use crate::deferred::{Deferred, View};
use crate::route::{AppLink, Route};

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Playground embed={false} /> },
        Route::Embed => html! { <Playground embed={true} /> },
        Route::StatusIndex => html! { <Deferred view={Rc::new(View::StatusIndex)} /> },
        Route::Status { code } => html! { <Deferred view={Rc::new(View::StatusPage(code))} /> },
        Route::RulesIndex => html! { <Deferred view={Rc::new(View::RulesIndex)} /> },
        Route::Rule { code } => html! { <Deferred view={Rc::new(View::RulePage(code))} /> },
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
            <AppLink to={Route::Home} classes="brand">{ "Status Lab" }</AppLink>
            <nav aria-label="Main">
                <AppLink to={Route::Home}>{ "Playground" }</AppLink>
                <AppLink to={Route::StatusIndex}>{ "Status codes" }</AppLink>
                <AppLink to={Route::RulesIndex}>{ "Rules" }</AppLink>
            </nav>
        </header>
    }
}

#[component]
pub fn App() -> Html {
    // The views module starts downloading as soon as the first render is on screen.
    use_effect_with((), |_| crate::deferred::prefetch());
    html! {
        <BrowserRouter>
            <Switch<Route> render={switch} />
        </BrowserRouter>
    }
}
