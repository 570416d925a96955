//! Workshop: many administrations side by side. A facilitator drops their self-assessments
//! (tens of them at once); the page lists each file (those that fail with their errors,
//! left out) and shows the workshop report: the heat map, the distribution per domain, the
//! indicators with the widest spread and each administration's row, with names or neutral
//! labels. Everything stays in the browser.

use super::many::{Files, Report};
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::state::FileSet;
use yew::prelude::*;

#[function_component(Workshop)]
pub fn workshop() -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let many = ctx.state.lang.many();
    let anonymize = use_state(|| false);
    let on_anonymize = {
        let anonymize = anonymize.clone();
        Callback::from(move |e: Event| {
            anonymize.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            )
        })
    };
    html! {
        <div class="many workshop">
            <h1 tabindex="-1">{ ctx.state.lang.ux().nav_workshop }</h1>
            <p class="intro">{ many.workshop_intro }</p>
            <label class="check">
                <input type="checkbox" id="neutral-labels" checked={*anonymize} onchange={on_anonymize} />
                { " " }{ many.neutral_labels }
            </label>
            <Files set={FileSet::Workshop} anonymize={*anonymize} />
            <Report set={FileSet::Workshop} anonymize={*anonymize} file_name="workshop-report.html" />
        </div>
    }
}
