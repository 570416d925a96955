//! Where a page of the views module goes (Results, Framework, Workshop, Compare,
//! Consensus): the app links only this element; the views module, fetched the first time
//! such a page opens, mounts the page's components (`crate::pages::results`, `framework`,
//! `workshop`, `compare`, `consensus`) in it, with the interface language, the profiles'
//! sources and the open draft (its storage id: every change is saved there at once), and
//! again when they change.
//!
//! What the page asks of the app comes as events on the element: `tradeready-open` (a file
//! to open as a draft, as an import does: the Consensus page's result) and
//! `tradeready-go` (a question to show: a link from Results).

use crate::browser;
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::state::{Action, Page};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page to mount.
    pub page: Page,
}

/// A field of an event's detail.
fn detail(e: &web_sys::Event, name: &str) -> Option<wasm_bindgen::JsValue> {
    browser::field(e, "detail").and_then(|d| browser::field(&d, name))
}

/// The user accepted a carried draft (the Carry forward page): it opens as a new draft,
/// not yet exported, and the original draft, if the source was one, is deleted unless
/// something of it could not be carried.
fn carried(
    element: &web_sys::Element,
    state: UseReducerHandle<crate::state::State>,
    profiles: std::rc::Rc<crate::logic::Profiles>,
) -> gloo::events::EventListener {
    gloo::events::EventListener::new(element, "tradeready-carried", move |e| {
        let text = |name| detail(e, name).and_then(|v| v.as_string());
        let (Some(name), Some(body)) = (text("name"), text("text")) else {
            return;
        };
        let original = text("draft").filter(|id| !id.is_empty());
        let keep = detail(e, "keep").and_then(|v| v.as_bool()).unwrap_or(true);
        match crate::logic::import(body.as_bytes(), &profiles) {
            Ok(assessment) => {
                state.dispatch(Action::Open(Box::new(crate::state::Draft {
                    id: browser::new_id(),
                    assessment,
                    saved_at: None,
                    exported: false,
                    revision: 0,
                })));
                if let Some(id) = original.as_deref().filter(|_| !keep) {
                    crate::storage::delete(id);
                }
                state.dispatch(Action::Notify(Some(crate::state::Notice::Carried {
                    kept: keep && original.is_some(),
                })));
            }
            Err(errors) => state.dispatch(Action::Notify(Some(
                crate::state::Notice::ImportFailed(name, errors),
            ))),
        }
    })
}

#[function_component(Delegated)]
pub fn delegated(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let host = use_node_ref();
    let failed = use_state(|| false);
    let draft = ctx.state.draft.as_ref().map(|d| (d.id.clone(), d.revision));
    let carry = ctx
        .state
        .carry
        .clone()
        .filter(|_| props.page == Page::CarryForward);
    let key = (
        props.page.clone(),
        ctx.state.lang,
        std::rc::Rc::as_ptr(&ctx.profiles) as usize,
        draft,
        carry,
    );
    {
        let (host, failed, profiles) = (host.clone(), failed.clone(), ctx.profiles.clone());
        use_effect_with(key, move |(page, lang, _, draft, carry)| {
            let name = match page {
                Page::Results => "results",
                Page::Compare => "compare",
                Page::Consensus => "consensus",
                Page::Framework => "framework",
                Page::CarryForward => "carry",
                _ => "workshop",
            };
            let (own, packs) = profiles.sources();
            let json = |texts: &[String]| serde_json::to_string(texts).unwrap_or_default();
            let (id, revision) = draft.clone().unwrap_or_default();
            let args = [
                name.into(),
                lang.code().into(),
                json(own).into(),
                json(packs).into(),
                id.into(),
                (revision as f64).into(),
                carry.as_ref().map_or("", |c| c.name.as_str()).into(),
                carry.as_ref().map_or("", |c| &*c.text).into(),
                carry
                    .as_ref()
                    .and_then(|c| c.draft.as_deref())
                    .unwrap_or_default()
                    .into(),
            ];
            if let Some(element) = host.cast::<web_sys::Element>() {
                yew::platform::spawn_local(async move {
                    let mut all = vec![wasm_bindgen::JsValue::from(element)];
                    all.extend(args);
                    let mounted = browser::call_views("mount", &all).await.is_some();
                    failed.set(!mounted);
                });
            }
        });
    }
    // What the page asks of the app; the import sees today's profiles.
    let import = use_mut_ref(Callback::noop);
    *import.borrow_mut() = crate::pages::start::importer(&ctx, false);
    {
        let (host, state) = (host.clone(), ctx.state.clone());
        let profiles = ctx.profiles.clone();
        use_effect_with((), move |()| {
            let listeners = host.cast::<web_sys::Element>().map(|element| {
                let open =
                    gloo::events::EventListener::new(&element, "tradeready-open", move |e| {
                        let text = |name| detail(e, name).and_then(|v| v.as_string());
                        if let (Some(name), Some(text)) = (text("name"), text("text")) {
                            import.borrow().emit((name, text.into_bytes()));
                        }
                    });
                let to = state.clone();
                let go = gloo::events::EventListener::new(&element, "tradeready-go", move |e| {
                    let domain = detail(e, "domain").and_then(|v| v.as_f64());
                    let id = detail(e, "id").and_then(|v| v.as_string());
                    if let (Some(domain), Some(id)) = (domain, id) {
                        to.dispatch(Action::GoToQuestion(domain as usize, id));
                    }
                });
                let carried = carried(&element, state.clone(), profiles.clone());
                // A change saved by the page (an adopted action): take the saved draft.
                let state = state.clone();
                let saved =
                    gloo::events::EventListener::new(&element, "tradeready-saved", move |e| {
                        let ok = detail(e, "ok").and_then(|v| v.as_bool()).unwrap_or(false);
                        let id = detail(e, "id").and_then(|v| v.as_string());
                        match id.and_then(|id| crate::storage::load(&id)) {
                            Some(draft) if ok => state.dispatch(Action::Synced(Box::new(draft))),
                            _ => state
                                .dispatch(Action::Notify(Some(crate::state::Notice::StorageFull))),
                        }
                    });
                (open, go, carried, saved)
            });
            move || drop(listeners)
        });
    }
    // When the app leaves the page.
    use_effect_with((), |()| {
        || {
            yew::platform::spawn_local(async {
                browser::call_views("unmount", &[]).await;
            })
        }
    });
    html! {
        <>
            if *failed { <p class="notice warn" role="alert">{ ctx.state.lang.ux().unavailable }</p> }
            <div ref={host} class="delegated"></div>
        </>
    }
}
