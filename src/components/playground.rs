use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::AbortController;
use yew::prelude::*;

use crate::components::app::Nav;
use crate::components::composer::Composer;
use crate::components::response_panel::ResponsePanel;
use crate::net::{self, Outgoing};
use crate::observe::{is_simulator, validate, with_rid, Failure};
use crate::state::{Action, Phase, State};

#[derive(Properties, PartialEq)]
pub struct PlaygroundProps {
    /// Compact, navigation-free mode for docs pages (`/embed`).
    pub embed: bool,
}

/// `?try=401` (from a reference page's "Try it live"): the simulator request for that code.
fn try_code_from_location() -> Option<u16> {
    let search = web_sys::window()?.location().search().ok()?;
    crate::weburl::query_param(&search, "try").and_then(|v| v.parse::<u16>().ok()).filter(|c| (100..=599).contains(c))
}

/// Starts a send of the composer's current request.
fn start_send(state: &UseReducerHandle<State>, ctrl: &Rc<RefCell<Option<AbortController>>>) {
    if state.is_sending() {
        return;
    }
    let seq = state.current_seq() + 1;
    let headers = state.active_headers();
    let url = state.url.trim().to_string();
    if let Err(msg) = validate(&state.method, &url, &headers, &state.body) {
        state.dispatch(Action::Started);
        state.dispatch(Action::Finished { seq, outcome: Err(Failure::bad_input(msg)) });
        return;
    }
    let page = net::page_origin();
    let (sent_url, rid) = if is_simulator(&url, &page) {
        let (u, r) = with_rid(&url, &net::new_rid());
        (u, Some(r))
    } else {
        (url, None)
    };
    let Ok(controller) = AbortController::new() else {
        state.dispatch(Action::Started);
        state.dispatch(Action::Finished { seq, outcome: Err(Failure::bad_input("this browser has no AbortController".into())) });
        return;
    };
    *ctrl.borrow_mut() = Some(controller.clone());
    let out = Outgoing {
        method: state.method.trim().to_string(),
        url: sent_url,
        headers,
        body: state.body.clone(),
        options: state.options.clone(),
    };
    let prediction = statuslab_rules::fetch::predict(&crate::components::cors_panel::cors_request(
        &page, &out.method, &out.url, &out.headers, &out.options,
    ));
    state.dispatch(Action::Started);
    let state = state.clone();
    spawn_local(async move {
        let url = out.url.clone();
        let outcome = net::send(out, controller).await;
        let network_failure = matches!(&outcome, Err(f) if f.kind == crate::observe::FailureKind::Network);
        state.dispatch(Action::Finished { seq, outcome });
        if let Some(rid) = rid {
            if let Ok(record) = net::fetch_record(&rid).await {
                state.dispatch(Action::Recorded { seq, record });
            }
        } else if network_failure && !prediction.same_origin && prediction.rejected.is_none() {
            let (no_cors, simple) = net::probe(&url, prediction.preflight_required).await;
            state.dispatch(Action::Probed { seq, result: crate::observe::interpret_probes(no_cors, simple) });
        }
    });
}

#[component]
pub fn Playground(props: &PlaygroundProps) -> Html {
    let state = use_reducer(|| State::new(format!("{}/api/status/401", net::page_origin())));
    let ctrl: Rc<RefCell<Option<AbortController>>> = use_mut_ref(|| None);

    {
        // "Try it live": load the simulator request for the code and send it once.
        let state = state.clone();
        let ctrl = ctrl.clone();
        use_effect_with((), move |_| {
            if let Some(code) = try_code_from_location() {
                state.dispatch(crate::state::Action::Load {
                    method: "GET".into(),
                    url: format!("{}/api/status/{code}", net::page_origin()),
                });
                let state = state.clone();
                // Send after the Load has been applied (next tick).
                gloo_timers::callback::Timeout::new(0, move || start_send(&state, &ctrl)).forget();
            }
        });
    }

    let on_send = {
        let state = state.clone();
        let ctrl = ctrl.clone();
        Callback::from(move |_: ()| start_send(&state, &ctrl))
    };
    let on_cancel = {
        let state = state.clone();
        let ctrl = ctrl.clone();
        Callback::from(move |_: ()| {
            if let Some(c) = ctrl.borrow_mut().take() {
                c.abort();
            }
            state.dispatch(Action::Cancel);
        })
    };

    let panel = match &state.phase {
        Phase::Idle => html! {
            <section class="panel empty" aria-label="Response">
                <p>{ "Press " }<strong>{ "Send" }</strong>{ " (or Ctrl+Enter) to send the request with this browser's own fetch(). The response appears here, annotated." }</p>
            </section>
        },
        _ => html! {
            <ResponsePanel
                phase={state.phase.clone()}
                record={state.record.clone()}
                method={AttrValue::from(state.method.clone())}
                url={AttrValue::from(state.url.clone())}
                request_headers={Rc::new(state.active_headers())}
                body={AttrValue::from(state.body.clone())}
                options={state.options.clone()}
                probe={state.probe.clone()}
                embed={props.embed}
            />
        },
    };

    html! {
        <div class={classes!("app", props.embed.then_some("embed"))}>
            if !props.embed { <Nav /> }
            <main class="playground">
                <Composer state={state.clone()} on_send={on_send} on_cancel={on_cancel} embed={props.embed} />
                { panel }
            </main>
        </div>
    }
}
