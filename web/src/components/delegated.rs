//! Where a page of the views module goes (Workshop, Compare, Framework): the app links only
//! this element; the views module, fetched the first time such a page opens, mounts the
//! page's components (`crate::pages::workshop`, `compare`, `framework`) in it, with the
//! interface language, the profiles' sources and the open draft, and again when they
//! change. The Consensus page opens its result here (a `tradeready-open` event), as an
//! imported file.

use crate::browser;
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::state::Page;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The page to mount.
    pub page: Page,
}

#[function_component(Delegated)]
pub fn delegated(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let host = use_node_ref();
    let failed = use_state(|| false);
    // The Framework page shows the open draft's answers; the others take no draft.
    let draft = (props.page == Page::Framework)
        .then(|| ctx.state.draft.clone())
        .flatten();
    let key = (
        props.page.clone(),
        ctx.state.lang,
        std::rc::Rc::as_ptr(&ctx.profiles) as usize,
        draft.as_ref().map(|d| (d.id.clone(), d.revision)),
    );
    // What the Consensus page opens as a draft comes in as an import does.
    // What the Consensus page opens comes as a `tradeready-open` event on the element, its
    // detail the file's name and text; it is imported as today's profiles allow.
    let import = use_mut_ref(Callback::noop);
    *import.borrow_mut() = crate::pages::start::importer(&ctx, false);
    {
        let host = host.clone();
        use_effect_with((), move |()| {
            let listener = host.cast::<web_sys::Element>().map(|element| {
                gloo::events::EventListener::new(&element, "tradeready-open", move |e| {
                    let field = |name: &str| {
                        js_sys::Reflect::get(e, &"detail".into())
                            .and_then(|d| js_sys::Reflect::get(&d, &name.into()))
                            .ok()
                            .and_then(|v| v.as_string())
                    };
                    if let (Some(name), Some(text)) = (field("name"), field("text")) {
                        import.borrow().emit((name, text.into_bytes()));
                    }
                })
            });
            move || drop(listener)
        });
    }
    {
        let (host, failed, profiles) = (host.clone(), failed.clone(), ctx.profiles.clone());
        use_effect_with(key, move |(page, lang, _, _)| {
            let name = match page {
                Page::Compare => "compare",
                Page::Consensus => "consensus",
                Page::Framework => "framework",
                _ => "workshop",
            };
            let (own, packs) = profiles.sources();
            let json = |texts: &[String]| serde_json::to_string(texts).unwrap_or_default();
            let draft = serde_json::to_string(&draft).unwrap_or_default();
            let args = [
                name.into(),
                lang.code().into(),
                json(own).into(),
                json(packs).into(),
                draft.into(),
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
    // The Framework page's "by provision" view shows the clauses' text, which comes with
    // the language's full pack.
    {
        let want = ctx.want_sources.clone();
        use_effect_with(props.page.clone(), move |page| {
            if *page == Page::Framework {
                want.emit(());
            }
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
