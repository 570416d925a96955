//! Several respondents, one administration (a consensus): DESIGN.md "Several
//! respondents, one administration", exactly.
//!
//! Assessments of one profile id and version, one administration and one cycle, given by
//! several respondents (directorates, workshop groups), become one [`Consensus`].
//! Respondents are labelled A, B, C... in the order given. For each indicator, over the
//! files that answer it (a value or `na`):
//! - all give the same value, or all `na`: agreed, taken;
//! - some answer and the others leave it missing: taken from those who answer, if they
//!   agree (and listed in `partial`);
//! - otherwise a conflict, settled by the [`Resolve`] rule or left for the group.
//!
//! Values are compared as checked values ([`Value`]), so `true` is never 1, 1 equals 1.0,
//! and dates compare as dates. Nothing is lost: the evidence and notes of every respondent
//! are kept, and [`Consensus::to_yaml`] writes every unresolved conflict as a commented
//! entry that lists who answered what.

use crate::aggregate::{neutral_label, same_profile};
use crate::diag::{Diagnostic, InFile};
use crate::load::Scored;
use crate::model::{IndicatorKind, Profile, Response, Value};
use crate::score::indicator_score;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::fmt::Write;
use std::sync::Arc;
use time::Date;

/// How a conflict is settled.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Resolve {
    /// Left unanswered, for the group to settle (the default).
    #[default]
    None,
    /// The answer with the lowest score (ties: file order).
    Lowest,
    /// The lower median by score (ties: file order).
    Median,
}

/// The JSON of `tradeready merge --format json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MergeReport {
    /// How many respondents.
    pub n: usize,
    /// Indicators taken without conflict, partial ones included.
    pub agreed: usize,
    /// Answers (and targets, with `"target": true`) on which respondents differ, in
    /// profile order.
    pub conflicts: Vec<Conflict>,
    /// Indicators that some respondents answered and others did not, conflicts included,
    /// in profile order.
    pub partial: Vec<String>,
}

/// One indicator on which respondents differ.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Indicator id.
    pub id: String,
    /// Whether it is the target, not the answer, that differs.
    pub target: bool,
    /// What each respondent who answered gave, in file order.
    pub answers: Vec<Given>,
    /// The value taken by the rule; None when left for the group.
    pub resolved: Option<Value>,
}

impl Serialize for Conflict {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        if self.target {
            map.serialize_entry("target", &true)?;
        }
        map.serialize_entry("answers", &self.answers)?;
        map.serialize_entry("resolved", &self.resolved.as_ref().map(ValueJson))?;
        map.end()
    }
}

/// What one respondent answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Given {
    /// A, B, C... in file order.
    pub respondent: String,
    /// The value or not applicable (a target is always a value).
    pub response: Response,
    /// The respondent's evidence items.
    pub evidence: Vec<String>,
    /// The respondent's note.
    pub note: Option<String>,
}

impl Serialize for Given {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("respondent", &self.respondent)?;
        match &self.response {
            Response::Value(v) => map.serialize_entry("value", &ValueJson(v))?,
            Response::NotApplicable(reason) => map.serialize_entry("na", reason)?,
        }
        if !self.evidence.is_empty() {
            map.serialize_entry("evidence", &self.evidence)?;
        }
        if let Some(note) = &self.note {
            map.serialize_entry("note", note)?;
        }
        map.end()
    }
}

/// A checked value written as in a file: a level or a number as a number, a boolean, a
/// date as YYYY-MM-DD.
struct ValueJson<'a>(&'a Value);

impl Serialize for ValueJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Level(v) => serializer.serialize_i64(*v),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Ratio(v) | Value::Number(v) => serializer.serialize_f64(*v),
            Value::Date(d) => serializer.serialize_str(&crate::format_date(*d)),
        }
    }
}

/// One indicator's entry in the merged assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedAnswer {
    /// Indicator id.
    pub id: String,
    /// The answer taken; None when nobody answered (the entry keeps evidence or a note
    /// gathered before the answer) or when a conflict is left for the group.
    pub response: Option<Response>,
    /// The evidence of every respondent, in file order, without duplicates.
    pub evidence: Vec<String>,
    /// The notes, "A: ...; B: ...".
    pub note: Option<String>,
    /// The conflict left for the group (an index into the report's `conflicts`).
    pub unresolved: Option<usize>,
}

/// One indicator's target in the merged assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedTarget {
    /// Indicator id.
    pub id: String,
    /// The target taken; None when a conflict is left for the group.
    pub value: Option<Value>,
    /// The conflict left for the group (an index into the report's `conflicts`).
    pub unresolved: Option<usize>,
}

/// The merged assessment, with its report.
#[derive(Clone, Debug)]
pub struct Consensus {
    /// The profile answered.
    pub profile: Arc<Profile>,
    /// The first file's administration name.
    pub administration: String,
    /// The first administration code given.
    pub code: Option<String>,
    /// The cycle, which every file shares.
    pub cycle: String,
    /// The latest `as_of`.
    pub as_of: Date,
    /// The assessors of every file, in file order, without duplicates.
    pub assessors: Vec<String>,
    /// Who each respondent is (A, B, C...): that file's assessors.
    pub respondents: Vec<(String, Vec<String>)>,
    /// Entries in profile order: every indicator some file holds an entry for.
    pub answers: Vec<MergedAnswer>,
    /// Targets in profile order.
    pub targets: Vec<MergedTarget>,
    /// The action plan adopted (DESIGN.md: the first file's actions, then the others' for
    /// other ids), in profile order.
    pub actions: Vec<(String, crate::model::Action)>,
    /// Counts, conflicts and partial answers.
    pub report: MergeReport,
}

fn describe_administration(s: &Scored) -> String {
    match &s.assessment.code {
        Some(code) => format!("{:?} (code {code})", s.assessment.administration),
        None => format!("{:?}", s.assessment.administration),
    }
}

/// Checks that every file answers the first file's profile id and version, administration
/// and cycle; the error names the file that differs.
pub fn check_files(files: &[&Scored]) -> Result<(), InFile> {
    same_profile(files)?;
    let Some(first) = files.first() else {
        return Ok(());
    };
    for (i, f) in files.iter().enumerate().skip(1) {
        if !first.assessment.who().is(f.assessment.who()) {
            return Err(InFile {
                file: i,
                diagnostic: Diagnostic::error(
                    "different-administration",
                    "/administration",
                    format!(
                        "this file assesses {}, where the first file assesses {}: a consensus \
                         merges the respondents of one administration",
                        describe_administration(f),
                        describe_administration(first)
                    ),
                )
                .hint("to set several administrations side by side, use tradeready aggregate"),
            });
        }
        if f.assessment.cycle != first.assessment.cycle {
            return Err(InFile {
                file: i,
                diagnostic: Diagnostic::error(
                    "different-cycle",
                    "/cycle",
                    format!(
                        "this file is of cycle {:?}, where the first file is of cycle {:?}: a \
                         consensus merges the respondents of one cycle",
                        f.assessment.cycle, first.assessment.cycle
                    ),
                )
                .hint("to follow one administration across cycles, use tradeready compare"),
            });
        }
    }
    Ok(())
}

/// One respondent's entry for an indicator: the respondent's index, its checked answer
/// (None for evidence or a note gathered before the answer), its evidence and its note.
type Entry<'a> = (usize, Option<&'a Response>, &'a [String], Option<&'a str>);

/// Sort key of a score: rounded to 9 places, so that scores equal in exact arithmetic tie
/// (and ties keep file order) whatever the float rounding.
fn key(score: f64) -> f64 {
    (score * 1e9).round()
}

/// The value a rule takes among `values` (respondent index, value), scored at `as_of`.
fn settle(
    kind: &IndicatorKind,
    values: &[(usize, &Value)],
    as_of: Date,
    resolve: Resolve,
) -> Option<Value> {
    let mut scored: Vec<(f64, usize, &Value)> = values
        .iter()
        .map(|&(r, v)| (key(indicator_score(kind, v, as_of)), r, v))
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let pick = match resolve {
        Resolve::None => return None,
        Resolve::Lowest => scored.first(),
        Resolve::Median => scored.get(scored.len().saturating_sub(1) / 2),
    };
    pick.map(|&(_, _, v)| v.clone())
}

/// Merges several respondents' assessments of one administration, profile version and
/// cycle.
pub fn merge(files: &[&Scored], resolve: Resolve) -> Result<Consensus, InFile> {
    check_files(files)?;
    let Some(first) = files.first() else {
        return Err(InFile {
            file: 0,
            diagnostic: Diagnostic::error("no-files", "", "a consensus needs at least one file"),
        });
    };
    let profile = Arc::clone(&first.profile);
    let labels: Vec<String> = (0..files.len()).map(neutral_label).collect();
    let as_of = files
        .iter()
        .map(|f| f.assessment.as_of)
        .max()
        .unwrap_or(first.assessment.as_of);
    let mut assessors: Vec<String> = Vec::new();
    for f in files {
        for a in &f.assessment.assessors {
            if !assessors.contains(a) {
                assessors.push(a.clone());
            }
        }
    }
    let mut report = MergeReport {
        n: files.len(),
        agreed: 0,
        conflicts: Vec::new(),
        partial: Vec::new(),
    };
    let mut answers = Vec::new();
    let mut targets = Vec::new();
    for (_, indicator) in profile.indicators() {
        let id = &indicator.id;
        // Every respondent's entry: its checked answer (None for evidence or a note
        // gathered before the answer), evidence and note.
        let mut entries: Vec<Entry> = Vec::new();
        for (r, f) in files.iter().enumerate() {
            let checked = f.assessment.answers.get(id);
            let (evidence, note) = match (checked, f.assessment.gathered.get(id)) {
                (Some(a), _) => (a.evidence.as_slice(), a.note.as_deref()),
                (None, Some(g)) => (g.evidence.as_slice(), g.note.as_deref()),
                (None, None) => continue,
            };
            let note = note.filter(|n| !n.trim().is_empty());
            entries.push((r, checked.map(|a| &a.response), evidence, note));
        }
        if !entries.is_empty() {
            let mut evidence: Vec<String> = Vec::new();
            for e in entries.iter().flat_map(|(_, _, ev, _)| ev.iter()) {
                if !evidence.contains(e) {
                    evidence.push(e.clone());
                }
            }
            let notes: Vec<String> = entries
                .iter()
                .filter_map(|(r, _, _, note)| note.map(|n| format!("{}: {n}", labels[*r])))
                .collect();
            let note = (!notes.is_empty()).then(|| notes.join("; "));
            let given: Vec<(usize, &Response)> = entries
                .iter()
                .filter_map(|&(r, resp, _, _)| resp.map(|x| (r, x)))
                .collect();
            let values: Vec<(usize, &Value)> = given
                .iter()
                .filter_map(|&(r, x)| match x {
                    Response::Value(v) => Some((r, v)),
                    Response::NotApplicable(_) => None,
                })
                .collect();
            let reasons: Vec<&str> = given
                .iter()
                .filter_map(|(_, x)| match x {
                    Response::NotApplicable(reason) => Some(reason.as_str()),
                    Response::Value(_) => None,
                })
                .collect();
            if !given.is_empty() && given.len() < files.len() {
                report.partial.push(id.clone());
            }
            let (response, unresolved) = if given.is_empty() {
                (None, None)
            } else if reasons.is_empty() && values.iter().all(|(_, v)| *v == values[0].1) {
                report.agreed += 1;
                (Some(Response::Value(values[0].1.clone())), None)
            } else if values.is_empty() {
                report.agreed += 1;
                let mut distinct: Vec<&str> = Vec::new();
                for reason in reasons {
                    if !distinct.contains(&reason) {
                        distinct.push(reason);
                    }
                }
                (Some(Response::NotApplicable(distinct.join("; "))), None)
            } else {
                // A conflict: `na` answers are set aside when some file gives a value.
                let resolved = settle(&indicator.kind, &values, as_of, resolve);
                report.conflicts.push(Conflict {
                    id: id.clone(),
                    target: false,
                    answers: entries
                        .iter()
                        .filter_map(|&(r, resp, ev, note)| {
                            resp.map(|x| Given {
                                respondent: labels[r].clone(),
                                response: x.clone(),
                                evidence: ev.to_vec(),
                                note: note.map(str::to_owned),
                            })
                        })
                        .collect(),
                    resolved: resolved.clone(),
                });
                let unresolved = resolved.is_none().then(|| report.conflicts.len() - 1);
                (resolved.map(Response::Value), unresolved)
            };
            answers.push(MergedAnswer {
                id: id.clone(),
                response,
                evidence,
                note,
                unresolved,
            });
        }

        let given: Vec<(usize, &Value)> = files
            .iter()
            .enumerate()
            .filter_map(|(r, f)| f.assessment.targets.get(id).map(|v| (r, v)))
            .collect();
        if let Some(&(_, v0)) = given.first() {
            if given.iter().all(|(_, v)| *v == v0) {
                targets.push(MergedTarget {
                    id: id.clone(),
                    value: Some(v0.clone()),
                    unresolved: None,
                });
            } else {
                let resolved = settle(&indicator.kind, &given, as_of, resolve);
                report.conflicts.push(Conflict {
                    id: id.clone(),
                    target: true,
                    answers: given
                        .iter()
                        .map(|&(r, v)| Given {
                            respondent: labels[r].clone(),
                            response: Response::Value(v.clone()),
                            evidence: Vec::new(),
                            note: None,
                        })
                        .collect(),
                    resolved: resolved.clone(),
                });
                let unresolved = resolved.is_none().then(|| report.conflicts.len() - 1);
                targets.push(MergedTarget {
                    id: id.clone(),
                    value: resolved,
                    unresolved,
                });
            }
        }
    }
    // Actions: each id takes the action of the first file that lists it.
    let actions = profile
        .indicators()
        .filter_map(|(_, i)| {
            files
                .iter()
                .find_map(|f| f.assessment.actions.get(&i.id))
                .map(|a| (i.id.clone(), a.clone()))
        })
        .collect();
    Ok(Consensus {
        administration: first.assessment.administration.clone(),
        code: files.iter().find_map(|f| f.assessment.code.clone()),
        cycle: first.assessment.cycle.clone(),
        as_of,
        assessors,
        respondents: labels
            .iter()
            .zip(files)
            .map(|(l, f)| (l.clone(), f.assessment.assessors.clone()))
            .collect(),
        answers,
        targets,
        actions,
        report,
        profile,
    })
}

/// Text quoted as a JSON string, which YAML reads as the same text; one line whatever it
/// holds, so it is safe in a comment too.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_owned())
}

/// A value as written in a file.
fn value_text(value: &Value) -> String {
    match value {
        Value::Level(v) => v.to_string(),
        Value::Bool(b) => b.to_string(),
        // Display writes the shortest text that reads back as the same f64.
        Value::Ratio(v) | Value::Number(v) => v.to_string(),
        Value::Date(d) => crate::format_date(*d),
    }
}

/// A value with what it means, for the comments: a level with its label.
fn value_described(profile: &Profile, kind: &IndicatorKind, value: &Value) -> String {
    match (kind, value) {
        (IndicatorKind::Scale { levels, .. }, Value::Level(v)) => {
            match levels.iter().find(|l| l.value == *v) {
                Some(l) => format!("{v} ({})", profile.text(&l.label)),
                None => v.to_string(),
            }
        }
        _ => value_text(value),
    }
}

impl Consensus {
    /// The merged assessment as YAML, answers in profile order. Every unresolved conflict
    /// is a commented entry listing who answered what, as `tradeready new` writes blank
    /// answers, for the group to settle in the file; the text validates as it stands.
    pub fn to_yaml(&self) -> String {
        let profile = &self.profile;
        let mut out = String::new();
        let w = &mut out;
        let open = self
            .answers
            .iter()
            .filter(|a| a.unresolved.is_some())
            .count()
            + self
                .targets
                .iter()
                .filter(|t| t.unresolved.is_some())
                .count();
        let _ = writeln!(
            w,
            "# A consensus of {} respondents' assessments, made with tradeready merge.",
            self.report.n
        );
        for (label, who) in &self.respondents {
            let who = if who.is_empty() {
                "(no assessors named)".to_owned()
            } else {
                who.join(", ")
            };
            let _ = writeln!(w, "#   {label}: {}", one_line(&who));
        }
        if open > 0 {
            let _ = writeln!(
                w,
                "# {open} conflict{} left for the group to settle: each is a commented entry \
                 marked CONFLICT below.",
                if open == 1 { " is" } else { "s are" }
            );
            let _ = writeln!(
                w,
                "# Write the value agreed in place of SETTLE (or `na: <reason>`), uncomment the \
                 entry,"
            );
            let _ = writeln!(w, "# and check the file with: tradeready validate FILE");
        }
        let _ = writeln!(w, "kind: assessment");
        let _ = writeln!(w, "format: {}", crate::validate::FORMAT);
        // The merged answers are checked against the profile used, as `new` writes it.
        let _ = writeln!(
            w,
            "profile: {{id: {}, version: {}{}}}",
            quoted(&profile.id),
            quoted(&profile.version.to_string()),
            profile
                .sha256
                .as_ref()
                .map(|h| format!(", sha256: {h}"))
                .unwrap_or_default()
        );
        let _ = writeln!(w, "administration:");
        let _ = writeln!(w, "  name: {}", quoted(&self.administration));
        if let Some(code) = &self.code {
            let _ = writeln!(w, "  code: {}", quoted(code));
        }
        let _ = writeln!(w, "cycle: {}", quoted(&self.cycle));
        let _ = writeln!(w, "as_of: {}", quoted(&crate::format_date(self.as_of)));
        if self.assessors.is_empty() {
            let _ = writeln!(w, "assessors: []");
        } else {
            let _ = writeln!(w, "assessors:");
            for a in &self.assessors {
                let _ = writeln!(w, "  - {}", quoted(a));
            }
        }
        if self.answers.is_empty() {
            let _ = writeln!(w, "answers: {{}}");
        } else {
            let _ = writeln!(w, "answers:");
        }
        for a in &self.answers {
            let Some((_, indicator)) = profile.indicator(&a.id) else {
                continue;
            };
            if let Some(c) = a.unresolved {
                self.write_conflict(w, c, &indicator.kind);
                let _ = write!(w, "  # {}: {{value: SETTLE", a.id);
                if !a.evidence.is_empty() {
                    let items: Vec<String> = a.evidence.iter().map(|e| quoted(e)).collect();
                    let _ = write!(w, ", evidence: [{}]", items.join(", "));
                }
                if let Some(note) = &a.note {
                    let _ = write!(w, ", note: {}", quoted(note));
                }
                let _ = writeln!(w, "}}");
                continue;
            }
            let _ = writeln!(w, "  {}:", a.id);
            match &a.response {
                Some(Response::Value(v)) => {
                    let _ = writeln!(w, "    value: {}", value_text(v));
                }
                Some(Response::NotApplicable(reason)) => {
                    let _ = writeln!(w, "    na: {}", quoted(reason));
                }
                None => {}
            }
            if !a.evidence.is_empty() {
                let _ = writeln!(w, "    evidence:");
                for e in &a.evidence {
                    let _ = writeln!(w, "      - {}", quoted(e));
                }
            }
            if let Some(note) = &a.note {
                let _ = writeln!(w, "    note: {}", quoted(note));
            }
        }
        if self.targets.is_empty() {
            let _ = writeln!(w, "targets: {{}}");
        } else {
            let _ = writeln!(w, "targets:");
        }
        for t in &self.targets {
            let Some((_, indicator)) = profile.indicator(&t.id) else {
                continue;
            };
            match (&t.value, t.unresolved) {
                (_, Some(c)) => {
                    self.write_conflict(w, c, &indicator.kind);
                    let _ = writeln!(w, "  # {}: SETTLE", t.id);
                }
                (Some(v), None) => {
                    let _ = writeln!(w, "  {}: {}", t.id, value_text(v));
                }
                (None, None) => {}
            }
        }
        if !self.actions.is_empty() {
            let _ = writeln!(w, "actions:");
            for (id, a) in &self.actions {
                let _ = writeln!(w, "  {id}:");
                if let Some(what) = &a.what {
                    let _ = writeln!(w, "    do: {}", quoted(what));
                }
                if let Some(owner) = &a.owner {
                    let _ = writeln!(w, "    owner: {}", quoted(owner));
                }
                if let Some(due) = a.due {
                    let _ = writeln!(w, "    due: {}", crate::format_date(due));
                }
                let _ = writeln!(w, "    status: {}", a.status.as_str());
            }
        }
        out
    }

    /// The comment lines that say who answered what in one conflict.
    fn write_conflict(&self, w: &mut String, conflict: usize, kind: &IndicatorKind) {
        let Some(c) = self.report.conflicts.get(conflict) else {
            return;
        };
        let _ = writeln!(
            w,
            "  # CONFLICT on the {} of {}: the respondents differ.",
            if c.target { "target" } else { "answer" },
            c.id
        );
        for g in &c.answers {
            let mut line = match &g.response {
                Response::Value(v) => value_described(&self.profile, kind, v),
                Response::NotApplicable(reason) => format!("na: {}", quoted(reason)),
            };
            if !g.evidence.is_empty() {
                let items: Vec<String> = g.evidence.iter().map(|e| quoted(e)).collect();
                let _ = write!(line, "; evidence: {}", items.join(", "));
            }
            if let Some(note) = &g.note {
                let _ = write!(line, "; note: {}", quoted(note));
            }
            let _ = writeln!(w, "  #   {}: {line}", g.respondent);
        }
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
