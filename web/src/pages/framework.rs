//! Framework: the profile as a reading aid, by domain, by phase or by source provision,
//! with the current draft's answers beside each indicator.

use crate::components::indicator::{number_shown, percent_shown};
use crate::ctx::Ctx;
use crate::i18n::Texts;
use crate::words::shown;
use tradeready::model::{AnswerValue, Indicator, IndicatorKind, LocalizedText, Phase, Profile};
use tradeready::score::Status;
use yew::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum View {
    Domain,
    Phase,
    Source,
}

#[function_component(Framework)]
pub fn framework() -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let t = ctx.t();
    let lang = ctx.state.lang.code();
    let view = use_state(|| View::Domain);
    // The clauses' text of the "by provision" view comes with the full pack.
    {
        let want = ctx.want_sources.clone();
        use_effect_with((), move |()| want.emit(()));
    }
    let available = ctx.draft_profile().or_else(|| ctx.profiles.first());
    let Some(available) = available else {
        return html! {};
    };
    let profile = available.profile.clone();
    let default = profile.default_language();
    let report = ctx.evaluation().and_then(|e| e.report.as_ref());
    let answers = ctx.state.draft.as_ref().map(|d| &d.assessment.answers);
    // The answer as given (a level and its name, yes or no, a percentage...) and its score.
    let answer = |indicator: &Indicator| -> String {
        let scored = report
            .as_ref()
            .and_then(|r| r.indicators.iter().find(|i| i.id == indicator.id));
        let given = answers
            .and_then(|a| a.get(indicator.id.as_str()))
            .and_then(|a| a.value.as_ref());
        match (scored, given) {
            (Some(i), Some(value)) if i.status == Status::Answered => format!(
                "{} · {} {}",
                answer_shown(indicator, value, t, lang, default),
                t.score,
                tradeready::report::percent_text(i.score.unwrap_or(0.0))
            ),
            (Some(i), _) if i.status == Status::Na => t.not_applicable.to_owned(),
            _ => t.unanswered.to_owned(),
        }
    };
    let row = |i: &Indicator| {
        html! {
            <li>
                <span class="title">{ shown(&i.title, lang, default) }</span>
                <code>{ i.id.clone() }</code>
                if i.critical { <span class="badge">{ t.critical }</span> }
                if i.weight != 1.0 { <span class="weight">{ weight_shown(t, i.weight, lang) }</span> }
                if report.is_some() { <span class="answer">{ format!("{}{}{}", t.your_answer, t.colon, answer(i)) }</span> }
                { basis(t, i.basis.as_ref(), lang, default) }
            </li>
        }
    };
    let tab = |v: View, label: &'static str| {
        let view = view.clone();
        html! { <button type="button" aria-pressed={(*view == v).to_string()} onclick={Callback::from(move |_: MouseEvent| view.set(v))}>{ label }</button> }
    };
    let body = match *view {
        View::Domain => html! {
            { for profile.domains.iter().map(|d| html! {
                <section>
                    <h2>{ shown(&d.title, lang, default) }</h2>
                    if d.weight != 1.0 {
                        <div class="domain-weight"><span class="weight">{ weight_shown(t, d.weight, lang) }</span>{ basis(t, d.basis.as_ref(), lang, default) }</div>
                    }
                    <ul class="framework">{ for d.indicators.iter().map(row) }</ul>
                </section>
            }) }
        },
        View::Phase => html! {
            { for Phase::ALL.iter().map(|p| {
                let tagged: Vec<&Indicator> = profile.indicators().map(|(_, i)| i).filter(|i| i.phases.contains(p)).collect();
                html! {
                    <section><h2>{ ctx.state.lang.phase(*p) }</h2><ul class="framework">{ for tagged.into_iter().map(row) }</ul></section>
                }
            }) }
        },
        View::Source => sources(&profile, t, lang, &row),
    };
    html! {
        <div class="framework-page">
            <h1 tabindex="-1">{ shown(&profile.title, lang, default) }</h1>
            <div class="views" role="group">{ tab(View::Domain, t.by_domain) }{ tab(View::Phase, t.by_phase) }{ tab(View::Source, t.by_source) }</div>
            { body }
        </div>
    }
}

/// "Weight 1.5", with the decimal mark of the language.
fn weight_shown(t: &Texts, weight: f64, lang: &str) -> String {
    t.weight
        .replace("{w}", &crate::numbers::written(weight, lang))
}

/// Where a weight, threshold or critical flag comes from, behind a toggle; nothing when the
/// profile says nothing (or its text has not arrived: the lite pack leaves it out).
fn basis(t: &Texts, basis: Option<&LocalizedText>, lang: &str, default: &str) -> Html {
    let Some(basis) = basis else {
        return html! {};
    };
    html! {
        <details class="basis">
            <summary>{ t.basis }</summary>
            <p lang={crate::words::fallback(basis, lang, default)}>{ shown(basis, lang, default) }</p>
        </details>
    }
}

fn sources(profile: &Profile, t: &Texts, lang: &str, row: &dyn Fn(&Indicator) -> Html) -> Html {
    let default = profile.default_language();
    html! {
        { for profile.sources.iter().map(|s| html! {
            <section>
                <h2>{ shown(&s.title, lang, default) }</h2>
                <dl class="clauses">
                    { for s.clauses.iter().flatten().map(|c| {
                        let citing: Vec<&Indicator> = profile.indicators().map(|(_, i)| i).filter(|i| i.refs.contains(&c.id)).collect();
                        html! {
                            <>
                                <dt>
                                    <code>{ c.id.clone() }</code>{ " " }{ shown(&c.title, lang, default) }
                                    // The section is written as its source numbers it, in English.
                                    if let Some(section) = &c.section {
                                        <span class="section" lang={section.chars().any(char::is_alphabetic).then_some("en")}>{ format!("{} {section}", t.section) }</span>
                                    }
                                </dt>
                                <dd>
                                    <p>{ c.text.as_ref().map(|x| shown(x, lang, default)).unwrap_or_default() }</p>
                                    <ul class="framework">{ for citing.into_iter().map(row) }</ul>
                                </dd>
                            </>
                        }
                    }) }
                </dl>
            </section>
        }) }
    }
}

/// An answer as the user gave it: the level with its name, yes or no, a percentage, a number
/// with its unit, or a date.
pub(crate) fn answer_shown(
    indicator: &Indicator,
    value: &AnswerValue,
    t: &Texts,
    lang: &str,
    default: &str,
) -> String {
    match (&indicator.kind, value) {
        (IndicatorKind::Scale { levels, .. }, AnswerValue::Int(v)) => {
            levels.iter().find(|l| l.value == *v).map_or_else(
                || v.to_string(),
                |l| format!("{v} — {}", l.label.get(lang, default)),
            )
        }
        (IndicatorKind::Boolean, AnswerValue::Bool(b)) => if *b { t.yes } else { t.no }.to_owned(),
        (IndicatorKind::Ratio { .. }, v) => {
            format!("{}{}", percent_shown(Some(v), lang), t.percent)
        }
        (
            IndicatorKind::Number {
                unit: Some(unit), ..
            },
            v,
        ) => {
            format!(
                "{} {}",
                number_shown(Some(v), lang),
                unit.get(lang, default)
            )
        }
        (_, AnswerValue::Text(text)) => text.clone(),
        (_, v) => number_shown(Some(v), lang),
    }
}
