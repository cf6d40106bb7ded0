use statuslab_rules::codes::{self, RegistryStatus, Requirement, Snippet, StatusClass, StatusEntry};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::app::Nav;
use crate::reference_data::use_reference;
use crate::route::{AppLink, Route};
use crate::text::rich;

const CLASSES: [StatusClass; 5] =
    [StatusClass::Informational, StatusClass::Successful, StatusClass::Redirection, StatusClass::ClientError, StatusClass::ServerError];

fn registry_badge(e: &StatusEntry) -> Html {
    let (label, class) = match e.registry_status {
        RegistryStatus::Permanent => return html! {},
        RegistryStatus::Provisional => ("provisional", "badge provisional"),
        RegistryStatus::Deprecated => ("deprecated", "badge deprecated"),
        RegistryStatus::Unused => ("unused", "badge deprecated"),
        RegistryStatus::Obsolete => ("obsolete", "badge deprecated"),
        RegistryStatus::Unofficial => ("unofficial", "badge unofficial"),
    };
    html! { <span class={class}>{ label }</span> }
}

/// `/status`: every code grouped by class, searchable by code and by words.
#[component]
pub fn StatusIndex() -> Html {
    let query = use_state(String::new);
    let reference = use_reference();
    // Until the prose arrives, search covers codes and reason phrases (compiled in).
    let entries: Vec<StatusEntry> = match &reference {
        Some(Ok(r)) => r.to_vec(),
        _ => codes::all().to_vec(),
    };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let shown: Vec<&StatusEntry> = entries.iter().filter(|e| codes::matches(e, &query)).collect();
    html! {
        <div class="app">
            <Nav />
            <main class="page reference">
                <h1>{ "HTTP status codes" }</h1>
                <p class="muted">{ "Every code in the IANA registry, with the unofficial ones you will meet in the wild, clearly marked. Each page says what the code guarantees, how clients treat it, how to retry, and lets you try it live against the simulator." }</p>
                <div class="field search">
                    <label for="code-search">{ "Search status codes" }</label>
                    <input id="code-search" type="search" placeholder="e.g. 42, redirect, rate limit" value={(*query).clone()} {oninput} />
                </div>
                if shown.is_empty() {
                    <p class="muted" data-testid="no-results">{ format!("No status code matches “{}”.", *query) }</p>
                }
                { for CLASSES.iter().map(|c| {
                    let list: Vec<&&StatusEntry> = shown.iter().filter(|e| e.class() == *c).collect();
                    if list.is_empty() { return html! {}; }
                    html! {
                        <section>
                            <h2>{ format!("{} {}", c.digit_label(), c.title()) }</h2>
                            <ul class="code-list">
                                { for list.iter().map(|e| html! {
                                    <li>
                                        <AppLink to={Route::Status { code: e.code.to_string() }}>
                                            <span class="code">{ e.code }</span>{ " " }{ e.reason.clone() }
                                        </AppLink>
                                        { " " }{ registry_badge(e) }
                                    </li>
                                }) }
                            </ul>
                        </section>
                    }
                }) }
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct StatusPageProps {
    pub code: AttrValue,
}

fn list(title: &str, items: &[String]) -> Html {
    if items.is_empty() {
        return html! {};
    }
    html! {
        <section>
            <h2>{ title.to_string() }</h2>
            <ul>{ for items.iter().map(|i| html! { <li>{ rich(i) }</li> }) }</ul>
        </section>
    }
}

fn requirement(r: Requirement) -> &'static str {
    match r {
        Requirement::Required => "required",
        Requirement::Expected => "expected",
        Requirement::Conditional => "conditional",
    }
}

fn entry_view(e: &StatusEntry) -> Html {
    let try_it = format!("/?try={}", e.code);
    html! {
        <article class="status-entry">
            <h1>{ format!("{} {}", e.code, e.reason) }{ " " }{ registry_badge(e) }</h1>
            <p class="muted">
                { format!("{} · ", e.class().title()) }
                <a href={e.spec.url()} target="_blank" rel="noopener noreferrer">{ e.spec.label() }</a>
                { if e.cacheable_by_default { " · cacheable by default" } else { " · not cacheable by default" } }
            </p>
            if let Some(note) = &e.registry_note { <p class="registry-note">{ rich(note) }</p> }
            <p class="meaning">{ rich(&e.meaning) }</p>
            <p><a class="button primary" href={try_it}>{ "Try it live" }</a>
               <span class="muted">{ format!(" sends GET /api/status/{} to the simulator and annotates the answer", e.code) }</span></p>
            { list("What it guarantees", &e.guarantees) }
            { list("What it does not guarantee", &e.not_guaranteed) }
            { list("When to use it", &e.when_to_use) }
            if !e.misuses.is_empty() {
                <section>
                    <h2>{ "Common misuses" }</h2>
                    <ul class="misuses">{ for e.misuses.iter().map(|m| html! {
                        <li><strong>{ rich(&m.misuse) }</strong><br />{ "→ " }{ rich(&m.consequence) }</li>
                    }) }</ul>
                </section>
            }
            <section>
                <h2>{ "Critical headers" }</h2>
                if e.critical_headers.is_empty() {
                    <p class="muted">{ "No header is specific to this code beyond the usual Content-Type, Date and Cache-Control." }</p>
                } else {
                    <table class="crit-headers">
                        <thead><tr><th>{ "Header" }</th><th>{ "Requirement" }</th><th>{ "Example" }</th><th>{ "Without it" }</th></tr></thead>
                        <tbody>{ for e.critical_headers.iter().map(|h| html! {
                            <tr>
                                <th scope="row"><code>{ h.name.clone() }</code></th>
                                <td>{ requirement(h.requirement) }
                                    if let Some(w) = &h.when { <br /><span class="muted">{ format!("when {w}") }</span> }
                                    <br /><a href={h.spec.url()} target="_blank" rel="noopener noreferrer">{ h.spec.label() }</a></td>
                                <td><code>{ h.example.clone() }</code></td>
                                <td>{ rich(&h.missing) }</td>
                            </tr>
                        }) }</tbody>
                    </table>
                }
            </section>
            <section>
                <h2>{ "Caching" }</h2>
                <p>{ rich(&e.caching) }</p>
            </section>
            <section>
                <h2>{ "Retrying" }</h2>
                <p><span class="badge">{ serde_json::to_value(e.retry.policy).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default() }</span>{ " " }{ rich(&e.retry.advice) }</p>
            </section>
            <section>
                <h2>{ "Monitoring" }</h2>
                <p><span class="badge">{ e.monitoring.classification.clone() }</span>{ " " }{ rich(&e.monitoring.note) }</p>
            </section>
            <section>
                <h2>{ "How clients treat it" }</h2>
                <dl class="clients">
                    <dt>{ "Browsers" }</dt><dd>{ rich(&e.clients.browsers) }</dd>
                    <dt>{ "API clients" }</dt><dd>{ rich(&e.clients.api_clients) }</dd>
                    <dt>{ "Crawlers / SEO" }</dt><dd>{ rich(&e.clients.crawlers) }</dd>
                    <dt>{ "Uptime monitors" }</dt><dd>{ rich(&e.clients.monitors) }</dd>
                    <dt>{ "CDNs and proxies" }</dt><dd>{ rich(&e.clients.cdns) }</dd>
                </dl>
            </section>
            <section>
                <h2>{ "Framework snippets" }</h2>
                { for e.snippets.iter().into_iter().map(|(name, lang, s)| html! {
                    <div class="snippet">
                        <h3>{ name }</h3>
                        { match s {
                            Snippet::Code { code } => html! { <pre class={format!("lang-{lang}")}><code>{ code.clone() }</code></pre> },
                            Snippet::NotApplicable { not_applicable } => html! { <p class="muted">{ rich(not_applicable) }</p> },
                        } }
                    </div>
                }) }
            </section>
            { list("Debugging", &e.debugging) }
            if !e.faq.is_empty() {
                <section>
                    <h2>{ "FAQ" }</h2>
                    { for e.faq.iter().map(|f| html! { <details class="faq"><summary>{ rich(&f.q) }</summary><p>{ rich(&f.a) }</p></details> }) }
                </section>
            }
            <section>
                <h2>{ "Related codes" }</h2>
                <ul class="related">{ for e.related.iter().map(|c| html! {
                    <li><AppLink to={Route::Status { code: c.to_string() }}>{ format!("{c} {}", codes::reason(*c)) }</AppLink></li>
                }) }</ul>
            </section>
        </article>
    }
}

/// `/status/{code}`: every field of the entry.
#[component]
pub fn StatusPage(props: &StatusPageProps) -> Html {
    let reference = use_reference();
    let code = props.code.parse::<u16>().ok().filter(|_| props.code.len() == 3);
    let body = match (code.and_then(codes::get), &reference) {
        (None, _) => html! {
            <>
                <h1>{ "Unknown status code" }</h1>
                <p class="error" data-testid="error">{ format!("“{}” is not a status code in the reference.", props.code) }</p>
                <AppLink to={Route::StatusIndex}>{ "All status codes" }</AppLink>
            </>
        },
        (Some(core), None) => html! {
            <>
                <h1>{ format!("{} {}", core.code, core.reason) }</h1>
                <p class="muted" aria-live="polite">{ "Loading the reference…" }</p>
            </>
        },
        (Some(core), Some(Err(msg))) => html! {
            <>
                <h1>{ format!("{} {}", core.code, core.reason) }</h1>
                <p class="error" data-testid="error">{ msg.clone() }</p>
                <p><a class="button primary" href={format!("/?try={}", core.code)}>{ "Try it live" }</a></p>
            </>
        },
        (Some(core), Some(Ok(all))) => match codes::find(all, core.code) {
            Some(e) => entry_view(e),
            None => html! { <p class="error" data-testid="error">{ "The loaded reference has no entry for this code." }</p> },
        },
    };
    html! {
        <div class="app">
            <Nav />
            <main class="page reference">{ body }</main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct AboutCodeProps {
    pub code: u16,
}

/// "About 401" beside a response: the entry's meaning and a link to its page.
#[component]
pub fn AboutCode(props: &AboutCodeProps) -> Html {
    let reference = use_reference();
    let Some(core) = codes::get(props.code) else { return html! {} };
    let meaning = match &reference {
        Some(Ok(all)) => codes::find(all, props.code).map(|e| e.meaning.clone()).unwrap_or_default(),
        _ => String::new(),
    };
    html! {
        <aside class="about" aria-label={format!("About {}", props.code)}>
            <h3>{ format!("About {} {}", core.code, core.reason) }</h3>
            if !meaning.is_empty() { <p>{ rich(&meaning) }</p> }
            <AppLink to={Route::Status { code: props.code.to_string() }}>{ format!("Full reference for {} →", props.code) }</AppLink>
        </aside>
    }
}
