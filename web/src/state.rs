//! The app's state and everything that changes it: a Yew `Reducible` over an [`Action`]
//! enum, pure and unit-tested natively. Storage and files are touched only in effects
//! (see `storage.rs` and `app.rs`), never here.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use tradeready::model::raw;
use tradeready::model::{AnswerValue, Label, UniqueMap};
use yew::Reducible;

/// Which page is shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Page {
    /// Profile choice, new assessment, drafts, import.
    #[default]
    Start,
    /// The questions of one domain (by index).
    Questionnaire(usize),
    /// Scores, charts and the action plan.
    Results,
    /// The profile as a reading aid.
    Framework,
    /// Many administrations side by side.
    Workshop,
    /// One administration's review cycles.
    Compare,
    /// Several respondents' answers made one.
    Consensus,
    /// An assessment of an older profile version carried to the newest on offer
    /// ([`State::carry`] says which).
    CarryForward,
}

/// An assessment of an older profile version, offered to be carried forward: an imported
/// file, or a draft saved in this browser before the app was upgraded.
#[derive(Clone, Debug, PartialEq)]
pub struct Carry {
    /// The file's name (for a draft, the name its export would have).
    pub name: String,
    /// The assessment as written against the older version.
    pub text: Rc<str>,
    /// The saved draft it is, if it is one: kept until the carried one is accepted.
    pub draft: Option<String>,
}

/// Which profile a draft answers: an embedded one or one the user loaded (the core's one
/// id-and-version type).
pub use tradeready::model::ProfileKey;

/// An assessment being written, as it is saved in browser storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Storage key.
    pub id: String,
    /// The answers, in the file format itself, so that export is exact.
    pub assessment: raw::Assessment,
    /// When it was last saved, in milliseconds since 1970 (set by the storage effect).
    pub saved_at: Option<f64>,
    /// Whether every change has been exported to a file.
    pub exported: bool,
    /// Bumped on every change, so that the storage effect knows what to save.
    pub revision: u64,
}

impl Draft {
    /// The profile this draft answers.
    pub fn profile_key(&self) -> ProfileKey {
        self.assessment.profile.key()
    }
}

/// The header of an assessment, as the user edits it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    /// Administration name.
    pub administration: String,
    /// Administration code (blank for none).
    pub code: String,
    /// Cycle label.
    pub cycle: String,
    /// The reference date, YYYY-MM-DD.
    pub as_of: String,
    /// Who assessed, one per item (blank items are dropped).
    pub assessors: Vec<String>,
}

impl Details {
    /// The header of a draft.
    pub fn of(draft: &Draft) -> Details {
        let a = &draft.assessment;
        Details {
            administration: a.administration.name.clone(),
            code: a
                .administration
                .code
                .as_ref()
                .map(|c| c.0.clone())
                .unwrap_or_default(),
            cycle: a.cycle.0.clone(),
            as_of: a.as_of.clone(),
            assessors: a.assessors.clone(),
        }
    }
}

/// A message shown at the top of the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Browser storage refused the last save.
    StorageFull,
    /// Browser storage cannot be used at all.
    StorageUnavailable,
    /// An import failed: the file's name and its errors, located.
    ImportFailed(String, Vec<tradeready::Diagnostic>),
    /// An imported file held exactly what a saved draft holds: that draft was opened.
    SameAsDraft,
    /// An assessment was carried forward; whether the original draft was kept (something
    /// of it could not be carried).
    Carried { kept: bool },
}

/// A file loaded on a page that works on several (Workshop, Compare).
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedFile {
    /// The file's name.
    pub name: String,
    /// Its text (empty when it is not text at all).
    pub text: Rc<str>,
    /// What became of it.
    pub state: FileState,
}

/// What became of a file loaded on the Workshop or Compare page.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    /// It loaded: what it is.
    Loaded(FileSummary),
    /// It does not load: its errors, located.
    Failed(Vec<tradeready::Diagnostic>),
    /// It loads but is of another administration than the others on the Compare page.
    OtherAdministration(FileSummary),
    /// It loads but answers another profile, or another version of it, than the others:
    /// the summary, and the profile the others answer.
    OtherProfile(FileSummary, ProfileKey),
    /// It loads but is of another review cycle than the others (a consensus is of one).
    OtherCycle(FileSummary),
    /// It loads but its administration has a file on the Workshop page already (one file
    /// per administration there): the summary, and the name of that other file.
    SameAdministration(FileSummary, String),
}

/// What a loaded file is, for the list of files.
#[derive(Clone, Debug, PartialEq)]
pub struct FileSummary {
    /// Administration name.
    pub administration: String,
    /// Administration code.
    pub code: Option<String>,
    /// Review cycle.
    pub cycle: String,
    /// Profile id and version.
    pub profile: ProfileKey,
    /// Overall score, 0-100.
    pub overall: Option<f64>,
}

impl FileSummary {
    /// Who the file is of: two files are of one administration by the core's rule
    /// (`model::Who`, DESIGN.md "Reports").
    fn who(&self) -> tradeready::model::Who<'_> {
        tradeready::model::Who {
            name: &self.administration,
            code: self.code.as_deref(),
        }
    }
}

/// The pages that hold several files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileSet {
    /// The Workshop page's: many administrations, one profile id.
    Workshop,
    /// The Compare page's: one administration's cycles, one profile id.
    Compare,
    /// The Consensus page's: several respondents of one administration, profile version and
    /// cycle.
    Consensus,
}

impl FileSet {
    /// Whether a file may join those already loaded; if not, what it becomes. Every file
    /// answers the profile id of the first one loaded (in a workshop, its version too); on
    /// the Compare page, every file is of the first one's administration too; in a workshop,
    /// of an administration that has no file yet.
    fn admit(self, present: &[LoadedFile], file: LoadedFile) -> LoadedFile {
        let this = match file.state {
            FileState::Loaded(s)
            | FileState::OtherAdministration(s)
            | FileState::OtherProfile(s, _)
            | FileState::OtherCycle(s)
            | FileState::SameAdministration(s, _) => s,
            FileState::Failed(_) => return file,
        };
        // In a workshop, the file already loaded for this one's administration, if any.
        let already = (self == FileSet::Workshop)
            .then(|| {
                present.iter().find(|f| match &f.state {
                    FileState::Loaded(s) => s.who().is(this.who()),
                    _ => false,
                })
            })
            .flatten();
        let first = present.iter().find_map(|f| match &f.state {
            FileState::Loaded(s) => Some(s),
            _ => None,
        });
        let state = match first {
            // A workshop puts files of one profile version side by side; cycles may span
            // versions (compare carries the older ones forward).
            Some(first)
                if this.profile.id != first.profile.id
                    || (self != FileSet::Compare && this.profile != first.profile) =>
            {
                let here = first.profile.clone();
                FileState::OtherProfile(this, here)
            }
            Some(first) if self != FileSet::Workshop && !this.who().is(first.who()) => {
                FileState::OtherAdministration(this)
            }
            Some(_) if already.is_some() => FileState::SameAdministration(
                this,
                already.map(|f| f.name.clone()).unwrap_or_default(),
            ),
            Some(first) if self == FileSet::Consensus && this.cycle != first.cycle => {
                FileState::OtherCycle(this)
            }
            _ => FileState::Loaded(this),
        };
        LoadedFile { state, ..file }
    }

    /// Admits every file again, in order (after one was removed, a file left out for
    /// not matching it may match the others now).
    fn readmit(self, files: Vec<LoadedFile>) -> Vec<LoadedFile> {
        let mut out: Vec<LoadedFile> = Vec::with_capacity(files.len());
        for file in files {
            let file = self.admit(&out, file);
            out.push(file);
        }
        out
    }
}

/// The whole state of the app.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// Interface language.
    pub lang: Lang,
    /// The page shown.
    pub page: Page,
    /// The assessment being written, if any.
    pub draft: Option<Draft>,
    /// A message for the user.
    pub notice: Option<Notice>,
    /// Counts the moves to a page or a domain, so that each one moves the focus once (and
    /// a re-render, a change of language or a reload does not).
    pub moved: u64,
    /// Where the last move puts the focus.
    pub focus: Focus,
    /// What the Carry forward page carries.
    pub carry: Option<Rc<Carry>>,
    /// The open draft as it was last read from storage or written there (none for a draft
    /// never stored): what the next save may replace, and what this tab's unsaved changes
    /// are made on, should another tab save in the meantime.
    pub base: Option<Rc<Draft>>,
}

/// The files of the pages that work on several (Workshop, Compare), apart from [`State`]:
/// those pages are mounted by the views module, and the app's own reducer does not carry
/// their code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sets {
    /// The Workshop page's files, in the order added.
    pub workshop: Rc<Vec<LoadedFile>>,
    /// The Compare page's files, in the order added.
    pub compare: Rc<Vec<LoadedFile>>,
    /// The Consensus page's files (one per respondent), in the order added.
    pub consensus: Rc<Vec<LoadedFile>>,
}

/// What the user did on the Workshop, Compare or Consensus page.
#[derive(Clone, Debug, PartialEq)]
pub enum SetAction {
    /// Files added to a page's set: one whose text is there already is not added again;
    /// one of another profile id (or, to compare, administration) is listed, left out.
    Add(FileSet, Vec<LoadedFile>),
    /// A file removed from a page's set (by position).
    Remove(FileSet, usize),
    /// Every file removed from a page's set.
    Clear(FileSet),
}

impl Reducible for Sets {
    type Action = SetAction;

    fn reduce(self: Rc<Self>, action: SetAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            SetAction::Add(set, files) => {
                for file in files {
                    let present = next.files(set);
                    if present
                        .iter()
                        .any(|f| f.text == file.text && !f.text.is_empty())
                    {
                        continue;
                    }
                    let file = set.admit(present, file);
                    next.files_mut(set).push(file);
                }
            }
            SetAction::Remove(set, i) => {
                if i < next.files(set).len() {
                    let mut files = std::mem::take(next.files_mut(set));
                    files.remove(i);
                    *next.files_mut(set) = set.readmit(files);
                }
            }
            SetAction::Clear(set) => next.files_mut(set).clear(),
        }
        Rc::new(next)
    }
}

impl Sets {
    /// The files of a page.
    pub fn files(&self, set: FileSet) -> &Rc<Vec<LoadedFile>> {
        match set {
            FileSet::Workshop => &self.workshop,
            FileSet::Compare => &self.compare,
            FileSet::Consensus => &self.consensus,
        }
    }

    fn files_mut(&mut self, set: FileSet) -> &mut Vec<LoadedFile> {
        Rc::make_mut(match set {
            FileSet::Workshop => &mut self.workshop,
            FileSet::Compare => &mut self.compare,
            FileSet::Consensus => &mut self.consensus,
        })
    }
}

/// Where the focus goes after a move.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// The page's heading (in the questionnaire, the chosen domain's), at the top.
    #[default]
    Heading,
    /// The first question of the questionnaire, after a draft is opened.
    FirstQuestion,
    /// One question (by indicator id), from a link to it.
    Question(String),
}

/// What the user (or an effect) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLang(Lang),
    /// Show a page.
    Go(Page),
    /// Show a question: its domain in the questionnaire, the focus in the question.
    GoToQuestion(usize, String),
    /// Open a draft (new, resumed or imported).
    Open(Box<Draft>),
    /// Close the draft.
    Close,
    /// Answer an indicator with a value (None clears the answer).
    SetValue(String, Option<AnswerValue>),
    /// Mark an indicator not applicable with a reason (None removes the mark).
    SetNa(String, Option<String>),
    /// Replace the evidence items of an indicator.
    SetEvidence(String, Vec<String>),
    /// Set or clear the note of an indicator.
    SetNote(String, Option<String>),
    /// Set or clear the target for the next cycle of an indicator.
    SetTarget(String, Option<AnswerValue>),
    /// Adopt, change or drop the action planned for an indicator's gap.
    SetPlan(String, Option<raw::Action>),
    /// Change who is assessed, the cycle, the reference date or the assessors.
    SetDetails(Details),
    /// Another tab saved the open draft: take its version, which holds every change made
    /// there (each change is saved at once), with this tab's changes not yet saved on top.
    Synced(Box<Draft>),
    /// The draft was written to a file.
    Exported,
    /// The storage effect saved the draft: the copy stored, stamped with its time.
    Saved(Box<Draft>),
    /// Show or clear a notice.
    Notify(Option<Notice>),
    /// Offer to carry an assessment of an older profile version forward.
    Carry(Rc<Carry>),
}

fn answer_mut<'a>(draft: &'a mut Draft, id: &str) -> &'a mut raw::Answer {
    let answers = &mut draft.assessment.answers;
    if answers.get(id).is_none() {
        answers.set(
            id.to_owned(),
            raw::Answer {
                value: None,
                na: None,
                evidence: Vec::new(),
                note: None,
            },
        );
    }
    answers.get_mut(id).expect("just inserted")
}

/// Drops answers that say nothing (no value, no na, no evidence, no note).
fn tidy(draft: &mut Draft) {
    draft.assessment.answers.retain(|_, a| {
        a.value.is_some() || a.na.is_some() || !a.evidence.is_empty() || a.note.is_some()
    });
}

impl State {
    /// Whether the open draft is the copy in storage (as read there, or as last written):
    /// nothing of it is left to save.
    pub fn draft_is_stored(&self) -> bool {
        match (&self.draft, &self.base) {
            (Some(d), Some(b)) => (d.revision, d.exported) == (b.revision, b.exported),
            _ => false,
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let edits_draft = matches!(
            action,
            Action::SetValue(..)
                | Action::SetNa(..)
                | Action::SetEvidence(..)
                | Action::SetNote(..)
                | Action::SetTarget(..)
                | Action::SetPlan(..)
                | Action::SetDetails(..)
        );
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Go(page) => {
                next.page = page;
                next.moved += 1;
                next.focus = Focus::Heading;
            }
            Action::GoToQuestion(domain, id) => {
                next.page = Page::Questionnaire(domain);
                next.moved += 1;
                next.focus = Focus::Question(id);
            }
            Action::Open(draft) => {
                // A draft saved before (resumed, or the same as an imported file) is the
                // stored copy; a new one has never been stored.
                next.base = draft.saved_at.is_some().then(|| Rc::new((*draft).clone()));
                next.draft = Some(*draft);
                next.page = Page::Questionnaire(0);
                next.notice = None;
                next.moved += 1;
                next.focus = Focus::FirstQuestion;
            }
            Action::Close => {
                next.draft = None;
                next.base = None;
                next.page = Page::Start;
                next.moved += 1;
                next.focus = Focus::Heading;
            }
            Action::Notify(notice) => next.notice = notice,
            Action::Carry(carry) => {
                next.carry = Some(carry);
                next.page = Page::CarryForward;
                next.notice = None;
                next.moved += 1;
                next.focus = Focus::Heading;
            }
            Action::Synced(theirs) => match &next.draft {
                Some(ours) if ours.id == theirs.id => {
                    let base = self.base.as_deref();
                    // A stored copy older than one this tab has read or written (written by
                    // an earlier version of the app, say) is not taken in: this tab's draft
                    // is saved over it.
                    if let Some(b) = base.filter(|b| theirs.revision < b.revision) {
                        if let Some(d) = &mut next.draft {
                            d.revision = d.revision.max(b.revision) + 1;
                        }
                        next.base = Some(Rc::new(*theirs));
                        return Rc::new(next);
                    }
                    let mut taken = (*theirs).clone();
                    if let Some(b) = base.filter(|b| b.assessment != ours.assessment) {
                        // Both tabs changed the draft: theirs, with every change this one
                        // made since the copy it started from (to be saved next).
                        taken.assessment =
                            merge(&b.assessment, &ours.assessment, &theirs.assessment);
                        tidy(&mut taken);
                        taken.revision = ours.revision.max(theirs.revision) + 1;
                        taken.exported = false;
                    }
                    // Ignoring the save time: the echo of a save with the same content
                    // changes nothing.
                    let same = |a: &Draft, b: &Draft| {
                        a.assessment == b.assessment && a.exported == b.exported
                    };
                    if base.is_some_and(|b| b.revision == theirs.revision && same(b, &theirs))
                        && same(ours, &taken)
                    {
                        return self;
                    }
                    next.draft = Some(taken);
                    next.base = Some(Rc::new(*theirs));
                }
                _ => return self,
            },
            Action::Exported => {
                if let Some(d) = &mut next.draft {
                    d.exported = true;
                }
            }
            Action::Saved(stored) => match &mut next.draft {
                Some(d) if d.id == stored.id => {
                    if d.revision == stored.revision {
                        d.saved_at = stored.saved_at;
                    }
                    next.base = Some(Rc::new(*stored));
                }
                _ => return self,
            },
            Action::SetValue(id, value) => {
                if let Some(d) = &mut next.draft {
                    let a = answer_mut(d, &id);
                    if value.is_some() {
                        a.na = None;
                    }
                    a.value = value;
                }
            }
            Action::SetNa(id, reason) => {
                if let Some(d) = &mut next.draft {
                    let a = answer_mut(d, &id);
                    if reason.is_some() {
                        a.value = None;
                    }
                    a.na = reason;
                }
            }
            Action::SetEvidence(id, items) => {
                if let Some(d) = &mut next.draft {
                    answer_mut(d, &id).evidence = items;
                }
            }
            Action::SetNote(id, note) => {
                if let Some(d) = &mut next.draft {
                    answer_mut(d, &id).note = note.filter(|n| !n.trim().is_empty());
                }
            }
            Action::SetTarget(id, target) => {
                if let Some(d) = &mut next.draft {
                    match target {
                        Some(t) => d.assessment.targets.set(id, t),
                        None => {
                            d.assessment.targets.remove(id.as_str());
                        }
                    }
                }
            }
            Action::SetPlan(id, action) => {
                if let Some(d) = &mut next.draft {
                    match action {
                        Some(a) => d.assessment.actions.set(id, a),
                        None => {
                            d.assessment.actions.remove(id.as_str());
                        }
                    }
                }
            }
            Action::SetDetails(details) => {
                if let Some(d) = &mut next.draft {
                    let a = &mut d.assessment;
                    a.administration.name = details.administration.trim().to_owned();
                    let code = details.code.trim();
                    a.administration.code = (!code.is_empty()).then(|| Label(code.to_owned()));
                    a.cycle = Label(details.cycle.trim().to_owned());
                    a.as_of = details.as_of.trim().to_owned();
                    a.assessors = details
                        .assessors
                        .iter()
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                }
            }
        }
        if edits_draft && let Some(d) = &mut next.draft {
            tidy(d);
            d.exported = false;
            d.revision += 1;
        }
        Rc::new(next)
    }
}

/// `theirs`, with every change `ours` made to `base`: each answer, target and action, and
/// each field of the header, that `ours` changed (set, changed or removed) is `ours`; all
/// else is `theirs`.
fn merge(
    base: &raw::Assessment,
    ours: &raw::Assessment,
    theirs: &raw::Assessment,
) -> raw::Assessment {
    fn field<T: PartialEq + Clone>(base: &T, ours: &T, merged: &mut T) {
        if ours != base {
            *merged = ours.clone();
        }
    }
    fn map<V: PartialEq + Clone>(
        base: &UniqueMap<String, V>,
        ours: &UniqueMap<String, V>,
        merged: &mut UniqueMap<String, V>,
    ) {
        for id in ours.keys().chain(base.keys()) {
            match (ours.get(id), base.get(id)) {
                (o, b) if o == b => {}
                (Some(o), _) => merged.set(id.clone(), o.clone()),
                (None, _) => {
                    merged.remove(id);
                }
            }
        }
    }
    let mut merged = theirs.clone();
    field(
        &base.administration,
        &ours.administration,
        &mut merged.administration,
    );
    field(&base.cycle, &ours.cycle, &mut merged.cycle);
    field(&base.as_of, &ours.as_of, &mut merged.as_of);
    field(&base.assessors, &ours.assessors, &mut merged.assessors);
    map(&base.answers, &ours.answers, &mut merged.answers);
    map(&base.targets, &ours.targets, &mut merged.targets);
    map(&base.actions, &ours.actions, &mut merged.actions);
    merged
}

/// A new, empty assessment of a profile.
pub fn new_draft(
    id: String,
    key: &ProfileKey,
    administration: &str,
    code: &str,
    cycle: &str,
    as_of: &str,
    sha256: Option<String>,
) -> Draft {
    Draft {
        id,
        assessment: raw::Assessment {
            kind: raw::AssessmentKind::Assessment,
            format: tradeready::validate::FORMAT,
            profile: raw::ProfileRef {
                id: key.id.clone(),
                version: Label(key.version.clone()),
                sha256,
            },
            migrated_from: None,
            administration: raw::Administration {
                name: administration.to_owned(),
                code: (!code.trim().is_empty()).then(|| Label(code.to_owned())),
            },
            cycle: Label(cycle.to_owned()),
            as_of: as_of.to_owned(),
            assessors: Vec::new(),
            answers: UniqueMap::new(),
            targets: UniqueMap::new(),
            actions: UniqueMap::new(),
        },
        saved_at: None,
        exported: false,
        revision: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_draft() -> Rc<State> {
        let key = ProfileKey {
            id: "wco-resilience".into(),
            version: "1.0.0".into(),
        };
        Rc::new(State::default()).reduce(Action::Open(Box::new(new_draft(
            "d1".into(),
            &key,
            "X",
            "XE",
            "2025",
            "2025-06-30",
            None,
        ))))
    }

    fn file(name: &str, admin: &str, code: Option<&str>, profile: (&str, &str)) -> LoadedFile {
        LoadedFile {
            name: name.into(),
            text: format!("{name} text").into(),
            state: FileState::Loaded(FileSummary {
                administration: admin.into(),
                code: code.map(Into::into),
                cycle: "2025".into(),
                profile: ProfileKey {
                    id: profile.0.into(),
                    version: profile.1.into(),
                },
                overall: Some(50.0),
            }),
        }
    }

    fn states(s: &Sets, set: FileSet) -> Vec<&'static str> {
        s.files(set)
            .iter()
            .map(|f| match f.state {
                FileState::Loaded(_) => "loaded",
                FileState::Failed(_) => "failed",
                FileState::OtherAdministration(_) => "other administration",
                FileState::OtherProfile(..) => "other profile",
                FileState::OtherCycle(_) => "other cycle",
                FileState::SameAdministration(..) => "same administration",
            })
            .collect()
    }

    const WCO: (&str, &str) = ("wco-resilience", "1.0.0");

    #[test]
    fn compare_takes_one_administration_by_code_or_name_and_one_profile_id() {
        let s = Rc::new(Sets::default()).reduce(SetAction::Add(
            FileSet::Compare,
            vec![
                file("n23", "Northland", Some("NL"), WCO),
                // Same code, another spelling of the name: the same administration.
                file("n24", "Northland Customs", Some("NL"), WCO),
                // Another version of the profile: cycles may span versions.
                file("n25", "Northland", Some("NL"), ("wco-resilience", "1.1.0")),
                file("m25", "Meridia", Some("MD"), WCO),
                file("x25", "Northland", Some("NL"), ("other", "1.0.0")),
            ],
        ));
        assert_eq!(
            states(&s, FileSet::Compare),
            [
                "loaded",
                "loaded",
                "loaded",
                "other administration",
                "other profile"
            ]
        );
        // Without codes, the name decides.
        let s = Rc::new(Sets::default()).reduce(SetAction::Add(
            FileSet::Compare,
            vec![
                file("a", "Ruritania", None, WCO),
                file("b", "Meridia", None, WCO),
            ],
        ));
        assert_eq!(
            states(&s, FileSet::Compare),
            ["loaded", "other administration"]
        );
    }

    #[test]
    fn a_workshop_takes_many_administrations_of_one_profile_version() {
        let s = Rc::new(Sets::default()).reduce(SetAction::Add(
            FileSet::Workshop,
            vec![
                file("n", "Northland", Some("NL"), WCO),
                file("m", "Meridia", Some("MD"), WCO),
                file("o", "Oldland", Some("OL"), ("wco-resilience", "1.1.0")),
            ],
        ));
        assert_eq!(
            states(&s, FileSet::Workshop),
            ["loaded", "loaded", "other profile"]
        );
        // The file left out knows the version the others answer, to say how to reach it.
        match &s.workshop[2].state {
            FileState::OtherProfile(this, here) => {
                assert_eq!(
                    (this.profile.version.as_str(), here.version.as_str()),
                    ("1.1.0", "1.0.0")
                );
            }
            other => panic!("{other:?}"),
        }
        assert!(s.compare.is_empty(), "the sets are apart");
        // A second file of an administration already there (by code, or by name where a
        // file has no code) is left out, naming the file it would repeat.
        let s = s.reduce(SetAction::Add(
            FileSet::Workshop,
            vec![
                file("n2", "Northland Customs", Some("NL"), WCO),
                file("m2", "Meridia", None, WCO),
                file("r", "Ruritania", None, WCO),
            ],
        ));
        assert_eq!(
            states(&s, FileSet::Workshop),
            [
                "loaded",
                "loaded",
                "other profile",
                "same administration",
                "same administration",
                "loaded"
            ]
        );
        let FileState::SameAdministration(_, first) = &s.files(FileSet::Workshop)[3].state else {
            unreachable!()
        };
        assert_eq!(first, "n");
    }

    #[test]
    fn a_consensus_takes_one_administration_version_and_cycle() {
        let mut other_cycle = file("c", "Borovia", Some("XB"), WCO);
        if let FileState::Loaded(s) = &mut other_cycle.state {
            s.cycle = "2024".into();
        }
        let s = Rc::new(Sets::default()).reduce(SetAction::Add(
            FileSet::Consensus,
            vec![
                file("a", "Borovia", Some("XB"), WCO),
                file("b", "Borovia", Some("XB"), WCO),
                file("v", "Borovia", Some("XB"), ("wco-resilience", "1.1.0")),
                file("m", "Meridia", Some("MD"), WCO),
                other_cycle,
            ],
        ));
        assert_eq!(
            states(&s, FileSet::Consensus),
            [
                "loaded",
                "loaded",
                "other profile",
                "other administration",
                "other cycle"
            ]
        );
    }

    #[test]
    fn the_same_file_twice_is_added_once_and_removing_the_first_readmits_the_rest() {
        let s = Rc::new(Sets::default())
            .reduce(SetAction::Add(
                FileSet::Compare,
                vec![
                    file("m", "Meridia", Some("MD"), WCO),
                    file("n", "Northland", Some("NL"), WCO),
                ],
            ))
            .reduce(SetAction::Add(
                FileSet::Compare,
                vec![file("m", "Meridia", Some("MD"), WCO)],
            ));
        assert_eq!(
            states(&s, FileSet::Compare),
            ["loaded", "other administration"]
        );
        let s = s.reduce(SetAction::Remove(FileSet::Compare, 0));
        assert_eq!(states(&s, FileSet::Compare), ["loaded"]);
        let s = s.reduce(SetAction::Remove(FileSet::Compare, 5));
        assert_eq!(
            s.compare.len(),
            1,
            "a position past the end removes nothing"
        );
        let s = s.reduce(SetAction::Clear(FileSet::Compare));
        assert!(s.compare.is_empty());
    }

    fn answers(state: &State) -> &UniqueMap<String, raw::Answer> {
        &state.draft.as_ref().unwrap().assessment.answers
    }

    #[test]
    fn a_value_replaces_na_and_na_replaces_a_value() {
        let s = with_draft().reduce(Action::SetNa("a.b".into(), Some("No mandate".into())));
        assert_eq!(
            answers(&s).get("a.b").unwrap().na.as_deref(),
            Some("No mandate")
        );
        let s = s.reduce(Action::SetValue("a.b".into(), Some(AnswerValue::Int(3))));
        let a = answers(&s).get("a.b").unwrap();
        assert_eq!(
            (a.value.clone(), a.na.clone()),
            (Some(AnswerValue::Int(3)), None)
        );
        let s = s.reduce(Action::SetNa("a.b".into(), Some("x".into())));
        assert_eq!(answers(&s).get("a.b").unwrap().value, None);
    }

    #[test]
    fn clearing_everything_removes_the_answer() {
        let s = with_draft()
            .reduce(Action::SetValue(
                "a.b".into(),
                Some(AnswerValue::Bool(true)),
            ))
            .reduce(Action::SetEvidence("a.b".into(), vec!["Memo".into()]));
        let s = s.reduce(Action::SetValue("a.b".into(), None));
        assert!(answers(&s).get("a.b").is_some(), "evidence keeps the entry");
        let s = s.reduce(Action::SetEvidence("a.b".into(), vec![]));
        assert!(answers(&s).get("a.b").is_none());
    }

    #[test]
    fn every_edit_marks_the_draft_unexported_and_bumps_the_revision() {
        let s = with_draft().reduce(Action::Exported);
        assert!(s.draft.as_ref().unwrap().exported);
        let s = s.reduce(Action::SetValue("a.b".into(), Some(AnswerValue::Int(1))));
        let d = s.draft.as_ref().unwrap();
        assert!(!d.exported);
        assert_eq!(d.revision, 1);
        // Navigation is not an edit.
        let s = s.reduce(Action::Go(Page::Results));
        assert_eq!(s.draft.as_ref().unwrap().revision, 1);
    }

    #[test]
    fn targets_are_set_and_cleared_and_mark_the_draft_unexported() {
        let s = with_draft()
            .reduce(Action::Exported)
            .reduce(Action::SetTarget("a.b".into(), Some(AnswerValue::Int(4))));
        let d = s.draft.as_ref().unwrap();
        assert_eq!(d.assessment.targets.get("a.b"), Some(&AnswerValue::Int(4)));
        assert!(!d.exported);
        // A target is not an answer.
        assert!(answers(&s).get("a.b").is_none());
        let s = s.reduce(Action::SetTarget("a.b".into(), None));
        assert!(s.draft.as_ref().unwrap().assessment.targets.is_empty());
    }

    #[test]
    fn an_adopted_action_is_set_changed_and_dropped_and_marks_the_draft_unexported() {
        let action = |status| raw::Action {
            what: None,
            owner: Some("Risk unit".into()),
            due: Some("2026-12-31".into()),
            status,
        };
        let s = with_draft()
            .reduce(Action::Exported)
            .reduce(Action::SetPlan(
                "a.b".into(),
                Some(action(raw::ActionStatus::Planned)),
            ));
        let d = s.draft.as_ref().unwrap();
        assert_eq!(
            d.assessment.actions.get("a.b"),
            Some(&action(raw::ActionStatus::Planned))
        );
        assert!(!d.exported);
        let revision = d.revision;
        let s = s.reduce(Action::SetPlan(
            "a.b".into(),
            Some(action(raw::ActionStatus::InProgress)),
        ));
        let d = s.draft.as_ref().unwrap();
        assert_eq!(
            d.assessment.actions.get("a.b").map(|a| a.status),
            Some(raw::ActionStatus::InProgress)
        );
        assert!(d.revision > revision);
        // An action is not an answer.
        assert!(answers(&s).get("a.b").is_none());
        let s = s.reduce(Action::SetPlan("a.b".into(), None));
        assert!(s.draft.as_ref().unwrap().assessment.actions.is_empty());
    }

    #[test]
    fn a_carry_offer_shows_its_page_and_keeps_the_draft_open() {
        let carry = Rc::new(Carry {
            name: "x.yaml".into(),
            text: "kind: assessment".into(),
            draft: Some("d1".into()),
        });
        let before = with_draft();
        let s = before.clone().reduce(Action::Carry(carry.clone()));
        assert_eq!(s.page, Page::CarryForward);
        assert_eq!(s.carry.as_ref(), Some(&carry));
        // Nothing of the draft changes until the carried one is accepted.
        assert_eq!(s.draft, before.draft);
        assert!(s.moved > before.moved);
    }

    #[test]
    fn details_are_edited_trimmed_and_blank_assessors_dropped() {
        let s = with_draft();
        let mut details = Details::of(s.draft.as_ref().unwrap());
        assert_eq!(details.code, "XE");
        details.administration = " Customs of Y ".into();
        details.code = " ".into();
        details.as_of = "2025-12-31".into();
        details.assessors = vec!["Risk unit".into(), "  ".into()];
        let s = s.reduce(Action::SetDetails(details));
        let a = &s.draft.as_ref().unwrap().assessment;
        assert_eq!(a.administration.name, "Customs of Y");
        assert_eq!(a.administration.code, None);
        assert_eq!(a.as_of, "2025-12-31");
        assert_eq!(a.assessors, vec!["Risk unit".to_owned()]);
        assert_eq!(s.draft.as_ref().unwrap().revision, 1);
    }

    #[test]
    fn a_draft_saved_by_another_tab_replaces_this_one_once() {
        let s = with_draft();
        let mut theirs = s.draft.clone().unwrap();
        theirs.assessment.answers.set(
            "a.b".into(),
            raw::Answer {
                value: Some(AnswerValue::Int(2)),
                na: None,
                evidence: Vec::new(),
                note: None,
            },
        );
        theirs.revision = 1;
        theirs.saved_at = Some(5.0);
        let synced = s.clone().reduce(Action::Synced(Box::new(theirs.clone())));
        assert_eq!(synced.draft.as_ref(), Some(&theirs));
        // The echo of its own save (same content, a later time) changes nothing.
        let mut echo = theirs.clone();
        echo.saved_at = Some(6.0);
        let again = synced.clone().reduce(Action::Synced(Box::new(echo)));
        assert!(Rc::ptr_eq(&synced, &again));
        // Another draft's save is not this one's business.
        let mut other = theirs;
        other.id = "d2".into();
        let same = s.clone().reduce(Action::Synced(Box::new(other)));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn a_link_to_a_question_opens_its_domain_with_the_focus_in_it() {
        let s = Rc::new(State::default()).reduce(Action::GoToQuestion(3, "continuity.plan".into()));
        assert_eq!(s.page, Page::Questionnaire(3));
        assert_eq!(
            (s.moved, s.focus.clone()),
            (1, Focus::Question("continuity.plan".into()))
        );
    }

    #[test]
    fn each_move_moves_the_focus_once_and_opening_a_draft_goes_to_the_first_question() {
        let s = with_draft();
        assert_eq!((s.moved, s.focus.clone()), (1, Focus::FirstQuestion));
        let s = s.reduce(Action::Go(Page::Questionnaire(2)));
        assert_eq!((s.moved, s.focus.clone()), (2, Focus::Heading));
        // The same domain again is a move again (a click in the list on the domain shown).
        let s = s.reduce(Action::Go(Page::Questionnaire(2)));
        assert_eq!(s.moved, 3);
        // Answering, or switching the language, is no move.
        let s = s
            .reduce(Action::SetValue("a.b".into(), Some(AnswerValue::Int(1))))
            .reduce(Action::SetLang(Lang::Fr));
        assert_eq!(s.moved, 3);
    }

    /// The draft of `s` as a save at `at` stores it.
    fn stored(s: &State, at: f64) -> Box<Draft> {
        let mut d = s.draft.clone().unwrap();
        d.saved_at = Some(at);
        Box::new(d)
    }

    fn answer(value: i64) -> raw::Answer {
        raw::Answer {
            value: Some(AnswerValue::Int(value)),
            na: None,
            evidence: Vec::new(),
            note: None,
        }
    }

    #[test]
    fn a_save_of_an_older_revision_does_not_mark_the_newer_one_saved() {
        let older = with_draft();
        let s = older
            .clone()
            .reduce(Action::SetValue("a.b".into(), Some(AnswerValue::Int(1))));
        let s = s.reduce(Action::Saved(stored(&older, 10.0)));
        assert_eq!(s.draft.as_ref().unwrap().saved_at, None);
        assert_eq!(s.base.as_ref().unwrap().revision, 0, "what storage holds");
        let s = s.clone().reduce(Action::Saved(stored(&s, 11.0)));
        assert_eq!(s.draft.as_ref().unwrap().saved_at, Some(11.0));
        assert_eq!(s.base.as_deref(), s.draft.as_ref());
    }

    #[test]
    fn a_resumed_draft_is_the_stored_copy_and_a_new_one_has_none() {
        assert_eq!(with_draft().base, None);
        let mut saved = with_draft().draft.clone().unwrap();
        saved.saved_at = Some(3.0);
        saved.revision = 7;
        let s = Rc::new(State::default()).reduce(Action::Open(Box::new(saved.clone())));
        assert_eq!(s.base.as_deref(), Some(&saved));
        assert!(s.draft_is_stored() && !with_draft().draft_is_stored());
        let changed = s
            .clone()
            .reduce(Action::SetValue("a.b".into(), Some(AnswerValue::Int(1))));
        assert!(!changed.draft_is_stored());
        assert!(!s.clone().reduce(Action::Exported).draft_is_stored());
        assert_eq!(s.reduce(Action::Close).base, None);
    }

    /// Two tabs with one draft, both changing it before hearing of the other's save: the
    /// tab that saved second finds the stored copy newer, takes it in, keeps its own
    /// change on top, and saves that; no change of either is lost.
    #[test]
    fn changes_made_in_two_tabs_at_once_are_both_kept() {
        let s = with_draft();
        let s = s.clone().reduce(Action::Saved(stored(&s, 1.0)));
        let (one, two) = (s.clone(), s);
        let one = one
            .reduce(Action::SetValue("a.b".into(), Some(AnswerValue::Int(1))))
            .reduce(Action::SetNote("c.d".into(), Some("kept".into())));
        let one = one.clone().reduce(Action::Saved(stored(&one, 2.0)));
        let two = two.reduce(Action::SetValue("e.f".into(), Some(AnswerValue::Int(3))));
        // Two's save is refused (storage holds one's revision 2); it takes one's copy in.
        let theirs = one.draft.clone().unwrap();
        let merged = two.reduce(Action::Synced(Box::new(theirs.clone())));
        let d = merged.draft.as_ref().unwrap();
        let answers = &d.assessment.answers;
        assert_eq!(answers.get("a.b"), Some(&answer(1)));
        assert_eq!(answers.get("e.f"), Some(&answer(3)));
        assert_eq!(
            answers.get("c.d").and_then(|a| a.note.as_deref()),
            Some("kept")
        );
        assert!(
            d.revision > theirs.revision,
            "the merge is newer than either"
        );
        assert_eq!(
            merged.base.as_deref(),
            Some(&theirs),
            "and is saved over one's copy"
        );
        // One takes the merge in: it has no change of its own left unsaved.
        let mut saved = d.clone();
        saved.saved_at = Some(3.0);
        let one = one.reduce(Action::Synced(Box::new(saved.clone())));
        assert_eq!(one.draft.as_ref(), Some(&saved));
    }

    #[test]
    fn a_change_undone_in_one_tab_while_the_other_changes_another_answer() {
        let s = with_draft().reduce(Action::SetValue("a.b".into(), Some(AnswerValue::Int(2))));
        let s = s.clone().reduce(Action::Saved(stored(&s, 1.0)));
        let (one, two) = (s.clone(), s);
        let one = one.reduce(Action::SetValue("a.b".into(), None));
        let two = two.reduce(Action::SetValue("e.f".into(), Some(AnswerValue::Int(1))));
        let two = two.clone().reduce(Action::Saved(stored(&two, 2.0)));
        let merged = one.reduce(Action::Synced(two.draft.clone().map(Box::new).unwrap()));
        let answers = &merged.draft.as_ref().unwrap().assessment.answers;
        assert_eq!(
            answers.get("a.b"),
            None,
            "the answer one cleared stays cleared"
        );
        assert_eq!(answers.get("e.f"), Some(&answer(1)));
    }

    #[test]
    fn a_stored_copy_older_than_the_tabs_own_is_saved_over() {
        let s = with_draft().reduce(Action::SetValue("a.b".into(), Some(AnswerValue::Int(2))));
        let s = s.clone().reduce(Action::Saved(stored(&s, 1.0)));
        let mut old = with_draft().draft.clone().unwrap();
        old.saved_at = Some(0.5);
        let after = s.clone().reduce(Action::Synced(Box::new(old.clone())));
        let d = after.draft.as_ref().unwrap();
        assert_eq!(
            d.assessment,
            s.draft.as_ref().unwrap().assessment,
            "kept as it was"
        );
        assert!(
            d.revision > s.draft.as_ref().unwrap().revision,
            "so that it is saved again"
        );
        assert_eq!(after.base.as_deref(), Some(&old), "over the older copy");
    }
}
