//! Carry forward: an assessment of an older profile version (an imported file, or a draft
//! saved before the app was upgraded) carried to the newest version on offer, as
//! `tradeready migrate` does. The page shows the migration report (what was renamed, split,
//! merged, dropped and why, what could not be carried, the compatibility) and the scores
//! under the new version, and offers the carried draft. Nothing is changed until the user
//! accepts: the file is never touched, and a saved draft is kept until then (and after, when
//! anything of it could not be carried).
//!
//! Mounted by the views module, which holds the migration code: the app's first load does
//! not.

use crate::components::export::download;
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::state::Carry;
use std::rc::Rc;
use tradeready::migrate::How;
use yew::prelude::*;

/// What the user accepts: the carried file's name and text, and whether the original
/// draft (if it is one) must be kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    /// A name for the carried file.
    pub name: String,
    /// The carried assessment, as YAML.
    pub text: String,
    /// The original draft's storage id, when the source is a draft.
    pub draft: Option<String>,
    /// Whether anything could not be carried, so that the original must stay.
    pub keep: bool,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What to carry.
    pub carry: Option<Rc<Carry>>,
    /// The user accepts the carried draft.
    pub accept: Callback<Accepted>,
}

fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

#[function_component(CarryForward)]
pub fn carry_forward(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let lang = ctx.state.lang;
    let (w, ux, words) = (lang.carry(), lang.ux(), lang.words());
    let code = lang.code();
    let migrated = {
        let profiles = ctx.profiles.clone();
        use_memo(
            (props.carry.clone(), Rc::as_ptr(&ctx.profiles) as usize),
            move |(carry, _)| {
                carry
                    .as_ref()
                    .map(|c| profiles.catalogue().migrate(&c.text, None))
            },
        )
    };
    let heading = html! { <h1 tabindex="-1">{ ux.carry_title }</h1> };
    let (Some(carry), Some(loaded)) = (props.carry.as_ref(), migrated.as_ref().as_ref()) else {
        return html! { <div class="carry">{ heading }<p>{ w.nothing }</p></div> };
    };
    let Some(m) = &loaded.value else {
        return html! {
            <div class="carry">
                { heading }
                <div class="notice error" role="alert">
                    <p>{ w.failed }</p>
                    <ul class="diagnostics">{ for loaded.errors().map(|d| {
                        let said = crate::said::said(d, lang, &ctx.profiles);
                        html! { <li><code>{ crate::said::place(&carry.name, d) }</code><span lang={said.english.then_some("en")}>{ said.text }</span></li> }
                    }) }</ul>
                </div>
            </div>
        };
    };
    let report = &m.report;
    let profile = &m.scored.profile;
    let default = profile.default_language();
    let title = |id: &str| {
        profile
            .indicator(id)
            .map(|(_, i)| i.title.get(code, default).to_owned())
    };
    let lead = fill(
        if carry.draft.is_some() {
            w.lead_draft
        } else {
            w.lead
        },
        &[
            ("file", &carry.name),
            ("profile", &profile.id),
            ("from", &report.from),
            ("to", &report.to),
        ],
    );
    let keep = !(report.dropped.is_empty() && report.lost.is_empty() && report.unmapped.is_empty());
    let text = tradeready::parse::to_yaml(&m.raw);
    let stem = carry
        .name
        .trim_end_matches(".yaml")
        .trim_end_matches(".yml")
        .trim_end_matches(".json")
        .to_owned();
    let name = format!("{stem}-{}.yaml", report.to);
    let on_open = {
        let (accept, text, name) = (props.accept.clone(), text.clone(), name.clone());
        let draft = carry.draft.clone();
        Callback::from(move |_: MouseEvent| {
            accept.emit(Accepted {
                name: name.clone(),
                text: text.clone(),
                draft: draft.clone(),
                keep,
            })
        })
    };
    let on_download = {
        let (text, name) = (text.clone(), name.clone());
        Callback::from(move |_: MouseEvent| download(&name, "application/yaml", &text))
    };
    let on_original = {
        let (text, name) = (carry.text.clone(), carry.name.clone());
        Callback::from(move |_: MouseEvent| download(&name, "application/yaml", &text))
    };
    let changed: Vec<_> = report
        .carried
        .iter()
        .filter(|c| c.how != How::Same)
        .collect();
    let how = |h: How| match h {
        How::Same => "",
        How::Renamed => w.how_renamed,
        How::Remapped => w.how_remapped,
        How::Split => w.how_split,
        How::Merged => w.how_merged,
    };
    // The profile's reasons are in its default language.
    let reason_lang = (default != code).then(|| AttrValue::from(default.to_owned()));
    let scores = &m.scored.scores;
    let overall = scores.overall.map_or_else(
        || ux.no_score.to_owned(),
        |o| crate::numbers::one_decimal(o, code),
    );
    let colon = ctx.t().colon;
    html! {
        <div class="carry">
            { heading }
            <p class="intro">{ lead }</p>
            <p id="carry-compatibility"><strong>{ w.compatibility }{ lang.percent(report.compatibility) }</strong></p>
            <p id="carry-scores">
                { fill(w.scores, &[("to", &report.to)]) }
                { format!("{}{colon}{overall} · {}{colon}{}", words.overall, words.completeness, lang.percent(scores.completeness)) }
            </p>
            if !changed.is_empty() {
                <h2>{ w.changed }</h2>
                <ul id="carry-changed">{ for changed.iter().map(|c| html! {
                    <li>
                        <code>{ &c.from }</code>{ " → " }
                        { for c.to.iter().enumerate().map(|(i, id)| html! {
                            <>
                                if i > 0 { { ", " } }
                                <code>{ id }</code>
                                if let Some(t) = title(id) { { format!(" ({t})") } }
                            </>
                        }) }
                        { format!(" — {}", how(c.how)) }
                    </li>
                }) }</ul>
            }
            if !report.dropped.is_empty() {
                <h2>{ w.dropped }</h2>
                <ul id="carry-dropped">{ for report.dropped.iter().map(|d| html! {
                    <li><code>{ &d.id }</code>{ colon }<span lang={reason_lang.clone()}>{ &d.reason }</span></li>
                }) }</ul>
            }
            if !report.lost.is_empty() {
                <h2>{ w.lost }</h2>
                <ul id="carry-lost">{ for report.lost.iter().map(|id| html! { <li><code>{ id }</code></li> }) }</ul>
            }
            if !report.unmapped.is_empty() {
                <h2>{ w.unmapped }</h2>
                <ul id="carry-unmapped">{ for report.unmapped.iter().map(|u| {
                    let what = if u.action { w.unmapped_action } else if u.target { w.unmapped_target } else { "" };
                    html! {
                        <li>
                            <code>{ &u.id }</code>
                            if !what.is_empty() { { format!(" ({what})") } }
                        </li>
                    }
                }) }</ul>
            }
            if !report.new.is_empty() {
                <p id="carry-new">{ fill(w.new, &[("n", &report.new.len().to_string()), ("to", &report.to)]) }</p>
            }
            if keep && carry.draft.is_some() {
                <p class="hint">{ w.kept_note }</p>
            }
            <div class="actions">
                <button id="carry-open" class="primary" onclick={on_open}>{ w.open }</button>
                <button id="carry-download" onclick={on_download}>{ w.download }</button>
                // Also for a text that is in no file of the user's (a consensus agreed on
                // the Consensus page): it can be kept as answered before it is carried.
                <button id="carry-original" onclick={on_original}>{ w.original }</button>
            </div>
        </div>
    }
}
