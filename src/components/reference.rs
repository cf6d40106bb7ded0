use statuslab_rules::codes::{self, StatusClass};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::app::Nav;
use crate::route::Route;
use crate::text::rich;

/// `/status`: every code, grouped by class.
#[component]
pub fn StatusIndex() -> Html {
    let classes = [
        StatusClass::Informational,
        StatusClass::Successful,
        StatusClass::Redirection,
        StatusClass::ClientError,
        StatusClass::ServerError,
    ];
    html! {
        <div class="app">
            <Nav />
            <main class="page reference">
                <h1>{ "HTTP status codes" }</h1>
                { for classes.iter().map(|c| html! {
                    <section>
                        <h2>{ format!("{} {}", c.digit_label(), c.title()) }</h2>
                        <ul class="code-list">
                            { for codes::all().iter().filter(|e| e.class() == *c).map(|e| html! {
                                <li>
                                    <Link<Route> to={Route::Status { code: e.code.to_string() }}>
                                        <span class="code">{ e.code }</span>{ " " }{ e.reason.clone() }
                                    </Link<Route>>
                                </li>
                            }) }
                        </ul>
                    </section>
                }) }
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StatusPageProps {
    pub code: AttrValue,
}

/// `/status/{code}`.
#[component]
pub fn StatusPage(props: &StatusPageProps) -> Html {
    let entry = props.code.parse::<u16>().ok().and_then(codes::get);
    let body = match entry {
        None => html! {
            <>
                <h1>{ "Unknown status code" }</h1>
                <p data-testid="error">{ format!("“{}” is not a status code in the reference.", props.code) }</p>
                <Link<Route> to={Route::StatusIndex}>{ "All status codes" }</Link<Route>>
            </>
        },
        Some(e) => html! {
            <>
                <h1>{ format!("{} {}", e.code, e.reason) }</h1>
                <p class="muted">{ format!("{} · ", e.class().title()) }
                    <a href={e.spec.url()} target="_blank" rel="noopener noreferrer">{ e.spec.label() }</a></p>
                <p>{ rich(&e.meaning) }</p>
                <a class="button primary" href={format!("/?try={}", e.code)}>{ "Try it live" }</a>
            </>
        },
    };
    html! {
        <div class="app">
            <Nav />
            <main class="page reference">{ body }</main>
        </div>
    }
}
