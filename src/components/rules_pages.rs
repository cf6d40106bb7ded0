use statuslab_rules::{find_rule, Category, Rule, Severity, RULES};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::app::Nav;
use crate::route::{AppLink, Route};
use crate::rules_data::{section, use_rule_docs};
use crate::text::rich;

const CATEGORIES: [Category; 8] = [
    Category::Status,
    Category::Headers,
    Category::Caching,
    Category::Cors,
    Category::Redirects,
    Category::Security,
    Category::Cookies,
    Category::Content,
];

/// Whether a rule matches a free-text query (code, name, summary, category).
pub fn rule_matches(r: &Rule, q: &str) -> bool {
    let q = q.trim().to_ascii_lowercase();
    if q.is_empty() {
        return true;
    }
    let hay = format!("{} {} {} {}", r.code, r.name, r.summary, r.category.as_str()).to_ascii_lowercase();
    q.split_whitespace().all(|w| hay.contains(w))
}

/// `/rules`: every rule, searchable by code, name and words, filterable by category and severity.
#[component]
pub fn RulesIndex() -> Html {
    let query = use_state(String::new);
    let category = use_state(String::new);
    let severity = use_state(String::new);
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_category = {
        let category = category.clone();
        Callback::from(move |e: Event| category.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let on_severity = {
        let severity = severity.clone();
        Callback::from(move |e: Event| severity.set(e.target_unchecked_into::<HtmlSelectElement>().value()))
    };
    let shown: Vec<&&Rule> = RULES
        .iter()
        .filter(|r| rule_matches(r, &query))
        .filter(|r| category.is_empty() || r.category.as_str() == category.as_str())
        .filter(|r| severity.is_empty() || r.severity.as_str() == severity.as_str())
        .collect();
    html! {
        <div class="app">
            <Nav />
            <main class="page rules">
                <h1>{ "Rules" }</h1>
                <p class="muted">{ format!("{} rules, each with its spec references, docs and fixtures. The same rules run in this page, in `statuslab lint` and in the simulator's self-checks.", RULES.len()) }</p>
                <div class="filters">
                    <div class="field">
                        <label for="rule-search">{ "Search rules" }</label>
                        <input id="rule-search" type="search" placeholder="code, name or words" value={(*query).clone()} oninput={on_query} />
                    </div>
                    <div class="field">
                        <label for="rule-category">{ "Category" }</label>
                        <select id="rule-category" onchange={on_category}>
                            <option value="" selected={category.is_empty()}>{ "all" }</option>
                            { for CATEGORIES.iter().map(|c| html! { <option value={c.as_str()} selected={category.as_str() == c.as_str()}>{ c.as_str() }</option> }) }
                        </select>
                    </div>
                    <div class="field">
                        <label for="rule-severity">{ "Severity" }</label>
                        <select id="rule-severity" onchange={on_severity}>
                            <option value="" selected={severity.is_empty()}>{ "all" }</option>
                            { for [Severity::Error, Severity::Warning, Severity::Info].iter().map(|s| html! {
                                <option value={s.as_str()} selected={severity.as_str() == s.as_str()}>{ s.as_str() }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <p class="muted" data-testid="rule-count">{ format!("{} shown", shown.len()) }</p>
                <table class="rules-table">
                    <thead><tr><th>{ "Code" }</th><th>{ "Name" }</th><th>{ "Category" }</th><th>{ "Severity" }</th><th>{ "Summary" }</th></tr></thead>
                    <tbody>
                        { for shown.iter().map(|r| html! {
                            <tr data-testid="rule-row">
                                <td><AppLink to={Route::Rule { code: r.code.to_string() }}>{ r.code }</AppLink></td>
                                <td>{ r.name }</td>
                                <td>{ r.category.as_str() }</td>
                                <td><span class={format!("sev-pill sev-{}", r.severity.as_str())}>{ r.severity.as_str() }</span></td>
                                <td>{ r.summary }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </main>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RulePageProps {
    pub code: AttrValue,
}

/// `/rules/{code}`: the rule's docs, generated from its declaration.
#[component]
pub fn RulePage(props: &RulePageProps) -> Html {
    let docs = use_rule_docs();
    let body = match find_rule(&props.code) {
        None => html! {
            <>
                <h1>{ "Unknown rule" }</h1>
                <p class="error" data-testid="error">{ format!("“{}” is not a rule code or name.", props.code) }</p>
                <AppLink to={Route::RulesIndex}>{ "All rules" }</AppLink>
            </>
        },
        Some(r) => {
            let text = match &docs {
                None => html! { <p class="muted" aria-live="polite">{ "Loading the rule's docs…" }</p> },
                Some(Err(e)) => html! { <p class="error" data-testid="error">{ e.clone() }</p> },
                Some(Ok(map)) => {
                    let d = map.get(r.code).cloned().unwrap_or_default();
                    let example = section(&d, "Example");
                    let example_code = example.trim_start_matches("```http").split("```").next().unwrap_or("").trim().to_string();
                    let after_example = example.rsplit("```").next().unwrap_or("").trim().to_string();
                    html! {
                        <>
                            <h2>{ "What it checks" }</h2><p>{ rich(&section(&d, "What it checks")) }</p>
                            <h2>{ "Why it matters" }</h2><p>{ rich(&section(&d, "Why it matters")) }</p>
                            <h2>{ "Example" }</h2><pre><code>{ example_code }</code></pre>
                            if !after_example.is_empty() { <p class="muted">{ rich(&after_example) }</p> }
                            <h2>{ "Fix" }</h2><p>{ rich(&section(&d, "Fix")) }</p>
                        </>
                    }
                }
            };
            html! {
                <>
                    <h1>{ format!("{} {}", r.code, r.name) }</h1>
                    <p class="muted">{ format!("{} · default severity ", r.category.as_str()) }
                        <span class={format!("sev-pill sev-{}", r.severity.as_str())}>{ r.severity.as_str() }</span></p>
                    <p class="summary">{ r.summary }</p>
                    if let Some(a) = r.applies_to() { <p class="muted applies">{ format!("Applies to {a}.") }</p> }
                    { text }
                    <h2>{ "Specifications" }</h2>
                    <ul>{ for r.spec_links().into_iter().map(|l| html! { <li><a href={l.url} target="_blank" rel="noopener noreferrer">{ l.label }</a></li> }) }</ul>
                </>
            }
        }
    };
    html! {
        <div class="app">
            <Nav />
            <main class="page rules">{ body }</main>
        </div>
    }
}
