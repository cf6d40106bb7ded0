//! Sharing: the permalink (address bar and copied link, secrets left out unless opted in), the
//! embed dialog, copy as code, import and history.

use statuslab_rules::import::{self, Imported};
use statuslab_rules::snippets::{self, Lang, SnippetRequest};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser;
use crate::net;
use crate::observe::Observed;
use crate::permalink::{self, Shared};
use crate::state::{Action, State};
use crate::text::rich;

/// What the tools panels (share, copy as code, import, history) read of the app's state: they
/// live in the deferred views module, so they get a serializable copy and send actions back.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ToolsData {
    /// The composer, unredacted (as the address bar's full state in this tab).
    pub shared: Shared,
    pub include_secrets: bool,
    pub include_snapshot: bool,
    /// The last live response as a link snapshot, when there is one.
    pub snapshot: Option<crate::permalink::Snapshot>,
    /// Changes when a send finishes (the history re-reads its list).
    pub seq: u32,
}

impl ToolsData {
    pub fn of(s: &State) -> Self {
        ToolsData {
            shared: s.to_shared(),
            include_secrets: s.include_secrets,
            include_snapshot: s.include_snapshot,
            snapshot: s.snapshot(),
            seq: s.current_seq(),
        }
    }
    fn active_headers(&self) -> Vec<(String, String)> {
        self.shared.headers.iter().filter(|(n, _, on)| *on && !n.trim().is_empty()).map(|(n, v, _)| (n.trim().to_string(), v.clone())).collect()
    }
}

/// What the tools panels ask the app to do.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum ToolAction {
    SetIncludeSecrets(bool),
    SetIncludeSnapshot(bool),
    LoadRequest(statuslab_rules::Request),
    Pasted(Box<Observed>),
    LoadShared(Box<Shared>),
}

impl From<ToolAction> for Action {
    fn from(a: ToolAction) -> Action {
        match a {
            ToolAction::SetIncludeSecrets(b) => Action::SetIncludeSecrets(b),
            ToolAction::SetIncludeSnapshot(b) => Action::SetIncludeSnapshot(b),
            ToolAction::LoadRequest(r) => Action::LoadRequest(r),
            ToolAction::Pasted(o) => Action::Pasted(*o),
            ToolAction::LoadShared(s) => Action::LoadShared(s),
        }
    }
}

/// The copied link for the current state, honouring the opt-ins, and what was left out.
pub fn copied_link(t: &ToolsData, path: &str) -> (String, Vec<String>) {
    let mut shared = t.shared.clone();
    if t.include_snapshot {
        shared.snapshot = t.snapshot.clone();
    }
    let (shared, removed) = if t.include_secrets {
        (shared, Vec::new())
    } else {
        let (r, red) = permalink::redact(&shared);
        (r, red.removed)
    };
    (format!("{}{path}#{}", net::page_origin(), permalink::encode(&shared)), removed)
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub tools: std::rc::Rc<ToolsData>,
    pub dispatch: Callback<ToolAction>,
}

/// "Share": the link, the opt-ins, what was left out, and the embed code.
#[component]
pub fn SharePanel(props: &ShareProps) -> Html {
    let s = &props.tools;
    let (link, removed) = copied_link(s, "/");
    let (embed_link, _) = copied_link(s, "/embed");
    let origin = net::page_origin();
    let iframe = format!(
        "<iframe src=\"{embed_link}\" title=\"Status Lab request\" width=\"100%\" height=\"420\" loading=\"lazy\" style=\"border:0\"></iframe>\n<script>addEventListener('message',e=>{{if(e.origin==='{origin}'&&e.data&&e.data.type==='statuslab:height')for(const f of document.querySelectorAll('iframe'))if(f.contentWindow===e.source)f.style.height=e.data.height+'px'}})</script>"
    );
    let markdown = format!("[![Open in Status Lab]({origin}/api/badge.svg)]({link})");
    let d = props.dispatch.clone();
    let on_secrets = {
        let d = d.clone();
        Callback::from(move |e: Event| d.emit(ToolAction::SetIncludeSecrets(e.target_unchecked_into::<HtmlInputElement>().checked())))
    };
    let on_snapshot = {
        let d = d.clone();
        Callback::from(move |e: Event| d.emit(ToolAction::SetIncludeSnapshot(e.target_unchecked_into::<HtmlInputElement>().checked())))
    };
    let copy = |text: String| Callback::from(move |_: MouseEvent| browser::copy(&text));
    html! {
        <details class="tool share">
            <summary>{ "Share" }</summary>
            <div class="field">
                <label for="share-link">{ "Share link" }</label>
                <input id="share-link" readonly=true value={link.clone()} data-testid="share-link" />
            </div>
            <p class="muted">{ format!("{} characters · the request lives in the link's fragment (after #), which browsers never send to a server.", link.len()) }</p>
            <button type="button" class="secondary" onclick={copy(link.clone())}>{ "Copy link" }</button>
            <label class="check"><input type="checkbox" checked={s.include_secrets} onchange={on_secrets} />{ "Include secrets in copied link" }</label>
            <label class="check"><input type="checkbox" checked={s.include_snapshot} onchange={on_snapshot} />{ "Include response snapshot" }</label>
            if !removed.is_empty() {
                <p class="redaction" data-testid="redaction-note">{ "Left out of the link (kept in this tab only): " }{ removed.join(", ") }</p>
            }
            <h4>{ "Embed in a docs page" }</h4>
            <div class="field">
                <label for="embed-code">{ "Embed code" }</label>
                <textarea id="embed-code" readonly=true rows="4" value={iframe.clone()} />
            </div>
            <button type="button" class="secondary" onclick={copy(iframe)}>{ "Copy embed code" }</button>
            <div class="field">
                <label for="badge-code">{ "Markdown badge" }</label>
                <input id="badge-code" readonly=true value={markdown.clone()} />
            </div>
        </details>
    }
}

/// "Copy as code".
#[component]
pub fn CodePanel(props: &ShareProps) -> Html {
    let lang = use_state(|| Lang::Curl);
    let s = &props.tools.shared;
    let headers = props.tools.active_headers();
    let req = SnippetRequest { method: s.method.trim(), url: s.url.trim(), headers: &headers, body: &s.body };
    let code = snippets::snippet(*lang, &req);
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(l) = Lang::ALL.iter().find(|l| l.label() == v) {
                lang.set(*l);
            }
        })
    };
    html! {
        <details class="tool code">
            <summary>{ "Copy as code" }</summary>
            <div class="field">
                <label for="snippet-lang">{ "Snippet language" }</label>
                <select id="snippet-lang" onchange={on_lang}>
                    { for Lang::ALL.iter().map(|l| html! { <option value={l.label()} selected={*l == *lang}>{ l.label() }</option> }) }
                </select>
            </div>
            { match code {
                Ok(c) => {
                    let text = c.clone();
                    html! {
                        <>
                            <pre data-testid="snippet"><code>{ c }</code></pre>
                            <button type="button" class="secondary" onclick={Callback::from(move |_: MouseEvent| browser::copy(&text))}>{ "Copy snippet" }</button>
                        </>
                    }
                }
                Err(e) => html! { <p class="error" data-testid="snippet-error">{ rich(&e) }</p> },
            } }
        </details>
    }
}

/// "Import": a curl command, a raw request, a HAR entry — or a raw response to lint offline.
#[component]
pub fn ImportPanel(props: &ShareProps) -> Html {
    let text = use_state(String::new);
    let message = use_state(|| None::<Result<String, String>>);
    let on_input = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| text.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let on_import = {
        let text = text.clone();
        let message = message.clone();
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| match import::import(&text) {
            Ok(Imported::Request(r)) => {
                message.set(Some(Ok(format!("Loaded {} {} into the composer. Nothing was sent.", r.method, r.url))));
                d.emit(ToolAction::LoadRequest(r));
            }
            Ok(Imported::Response(resp, req)) => {
                if let Some(r) = req.clone() {
                    d.emit(ToolAction::LoadRequest(r));
                }
                message.set(Some(Ok("Linted the pasted response offline: nothing was sent.".into())));
                d.emit(ToolAction::Pasted(Box::new(Observed {
                    sent_url: req.as_ref().map(|r| r.url.clone()).unwrap_or_default(),
                    method: req.as_ref().map(|r| r.method.clone()).unwrap_or_else(|| "GET".into()),
                    status: resp.status,
                    status_text: resp.reason.clone().unwrap_or_default(),
                    headers: resp.headers.0.clone(),
                    body: resp.body.clone(),
                    final_url: String::new(),
                    redirected: false,
                    response_type: "basic".into(),
                    elapsed_ms: 0.0,
                    timing: None,
                    source_note: Some("Pasted response, linted offline: nothing was sent and every header is visible.".into()),
                })));
            }
            Err(e) => message.set(Some(Err(e))),
        })
    };
    html! {
        <details class="tool import">
            <summary>{ "Import or paste" }</summary>
            <div class="field">
                <label for="import-text">{ "Paste curl, raw HTTP or HAR" }</label>
                <textarea id="import-text" rows="5" spellcheck="false" value={(*text).clone()} oninput={on_input}
                    placeholder="curl -i https://… · GET /path HTTP/1.1 … · HTTP/1.1 200 OK … (curl -i output) · a HAR file" />
            </div>
            <button type="button" class="secondary" onclick={on_import}>{ "Import" }</button>
            { match &*message {
                Some(Ok(m)) => html! { <p class="muted" data-testid="import-result">{ m.clone() }</p> },
                Some(Err(e)) => html! { <p class="error" data-testid="import-error">{ rich(e) }</p> },
                None => html! {},
            } }
        </details>
    }
}

/// One remembered exchange (no body, secrets left out as for links).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct HistoryEntry {
    pub t: f64,
    pub method: String,
    pub url: String,
    pub status: Option<u16>,
    pub link: String,
}

pub const HISTORY_KEY: &str = "statuslab.history";
pub const HISTORY_MAX: usize = 50;

pub fn history_load() -> Vec<HistoryEntry> {
    browser::local_get(HISTORY_KEY).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default()
}

/// Remembers a send (redacted); the store keeps the newest entries and never bodies.
pub fn history_push(shared: &Shared, status: Option<u16>) {
    let (redacted, _) = permalink::redact(shared);
    let entry = HistoryEntry {
        t: js_sys::Date::now(),
        method: redacted.method.clone(),
        url: redacted.url.clone(),
        status,
        link: permalink::encode(&redacted),
    };
    let mut list = history_load();
    list.retain(|e| e.link != entry.link);
    list.insert(0, entry);
    list.truncate(HISTORY_MAX);
    while !list.is_empty() && !browser::local_set(HISTORY_KEY, &serde_json::to_string(&list).unwrap_or_default()) {
        list.pop(); // over quota: drop the oldest and retry
    }
}

/// "History": recent sends, searchable, re-openable, clearable.
#[component]
pub fn HistoryPanel(props: &ShareProps) -> Html {
    let query = use_state(String::new);
    let refresh = use_state(|| 0u32);
    // Re-read when a send finishes.
    let _ = props.tools.seq;
    let list = history_load();
    let q = query.to_ascii_lowercase();
    let shown: Vec<&HistoryEntry> = list
        .iter()
        .filter(|e| q.is_empty() || format!("{} {} {}", e.method, e.url, e.status.unwrap_or(0)).to_ascii_lowercase().contains(&q))
        .collect();
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_clear = {
        let refresh = refresh.clone();
        Callback::from(move |_: MouseEvent| {
            browser::local_remove(HISTORY_KEY);
            refresh.set(*refresh + 1);
        })
    };
    html! {
        <details class="tool history">
            <summary>{ format!("History ({})", list.len()) }</summary>
            <div class="field">
                <label for="history-search">{ "Search history" }</label>
                <input id="history-search" type="search" value={(*query).clone()} oninput={on_query} />
            </div>
            <ul class="history-list" data-testid="history">
                { for shown.iter().map(|e| {
                    let d = props.dispatch.clone();
                    let link = e.link.clone();
                    let open = Callback::from(move |_: MouseEvent| {
                        if let Ok(sh) = permalink::decode(&link) {
                            d.emit(ToolAction::LoadShared(Box::new(sh)));
                        }
                    });
                    html! {
                        <li>
                            <button type="button" class="link" onclick={open}>{ format!("{} {}", e.method, e.url) }</button>
                            { format!(" → {}", e.status.map(|s| s.to_string()).unwrap_or_else(|| "failed".into())) }
                        </li>
                    }
                }) }
            </ul>
            <button type="button" class="secondary" onclick={on_clear}>{ "Clear history" }</button>
        </details>
    }
}
