//! Text from the wire and from messages, rendered as text (never as HTML).

use yew::prelude::*;

/// Renders a message in which `backticked` parts are code. Everything is a text node: Yew
/// escapes it, so nothing from the wire can become markup.
pub fn rich(s: &str) -> Html {
    let parts: Vec<Html> = s
        .split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { html! { <code>{ part.to_string() }</code> } } else { html! { { part.to_string() } } })
        .collect();
    html! { <>{ for parts }</> }
}
