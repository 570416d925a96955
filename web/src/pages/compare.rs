//! Compare: one administration's review cycles. The user picks saved drafts or drops files
//! (two or more); files of another administration or profile are listed and left out. The
//! page shows the comparison report: the trend and the change per domain, what improved and
//! regressed, new and dropped indicators, and what became of the adopted actions.

use super::many::{Files, Report, SetsHandle, adder};
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::logic;
use crate::state::{FileSet, FileState};
use crate::storage;
use yew::prelude::*;

#[function_component(Compare)]
pub fn compare() -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let sets = use_context::<SetsHandle>().expect("inside the views module's root");
    let (t, many) = (ctx.t(), ctx.state.lang.many());
    let drafts = storage::drafts();
    let chosen = use_state(Vec::<String>::new);
    let toggle = |id: String| {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            let mut next: Vec<String> = (*chosen).clone();
            next.retain(|x| x != &id);
            if on {
                next.push(id.clone());
            }
            chosen.set(next);
        })
    };
    let add_drafts = {
        let (chosen, add) = (chosen.clone(), adder(&ctx, &sets, FileSet::Compare));
        Callback::from(move |_: MouseEvent| {
            let files = chosen
                .iter()
                .filter_map(|id| storage::load(id))
                .map(|d| {
                    (
                        logic::export_name(&d, "yaml"),
                        logic::export_yaml(&d).into_bytes(),
                    )
                })
                .collect();
            add.emit(files);
            chosen.set(Vec::new());
        })
    };
    let loaded = sets
        .compare
        .iter()
        .filter(|f| matches!(f.state, FileState::Loaded(_)))
        .count();
    html! {
        <div class="many compare">
            <h1 tabindex="-1">{ ctx.state.lang.ux().nav_compare }</h1>
            <p class="intro">{ many.compare_intro }</p>
            if !drafts.is_empty() {
                <fieldset class="from-drafts">
                    <legend>{ many.from_drafts }</legend>
                    <ul>{ for drafts.iter().map(|d| {
                        let id = format!("cmp-{}", d.id);
                        html! {
                            <li>
                                <input type="checkbox" id={id.clone()} checked={chosen.contains(&d.id)} onchange={toggle(d.id.clone())} />
                                <label for={id}>{ format!("{} — {} {} ({} {})", d.administration, t.cycle, d.cycle, d.profile.id, d.profile.version) }</label>
                            </li>
                        }
                    }) }</ul>
                    <button onclick={add_drafts} disabled={chosen.is_empty()}>{ many.add_drafts }</button>
                </fieldset>
            }
            <Files set={FileSet::Compare} />
            if loaded == 1 {
                <p class="hint" role="status">{ many.need_two }</p>
            }
            <Report set={FileSet::Compare} file_name="cycles-report.html" />
        </div>
    }
}
