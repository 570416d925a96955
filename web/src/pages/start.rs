//! Start: pick a profile, start an assessment, resume a draft or import a file.

use crate::browser::{local_time, new_id, today};
use crate::components::file_input::FileInput;
use crate::ctx::Ctx;
use crate::logic;
use crate::state::{Action, Draft, Notice, ProfileKey, new_draft};
use crate::storage;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[function_component(Start)]
pub fn start() -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let t = ctx.t();
    let lang = ctx.state.lang.code();
    let profile_index = use_state(|| 0usize);
    let administration = use_state(String::new);
    let code = use_state(String::new);
    let cycle = use_state(String::new);
    let as_of = use_state(today);
    let drafts = use_state(storage::drafts);
    let profile_errors = use_state(Vec::<String>::new);
    // Drafts saved or deleted in another tab show up here at once.
    {
        let drafts = drafts.clone();
        use_effect_with((), move |()| {
            let listener =
                storage::on_drafts_changed_elsewhere(move || drafts.set(storage::drafts()));
            move || drop(listener)
        });
    }

    let text_input = |handle: &UseStateHandle<String>| {
        let handle = handle.clone();
        Callback::from(move |e: InputEvent| {
            handle.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let on_profile = {
        let profile_index = profile_index.clone();
        Callback::from(move |e: Event| {
            let i = e
                .target_unchecked_into::<HtmlSelectElement>()
                .selected_index();
            profile_index.set(usize::try_from(i).unwrap_or(0));
        })
    };
    let selected: Option<ProfileKey> = ctx.profiles.get(*profile_index).map(|a| a.key.clone());
    let can_start = selected.is_some()
        && !administration.trim().is_empty()
        && !cycle.trim().is_empty()
        && !as_of.is_empty();
    let on_start = {
        let state = ctx.state.clone();
        let (administration, code, cycle, as_of) = (
            administration.clone(),
            code.clone(),
            cycle.clone(),
            as_of.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if let Some(key) = &selected {
                state.dispatch(Action::Open(Box::new(new_draft(
                    new_id(),
                    key,
                    &administration,
                    &code,
                    &cycle,
                    &as_of,
                ))));
            }
        })
    };
    let on_import = {
        let state = ctx.state.clone();
        let profiles = ctx.profiles.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            match logic::import(&name, &bytes, &profiles) {
                Ok(assessment) => state.dispatch(Action::Open(Box::new(Draft {
                    id: new_id(),
                    assessment,
                    saved_at: None,
                    exported: true,
                    revision: 0,
                }))),
                Err(errors) => state.dispatch(Action::Notify(Some(Notice::ImportFailed(errors)))),
            }
        })
    };
    let on_own_profile = {
        let reload = ctx.reload_profiles.clone();
        let profile_errors = profile_errors.clone();
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            let result = tradeready::parse::text_from_bytes(&bytes)
                .map_err(|d| vec![d.render(&name)])
                .and_then(|text| {
                    let loaded = tradeready::load_profile(text, tradeready::Layers::default());
                    match loaded.value {
                        Some(_) => storage::add_own_profile(text)
                            .map_err(|_| vec![format!("{name}: browser storage is full")]),
                        None => Err(loaded.errors().map(|d| d.render(&name)).collect()),
                    }
                });
            match result {
                Ok(()) => {
                    profile_errors.set(Vec::new());
                    reload.emit(());
                }
                Err(errors) => profile_errors.set(errors),
            }
        })
    };

    html! {
        <div class="start">
            <section aria-labelledby="new-h">
                <h1 id="new-h">{ t.new_assessment }</h1>
                <form onsubmit={on_start}>
                    <label>{ t.profile }
                        <select id="profile" onchange={on_profile}>
                            { for ctx.profiles.iter().enumerate().map(|(i, a)| html! {
                                <option value={i.to_string()} selected={i == *profile_index}>
                                    { format!("{} ({} {}{})", a.profile.title.get(lang, a.profile.default_language()), a.key.id, a.key.version, if a.own { format!(", {}", t.own) } else { String::new() }) }
                                </option>
                            }) }
                        </select>
                    </label>
                    <label>{ t.administration }<input id="administration" type="text" required=true value={(*administration).clone()} oninput={text_input(&administration)} /></label>
                    <label>{ t.code }<input id="code" type="text" value={(*code).clone()} oninput={text_input(&code)} /></label>
                    <label>{ t.cycle }<input id="cycle" type="text" required=true value={(*cycle).clone()} oninput={text_input(&cycle)} /></label>
                    <label>{ t.as_of }<input id="as-of" type="date" required=true value={(*as_of).clone()} oninput={text_input(&as_of)} /></label>
                    <button type="submit" class="primary" disabled={!can_start}>{ t.start }</button>
                </form>
                <FileInput id="own-profile" label={t.own_profile} hint="YAML / JSON" accept=".yaml,.yml,.json" on_file={on_own_profile} />
                if !profile_errors.is_empty() {
                    <ul class="diagnostics" role="alert">{ for profile_errors.iter().map(|e| html! { <li><code>{ e }</code></li> }) }</ul>
                }
            </section>
            <section aria-labelledby="drafts-h">
                <h2 id="drafts-h">{ t.drafts }</h2>
                if drafts.is_empty() {
                    <p>{ t.no_drafts }</p>
                } else {
                    <ul class="drafts">
                        { for drafts.iter().map(|s| {
                            let resume = {
                                let state = ctx.state.clone();
                                let id = s.id.clone();
                                Callback::from(move |_: MouseEvent| if let Some(d) = storage::load(&id) { state.dispatch(Action::Open(Box::new(d))) })
                            };
                            let delete = {
                                let drafts = drafts.clone();
                                let id = s.id.clone();
                                let question = if s.exported { t.confirm_delete } else { t.confirm_delete_unexported };
                                Callback::from(move |_: MouseEvent| {
                                    if gloo::utils::window().confirm_with_message(question).unwrap_or(false) {
                                        storage::delete(&id);
                                        drafts.set(storage::drafts());
                                    }
                                })
                            };
                            html! {
                                <li>
                                    <span class="who">{ format!("{} — {}", s.administration, s.cycle) }</span>
                                    <span class="meta">{ format!("{} {} · {} {}", s.profile.id, s.profile.version, t.saved_at, local_time(s.saved_at)) }</span>
                                    if !s.exported { <span class="dirty">{ "●" }</span> }
                                    <button onclick={resume}>{ t.resume }</button>
                                    <button onclick={delete}>{ t.delete }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </section>
            <section aria-labelledby="import-h">
                <h2 id="import-h">{ t.import }</h2>
                <FileInput id="import" label={t.import} hint={t.import_hint} accept=".yaml,.yml,.json" on_file={on_import} />
            </section>
        </div>
    }
}
