//! One question of the questionnaire: the input its kind needs, not applicable with a
//! reason, evidence items, a note, and the provisions it cites.

use crate::ctx::Ctx;
use crate::state::Action;
use tradeready::model::{AnswerValue, IndicatorKind, raw};
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Indicator id.
    pub id: AttrValue,
    /// A problem with the current answer, if any.
    #[prop_or_default]
    pub problem: Option<AttrValue>,
}

/// The id an element of this indicator gets in the page.
fn dom_id(indicator: &str, part: &str) -> String {
    format!("{}-{part}", indicator.replace('.', "-"))
}

/// A share as the percentage the user sees, to one decimal.
pub(crate) fn percent_shown(value: Option<&AnswerValue>) -> String {
    value
        .and_then(AnswerValue::as_f64)
        .map(|v| format!("{}", (v * 1000.0).round() / 10.0))
        .unwrap_or_default()
}

/// A finite number typed by the user; none when blank or not a number.
fn read_finite(raw: &str) -> Option<f64> {
    raw.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A percentage typed by the user, as a share within [0, 1].
fn percent_read(raw: &str) -> Option<AnswerValue> {
    read_finite(raw).map(|p| AnswerValue::Float((p / 100.0).clamp(0.0, 1.0)))
}

/// A number as the user sees it.
pub(crate) fn number_shown(value: Option<&AnswerValue>) -> String {
    value
        .and_then(AnswerValue::as_f64)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// A number typed by the user.
fn number_read(raw: &str) -> Option<AnswerValue> {
    read_finite(raw).map(AnswerValue::Float)
}

#[function_component(IndicatorForm)]
pub fn indicator_form(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let t = ctx.t();
    let lang = ctx.state.lang.code();
    let Some(available) = ctx.draft_profile() else {
        return html! {};
    };
    let profile = available.profile.clone();
    let Some((_, indicator)) = profile.indicator(&props.id) else {
        return html! {};
    };
    let default = profile.default_language();
    let text = |x: &tradeready::model::LocalizedText| x.get(lang, default).to_owned();
    let id = props.id.to_string();
    let answer: Option<raw::Answer> = ctx
        .state
        .draft
        .as_ref()
        .and_then(|d| d.assessment.answers.get(id.as_str()).cloned());
    let value = answer.as_ref().and_then(|a| a.value.clone());
    let na = answer.as_ref().and_then(|a| a.na.clone());
    let evidence = answer
        .as_ref()
        .map(|a| a.evidence.clone())
        .unwrap_or_default();
    let note = answer
        .as_ref()
        .and_then(|a| a.note.clone())
        .unwrap_or_default();
    let as_of = ctx
        .state
        .draft
        .as_ref()
        .map(|d| d.assessment.as_of.clone())
        .unwrap_or_default();
    let state = ctx.state.clone();
    let set_value = {
        let state = state.clone();
        let id = id.clone();
        move |v: Option<AnswerValue>| state.dispatch(Action::SetValue(id.clone(), v))
    };

    let input = match &indicator.kind {
        IndicatorKind::Scale { levels, .. } => {
            let descriptors = &indicator.level_descriptors;
            html! {
                <div class="levels" role="radiogroup" aria-labelledby={dom_id(&id, "q")}>
                    { for levels.iter().map(|level| {
                        let checked = value == Some(AnswerValue::Int(level.value));
                        let set = set_value.clone();
                        let v = level.value;
                        let descriptor = descriptors.iter().find(|(k, _)| *k == level.value).map(|(_, d)| text(d));
                        let input_id = dom_id(&id, &format!("level-{}", level.value));
                        html! {
                            <div class="level">
                                <input type="radio" name={dom_id(&id, "level")} id={input_id.clone()} checked={checked}
                                    disabled={na.is_some()}
                                    onchange={Callback::from(move |_: Event| set(Some(AnswerValue::Int(v))))} />
                                <label for={input_id}>
                                    <strong>{ format!("{} — {}", level.value, text(&level.label)) }</strong>
                                    if let Some(d) = descriptor { <span class="descriptor">{ d }</span> }
                                </label>
                            </div>
                        }
                    }) }
                </div>
            }
        }
        IndicatorKind::Boolean => {
            let choice = |b: bool, label: &'static str| {
                let set = set_value.clone();
                let input_id = dom_id(&id, if b { "yes" } else { "no" });
                html! {
                    <span class="choice">
                        <input type="radio" name={dom_id(&id, "bool")} id={input_id.clone()} checked={value == Some(AnswerValue::Bool(b))}
                            disabled={na.is_some()}
                            onchange={Callback::from(move |_: Event| set(Some(AnswerValue::Bool(b))))} />
                        <label for={input_id}>{ label }</label>
                    </span>
                }
            };
            html! { <div class="levels" role="radiogroup" aria-labelledby={dom_id(&id, "q")}>{ choice(true, t.yes) }{ choice(false, t.no) }</div> }
        }
        IndicatorKind::Ratio { .. } => {
            let shown = percent_shown(value.as_ref());
            let set = set_value.clone();
            html! {
                <div class="number">
                    <input type="number" id={dom_id(&id, "value")} min="0" max="100" step="0.1" value={shown}
                        disabled={na.is_some()} aria-labelledby={dom_id(&id, "q")}
                        onchange={Callback::from(move |e: Event| {
                            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                            set(percent_read(&raw));
                        })} />
                    <span class="unit">{ t.percent }</span>
                </div>
            }
        }
        IndicatorKind::Number {
            unit,
            baseline,
            target,
        } => {
            let shown = number_shown(value.as_ref());
            let set = set_value.clone();
            html! {
                <div class="number">
                    <input type="number" id={dom_id(&id, "value")} step="any" value={shown}
                        disabled={na.is_some()} aria-labelledby={dom_id(&id, "q")}
                        onchange={Callback::from(move |e: Event| {
                            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                            set(number_read(&raw));
                        })} />
                    <span class="unit">{ unit.as_ref().map(&text).unwrap_or_default() }</span>
                    <span class="hint">{ format!("{baseline} → {target}") }</span>
                </div>
            }
        }
        IndicatorKind::Date { .. } => {
            let shown = match &value {
                Some(AnswerValue::Text(s)) => s.clone(),
                _ => String::new(),
            };
            let set = set_value.clone();
            html! {
                <div class="number">
                    <input type="date" id={dom_id(&id, "value")} max={as_of} value={shown}
                        disabled={na.is_some()} aria-labelledby={dom_id(&id, "q")}
                        onchange={Callback::from(move |e: Event| {
                            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                            set((!raw.is_empty()).then_some(AnswerValue::Text(raw)));
                        })} />
                </div>
            }
        }
    };

    // The target for the next cycle: the same kind of value as the answer; dates have none.
    let target: Option<AnswerValue> = ctx
        .state
        .draft
        .as_ref()
        .and_then(|d| d.assessment.targets.get(id.as_str()).cloned());
    let set_target = {
        let state = state.clone();
        let id = id.clone();
        move |v: Option<AnswerValue>| state.dispatch(Action::SetTarget(id.clone(), v))
    };
    let target_id = dom_id(&id, "target");
    let on_target_choice = |parse: fn(&str) -> Option<AnswerValue>| {
        let set = set_target.clone();
        Callback::from(move |e: Event| {
            set(parse(
                &e.target_unchecked_into::<HtmlSelectElement>().value(),
            ))
        })
    };
    let target_input = match &indicator.kind {
        IndicatorKind::Scale { levels, .. } => Some(html! {
            <select id={target_id.clone()} onchange={on_target_choice(|v| v.parse().ok().map(AnswerValue::Int))}>
                <option value="" selected={target.is_none()}>{ t.no_target }</option>
                { for levels.iter().map(|l| html! {
                    <option value={l.value.to_string()} selected={target == Some(AnswerValue::Int(l.value))}>
                        { format!("{} — {}", l.value, text(&l.label)) }
                    </option>
                }) }
            </select>
        }),
        IndicatorKind::Boolean => Some(html! {
            <select id={target_id.clone()} onchange={on_target_choice(|v| match v { "true" => Some(AnswerValue::Bool(true)), "false" => Some(AnswerValue::Bool(false)), _ => None })}>
                <option value="" selected={target.is_none()}>{ t.no_target }</option>
                <option value="true" selected={target == Some(AnswerValue::Bool(true))}>{ t.yes }</option>
                <option value="false" selected={target == Some(AnswerValue::Bool(false))}>{ t.no }</option>
            </select>
        }),
        IndicatorKind::Ratio { .. } => {
            let shown = percent_shown(target.as_ref());
            let set = set_target.clone();
            Some(html! {
                <span class="number">
                    <input type="number" id={target_id.clone()} min="0" max="100" step="0.1" value={shown}
                        onchange={Callback::from(move |e: Event| {
                            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                            set(percent_read(&raw));
                        })} />
                    <span class="unit">{ t.percent }</span>
                </span>
            })
        }
        IndicatorKind::Number { unit, .. } => {
            let shown = number_shown(target.as_ref());
            let set = set_target.clone();
            Some(html! {
                <span class="number">
                    <input type="number" id={target_id.clone()} step="any" value={shown}
                        onchange={Callback::from(move |e: Event| {
                            let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                            set(number_read(&raw));
                        })} />
                    <span class="unit">{ unit.as_ref().map(&text).unwrap_or_default() }</span>
                </span>
            })
        }
        IndicatorKind::Date { .. } => None,
    };

    let on_na_toggle = {
        let state = state.clone();
        let id = id.clone();
        let reason = na.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let reason = if on {
                Some(reason.clone().unwrap_or_default())
            } else {
                None
            };
            state.dispatch(Action::SetNa(id.clone(), reason));
        })
    };
    let on_reason = {
        let state = state.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            let reason = e.target_unchecked_into::<HtmlInputElement>().value();
            state.dispatch(Action::SetNa(id.clone(), Some(reason)));
        })
    };
    let capped = profile.caps.iter().any(|c| c.indicator == id);
    let set_evidence = {
        let state = state.clone();
        let id = id.clone();
        move |items: Vec<String>| state.dispatch(Action::SetEvidence(id.clone(), items))
    };
    let on_note = {
        let state = state.clone();
        let id = id.clone();
        Callback::from(move |e: Event| {
            let note = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            state.dispatch(Action::SetNote(id.clone(), Some(note)));
        })
    };
    let on_clear = {
        let set = set_value.clone();
        Callback::from(move |_: MouseEvent| set(None))
    };
    let clauses: Vec<(String, String, String)> = indicator
        .refs
        .iter()
        .map(|r| {
            let clause = profile
                .sources
                .iter()
                .flat_map(|s| s.clauses.iter().flatten())
                .find(|c| &c.id == r);
            (
                r.clone(),
                clause.map(|c| text(&c.title)).unwrap_or_default(),
                clause
                    .and_then(|c| c.text.as_ref())
                    .map(&text)
                    .unwrap_or_default(),
            )
        })
        .collect();

    html! {
        <fieldset class={classes!("indicator", indicator.critical.then_some("critical"))} id={dom_id(&id, "card")}>
            <legend id={dom_id(&id, "q")}>
                { text(&indicator.text) }
                if indicator.critical { <span class="badge">{ t.critical }</span> }
            </legend>
            if let Some(help) = &indicator.help {
                <details class="help"><summary>{ t.help }</summary><p>{ text(help) }</p></details>
            }
            { input }
            if let Some(problem) = &props.problem { <p class="problem" role="alert">{ problem.clone() }</p> }
            if !capped {
                <div class="na">
                    <input type="checkbox" id={dom_id(&id, "na")} checked={na.is_some()} onchange={on_na_toggle} />
                    <label for={dom_id(&id, "na")}>{ t.not_applicable }</label>
                    if na.is_some() {
                        <label class="reason">{ t.reason }{ " " }
                            <input type="text" id={dom_id(&id, "reason")} value={na.clone().unwrap_or_default()} onchange={on_reason} required=true />
                        </label>
                    }
                </div>
            }
            <div class="evidence">
                <span class="label">{ t.evidence }</span>
                <ul>
                    { for evidence.iter().enumerate().map(|(i, item)| {
                        let items = evidence.clone();
                        let set = set_evidence.clone();
                        let on_edit = {
                            let items = items.clone();
                            let set = set.clone();
                            Callback::from(move |e: Event| {
                                let mut items = items.clone();
                                items[i] = e.target_unchecked_into::<HtmlInputElement>().value();
                                set(items);
                            })
                        };
                        let on_remove = Callback::from(move |_: MouseEvent| {
                            let mut items = items.clone();
                            items.remove(i);
                            set(items);
                        });
                        html! {
                            <li>
                                <input type="text" value={item.clone()} onchange={on_edit} aria-label={format!("{} {}", t.evidence, i + 1)} />
                                <button onclick={on_remove} aria-label={format!("{} {} {}", t.remove, t.evidence, i + 1)}>{ "×" }</button>
                            </li>
                        }
                    }) }
                </ul>
                <button class="add" onclick={{
                    let items = evidence.clone();
                    let set = set_evidence.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut items = items.clone();
                        items.push(String::new());
                        set(items);
                    })
                }}>{ t.add_evidence }</button>
                if !indicator.evidence.is_empty() {
                    <p class="hint">{ indicator.evidence.iter().map(&text).collect::<Vec<_>>().join(" · ") }</p>
                }
            </div>
            if let Some(control) = target_input {
                <div class="target">
                    <label for={target_id.clone()}>{ t.target_next }</label>{ " " }{ control }
                </div>
            }
            <label class="note">{ t.note }
                <textarea rows="2" onchange={on_note} value={note} />
            </label>
            <div class="row">
                <details class="refs">
                    <summary>{ format!("{} ({})", t.sources_cited, clauses.len()) }</summary>
                    <dl>
                        { for clauses.iter().map(|(id, title, body)| html! {
                            <><dt><code>{ id }</code>{ " " }{ title }</dt><dd>{ body }</dd></>
                        }) }
                    </dl>
                </details>
                <button class="clear" onclick={on_clear} disabled={value.is_none()}>{ t.clear_answer }</button>
            </div>
        </fieldset>
    }
}
