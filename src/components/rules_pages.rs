use statuslab_rules::{find_rule, RULES};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::app::Nav;
use crate::route::Route;
use crate::text::rich;

/// `/rules`: every rule.
#[component]
pub fn RulesIndex() -> Html {
    html! {
        <div class="app">
            <Nav />
            <main class="page rules">
                <h1>{ "Rules" }</h1>
                <table class="rules-table">
                    <thead><tr><th>{ "Code" }</th><th>{ "Name" }</th><th>{ "Category" }</th><th>{ "Severity" }</th><th>{ "Summary" }</th></tr></thead>
                    <tbody>
                        { for RULES.iter().map(|r| html! {
                            <tr>
                                <td><Link<Route> to={Route::Rule { code: r.code.to_string() }}>{ r.code }</Link<Route>></td>
                                <td>{ r.name }</td>
                                <td>{ r.category.as_str() }</td>
                                <td class={format!("sev-{}", r.severity.as_str())}>{ r.severity.as_str() }</td>
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

/// `/rules/{code}`: the rule's docs, rendered from its declaration.
#[component]
pub fn RulePage(props: &RulePageProps) -> Html {
    let body = match find_rule(&props.code) {
        None => html! {
            <>
                <h1>{ "Unknown rule" }</h1>
                <p data-testid="error">{ format!("“{}” is not a rule code or name.", props.code) }</p>
            </>
        },
        Some(r) => {
            let section = |h: &str| r.docs_section(h).unwrap_or_default();
            let example = section("Example");
            let example_code = example.trim_start_matches("```http").split("```").next().unwrap_or("").trim().to_string();
            html! {
                <>
                    <h1>{ format!("{} {}", r.code, r.name) }</h1>
                    <p class="muted">{ format!("{} · default severity {}", r.category.as_str(), r.severity.as_str()) }</p>
                    <p class="summary">{ r.summary }</p>
                    <h2>{ "What it checks" }</h2><p>{ rich(&section("What it checks")) }</p>
                    <h2>{ "Why it matters" }</h2><p>{ rich(&section("Why it matters")) }</p>
                    <h2>{ "Example" }</h2><pre><code>{ example_code }</code></pre>
                    <h2>{ "Fix" }</h2><p>{ rich(&section("Fix")) }</p>
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
