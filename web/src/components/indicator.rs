//! One question of the questionnaire: the input its kind needs, not applicable with a
//! reason, evidence items, a note, and the provisions it cites.

use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::i18n::Texts;
use crate::numbers::{self, Refusal};
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
    pub problem: Option<Problem>,
}

/// A problem with an answer, as the user reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// The core's diagnostic code.
    pub code: &'static str,
    /// The sentence.
    pub text: AttrValue,
    /// Whether the sentence is the core's English.
    pub english: bool,
}

/// The id an element of this indicator gets in the page.
pub(crate) fn dom_id(indicator: &str, part: &str) -> String {
    format!("{}-{part}", indicator.replace('.', "-"))
}

/// A share as the percentage the user sees, as written in the language: exactly what was
/// typed (0.45 stays 0.45), without binary noise.
pub(crate) fn percent_shown(value: Option<&AnswerValue>, lang: &str) -> String {
    written_in_box(value.and_then(AnswerValue::as_f64), true, lang)
}

/// A number as the user sees it, as written in the language.
pub(crate) fn number_shown(value: Option<&AnswerValue>, lang: &str) -> String {
    written_in_box(value.and_then(AnswerValue::as_f64), false, lang)
}

/// A saved number as its box writes it: a share as its percentage when `percent`.
fn written_in_box(value: Option<f64>, percent: bool, lang: &str) -> String {
    value
        .map(|v| numbers::written(if percent { v * 100.0 } else { v }, lang))
        .unwrap_or_default()
}

/// What a number or percentage box says about its last entry, beside it.
#[derive(Clone, Debug, PartialEq)]
enum Feedback {
    /// The entry was refused and not saved; the value saved before stays. The box keeps
    /// what was typed, so that it can be corrected, for as long as that saved value is the
    /// one it was refused over (a change from elsewhere, such as "Clear the answer", ends
    /// it).
    Refused {
        refusal: Refusal,
        typed: AttrValue,
        over: Option<f64>,
    },
    /// A percentage saved as typed (under 1 %) that was perhaps a share: the percentage meant.
    DidYouMean(f64),
}

/// A number or percentage box: a text box (so that a decimal comma reaches the app, and
/// anything else is answered rather than dropped by the browser), the unit, a hint, and
/// what the box says about its last entry.
struct NumberBox<'a> {
    id: String,
    /// The value saved (a percentage as a share), which the box shows as written in `lang`.
    saved: Option<f64>,
    percent: bool,
    non_negative: bool,
    disabled: bool,
    labelled_by: Option<String>,
    unit: String,
    hint: Option<String>,
    feedback: UseStateHandle<Option<Feedback>>,
    set: Callback<Option<AnswerValue>>,
    t: &'a Texts,
    lang: &'a str,
}

impl NumberBox<'_> {
    fn view(self) -> Html {
        let NumberBox {
            id,
            saved,
            percent,
            non_negative,
            disabled,
            labelled_by,
            unit,
            hint,
            feedback,
            set,
            t,
            lang,
        } = self;
        let message_id = format!("{id}-message");
        let onchange = {
            let feedback = feedback.clone();
            let set = set.clone();
            Callback::from(move |e: Event| {
                let raw = e.target_unchecked_into::<HtmlInputElement>().value();
                let read = if percent {
                    numbers::read_percent(&raw).map(|p| {
                        (
                            p.map(|p| AnswerValue::Float(p.share)),
                            p.and_then(|p| p.did_you_mean).map(Feedback::DidYouMean),
                        )
                    })
                } else {
                    numbers::read_number(&raw, non_negative)
                        .map(|v| (v.map(AnswerValue::Float), None))
                };
                match read {
                    Ok((value, said)) => {
                        feedback.set(said);
                        set.emit(value);
                    }
                    // Not saved: the value saved before stays, and the box says why.
                    Err(refusal) => feedback.set(Some(Feedback::Refused {
                        refusal,
                        typed: raw.into(),
                        over: saved,
                    })),
                }
            })
        };
        // A refusal over a value since changed from elsewhere is over.
        let current = match &*feedback {
            Some(Feedback::Refused { over, .. }) if *over != saved => None,
            other => other.clone(),
        };
        let refused = matches!(current, Some(Feedback::Refused { .. }));
        let shown = match &current {
            Some(Feedback::Refused { typed, .. }) => typed.to_string(),
            _ => written_in_box(saved, percent, lang),
        };
        let refused_or_said = current.is_some();
        let message = match current {
            None => html! {},
            Some(Feedback::Refused { refusal, .. }) => html! {
                <p class="problem entry" id={message_id.clone()} role="alert">{ match refusal {
                    Refusal::NotANumber => t.not_a_number,
                    Refusal::PercentOutOfRange => t.percent_out_of_range,
                    Refusal::Negative => t.negative,
                } }</p>
            },
            Some(Feedback::DidYouMean(meant)) => {
                let written = numbers::written(meant, lang);
                let apply = {
                    let feedback = feedback.clone();
                    Callback::from(move |_: MouseEvent| {
                        feedback.set(None);
                        set.emit(Some(AnswerValue::Float(numbers::share_of(meant))));
                    })
                };
                html! {
                    <p class="suggestion entry" id={message_id.clone()} role="status">
                        { t.did_you_mean.replace("{}", &written) }{ " " }
                        <button type="button" class="apply" onclick={apply}>{ t.apply_suggestion.replace("{}", &written) }</button>
                    </p>
                }
            }
        };
        html! {
            <>
                <span class="number">
                    <input type="text" inputmode={(percent || non_negative).then_some("decimal")} id={id.clone()} value={shown}
                        autocomplete="off" disabled={disabled} aria-labelledby={labelled_by}
                        aria-invalid={refused.then_some("true")}
                        aria-describedby={refused_or_said.then_some(message_id)}
                        onchange={onchange} />
                    <span class="unit">{ unit }</span>
                    if let Some(hint) = hint { <span class="hint">{ hint }</span> }
                </span>
                { message }
            </>
        }
    }
}

/// Whether a number indicator refuses negative values (see `numbers::refuses_negative`).
fn refuses_negative(
    unit: Option<&tradeready::model::LocalizedText>,
    baseline: f64,
    target: f64,
) -> bool {
    numbers::refuses_negative(unit.map(|u| u.get("en", "en")), baseline, target)
}

#[function_component(IndicatorForm)]
pub fn indicator_form(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let value_feedback = use_state(|| None::<Feedback>);
    let target_feedback = use_state(|| None::<Feedback>);
    // The reason typed for "not applicable", kept while the box is unticked, so that ticking
    // it again brings the reason back.
    let kept_reason = use_mut_ref(String::new);
    let reason_ref = use_node_ref();
    // Whether the user has left the reason box (until then a missing reason is no error:
    // they could not have typed it yet).
    let reason_left = use_state(|| false);
    let t = ctx.t();
    let ux = ctx.state.lang.ux();
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
                        let descriptor = descriptors.iter().find(|(k, _)| *k == level.value).map(|(_, d)| crate::words::shown(d, lang, default));
                        let input_id = dom_id(&id, &format!("level-{}", level.value));
                        html! {
                            <div class="level">
                                <input type="radio" name={dom_id(&id, "level")} id={input_id.clone()} checked={checked}
                                    disabled={na.is_some()}
                                    onchange={Callback::from(move |_: Event| set(Some(AnswerValue::Int(v))))} />
                                <label for={input_id}>
                                    <strong>{ format!("{} — ", level.value) }{ crate::words::shown(&level.label, lang, default) }</strong>
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
        IndicatorKind::Ratio { .. } => html! {
            <div class="entry-row">{ NumberBox {
                id: dom_id(&id, "value"),
                saved: value.as_ref().and_then(AnswerValue::as_f64),
                percent: true,
                non_negative: true,
                disabled: na.is_some(),
                labelled_by: Some(dom_id(&id, "q")),
                unit: t.percent.to_owned(),
                hint: Some(t.percent_hint.to_owned()),
                feedback: value_feedback.clone(),
                set: Callback::from(set_value.clone()),
                t,
                lang,
            }.view() }</div>
        },
        IndicatorKind::Number {
            unit,
            baseline,
            target,
        } => html! {
            <div class="entry-row">{ NumberBox {
                id: dom_id(&id, "value"),
                saved: value.as_ref().and_then(AnswerValue::as_f64),
                percent: false,
                non_negative: refuses_negative(unit.as_ref(), *baseline, *target),
                disabled: na.is_some(),
                labelled_by: Some(dom_id(&id, "q")),
                unit: unit.as_ref().map(&text).unwrap_or_default(),
                hint: Some(format!("{} → {}", numbers::written(*baseline, lang), numbers::written(*target, lang))),
                feedback: value_feedback.clone(),
                set: Callback::from(set_value.clone()),
                t,
                lang,
            }.view() }</div>
        },
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
        IndicatorKind::Ratio { .. } => Some(
            NumberBox {
                id: target_id.clone(),
                saved: target.as_ref().and_then(AnswerValue::as_f64),
                percent: true,
                non_negative: true,
                disabled: false,
                labelled_by: None,
                unit: t.percent.to_owned(),
                hint: None,
                feedback: target_feedback.clone(),
                set: Callback::from(set_target.clone()),
                t,
                lang,
            }
            .view(),
        ),
        IndicatorKind::Number {
            unit,
            baseline,
            target: goal,
        } => Some(
            NumberBox {
                id: target_id.clone(),
                saved: target.as_ref().and_then(AnswerValue::as_f64),
                percent: false,
                non_negative: refuses_negative(unit.as_ref(), *baseline, *goal),
                disabled: false,
                labelled_by: None,
                unit: unit.as_ref().map(&text).unwrap_or_default(),
                hint: None,
                feedback: target_feedback.clone(),
                set: Callback::from(set_target.clone()),
                t,
                lang,
            }
            .view(),
        ),
        IndicatorKind::Date { .. } => None,
    };

    let on_na_toggle = {
        let state = state.clone();
        let id = id.clone();
        let kept = kept_reason.clone();
        let reason_ref = reason_ref.clone();
        let reason_left = reason_left.clone();
        Callback::from(move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            let reason = if on {
                Some(kept.borrow().clone())
            } else {
                // What the box holds now, even if it was not yet saved.
                if let Some(input) = reason_ref.cast::<HtmlInputElement>() {
                    *kept.borrow_mut() = input.value();
                }
                reason_left.set(false);
                None
            };
            state.dispatch(Action::SetNa(id.clone(), reason));
        })
    };
    let on_reason = {
        let state = state.clone();
        let id = id.clone();
        let kept = kept_reason.clone();
        Callback::from(move |e: Event| {
            let reason = e.target_unchecked_into::<HtmlInputElement>().value();
            *kept.borrow_mut() = reason.clone();
            state.dispatch(Action::SetNa(id.clone(), Some(reason)));
        })
    };
    let on_reason_left = {
        let reason_left = reason_left.clone();
        Callback::from(move |_: FocusEvent| reason_left.set(true))
    };
    // No "reason missing" before the user could type one.
    let problem = props
        .problem
        .clone()
        .filter(|p| p.code != "empty-na" || *reason_left);
    // A percentage box takes 0 to 100 and says so beside it: profile help that tells the user
    // to write a share from 0 to 1 would contradict it, so that sentence is not shown.
    let help = indicator.help.as_ref().map(&text).unwrap_or_default();
    let help = if matches!(indicator.kind, IndicatorKind::Ratio { .. }) {
        numbers::help_for_percent_box(&help)
    } else {
        help
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
    let clauses: Vec<(String, Html, Html)> = indicator
        .refs
        .iter()
        .map(|r| {
            let clause = profile
                .sources
                .iter()
                .flat_map(|s| s.clauses.iter().flatten())
                .find(|c| &c.id == r);
            let shown =
                |x: &tradeready::model::LocalizedText| crate::words::shown(x, lang, default);
            (
                r.clone(),
                clause.map(|c| shown(&c.title)).unwrap_or_default(),
                clause
                    .and_then(|c| c.text.as_ref())
                    .map(shown)
                    .unwrap_or_default(),
            )
        })
        .collect();

    html! {
        <fieldset class={classes!("indicator", indicator.critical.then_some("critical"))} id={dom_id(&id, "card")}>
            <legend id={dom_id(&id, "q")}>
                { crate::words::shown(&indicator.text, lang, default) }
                if indicator.critical { <span class="badge">{ t.critical }</span> }
            </legend>
            if !help.is_empty() {
                <details class="help"><summary>{ t.help }</summary><p lang={indicator.help.as_ref().and_then(|h| crate::words::fallback(h, lang, default))}>{ help }</p></details>
            }
            { input }
            if let Some(problem) = &problem { <p class="problem" role="alert" lang={problem.english.then_some("en")}>{ problem.text.clone() }</p> }
            if !capped {
                <div class="na">
                    <input type="checkbox" id={dom_id(&id, "na")} checked={na.is_some()} onchange={on_na_toggle} />
                    <label for={dom_id(&id, "na")}>{ t.not_applicable }</label>
                    if na.is_some() {
                        <label class="reason">{ t.reason }{ " " }
                            <input type="text" id={dom_id(&id, "reason")} ref={reason_ref} value={na.clone().unwrap_or_default()} onchange={on_reason} onblur={on_reason_left} required=true />
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
                                <input type="text" id={dom_id(&id, &format!("evidence-{i}"))} value={item.clone()} onchange={on_edit} aria-label={format!("{} {}", t.evidence, i + 1)} />
                                <button onclick={on_remove} aria-label={format!("{} {} {}", t.remove, t.evidence, i + 1)}>{ "×" }</button>
                            </li>
                        }
                    }) }
                </ul>
                <button class="add" onclick={{
                    let items = evidence.clone();
                    let set = set_evidence.clone();
                    let line = dom_id(&id, &format!("evidence-{}", evidence.len()));
                    Callback::from(move |_: MouseEvent| {
                        let mut items = items.clone();
                        items.push(String::new());
                        set(items);
                        // The cursor in the new line, once it is drawn.
                        let line = line.clone();
                        gloo::timers::callback::Timeout::new(0, move || {
                            if let Some(input) = gloo::utils::document()
                                .get_element_by_id(&line)
                                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                            {
                                let _ = input.focus();
                            }
                        })
                        .forget();
                    })
                }}>{ t.add_evidence }</button>
                if !indicator.evidence.is_empty() {
                    // What the profile suggests, each a button that adds it (once).
                    <p class="hint suggested">{ ux.suggested }{ " " }
                        { for indicator.evidence.iter().map(|suggestion| {
                            let words = text(suggestion);
                            let added = evidence.iter().any(|e| e.trim() == words.trim());
                            let items = evidence.clone();
                            let set = set_evidence.clone();
                            let item = words.clone();
                            html! {
                                <button type="button" class="suggestion-item" disabled={added}
                                    aria-label={format!("{} {}", ux.add_item, words)}
                                    lang={crate::words::fallback(suggestion, lang, default)}
                                    onclick={Callback::from(move |_: MouseEvent| {
                                        let mut items = items.clone();
                                        // A blank line added before takes it.
                                        match items.iter().position(|e| e.trim().is_empty()) {
                                            Some(blank) => items[blank] = item.clone(),
                                            None => items.push(item.clone()),
                                        }
                                        set(items);
                                    })}>{ format!("+ {words}") }</button>
                            }
                        }) }
                    </p>
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
                <details class="refs" ontoggle={ctx.want_sources.reform(|_: Event| ())}>
                    <summary>{ format!("{} ({})", t.sources_cited, clauses.len()) }</summary>
                    <dl>
                        { for clauses.iter().map(|(id, title, body)| html! {
                            <><dt><code>{ id }</code>{ " " }{ title.clone() }</dt><dd>{ body.clone() }</dd></>
                        }) }
                    </dl>
                </details>
                <button class="clear" onclick={on_clear} disabled={value.is_none()}>{ t.clear_answer }</button>
            </div>
        </fieldset>
    }
}
