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

/// The verdict when the browser refuses the request before the network (mixed content, a
/// forbidden method, mode rules, Local Network Access from an insecure page): certain without any
/// response. `None` when the outcome depends on what the server answers.
pub fn rejected_verdict(req: CorsRequest) -> Option<fetch::Verdict> {
    fetch::predict(&req).rejected.as_ref()?;
    Some(fetch::evaluate(&CorsCase { request: req, preflight_response: None, response: None }))
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
            if let Some(blocked) = &v.blocked {
                <h3>{ "Diagnosis: blocked (" }<code data-testid="blocked-reason">{ blocked.clone() }</code>{ "), not a CORS error" }</h3>
            } else {
                <h3>{ "Diagnosis: " }<code data-testid="cors-error">{ v.cors_error.clone().unwrap_or_else(|| "not a CORS error".into()) }</code></h3>
            }
            <p>{ rich(&v.explanation) }</p>
            if let Some(pre) = &v.preflight {
                <p class="muted">{ format!("Preflight: {}", if pre.ok { "passed".to_string() } else { format!("failed ({})", pre.error.clone().unwrap_or_default()) }) }</p>
            }
            <p class="muted">{ props.certainty.clone() }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(page: &str, method: &str, url: &str) -> CorsRequest {
        cors_request(page, method, url, &[], &FetchOptions::default())
    }

    #[test]
    fn rejected_before_the_network_is_certain() {
        let v = rejected_verdict(req("https://app.example", "GET", "http://api.example/v1")).unwrap();
        assert_eq!(v.blocked.as_deref(), Some("mixed-content"));
        assert!(!v.response.ok && v.cors_error.is_none());
        let v = rejected_verdict(req("http://93.184.215.14", "GET", "http://192.168.1.1/")).unwrap();
        assert_eq!(v.cors_error.as_deref(), Some("InsecureLocalNetwork"));
        assert!(rejected_verdict(req("http://127.0.0.1:8080", "TRACE", "http://localhost:8080/api/status/200")).is_some());
        // Whether these fail depends on the server (or the user): no certain verdict.
        assert!(rejected_verdict(req("http://127.0.0.1:8080", "PUT", "http://localhost:8080/api/status/200")).is_none());
        assert!(rejected_verdict(req("https://app.example", "GET", "http://localhost:3000/")).is_none());
    }
}
