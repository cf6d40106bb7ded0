use statuslab_rules::Finding;
use yew::prelude::*;

use crate::route::{AppLink, Route};
use crate::text::rich;

#[derive(Properties, Clone)]
pub struct FindingItemProps {
    pub finding: Finding,
}

impl PartialEq for FindingItemProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.finding, &other.finding);
        a.code == b.code && a.message == b.message && a.severity == b.severity && a.target == b.target
    }
}

/// One finding: severity, rule code (linking to the rule's page), message, fix and spec link.
#[component]
pub fn FindingItem(props: &FindingItemProps) -> Html {
    let f = &props.finding;
    let sev = f.severity.as_str();
    html! {
        <li class={classes!("finding", format!("sev-{sev}"))} data-testid="finding" data-code={f.code} data-severity={sev}>
            <span class="sev" aria-label={format!("severity {sev}")}>{ sev }</span>
            <AppLink to={Route::Rule { code: f.code.to_string() }} classes="code">{ f.code }</AppLink>
            <span class="msg">{ rich(&f.message) }</span>
            if let Some(fix) = &f.fix {
                <span class="fix"><strong>{ "Fix: " }</strong>{ rich(fix) }</span>
            }
            if let Some(link) = f.spec.first() {
                <a class="spec" href={link.url.clone()} target="_blank" rel="noopener noreferrer">{ link.label.clone() }</a>
            }
        </li>
    }
}

/// A list of findings, or nothing.
pub fn finding_list(findings: &[Finding]) -> Html {
    if findings.is_empty() {
        return html! {};
    }
    html! {
        <ul class="findings">
            { for findings.iter().map(|f| html! { <FindingItem finding={f.clone()} /> }) }
        </ul>
    }
}
