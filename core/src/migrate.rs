//! Carrying an assessment of an earlier profile version to a later one, exactly as
//! DESIGN.md "Profile versions and migration" says. Only the later profile is needed: its
//! `migrations` (and `replaces`) say what becomes of each old id.
//!
//! [`migrate`] gives the migrated file as written and the report; the loading pipeline
//! ([`crate::load::Catalogue::migrate`]) then checks the result against the new profile,
//! naming the old id an answer came from in any error.

use crate::diag::Diagnostic;
use crate::model::raw;
use crate::model::{AnswerValue, Label, MigrationRule, Profile, UniqueMap};
use crate::score::indicator_score;
use crate::validate::{self, parse_date};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The report of `tradeready migrate --format json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MigrationReport {
    /// The version the answers were given against.
    pub from: String,
    /// The version they are carried to.
    pub to: String,
    /// Old answers carried / old answers (answered or na); 1 when there are none.
    pub compatibility: f64,
    /// Every old answer carried, by old id.
    pub carried: Vec<Carried>,
    /// Old ids dropped by the migration, with the reason.
    pub dropped: Vec<Dropped>,
    /// Old ids the new version neither has nor maps (a gap in the migration table).
    pub lost: Vec<String>,
    /// Values, targets and actions that could not be carried.
    pub unmapped: Vec<Unmapped>,
    /// The new version's ids that no old answer reaches, in profile order.
    pub new: Vec<String>,
}

/// One old answer carried.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Carried {
    /// Old id.
    pub from: String,
    /// New ids.
    pub to: Vec<String>,
    /// How.
    pub how: How,
}

/// How an old answer was carried.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum How {
    Same,
    Renamed,
    Remapped,
    Split,
    Merged,
}

/// An old id dropped.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dropped {
    /// Old id.
    pub id: String,
    /// Why, as the profile says.
    pub reason: String,
}

/// Something that could not be carried.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmapped {
    /// Old id.
    pub id: String,
    /// The old value, for an answer or a target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// A target, not an answer.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub target: bool,
    /// An action, not an answer.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub action: bool,
}

/// A migrated file, its report, and where each of its entries came from.
#[derive(Clone, Debug)]
pub struct Migrated {
    /// The assessment as written against the new version.
    pub assessment: raw::Assessment,
    /// What became of every old answer.
    pub report: MigrationReport,
    /// JSON Pointer of a migrated entry (`/answers/<new>`, `/targets/<new>`,
    /// `/actions/<new>`) to the pointer of the old entry it was carried from.
    pub origins: HashMap<String, String>,
}

/// What the new version does with an old id.
enum Fate {
    To {
        ids: Vec<String>,
        values: Option<Vec<(raw::ValueKey, AnswerValue)>>,
    },
    Drop(String),
    Lost,
}

/// One old entry reaching a new id.
struct Contribution<'a> {
    old: &'a str,
    answer: raw::Answer,
}

/// Carries `old` to `profile`, a later version of the profile it answers (the same version
/// gives the file back unchanged). The result is not checked yet.
pub fn migrate(old: &raw::Assessment, profile: &Profile) -> Result<Migrated, Diagnostic> {
    if old.profile.id != profile.id {
        return Err(Diagnostic::error(
            "profile-mismatch",
            "/profile/id",
            format!(
                "the assessment answers profile {}, and the profile to carry it to is {}",
                old.profile.id, profile.id
            ),
        ));
    }
    let Ok(from) = semver::Version::parse(old.profile.version.as_str()) else {
        return Err(Diagnostic::error(
            "version-form",
            "/profile/version",
            format!(
                "version {:?} is not a semantic version such as 1.0.0",
                old.profile.version.as_str()
            ),
        ));
    };
    if from > profile.version {
        return Err(Diagnostic::error(
            "migrate-backwards",
            "/profile/version",
            format!(
                "the assessment answers {} {from}, which is later than {}: answers are carried to a later version only",
                profile.id, profile.version
            ),
        ));
    }
    let same = from == profile.version;
    let fate = |id: &str| -> Fate {
        if same {
            return Fate::To {
                ids: vec![id.to_owned()],
                values: None,
            };
        }
        match profile.migration_rule(&from, id) {
            Some(MigrationRule::To { to, values }) => Fate::To { ids: to, values },
            Some(MigrationRule::Drop(reason)) => Fate::Drop(reason),
            None if profile.indicator(id).is_some() => Fate::To {
                ids: vec![id.to_owned()],
                values: None,
            },
            None => Fate::Lost,
        }
    };
    let as_of = parse_date(&old.as_of);
    let mut report = MigrationReport {
        from: from.to_string(),
        to: profile.version.to_string(),
        compatibility: 1.0,
        carried: Vec::new(),
        dropped: Vec::new(),
        lost: Vec::new(),
        unmapped: Vec::new(),
        new: Vec::new(),
    };
    let mut origins = HashMap::new();

    // Every old id the file names anywhere, in alphabetical order (of code points, which
    // is the byte order of UTF-8).
    let old_ids: BTreeSet<&str> = old
        .answers
        .keys()
        .chain(old.targets.keys())
        .chain(old.actions.keys())
        .map(String::as_str)
        .collect();

    let mut answers: BTreeMap<String, Vec<Contribution>> = BTreeMap::new();
    let mut targets: BTreeMap<String, Vec<(&str, AnswerValue)>> = BTreeMap::new();
    let mut actions: BTreeMap<String, Vec<(&str, &raw::Action)>> = BTreeMap::new();
    // For each old answer carried: its ids and whether `values` applied.
    let mut moved: Vec<(&str, Vec<String>, bool)> = Vec::new();
    let (mut counted, mut carried_count) = (0usize, 0usize);
    let mut reached: BTreeSet<String> = BTreeSet::new();

    for &id in &old_ids {
        let answer = old.answers.get(id);
        let target = old.targets.get(id);
        let action = old.actions.get(id);
        let decided = answer.is_some_and(|a| a.value.is_some() || a.na.is_some());
        if decided {
            counted += 1;
        }
        match fate(id) {
            Fate::Drop(reason) => {
                report.dropped.push(Dropped {
                    id: id.to_owned(),
                    reason,
                });
                unmapped_rest(&mut report, id, target, action);
            }
            Fate::Lost => {
                report.lost.push(id.to_owned());
                unmapped_rest(&mut report, id, target, action);
            }
            Fate::To { ids, values } => {
                let map = |v: &AnswerValue| -> Option<AnswerValue> {
                    match &values {
                        None => Some(v.clone()),
                        Some(values) => values
                            .iter()
                            .find(|(k, _)| k.matches(v))
                            .map(|(_, new)| new.clone()),
                    }
                };
                if let Some(answer) = answer {
                    let mut carried = answer.clone();
                    let mut remapped = false;
                    let mut ok = true;
                    if let Some(v) = &answer.value {
                        match map(v) {
                            Some(new) => {
                                remapped = values.is_some();
                                carried.value = Some(new);
                            }
                            None => {
                                ok = false;
                                report.unmapped.push(Unmapped {
                                    id: id.to_owned(),
                                    value: Some(v.clone()),
                                    target: false,
                                    action: false,
                                });
                            }
                        }
                    }
                    if ok {
                        if decided {
                            carried_count += 1;
                            reached.extend(ids.iter().cloned());
                        }
                        for new in &ids {
                            answers.entry(new.clone()).or_default().push(Contribution {
                                old: id,
                                answer: carried.clone(),
                            });
                        }
                        moved.push((id, ids.clone(), remapped));
                    }
                }
                if let Some(t) = target {
                    match map(t) {
                        Some(new) => {
                            for to in &ids {
                                targets
                                    .entry(to.clone())
                                    .or_default()
                                    .push((id, new.clone()));
                            }
                        }
                        None => report.unmapped.push(Unmapped {
                            id: id.to_owned(),
                            value: Some(t.clone()),
                            target: true,
                            action: false,
                        }),
                    }
                }
                if let Some(a) = action {
                    for to in &ids {
                        actions.entry(to.clone()).or_default().push((id, a));
                    }
                }
            }
        }
    }

    for (id, ids, remapped) in moved {
        let merged = ids
            .iter()
            .any(|n| answers.get(n).is_some_and(|c| c.len() > 1));
        let how = if merged {
            How::Merged
        } else if ids.len() >= 2 {
            How::Split
        } else if remapped {
            How::Remapped
        } else if ids.first().is_some_and(|n| n != id) {
            How::Renamed
        } else {
            How::Same
        };
        report.carried.push(Carried {
            from: id.to_owned(),
            to: ids,
            how,
        });
    }
    report.compatibility = if counted == 0 {
        1.0
    } else {
        carried_count as f64 / counted as f64
    };

    // The score of a value under a new indicator; a value the indicator cannot take scores
    // lowest, so that it is the one carried and the check afterwards shows it.
    let value_score = |new: &str, v: &AnswerValue| -> f64 {
        profile
            .indicator(new)
            .and_then(|(_, ind)| {
                let checked = validate::check_value(v, ind, as_of)?;
                Some(indicator_score(
                    &ind.kind,
                    &checked,
                    as_of.unwrap_or(time::Date::MIN),
                ))
            })
            .unwrap_or(f64::NEG_INFINITY)
    };

    let mut out = old.clone();
    if !same {
        out.profile = raw::ProfileRef {
            id: profile.id.clone(),
            version: Label(profile.version.to_string()),
            sha256: profile.sha256.clone(),
        };
        out.migrated_from = Some(raw::MigratedFrom {
            version: Label(from.to_string()),
            sha256: old.profile.sha256.clone(),
        });
        out.answers = UniqueMap::new();
        out.targets = UniqueMap::new();
        out.actions = UniqueMap::new();
    }
    for (_, indicator) in profile.indicators() {
        let id = &indicator.id;
        if !reached.contains(id) {
            report.new.push(id.clone());
        }
        if same {
            continue;
        }
        if let Some(contributions) = answers.remove(id) {
            let (origin, answer) = merge_answers(id, contributions, &value_score);
            origins.insert(format!("/answers/{id}"), format!("/answers/{origin}"));
            out.answers.insert(id.clone(), answer);
        }
        if let Some(mut candidates) = targets.remove(id) {
            // Lowest score first; ties keep alphabetical order of old id (a stable sort).
            candidates.sort_by(|a, b| value_score(id, &a.1).total_cmp(&value_score(id, &b.1)));
            let (origin, value) = candidates.swap_remove(0);
            origins.insert(format!("/targets/{id}"), format!("/targets/{origin}"));
            out.targets.insert(id.clone(), value);
        }
        if let Some(candidates) = actions.remove(id)
            && let Some((origin, action)) = candidates.into_iter().next()
        {
            origins.insert(format!("/actions/{id}"), format!("/actions/{origin}"));
            out.actions.insert(id.clone(), action.clone());
        }
    }
    if same {
        for (id, _) in old.answers.iter() {
            origins.insert(format!("/answers/{id}"), format!("/answers/{id}"));
        }
    }
    Ok(Migrated {
        assessment: out,
        report,
        origins,
    })
}

/// Lists the target and the action of an old id that is dropped or lost.
fn unmapped_rest(
    report: &mut MigrationReport,
    id: &str,
    target: Option<&AnswerValue>,
    action: Option<&raw::Action>,
) {
    if let Some(t) = target {
        report.unmapped.push(Unmapped {
            id: id.to_owned(),
            value: Some(t.clone()),
            target: true,
            action: false,
        });
    }
    if action.is_some() {
        report.unmapped.push(Unmapped {
            id: id.to_owned(),
            value: None,
            target: false,
            action: true,
        });
    }
}

/// Several old answers reaching one new id (contributions in alphabetical order of old
/// id): a value wins over `na`, the lowest-scoring value over the others (ties: the old id
/// first in alphabetical order); all `na`: `na` with the reasons joined; evidence and notes
/// of all, the carried answer's first. Returns the old id carried and the answer.
fn merge_answers<'a>(
    new: &str,
    contributions: Vec<Contribution<'a>>,
    score: &impl Fn(&str, &AnswerValue) -> f64,
) -> (&'a str, raw::Answer) {
    let winner = {
        let valued = contributions
            .iter()
            .enumerate()
            .filter_map(|(n, c)| c.answer.value.as_ref().map(|v| (n, score(new, v))))
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        match valued {
            Some((n, _)) => n,
            None => contributions
                .iter()
                .position(|c| c.answer.na.is_some())
                .unwrap_or(0),
        }
    };
    let mut order: Vec<&Contribution> = Vec::with_capacity(contributions.len());
    order.push(&contributions[winner]);
    order.extend(
        contributions
            .iter()
            .enumerate()
            .filter(|(n, _)| *n != winner)
            .map(|(_, c)| c),
    );
    let mut answer = order[0].answer.clone();
    if answer.value.is_none() {
        let reasons: Vec<&str> = order
            .iter()
            .filter_map(|c| c.answer.na.as_deref())
            .collect();
        if !reasons.is_empty() {
            answer.na = Some(join_unique(&reasons));
        }
    }
    let mut evidence: Vec<String> = Vec::new();
    for c in &order {
        for e in &c.answer.evidence {
            if !evidence.contains(e) {
                evidence.push(e.clone());
            }
        }
    }
    answer.evidence = evidence;
    let notes: Vec<&str> = order
        .iter()
        .filter_map(|c| c.answer.note.as_deref())
        .collect();
    answer.note = (!notes.is_empty()).then(|| join_unique(&notes));
    (order[0].old, answer)
}

/// Texts joined with "; ", each once.
fn join_unique(texts: &[&str]) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for t in texts {
        if !seen.contains(t) {
            seen.push(t);
        }
    }
    seen.join("; ")
}
