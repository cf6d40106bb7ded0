use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use web_sys::AbortController;
use yew::prelude::*;
use yew::Reducible;

use crate::components::app::Nav;
use crate::components::composer::Composer;
use crate::components::share::{ToolAction, ToolsData};
use crate::deferred::{Deferred, ResponseData, View};
use crate::browser;
use crate::permalink;
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
    // A fresh rid per send, except where the URL must stay the same from send to send for the
    // browser's cache to apply (`/api/cache`, or a rid the user wrote): then the record is read
    // before and after, and only what this send added is shown.
    let (sent_url, rid, shared_rid) = if is_simulator(&url, &page) {
        let stable = crate::observe::stable_rid(&url);
        let proposed = stable.clone().unwrap_or_else(net::new_rid);
        let (u, r) = with_rid(&url, &proposed);
        let shared = stable.is_some() || r != proposed;
        (u, Some(r), shared)
    } else {
        (url, None, false)
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
        let shared = state.to_shared();
        let before = match (&rid, shared_rid) {
            (Some(r), true) => net::record_if_any(r).await.map(|r| r.last_seq()).unwrap_or(0),
            _ => 0,
        };
        let csp_watch = net::CspWatch::start();
        let outcome = net::send(out, controller).await;
        crate::components::share::history_push(&shared, outcome.as_ref().ok().map(|o| o.status));
        let network_failure = matches!(&outcome, Err(f) if f.kind == crate::observe::FailureKind::Network);
        state.dispatch(Action::Finished { seq, outcome });
        let mut csp_blocked = false;
        if network_failure {
            // The violation event is queued as a task of its own: give it a moment to arrive.
            gloo_timers::future::TimeoutFuture::new(30).await;
            let seen = csp_watch.as_ref().map(|w| w.seen()).unwrap_or_default();
            if let Some(violation) = crate::observe::violation_for(&seen, &url) {
                csp_blocked = true;
                state.dispatch(Action::CspBlocked { seq, violation: violation.clone() });
            }
        }
        drop(csp_watch);
        if let Some(rid) = rid {
            let record = net::record_if_any(&rid).await.unwrap_or_else(|| crate::observe::ServerRecord { rid: rid.clone(), exchanges: Vec::new() });
            state.dispatch(Action::Recorded { seq, record: record.since(before) });
        } else if network_failure && !csp_blocked && !prediction.same_origin && prediction.rejected.is_none() {
            let (no_cors, simple) = net::probe(&url, prediction.preflight_required).await;
            state.dispatch(Action::Probed { seq, result: crate::observe::interpret_probes(no_cors, simple) });
        }
    });
}

/// Key of the full (unredacted) state in sessionStorage: a reload in the same tab keeps secrets.
const SESSION_KEY: &str = "statuslab.state";

fn initial_state() -> State {
    let s = State::new(format!("{}/api/status/401", net::page_origin()));
    let fragment = browser::hash();
    if fragment.is_empty() {
        return s;
    }
    let action = match permalink::decode(&fragment) {
        Ok(shared) => {
            // Same tab, same link: restore the secrets kept out of the address bar.
            let full = browser::session_get(SESSION_KEY)
                .and_then(|f| permalink::decode(&f).ok())
                .filter(|full| permalink::encode(&permalink::redact(full).0) == permalink::encode(&permalink::redact(&shared).0));
            Action::LoadShared(Box::new(full.unwrap_or(shared)))
        }
        Err(e) => Action::LinkError(e),
    };
    let s = Rc::new(s).reduce(action);
    Rc::try_unwrap(s).unwrap_or_else(|rc| (*rc).clone())
}

/// A note when a live response differs from the snapshot the link carried.
fn snapshot_diff(state: &State) -> Option<String> {
    let (Phase::Done(live), Some(snap)) = (&state.phase, &state.link_snapshot) else { return None };
    if live.source_note.is_some() {
        return None;
    }
    let names = |o: &crate::observe::Observed| {
        let mut v: Vec<String> = o.headers.iter().map(|(n, _)| n.to_ascii_lowercase()).filter(|n| n != "date").collect();
        v.sort();
        v
    };
    let mut diffs = Vec::new();
    if live.status != snap.status {
        diffs.push(format!("status {} → {}", snap.status, live.status));
    }
    let (a, b) = (names(snap), names(live));
    let gone: Vec<&String> = a.iter().filter(|n| !b.contains(n)).collect();
    let new: Vec<&String> = b.iter().filter(|n| !a.contains(n)).collect();
    if !gone.is_empty() {
        diffs.push(format!("headers no longer sent: {}", gone.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")));
    }
    if !new.is_empty() {
        diffs.push(format!("new headers: {}", new.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")));
    }
    Some(if diffs.is_empty() {
        "The live response matches the link's snapshot (status and header names).".into()
    } else {
        format!("The live response differs from the link's snapshot: {}.", diffs.join("; "))
    })
}

#[component]
pub fn Playground(props: &PlaygroundProps) -> Html {
    // The address bar's fragment is read synchronously, before anything writes it back.
    let state = use_reducer(initial_state);
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

    {
        // The address bar follows the composer (secrets left out); the full state stays in this tab.
        let shared = state.to_shared();
        use_effect_with(shared, |shared| {
            let (redacted, _) = permalink::redact(shared);
            browser::replace_hash(&permalink::encode(&redacted));
            browser::session_set(SESSION_KEY, &permalink::encode(shared));
        });
    }
    {
        // Embedded: report the document's height to the parent page so the iframe can grow.
        let embed = props.embed;
        use_effect_with(embed, move |embed| {
            let interval = embed.then(|| {
                let last = std::cell::Cell::new(0);
                gloo_timers::callback::Interval::new(200, move || {
                    let h = browser::document_height();
                    if h != last.get() {
                        last.set(h);
                        browser::post_height(h);
                    }
                })
            });
            move || drop(interval)
        });
    }
    {
        // Embed autorun: only safe requests without credentials.
        let state = state.clone();
        let ctrl = ctrl.clone();
        let embed = props.embed;
        use_effect_with((), move |_| {
            let safe = matches!(state.method.as_str(), "GET" | "HEAD") && state.options.credentials == "omit";
            if embed && browser::query("autorun").as_deref() == Some("1") && safe {
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
        _ => {
            // Explained against the request that was sent: editing the composer afterwards
            // neither changes the findings nor re-renders the response.
            let sent = state.request_for_response();
            let view = View::Response(Box::new(ResponseData {
                phase: state.phase.clone(),
                record: state.record.clone(),
                method: sent.method.clone(),
                url: sent.url.clone(),
                request_headers: Rc::new(sent.headers.clone()),
                body: sent.body.clone(),
                options: sent.options.clone(),
                probe: state.probe.clone(),
                csp: state.csp.clone(),
                embed: props.embed,
            }));
            html! { <Deferred view={Rc::new(view)} /> }
        }
    };
    let on_tool = {
        let state = state.clone();
        Callback::from(move |a: ToolAction| state.dispatch(a.into()))
    };

    let theme = browser::query("theme").filter(|t| t == "dark" || t == "light").map(|t| format!("theme-{t}"));
    let panels = browser::query("panels").unwrap_or_default();
    let show_request = !props.embed || panels.is_empty() || panels.split(',').any(|p| p == "request");
    let diff = snapshot_diff(&state);
    html! {
        <div class={classes!("app", props.embed.then_some("embed"), theme)}>
            if !props.embed { <Nav /> }
            <main class="playground">
                if let Some(e) = &state.link_error {
                    <p class="error" role="alert" data-testid="link-error">{ format!("This link could not be opened: {e}. The playground starts with a fresh request instead.") }</p>
                }
                <div class={classes!((!show_request).then_some("hidden-request"))}>
                    <Composer state={state.clone()} on_send={on_send} on_cancel={on_cancel} embed={props.embed} />
                </div>
                if !props.embed {
                    <Deferred view={Rc::new(View::Tools(Rc::new(ToolsData::of(&state))))} on_action={on_tool} />
                }
                if let Some(d) = diff { <p class="note" data-testid="snapshot-diff">{ d }</p> }
                { panel }
                if props.embed {
                    <p class="embed-footer"><a href={format!("{}/#{}", net::page_origin(), browser::hash())} target="_blank" rel="noopener">{ "Open in Status Lab" }</a></p>
                }
            </main>
        </div>
    }
}
