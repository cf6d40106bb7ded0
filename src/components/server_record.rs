use std::rc::Rc;

use statuslab_rules::{lint, LintContext};
use yew::prelude::*;

use crate::components::finding::finding_list;
use crate::components::headers_table::HeadersTable;
use crate::observe::{record_exchange, ServerRecord};

#[derive(Properties, PartialEq)]
pub struct ServerRecordViewProps {
    pub record: Rc<ServerRecord>,
    /// Lint what the server sent (when the page could not see it).
    pub lint_it: bool,
}

/// What the simulator really received and sent, from its exchange record: preflights, redirect
/// hops and responses the browser hid from the page.
#[component]
pub fn ServerRecordView(props: &ServerRecordViewProps) -> Html {
    let r = &props.record;
    if r.exchanges.is_empty() {
        return html! {};
    }
    let now = (js_sys::Date::now() / 1000.0) as u64;
    html! {
        <section class="server-record" aria-label="What the server sent" data-testid="server-record">
            <h3>{ "What the server sent" }</h3>
            <p class="muted">{ format!("From the simulator's exchange record (rid {}): every request it received for this send, including the ones the browser never shows a page.", r.rid) }</p>
            <ol class="hops">
                { for r.exchanges.iter().enumerate().map(|(i, e)| {
                    let findings = if props.lint_it && e.kind == "request" {
                        lint(&record_exchange(e), &LintContext { now: Some(now), page_origin: None })
                    } else { Vec::new() };
                    let reason = e.response.reason.clone();
                    html! {
                        <li class="hop">
                            <p class="hop-line">
                                <span class="tag">{ if e.kind == "preflight" { "preflight" } else { "request" } }</span>
                                <code>{ format!("{} {}{}{}", e.request.method, e.request.path, if e.request.query.is_empty() { "" } else { "?" }, e.request.query) }</code>
                                { " → " }
                                <strong data-testid="server-status">{ format!("{} {}", e.response.status, reason) }</strong>
                            </p>
                            <details open={props.lint_it && i + 1 == r.exchanges.len()}>
                                <summary>{ format!("{} request headers received, {} response headers sent", e.request.headers.len(), e.response.headers.len()) }</summary>
                                <HeadersTable caption={AttrValue::from("Request headers the simulator received")} headers={e.request.headers.clone()} findings={Vec::new()} />
                                <HeadersTable caption={AttrValue::from("Response headers the simulator sent")} headers={e.response.headers.clone()} findings={findings.clone()} />
                            </details>
                            { finding_list(&findings.iter().filter(|f| !matches!(f.target, statuslab_rules::Target::Header{..})).cloned().collect::<Vec<_>>()) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
