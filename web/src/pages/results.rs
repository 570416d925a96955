//! Results: the core's report model (`tradeready::report::Report`) laid out as a page, in
//! the interface's language, recomputed as the answers change. The page chooses layout,
//! not content: scores, bands, cap sentences and the action plan come from the model.

use crate::components::chart::Chart;
use crate::components::indicator::dom_id;
use crate::components::report_view::Downloads;
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::state::Action;
use tradeready::model::raw;
use tradeready::report::{Named, Report};
use yew::prelude::*;

#[function_component(Results)]
pub fn results() -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let t = ctx.t();
    let lang = ctx.state.lang.code();
    let Some(available) = ctx.draft_profile() else {
        return html! { <p>{ t.no_draft }</p> };
    };
    let profile = available.profile.clone();
    let Some(scoring) = ctx.evaluation.as_ref().as_ref() else {
        return html! { <p>{ t.no_draft }</p> };
    };
    let evaluation = &scoring.evaluation;
    // The re-scoring budget, measured where the draft is scored and exposed for the tests.
    let score_ms = scoring.ms;
    // Problems in the user's language, naming the question by its title.
    let problems = html! {
        if !evaluation.diagnostics.is_empty() {
            <div class="notice warn" role="status">
                <p>{ t.invalid_answers }</p>
                <ul>{ for evaluation.diagnostics.iter().map(|d| {
                    let s = crate::said::said(d, ctx.state.lang, &ctx.profiles);
                    html! { <li lang={s.english.then_some("en")}>{ s.text }</li> }
                }) }</ul>
            </div>
        }
    };
    let Some(scores) = &evaluation.report else {
        return problems;
    };
    let report = Report::new(&profile, scores, lang);
    let words = report.words();
    let n = report.lang;
    let headings = (AttrValue::from(words.score), AttrValue::from(words.band));
    // A link to a question: open its domain with the focus in the question.
    let to_question = |item: &Named| {
        let domain = profile
            .indicator(&item.id)
            .and_then(|(d, _)| profile.domains.iter().position(|x| x.id == d.id))
            .unwrap_or(0);
        let state = ctx.state.clone();
        let id = item.id.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            state.dispatch(Action::GoToQuestion(domain, id.clone()));
        })
    };
    let question_link = |item: &Named| {
        html! { <a href={format!("#{}", dom_id(&item.id, "card"))} onclick={to_question(item)}>{ item.title.clone() }</a> }
    };
    let holding: Vec<_> = report.holding().collect();
    let plan = ctx.state.lang.plan();
    let adopted = |id: &str| {
        ctx.state
            .draft
            .as_ref()
            .and_then(|d| d.assessment.actions.get(id).cloned())
    };
    // The report and the action plan as files, as the command line writes them.
    let draft = ctx.state.draft.as_ref();
    let stem = draft
        .map(|d| crate::logic::export_name(d, "x"))
        .unwrap_or_default();
    let stem = stem.trim_end_matches(".x").to_owned();
    // Made when asked for: the draft as exported, in the language shown.
    let request = {
        let (draft, profiles) = (draft.cloned(), ctx.profiles.clone());
        let lang = lang.to_owned();
        Callback::from(move |()| {
            let text = draft
                .as_ref()
                .map(crate::logic::export_yaml)
                .unwrap_or_default();
            crate::logic::request_of(vec![&text], &profiles, &lang, false)
        })
    };
    html! {
        <div class="results" data-score-ms={format!("{score_ms:.3}")}>
            <div class="results-head">
                <h1>{ t.nav_results }</h1>
                <button class="print" onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().print(); })}>{ t.print }</button>
            </div>
            <Downloads request={request} stem={stem} />
            <p class="who">{ format!("{} — {} {} — {} {} · {} {}", report.administration, words.cycle, report.cycle, words.as_of, report.as_of, report.profile_id, report.profile_version) }</p>
            { problems }
            <div class="headline">
                <div class="big">
                    <span class="label">{ words.overall }</span>
                    <span class="value" id="overall">{ n.score(report.overall.value) }</span>
                    <span class="band" id="overall-band">
                        { report.overall.band.clone().unwrap_or_default() }
                        if report.overall.capped { <span class="badge">{ words.capped }</span> }
                    </span>
                </div>
                <div><span class="label">{ words.completeness }</span><span class="value">{ n.percent(report.completeness) }</span></div>
                <div><span class="label">{ words.evidence_coverage }</span><span class="value">{ n.percent(report.evidence_coverage) }</span></div>
            </div>
            if let Some(first) = report.unanswered.first() {
                <div class="provisional" id="provisional">
                    <p><strong>{ n.provisional(report.completeness) }</strong>{ " · " }{ question_link(first) }</p>
                    <details open={report.unanswered.len() <= 10}>
                        <summary>{ format!("{} ({})", words.unanswered, report.unanswered.len()) }</summary>
                        <ul class="unanswered">{ for report.unanswered.iter().map(|i| html! { <li>{ question_link(i) }</li> }) }</ul>
                    </details>
                </div>
            }
            if !holding.is_empty() {
                <section class="caps" aria-labelledby="caps-heading">
                    <h2 id="caps-heading">{ words.caps_holding }</h2>
                    <ul>{ for holding.iter().map(|c| html! { <li>{ format!("{}.", c.sentence) }</li> }) }</ul>
                </section>
            }
            <h2>{ words.domains }</h2>
            <Chart chart={report.domain_chart()} table_label={t.data_table} headings={headings.clone()} />
            if !report.phases.is_empty() {
                <h2>{ words.phases }</h2>
                <Chart chart={report.phase_chart()} table_label={t.data_table} headings={headings.clone()} />
            }
            if !report.scenarios.is_empty() {
                <h2>{ words.scenarios }</h2>
                <Chart chart={report.scenario_chart()} table_label={t.data_table} headings={headings} />
            }
            <h2>{ n.action_plan_heading(report.actions.len()) }</h2>
            <ol class="gaps">
                { for report.actions.iter().map(|a| html! {
                    <li>
                        <div class="gap-head">
                            <span class="priority">{ format!("{} {}", words.priority, n.score(Some(a.priority))) }</span>
                            <strong>{ a.indicator.title.clone() }</strong>
                            if a.critical { <span class="badge">{ words.critical }</span> }
                        </div>
                        <p class="meta">{ format!("{} · {}{}{} → {}{}{}", a.domain.title, words.now, words.colon, n.percent(a.score), words.target, words.colon, n.percent(a.target)) }</p>
                        if let Some(r) = &a.recommendation { <p class="recommendation">{ r.clone() }</p> }
                        if !a.refs.is_empty() { <p class="refs">{ format!("{}{}{}", words.refs, words.colon, a.refs.join(", ")) }</p> }
                        <Adopt id={a.indicator.id.clone()} adopted={adopted(&a.indicator.id)} />
                    </li>
                }) }
            </ol>
            if !report.actions.is_empty() {
                <p class="hint">{ plan.saved_with }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AdoptProps {
    /// The indicator whose gap it is.
    id: String,
    /// The action adopted for it, if any.
    adopted: Option<raw::Action>,
}

/// A gap adopted as an action (what will be done, owner, due date, status), or the button
/// that adopts it. Each change is saved with the draft at once (see the views module's
/// root), and exported with it.
#[function_component(Adopt)]
fn adopt(props: &AdoptProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let (plan, words) = (ctx.state.lang.plan(), ctx.state.lang.words());
    let base = dom_id(&props.id, "plan");
    let set = {
        let (state, id) = (ctx.state.clone(), props.id.clone());
        move |action: Option<raw::Action>| state.dispatch(Action::SetPlan(id.clone(), action))
    };
    let Some(current) = props.adopted.clone() else {
        let set = set.clone();
        let on_adopt = Callback::from(move |_: MouseEvent| {
            set(Some(raw::Action {
                what: None,
                owner: None,
                due: None,
                status: raw::ActionStatus::Planned,
            }))
        });
        return html! { <button class="adopt" id={base} onclick={on_adopt}>{ plan.adopt }</button> };
    };
    let text = |value: String| {
        let value = value.trim().to_owned();
        (!value.is_empty()).then_some(value)
    };
    let field = |change: fn(&mut raw::Action, Option<String>)| {
        let (set, current) = (set.clone(), current.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let mut next = current.clone();
            change(&mut next, text(value));
            set(Some(next));
        })
    };
    let on_status = {
        let (set, current) = (set.clone(), current.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            let status = match value.as_str() {
                "in-progress" => raw::ActionStatus::InProgress,
                "done" => raw::ActionStatus::Done,
                "dropped" => raw::ActionStatus::Dropped,
                _ => raw::ActionStatus::Planned,
            };
            set(Some(raw::Action {
                status,
                ..current.clone()
            }));
        })
    };
    let on_remove = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set(None))
    };
    let statuses = [
        (raw::ActionStatus::Planned, plan.planned),
        (raw::ActionStatus::InProgress, plan.in_progress),
        (raw::ActionStatus::Done, plan.done),
        (raw::ActionStatus::Dropped, plan.dropped),
    ];
    html! {
        <fieldset class="adopted" id={base.clone()}>
            <legend>{ words.adopted }</legend>
            <label>{ plan.what }
                <input type="text" class="what" value={current.what.clone().unwrap_or_default()} placeholder={plan.what_hint} onchange={field(|a, v| a.what = v)} />
            </label>
            <label>{ words.owner }
                <input type="text" class="owner" value={current.owner.clone().unwrap_or_default()} onchange={field(|a, v| a.owner = v)} />
            </label>
            <label>{ words.due }
                <input type="date" class="due" value={current.due.clone().unwrap_or_default()} onchange={field(|a, v| a.due = v)} />
            </label>
            <label>{ words.status }
                <select class="status" onchange={on_status}>
                    { for statuses.iter().map(|(s, name)| html! {
                        <option value={s.as_str()} selected={*s == current.status}>{ *name }</option>
                    }) }
                </select>
            </label>
            <button class="remove" onclick={on_remove}>{ plan.remove }</button>
        </fieldset>
    }
}
