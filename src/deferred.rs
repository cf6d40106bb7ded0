//! Code splitting. The first load carries only what the playground needs to be used — navigation,
//! the composer, the send — so it stays small; everything else (the annotated response with the
//! 260-rule linter, the tools panels, the reference and rule pages) is a second wasm module, the
//! *views* (`src/views.rs`, bin `statuslab-views`, built by `scripts/build-views.sh` into
//! `dist/views/<hash>/`), fetched right after first paint and rendered into placeholders by
//! [`Deferred`]. Data crosses the boundary as JSON ([`View`]); the tools panels send
//! [`ToolAction`]s back.
//!
//! With the `views` feature (the views module itself, and the wasm tests) the same [`View`] is
//! rendered in-process instead.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::prelude::*;

use crate::components::share::{ToolAction, ToolsData};
use crate::observe::{CspViolation, ProbeResult, ServerRecord};
use crate::state::{FetchOptions, Phase};

/// The annotated response's inputs: the props of `ResponsePanel`, and what crosses to the views
/// module.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Properties)]
pub struct ResponseData {
    pub phase: Phase,
    pub record: Option<Rc<ServerRecord>>,
    pub method: String,
    pub url: String,
    pub request_headers: Rc<Vec<(String, String)>>,
    pub body: String,
    pub options: FetchOptions,
    pub probe: Option<Rc<ProbeResult>>,
    pub csp: Option<Rc<CspViolation>>,
    pub embed: bool,
}

/// One deferred view and its data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum View {
    Response(Box<ResponseData>),
    Tools(Rc<ToolsData>),
    StatusIndex,
    StatusPage(String),
    RulesIndex,
    RulePage(String),
}

/// Renders a view (in the views module, or in-process with the `views` feature).
pub fn view_html(view: &View, dispatch: Callback<ToolAction>) -> Html {
    use crate::components::reference::{StatusIndex, StatusPage};
    use crate::components::response_panel::ResponsePanel;
    use crate::components::rules_pages::{RulePage, RulesIndex};
    use crate::components::share::{CodePanel, HistoryPanel, ImportPanel, SharePanel};
    match view {
        View::Response(d) => html! { <ResponsePanel ..(**d).clone() /> },
        View::Tools(t) => html! {
            <div class="tools">
                <SharePanel tools={t.clone()} dispatch={dispatch.clone()} />
                <CodePanel tools={t.clone()} dispatch={dispatch.clone()} />
                <ImportPanel tools={t.clone()} dispatch={dispatch.clone()} />
                <HistoryPanel tools={t.clone()} {dispatch} />
            </div>
        },
        View::StatusIndex => html! { <StatusIndex /> },
        View::StatusPage(code) => html! { <StatusPage code={AttrValue::from(code.clone())} /> },
        View::RulesIndex => html! { <RulesIndex /> },
        View::RulePage(code) => html! { <RulePage code={AttrValue::from(code.clone())} /> },
    }
}

#[derive(Properties, PartialEq)]
pub struct DeferredProps {
    pub view: Rc<View>,
    /// Where the tools panels' actions go.
    #[prop_or_default]
    pub on_action: Callback<ToolAction>,
}

/// A placeholder the views module renders `view` into.
#[cfg(feature = "views")]
#[component]
pub fn Deferred(props: &DeferredProps) -> Html {
    view_html(&props.view, props.on_action.clone())
}

#[cfg(not(feature = "views"))]
#[component]
pub fn Deferred(props: &DeferredProps) -> Html {
    let node = use_node_ref();
    let failed = use_state(|| None::<String>);
    let ready = use_state(|| false);
    // The callback the views module calls with a ToolAction's JSON; it always reaches the
    // latest `on_action`.
    let latest = use_mut_ref(|| props.on_action.clone());
    *latest.borrow_mut() = props.on_action.clone();
    let bridge = use_memo((), |_| loader::bridge(latest.clone()));
    {
        let node = node.clone();
        let failed = failed.clone();
        let ready = ready.clone();
        let bridge = bridge.clone();
        use_effect_with(props.view.clone(), move |view| {
            let json = serde_json::to_string(&**view).unwrap_or_default();
            if let Some(el) = node.cast::<web_sys::Element>() {
                wasm_bindgen_futures::spawn_local(async move {
                    match loader::render(&el, &json, &bridge).await {
                        Ok(()) if !*ready => ready.set(true),
                        Ok(()) => {}
                        Err(e) => failed.set(Some(e)),
                    }
                });
            }
        });
    }
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            move || {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    loader::unmount(&el);
                }
            }
        });
    }
    html! {
        <>
            <div class="deferred" ref={node} aria-busy={(!*ready).to_string()} />
            if !*ready && failed.is_none() {
                <p class="muted loading" aria-live="polite">{ "Loading…" }</p>
            }
            if let Some(e) = &*failed {
                <p class="error" role="alert" data-testid="views-error">{ format!("This part of the page could not be loaded: {e}. Reload to try again.") }</p>
            }
        </>
    }
}

/// Starts fetching the views module without waiting for it (right after first paint).
pub fn prefetch() {
    #[cfg(all(target_arch = "wasm32", not(feature = "views")))]
    wasm_bindgen_futures::spawn_local(async {
        let _ = loader::module().await;
    });
}

#[cfg(not(feature = "views"))]
mod loader {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use yew::Callback;

    use crate::components::share::ToolAction;

    /// Loads the views module once (the promise is kept; a failed load is retried next time).
    /// `scripts/build-views.sh` puts it under a directory named by its content hash and writes
    /// that address into index.html's `statuslab-views` meta tag, read here on the first load.
    #[wasm_bindgen(inline_js = "let views = null;
export function load_views() {
  if (!views) {
    const meta = document.querySelector('meta[name=statuslab-views]');
    views = meta && meta.content.startsWith('/views/')
      ? import(meta.content).then(async (m) => { await m.default(); window.statuslabViews = m; return m; })
      : Promise.reject(new Error('index.html does not say where the views module is (no statuslab-views meta tag)'));
    views.catch(() => { views = null; });
  }
  return views;
}")]
    extern "C" {
        fn load_views() -> js_sys::Promise;
    }

    pub async fn module() -> Result<JsValue, String> {
        wasm_bindgen_futures::JsFuture::from(load_views()).await.map_err(|e| {
            e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| format!("{e:?}"))
        })
    }

    fn call(m: &JsValue, name: &str, args: &js_sys::Array) -> Result<JsValue, String> {
        let f = js_sys::Reflect::get(m, &JsValue::from_str(name)).map_err(|_| format!("no `{name}` in the views module"))?;
        let f: js_sys::Function = f.dyn_into().map_err(|_| format!("`{name}` is not a function"))?;
        f.apply(&JsValue::NULL, args).map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))
    }

    pub struct Bridge(Closure<dyn Fn(String)>);

    pub fn bridge(latest: Rc<RefCell<Callback<ToolAction>>>) -> Bridge {
        Bridge(Closure::new(move |json: String| {
            if let Ok(a) = serde_json::from_str::<ToolAction>(&json) {
                latest.borrow().emit(a);
            }
        }))
    }

    pub async fn render(el: &web_sys::Element, json: &str, bridge: &Bridge) -> Result<(), String> {
        let m = module().await?;
        let args = js_sys::Array::of3(el, &JsValue::from_str(json), bridge.0.as_ref());
        call(&m, "render_view", &args).map(|_| ())
    }

    pub fn unmount(el: &web_sys::Element) {
        let el = el.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Ok(m) = module().await {
                let _ = call(&m, "unmount_view", &js_sys::Array::of1(&el));
            }
        });
    }
}
