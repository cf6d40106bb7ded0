//! The views module's entry points (bin `statuslab-views`, feature `views`): the shell calls
//! `render_view` with a placeholder element and a [`View`] as JSON, and `unmount_view` when the
//! placeholder goes. Each placeholder is its own Yew root, updated in place on later calls.
//! The in-browser hooks the benchmark and the CORS browser tests call live here too, with the
//! linter.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;
use yew::AppHandle;

use crate::components::share::ToolAction;
use crate::deferred::{view_html, View};

#[derive(Properties, PartialEq)]
pub struct RootProps {
    pub view: Rc<View>,
    pub dispatch: Callback<ToolAction>,
}

#[component]
fn Root(props: &RootProps) -> Html {
    view_html(&props.view, props.dispatch.clone())
}

thread_local! {
    static ROOTS: RefCell<Vec<(web_sys::Element, AppHandle<Root>)>> = const { RefCell::new(Vec::new()) };
}

#[component]
fn Nothing() -> Html {
    html! {}
}

/// How many Yew subtree ids the views module skips before its first root.
const FOREIGN_TREE_IDS: usize = 64;

/// Two Yew instances (the shell's and this module's) each number their subtrees from 0 and mark
/// DOM elements and events with those numbers (`__yew_subtree_id`); the shell listens on `body`
/// in the capture phase, so it would take an event inside a view for one of its own and call
/// the wrong handler. Creating and dropping throwaway roots first moves this module's numbers
/// past any the shell uses (one root, no portals), so each instance handles only its own events.
fn skip_foreign_tree_ids() {
    thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    for _ in 0..FOREIGN_TREE_IDS {
        if let Ok(el) = doc.create_element("div") {
            yew::Renderer::<Nothing>::with_root(el).render().destroy();
        }
    }
}

/// Renders `view_json` (a [`View`]) into `el`; `on_action` receives the tools panels' actions
/// as JSON.
#[wasm_bindgen]
pub fn render_view(el: web_sys::Element, view_json: &str, on_action: Option<js_sys::Function>) -> Result<(), JsValue> {
    let view: View = serde_json::from_str(view_json).map_err(|e| JsValue::from_str(&format!("bad view data: {e}")))?;
    let dispatch = Callback::from(move |a: ToolAction| {
        if let (Some(f), Ok(json)) = (&on_action, serde_json::to_string(&a)) {
            let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&json));
        }
    });
    let props = RootProps { view: Rc::new(view), dispatch };
    skip_foreign_tree_ids();
    ROOTS.with(|roots| {
        let mut roots = roots.borrow_mut();
        match roots.iter_mut().find(|(e, _)| e == &el) {
            Some((_, handle)) => handle.update(props),
            None => {
                let handle = yew::Renderer::<Root>::with_root_and_props(el.clone(), props).render();
                roots.push((el, handle));
            }
        }
    });
    Ok(())
}

/// Destroys the root rendered into `el`, if any.
#[wasm_bindgen]
pub fn unmount_view(el: web_sys::Element) {
    let handle = ROOTS.with(|roots| {
        let mut roots = roots.borrow_mut();
        roots.iter().position(|(e, _)| e == &el).map(|i| roots.remove(i).1)
    });
    if let Some(h) = handle {
        h.destroy();
    }
}

/// In-browser benchmark hook (`scripts/bench.sh` calls it through `window.statuslabViews`):
/// lints the raw response `raw` `iterations` times, with the request the criterion benchmark
/// gives (a `GET` with an `Origin`, so the CORS rules run too), and returns microseconds per lint.
#[wasm_bindgen]
pub fn bench_lint(raw: &str, iterations: u32) -> f64 {
    bench(raw, iterations, true)
}

/// [`bench_lint`] on the response alone — the input httplint gets.
#[wasm_bindgen]
pub fn bench_lint_response(raw: &str, iterations: u32) -> f64 {
    bench(raw, iterations, false)
}

fn bench(raw: &str, iterations: u32, with_request: bool) -> f64 {
    use statuslab_rules::{http1, lint, Exchange, LintContext, Request};
    let Ok(response) = http1::parse_response(raw.as_bytes()) else { return -1.0 };
    let request = with_request.then(|| {
        let mut request = Request::new("GET", "https://app.example.com/items/42");
        request.headers.push("Origin", "https://app.example.com");
        request
    });
    let ex = Exchange { request, response };
    let cx = LintContext { now: Some(1_795_645_000), page_origin: None };
    let start = crate::net::now_ms();
    let mut n = 0usize;
    for _ in 0..iterations.max(1) {
        n += lint(&ex, &cx).len();
    }
    let elapsed = crate::net::now_ms() - start;
    // `n` keeps the work observable.
    if n == usize::MAX {
        return -2.0;
    }
    elapsed * 1000.0 / iterations.max(1) as f64
}

/// The CORS verdict of the rules crate (`statuslab cors`), inside the browser: the matrix tests
/// check it against what Chromium did. Input and output are the CLI's JSON.
#[wasm_bindgen]
pub fn cors_evaluate(case_json: &str) -> String {
    match serde_json::from_str::<statuslab_rules::fetch::CorsCase>(case_json) {
        Ok(case) => serde_json::to_string(&statuslab_rules::fetch::evaluate(&case)).unwrap_or_default(),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}
