//! The export bar: whether the draft has changes not yet in a file, and one-click export.

use crate::ctx::Ctx;
use crate::logic;
use crate::state::Action;
use yew::prelude::*;

/// Writes `text` to a file the browser downloads.
pub fn download(name: &str, mime: &str, text: &str) {
    save(name, gloo::file::Blob::new_with_options(text, Some(mime)));
}

/// Writes `bytes` (a workbook) to a file the browser downloads.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    save(name, gloo::file::Blob::new_with_options(bytes, Some(mime)));
}

fn save(name: &str, blob: gloo::file::Blob) {
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    if let Ok(a) = document.create_element("a") {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", name);
        if let Some(body) = document.body() {
            let _ = body.append_child(&a);
            if let Ok(a) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a) {
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    // The object URL is revoked when `url` drops, after the click has started the download.
}

#[function_component(ExportBar)]
pub fn export_bar() -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let t = ctx.t();
    let Some(draft) = ctx.state.draft.clone() else {
        return html! {};
    };
    let export = |json: bool| {
        let state = ctx.state.clone();
        let draft = draft.clone();
        Callback::from(move |_: MouseEvent| {
            let (ext, mime, text) = if json {
                ("json", "application/json", logic::export_json(&draft))
            } else {
                ("yaml", "application/yaml", logic::export_yaml(&draft))
            };
            download(&logic::export_name(&draft, ext), mime, &text);
            // "Everything is exported" only when the file reads back as the whole draft.
            if logic::holds_everything(&draft, &text) {
                state.dispatch(Action::Exported);
            }
        })
    };
    let pending = logic::drafted_only(&draft);
    let lang = ctx.state.lang.code();
    let profile = ctx.draft_profile().map(|a| a.profile.clone());
    // Each named by its title in the language (the id where the profile has no such question).
    let named = |id: &String| match profile
        .as_ref()
        .and_then(|p| Some((p.indicator(id)?.1, p.default_language())))
    {
        Some((i, default)) => crate::words::shown(&i.title, lang, default),
        None => html! { <code>{ id.clone() }</code> },
    };
    html! {
        <div class="export" role="status">
            if draft.exported {
                <span class="ok">{ t.all_exported }</span>
            } else {
                <span class="dirty">{ t.unexported }</span>
            }
            <button onclick={export(false)} class="primary">{ t.export_yaml }</button>
            <button onclick={export(true)}>{ t.export_json }</button>
            <button onclick={{ let s = ctx.state.clone(); Callback::from(move |_: MouseEvent| { crate::storage::forget_current(); s.dispatch(Action::Close); }) }}>{ t.close }</button>
            if !pending.is_empty() {
                <p class="pending warn">
                    { t.drafted_only }{ " " }
                    { for pending.iter().enumerate().map(|(i, id)| html! { <>if i > 0 { { "; " } }{ named(id) }</> }) }
                </p>
            }
        </div>
    }
}
