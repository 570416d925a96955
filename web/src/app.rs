//! The root component: state, storage effects, the header and the page switch.

use crate::browser::{self, monotonic, now};
use crate::ctx::{Ctx, Scoring};
use crate::i18n::Interface;
use crate::i18n::Lang;
use crate::logic;
use crate::pages;
use crate::said;
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
            // On a first visit, the browser's preferred language when it is one of the three.
            lang: storage::lang()
                .or_else(browser::preferred_lang)
                .unwrap_or_default(),
            page,
            base: draft.clone().map(Rc::new),
            draft,
            notice: (!storage::available()).then_some(Notice::StorageUnavailable),
            ..State::default()
        }
    });
    // The embedded profiles come in their default language; the language packs fetched
    // for another language (once each) are kept here and applied on every reload.
    let packs = use_mut_ref(Vec::<String>::new);
    // The SHA-256 of each profile of the user's own, by its text, for the drafts started on
    // it (DESIGN.md "Provenance"): computed once each, after the first render (None where
    // the browser cannot).
    let hashes = use_mut_ref(Hashes::new);
    let profiles = use_state(|| Rc::new(logic::available_profiles(&storage::own_profiles(), &[])));
    let reload_profiles = {
        let profiles = profiles.clone();
        let (packs, hashes) = (packs.clone(), hashes.clone());
        Callback::from(move |()| profiles.set(Rc::new(on_offer(&packs.borrow(), &hashes.borrow()))))
    };
    {
        let profiles = profiles.clone();
        let (packs, hashes) = (packs.clone(), hashes.clone());
        use_effect_with(Rc::as_ptr(&*profiles) as usize, move |_| {
            let missing: Vec<String> = storage::own_profiles()
                .into_iter()
                .filter(|t| !hashes.borrow().iter().any(|(known, _)| known == t))
                .collect();
            if !missing.is_empty() {
                yew::platform::spawn_local(async move {
                    for text in missing {
                        let hash = browser::sha256(&text).await;
                        hashes.borrow_mut().push((text, hash));
                    }
                    profiles.set(Rc::new(on_offer(&packs.borrow(), &hashes.borrow())));
                });
            }
        });
    }
    // Profile text in the chosen language: fetch its packs, then reload the profiles. The
    // page says which language the profiles speak (`data-profile-lang`) once they do.
    // The clauses' text is not embedded: it comes with the full pack, fetched once the
    // user opens "sources cited" or the Framework page.
    let sources_wanted = use_state(|| false);
    let want_sources = {
        let sources_wanted = sources_wanted.clone();
        Callback::from(move |()| {
            if !*sources_wanted {
                sources_wanted.set(true);
            }
        })
    };
    {
        let profiles = profiles.clone();
        let (packs, hashes) = (packs.clone(), hashes.clone());
        use_effect_with((state.lang, *sources_wanted), move |(lang, full)| {
            let lang = *lang;
            let wanted = logic::packs_wanted(profiles.choices(), lang.code(), *full);
            yew::platform::spawn_local(async move {
                let mut texts = Vec::with_capacity(wanted.len());
                for name in &wanted {
                    if let Some(text) = browser::pack(name).await {
                        texts.push(text);
                    }
                }
                // Only when every pack came does the page say the profiles speak `lang`.
                let complete = texts.len() == wanted.len();
                // The same packs (none, on a first visit in the default language): the
                // profiles stay as they are, parsed or not.
                if *packs.borrow() != texts {
                    *packs.borrow_mut() = texts;
                    profiles.set(Rc::new(on_offer(&packs.borrow(), &hashes.borrow())));
                }
                if let Some(root) = gloo::utils::document().document_element()
                    && complete
                {
                    let _ = root.set_attribute("data-profile-lang", lang.code());
                }
            });
        });
    }

    // The profiles are parsed once the page is drawn (the Start page lists them without),
    // so that the first question does not wait for it; a page that needs them sooner (a
    // restored draft) reads them then. Profiles replaced in between are not parsed.
    {
        let profiles = Rc::downgrade(&*profiles);
        use_effect_with(profiles.as_ptr() as usize, move |_| {
            browser::after_paint(move || {
                if let Some(profiles) = profiles.upgrade() {
                    let _ = profiles.len();
                }
            });
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
    // Save every change of the draft at once, with its scores for the list of drafts. A
    // draft as it was read from storage (opened, or taken from another tab) is not written
    // again: that write could land over a newer one from the other tab.
    {
        let state = state.clone();
        let evaluation = evaluation.clone();
        let key = state
            .draft
            .as_ref()
            .map(|d| (d.id.clone(), d.revision, d.exported));
        use_effect_with(key, move |key| {
            if key.is_some()
                && let Some(draft) = &state.draft
            {
                if state.draft_is_stored() {
                    let _ = storage::set_current(&draft.id);
                    return;
                }
                let scores = evaluation
                    .as_ref()
                    .as_ref()
                    .and_then(|s| s.evaluation.report.as_ref())
                    .map(|r| (r.overall, r.completeness));
                match storage::save(
                    draft,
                    state.base.as_ref().map(|b| b.revision),
                    now(),
                    scores,
                ) {
                    Ok(stored) => {
                        state.dispatch(Action::Saved(Box::new(stored)));
                        if state.notice == Some(Notice::StorageFull) {
                            state.dispatch(Action::Notify(None));
                        }
                    }
                    Err(storage::SaveError::Full) => {
                        state.dispatch(Action::Notify(Some(Notice::StorageFull)))
                    }
                    // Another tab saved first: take its copy, with this tab's change on
                    // top, which is then saved over it.
                    Err(storage::SaveError::Stale) => {
                        if let Some(theirs) = storage::load(&draft.id) {
                            state.dispatch(Action::Synced(Box::new(theirs)));
                        }
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

    let ctx = Ctx {
        state: state.clone(),
        profiles: (*profiles).clone(),
        reload_profiles,
        want_sources,
        evaluation,
    };
    // Each page its own title, in the chosen language.
    {
        // Set as the page is drawn (an effect would cost the app more for nothing).
        let title = page_title(&state, &profiles);
        let document = gloo::utils::document();
        if document.title() != title {
            document.set_title(&title);
        }
    }
    // After a move, the focus goes to the page's heading (in the questionnaire, the chosen
    // domain's, at the top), or to the first question after a draft is opened; once the
    // page is drawn.
    use_effect_with(state.moved, {
        let focus = state.focus.clone();
        move |moved| {
            if *moved > 0 {
                gloo::timers::callback::Timeout::new(0, move || browser::focus_after_move(focus))
                    .forget();
            }
        }
    });
    // A draft of a profile version the app no longer offers, where it offers a later one
    // (saved before an upgrade): the Carry forward page offers to carry it, and the draft
    // stays as it is until the user accepts.
    {
        let state = state.clone();
        let profiles = (*profiles).clone();
        let key = state.draft.as_ref().map(|d| d.id.clone());
        let answering = matches!(state.page, Page::Questionnaire(_) | Page::Results);
        use_effect_with(
            (key, Rc::as_ptr(&profiles) as usize, answering),
            move |_| {
                if let Some(draft) = &state.draft
                    && matches!(state.page, Page::Questionnaire(_) | Page::Results)
                    && logic::find(&profiles, &draft.profile_key()).is_none()
                    && let Some(carry) = logic::carry_of(draft, &profiles)
                {
                    state.dispatch(Action::Carry(Rc::new(carry)));
                }
            },
        );
    }
    let shown_notice = notice(&ctx);
    let newer = newer_bar(&ctx);
    let page = match &state.page {
        Page::Start => html! { <pages::start::Start /> },
        Page::Questionnaire(d) => html! { <pages::questionnaire::Questionnaire domain={*d} /> },
        // Mounted by the views module, which the first visit fetches.
        page @ (Page::Results
        | Page::Workshop
        | Page::Compare
        | Page::Consensus
        | Page::CarryForward
        | Page::Framework) => {
            html! { <crate::components::delegated::Delegated page={page.clone()} /> }
        }
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip" href="#main">{ state.lang.ux().skip }</a>
            <Header />
            { shown_notice }
            { newer }
            <main id="main" tabindex="-1">{ page }</main>
        </ContextProvider<Ctx>>
    }
}

/// The SHA-256 of profiles of the user's own, by their text: a few, so a list (a map's
/// code costs the first load more than the search).
type Hashes = Vec<(String, Option<String>)>;

/// The profiles on offer: the embedded ones in the language packs fetched, then the user's
/// own as stored, with the hashes known.
fn on_offer(packs: &[String], hashes: &Hashes) -> logic::Profiles {
    logic::available_profiles_hashed(&storage::own_profiles(), packs, &|text| {
        hashes
            .iter()
            .find(|(known, _)| known == text)
            .and_then(|(_, hash)| hash.clone())
    })
}

/// The document's title for the page shown: the domain, "Results — Northland 2025"...
fn page_title(state: &State, profiles: &logic::Profiles) -> String {
    let t = state.lang.t();
    let lang = state.lang.code();
    let draft = state.draft.as_ref();
    let who = draft.map(|d| {
        format!(
            "{} {}",
            d.assessment.administration.name, d.assessment.cycle
        )
    });
    let profile = draft.and_then(|d| logic::find(profiles, &d.profile_key()));
    let what = match &state.page {
        Page::Start => Some(t.nav_start.to_owned()),
        Page::Questionnaire(i) => profile
            .and_then(|p| {
                let domains = &p.profile.domains;
                domains.get((*i).min(domains.len().saturating_sub(1)))
            })
            .map(|d| {
                d.title
                    .get(lang, profile.map_or("en", |p| p.profile.default_language()))
                    .to_owned()
            })
            .or(Some(t.nav_questionnaire.to_owned())),
        Page::Results => Some(t.nav_results.to_owned()),
        Page::Framework => Some(t.nav_framework.to_owned()),
        Page::Workshop => Some(state.lang.ux().nav_workshop.to_owned()),
        Page::Compare => Some(state.lang.ux().nav_compare.to_owned()),
        Page::Consensus => Some(state.lang.ux().nav_consensus.to_owned()),
        Page::CarryForward => Some(state.lang.ux().carry_title.to_owned()),
    };
    let mut parts: Vec<String> = what.into_iter().collect();
    if !matches!(
        state.page,
        Page::Start
            | Page::Framework
            | Page::Workshop
            | Page::Compare
            | Page::Consensus
            | Page::CarryForward
    ) {
        parts.extend(who);
    }
    parts.push(t.app_title.to_owned());
    parts.join(" — ")
}

/// On the questionnaire and Results, when a later version of the open draft's profile is on
/// offer (a profile file of one's own, say): an offer to carry the draft forward.
fn newer_bar(ctx: &Ctx) -> Html {
    let state = &ctx.state;
    let Some(draft) = state.draft.as_ref() else {
        return html! {};
    };
    if !matches!(state.page, Page::Questionnaire(_) | Page::Results) {
        return html! {};
    }
    let key = draft.profile_key();
    let Some(newer) = logic::newer_on_offer(&ctx.profiles, &key.id, &key.version) else {
        return html! {};
    };
    let ux = state.lang.ux();
    let on_carry = {
        let (state, profiles) = (state.clone(), ctx.profiles.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(carry) = state
                .draft
                .as_ref()
                .and_then(|d| logic::carry_of(d, &profiles))
            {
                state.dispatch(Action::Carry(Rc::new(carry)));
            }
        })
    };
    html! {
        <p class="notice newer" role="status">
            { ux.newer_on_offer.replace("{v}", &newer.key.version) }{ " " }
            <button id="carry-draft" onclick={on_carry}>{ ux.carry_this }</button>
        </p>
    }
}

fn notice(ctx: &Ctx) -> Html {
    let (state, t) = (&ctx.state, ctx.t());
    match &state.notice {
        None => html! {},
        Some(Notice::StorageFull) => {
            html! { <p class="notice warn" role="alert">{ t.storage_full }</p> }
        }
        Some(Notice::StorageUnavailable) => {
            html! { <p class="notice warn" role="alert">{ t.storage_unavailable }</p> }
        }
        Some(Notice::SameAsDraft) => {
            html! { <p class="notice ok" role="status">{ state.lang.ux().same_as_draft }</p> }
        }
        Some(Notice::Carried { kept }) => {
            let ux = state.lang.ux();
            html! { <p class="notice ok" role="status">{ if *kept { ux.carried_kept } else { ux.carried } }</p> }
        }
        Some(Notice::ImportFailed(file, errors)) => html! {
            <div class="notice error" role="alert">
                <p>{ t.import_failed }</p>
                <ul class="diagnostics">{ for errors.iter().map(|d| {
                    let said = said::said(d, state.lang, &ctx.profiles);
                    html! { <li><code>{ said::place(file, d) }</code><span lang={said.english.then_some("en")}>{ said.text }</span></li> }
                }) }</ul>
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
                <button onclick={go(Page::Compare)} aria-current={current(&Page::Compare)}>{ state.lang.ux().nav_compare }</button>
                <button onclick={go(Page::Workshop)} aria-current={current(&Page::Workshop)}>{ state.lang.ux().nav_workshop }</button>
                <button onclick={go(Page::Consensus)} aria-current={current(&Page::Consensus)}>{ state.lang.ux().nav_consensus }</button>
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
