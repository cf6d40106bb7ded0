use yew::prelude::*;

use crate::observe::{body_view, human_size, BodyView};

#[derive(Properties, PartialEq)]
pub struct BodyPanelProps {
    pub content_type: Option<AttrValue>,
    pub body: std::rc::Rc<Vec<u8>>,
}

/// The response body: pretty JSON, text, or a hex preview; large bodies truncated with the size shown.
#[component]
pub fn BodyPanel(props: &BodyPanelProps) -> Html {
    let (view, truncated) = body_view(props.content_type.as_deref(), &props.body);
    let size = human_size(props.body.len());
    let (kind, content) = match view {
        BodyView::Empty => return html! { <p class="muted">{ "No body." }</p> },
        BodyView::Json(s) => ("JSON", s),
        BodyView::Text(s) => ("text", s),
        BodyView::Hex(s) => ("binary, hex preview", s),
    };
    html! {
        <div class="body-view">
            <p class="muted">{ format!("{size} · {kind}") }
                if truncated { { " · truncated in this view" } }
            </p>
            <pre data-testid="body"><code>{ content }</code></pre>
        </div>
    }
}
