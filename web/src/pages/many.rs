//! What the Workshop and Compare pages share: adding files (picked, dropped, or saved
//! drafts), the list of files with what became of each, and the report of those that
//! loaded. These pages are mounted by the views module (views/src/pages.rs), which gives
//! them the app's context and their files' [`Sets`].

/// The files of the Workshop and Compare pages, and `dispatch` to change them.
pub type SetsHandle = UseReducerHandle<Sets>;

use crate::components::file_input::FilesInput;
use crate::components::report_view::ReportView;
use crate::ctx::Ctx;
use crate::i18n::Interface;
use crate::logic;
use crate::said;
use crate::state::{FileSet, FileState, LoadedFile, SetAction, Sets};
use yew::prelude::*;

/// The callback that loads files handed over by a file input and adds them to `set`.
pub fn adder(ctx: &Ctx, sets: &SetsHandle, set: FileSet) -> Callback<Vec<(String, Vec<u8>)>> {
    let (sets, profiles) = (sets.clone(), ctx.profiles.clone());
    Callback::from(move |files: Vec<(String, Vec<u8>)>| {
        let loaded = files
            .into_iter()
            .map(|(name, bytes)| logic::load_file(name, &bytes, &profiles))
            .collect();
        sets.dispatch(SetAction::Add(set, loaded));
    })
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Whose files.
    pub set: FileSet,
    /// Neutral labels instead of names in the list and the report.
    #[prop_or_default]
    pub anonymize: bool,
}

/// The file input and the list of files of `set`.
#[function_component(Files)]
pub fn files(props: &Props) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let sets = use_context::<SetsHandle>().expect("inside the views module's root");
    let many = ctx.state.lang.many();
    let set = props.set;
    let files = sets.files(set).clone();
    let remove = |i: usize| {
        let sets = sets.clone();
        Callback::from(move |_: MouseEvent| sets.dispatch(SetAction::Remove(set, i)))
    };
    let clear = {
        let sets = sets.clone();
        Callback::from(move |_: MouseEvent| sets.dispatch(SetAction::Clear(set)))
    };
    let id = match set {
        FileSet::Workshop => "workshop-files",
        FileSet::Compare => "compare-files",
        FileSet::Consensus => "consensus-files",
    };
    // Neutral labels follow the order of the files that loaded, as in the report.
    let mut shown = 0usize;
    let rows: Vec<Html> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let row = file_row(&ctx, f, props.anonymize, &mut shown);
            html! {
                <li class={classes!("file", matches!(f.state, FileState::Loaded(_)).then_some("ok"))}>
                    { row }
                    <button class="link" onclick={remove(i)} aria-label={format!("{} {}", many.remove, f.name)}>{ many.remove }</button>
                </li>
            }
        })
        .collect();
    html! {
        <>
            <FilesInput id={id} label={many.add_files} hint={many.files_hint} accept=".yaml,.yml,.json" on_files={adder(&ctx, &sets, set)} />
            <section class="files" aria-labelledby={format!("{id}-heading")}>
                <h2 id={format!("{id}-heading")}>{ format!("{} ({})", many.files, files.len()) }</h2>
                if files.is_empty() {
                    <p class="hint">{ many.nothing_yet }</p>
                } else {
                    <ul class="file-list">{ for rows }</ul>
                    <button onclick={clear}>{ many.clear }</button>
                }
            </section>
        </>
    }
}

fn file_row(ctx: &Ctx, f: &LoadedFile, anonymize: bool, shown: &mut usize) -> Html {
    let (many, lang) = (ctx.state.lang.many(), ctx.state.lang);
    // Under neutral labels, no name: not the administration's, nor the file's.
    let name = |label: String| html! { <span class="file-name">{ label }</span> };
    match &f.state {
        FileState::Loaded(s) => {
            let label = if anonymize {
                tradeready::aggregate::neutral_label(*shown)
            } else {
                format!("{} · {}", f.name, s.administration)
            };
            *shown += 1;
            html! {
                <>
                    { name(label) }
                    <span class="meta">{ format!(" {} · {}", s.cycle, lang.score(s.overall)) }</span>
                </>
            }
        }
        FileState::Failed(errors) => html! {
            <>
                { name(if anonymize { "—".to_owned() } else { f.name.clone() }) }
                <span class="warn">{ format!(" {}", many.failed) }</span>
                <ul class="diagnostics">{ for errors.iter().map(|d| {
                    let s = said::said(d, lang, &ctx.profiles);
                    html! { <li><code>{ said::place(&f.name, d) }</code><span lang={s.english.then_some("en")}>{ s.text }</span></li> }
                }) }</ul>
            </>
        },
        FileState::OtherAdministration(s) => html! {
            <span class="warn">{ many.other_administration.replace("{f}", &f.name).replace("{a}", &s.administration) }</span>
        },
        FileState::OtherCycle(s) => html! {
            <span class="warn">{ many.other_cycle.replace("{f}", &f.name).replace("{c}", &s.cycle) }</span>
        },
        FileState::SameAdministration(_, other) => html! {
            <span class="warn">{ many.same_administration.replace("{f}", &f.name).replace("{g}", other) }</span>
        },
        // Another version of the profile the others answer: how to bring it to theirs.
        FileState::OtherProfile(s, here) if s.profile.id == here.id => html! {
            <span class="warn">{ many.other_version.replace("{f}", &f.name).replace("{v}", &s.profile.version).replace("{w}", &here.version) }</span>
        },
        FileState::OtherProfile(s, _) => html! {
            <span class="warn">{ many.other_profile.replace("{f}", &f.name).replace("{p}", &format!("{} {}", s.profile.id, s.profile.version)) }</span>
        },
    }
}

/// The report of the files of `set` that loaded, with its download.
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// Whose files.
    pub set: FileSet,
    /// Neutral labels instead of names.
    #[prop_or_default]
    pub anonymize: bool,
    /// The downloaded file's name.
    pub file_name: AttrValue,
}

#[function_component(Report)]
pub fn report(props: &ReportProps) -> Html {
    let ctx = use_context::<Ctx>().expect("inside the app");
    let sets = use_context::<SetsHandle>().expect("inside the views module's root");
    let files = sets.files(props.set);
    if !files
        .iter()
        .any(|f| matches!(f.state, FileState::Loaded(_)))
    {
        return html! {};
    }
    let request =
        logic::report_request(files, &ctx.profiles, ctx.state.lang.code(), props.anonymize);
    html! { <ReportView request={request} file_name={props.file_name.clone()} /> }
}
