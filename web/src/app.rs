//! The root component: state, storage effects, the header and the page switch.

use crate::browser::{monotonic, now};
use crate::ctx::{Ctx, Scoring};
use crate::i18n::Lang;
use crate::logic;
use crate::pages;
use crate::state::{Action, Notice, Page, State};
use crate::storage;
use std::rc::Rc;
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        // Restore the language and the draft that was open, exactly as last saved.
        let draft = storage::current().and_then(|id| storage::load(&id));
        let page = if draft.is_some() {
            Page::Questionnaire(0)
        } else {
            Page::Start
        };
        State {
            lang: storage::lang().unwrap_or_default(),
            page,
            draft,
            notice: (!storage::available()).then_some(Notice::StorageUnavailable),
        }
    });
    let profiles = use_state(|| Rc::new(logic::available_profiles(&storage::own_profiles())));
    let reload_profiles = {
        let profiles = profiles.clone();
        Callback::from(move |()| {
            profiles.set(Rc::new(logic::available_profiles(&storage::own_profiles())))
        })
    };

    // Save every change of the draft at once.
    {
        let state = state.clone();
        let key = state
            .draft
            .as_ref()
            .map(|d| (d.id.clone(), d.revision, d.exported));
        use_effect_with(key, move |key| {
            if key.is_some()
                && let Some(draft) = &state.draft
            {
                let at = now();
                match storage::save(draft, at) {
                    Ok(()) => {
                        state.dispatch(Action::Saved(draft.revision, at));
                        if state.notice == Some(Notice::StorageFull) {
                            state.dispatch(Action::Notify(None));
                        }
                    }
                    Err(storage::SaveError::Full) => {
                        state.dispatch(Action::Notify(Some(Notice::StorageFull)))
                    }
                }
            }
        });
    }
    // Another tab with the same draft open saves its changes; take them, so that this tab's
    // next save does not overwrite them with an older version.
    {
        let state = state.clone();
        let id = state.draft.as_ref().map(|d| d.id.clone());
        use_effect_with(id, move |id| {
            let listener = id.as_deref().map(|id| {
                let owned = id.to_owned();
                storage::on_draft_changed_elsewhere(id, move || {
                    if let Some(theirs) = storage::load(&owned) {
                        state.dispatch(Action::Synced(Box::new(theirs)));
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let lang = state.lang;
        use_effect_with(lang, move |lang| {
            storage::set_lang(*lang);
            if let Some(root) = gloo::utils::document().document_element() {
                let _ = root.set_attribute("lang", lang.code());
                // What the page's script says if the app stops (xtask's ON_CRASH).
                let _ = root.set_attribute("data-crash", lang.t().crashed);
            }
        });
    }

    // The draft's results, once per change of the draft or of the profiles.
    let evaluation = {
        let profiles = (*profiles).clone();
        let key = state
            .draft
            .as_ref()
            .map(|d| (d.id.clone(), d.revision, d.assessment.clone()));
        let state = state.clone();
        use_memo((key, Rc::as_ptr(&profiles) as usize), move |_| {
            let draft = state.draft.as_ref()?;
            let available = logic::find(&profiles, &draft.profile_key())?;
            let started = monotonic();
            let evaluation = logic::evaluate(draft, &available.profile);
            let ms = monotonic()
                .zip(started)
                .map(|(end, start)| end - start)
                .unwrap_or_default();
            Some(Scoring { evaluation, ms })
        })
    };
    let ctx = Ctx {
        state: state.clone(),
        profiles: (*profiles).clone(),
        reload_profiles,
        evaluation,
    };
    let t = state.lang.t();
    let page = match &state.page {
        Page::Start => html! { <pages::start::Start /> },
        Page::Questionnaire(d) => html! { <pages::questionnaire::Questionnaire domain={*d} /> },
        Page::Results => html! { <pages::results::Results /> },
        Page::Framework => html! { <pages::framework::Framework /> },
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip" href="#main">{ "Skip to content" }</a>
            <Header />
            { notice(&state, t) }
            <main id="main" tabindex="-1">{ page }</main>
        </ContextProvider<Ctx>>
    }
}

fn notice(state: &State, t: &crate::i18n::Texts) -> Html {
    match &state.notice {
        None => html! {},
        Some(Notice::StorageFull) => {
            html! { <p class="notice warn" role="alert">{ t.storage_full }</p> }
        }
        Some(Notice::StorageUnavailable) => {
            html! { <p class="notice warn" role="alert">{ t.storage_unavailable }</p> }
        }
        Some(Notice::ImportFailed(errors)) => html! {
            <div class="notice error" role="alert">
                <p>{ t.import_failed }</p>
                <ul class="diagnostics">{ for errors.iter().map(|e| html! { <li><code>{ e }</code></li> }) }</ul>
            </div>
        },
    }
}

#[function_component(Header)]
fn header() -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let t = ctx.t();
    let state = &ctx.state;
    let go = |page: Page| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Go(page.clone())))
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let code = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Some(lang) = Lang::from_code(&code) {
                state.dispatch(Action::SetLang(lang));
            }
        })
    };
    let has_draft = state.draft.is_some();
    let current = |p: &Page| {
        let same = std::mem::discriminant(p) == std::mem::discriminant(&state.page);
        if same { Some("page") } else { None }
    };
    html! {
        <header class="top">
            <div class="brand">
                <strong>{ t.app_title }</strong>
                <span class="tagline">{ t.tagline }</span>
            </div>
            <nav aria-label="TradeReady">
                <button onclick={go(Page::Start)} aria-current={current(&Page::Start)}>{ t.nav_start }</button>
                <button onclick={go(Page::Questionnaire(0))} disabled={!has_draft} aria-current={current(&Page::Questionnaire(0))}>{ t.nav_questionnaire }</button>
                <button onclick={go(Page::Results)} disabled={!has_draft} aria-current={current(&Page::Results)}>{ t.nav_results }</button>
                <button onclick={go(Page::Framework)} aria-current={current(&Page::Framework)}>{ t.nav_framework }</button>
            </nav>
            <label class="lang">
                { t.language }{ " " }
                <select onchange={on_lang} aria-label={t.language}>
                    { for Lang::ALL.iter().map(|l| html! {
                        <option value={l.code()} selected={*l == state.lang}>{ l.name() }</option>
                    }) }
                </select>
            </label>
            <crate::components::export::ExportBar />
        </header>
    }
}
