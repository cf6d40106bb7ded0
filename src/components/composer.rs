use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::cors_panel::Prediction;
use crate::net;
use crate::observe::loopback_twin;
use crate::weburl::WebUrl;
use crate::state::{Action, HeaderRow, State};

#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    pub state: UseReducerHandle<State>,
    pub on_send: Callback<()>,
    pub on_cancel: Callback<()>,
    pub embed: bool,
}

const METHODS: &[&str] = &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "QUERY", "PROPFIND"];

fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn select(id: &'static str, label: &'static str, value: &str, options: &[&'static str], on: Callback<String>) -> Html {
    let onchange = Callback::from(move |e: Event| on.emit(e.target_unchecked_into::<HtmlSelectElement>().value()));
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select id={id} {onchange}>
                { for options.iter().map(|o| html! { <option value={*o} selected={*o == value}>{ *o }</option> }) }
            </select>
        </div>
    }
}

const REFERRER_POLICIES: &[&str] = &[
    "", "no-referrer", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "same-origin",
    "strict-origin", "strict-origin-when-cross-origin", "unsafe-url",
];

/// One line on what the chosen options will do, before sending.
fn option_hint(o: &crate::state::FetchOptions) -> String {
    let mut v = vec![match o.redirect.as_str() {
        "manual" => "redirect: manual — a redirect comes back as status 0 (opaque-redirect), not followed.",
        "error" => "redirect: error — any redirect makes fetch() reject.",
        _ => "redirect: follow — up to 20 redirects are followed invisibly.",
    }
    .to_string()];
    v.push(format!("cache: {} — {}.", o.cache, crate::explain::cache_mode_meaning(&o.cache)));
    if o.cache == "only-if-cached" && o.mode != "same-origin" {
        v.push("only-if-cached needs mode \"same-origin\": fetch() will throw a TypeError.".into());
    }
    v.join(" ")
}

/// A ready-made simulator request: `{origin}` is this page's origin, `{twin}` the other
/// loopback name (a different origin served by the same simulator).
pub struct Example {
    pub label: &'static str,
    pub method: &'static str,
    pub url: &'static str,
    pub headers: &'static [(&'static str, &'static str)],
    pub body: &'static str,
}

impl Example {
    pub fn request(&self, origin: &str, twin: &str) -> statuslab_rules::Request {
        let url = self.url.replace("{origin}", origin).replace("{twin}", twin);
        let mut r = statuslab_rules::Request::new(self.method, &url);
        for (n, v) in self.headers {
            r.headers.push(n.to_string(), v.to_string());
        }
        r.body = self.body.as_bytes().to_vec();
        r
    }
}

pub const EXAMPLES: &[Example] = &[
    Example { label: "302 redirect turns a POST into a GET", method: "POST", url: "{origin}/api/redirect/1?status=302", headers: &[("Content-Type", "text/plain")], body: "hello" },
    Example { label: "307 redirect keeps the POST", method: "POST", url: "{origin}/api/redirect/1?status=307", headers: &[("Content-Type", "text/plain")], body: "hello" },
    Example { label: "303 See Other after a PUT", method: "PUT", url: "{origin}/api/redirect/1?status=303", headers: &[("Content-Type", "text/plain")], body: "hello" },
    Example { label: "Chain of 3 redirects", method: "GET", url: "{origin}/api/redirect/3?status=301", headers: &[], body: "" },
    Example { label: "Cross-origin hop drops Authorization", method: "GET", url: "{origin}/api/redirect/1?status=307&to={twin}/api/status/200", headers: &[("Authorization", "Bearer demo-token")], body: "" },
    Example { label: "Redirect loop (browser stops at 20)", method: "GET", url: "{origin}/api/redirect/1?loop", headers: &[], body: "" },
    Example { label: "Fresh for 60 s: the second send comes from the cache", method: "GET", url: "{origin}/api/cache?cache-control=max-age%3D60", headers: &[], body: "" },
    Example { label: "no-cache + ETag: revalidated with a 304", method: "GET", url: "{origin}/api/cache?cache-control=no-cache&etag=%22v1%22", headers: &[], body: "" },
    Example { label: "Heuristic freshness from Last-Modified", method: "GET", url: "{origin}/api/cache?last-modified=-864000", headers: &[], body: "" },
    Example { label: "Range request: 206 Partial Content", method: "GET", url: "{origin}/api/range/1000", headers: &[("Range", "bytes=0-99")], body: "" },
    Example { label: "Range beyond the end: 416", method: "GET", url: "{origin}/api/range/100", headers: &[("Range", "bytes=500-")], body: "" },
    Example { label: "Basic auth challenge (401, cross-origin: no login dialog)", method: "GET", url: "{twin}/api/auth/basic/demo/s3cret", headers: &[], body: "" },
    Example { label: "Basic auth with the right credentials", method: "GET", url: "{origin}/api/auth/basic/demo/s3cret", headers: &[("Authorization", "Basic ZGVtbzpzM2NyZXQ=")], body: "" },
    Example { label: "Bearer token accepted", method: "GET", url: "{origin}/api/auth/bearer", headers: &[("Authorization", "Bearer demo-token")], body: "" },
];

#[component]
pub fn Composer(props: &ComposerProps) -> Html {
    let s = &props.state;
    let d = s.dispatcher();

    let onsubmit = {
        let on_send = props.on_send.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_send.emit(());
        })
    };
    let onkeydown = {
        let on_send = props.on_send.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_send.emit(());
            }
        })
    };
    let on_method = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| d.dispatch(Action::SetMethod(input_value(&e))))
    };
    let on_url = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| d.dispatch(Action::SetUrl(input_value(&e))))
    };
    let on_body = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| d.dispatch(Action::SetBody(e.target_unchecked_into::<HtmlTextAreaElement>().value())))
    };
    let on_add = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::AddHeader))
    };
    let on_cancel = {
        let c = props.on_cancel.clone();
        Callback::from(move |_: MouseEvent| c.emit(()))
    };
    let page = net::page_origin();
    let twin = loopback_twin(&page);
    let on_cross = {
        let d = d.clone();
        let url = s.url.clone();
        let page = page.clone();
        let twin = twin.clone();
        Callback::from(move |_: MouseEvent| {
            if let (Some(twin), Ok(mut u)) = (twin.as_ref(), WebUrl::parse(&url)) {
                // Only the loopback name changes; scheme, port, path and query stay.
                let target = if u.origin().as_deref() == Some(page.as_str()) { twin } else { &page };
                if let Ok(t) = WebUrl::parse(target) {
                    u.set_hostname(&t.hostname());
                    d.dispatch(Action::SetUrl(u.href()));
                }
            }
        })
    };
    let cross_label = match WebUrl::parse(&s.url) {
        Ok(u) if u.origin().is_some() && u.origin() == twin => "Use same-origin simulator",
        _ => "Use cross-origin simulator",
    };

    let header_rows = s.headers.iter().map(|h: &HeaderRow| {
        let id = h.id;
        let (d1, d2, d3, d4) = (d.clone(), d.clone(), d.clone(), d.clone());
        html! {
            <li class="header-row" key={id}>
                <input type="checkbox" aria-label="Enabled" checked={h.enabled}
                    onchange={Callback::from(move |_| d3.dispatch(Action::ToggleHeader(id)))} />
                <input class="hname" aria-label="Header name" placeholder="Name" value={h.name.clone()} spellcheck="false"
                    oninput={Callback::from(move |e: InputEvent| d1.dispatch(Action::SetHeaderName(id, input_value(&e))))} />
                <input class="hvalue" aria-label="Header value" placeholder="Value" value={h.value.clone()} spellcheck="false"
                    oninput={Callback::from(move |e: InputEvent| d2.dispatch(Action::SetHeaderValue(id, input_value(&e))))} />
                <button type="button" class="icon" aria-label="Remove header" title="Remove header"
                    onclick={Callback::from(move |_| d4.dispatch(Action::RemoveHeader(id)))}>{ "×" }</button>
            </li>
        }
    });

    let o = &s.options;
    let dd = |f: fn(String) -> Action| {
        let d = d.clone();
        Callback::from(move |v: String| d.dispatch(f(v)))
    };
    let on_timeout = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| {
            if let Ok(ms) = input_value(&e).trim().parse::<u32>() {
                d.dispatch(Action::SetTimeout(ms));
            }
        })
    };

    let on_keepalive = {
        let d = d.clone();
        Callback::from(move |e: Event| d.dispatch(Action::SetKeepalive(e.target_unchecked_into::<HtmlInputElement>().checked())))
    };
    let on_example = {
        let d = d.clone();
        let page = page.clone();
        let twin = twin.clone();
        Callback::from(move |e: Event| {
            let sel = e.target_unchecked_into::<HtmlSelectElement>();
            if let Some(ex) = sel.value().parse::<usize>().ok().and_then(|i| EXAMPLES.get(i)) {
                d.dispatch(Action::LoadRequest(ex.request(&page, twin.as_deref().unwrap_or(&page))));
            }
            sel.set_value("");
        })
    };

    html! {
        <form class="composer" aria-label="Request" {onsubmit} {onkeydown}>
            <div class="request-line">
                <div class="field method">
                    <label for="method">{ "Method" }</label>
                    <input id="method" list="method-list" value={s.method.clone()} oninput={on_method}
                        autocomplete="off" spellcheck="false" />
                    <datalist id="method-list">
                        { for METHODS.iter().map(|m| html! { <option value={*m} /> }) }
                    </datalist>
                </div>
                <div class="field url">
                    <label for="url">{ "URL" }</label>
                    <input id="url" type="text" inputmode="url" value={s.url.clone()} oninput={on_url}
                        autocomplete="off" spellcheck="false" />
                </div>
                if s.is_sending() {
                    <button type="button" class="secondary" onclick={on_cancel}>{ "Cancel" }</button>
                }
                <button type="submit" class="primary" disabled={s.is_sending()} title="Send (Ctrl+Enter)">{ "Send" }</button>
            </div>
            <Prediction page_origin={AttrValue::from(page.clone())} method={AttrValue::from(s.method.clone())}
                url={AttrValue::from(s.url.clone())} headers={s.active_headers()} options={s.options.clone()} />
            if let Some(w) = crate::explain::basic_prompt_warning(&s.url, &s.active_headers(), &s.options, &page) {
                <p class="note" data-testid="auth-prompt-warning">{ w }</p>
            }
            if twin.is_some() && !props.embed {
                <p class="hint">
                    <button type="button" class="link" onclick={on_cross}>{ cross_label }</button>
                    { " — the same simulator under the other loopback name is a different origin, so requests to it are real cross-origin requests." }
                </p>
            }
            <div class="composer-details">
            <fieldset class="headers">
                <legend>{ "Request headers" }</legend>
                <ul class="header-rows">{ for header_rows }</ul>
                <button type="button" class="secondary" onclick={on_add}>{ "Add header" }</button>
            </fieldset>
            <div class="field body">
                <label for="body">{ "Request body" }</label>
                <textarea id="body" rows="3" value={s.body.clone()} oninput={on_body} spellcheck="false"
                    placeholder="(none — GET and HEAD cannot carry a body)" />
            </div>
            </div>
            <details class="options">
                <summary>{ "Fetch options" }</summary>
                <div class="option-grid">
                    { select("opt-redirect", "Redirect", &o.redirect, &["follow", "manual", "error"], dd(Action::SetRedirect)) }
                    { select("opt-credentials", "Credentials", &o.credentials, &["same-origin", "include", "omit"], dd(Action::SetCredentials)) }
                    { select("opt-mode", "Mode", &o.mode, &["cors", "no-cors", "same-origin"], dd(Action::SetMode)) }
                    { select("opt-cache", "Cache", &o.cache, &["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"], dd(Action::SetCache)) }
                    { select("opt-referrer-policy", "Referrer policy", &o.referrer_policy, REFERRER_POLICIES, dd(Action::SetReferrerPolicy)) }
                    { select("opt-priority", "Priority", &o.priority, &["auto", "high", "low"], dd(Action::SetPriority)) }
                    <div class="field">
                        <label for="opt-timeout">{ "Timeout (ms)" }</label>
                        <input id="opt-timeout" type="number" min="100" max="300000" value={o.timeout_ms.to_string()} oninput={on_timeout} />
                    </div>
                    <div class="field checkbox">
                        <label for="opt-keepalive">{ "Keepalive" }</label>
                        <input id="opt-keepalive" type="checkbox" checked={o.keepalive} onchange={on_keepalive} />
                    </div>
                </div>
                <p class="hint">{ option_hint(o) }</p>
            </details>
            if !props.embed {
                <div class="field examples">
                    <label for="examples">{ "Simulator examples" }</label>
                    <select id="examples" onchange={on_example}>
                        <option value="" selected=true>{ "Load an example request…" }</option>
                        { for EXAMPLES.iter().enumerate().map(|(i, e)| html! { <option value={i.to_string()}>{ e.label }</option> }) }
                    </select>
                </div>
            }
        </form>
    }
}
