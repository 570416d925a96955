//! The file format, as written: serde types that mirror DESIGN.md "Files" field by field.
//!
//! These types only know shapes. Whether an id is unique, a ref points somewhere or an
//! answer fits its indicator is decided when they are lowered into the checked types of
//! [`crate::model`]. The JSON Schemas in `schemas/` are generated from these types, so the
//! two cannot drift.

use super::text::{AnswerValue, Label, LevelKey, LocalizedText, Str, UniqueMap, strict};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// `kind: profile`.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ProfileKind {
    Profile,
}

/// `kind: assessment`.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AssessmentKind {
    Assessment,
}

fn one() -> f64 {
    1.0
}

fn is_one(v: &f64) -> bool {
    *v == 1.0
}

fn is_false(v: &bool) -> bool {
    !*v
}

/// An indicator catalogue: `assessments/profiles/<id>/<version>.yaml`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "TradeReady profile",
    description = "An indicator catalogue against which Customs administrations assess their trade recovery and resilience readiness."
)]
pub struct Profile {
    /// Always `profile`.
    pub kind: ProfileKind,
    /// File-format major version; this tool reads format 1.
    pub format: u32,
    /// Profile id, `[a-z0-9-]+`.
    #[serde(deserialize_with = "strict::string")]
    pub id: String,
    /// Semantic version of the content (x.y.z).
    pub version: Label,
    /// Language codes of the texts; the first is the default.
    #[serde(deserialize_with = "strict::strings")]
    pub languages: Vec<String>,
    /// Title of the profile.
    pub title: LocalizedText,
    /// What the profile is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    /// The documents that indicator `refs` point into.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    /// Answer scales, by key.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub scales: UniqueMap<String, Scale>,
    /// Score bands by increasing `min`, the first at 0.
    pub bands: Vec<Band>,
    /// How an unanswered indicator counts.
    #[serde(default)]
    pub missing: MissingPolicy,
    /// The domains, each with its indicators.
    pub domains: Vec<Domain>,
    /// Caps: a low score on one indicator limits a domain or the overall.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caps: Vec<Cap>,
    /// Disruption scenarios, each re-weighting domains and indicators.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// In a later version: `{old-indicator-id: new-indicator-id}`, a `to` entry for every
    /// earlier version.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub replaces: UniqueMap<String, Str>,
    /// In a later version: for each earlier version whose answers it accepts, what becomes
    /// of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub migrations: Vec<Migration>,
}

/// How the answers of one earlier version carry forward.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Migration {
    /// The earlier version (lower than the profile's own).
    pub from: Label,
    /// Old indicator id: what becomes of its answer, target and action.
    #[serde(default)]
    pub indicators: UniqueMap<String, MigrationEntry>,
}

/// A source document.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id that refs start with (`TRG` in `TRG.prepare.1`).
    #[serde(deserialize_with = "strict::string")]
    pub id: String,
    /// Title of the document.
    pub title: LocalizedText,
    /// Who issued it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub publisher: Option<String>,
    /// Year of publication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Where to read it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub url: Option<String>,
    /// The provisions of the document; when listed, every ref into the source must name one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clauses: Option<Vec<Clause>>,
}

/// One provision of a source.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Stable id, starting with the source id (`TRG.prepare.1`).
    #[serde(deserialize_with = "strict::string")]
    pub id: String,
    /// A short title.
    pub title: LocalizedText,
    /// A paraphrase of the provision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<LocalizedText>,
    /// Where it stands in the source (a section number).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub section: Option<String>,
    /// False for descriptive provisions that no indicator needs to cite.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub assess: bool,
}

fn yes() -> bool {
    true
}

fn is_true(v: &bool) -> bool {
    *v
}

/// An answer scale.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The levels, in increasing order of readiness.
    pub levels: Vec<Level>,
}

/// One level of a scale.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// What the assessor writes as the answer.
    pub value: i64,
    /// Name of the level.
    pub label: LocalizedText,
    /// Score in [0, 1].
    pub score: f64,
    /// What the level means in general.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
}

/// A score band.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// Lowest 0-100 score in the band.
    pub min: f64,
    /// Name of the band.
    pub label: LocalizedText,
}

/// How an unanswered indicator counts: `exclude` leaves it out of every score, `zero`
/// counts it with a score of 0.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum MissingPolicy {
    #[default]
    Exclude,
    Zero,
}

/// A group of indicators.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Domain id, `[a-z0-9-]+`.
    #[serde(deserialize_with = "strict::string")]
    pub id: String,
    /// Title.
    pub title: LocalizedText,
    /// What the domain covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    /// Weight in the overall score (default 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[schemars(default = "one")]
    pub weight: f64,
    /// Where the weight comes from when the sources do not give it (for a weight other than
    /// 1: the clause, or "the profile's own choice" and why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LocalizedText>,
    /// The indicators.
    pub indicators: Vec<Indicator>,
}

/// What kind of answer an indicator takes: a level of a `scale`, true or false
/// (`boolean`), a share in [0, 1] (`ratio`), a KPI against a baseline and a target
/// (`number`), or when something last happened (`date`).
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum IndicatorKind {
    Scale,
    Boolean,
    Ratio,
    Number,
    Date,
}

impl IndicatorKind {
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorKind::Scale => "scale",
            IndicatorKind::Boolean => "boolean",
            IndicatorKind::Ratio => "ratio",
            IndicatorKind::Number => "number",
            IndicatorKind::Date => "date",
        }
    }
}

/// One question of the catalogue. Fields that belong to one kind only (`scale`, `points`,
/// `unit`, `baseline`, `target`, `fresh_days`, `stale_days`) are checked against `kind`
/// when the profile is lowered.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Indicator id, unique across the profile (`governance.oga-roles`).
    #[serde(deserialize_with = "strict::string")]
    pub id: String,
    /// The kind of answer.
    pub kind: IndicatorKind,
    /// A short name, for charts and lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<LocalizedText>,
    /// The question.
    pub text: LocalizedText,
    /// Guidance for the assessor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<LocalizedText>,
    /// scale: the key of the scale in `scales`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub scale: Option<String>,
    /// scale: what each level means for this indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levels: Option<UniqueMap<LevelKey, LocalizedText>>,
    /// ratio: `[[x, score], ...]` with strictly increasing x; default `[[0, 0], [1, 1]]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Vec<[f64; 2]>>,
    /// number: the unit of the KPI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<LocalizedText>,
    /// number: the value that scores 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// number: the value that scores 1 (below the baseline when lower is better).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// date: an age in days up to which the score is 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fresh_days: Option<u32>,
    /// date: an age in days from which the score is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale_days: Option<u32>,
    /// Weight within the domain (default 1).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    #[schemars(default = "one")]
    pub weight: f64,
    /// Whether a gap here weighs double in the action plan.
    #[serde(default, skip_serializing_if = "is_false")]
    pub critical: bool,
    /// Phases of trade recovery the indicator serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
    /// Clause ids the indicator measures.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strict::strings"
    )]
    pub refs: Vec<String>,
    /// Evidence an assessor would ask for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<LocalizedText>,
    /// What to do when the indicator falls short, phrased as an action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<LocalizedText>,
    /// Where its thresholds, points, fresh/stale limits, weight or critical flag come from:
    /// the clause that gives them, or the profile's own choice and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LocalizedText>,
}

/// A phase of trade recovery (WCO Trade Recovery Guidelines): prepare, respond, repair,
/// reconstitute, resume, review.
#[allow(missing_docs)]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Prepare,
    Respond,
    Repair,
    Reconstitute,
    Resume,
    Review,
}

impl Phase {
    /// Every phase, in the order results list them.
    pub const ALL: [Phase; 6] = [
        Phase::Prepare,
        Phase::Respond,
        Phase::Repair,
        Phase::Reconstitute,
        Phase::Resume,
        Phase::Review,
    ];

    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Prepare => "prepare",
            Phase::Respond => "respond",
            Phase::Repair => "repair",
            Phase::Reconstitute => "reconstitute",
            Phase::Resume => "resume",
            Phase::Review => "review",
        }
    }
}

/// A cap: when `if` is counted and scores below `below`, `cap` limits a score.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    /// The indicator whose low score triggers the cap.
    #[serde(rename = "if", deserialize_with = "strict::string")]
    pub indicator: String,
    /// The threshold in [0, 1]; the cap fires when the score is strictly below it.
    pub below: f64,
    /// What is limited: `{domain: D, max: M}` or `{overall: M}`.
    pub cap: CapLimit,
    /// Which source makes `if` a precondition of what the cap limits, and where the
    /// threshold and the maximum come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LocalizedText>,
}

/// The limit a cap sets: `{domain: D, max: M}` or `{overall: M}`.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CapLimit {
    /// The domain capped.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub domain: Option<String>,
    /// The domain's maximum, 0-100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// The overall's maximum, 0-100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overall: Option<f64>,
}

/// A disruption scenario.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Scenario id.
    #[serde(deserialize_with = "strict::string")]
    pub id: String,
    /// Title.
    pub title: LocalizedText,
    /// What the scenario is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LocalizedText>,
    /// Multipliers on domain or indicator weights, by id.
    #[serde(default)]
    pub weights: UniqueMap<String, f64>,
    /// The reason for each multiplier: the clause it rests on, or the profile's own choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<LocalizedText>,
}

/// One administration's answers for one review cycle.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "TradeReady assessment",
    description = "One Customs administration's answers to a TradeReady profile for one review cycle."
)]
pub struct Assessment {
    /// Always `assessment`.
    pub kind: AssessmentKind,
    /// File-format major version; this tool reads format 1.
    pub format: u32,
    /// The profile answered.
    pub profile: ProfileRef,
    /// The version the answers were first given against, when `tradeready migrate`
    /// carried them to this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub migrated_from: Option<MigratedFrom>,
    /// Who is assessed.
    pub administration: Administration,
    /// Free label of the review cycle (`2025-H1`).
    pub cycle: Label,
    /// The reference date (YYYY-MM-DD): dates are aged against it.
    #[serde(deserialize_with = "strict::string")]
    pub as_of: String,
    /// Who carried out the assessment.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strict::strings"
    )]
    pub assessors: Vec<String>,
    /// Answers by indicator id.
    #[serde(default)]
    pub answers: UniqueMap<String, Answer>,
    /// The answers aimed for next cycle, by indicator id.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub targets: UniqueMap<String, AnswerValue>,
    /// The action plan adopted, by indicator id.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub actions: UniqueMap<String, Action>,
}

/// Where a migrated assessment came from.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MigratedFrom {
    /// The profile version the answers were first given against.
    pub version: Label,
    /// The `sha256` the file had then, if any.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub sha256: Option<String>,
}

/// One action of the plan adopted.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// What will be done (default: the indicator's recommendation).
    #[serde(
        rename = "do",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub what: Option<String>,
    /// Who is responsible.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub owner: Option<String>,
    /// When it is due (YYYY-MM-DD; may be after `as_of`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub due: Option<String>,
    /// Where it stands.
    pub status: ActionStatus,
}

/// Where an adopted action stands.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    /// The name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

/// Which profile an assessment answers.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileRef {
    /// Profile id.
    #[serde(deserialize_with = "strict::string")]
    pub id: String,
    /// Profile version.
    pub version: Label,
    /// SHA-256, in lowercase hex, of the profile file the answers were given against.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub sha256: Option<String>,
}

impl ProfileRef {
    /// The id and version named.
    pub fn key(&self) -> super::ProfileKey {
        super::ProfileKey {
            id: self.id.clone(),
            version: self.version.0.clone(),
        }
    }
}

/// The administration assessed.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Administration {
    /// Its name.
    #[serde(deserialize_with = "strict::string")]
    pub name: String,
    /// A short code (ISO country code or similar).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Label>,
}

/// One answer: a value, or not applicable with a reason.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The answer, of the type the indicator takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// Why the indicator does not apply (instead of a value).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub na: Option<String>,
    /// Evidence items supporting the answer.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "strict::strings"
    )]
    pub evidence: Vec<String>,
    /// A free note.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "strict::opt_string"
    )]
    pub note: Option<String>,
}

/// What becomes of one old indicator's answer, target and action in a migration: `new-id`
/// (renamed), `{to: id | [ids], values: {old: new}}` (renamed, split, values mapped) or
/// `{drop: reason}`.
#[derive(Clone, Debug, PartialEq)]
pub enum MigrationEntry {
    /// Carried to one id or to several (a split copies it to each).
    To {
        /// The new id or ids.
        to: IdList,
        /// Old value (a level, true or false) to new value; an old value not listed is not
        /// carried.
        values: Option<UniqueMap<ValueKey, AnswerValue>>,
    },
    /// Not carried, for this reason.
    Drop {
        /// Why.
        reason: String,
    },
}

/// The fields a migration entry written as a mapping may have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFields {
    #[serde(default)]
    to: Option<IdList>,
    #[serde(default)]
    values: Option<UniqueMap<ValueKey, AnswerValue>>,
    #[serde(default, deserialize_with = "strict::opt_string")]
    drop: Option<String>,
}

impl Serialize for MigrationEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            MigrationEntry::To {
                to: IdList::One(id),
                values: None,
            } => serializer.serialize_str(id),
            MigrationEntry::To { to, values } => {
                let mut map = serializer.serialize_map(None)?;
                map.serialize_entry("to", to)?;
                if let Some(values) = values {
                    map.serialize_entry("values", values)?;
                }
                map.end()
            }
            MigrationEntry::Drop { reason } => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("drop", reason)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for MigrationEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = MigrationEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a new indicator id, {to: id or [ids], values: {old: new}} or {drop: reason}",
                )
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(MigrationEntry::To {
                    to: IdList::One(v.to_owned()),
                    values: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let fields = EntryFields::deserialize(de::value::MapAccessDeserializer::new(map))?;
                match fields {
                    EntryFields {
                        to: Some(to),
                        values,
                        drop: None,
                    } => Ok(MigrationEntry::To { to, values }),
                    EntryFields {
                        to: None,
                        values: None,
                        drop: Some(reason),
                    } => Ok(MigrationEntry::Drop { reason }),
                    EntryFields { drop: Some(_), .. } => Err(de::Error::custom(
                        "a migration entry either carries the answer (`to`, with `values`) or drops it (`drop`), not both",
                    )),
                    EntryFields { .. } => Err(de::Error::custom(
                        "a migration entry needs `to` (the new id or ids) or `drop` (the reason)",
                    )),
                }
            }
        }
        deserializer.deserialize_any(EntryVisitor)
    }
}

impl JsonSchema for MigrationEntry {
    fn schema_name() -> Cow<'static, str> {
        "MigrationEntry".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let to = generator.subschema_for::<IdList>();
        let values = generator.subschema_for::<UniqueMap<ValueKey, AnswerValue>>();
        json_schema!({
            "description": "What becomes of an old indicator: a new id (renamed), {to: id or [ids], values: {old: new}} (renamed, split, values mapped), or {drop: reason}.",
            "oneOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "properties": {"to": to, "values": values},
                    "required": ["to"],
                    "additionalProperties": false
                },
                {
                    "type": "object",
                    "properties": {"drop": {"type": "string"}},
                    "required": ["drop"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// One indicator id or a list of them.
#[derive(Clone, Debug, PartialEq)]
pub enum IdList {
    /// `to: id`.
    One(String),
    /// `to: [id, ...]`.
    Many(Vec<String>),
}

impl IdList {
    /// The ids, in the order written.
    pub fn ids(&self) -> Vec<&str> {
        match self {
            IdList::One(id) => vec![id.as_str()],
            IdList::Many(ids) => ids.iter().map(String::as_str).collect(),
        }
    }
}

impl Serialize for IdList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            IdList::One(id) => serializer.serialize_str(id),
            IdList::Many(ids) => ids.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for IdList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListVisitor;
        impl<'de> Visitor<'de> for ListVisitor {
            type Value = IdList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an indicator id or a list of indicator ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(IdList::One(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<Str>()? {
                    ids.push(id.0);
                }
                Ok(IdList::Many(ids))
            }
        }
        deserializer.deserialize_any(ListVisitor)
    }
}

impl JsonSchema for IdList {
    fn schema_name() -> Cow<'static, str> {
        "IdList".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An indicator id, or a list of them (a split).",
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}}
            ]
        })
    }
}

/// An old value in a migration's `values`: a scale level or true or false, written bare in
/// YAML (`2:`, `true:`) or quoted as JSON requires (`"2":`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ValueKey {
    /// `true` or `false`.
    Bool(bool),
    /// A level.
    Int(i64),
}

impl ValueKey {
    /// Whether an answer value is this key: of the same type and equal (`true` is not 1;
    /// a level 3.0 is 3).
    pub fn matches(&self, value: &AnswerValue) -> bool {
        match (self, value) {
            (ValueKey::Bool(k), AnswerValue::Bool(v)) => k == v,
            (ValueKey::Int(k), AnswerValue::Int(v)) => k == v,
            (ValueKey::Int(k), AnswerValue::Float(v)) => (*k as f64) == *v,
            _ => false,
        }
    }
}

impl fmt::Display for ValueKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValueKey::Bool(b) => write!(f, "{b}"),
            ValueKey::Int(v) => write!(f, "{v}"),
        }
    }
}

impl Serialize for ValueKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ValueKey::Bool(b) => serializer.serialize_bool(*b),
            ValueKey::Int(v) => serializer.serialize_i64(*v),
        }
    }
}

impl<'de> Deserialize<'de> for ValueKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = ValueKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an old value: a level (an integer), true or false")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ValueKey, E> {
                Ok(ValueKey::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ValueKey, E> {
                Ok(ValueKey::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ValueKey, E> {
                i64::try_from(v)
                    .map(ValueKey::Int)
                    .map_err(|_| E::custom("level value too large"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ValueKey, E> {
                match v {
                    "true" => Ok(ValueKey::Bool(true)),
                    "false" => Ok(ValueKey::Bool(false)),
                    _ => v
                        .parse()
                        .map(ValueKey::Int)
                        .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}

impl JsonSchema for ValueKey {
    fn schema_name() -> Cow<'static, str> {
        "ValueKey".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "pattern": "^(-?[0-9]+|true|false)$"})
    }
}
