//! The views that explain what the browser did around one exchange: what each fetch option did,
//! the redirect chain, the cache analysis with its "probe the cache" action, and the timing
//! waterfall. Their logic lives in `explain`, `timing` and the rules crate; these only draw.

use std::rc::Rc;

use statuslab_rules::cache::CacheReport;
use yew::prelude::*;

use crate::explain::{chain_from_record, option_effects, probe_verdict, Chain, ProbeVerdict};
use crate::net;
use crate::observe::{Failure, Observed, ServerRecord};
use crate::state::FetchOptions;
use crate::text::rich;
use crate::timing::Timing;

/// "What the fetch options did".
pub fn effects_view(o: &FetchOptions, result: Result<&Observed, &Failure>, record: Option<&ServerRecord>, url: &str) -> Html {
    let effects = option_effects(o, result, record, &net::page_origin(), url);
    html! {
        <details class="effects" data-testid="option-effects">
            <summary>{ "What the fetch options did" }</summary>
            <dl>
                { for effects.iter().map(|e| html! {
                    <div class="effect" data-option={e.option}>
                        <dt><code>{ format!("{}: {}", e.option, e.value) }</code></dt>
                        <dd>{ rich(&e.effect) }</dd>
                    </div>
                }) }
            </dl>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct RedirectViewProps {
    pub record: Rc<ServerRecord>,
    pub method: AttrValue,
    pub headers: Rc<Vec<(String, String)>>,
    pub has_body: bool,
    pub options: FetchOptions,
}

fn origin_label(url: &str) -> String {
    crate::observe::origin_of(url).unwrap_or_else(|| url.to_string())
}

/// The redirect chain the browser followed, drawn from the simulator's record and checked
/// against the Fetch standard's prediction.
#[component]
pub fn RedirectView(props: &RedirectViewProps) -> Html {
    let page = net::page_origin();
    let Some(chain) = chain_from_record(&props.record, &props.method, &props.headers, props.has_body, &props.options, &page) else {
        return html! {};
    };
    let Chain { hops, final_url, final_method, revisits, matches_prediction } = chain;
    let n = hops.len();
    html! {
        <section class="redirect-chain" aria-label="Redirect chain" data-testid="redirect-chain" data-hops={n.to_string()}>
            <h3>{ format!("Redirect chain: {n} hop{}", if n == 1 { "" } else { "s" }) }</h3>
            <p class="muted">{ "The page never sees these hops; the simulator recorded each one. Methods and headers below are what it really received." }</p>
            <ol class="chain">
                { for hops.iter().enumerate().map(|(i, h)| {
                    let s = &h.step;
                    let observed = h.observed_next_method.clone().unwrap_or_else(|| s.method_out.clone());
                    let dropped: Vec<String> = s.dropped_headers.iter().map(|(n, _)| n.clone()).collect();
                    let auth_dropped_seen = h.observed_next_authorization == Some(false) && dropped.iter().any(|d| d.eq_ignore_ascii_case("authorization"));
                    html! {
                        <li class="chain-hop" data-testid="hop" data-method-in={h.method.clone()} data-status={h.status.to_string()}
                            data-method-out={observed.clone()} data-dropped={dropped.join(",").to_ascii_lowercase()}
                            data-origin-changed={s.origin_changed.to_string()}>
                            <div class="hop-head">
                                <span class="hop-n">{ i + 1 }</span>
                                <code>{ format!("{} {}", h.method, h.url) }</code>
                                { " → " }<strong class="status redirect">{ h.status }</strong>
                            </div>
                            if let Some(to) = &s.to {
                                <div class="hop-body">
                                    <span>{ "Location " }<code>{ to.clone() }</code></span>
                                    if s.method_out != s.method_in {
                                        <span class="badge warn" data-testid="method-rewrite">{ format!("{} → {}", s.method_in, observed) }</span>
                                        <span class="muted">{ format!(" {} turns {} into {}{} (Fetch §http-redirect-fetch step 12)", h.status, s.method_in, s.method_out, if s.body_dropped { " and drops the body" } else { "" }) }</span>
                                    } else {
                                        <span class="badge">{ format!("{} kept", s.method_in) }</span>
                                    }
                                    if s.origin_changed {
                                        <span class="badge warn">{ format!("origin change: {} → {}", origin_label(&s.from), origin_label(to)) }</span>
                                    }
                                    if s.downgrade {
                                        <span class="badge err">{ "HTTPS → HTTP downgrade" }</span>
                                    }
                                    if s.tainted {
                                        <span class="badge">{ "tainted origin: the next Origin is null" }</span>
                                    }
                                    { for s.dropped_headers.iter().map(|(n, why)| html! {
                                        <p class="dropped" data-testid="dropped-header">
                                            <code>{ n.clone() }</code>{ " dropped: " }{ why.clone() }
                                            if auth_dropped_seen && n.eq_ignore_ascii_case("authorization") { <strong>{ " — confirmed: the next request arrived without it." }</strong> }
                                        </p>
                                    }) }
                                    if let Some(e) = &s.error { <p class="error">{ e.clone() }</p> }
                                </div>
                            }
                        </li>
                    }
                }) }
                if let (Some(u), Some(m)) = (&final_url, &final_method) {
                    <li class="chain-hop final" data-testid="chain-final" data-method={m.clone()}>
                        <div class="hop-head"><span class="hop-n">{ "✓" }</span><code>{ format!("{m} {u}") }</code>{ " — the response the page got" }</div>
                    </li>
                }
            </ol>
            if revisits {
                <p class="note">{ "The chain requests a URL twice: a redirect loop. Browsers stop after 20 redirects with a network error (Fetch §http-redirect-fetch step 6)." }</p>
            }
            <p class="muted" data-testid="chain-check">{
                if matches_prediction { "What the browser did matches the Fetch standard's redirect algorithm." }
                else { "What the browser did differs from the Fetch standard's prediction shown above." }
            }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CacheViewProps {
    pub report: Rc<CacheReport>,
    /// How the report was made: from the page's view or the simulator's complete record.
    pub source: AttrValue,
    /// What the browser's cache did on this send, when known.
    pub evidence: Option<AttrValue>,
    /// The URL as sent (with its rid) and the request headers, for the probe; `None` when the
    /// probe cannot be run (not the simulator, not a GET).
    pub probe: Option<Probe>,
}

/// What the cache probe needs: the URL as sent, the request headers, and the simulator's
/// exchange-record id (rid) to read what reached the server.
pub type Probe = (AttrValue, Rc<Vec<(String, String)>>, AttrValue);

fn secs(s: u64) -> String {
    match s {
        0..60 => format!("{s} s"),
        60..3600 => format!("{s} s ({} min)", s / 60),
        3600..86_400 => format!("{s} s ({:.1} h)", s as f64 / 3600.0),
        _ => format!("{s} s ({:.1} d)", s as f64 / 86_400.0),
    }
}

/// Storable? Fresh for how long? Keyed on what? Revalidated how? And the probe.
#[component]
pub fn CacheView(props: &CacheViewProps) -> Html {
    let r = &props.report;
    let results: UseStateHandle<Vec<ProbeVerdict>> = use_state(Vec::new);
    let running = use_state(|| false);
    let on_probe = props.probe.clone().map(|(url, headers, rid)| {
        let results = results.clone();
        let running = running.clone();
        Callback::from(move |_: MouseEvent| {
            if *running {
                return;
            }
            running.set(true);
            results.set(Vec::new());
            let (url, headers, rid, results, running) = (url.to_string(), headers.clone(), rid.to_string(), results.clone(), running.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let same_origin = crate::observe::origin_of(&url).as_deref() == Some(net::page_origin().as_str());
                let mut out = Vec::new();
                for mode in ["force-cache", "no-cache", "only-if-cached"] {
                    if mode == "only-if-cached" && !same_origin {
                        out.push(ProbeVerdict { cache_mode: mode, outcome: "Skipped: only-if-cached works with mode \"same-origin\" only, and this URL is cross-origin.".into(), evidence: String::new() });
                        continue;
                    }
                    let before = net::record_if_any(&rid).await.map(|r| r.last_seq()).unwrap_or(0);
                    let res = net::probe_cache(&url, &headers, mode).await;
                    let added = net::record_if_any(&rid).await.map(|r| r.since(before)).unwrap_or_else(|| ServerRecord { rid: rid.clone(), exchanges: vec![] });
                    let reached: Vec<_> = added.requests().collect();
                    let last_304 = reached.last().is_some_and(|e| e.response.status == 304);
                    out.push(probe_verdict(mode, res, reached.len(), last_304));
                    results.set(out.clone());
                }
                running.set(false);
            });
        })
    });
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    html! {
        <section class="cache-view" aria-label="Caching" data-testid="cache-view">
            <h3>{ "Caching" }</h3>
            <p class="muted">{ props.source.clone() }</p>
            if let Some(e) = &props.evidence { <p class="note" data-testid="cache-evidence">{ e.clone() }</p> }
            <dl class="facts">
                <dt>{ "Browser cache may store it" }</dt>
                <dd data-testid="storable-private">{ format!("{} — {}", yes_no(r.private.yes), r.private.why) }</dd>
                <dt>{ "Shared caches (CDN, proxy) may store it" }</dt>
                <dd>{ format!("{} — {}", yes_no(r.shared.yes), r.shared.why) }</dd>
                <dt>{ "Freshness lifetime" }</dt>
                <dd data-testid="freshness">{
                    match (&r.freshness, r.revalidate_every_use) {
                        (_, true) => "none: `no-cache` — revalidated before every reuse".to_string(),
                        (Some(f), _) => format!("{} from {}{}", secs(f.secs), f.source, if f.heuristic { " (heuristic)" } else { "" }),
                        (None, _) => "none".to_string(),
                    }
                }</dd>
                if let Some(s) = &r.shared_freshness {
                    if r.freshness.as_ref().map(|f| f.secs) != Some(s.secs) {
                        <dt>{ "In shared caches" }</dt><dd>{ format!("{} from {}", secs(s.secs), s.source) }</dd>
                    }
                }
                if let Some(a) = r.age { <dt>{ "Age when received" }</dt><dd>{ secs(a) }</dd> }
                if let Some(f) = r.fresh_for {
                    <dt>{ "Goes stale" }</dt>
                    <dd>{
                        if f > 0 {
                            let at = r.stale_at.map(|t| format!(" (at {})", js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(t as f64 * 1000.0)).to_utc_string())).unwrap_or_default();
                            format!("in {}{at}", secs(f as u64))
                        } else { "already stale".to_string() }
                    }</dd>
                }
                <dt>{ "Cache key (Vary)" }</dt>
                <dd>{ if r.vary.is_empty() { "the URL only".to_string() } else { format!("the URL and the request's {}", r.vary.join(", ")) } }</dd>
                <dt>{ "Revalidation" }</dt>
                <dd>{ r.revalidation.clone() }</dd>
            </dl>
            if !r.notes.is_empty() {
                <ul class="notes">{ for r.notes.iter().map(|n| html! { <li class="note">{ n.clone() }</li> }) }</ul>
            }
            if let Some(cb) = on_probe {
                <p>
                    <button type="button" class="secondary" onclick={cb} disabled={*running} data-testid="probe-cache">{ "Probe the cache" }</button>
                    <span class="muted">{ " Re-fetches this URL with cache: force-cache, no-cache and only-if-cached and reports what the browser's HTTP cache did, with the simulator's request count as evidence." }</span>
                </p>
                if !results.is_empty() {
                    <ul class="probe-results">
                        { for results.iter().map(|p| html! {
                            <li data-testid="probe-result" data-mode={p.cache_mode}>
                                <code>{ format!("cache: \"{}\"", p.cache_mode) }</code>{ " — " }{ p.outcome.clone() }
                                if !p.evidence.is_empty() { <span class="muted">{ format!(" Evidence: {}.", p.evidence) }</span> }
                            </li>
                        }) }
                    </ul>
                }
            }
        </section>
    }
}

/// The Resource Timing waterfall (SVG: the CSP allows no inline styles).
pub fn timing_view(t: &Timing, cross_origin: bool) -> Html {
    let total = t.total().max(0.001);
    let phases = t.phases();
    let row_h = 18.0;
    let label_w = 130.0;
    let bar_w = 420.0;
    let h = row_h * phases.len() as f64 + 4.0;
    html! {
        <section class="timing" aria-label="Timing" data-testid="timing">
            <h3>{ format!("Timing: {:.1} ms", t.total()) }</h3>
            <svg class="waterfall" viewBox={format!("0 0 {} {h}", label_w + bar_w + 70.0)} role="img"
                aria-label="Request phases from the browser's Resource Timing entry">
                { for phases.iter().enumerate().map(|(i, p)| {
                    let y = i as f64 * row_h + 2.0;
                    let x = label_w + p.from / total * bar_w;
                    let w = ((p.to - p.from) / total * bar_w).max(1.0);
                    html! {
                        <g class={classes!("phase", format!("phase-{i}"))}>
                            <text x="0" y={format!("{}", y + 12.0)}>{ p.name }</text>
                            <rect x={format!("{x:.1}")} y={format!("{y}")} width={format!("{w:.1}")} height={format!("{}", row_h - 5.0)} rx="2" />
                            <text x={format!("{:.1}", x + w + 4.0)} y={format!("{}", y + 12.0)}>{ format!("{:.1} ms", p.to - p.from) }</text>
                        </g>
                    }
                }) }
            </svg>
            if !t.detailed() {
                <p class="note" data-testid="timing-hidden">{
                    if cross_origin {
                        "The browser hides the phases (DNS, connect, TLS, request, response) of this cross-origin request: the server sent no Timing-Allow-Origin naming this page (Resource Timing §sec-timing-allow-origin). Only the total is known."
                    } else {
                        "The browser exposed no detailed phases for this request."
                    }
                }</p>
            } else {
                <p class="muted">{ format!("{} · {} bytes transferred, {} bytes of body{}",
                    if t.protocol.is_empty() { "protocol hidden".to_string() } else { t.protocol.clone() },
                    t.transfer_size, t.decoded_body_size,
                    if t.from_cache() == Some(true) { " — served from the browser's HTTP cache" } else { "" }) }</p>
            }
        </section>
    }
}
