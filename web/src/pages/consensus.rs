//! Consensus: several respondents of one administration answered separately (directorates,
//! units). The page lists what they agree on and, side by side, where they differ: who
//! answered what, with their evidence and notes. The group settles each difference (or
//! lets a rule take the lowest or the median answer), then opens the result as a draft in
//! the questionnaire. The merging is the core's (`tradeready::merge`), as `tradeready
//! merge` does it.

use super::framework::answer_shown;
use super::many::{Files, SetsHandle};
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::state::{FileSet, FileState};
use crate::words::shown;
use std::collections::BTreeMap;
use tradeready::merge::{Conflict, Consensus, Resolve, merge};
use tradeready::model::{AnswerValue, Response, Value};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Opens a file's text as a draft in the app (its name, its text).
    pub open: Callback<(String, String)>,
}

/// A checked value as the answer inputs hold it, for showing.
fn as_answer(value: &Value) -> AnswerValue {
    match value {
        Value::Level(v) => AnswerValue::Int(*v),
        Value::Bool(b) => AnswerValue::Bool(*b),
        Value::Ratio(x) | Value::Number(x) => AnswerValue::Float(*x),
        Value::Date(d) => AnswerValue::Text(d.to_string()),
    }
}

/// What the group picked, by difference (indicator id, whether it is the target): the
/// respondent whose answer it took and that answer. Kept by what it is, not by position, so
/// that a change of rule or of the files never moves a pick to another difference or another
/// answer; a pick whose answer no longer differs, or no one gives any more, lapses.
type Picks = BTreeMap<(String, bool), (String, Response)>;

/// Where, among the answers to a difference, the group's pick is: the same respondent with
/// the same answer, else the first who gives that answer; None when no one does.
fn picked(conflict: &Conflict, picks: &Picks) -> Option<usize> {
    let (who, response) = picks.get(&(conflict.id.clone(), conflict.target))?;
    let answers = &conflict.answers;
    answers
        .iter()
        .position(|g| g.respondent == *who && g.response == *response)
        .or_else(|| answers.iter().position(|g| g.response == *response))
}

/// The consensus with the group's choices applied.
fn settled(mut consensus: Consensus, picks: &Picks) -> Consensus {
    let chosen: Vec<(String, bool, Response)> = consensus
        .report
        .conflicts
        .iter()
        .filter_map(|c| {
            let j = picked(c, picks)?;
            Some((c.id.clone(), c.target, c.answers[j].response.clone()))
        })
        .collect();
    for (id, target, response) in chosen {
        if target {
            if let (Some(t), Response::Value(v)) =
                (consensus.targets.iter_mut().find(|t| t.id == id), response)
            {
                t.value = Some(v);
                t.unresolved = None;
            }
        } else if let Some(a) = consensus.answers.iter_mut().find(|a| a.id == id) {
            a.response = Some(response);
            a.unresolved = None;
        }
    }
    consensus
}

#[function_component(ConsensusPage)]
pub fn consensus_page(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let sets = use_context::<SetsHandle>().expect("inside the views module's root");
    let (t, many, lang) = (ctx.t(), ctx.state.lang.many(), ctx.state.lang);
    let rule = use_state(Resolve::default);
    let picks = use_state(Picks::new);
    let files: Vec<_> = sets
        .consensus
        .iter()
        .filter(|f| matches!(f.state, FileState::Loaded(_)))
        .cloned()
        .collect();
    // Each respondent's file loaded again (it loaded on the way in) and merged: once per
    // change of the files, the rule or the profiles, not on every pick.
    let merged = {
        let (files, profiles) = (files.clone(), ctx.profiles.clone());
        use_memo(
            (
                std::rc::Rc::as_ptr(&sets.consensus) as usize,
                *rule,
                std::rc::Rc::as_ptr(&ctx.profiles) as usize,
            ),
            move |(_, rule, _)| {
                let scored: Vec<_> = files
                    .iter()
                    .filter_map(|f| profiles.catalogue().load_assessment(&f.text).value)
                    .collect();
                (scored.len() >= 2)
                    .then(|| merge(&scored.iter().collect::<Vec<_>>(), *rule))
                    .map(|r| r.map_err(|e| e.diagnostic.message))
            },
        )
    };
    let rule_choice = |value: Resolve, label: &'static str, id: &'static str| {
        let rule = rule.clone();
        html! {
            <label class="check">
                <input type="radio" name="rule" id={id} checked={*rule == value}
                    onchange={Callback::from(move |_: Event| { rule.set(value); })} />
                { " " }{ label }
            </label>
        }
    };
    let body = match &*merged {
        None => html! {},
        Some(Err(message)) => {
            html! { <p class="notice error" role="alert" lang="en">{ message }</p> }
        }
        Some(Ok(consensus)) => {
            let profile = consensus.profile.clone();
            let default = profile.default_language().to_owned();
            let code = lang.code();
            let title = |id: &str| match profile.indicator(id) {
                Some((_, i)) => shown(&i.title, code, &default),
                None => html! { <code>{ id.to_owned() }</code> },
            };
            let report = &consensus.report;
            let open_count = report
                .conflicts
                .iter()
                .filter(|c| c.resolved.is_none() && picked(c, &picks).is_none())
                .count();
            let conflicts = report.conflicts.iter().enumerate().map(|(k, c)| {
                let chosen = picked(c, &picks);
                let indicator = profile.indicator(&c.id).map(|(_, i)| i);
                let value_shown = |v: &Value| match indicator {
                    Some(i) => answer_shown(i, &as_answer(v), t, code, &default),
                    None => format!("{v:?}"),
                };
                let response_shown = |r: &Response| match r {
                    Response::Value(v) => value_shown(v),
                    Response::NotApplicable(reason) => format!("{} ({reason})", t.not_applicable),
                };
                html! {
                    <fieldset class="conflict" id={format!("conflict-{k}")} data-indicator={c.id.clone()} data-target={c.target.then_some("true")}>
                        <legend>{ title(&c.id) }{ if c.target { format!(" — {}", t.target_next) } else { String::new() } }</legend>
                        if let Some(v) = &c.resolved {
                            <p class="meta">{ format!("{} {}", many.rule_takes, value_shown(v)) }</p>
                        }
                        <ul class="given">
                            { for c.answers.iter().enumerate().map(|(j, g)| {
                                let who = consensus.respondents.iter().position(|(l, _)| *l == g.respondent)
                                    .and_then(|i| files.get(i)).map(|f| f.name.clone()).unwrap_or_default();
                                let pick = {
                                    let (picks, key, given) = (picks.clone(), (c.id.clone(), c.target), (g.respondent.clone(), g.response.clone()));
                                    Callback::from(move |_: Event| { let mut p = (*picks).clone(); p.insert(key.clone(), given.clone()); picks.set(p); })
                                };
                                let id = format!("pick-{k}-{j}");
                                html! {
                                    <li>
                                        <input type="radio" name={format!("pick-{k}")} id={id.clone()} checked={chosen == Some(j)} onchange={pick} aria-label={format!("{} {}", many.settle, g.respondent)} />
                                        <label for={id}>
                                            <strong>{ format!("{} ", g.respondent) }</strong>
                                            <span class="meta">{ format!("({who}) ") }</span>
                                            { response_shown(&g.response) }
                                        </label>
                                        if !g.evidence.is_empty() {
                                            <p class="meta">{ format!("{}{}{}", many.evidence, t.colon, g.evidence.join("; ")) }</p>
                                        }
                                        if let Some(note) = &g.note {
                                            <p class="meta">{ format!("{}{}{note}", many.note, t.colon) }</p>
                                        }
                                    </li>
                                }
                            }) }
                        </ul>
                    </fieldset>
                }
            });
            // The answers taken without a difference, as the draft will hold them.
            let conflicted: Vec<&str> = report
                .conflicts
                .iter()
                .filter(|c| !c.target)
                .map(|c| c.id.as_str())
                .collect();
            let agreed: Vec<(String, String)> = consensus
                .answers
                .iter()
                .filter(|a| !conflicted.contains(&a.id.as_str()))
                .filter_map(|a| {
                    let indicator = profile.indicator(&a.id)?.1;
                    let shown = match a.response.as_ref()? {
                        Response::Value(v) => {
                            answer_shown(indicator, &as_answer(v), t, code, &default)
                        }
                        Response::NotApplicable(reason) => {
                            format!("{} ({reason})", t.not_applicable)
                        }
                    };
                    Some((a.id.clone(), shown))
                })
                .collect();
            let open = {
                let (open, consensus, picks) =
                    (props.open.clone(), consensus.clone(), picks.clone());
                Callback::from(move |_: MouseEvent| {
                    let yaml = settled(consensus.clone(), &picks).to_yaml();
                    let name = format!(
                        "{}-{}-consensus.yaml",
                        consensus.code.clone().unwrap_or_default(),
                        consensus.cycle
                    );
                    open.emit((name, yaml));
                })
            };
            html! {
                <>
                    <p class="summary" role="status">{ many.agreed.replace("{n}", &report.agreed.to_string()).replace("{c}", &open_count.to_string()) }</p>
                    <details class="agreed">
                        <summary>{ format!("{} ({})", many.agreed_list, agreed.len()) }</summary>
                        <ul>{ for agreed.iter().map(|(id, shown)| html! {
                            <li>{ title(id) }<span class="meta">{ format!(" — {shown}") }</span></li>
                        }) }</ul>
                    </details>
                    if !report.partial.is_empty() {
                        <details><summary>{ format!("{} ({})", many.partial, report.partial.len()) }</summary>
                            <ul>{ for report.partial.iter().map(|id| html! { <li>{ title(id) }</li> }) }</ul>
                        </details>
                    }
                    if !report.conflicts.is_empty() { <h2>{ many.conflicts }</h2> }
                    { for conflicts }
                    <p class="hint">{ many.still_open }</p>
                    <button class="primary" id="open-consensus" onclick={open}>{ many.open_draft }</button>
                </>
            }
        }
    };
    html! {
        <div class="many consensus">
            <h1 tabindex="-1">{ ctx.state.lang.ux().nav_consensus }</h1>
            <p class="intro">{ many.consensus_intro }</p>
            <Files set={FileSet::Consensus} />
            if files.len() == 1 { <p class="hint" role="status">{ many.need_two_respondents }</p> }
            <fieldset class="rule">
                <legend>{ many.rule }</legend>
                { rule_choice(Resolve::None, many.rule_none, "rule-none") }
                { rule_choice(Resolve::Lowest, many.rule_lowest, "rule-lowest") }
                { rule_choice(Resolve::Median, many.rule_median, "rule-median") }
            </fieldset>
            { body }
        </div>
    }
}
