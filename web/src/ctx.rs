//! What every page and component can reach: the state, the profiles on offer, and the
//! open draft's results, computed once per change of the draft (not on every render of
//! each page that shows them).

use crate::i18n::Interface;
use crate::logic::{self, Available, Evaluation, Profiles};
use crate::state::State;
use std::rc::Rc;
use yew::prelude::*;

/// The context the root component provides.
#[derive(Clone)]
pub struct Ctx {
    /// The state, and `dispatch` to change it.
    pub state: UseReducerHandle<State>,
    /// The profiles on offer.
    pub profiles: Rc<Profiles>,
    /// Reloads the profiles after the user added one.
    pub reload_profiles: Callback<()>,
    /// Asks for the clauses' text (fetched with the language's full pack).
    pub want_sources: Callback<()>,
    /// The open draft's scores and problems; `None` without a draft or its profile.
    pub evaluation: Rc<Option<Scoring>>,
}

/// The open draft's evaluation and how long it took, in milliseconds (the re-scoring
/// budget, which the Results page exposes to the browser tests).
#[derive(Debug)]
pub struct Scoring {
    /// Scores and problems.
    pub evaluation: Evaluation,
    /// Time taken by [`logic::evaluate`].
    pub ms: f64,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
            && Rc::ptr_eq(&self.profiles, &other.profiles)
            && Rc::ptr_eq(&self.evaluation, &other.evaluation)
    }
}

impl Ctx {
    /// The interface strings.
    pub fn t(&self) -> &'static crate::i18n::Texts {
        self.state.lang.t()
    }

    /// The profile of the open draft.
    pub fn draft_profile(&self) -> Option<&Available> {
        let draft = self.state.draft.as_ref()?;
        logic::find(&self.profiles, &draft.profile_key())
    }

    /// The open draft's evaluation.
    pub fn evaluation(&self) -> Option<&Evaluation> {
        self.evaluation.as_ref().as_ref().map(|s| &s.evaluation)
    }
}
