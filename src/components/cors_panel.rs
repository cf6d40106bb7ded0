use statuslab_rules::fetch::{self, CorsCase, CorsRequest, Credentials, GivenResponse, Mode};
use yew::prelude::*;

use crate::observe::ServerRecord;
use crate::state::FetchOptions;
use crate::text::rich;

pub fn mode_of(s: &str) -> Mode {
    match s {
        "no-cors" => Mode::NoCors,
        "same-origin" => Mode::SameOrigin,
        _ => Mode::Cors,
    }
}

pub fn credentials_of(s: &str) -> Credentials {
    match s {
        "omit" => Credentials::Omit,
        "include" => Credentials::Include,
        _ => Credentials::SameOrigin,
    }
}

pub fn cors_request(page_origin: &str, method: &str, url: &str, headers: &[(String, String)], o: &FetchOptions) -> CorsRequest {
    CorsRequest {
        page_origin: page_origin.to_string(),
        url: url.trim().to_string(),
        method: method.trim().to_string(),
        headers: headers.to_vec(),
        mode: mode_of(&o.mode),
        credentials: credentials_of(&o.credentials),
        ..Default::default()
    }
}

/// The exact CORS verdict for a simulator exchange: the record has the real preflight and response.
pub fn verdict_from_record(req: CorsRequest, record: &ServerRecord) -> fetch::Verdict {
    let pre = record.exchanges.iter().find(|e| e.kind == "preflight");
    let actual = record.final_exchange();
    fetch::evaluate(&CorsCase {
        request: req,
        preflight_response: pre.map(|e| GivenResponse { status: e.response.status, headers: e.response.headers.clone() }),
        response: actual.map(|e| GivenResponse { status: e.response.status, headers: e.response.headers.clone() }),
    })
}

#[derive(Properties, PartialEq)]
pub struct PredictionProps {
    pub page_origin: AttrValue,
    pub method: AttrValue,
    pub url: AttrValue,
    pub headers: Vec<(String, String)>,
    pub options: FetchOptions,
}

/// "Before sending": origin, same- or cross-origin, preflight and why, headers the browser drops.
#[component]
pub fn Prediction(props: &PredictionProps) -> Html {
    let req = cors_request(&props.page_origin, &props.method, &props.url, &props.headers, &props.options);
    if fetch::origin_of(&req.url).is_none() {
        return html! {};
    }
    let p = fetch::predict(&req);
    let summary = if let Some(why) = &p.rejected {
        html! { <span class="verdict bad">{ "Will not be sent: " }{ rich(why) }</span> }
    } else if p.same_origin {
        html! { <span class="verdict ok">{ "Same-origin: no CORS checks; every response header except Set-Cookie is readable." }</span> }
    } else if p.opaque {
        html! { <span class="verdict warn">{ "Cross-origin, mode no-cors: the page will get an opaque response (status 0, no headers, no body)." }</span> }
    } else if p.preflight_required {
        html! { <span class="verdict warn">{ "Cross-origin with a preflight: the browser first sends OPTIONS and sends this request only if the answer allows it." }</span> }
    } else {
        html! { <span class="verdict ok">{ "Cross-origin, no preflight (a simple request): the response is readable only if it carries the right Access-Control-Allow-Origin." }</span> }
    };
    html! {
        <section class="prediction" aria-label="Before sending" data-testid="prediction">
            <p>
                <strong>{ "Before sending: " }</strong>{ summary }
                <span class="muted">{ format!(" · Origin {} · credentials {}", p.origin, if p.credentials_sent { "sent" } else { "not sent" }) }</span>
            </p>
            if p.preflight_required {
                <ul class="reasons" data-testid="preflight-reasons">
                    { for p.preflight_reasons.iter().map(|r| html! { <li>{ "Preflight because " }{ rich(r) }</li> }) }
                </ul>
            }
            if p.rejected.is_none() && p.local_network.permission.is_some() {
                <p class="reasons" data-testid="local-network">{ rich(&p.local_network.explanation) }</p>
            }
            if !p.dropped_headers.is_empty() {
                <ul class="reasons dropped" data-testid="dropped-headers">
                    { for p.dropped_headers.iter().map(|(n, why)| html! { <li><code>{ n.clone() }</code>{ " will not be sent: " }{ rich(why) }</li> }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct DiagnosisProps {
    pub verdict: Option<fetch::Verdict>,
    /// How sure the diagnosis is, in words.
    pub certainty: AttrValue,
    /// Extra text (probe results) for non-simulator targets.
    #[prop_or_default]
    pub detail: Option<AttrValue>,
}

/// "Why did it fail": the CORS verdict with Chromium's error name, its certainty and the fix.
#[component]
pub fn Diagnosis(props: &DiagnosisProps) -> Html {
    let Some(v) = &props.verdict else {
        return match &props.detail {
            Some(d) => html! {
                <section class="diagnosis" aria-label="Diagnosis" data-testid="cors-diagnosis">
                    <h3>{ "Diagnosis" }</h3>
                    <p>{ rich(d) }</p>
                    <p class="muted">{ props.certainty.clone() }</p>
                </section>
            },
            None => html! {},
        };
    };
    if v.response.ok {
        return html! {};
    }
    html! {
        <section class="diagnosis" aria-label="Diagnosis" data-testid="cors-diagnosis">
            <h3>{ "Diagnosis: " }<code data-testid="cors-error">{ v.cors_error.clone().unwrap_or_else(|| "not a CORS error".into()) }</code></h3>
            <p>{ rich(&v.explanation) }</p>
            if let Some(pre) = &v.preflight {
                <p class="muted">{ format!("Preflight: {}", if pre.ok { "passed".to_string() } else { format!("failed ({})", pre.error.clone().unwrap_or_default()) }) }</p>
            }
            <p class="muted">{ props.certainty.clone() }</p>
        </section>
    }
}
