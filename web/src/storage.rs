//! Browser storage: drafts, the user's own profiles, the language, and which draft was
//! open. Only effects and event handlers call these functions; the reducer never does.
//!
//! Every draft is stored under its own key, so that a full storage loses at most the change
//! being saved (the user is warned), never an older draft.
//!
//! Drafts are stored as YAML, the rest as JSON (gloo's `set`), and everything is read back
//! through the core's own decoder, JSON being YAML: the app then carries one deserializer,
//! not also serde_json's (for drafts about 7 KB of gzip, for the rest 3 KB more). Drafts
//! saved as JSON by earlier versions still load.

use crate::i18n::Lang;
use crate::state::{Draft, ProfileKey};
use gloo::storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

const PREFIX: &str = "tradeready.draft.";
const INDEX: &str = "tradeready.drafts";
const LANG: &str = "tradeready.lang";
const CURRENT: &str = "tradeready.current";
const PROFILES: &str = "tradeready.profiles";

/// What the Start page lists for each saved draft.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Storage key of the draft.
    pub id: String,
    /// Administration name.
    pub administration: String,
    /// Cycle label.
    pub cycle: String,
    /// Profile answered.
    pub profile: ProfileKey,
    /// Last saved, in milliseconds since 1970.
    pub saved_at: f64,
    /// Whether every change is exported.
    pub exported: bool,
    /// The overall score and the completeness (0 to 1) when last saved; none when they
    /// could not be computed, or for an entry made anew from the draft alone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<(Option<f64>, f64)>,
}

/// Why a save failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The quota is used up (or the browser refused the write).
    Full,
    /// Another tab saved the draft since this one last read or wrote it: nothing was
    /// written, so that its change is not replaced by an older copy. The caller takes the
    /// stored draft in (`Action::Synced`, which keeps this tab's unsaved changes on top).
    Stale,
}

/// Calls `changed` whenever another tab writes the storage key `key`. The listening lasts
/// as long as the returned listener.
fn on_change_elsewhere(key: String, changed: impl Fn() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
        let written = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(e)
            .and_then(web_sys::StorageEvent::key);
        if written.as_deref() == Some(key.as_str()) {
            changed();
        }
    })
}

/// Calls `changed` whenever another tab saves or deletes a draft.
pub fn on_drafts_changed_elsewhere(changed: impl Fn() + 'static) -> gloo::events::EventListener {
    on_change_elsewhere(INDEX.to_owned(), changed)
}

/// Calls `changed` whenever another tab saves the draft `id`.
pub fn on_draft_changed_elsewhere(
    id: &str,
    changed: impl Fn() + 'static,
) -> gloo::events::EventListener {
    on_change_elsewhere(draft_key(id), changed)
}

/// The saved drafts, newest first.
pub fn drafts() -> Vec<Summary> {
    let mut list = index();
    list.sort_by(|a, b| b.saved_at.total_cmp(&a.saved_at));
    list
}

/// The index of the saved drafts. Should it be missing or unreadable (storage edited by
/// hand, or written by another version), it is made anew from the drafts themselves, so
/// that no saved draft drops out of the list, nor out of the index the next save writes.
fn index() -> Vec<Summary> {
    if let Ok(Some(list)) = read(INDEX) {
        return list;
    }
    let storage = LocalStorage::raw();
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| key.strip_prefix(PREFIX).and_then(load))
        .map(|draft| summary(&draft, draft.saved_at.unwrap_or(0.0), None))
        .collect()
}

/// The index entry of a draft saved at `saved_at`, with its scores.
fn summary(draft: &Draft, saved_at: f64, scores: Option<(Option<f64>, f64)>) -> Summary {
    Summary {
        id: draft.id.clone(),
        administration: draft.assessment.administration.name.clone(),
        cycle: draft.assessment.cycle.0.clone(),
        profile: draft.profile_key(),
        saved_at,
        exported: draft.exported,
        scores,
    }
}

/// The storage key of a draft.
fn draft_key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// What is stored under `key`: nothing, or a `T`; an error when it is there but cannot be
/// read (or storage cannot be read at all).
fn read<T: DeserializeOwned>(key: &str) -> Result<Option<T>, ()> {
    match LocalStorage::raw().get_item(key).map_err(drop)? {
        None => Ok(None),
        Some(text) => tradeready::parse::decode(&text).map(Some).map_err(drop),
    }
}

/// What is stored under `key`, when it is there and reads as a `T`.
fn get<T: DeserializeOwned>(key: &str) -> Option<T> {
    read(key).ok().flatten()
}

/// One saved draft.
pub fn load(id: &str) -> Option<Draft> {
    get(&draft_key(id))
}

/// Saves a draft and its entry in the index, stamped with `now`, with its overall score
/// and completeness for the list of drafts; returns the draft as stored.
///
/// `over` is the revision of the stored copy this draft was made from (none for a draft
/// never stored): a stored copy of any other revision was written by another tab since,
/// and is not replaced ([`SaveError::Stale`]). Every tab compares before it writes, so a
/// tab that was slow to hear of another's save cannot write an older copy over it.
pub fn save(
    draft: &Draft,
    over: Option<u64>,
    now: f64,
    scores: Option<(Option<f64>, f64)>,
) -> Result<Draft, SaveError> {
    let key = draft_key(&draft.id);
    // A stored copy that cannot be read is left to be replaced, as before this check.
    // (It is read as a whole draft: a decoder for its revision alone would cost the first
    // load more code than the reading costs time.)
    if let Some(stored) = get::<Draft>(&key)
        && Some(stored.revision) != over
    {
        return Err(SaveError::Stale);
    }
    let mut stamped = draft.clone();
    stamped.saved_at = Some(now);
    LocalStorage::raw()
        .set_item(&key, &tradeready::parse::to_yaml(&stamped))
        .map_err(|_| SaveError::Full)?;
    let mut list = index();
    list.retain(|s| s.id != draft.id);
    list.push(summary(draft, now, scores));
    LocalStorage::set(INDEX, &list).map_err(|_| SaveError::Full)?;
    set_current(&draft.id)?;
    Ok(stamped)
}

/// Remembers the draft open, to open it again on the next visit.
pub fn set_current(id: &str) -> Result<(), SaveError> {
    LocalStorage::set(CURRENT, id).map_err(|_| SaveError::Full)
}

/// Every saved draft.
pub fn all() -> Vec<Draft> {
    index().iter().filter_map(|s| load(&s.id)).collect()
}

/// Deletes a draft.
pub fn delete(id: &str) {
    LocalStorage::delete(draft_key(id));
    let mut list = index();
    list.retain(|s| s.id != id);
    let _ = LocalStorage::set(INDEX, &list);
    if current().as_deref() == Some(id) {
        forget_current();
    }
}

/// The draft that was open when the page was last left (or crashed).
pub fn current() -> Option<String> {
    get(CURRENT)
}

/// No draft is open any more.
pub fn forget_current() {
    LocalStorage::delete(CURRENT);
}

/// The chosen interface language.
pub fn lang() -> Option<Lang> {
    get(LANG)
}

/// Remembers the interface language.
pub fn set_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG, lang);
}

/// The texts of the profiles the user loaded.
pub fn own_profiles() -> Vec<String> {
    get(PROFILES).unwrap_or_default()
}

/// Keeps a profile the user loaded.
pub fn add_own_profile(text: &str) -> Result<(), SaveError> {
    // A stored list that cannot be read (more than the decoder's 4 MB, say) is never
    // overwritten, which would lose the profiles in it.
    let mut list: Vec<String> = read(PROFILES)
        .map_err(|()| SaveError::Full)?
        .unwrap_or_default();
    if !list.iter().any(|t| t == text) {
        list.push(text.to_owned());
    }
    LocalStorage::set(PROFILES, &list).map_err(|_| SaveError::Full)
}

/// Whether storage can be used at all (private modes may refuse it).
pub fn available() -> bool {
    LocalStorage::raw()
        .set_item("tradeready.probe", "1")
        .is_ok()
}
