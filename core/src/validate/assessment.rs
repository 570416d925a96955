//! Assessment checks: the profile it answers, administration, cycle, `as_of`, answers and
//! targets against the profile's indicators.

use super::{Checker, parse_date, says_yes_or_no};
use crate::diag::pointer_push;
use crate::model::raw;
use crate::model::{
    Action, Answer, AnswerValue, Assessment, Gathered, Indicator, IndicatorKind, Profile, Response,
    Value,
};
use std::collections::BTreeMap;
use time::Date;

impl Checker {
    pub(super) fn assessment(
        &mut self,
        a: &raw::Assessment,
        profile: &Profile,
    ) -> Option<Assessment> {
        self.format(a.format);
        let version = self.semver(a.profile.version.as_str(), "/profile/version");
        if a.profile.id != profile.id || version != profile.version {
            self.error(
                "profile-mismatch",
                "/profile",
                format!(
                    "the assessment answers profile {} {}, but the profile given is {} {}",
                    a.profile.id, a.profile.version, profile.id, profile.version
                ),
            );
            return None;
        }
        self.sha256(a.profile.sha256.as_deref(), "/profile/sha256");
        // A malformed hash is an error of its own, not also a different text.
        if let (Some(given), Some(known)) = (&a.profile.sha256, &profile.sha256)
            && is_sha256(given)
            && given != known
        {
            self.warning(
                "profile-hash",
                "/profile/sha256",
                format!(
                    "answered against a different text of {} {} (sha256 {} here, {} in the profile used)",
                    profile.id,
                    profile.version,
                    short_hash(given),
                    short_hash(known)
                ),
            );
        }
        if let Some(from) = &a.migrated_from {
            self.semver(from.version.as_str(), "/migrated_from/version");
            self.sha256(from.sha256.as_deref(), "/migrated_from/sha256");
        }
        if a.administration.name.trim().is_empty() {
            self.error(
                "empty-text",
                "/administration/name",
                "the administration's name is empty",
            );
        }
        if a.cycle.as_str().trim().is_empty() {
            self.error("empty-text", "/cycle", "the cycle label is empty");
        }
        let as_of = parse_date(&a.as_of);
        if as_of.is_none() {
            self.error(
                "date-form",
                "/as_of",
                format!("`as_of` {:?} is not a date written YYYY-MM-DD", a.as_of),
            );
        }
        for (n, who) in a.assessors.iter().enumerate() {
            if who.trim().is_empty() {
                self.error(
                    "empty-text",
                    &pointer_push("/assessors", n),
                    "an assessor is empty",
                );
            }
        }
        let mut answers = BTreeMap::new();
        let mut gathered = BTreeMap::new();
        for (id, answer) in a.answers.iter() {
            // Pointers are made only for a diagnostic: most answers need none.
            let ptr = || pointer_push("/answers", id);
            let Some((_, indicator)) = profile.indicator(id) else {
                let d = self.unknown_indicator(id, &ptr(), &profile.index);
                if let Some(new) = profile.replaces.get(id) {
                    d.hints = vec![format!(
                        "`{id}` was replaced by `{new}` in this version of the profile"
                    )];
                }
                continue;
            };
            for (n, e) in answer.evidence.iter().enumerate() {
                if e.trim().is_empty() {
                    self.error(
                        "empty-text",
                        &pointer_push(&pointer_push(&ptr(), "evidence"), n),
                        "an evidence item is empty",
                    );
                }
            }
            let response = match (&answer.value, &answer.na) {
                (Some(_), Some(_)) => {
                    self.error(
                        "value-and-na",
                        &ptr(),
                        format!("`{id}` has both `value` and `na`: give exactly one"),
                    );
                    continue;
                }
                (None, None) => {
                    let holds_note = answer.note.as_deref().is_some_and(|n| !n.trim().is_empty());
                    if answer.evidence.is_empty() && !holds_note {
                        self.error("no-value", &ptr(), format!("`{id}` has neither `value` nor `na`"))
                            .hints
                            .push("fill in the value, write `na: <reason>`, or delete the entry to leave it unanswered".into());
                    } else {
                        // DESIGN.md: evidence or a note gathered before the answer is
                        // decided. The indicator counts as missing; what it holds is kept.
                        self.warning(
                            "not-answered-yet",
                            &ptr(),
                            format!("`{id}` holds evidence or a note but no answer yet: it counts as missing"),
                        );
                        gathered.insert(
                            id.clone(),
                            Gathered {
                                evidence: answer.evidence.clone(),
                                note: answer.note.clone(),
                            },
                        );
                    }
                    continue;
                }
                (None, Some(reason)) => {
                    if reason.trim().is_empty() {
                        self.error(
                            "empty-na",
                            &pointer_push(&ptr(), "na"),
                            format!("`{id}` is marked not applicable without a reason"),
                        );
                        continue;
                    }
                    if profile.caps.iter().any(|c| c.indicator == *id) {
                        self.error(
                            "na-on-cap",
                            &pointer_push(&ptr(), "na"),
                            format!("`{id}` cannot be not applicable: a cap depends on it, and not applicable would dodge the cap"),
                        );
                        continue;
                    }
                    Response::NotApplicable(reason.clone())
                }
                (Some(value), None) => {
                    match self.value(
                        value,
                        indicator,
                        &|| pointer_push(&ptr(), "value"),
                        as_of,
                        false,
                    ) {
                        Some(v) => Response::Value(v),
                        None => continue,
                    }
                }
            };
            answers.insert(
                id.clone(),
                Answer {
                    response,
                    evidence: answer.evidence.clone(),
                    note: answer.note.clone(),
                },
            );
        }
        let mut targets = BTreeMap::new();
        for (id, value) in a.targets.iter() {
            let ptr = pointer_push("/targets", id);
            let Some((_, indicator)) = profile.indicator(id) else {
                self.unknown_indicator(id, &ptr, &profile.index);
                continue;
            };
            if matches!(indicator.kind, IndicatorKind::Date { .. }) {
                self.error("date-target", &ptr, format!("`{id}` is a date indicator, and targets are set for scale, boolean, ratio and number indicators only"));
                continue;
            }
            if let Some(v) = self.value(value, indicator, &|| ptr.clone(), as_of, true) {
                targets.insert(id.clone(), v);
            }
        }
        let mut actions = BTreeMap::new();
        for (id, action) in a.actions.iter() {
            let ptr = pointer_push("/actions", id);
            if profile.indicator(id).is_none() {
                self.unknown_indicator(id, &ptr, &profile.index);
                continue;
            }
            for (field, text) in [("do", &action.what), ("owner", &action.owner)] {
                if text.as_deref().is_some_and(|t| t.trim().is_empty()) {
                    self.error(
                        "empty-text",
                        &pointer_push(&ptr, field),
                        format!("the action for `{id}` has an empty `{field}`"),
                    );
                }
            }
            let due = match &action.due {
                None => None,
                Some(text) => match parse_date(text) {
                    Some(date) => Some(date),
                    None => {
                        self.error(
                            "date-form",
                            &pointer_push(&ptr, "due"),
                            format!("the action for `{id}` is due {text:?}, which is not a real date written YYYY-MM-DD"),
                        );
                        continue;
                    }
                },
            };
            actions.insert(
                id.clone(),
                Action {
                    what: action.what.clone(),
                    owner: action.owner.clone(),
                    due,
                    status: action.status,
                },
            );
        }
        Some(Assessment {
            profile_id: a.profile.id.clone(),
            profile_version: version,
            administration: a.administration.name.clone(),
            code: a.administration.code.as_ref().map(|c| c.0.clone()),
            cycle: a.cycle.0.clone(),
            as_of: as_of.unwrap_or(Date::MIN),
            assessors: a.assessors.clone(),
            answers,
            gathered,
            targets,
            actions,
        })
    }

    /// Checks that a hash, when given, is a SHA-256 written as 64 lowercase hex digits.
    fn sha256(&mut self, hash: Option<&str>, ptr: &str) {
        if let Some(hash) = hash
            && !is_sha256(hash)
        {
            self.error(
                "sha256-form",
                ptr,
                format!(
                    "sha256 {hash:?} is not a SHA-256 written as 64 lowercase hexadecimal digits"
                ),
            );
        }
    }

    /// Checks an answer or target value against its indicator.
    pub(super) fn value(
        &mut self,
        value: &AnswerValue,
        indicator: &Indicator,
        ptr: &dyn Fn() -> String,
        as_of: Option<Date>,
        target: bool,
    ) -> Option<Value> {
        let id = &indicator.id;
        let what = if target { "target" } else { "answer" };
        match &indicator.kind {
            IndicatorKind::Scale { scale, levels } => {
                match value {
                    AnswerValue::Int(v) if levels.iter().any(|l| l.value == *v) => {
                        Some(Value::Level(*v))
                    }
                    // DESIGN.md "Details": numbers compare as numbers, and a scale answer
                    // 3.0 is level 3.
                    AnswerValue::Float(f)
                        if f.fract() == 0.0 && levels.iter().any(|l| l.value as f64 == *f) =>
                    {
                        Some(Value::Level(*f as i64))
                    }
                    _ => {
                        let allowed: Vec<String> =
                            levels.iter().map(|l| l.value.to_string()).collect();
                        self.error(
                            "bad-level",
                            &ptr(),
                            format!("the {what} for `{id}` must be a level of scale `{scale}` ({}), found {}", allowed.join(", "), value.describe()),
                        );
                        None
                    }
                }
            }
            IndicatorKind::Boolean => match value {
                AnswerValue::Bool(b) => Some(Value::Bool(*b)),
                _ => {
                    let d = self.error(
                        "wrong-type",
                        &ptr(),
                        format!(
                            "the {what} for `{id}` must be true or false, found {}",
                            value.describe()
                        ),
                    );
                    if let AnswerValue::Text(t) = value
                        && says_yes_or_no(t)
                    {
                        d.hints.push("write true or false".into());
                    }
                    None
                }
            },
            IndicatorKind::Ratio { .. } => {
                match value.as_f64() {
                    Some(v) if (0.0..=1.0).contains(&v) => Some(Value::Ratio(v)),
                    Some(v) => {
                        let d = self.error("out-of-range", &ptr(), format!("the {what} for `{id}` is a share and must be within [0, 1], found {v}"));
                        if (1.0..=100.0).contains(&v) {
                            d.hints.push(format!(
                                "a percentage is written as a share: {}% is {}",
                                v,
                                v / 100.0
                            ));
                        }
                        None
                    }
                    None => {
                        self.error(
                            "wrong-type",
                            &ptr(),
                            format!(
                                "the {what} for `{id}` must be a share in [0, 1], found {}",
                                value.describe()
                            ),
                        );
                        None
                    }
                }
            }
            IndicatorKind::Number { .. } => match value.as_f64() {
                Some(v) if v.is_finite() => Some(Value::Number(v)),
                _ => {
                    self.error(
                        "wrong-type",
                        &ptr(),
                        format!(
                            "the {what} for `{id}` must be a finite number, found {}",
                            value.describe()
                        ),
                    );
                    None
                }
            },
            IndicatorKind::Date { .. } => {
                let AnswerValue::Text(text) = value else {
                    self.error(
                        "wrong-type",
                        &ptr(),
                        format!(
                            "the {what} for `{id}` must be a date written YYYY-MM-DD, found {}",
                            value.describe()
                        ),
                    );
                    return None;
                };
                let Some(date) = parse_date(text) else {
                    self.error("date-form", &ptr(), format!("the {what} for `{id}` must be a real date written YYYY-MM-DD, found {text:?}"));
                    return None;
                };
                if let Some(as_of) = as_of
                    && date > as_of
                {
                    self.error("date-after-as-of", &ptr(), format!("the date {text} for `{id}` is after the assessment's as_of date {as_of}"));
                    return None;
                }
                Some(Value::Date(date))
            }
        }
    }
}

/// Whether `text` is a SHA-256 in lowercase hex.
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The short form of a hash that reports show: its first 12 digits.
pub fn short_hash(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
