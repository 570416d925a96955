//! Indicator checks: id form, texts, weight, the fields of its kind, phases, refs and
//! evidence.

use super::{Checker, is_indicator_id};
use crate::diag::pointer_push;
use crate::model::raw;
use crate::model::{Indicator, IndicatorKind, ScaleLevel};
use std::collections::{HashMap, HashSet};

impl Checker {
    pub(super) fn indicator(
        &mut self,
        ind: &raw::Indicator,
        ptr: &str,
        scales: &HashMap<String, Vec<ScaleLevel>>,
        sources: &[raw::Source],
        clause_ids: &HashMap<String, Option<HashSet<String>>>,
    ) -> Indicator {
        use raw::IndicatorKind as K;
        let field = |name: &str| pointer_push(ptr, name);
        if !is_indicator_id(&ind.id) {
            self.error(
                "id-form",
                &field("id"),
                format!("indicator id {:?} must be parts of [a-z0-9-]+ joined by dots (governance.oga-roles)", ind.id),
            );
        }
        let outer = self.context.replace(format!("indicator `{}`", ind.id));
        self.text(&ind.text, &field("text"), "the question");
        for (name, text) in [
            ("title", &ind.title),
            ("help", &ind.help),
            ("recommendation", &ind.recommendation),
            ("basis", &ind.basis),
        ] {
            if let Some(t) = text {
                self.text(t, &field(name), &format!("the {name}"));
            }
        }
        self.positive(ind.weight, &field("weight"), "the weight");

        // Fields that belong to other kinds are mistakes, not decorations.
        let kind = ind.kind;
        let foreign: [(&str, bool, K); 8] = [
            ("scale", ind.scale.is_some(), K::Scale),
            ("levels", ind.levels.is_some(), K::Scale),
            ("points", ind.points.is_some(), K::Ratio),
            ("unit", ind.unit.is_some(), K::Number),
            ("baseline", ind.baseline.is_some(), K::Number),
            ("target", ind.target.is_some(), K::Number),
            ("fresh_days", ind.fresh_days.is_some(), K::Date),
            ("stale_days", ind.stale_days.is_some(), K::Date),
        ];
        for (name, present, owner) in foreign {
            if present && owner != kind {
                self.error(
                    "kind-field",
                    &field(name),
                    format!(
                        "`{name}` applies to {} indicators, not to {} ones",
                        owner.as_str(),
                        kind.as_str()
                    ),
                );
            }
        }
        let checked_kind = match kind {
            K::Scale => {
                let levels = match &ind.scale {
                    None => {
                        self.error(
                            "missing-field",
                            ptr,
                            "a scale indicator needs `scale`, the key of one of `scales`",
                        );
                        Vec::new()
                    }
                    Some(key) => match scales.get(key) {
                        Some(levels) => levels.clone(),
                        None => {
                            let known: Vec<&str> = scales.keys().map(String::as_str).collect();
                            self.error(
                                "unknown-scale",
                                &field("scale"),
                                format!(
                                    "unknown scale `{key}`; the profile defines [{}]",
                                    known.join(", ")
                                ),
                            );
                            Vec::new()
                        }
                    },
                };
                if let Some(descriptors) = &ind.levels {
                    for (value, text) in descriptors.iter() {
                        let lptr = pointer_push(&field("levels"), value);
                        if !levels.is_empty() && !levels.iter().any(|l| l.value == value.0) {
                            self.error(
                                "unknown-level",
                                &lptr,
                                format!(
                                    "level {value} is not a level of scale `{}`",
                                    ind.scale.as_deref().unwrap_or("")
                                ),
                            );
                        }
                        self.text(text, &lptr, "the level descriptor");
                    }
                }
                IndicatorKind::Scale {
                    scale: ind.scale.clone().unwrap_or_default(),
                    levels,
                }
            }
            K::Boolean => IndicatorKind::Boolean,
            K::Ratio => {
                let points: Vec<(f64, f64)> = match &ind.points {
                    None => vec![(0.0, 0.0), (1.0, 1.0)],
                    Some(points) => points.iter().map(|[x, y]| (*x, *y)).collect(),
                };
                if points.is_empty() {
                    self.error(
                        "points",
                        &field("points"),
                        "`points` needs at least one [x, score] pair",
                    );
                }
                for (n, (x, y)) in points.iter().enumerate() {
                    let pptr = pointer_push(&field("points"), n);
                    self.unit_interval(*x, &pointer_push(&pptr, 0), "the ratio point");
                    self.unit_interval(*y, &pointer_push(&pptr, 1), "the point score");
                    if n > 0 && *x <= points[n - 1].0 {
                        self.error(
                            "points",
                            &pointer_push(&pptr, 0),
                            "ratio points must have strictly increasing x",
                        );
                    }
                }
                IndicatorKind::Ratio { points }
            }
            K::Number => {
                let mut get = |name: &str, v: Option<f64>| match v {
                    Some(v) if v.is_finite() => v,
                    Some(v) => {
                        self.error(
                            "not-finite",
                            &field(name),
                            format!("`{name}` must be a finite number, found {v}"),
                        );
                        0.0
                    }
                    None => {
                        self.error(
                            "missing-field",
                            ptr,
                            format!("a number indicator needs `{name}`"),
                        );
                        f64::NAN
                    }
                };
                let baseline = get("baseline", ind.baseline);
                let target = get("target", ind.target);
                if baseline == target {
                    self.error("baseline-target", &field("target"), format!("`baseline` and `target` are both {baseline}: the score would divide by zero"));
                }
                if let Some(unit) = &ind.unit {
                    self.text(unit, &field("unit"), "the unit");
                }
                IndicatorKind::Number {
                    unit: ind.unit.clone(),
                    baseline,
                    target,
                }
            }
            K::Date => {
                let mut get = |name: &str, v: Option<u32>| {
                    v.unwrap_or_else(|| {
                        self.error(
                            "missing-field",
                            ptr,
                            format!("a date indicator needs `{name}`"),
                        );
                        0
                    })
                };
                let fresh_days = get("fresh_days", ind.fresh_days);
                let stale_days = get("stale_days", ind.stale_days);
                if ind.fresh_days.is_some() && ind.stale_days.is_some() && fresh_days >= stale_days
                {
                    self.error(
                        "fresh-stale",
                        &field("stale_days"),
                        format!("`fresh_days` ({fresh_days}) must be less than `stale_days` ({stale_days})"),
                    );
                }
                IndicatorKind::Date {
                    fresh_days,
                    stale_days,
                }
            }
        };

        let mut phases = Vec::new();
        for (n, phase) in ind.phases.iter().enumerate() {
            if phases.contains(phase) {
                self.error(
                    "duplicate-phase",
                    &pointer_push(&field("phases"), n),
                    format!("phase `{}` is listed twice", phase.as_str()),
                );
            } else {
                phases.push(*phase);
            }
        }
        for (n, r) in ind.refs.iter().enumerate() {
            self.reference(r, &pointer_push(&field("refs"), n), sources, clause_ids);
        }
        for (n, e) in ind.evidence.iter().enumerate() {
            self.text(e, &pointer_push(&field("evidence"), n), "an evidence item");
        }
        self.context = outer;
        Indicator {
            id: ind.id.clone(),
            text: ind.text.clone(),
            title: ind.title.clone().unwrap_or_else(|| ind.text.clone()),
            kind: checked_kind,
            weight: ind.weight,
            critical: ind.critical,
            phases,
            refs: ind.refs.clone(),
            recommendation: ind.recommendation.clone(),
            help: ind.help.clone(),
            level_descriptors: ind
                .levels
                .iter()
                .flat_map(|levels| levels.iter().map(|(k, v)| (k.0, v.clone())))
                .collect(),
            evidence: ind.evidence.clone(),
            basis: ind.basis.clone(),
        }
    }

    fn reference(
        &mut self,
        r: &str,
        ptr: &str,
        sources: &[raw::Source],
        clause_ids: &HashMap<String, Option<HashSet<String>>>,
    ) {
        let source_id = r.split('.').next().unwrap_or("");
        match clause_ids.get(source_id) {
            None => {
                let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
                self.error(
                    "unknown-source",
                    ptr,
                    format!(
                        "ref `{r}` does not start with a declared source id [{}]",
                        known.join(", ")
                    ),
                );
            }
            Some(Some(clauses)) if !clauses.contains(r) => {
                self.error_with_suggestion(
                    "unknown-clause",
                    ptr,
                    format!("ref `{r}` names no clause of source `{source_id}`"),
                    r,
                    clauses.iter().map(String::as_str),
                );
            }
            Some(_) => {}
        }
    }
}
