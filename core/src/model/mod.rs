//! The data model: [`raw`] mirrors the files; the types here are what a file becomes once
//! it has passed validation, with every invariant of DESIGN.md "Validation" holding.
//!
//! Checked types are built only by [`crate::validate`], never by hand from outside the
//! crate, so scoring can rely on them: every cap names an existing indicator and domain,
//! every answer fits its indicator, weights are positive, and so on.

pub mod raw;
pub mod text;

pub use raw::{ActionStatus, IndicatorKind as KindTag, MissingPolicy, Phase, ValueKey};
pub use text::{AnswerValue, Label, LevelKey, LocalizedText, UniqueMap};

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use time::Date;

/// Indicator id to (domain index, indicator index). Natively under foldhash, which reads
/// an id several times faster than the standard SipHash (`validate` looks up every answer
/// of a thousand files); the browser keeps the standard hash, which costs its first load
/// nothing more.
pub(crate) type Index = HashMap<String, (usize, usize), IdHasher>;

/// The hasher of [`Index`].
#[cfg(not(target_arch = "wasm32"))]
pub(crate) type IdHasher = foldhash::fast::RandomState;
/// The hasher of [`Index`].
#[cfg(target_arch = "wasm32")]
pub(crate) type IdHasher = std::hash::RandomState;

/// A profile's id and version: which profile a result, a draft or a file is of. In files,
/// [`raw::ProfileRef`] writes them (with the hash); [`raw::ProfileRef::key`] gives this.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileKey {
    /// Profile id.
    pub id: String,
    /// Profile version.
    pub version: String,
}

/// A validated profile.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Profile id.
    pub id: String,
    /// Content version.
    pub version: semver::Version,
    /// Language codes; the first is the default.
    pub languages: Vec<String>,
    /// Title.
    pub title: LocalizedText,
    /// Sources with their clauses.
    pub sources: Vec<raw::Source>,
    /// Bands by increasing `min`, the first at 0.
    pub bands: Vec<Band>,
    /// How unanswered indicators count.
    pub missing: MissingPolicy,
    /// Domains in file order.
    pub domains: Vec<Domain>,
    /// Caps in file order.
    pub caps: Vec<Cap>,
    /// Scenarios in file order.
    pub scenarios: Vec<Scenario>,
    /// `{old-indicator-id: new-indicator-id}`: a `to` entry for every earlier version.
    pub replaces: BTreeMap<String, String>,
    /// How the answers of earlier versions carry forward, in file order.
    pub migrations: Vec<Migration>,
    /// SHA-256, in lowercase hex, of the profile file as released, when the caller knows
    /// it (the embedded profiles carry theirs; the command line hashes a profile file).
    pub sha256: Option<String>,
    /// Indicator id to (domain index, indicator index).
    pub(crate) index: Index,
}

impl Profile {
    /// Its id and version.
    pub fn key(&self) -> ProfileKey {
        ProfileKey {
            id: self.id.clone(),
            version: self.version.to_string(),
        }
    }

    /// The default language.
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("en", String::as_str)
    }

    /// Text in the profile's default language.
    pub fn text<'a>(&'a self, text: &'a LocalizedText) -> &'a str {
        let lang = self.default_language();
        text.get(lang, lang)
    }

    /// The indicator with this id, with its domain.
    pub fn indicator(&self, id: &str) -> Option<(&Domain, &Indicator)> {
        let &(d, i) = self.index.get(id)?;
        Some((&self.domains[d], &self.domains[d].indicators[i]))
    }

    /// Every indicator, in profile order, with its domain.
    pub fn indicators(&self) -> impl Iterator<Item = (&Domain, &Indicator)> {
        self.domains
            .iter()
            .flat_map(|d| d.indicators.iter().map(move |i| (d, i)))
    }

    /// What becomes of old indicator `id` of version `from`: the entry of the migration
    /// from that version, else `replaces`, else `None` (the id is kept when this version
    /// has it, and lost otherwise).
    pub fn migration_rule(&self, from: &semver::Version, id: &str) -> Option<MigrationRule> {
        let entry = self
            .migrations
            .iter()
            .find(|m| m.from == *from)
            .and_then(|m| m.indicators.get(id));
        match entry {
            Some(rule) => Some(rule.clone()),
            None => self.replaces.get(id).map(|new| MigrationRule::To {
                to: vec![new.clone()],
                values: None,
            }),
        }
    }

    /// The label of the band a 0-100 score falls in, in the default language.
    pub fn band(&self, score: f64) -> Option<&str> {
        self.bands
            .iter()
            .rev()
            .find(|b| b.min <= score + 1e-9)
            .map(|b| self.text(&b.label))
    }
}

/// A validated migration: how the answers of one earlier version carry forward.
#[derive(Clone, Debug, PartialEq)]
pub struct Migration {
    /// The earlier version, lower than the profile's.
    pub from: semver::Version,
    /// Old indicator id to what becomes of it.
    pub indicators: BTreeMap<String, MigrationRule>,
}

/// What becomes of one old indicator.
#[derive(Clone, Debug, PartialEq)]
pub enum MigrationRule {
    /// Carried to each of these ids (two or more: a split).
    To {
        /// New ids, each an indicator of the profile, without duplicates.
        to: Vec<String>,
        /// Old value to new value, each new value valid for every id of `to`.
        values: Option<Vec<(ValueKey, AnswerValue)>>,
    },
    /// Not carried, for this reason.
    Drop(String),
}

/// A validated action of the plan adopted.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    /// What will be done; the indicator's recommendation where none is given.
    pub what: Option<String>,
    /// Who is responsible.
    pub owner: Option<String>,
    /// When it is due (may be after `as_of`).
    pub due: Option<Date>,
    /// Where it stands.
    pub status: ActionStatus,
}

/// A validated score band.
#[derive(Clone, Debug)]
pub struct Band {
    /// Lowest score in the band.
    pub min: f64,
    /// Name.
    pub label: LocalizedText,
}

/// A validated domain.
#[derive(Clone, Debug)]
pub struct Domain {
    /// Id.
    pub id: String,
    /// Title.
    pub title: LocalizedText,
    /// Weight, > 0.
    pub weight: f64,
    /// Where the weight comes from, when the profile says.
    pub basis: Option<LocalizedText>,
    /// Indicators, at least one.
    pub indicators: Vec<Indicator>,
}

/// A validated indicator.
#[derive(Clone, Debug)]
pub struct Indicator {
    /// Id, unique across the profile.
    pub id: String,
    /// The question.
    pub text: LocalizedText,
    /// A short name; the question where none is given.
    pub title: LocalizedText,
    /// The kind and its parameters.
    pub kind: IndicatorKind,
    /// Weight, > 0.
    pub weight: f64,
    /// Critical indicators weigh double in gap priorities.
    pub critical: bool,
    /// Phases served, without duplicates.
    pub phases: Vec<Phase>,
    /// Clause ids cited.
    pub refs: Vec<String>,
    /// What to do about a gap.
    pub recommendation: Option<LocalizedText>,
    /// Guidance for the assessor.
    pub help: Option<LocalizedText>,
    /// What the levels of its scale mean for this indicator, by level value.
    pub level_descriptors: Vec<(i64, LocalizedText)>,
    /// Evidence an assessor would ask for.
    pub evidence: Vec<LocalizedText>,
    /// Where its thresholds, weight or critical flag come from, when the profile says.
    pub basis: Option<LocalizedText>,
}

/// An indicator's kind with the parameters scoring needs.
#[derive(Clone, Debug, PartialEq)]
pub enum IndicatorKind {
    /// A level of a scale.
    Scale {
        /// The key of the scale.
        scale: String,
        /// Its levels.
        levels: Vec<ScaleLevel>,
    },
    /// True or false.
    Boolean,
    /// A share in [0, 1] mapped through points with strictly increasing x.
    Ratio {
        /// `(x, score)` pairs.
        points: Vec<(f64, f64)>,
    },
    /// A KPI; a target below the baseline means lower is better.
    Number {
        /// Unit.
        unit: Option<LocalizedText>,
        /// The value scoring 0.
        baseline: f64,
        /// The value scoring 1.
        target: f64,
    },
    /// A date aged against `as_of`.
    Date {
        /// Age in days up to which the score is 1.
        fresh_days: u32,
        /// Age in days from which the score is 0; greater than `fresh_days`.
        stale_days: u32,
    },
}

impl IndicatorKind {
    /// The kind's name in files.
    pub fn tag(&self) -> KindTag {
        match self {
            IndicatorKind::Scale { .. } => KindTag::Scale,
            IndicatorKind::Boolean => KindTag::Boolean,
            IndicatorKind::Ratio { .. } => KindTag::Ratio,
            IndicatorKind::Number { .. } => KindTag::Number,
            IndicatorKind::Date { .. } => KindTag::Date,
        }
    }
}

/// A level of a scale.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleLevel {
    /// The value written as the answer.
    pub value: i64,
    /// Name.
    pub label: LocalizedText,
    /// Score in [0, 1].
    pub score: f64,
}

/// A validated cap.
#[derive(Clone, Debug, PartialEq)]
pub struct Cap {
    /// The indicator whose score triggers the cap.
    pub indicator: String,
    /// Threshold in [0, 1].
    pub below: f64,
    /// What is limited.
    pub limit: CapLimit,
}

/// What a cap limits.
#[derive(Clone, Debug, PartialEq)]
pub enum CapLimit {
    /// A domain's score, to at most `max`.
    Domain {
        /// Domain id.
        domain: String,
        /// Maximum, 0-100.
        max: f64,
    },
    /// The overall score, to at most this.
    Overall(f64),
}

/// A validated scenario.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// Id.
    pub id: String,
    /// Title.
    pub title: LocalizedText,
    /// Multipliers (> 0) by domain or indicator id; 1 where none is named.
    pub weights: BTreeMap<String, f64>,
}

impl Scenario {
    /// The multiplier for a domain or indicator id.
    pub fn multiplier(&self, id: &str) -> f64 {
        self.weights.get(id).copied().unwrap_or(1.0)
    }
}

/// A validated assessment, checked against its profile.
#[derive(Clone, Debug)]
pub struct Assessment {
    /// Profile id.
    pub profile_id: String,
    /// Profile version.
    pub profile_version: semver::Version,
    /// Administration name.
    pub administration: String,
    /// Administration code.
    pub code: Option<String>,
    /// Review cycle label.
    pub cycle: String,
    /// Reference date.
    pub as_of: Date,
    /// Who carried out the assessment, as written.
    pub assessors: Vec<String>,
    /// Answers by indicator id.
    pub answers: BTreeMap<String, Answer>,
    /// Evidence or a note gathered before the answer is decided, by indicator id: these
    /// indicators count as missing, and what they hold is kept.
    pub gathered: BTreeMap<String, Gathered>,
    /// Targets by indicator id.
    pub targets: BTreeMap<String, Value>,
    /// The action plan adopted, by indicator id.
    pub actions: BTreeMap<String, Action>,
}

impl Assessment {
    /// The administration assessed, as [`Who`] compares it.
    pub fn who(&self) -> Who<'_> {
        Who {
            name: &self.administration,
            code: self.code.as_deref(),
        }
    }
}

/// An administration as files name it: its name and, where given, its code. Compare, the
/// report of several cycles and merge take files to be of one administration by this one
/// rule ([`Who::is`]).
#[derive(Clone, Copy, Debug)]
pub struct Who<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its code.
    pub code: Option<&'a str>,
}

impl Who<'_> {
    /// The same administration: the same code where both have one, else the same name. A
    /// code is the more stable of the two (a name may be spelt out or shortened between
    /// cycles); a file without one can only be matched by name.
    pub fn is(self, other: Who<'_>) -> bool {
        match (self.code, other.code) {
            (Some(x), Some(y)) => x == y,
            _ => self.name == other.name,
        }
    }
}

impl raw::Administration {
    /// This administration, as [`Who`] compares it.
    pub fn who(&self) -> Who<'_> {
        Who {
            name: &self.name,
            code: self.code.as_ref().map(|c| c.0.as_str()),
        }
    }
}

/// A validated answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The value, or not applicable.
    pub response: Response,
    /// Evidence items, none empty.
    pub evidence: Vec<String>,
    /// A free note, as written.
    pub note: Option<String>,
}

/// What an entry without an answer yet holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Gathered {
    /// Evidence items, none empty.
    pub evidence: Vec<String>,
    /// A free note, as written.
    pub note: Option<String>,
}

/// What was answered.
#[derive(Clone, Debug, PartialEq)]
pub enum Response {
    /// A value of the indicator's type.
    Value(Value),
    /// Not applicable, with the reason.
    NotApplicable(String),
}

/// An answer value of the type its indicator takes.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A level of the indicator's scale.
    Level(i64),
    /// A boolean answer.
    Bool(bool),
    /// A share in [0, 1].
    Ratio(f64),
    /// A finite number.
    Number(f64),
    /// A date not after `as_of`.
    Date(Date),
}

#[cfg(test)]
mod tests {
    use super::Who;

    fn who<'a>(name: &'a str, code: Option<&'a str>) -> Who<'a> {
        Who { name, code }
    }

    #[test]
    fn one_administration_by_code_where_both_have_one_else_by_name() {
        // The code decides when both files give one, whatever the names say.
        assert!(who("Northland Customs", Some("NL")).is(who("Customs of Northland", Some("NL"))));
        assert!(!who("Northland Customs", Some("NL")).is(who("Northland Customs", Some("NO"))));
        // A file without a code is matched by name, on either side.
        assert!(who("Northland Customs", None).is(who("Northland Customs", Some("NL"))));
        assert!(who("Northland Customs", Some("NL")).is(who("Northland Customs", None)));
        assert!(!who("Northland Customs", None).is(who("Meridia Customs", None)));
    }
}
