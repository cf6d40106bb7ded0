use std::rc::Rc;

use statuslab_rules::{codes, lint, Finding, LintContext, Severity, Target};
use yew::prelude::*;

use crate::components::body_view::BodyPanel;
use crate::components::cors_panel::{cors_request, rejected_verdict, verdict_from_record, Diagnosis};
use crate::components::exchange_views::{effects_view, timing_view, CacheView, RedirectView};
use crate::components::finding::finding_list;
use crate::components::headers_table::HeadersTable;
use crate::components::reference::AboutCode;
use crate::components::server_record::ServerRecordView;
use crate::net;
use crate::observe::{is_simulator, notes_for_failure, notes_for_response, page_exchange, record_exchange, FailureKind, Note, Observed};
use crate::state::Phase;
use crate::text::rich;

/// The panel's inputs are the deferred view's data (`deferred::View::Response`).
pub use crate::deferred::ResponseData as ResponsePanelProps;

fn notes(list: &[Note]) -> Html {
    html! {
        <ul class="notes">
            { for list.iter().map(|n| html! {
                <li class="note" data-testid="note"><strong>{ n.title.clone() }</strong>{ " " }{ rich(&n.text) }</li>
            }) }
        </ul>
    }
}

fn counts(f: &[Finding]) -> Html {
    let c = |s: Severity| f.iter().filter(|x| x.severity == s).count();
    html! {
        <span class="counts">
            <span class="sev-error">{ format!("{} error", c(Severity::Error)) }</span>
            <span class="sev-warning">{ format!("{} warning", c(Severity::Warning)) }</span>
            <span class="sev-info">{ format!("{} info", c(Severity::Info)) }</span>
        </span>
    }
}

/// Which findings are shown: severities and one category (empty = all).
#[derive(Clone, PartialEq)]
struct Filter {
    error: bool,
    warning: bool,
    info: bool,
    category: String,
}

impl Filter {
    fn admits(&self, f: &Finding) -> bool {
        let sev = match f.severity {
            Severity::Error => self.error,
            Severity::Warning => self.warning,
            Severity::Info => self.info,
        };
        sev && (self.category.is_empty() || f.category.as_str() == self.category)
    }
}

fn filter_bar(filter: &UseStateHandle<Filter>, all: &[Finding]) -> Html {
    if all.is_empty() {
        return html! {};
    }
    let toggle = |sev: Severity| {
        let filter = filter.clone();
        Callback::from(move |_: Event| {
            let mut f = (*filter).clone();
            match sev {
                Severity::Error => f.error = !f.error,
                Severity::Warning => f.warning = !f.warning,
                Severity::Info => f.info = !f.info,
            }
            filter.set(f);
        })
    };
    let on_cat = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            let mut f = (*filter).clone();
            f.category = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            filter.set(f);
        })
    };
    let mut cats: Vec<&'static str> = all.iter().map(|f| f.category.as_str()).collect();
    cats.sort();
    cats.dedup();
    html! {
        <div class="finding-filters" role="group" aria-label="Filter findings">
            <label><input type="checkbox" checked={filter.error} onchange={toggle(Severity::Error)} />{ "errors" }</label>
            <label><input type="checkbox" checked={filter.warning} onchange={toggle(Severity::Warning)} />{ "warnings" }</label>
            <label><input type="checkbox" checked={filter.info} onchange={toggle(Severity::Info)} />{ "info" }</label>
            <label>{ "category " }
                <select aria-label="Finding category" onchange={on_cat}>
                    <option value="" selected={filter.category.is_empty()}>{ "all" }</option>
                    { for cats.iter().map(|c| html! { <option value={*c} selected={filter.category == *c}>{ *c }</option> }) }
                </select>
            </label>
        </div>
    }
}

fn observed_view(o: &Observed, props: &ResponsePanelProps, filter: &UseStateHandle<Filter>) -> Html {
    let ex = page_exchange(&props.method, &props.request_headers, &props.body, o);
    let now = (js_sys::Date::now() / 1000.0) as u64;
    let all = lint(&ex, &LintContext { now: Some(now), page_origin: Some(net::page_origin()) });
    let findings: Vec<Finding> = all.iter().filter(|f| filter.admits(f)).cloned().collect();
    let status_findings: Vec<Finding> =
        findings.iter().filter(|f| matches!(f.target, Target::StatusLine | Target::Request | Target::RequestHeader { .. })).cloned().collect();
    let header_findings: Vec<Finding> = findings.iter().filter(|f| matches!(f.target, Target::Header { .. })).cloned().collect();
    let body_findings: Vec<Finding> = findings.iter().filter(|f| matches!(f.target, Target::Body)).cloned().collect();
    let mut hidden = notes_for_response(o, props.record.as_deref());
    if let Some(fin) = props.record.as_ref().and_then(|r| r.final_exchange()) {
        let seen: Vec<String> = o.headers.iter().map(|(n, _)| n.to_ascii_lowercase()).collect();
        let unseen: Vec<String> = fin
            .response
            .headers
            .iter()
            .map(|(n, _)| n.to_ascii_lowercase())
            .filter(|n| !seen.contains(n) && n != "content-length")
            .collect();
        if !unseen.is_empty() && o.response_type != "opaque" && o.response_type != "opaqueredirect" {
            hidden.push(Note {
                title: format!("The server sent {} header(s) this page cannot read", unseen.len()),
                text: format!("Hidden from the page: `{}`. They are neither CORS-safelisted nor named in Access-Control-Expose-Headers (Fetch §cors-filtered-response); the simulator's record below shows their values.", unseen.join("`, `")),
            });
        }
    }
    let opaque = o.response_type == "opaque" || o.response_type == "opaqueredirect";
    let page = net::page_origin();
    // The cache analysis reads the simulator's complete record when there is one: a CORS page
    // cannot see ETag or Age unless they are exposed.
    let final_recorded = props.record.as_ref().and_then(|r| r.final_exchange()).filter(|e| e.response.status != 304);
    let (cache_ex, cache_source) = match final_recorded {
        Some(e) => (record_exchange(e), "From the simulator's record of what it sent (every header), as RFC 9111 §3 and §4.2 apply it."),
        None => (ex.clone(), "From the headers this page can read, as RFC 9111 §3 and §4.2 apply them."),
    };
    let report = Rc::new(statuslab_rules::cache::analyze(&cache_ex, &LintContext { now: Some(now), page_origin: Some(page.clone()) }));
    let evidence = props.record.as_ref().filter(|_| !opaque).map(|r| AttrValue::from(crate::explain::cache_evidence(r, o.status).sentence()));
    let probe = (is_simulator(&o.sent_url, &page) && props.method.eq_ignore_ascii_case("GET") && !opaque)
        .then(|| props.record.as_ref().map(|r| (AttrValue::from(o.sent_url.clone()), props.request_headers.clone(), AttrValue::from(r.rid.clone()))))
        .flatten();
    // Timing is about the final URL: a redirect to another origin hides the phases.
    let timed_url = if o.final_url.is_empty() { &o.sent_url } else { &o.final_url };
    let cross_origin = crate::observe::origin_of(timed_url).as_deref() != Some(page.as_str());
    let content_type = o.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case("content-type")).map(|(_, v)| AttrValue::from(v.clone()));
    let status_text = if o.status_text.is_empty() { codes::reason(o.status).to_string() } else { o.status_text.clone() };
    let class = match o.status {
        200..=299 => "ok",
        300..=399 => "redirect",
        400..=499 => "client-error",
        500..=599 => "server-error",
        _ => "opaque",
    };
    html! {
        <>
            <div class="status-line">
                <span class={classes!("status", class)} data-testid="status">{ format!("{} {}", o.status, status_text) }</span>
                <span class="meta">{ format!("{:.0} ms · {} · type {}", o.elapsed_ms, o.method, o.response_type) }</span>
                { counts(&all) }
            </div>
            { filter_bar(filter, &all) }
            if let Some(n) = &o.source_note { <p class="note" data-testid="source-note">{ n.clone() }</p> }
            <p class="sent-as muted">{ "Sent to " }<code>{ o.sent_url.clone() }</code>
                if o.redirected { { " · final URL " }<code>{ o.final_url.clone() }</code> }
            </p>
            { finding_list(&status_findings) }
            if !hidden.is_empty() { { notes(&hidden) } }
            { effects_view(&props.options, Ok(o), props.record.as_deref(), &o.sent_url) }
            { redirect_view(props) }
            if !opaque {
                <HeadersTable caption={AttrValue::from("Response headers visible to this page")} headers={o.headers.clone()} findings={header_findings} />
                <h3>{ "Body" }</h3>
                { finding_list(&body_findings) }
                <BodyPanel content_type={content_type} body={Rc::new(o.body.clone())} />
            }
            if o.source_note.is_none() {
                <CacheView report={report} source={AttrValue::from(cache_source)} {evidence} {probe} />
            }
            if let Some(t) = &o.timing { { timing_view(t, cross_origin) } }
            if let Some(r) = &props.record { <ServerRecordView record={r.clone()} lint_it={opaque} /> }
            if !props.embed && o.status >= 100 { <AboutCode code={o.status} /> }
        </>
    }
}

/// The redirect chain the simulator recorded, for a completed or a failed fetch.
fn redirect_view(props: &ResponsePanelProps) -> Html {
    match &props.record {
        Some(r) => html! {
            <RedirectView record={r.clone()} method={AttrValue::from(props.method.clone())} headers={props.request_headers.clone()} has_body={!props.body.is_empty()} options={props.options.clone()} />
        },
        None => html! {},
    }
}

/// For a failed fetch: the exact CORS verdict when the simulator recorded the exchange, else what
/// the probes found.
fn diagnosis(props: &ResponsePanelProps, kind: FailureKind) -> Html {
    if kind != FailureKind::Network {
        return html! {};
    }
    let page = net::page_origin();
    let req = cors_request(&page, &props.method, &props.url, &props.request_headers, &props.options);
    if let Some(v) = &props.csp {
        let d = crate::observe::csp_diagnosis(v);
        return html! { <Diagnosis verdict={None} certainty={AttrValue::from(d.certainty)} detail={Some(AttrValue::from(d.detail))} /> };
    }
    if let Some(v) = rejected_verdict(req.clone()) {
        return html! { <Diagnosis verdict={Some(v)} certainty={AttrValue::from("Certain: the browser refuses this request before it reaches the network, whatever the server would answer; no probe needed.")} /> };
    }
    if let Some(record) = &props.record {
        let v = verdict_from_record(req, record);
        return html! { <Diagnosis verdict={Some(v)} certainty={AttrValue::from("Exact: computed from the simulator's record of the preflight and response it really sent.")} /> };
    }
    match &props.probe {
        Some(p) => html! { <Diagnosis verdict={None} certainty={AttrValue::from(p.certainty.clone())} detail={Some(AttrValue::from(p.detail.clone()))} /> },
        None => html! {},
    }
}

/// The annotated response, or why there is none.
#[component]
pub fn ResponsePanel(props: &ResponsePanelProps) -> Html {
    let filter = use_state(|| Filter { error: true, warning: true, info: true, category: String::new() });
    let inner = match &props.phase {
        Phase::Idle => html! {},
        Phase::Sending { .. } => html! { <p class="sending" aria-live="polite">{ "Sending…" }</p> },
        Phase::Done(o) => observed_view(o, props, &filter),
        Phase::Failed(f) => {
            let page = net::page_origin();
            let url = f.sent_url.clone().unwrap_or_else(|| props.url.to_string());
            // A CSP block is known for certain: the generic "a page cannot see why" notes would contradict it.
            let why = if props.csp.is_some() { Vec::new() } else { notes_for_failure(f, &url, &page, props.record.as_deref()) };
            let server_status = props.record.as_ref().and_then(|r| r.final_exchange()).map(|e| e.response.status);
            html! {
                <>
                    <div class="error" role="alert" data-testid="error">
                        <strong>{ f.headline() }</strong>
                        if f.kind == FailureKind::Network || f.kind == FailureKind::Timeout {
                            <span class="meta">{ format!(" after {:.0} ms", f.elapsed_ms) }</span>
                        }
                    </div>
                    if !why.is_empty() { { notes(&why) } }
                    { diagnosis(props, f.kind) }
                    if f.kind == FailureKind::Network { { effects_view(&props.options, Err(f), props.record.as_deref(), &url) } }
                    { redirect_view(props) }
                    if let Some(r) = &props.record { <ServerRecordView record={r.clone()} lint_it={true} /> }
                    if let Some(code) = server_status { if !props.embed { <AboutCode code={code} /> } }
                </>
            }
        }
    };
    html! { <section class="panel response" aria-label="Response" aria-busy={matches!(props.phase, Phase::Sending{..}).to_string()}>{ inner }</section> }
}
