//! Results: overall score and band, charts, scenarios, completeness and the action plan,
//! recomputed as the answers change.

use crate::components::chart::Chart;
use crate::ctx::Ctx;
use tradeready::chart::{domain_chart, phase_chart, scenario_chart};
use tradeready::report::{percent_text, score_text};
use yew::prelude::*;

#[function_component(Results)]
pub fn results() -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let t = ctx.t();
    let lang = ctx.state.lang.code();
    let (Some(draft), Some(available)) = (ctx.state.draft.as_ref(), ctx.draft_profile()) else {
        return html! { <p>{ t.no_draft }</p> };
    };
    let profile = available.profile.clone();
    let default = profile.default_language();
    let Some(scoring) = ctx.evaluation.as_ref().as_ref() else {
        return html! { <p>{ t.no_draft }</p> };
    };
    let evaluation = &scoring.evaluation;
    // The re-scoring budget, measured where the draft is scored and exposed for the tests.
    let score_ms = scoring.ms;
    let problems = html! {
        if !evaluation.problems.is_empty() {
            <div class="notice warn" role="status">
                <p>{ t.invalid_answers }</p>
                <ul>{ for evaluation.problems.iter().map(|(id, m)| html! { <li>{ id.clone().map(|i| format!("{i}: ")).unwrap_or_default() }{ m }</li> }) }</ul>
            </div>
        }
    };
    let Some(report) = &evaluation.report else {
        return problems;
    };
    let headings = (AttrValue::from(t.score), AttrValue::from(t.band));
    let localized = |mut chart: tradeready::chart::BarChart| {
        chart.capped_label = t.capped.to_owned();
        chart
    };
    html! {
        <div class="results" data-score-ms={format!("{score_ms:.3}")}>
            <div class="results-head">
                <h1>{ t.nav_results }</h1>
                <button class="print" onclick={Callback::from(|_: MouseEvent| { let _ = gloo::utils::window().print(); })}>{ t.print }</button>
            </div>
            <p class="who">{ format!("{} — {} — {} {} · {} {}", draft.assessment.administration.name, draft.assessment.cycle, t.as_of, draft.assessment.as_of, available.key.id, available.key.version) }</p>
            { problems }
            <div class="headline">
                <div class="big" aria-label={t.overall}>
                    <span class="label">{ t.overall }</span>
                    <span class="value" id="overall">{ score_text(report.overall) }</span>
                    <span class="band">{ report.band.clone().unwrap_or_default() }</span>
                </div>
                <div><span class="label">{ t.completeness }</span><span class="value">{ percent_text(report.completeness) }</span></div>
                <div><span class="label">{ t.evidence_coverage }</span><span class="value">{ percent_text(report.evidence_coverage) }</span></div>
            </div>
            <h2>{ t.domains }</h2>
            <Chart chart={localized(domain_chart(&profile, report, lang, t.domains))} table_label={t.data_table} headings={headings.clone()} />
            <h2>{ t.phases }</h2>
            <Chart chart={localized(phase_chart(&profile, report, lang, t.phases))} table_label={t.data_table} headings={headings.clone()} />
            if !report.scenarios.is_empty() {
                <h2>{ t.scenarios }</h2>
                <Chart chart={localized(scenario_chart(&profile, report, lang, t.scenarios))} table_label={t.data_table} headings={headings} />
            }
            <h2>{ t.action_plan }</h2>
            <ol class="gaps">
                { for report.gaps.iter().map(|g| {
                    let Some((_, indicator)) = profile.indicator(&g.id) else { return html! {} };
                    html! {
                        <li>
                            <div class="gap-head">
                                <span class="priority" title={t.priority}>{ score_text(Some(g.priority)) }</span>
                                <strong>{ indicator.title.get(lang, default) }</strong>
                                if g.critical { <span class="badge">{ t.critical }</span> }
                                <span class="meta">{ format!("{} {} → {} {}", t.now, percent_text(g.score), t.target, percent_text(g.target)) }</span>
                            </div>
                            if let Some(r) = &indicator.recommendation { <p>{ r.get(lang, default) }</p> }
                            <p class="refs">{ indicator.refs.join(", ") }</p>
                        </li>
                    }
                }) }
            </ol>
        </div>
    }
}
