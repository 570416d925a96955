//! Start: pick a profile, start an assessment, resume a draft or import a file.

use crate::browser::{local_time, new_id, today};
use crate::components::file_input::FileInput;
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::logic;
use crate::state::{Action, Draft, Notice, ProfileKey, new_draft};
use crate::storage;
use web_sys::HtmlInputElement;
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
    // Each error and whether it is in English only (the core's words, for a profile).
    let profile_errors = use_state(Vec::<(String, bool)>::new);
    let ux = ctx.state.lang.ux();
    let words = ctx.state.lang.words();
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
    // The profile chosen, and the hash of its file as released, which the draft records.
    let selected: Option<(ProfileKey, Option<String>)> = ctx
        .profiles
        .choices()
        .get(*profile_index)
        .map(|a| (a.key.clone(), a.sha256.clone()));
    // What "Start" still needs, named.
    let needed: Vec<&str> = [
        (selected.is_none(), t.profile),
        (administration.trim().is_empty(), t.administration),
        (cycle.trim().is_empty(), t.cycle),
        (as_of.is_empty(), t.as_of),
    ]
    .into_iter()
    .filter_map(|(missing, label)| missing.then_some(label))
    .collect();
    let can_start = needed.is_empty();
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
            if let Some((key, sha256)) = &selected {
                state.dispatch(Action::Open(Box::new(new_draft(
                    new_id(),
                    key,
                    &administration,
                    &code,
                    &cycle,
                    &as_of,
                    sha256.clone(),
                ))));
            }
        })
    };
    let on_import = importer(&ctx, true);
    let on_own_profile = {
        let reload = ctx.reload_profiles.clone();
        let profile_errors = profile_errors.clone();
        let lang = ctx.state.lang;
        Callback::from(move |(name, bytes): (String, Vec<u8>)| {
            // The core's words for what is wrong with a profile are in English.
            let english = lang != crate::i18n::Lang::En;
            let result = tradeready::parse::text_from_bytes(&bytes)
                .map_err(|d| vec![(d.render(&name), english)])
                .and_then(|text| {
                    let loaded = tradeready::load_profile(text, tradeready::Layers::default());
                    match loaded.value {
                        Some(_) => storage::add_own_profile(text).map_err(|_| {
                            vec![(format!("{name}: {}", lang.ux().storage_full), false)]
                        }),
                        None => Err(loaded
                            .errors()
                            .map(|d| (d.render(&name), english))
                            .collect()),
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
                <h1 id="new-h" tabindex="-1">{ t.new_assessment }</h1>
                <form onsubmit={on_start}>
                    // A choice of radio buttons, not a select: a long profile title wraps
                    // instead of being cut off, on a phone too.
                    <fieldset id="profile" class="profiles">
                        <legend>{ t.profile }</legend>
                        { for ctx.profiles.choices().iter().enumerate().map(|(i, a)| {
                            let default = a.default_language();
                            let choose = {
                                let profile_index = profile_index.clone();
                                Callback::from(move |_: Event| profile_index.set(i))
                            };
                            html! {
                                <div class="profile-choice">
                                    <input type="radio" name="profile" id={format!("profile-{i}")} value={i.to_string()} checked={i == *profile_index} onchange={choose} />
                                    <label for={format!("profile-{i}")}>
                                        { crate::words::shown(&a.title, lang, default) }
                                        if a.own { { format!(" ({})", t.own) } }
                                        <span class="hint">{ format!(" {} {}", a.key.id, a.key.version) }</span>
                                    </label>
                                </div>
                            }
                        }) }
                    </fieldset>
                    <label>{ t.administration }<input id="administration" type="text" required=true value={(*administration).clone()} oninput={text_input(&administration)} /></label>
                    <label>{ t.code }<input id="code" type="text" value={(*code).clone()} oninput={text_input(&code)} /></label>
                    <label>{ t.cycle }<input id="cycle" type="text" required=true value={(*cycle).clone()} oninput={text_input(&cycle)} /></label>
                    <label>{ t.as_of }<input id="as-of" type="date" required=true value={(*as_of).clone()} oninput={text_input(&as_of)} /></label>
                    <button type="submit" class="primary" disabled={!can_start} aria-describedby={(!can_start).then_some("start-needs")}>{ t.start }</button>
                    if !can_start {
                        <p class="hint" id="start-needs">{ ux.still_needed }{ needed.join(", ") }</p>
                    }
                </form>
                <FileInput id="own-profile" label={t.own_profile} hint="YAML / JSON" accept=".yaml,.yml,.json" on_file={on_own_profile} />
                if !profile_errors.is_empty() {
                    <ul class="diagnostics" role="alert">{ for profile_errors.iter().map(|(e, english)| html! { <li><code lang={english.then_some("en")}>{ e }</code></li> }) }</ul>
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
                                    <span class="meta">{ format!("{} {} · {} {}", s.profile.id, s.profile.version, t.saved_at, local_time(s.saved_at, lang)) }</span>
                                    if let Some((overall, completeness)) = s.scores {
                                        <span class="scores">{ format!("{}{}{} · {}{}{}", words.overall, t.colon, overall.map_or_else(|| ux.no_score.to_owned(), |o| crate::numbers::one_decimal(o, lang)), words.completeness, t.colon, ctx.state.lang.percent(completeness)) }</span>
                                    }
                                    if !s.exported { <span class="dirty" role="img" aria-label={ux.unexported_mark} title={ux.unexported_mark}>{ "●" }</span> }
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

/// Opens a file as a draft, as "Import" does: the same as a saved draft opens that one and
/// makes no copy; a file that fails shows its errors. `exported`: whether the draft is the
/// file as it stands (an import), or new (a consensus made in the browser).
pub fn importer(ctx: &Ctx, exported: bool) -> Callback<(String, Vec<u8>)> {
    let state = ctx.state.clone();
    let profiles = ctx.profiles.clone();
    Callback::from(move |(name, bytes): (String, Vec<u8>)| {
        match logic::import(&bytes, &profiles) {
            // The same as a saved draft: that one opens, and no copy is made.
            Ok(assessment) => match logic::same_as(&assessment, &storage::all()) {
                Some(saved) => {
                    state.dispatch(Action::Open(Box::new(saved.clone())));
                    state.dispatch(Action::Notify(Some(Notice::SameAsDraft)));
                }
                None => state.dispatch(Action::Open(Box::new(Draft {
                    id: new_id(),
                    assessment,
                    saved_at: None,
                    exported,
                    revision: 0,
                }))),
            },
            // An assessment of a version the app no longer offers, where it offers a later
            // one: the Carry forward page offers to carry it.
            Err(errors) => match logic::older_version(&bytes, &profiles) {
                Some((text, _)) => {
                    state.dispatch(Action::Carry(std::rc::Rc::new(crate::state::Carry {
                        name,
                        text: text.into(),
                        draft: None,
                    })))
                }
                None => state.dispatch(Action::Notify(Some(Notice::ImportFailed(name, errors)))),
            },
        }
    })
}
