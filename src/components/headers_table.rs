use statuslab_rules::{Finding, Target};
use yew::prelude::*;

use crate::components::finding::finding_list;

#[derive(Properties, Clone)]
pub struct HeadersTableProps {
    pub headers: Vec<(String, String)>,
    pub findings: Vec<Finding>,
    pub caption: AttrValue,
}

impl PartialEq for HeadersTableProps {
    fn eq(&self, o: &Self) -> bool {
        self.headers == o.headers && self.caption == o.caption && self.findings.len() == o.findings.len()
            && self.findings.iter().zip(&o.findings).all(|(a, b)| a.code == b.code && a.message == b.message)
    }
}

/// The response headers, each with the findings about that header line beneath it; findings about
/// absent (or invisible) headers come first.
#[component]
pub fn HeadersTable(props: &HeadersTableProps) -> Html {
    let about = |idx: usize| -> Vec<Finding> {
        props
            .findings
            .iter()
            .filter(|f| matches!(&f.target, Target::Header { index: Some(i), .. } if *i == idx))
            .cloned()
            .collect()
    };
    let missing: Vec<Finding> = props
        .findings
        .iter()
        .filter(|f| matches!(f.target, Target::Header { index: None, .. }))
        .cloned()
        .collect();
    html! {
        <table class="headers-table">
            <caption>{ props.caption.clone() }</caption>
            <thead><tr><th scope="col">{ "Name" }</th><th scope="col">{ "Value" }</th></tr></thead>
            <tbody>
                if !missing.is_empty() {
                    <tr class="missing">
                        <td colspan="2">
                            <span class="label">{ "Missing or not visible" }</span>
                            { finding_list(&missing) }
                        </td>
                    </tr>
                }
                { for props.headers.iter().enumerate().map(|(i, (n, v))| {
                    let fs = about(i);
                    html! {
                        <>
                        <tr class={classes!((!fs.is_empty()).then_some("flagged"))}>
                            <th scope="row" class="hname">{ n.clone() }</th>
                            <td class="hvalue">{ v.clone() }</td>
                        </tr>
                        if !fs.is_empty() {
                            <tr class="finding-row"><td colspan="2">{ finding_list(&fs) }</td></tr>
                        }
                        </>
                    }
                }) }
            </tbody>
        </table>
    }
}
