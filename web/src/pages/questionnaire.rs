//! Questionnaire: the domains with their progress, and the questions of one domain.

use crate::components::indicator::{IndicatorForm, Problem};
use crate::ctx::Ctx;
use crate::logic::indicator_of;
use crate::said::said;
use crate::state::{Action, Details, Page};
use crate::words::shown;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Index of the domain shown.
    pub domain: usize,
}

#[function_component(Questionnaire)]
pub fn questionnaire(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let t = ctx.t();
    let lang = ctx.state.lang.code();
    let (Some(draft), Some(available)) = (ctx.state.draft.as_ref(), ctx.draft_profile()) else {
        return html! { <p>{ t.no_draft }</p> };
    };
    let profile = available.profile.clone();
    let default = profile.default_language();
    let Some(evaluation) = ctx.evaluation() else {
        return html! { <p>{ t.no_draft }</p> };
    };
    let answers = &draft.assessment.answers;
    let done = |id: &str| {
        answers
            .get(id)
            .is_some_and(|a| a.value.is_some() || a.na.is_some())
    };
    let index = props.domain.min(profile.domains.len().saturating_sub(1));
    let domain = &profile.domains[index];
    let go = |i: usize| {
        let state = ctx.state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Go(Page::Questionnaire(i))))
    };
    let a = &draft.assessment;
    let details = Details::of(draft);
    let edit = |change: fn(&mut Details, String)| {
        let state = ctx.state.clone();
        let details = details.clone();
        Callback::from(move |e: Event| {
            let mut next = details.clone();
            let target = e.target_unchecked_into::<web_sys::HtmlElement>();
            let value = match target.dyn_ref::<HtmlTextAreaElement>() {
                Some(area) => area.value(),
                None => target.unchecked_into::<HtmlInputElement>().value(),
            };
            change(&mut next, value);
            state.dispatch(Action::SetDetails(next));
        })
    };
    // Problems in the user's language, naming the question by its title.
    let language = ctx.state.lang;
    let header_problems: Vec<crate::said::Said> = evaluation
        .diagnostics
        .iter()
        .filter(|d| indicator_of(d).is_none())
        .map(|d| said(d, language, &ctx.profiles))
        .collect();
    html! {
        <div class="questionnaire">
            <nav class="domains" aria-label={t.nav_questionnaire}>
                <details class="details" open={!header_problems.is_empty()}>
                    <summary class="who">{ format!("{} — {} ({})", a.administration.name, a.cycle, a.as_of) }</summary>
                    <p class="label">{ t.details }</p>
                    <label>{ t.administration }<input id="edit-administration" type="text" required=true value={details.administration.clone()} onchange={edit(|d, v| d.administration = v)} /></label>
                    <label>{ t.code }<input id="edit-code" type="text" value={details.code.clone()} onchange={edit(|d, v| d.code = v)} /></label>
                    <label>{ t.cycle }<input id="edit-cycle" type="text" required=true value={details.cycle.clone()} onchange={edit(|d, v| d.cycle = v)} /></label>
                    <label>{ t.as_of }<input id="edit-as-of" type="date" required=true value={details.as_of.clone()} onchange={edit(|d, v| d.as_of = v)} /></label>
                    <label>{ t.assessors }{ " " }<span class="hint">{ t.assessors_hint }</span>
                        <textarea id="edit-assessors" rows="2" value={details.assessors.join("\n")} onchange={edit(|d, v| d.assessors = v.lines().map(str::to_owned).collect())} />
                    </label>
                    if !header_problems.is_empty() {
                        <ul class="problem" role="alert">{ for header_problems.iter().map(|m| html! { <li lang={m.english.then_some("en")}>{ m.text.clone() }</li> }) }</ul>
                    }
                </details>
                // On a narrow screen the list gives way to this menu (see the stylesheet).
                <label class="domain-menu">{ t.domain }
                    <select id="domain-menu" onchange={{
                        let state = ctx.state.clone();
                        Callback::from(move |e: Event| {
                            let chosen = e.target_unchecked_into::<HtmlSelectElement>().value();
                            if let Ok(i) = chosen.parse() {
                                state.dispatch(Action::Go(Page::Questionnaire(i)));
                            }
                        })
                    }}>
                        { for profile.domains.iter().enumerate().map(|(i, d)| {
                            let answered = d.indicators.iter().filter(|x| done(&x.id)).count();
                            html! {
                                <option value={i.to_string()} selected={i == index} lang={crate::words::fallback(&d.title, lang, default)}>
                                    { format!("{}. {} ({answered}/{})", i + 1, d.title.get(lang, default), d.indicators.len()) }
                                </option>
                            }
                        }) }
                    </select>
                </label>
                <ol>
                    { for profile.domains.iter().enumerate().map(|(i, d)| {
                        let answered = d.indicators.iter().filter(|x| done(&x.id)).count();
                        html! {
                            <li>
                                <button onclick={go(i)} aria-current={(i == index).then_some("step")}>
                                    <span>{ shown(&d.title, lang, default) }</span>
                                    <progress max={d.indicators.len().to_string()} value={answered.to_string()}
                                        aria-label={format!("{answered}/{} {}", d.indicators.len(), t.answered)} />
                                    <span class="count">{ format!("{answered}/{}", d.indicators.len()) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            </nav>
            <section class="questions" aria-labelledby="domain-h">
                <h1 id="domain-h" tabindex="-1">{ shown(&domain.title, lang, default) }</h1>
                { for domain.indicators.iter().map(|i| {
                    let problem = evaluation.diagnostics.iter().find(|d| indicator_of(d).as_deref() == Some(i.id.as_str())).map(|d| {
                        let s = said(d, language, &ctx.profiles);
                        Problem { code: d.code, text: s.text.into(), english: s.english }
                    });
                    html! { <IndicatorForm key={i.id.clone()} id={i.id.clone()} problem={problem} /> }
                }) }
                <div class="pager">
                    if index > 0 { <button onclick={go(index - 1)}>{ format!("← {}", t.previous) }</button> }
                    if index + 1 < profile.domains.len() {
                        <button class="primary" onclick={go(index + 1)}>{ format!("{} →", t.next) }</button>
                    } else {
                        <button class="primary" onclick={{ let s = ctx.state.clone(); Callback::from(move |_: MouseEvent| s.dispatch(Action::Go(Page::Results))) }}>{ format!("{} →", t.nav_results) }</button>
                    }
                </div>
            </section>
        </div>
    }
}
