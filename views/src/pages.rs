//! The pages the app delegates (Results, Framework, Workshop, Compare, Consensus), mounted
//! in the element the app gives (a Yew root of their own), with a context like the app's:
//! the interface language, the profiles (the embedded ones in the language's full pack,
//! which this module fetches itself, and the user's own), the open draft (read from browser
//! storage, where the app saves every change), and the Workshop, Compare and Consensus
//! pages' files, kept here between visits so that leaving a page and coming back loses
//! nothing.
//!
//! What the pages ask of the app goes to it as events on the element: `tradeready-open`
//! (a file to open as a draft: the Consensus page's result) and `tradeready-go` (a question
//! to show: a link from Results).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;
use tradeready_web::browser;
use tradeready_web::ctx::{Ctx, Scoring};
use tradeready_web::i18n::Lang;
use tradeready_web::logic;
use tradeready_web::pages::{
    carry::{Accepted, CarryForward},
    compare::Compare,
    consensus::ConsensusPage,
    framework::Framework,
    results::Results,
    workshop::Workshop,
};
use tradeready_web::state::{Action, Carry, Focus, Page, Sets, State};
use tradeready_web::storage;
use yew::prelude::*;

/// What the app hands over.
#[derive(Properties, PartialEq)]
pub struct RootProps {
    /// Which page.
    pub page: Page,
    /// The interface language.
    pub lang: Lang,
    /// The user's own profiles' texts.
    pub own: Rc<Vec<String>>,
    /// The language packs the app holds.
    pub packs: Rc<Vec<String>>,
    /// The open draft's storage id and revision, if any.
    pub draft: Option<(String, u64)>,
    /// The element the page is mounted in, which the app listens on.
    pub host: web_sys::Element,
    /// What the Carry forward page carries.
    pub carry: Option<Rc<Carry>>,
}

thread_local! {
    static KEPT: RefCell<Sets> = RefCell::default();
    static MOUNTED: RefCell<Option<(web_sys::Element, yew::AppHandle<Root>)>> = const { RefCell::new(None) };
    /// Files fetched by name (language packs, earlier profile versions): once each.
    static PACKS: RefCell<BTreeMap<String, Option<String>>> = RefCell::default();
}

/// The full packs of the profiles in `lang` (the clauses' text and the recommendations, which
/// the app's first load leaves out), fetched once each.
async fn full_packs(own: Rc<Vec<String>>, lang: Lang) -> Vec<String> {
    let names = logic::packs_wanted(
        logic::available_profiles(&own, &[]).choices(),
        lang.code(),
        true,
    );
    fetched_once(names).await
}

/// The earlier versions of the embedded profiles, which the app leaves out
/// (`tradeready::embedded::LEFT_OUT`), as released: a workshop, a comparison or a
/// consensus reads files answered under them, as the command line does. Fetched once each.
async fn earlier_versions() -> Vec<String> {
    let names = tradeready::embedded::LEFT_OUT
        .iter()
        .map(|(id, version)| format!("profile-{id}-{version}.yaml"))
        .collect();
    fetched_once(names).await
}

/// The texts of the files named (inline in the single file, else beside the page), each
/// fetched once; those that cannot be had are left out.
async fn fetched_once(names: Vec<String>) -> Vec<String> {
    let mut texts = Vec::with_capacity(names.len());
    for name in names {
        let known = PACKS.with(|p| p.borrow().get(&name).cloned());
        let text = match known {
            Some(text) => text,
            None => {
                let text = browser::pack(&name).await;
                PACKS.with(|p| p.borrow_mut().insert(name, text.clone()));
                text
            }
        };
        texts.extend(text);
    }
    texts
}

/// Sends an event to the app on `host`, its detail the fields given.
pub fn tell_app(host: &web_sys::Element, name: &str, fields: &[(&str, wasm_bindgen::JsValue)]) {
    let detail = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&detail, &(*key).into(), value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = host.dispatch_event(&event);
    }
}

#[function_component(Root)]
pub fn root(props: &RootProps) -> Html {
    // Every change of the sets is kept for the next visit.
    let sets = use_reducer(|| KEPT.with(|k| k.borrow().clone()));
    {
        let kept = (*sets).clone();
        use_effect_with(kept, |kept| KEPT.with(|k| *k.borrow_mut() = kept.clone()));
    }
    let state = use_reducer(State::default);
    // The moves the page has made, so that a new one (a link to a question) goes to the app.
    let moves = use_mut_ref(|| 0u64);
    {
        // The language and the draft follow the app's.
        let state = state.clone();
        let moves = moves.clone();
        use_effect_with((props.lang, props.draft.clone()), move |(lang, draft)| {
            state.dispatch(Action::SetLang(*lang));
            if let Some(draft) = draft.as_ref().and_then(|(id, _)| storage::load(id)) {
                state.dispatch(Action::Open(Box::new(draft)));
                // Opening counts as a move of its own, which is not the page's.
                *moves.borrow_mut() += 1;
            }
        });
    }
    {
        let host = props.host.clone();
        let moved = state.moved;
        let (page, focus) = (state.page.clone(), state.focus.clone());
        use_effect_with(moved, move |moved| {
            let mut seen = moves.borrow_mut();
            if *moved > *seen {
                *seen = *moved;
                if let (Page::Questionnaire(domain), Focus::Question(id)) = (page, focus) {
                    tell_app(
                        &host,
                        "tradeready-go",
                        &[("domain", (domain as u32).into()), ("id", id.into())],
                    );
                }
            }
        });
    }
    {
        // A change made on a page here (an action adopted on Results) is saved at once,
        // and the app takes the saved draft (`tradeready-saved`), as from another tab. The
        // draft as read from storage is not saved again: opening one is not a change.
        let host = props.host.clone();
        let state = state.clone();
        let key = state.draft.as_ref().map(|d| (d.id.clone(), d.revision));
        use_effect_with(key, move |_| {
            let Some(draft) = state.draft.as_ref().filter(|_| !state.draft_is_stored()) else {
                return;
            };
            let over = state.base.as_ref().map(|b| b.revision);
            let ok = match storage::save(draft, over, browser::now(), None) {
                Ok(stored) => {
                    state.dispatch(Action::Saved(Box::new(stored)));
                    true
                }
                // Another tab saved first: its copy with this change on top, saved next.
                Err(storage::SaveError::Stale) => {
                    if let Some(theirs) = storage::load(&draft.id) {
                        state.dispatch(Action::Synced(Box::new(theirs)));
                    }
                    return;
                }
                Err(storage::SaveError::Full) => false,
            };
            tell_app(
                &host,
                "tradeready-saved",
                &[("id", draft.id.clone().into()), ("ok", ok.into())],
            );
        });
    }
    let fetched = use_state(|| None::<Rc<Vec<String>>>);
    {
        let fetched = fetched.clone();
        use_effect_with((props.own.clone(), props.lang), move |(own, lang)| {
            let (own, lang) = (own.clone(), *lang);
            yew::platform::spawn_local(async move {
                fetched.set(Some(Rc::new(full_packs(own, lang).await)));
            });
        });
    }
    // The app's packs until the full ones are here (or when they cannot be had).
    let packs = match &*fetched {
        Some(full) if !full.is_empty() => full.clone(),
        _ => props.packs.clone(),
    };
    // Only the pages that read files of other versions ask for the earlier ones.
    let reads_files = matches!(props.page, Page::Workshop | Page::Compare | Page::Consensus);
    let earlier = use_state(|| None::<Rc<Vec<String>>>);
    {
        let earlier = earlier.clone();
        use_effect_with(reads_files, move |reads_files| {
            if *reads_files && earlier.is_none() {
                yew::platform::spawn_local(async move {
                    earlier.set(Some(Rc::new(earlier_versions().await)));
                });
            }
        });
    }
    // Until they are here (or known not to be had), a page that reads files waits: a file
    // of 1.0.0 dropped sooner would be refused as of an unknown profile.
    let waiting = reads_files && earlier.is_none();
    // The user's own profiles, then the earlier versions (one of the user's own with the
    // same id and version comes first, and is the one used).
    let earlier = (*earlier).clone().unwrap_or_default();
    let profiles = use_memo(
        (props.own.clone(), earlier, packs),
        |(own, earlier, packs)| {
            let texts: Vec<String> = own.iter().chain(earlier.iter()).cloned().collect();
            logic::available_profiles_hashed(&texts, packs, &|t| Some(crate::sha256(t)))
        },
    );
    let evaluation = {
        let (profiles, state) = (profiles.clone(), state.clone());
        use_memo(
            (
                state.draft.as_ref().map(|d| (d.id.clone(), d.revision)),
                Rc::as_ptr(&profiles) as usize,
            ),
            move |_| {
                let draft = state.draft.as_ref()?;
                let available = logic::find(&profiles, &draft.profile_key())?;
                let started = browser::monotonic();
                let evaluation = logic::evaluate(draft, &available.profile);
                let ms = browser::monotonic()
                    .zip(started)
                    .map(|(end, start)| end - start)
                    .unwrap_or_default();
                Some(Scoring { evaluation, ms })
            },
        )
    };
    let ctx = Ctx {
        state,
        profiles,
        reload_profiles: Callback::noop(),
        want_sources: Callback::noop(),
        evaluation,
    };
    // The language is set by the effect above, after the first drawing: until then, draw
    // nothing rather than a page in the wrong language.
    if ctx.state.lang != props.lang || waiting {
        return html! {};
    }
    let open = {
        let host = props.host.clone();
        Callback::from(move |(name, text): (String, String)| {
            tell_app(
                &host,
                "tradeready-open",
                &[("name", name.into()), ("text", text.into())],
            )
        })
    };
    let accept = {
        let host = props.host.clone();
        Callback::from(move |a: Accepted| {
            tell_app(
                &host,
                "tradeready-carried",
                &[
                    ("name", a.name.into()),
                    ("text", a.text.into()),
                    ("draft", a.draft.unwrap_or_default().into()),
                    ("keep", a.keep.into()),
                ],
            )
        })
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <ContextProvider<UseReducerHandle<Sets>> context={sets}>
                {
                    match props.page {
                        Page::Results => html! { <Results /> },
                        Page::Compare => html! { <Compare /> },
                        Page::Framework => html! { <Framework /> },
                        Page::Consensus => html! { <ConsensusPage open={open} /> },
                        Page::CarryForward => html! { <CarryForward carry={props.carry.clone()} {accept} /> },
                        _ => html! { <Workshop /> },
                    }
                }
            </ContextProvider<UseReducerHandle<Sets>>>
        </ContextProvider<Ctx>>
    }
}

#[function_component(Nothing)]
fn nothing() -> Html {
    html! {}
}

/// Yew numbers the roots it renders from 1 in each wasm module, and brands the elements
/// with that number under the same property names in both. The app has one root, 1; had
/// this module's first root been 1 too, the app's event handling (in the capture phase, at
/// its root, above this module's) would take a click here as its own and run the app's
/// handler of the same number (a click on "Open the carried draft" went to the header's
/// Consensus button). So this module's roots start at 2: a first root is made on a
/// detached element and destroyed, once, before any page is mounted.
fn skip_the_apps_root_number() {
    thread_local! {
        static SKIPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if SKIPPED.with(|s| s.replace(true)) {
        return;
    }
    if let Some(Ok(detached)) = web_sys::window()
        .and_then(|w| w.document())
        .map(|d| d.create_element("div"))
    {
        yew::Renderer::<Nothing>::with_root(detached)
            .render()
            .destroy();
    }
}

/// Mounts a page in `host`, or gives the page mounted there new properties.
pub fn mount(host: web_sys::Element, props: RootProps) {
    skip_the_apps_root_number();
    let same = MOUNTED.with(|m| m.borrow().as_ref().is_some_and(|(h, _)| *h == host));
    if !same {
        unmount();
    }
    MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        match m.as_mut() {
            Some((_, handle)) => handle.update(props),
            None => {
                let handle =
                    yew::Renderer::<Root>::with_root_and_props(host.clone(), props).render();
                *m = Some((host, handle));
            }
        }
    });
}

/// Takes the mounted page away (the app left it).
pub fn unmount() {
    if let Some((_, handle)) = MOUNTED.with(|m| m.borrow_mut().take()) {
        handle.destroy();
    }
}
