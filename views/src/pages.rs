//! The pages the app delegates (Workshop, Compare, Consensus, Framework), mounted in the element the
//! app gives (a Yew root of their own), with a context like the app's: the interface
//! language, the profiles (the embedded ones in the language's packs, and the user's own),
//! the open draft, and the Workshop, Compare and Consensus pages' files, kept here between visits so
//! that leaving the page and coming back loses nothing.

use std::cell::RefCell;
use std::rc::Rc;
use tradeready_web::ctx::{Ctx, Scoring};
use tradeready_web::i18n::Lang;
use tradeready_web::logic;
use tradeready_web::pages::{
    compare::Compare, consensus::ConsensusPage, framework::Framework, workshop::Workshop,
};
use tradeready_web::state::{Draft, Page, Sets, State};
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
    /// The open draft, if any (the Framework page shows its answers).
    pub draft: Option<Rc<Draft>>,
    /// Opens a file's text as a draft in the app (the Consensus page's result).
    pub open: Callback<(String, String)>,
}

thread_local! {
    static KEPT: RefCell<Sets> = RefCell::default();
    static MOUNTED: RefCell<Option<(web_sys::Element, yew::AppHandle<Root>)>> = const { RefCell::new(None) };
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
    {
        // The language and the draft follow the app's.
        let state = state.clone();
        let draft = props.draft.clone();
        use_effect_with((props.lang, draft), move |(lang, draft)| {
            state.dispatch(tradeready_web::state::Action::SetLang(*lang));
            if let Some(draft) = draft {
                state.dispatch(tradeready_web::state::Action::Open(Box::new(
                    (**draft).clone(),
                )));
            }
        });
    }
    let profiles = use_memo((props.own.clone(), props.packs.clone()), |(own, packs)| {
        logic::available_profiles(own, packs)
    });
    let evaluation = {
        let profiles = profiles.clone();
        use_memo(props.draft.clone(), move |draft| {
            let draft = draft.as_ref()?;
            let available = logic::find(&profiles, &draft.profile_key())?;
            Some(Scoring {
                evaluation: logic::evaluate(draft, &available.profile),
                ms: 0.0,
            })
        })
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
    if ctx.state.lang != props.lang {
        return html! {};
    }
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <ContextProvider<UseReducerHandle<Sets>> context={sets}>
                {
                    match props.page {
                        Page::Compare => html! { <Compare /> },
                        Page::Framework => html! { <Framework /> },
                        Page::Consensus => html! { <ConsensusPage open={props.open.clone()} /> },
                        _ => html! { <Workshop /> },
                    }
                }
            </ContextProvider<UseReducerHandle<Sets>>>
        </ContextProvider<Ctx>>
    }
}

/// Mounts a page in `host`, or gives the page mounted there new properties.
pub fn mount(host: web_sys::Element, props: RootProps) {
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
