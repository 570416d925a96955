//! Scoring, exactly as DESIGN.md "Scoring (normative)" says.
//!
//! Everything here is a pure function of a checked profile and a checked assessment: no
//! clock (dates are aged against the assessment's `as_of`), no I/O, no randomness, and no
//! dependence on the order of answers in the file.

use crate::model::{
    Assessment, CapLimit, Domain, Indicator, IndicatorKind, MissingPolicy, Phase, Profile,
    Response, Value,
};
use serde::Serialize;

/// The result of scoring one assessment: the JSON of `tradeready score --format json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreReport {
    /// The profile scored against.
    pub profile: ProfileRef,
    /// The administration assessed.
    pub administration: String,
    /// Review cycle label.
    pub cycle: String,
    /// Reference date, YYYY-MM-DD.
    pub as_of: String,
    /// Overall score 0-100 after caps; null when no domain has a score.
    pub overall: Option<f64>,
    /// Band of the overall score.
    pub band: Option<String>,
    /// Whether an overall cap lowered the overall score.
    pub overall_capped: bool,
    /// Domain scores in profile order.
    pub domains: Vec<DomainScore>,
    /// Phase readiness, in the order prepare, respond, repair, reconstitute, resume, review.
    pub phases: Vec<PhaseScore>,
    /// Scenario readiness in profile order.
    pub scenarios: Vec<ScenarioScore>,
    /// (answered + not applicable) / all indicators.
    pub completeness: f64,
    /// Answered indicators with evidence / answered indicators.
    pub evidence_coverage: f64,
    /// How many indicators are answered, not applicable and missing.
    pub counts: Counts,
    /// Every indicator in profile order.
    pub indicators: Vec<IndicatorScore>,
    /// The action plan: gaps by priority, highest first.
    pub gaps: Vec<Gap>,
}

/// Profile id and version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProfileRef {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
}

/// A domain's score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DomainScore {
    /// Domain id.
    pub id: String,
    /// 0-100 after caps; null when no indicator counts.
    pub score: Option<f64>,
    /// Band of the score.
    pub band: Option<String>,
    /// Whether a cap lowered the score.
    pub capped: bool,
}

/// Readiness for one phase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PhaseScore {
    /// Phase name.
    pub id: &'static str,
    /// 0-100; null when no indicator tagged with the phase counts.
    pub score: Option<f64>,
}

/// Readiness under one scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScenarioScore {
    /// Scenario id.
    pub id: String,
    /// 0-100; null when no domain has a score.
    pub score: Option<f64>,
    /// Band of the score.
    pub band: Option<String>,
}

/// Indicator counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counts {
    /// All indicators of the profile.
    pub indicators: usize,
    /// Answered with a value.
    pub answered: usize,
    /// Not applicable.
    pub not_applicable: usize,
    /// Not answered.
    pub missing: usize,
}

/// How an indicator stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A value was given.
    Answered,
    /// No answer.
    Missing,
    /// Not applicable.
    Na,
}

/// One indicator's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// Indicator id.
    pub id: String,
    /// Its domain.
    pub domain: String,
    /// answered, missing or na.
    pub status: Status,
    /// Score in [0, 1] when counted (a missing one counts 0 under `missing: zero`), else null.
    pub score: Option<f64>,
}

/// One entry of the action plan.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Gap {
    /// Indicator id.
    pub id: String,
    /// Its domain.
    pub domain: String,
    /// Current score in [0, 1].
    pub score: f64,
    /// Target score in [0, 1].
    pub target: f64,
    /// target − score.
    pub gap: f64,
    /// 0-100: the gap weighted by indicator and domain weight, doubled when critical,
    /// relative to the heaviest indicator of the profile.
    pub priority: f64,
    /// Whether the indicator is critical.
    pub critical: bool,
}

/// The score of one answer value for its indicator, in [0, 1].
pub fn indicator_score(kind: &IndicatorKind, value: &Value, as_of: time::Date) -> f64 {
    match (kind, value) {
        (IndicatorKind::Scale { levels, .. }, Value::Level(v)) => levels
            .iter()
            .find(|l| l.value == *v)
            .map_or(0.0, |l| l.score),
        (IndicatorKind::Boolean, Value::Bool(b)) => f64::from(u8::from(*b)),
        (IndicatorKind::Ratio { points }, Value::Ratio(x)) => interpolate(points, *x),
        (
            IndicatorKind::Number {
                baseline, target, ..
            },
            Value::Number(v),
        ) => ((v - baseline) / (target - baseline)).clamp(0.0, 1.0),
        (
            IndicatorKind::Date {
                fresh_days,
                stale_days,
            },
            Value::Date(date),
        ) => {
            let age = (as_of - *date).whole_days() as f64;
            let (fresh, stale) = (f64::from(*fresh_days), f64::from(*stale_days));
            if age <= fresh {
                1.0
            } else if age >= stale {
                0.0
            } else {
                (stale - age) / (stale - fresh)
            }
        }
        // Lowering guarantees that values fit their indicator.
        _ => 0.0,
    }
}

/// Piecewise-linear interpolation through points sorted by x, clamped to the end points'
/// scores outside them.
pub fn interpolate(points: &[(f64, f64)], x: f64) -> f64 {
    let (Some(&(x0, y0)), Some(&(xn, yn))) = (points.first(), points.last()) else {
        return 0.0;
    };
    if x <= x0 {
        return y0;
    }
    if x >= xn {
        return yn;
    }
    for pair in points.windows(2) {
        let ((xa, ya), (xb, yb)) = (pair[0], pair[1]);
        if x <= xb {
            return ya + (yb - ya) * (x - xa) / (xb - xa);
        }
    }
    yn
}

/// What scoring needs to know of one indicator.
struct Counted<'a> {
    indicator: &'a Indicator,
    status: Status,
    /// The score when the indicator is counted.
    score: Option<f64>,
}

/// Scores an assessment against its profile.
pub fn score(profile: &Profile, assessment: &Assessment) -> ScoreReport {
    let per_domain: Vec<Vec<Counted>> = profile
        .domains
        .iter()
        .map(|d| {
            d.indicators
                .iter()
                .map(|i| counted(profile, assessment, i))
                .collect()
        })
        .collect();

    let unit = |_: &str| 1.0;
    let (domain_scores, capped, overall, overall_capped) =
        overall_with(profile, &per_domain, &unit);

    let domains = profile
        .domains
        .iter()
        .zip(&domain_scores)
        .zip(&capped)
        .map(|((d, &score), &capped)| DomainScore {
            id: d.id.clone(),
            score,
            band: score.and_then(|s| profile.band(s)).map(str::to_owned),
            capped,
        })
        .collect();

    let phases = Phase::ALL
        .iter()
        .filter(|p| profile.indicators().any(|(_, i)| i.phases.contains(p)))
        .map(|&phase| {
            let tagged = per_domain
                .iter()
                .flatten()
                .filter(|c| c.indicator.phases.contains(&phase));
            PhaseScore {
                id: phase.as_str(),
                score: weighted_mean(
                    tagged.filter_map(|c| c.score.map(|s| (c.indicator.weight, s))),
                )
                .map(|m| 100.0 * m),
            }
        })
        .collect();

    let scenarios = profile
        .scenarios
        .iter()
        .map(|scenario| {
            let m = |id: &str| scenario.multiplier(id);
            let (_, _, score, _) = overall_with(profile, &per_domain, &m);
            ScenarioScore {
                id: scenario.id.clone(),
                score,
                band: score.and_then(|s| profile.band(s)).map(str::to_owned),
            }
        })
        .collect();

    let all: Vec<&Counted> = per_domain.iter().flatten().collect();
    let answered = all.iter().filter(|c| c.status == Status::Answered).count();
    let not_applicable = all.iter().filter(|c| c.status == Status::Na).count();
    let with_evidence = all
        .iter()
        .filter(|c| c.status == Status::Answered)
        .filter(|c| {
            assessment
                .answers
                .get(&c.indicator.id)
                .is_some_and(|a| !a.evidence.is_empty())
        })
        .count();
    let total = all.len();

    let indicators = profile
        .domains
        .iter()
        .zip(&per_domain)
        .flat_map(|(d, cs)| {
            cs.iter().map(move |c| IndicatorScore {
                id: c.indicator.id.clone(),
                domain: d.id.clone(),
                status: c.status,
                score: c.score,
            })
        })
        .collect();

    ScoreReport {
        profile: ProfileRef {
            id: profile.id.clone(),
            version: profile.version.to_string(),
        },
        administration: assessment.administration.clone(),
        cycle: assessment.cycle.clone(),
        as_of: crate::format_date(assessment.as_of),
        overall,
        band: overall.and_then(|s| profile.band(s)).map(str::to_owned),
        overall_capped,
        domains,
        phases,
        scenarios,
        completeness: ratio(answered + not_applicable, total),
        evidence_coverage: ratio(with_evidence, answered),
        counts: Counts {
            indicators: total,
            answered,
            not_applicable,
            missing: total - answered - not_applicable,
        },
        indicators,
        gaps: gaps(profile, assessment, &per_domain),
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

fn counted<'a>(
    profile: &Profile,
    assessment: &Assessment,
    indicator: &'a Indicator,
) -> Counted<'a> {
    match assessment.answers.get(&indicator.id).map(|a| &a.response) {
        Some(Response::Value(v)) => Counted {
            indicator,
            status: Status::Answered,
            score: Some(indicator_score(&indicator.kind, v, assessment.as_of)),
        },
        Some(Response::NotApplicable(_)) => Counted {
            indicator,
            status: Status::Na,
            score: None,
        },
        None => Counted {
            indicator,
            status: Status::Missing,
            score: (profile.missing == MissingPolicy::Zero).then_some(0.0),
        },
    }
}

/// Σ w·s / Σ w, or None when nothing counts.
fn weighted_mean(items: impl Iterator<Item = (f64, f64)>) -> Option<f64> {
    let (mut num, mut den) = (0.0, 0.0);
    for (w, s) in items {
        num += w * s;
        den += w;
    }
    (den > 0.0).then(|| num / den)
}

/// Domain scores (after caps), which domains a cap lowered, the overall after overall caps
/// and whether one lowered it, with every domain and indicator weight multiplied by
/// `multiplier(id)`.
fn overall_with(
    profile: &Profile,
    per_domain: &[Vec<Counted>],
    multiplier: &dyn Fn(&str) -> f64,
) -> (Vec<Option<f64>>, Vec<bool>, Option<f64>, bool) {
    let mut scores: Vec<Option<f64>> = per_domain
        .iter()
        .map(|cs| {
            weighted_mean(cs.iter().filter_map(|c| {
                c.score
                    .map(|s| (c.indicator.weight * multiplier(&c.indicator.id), s))
            }))
            .map(|m| 100.0 * m)
        })
        .collect();
    let mut capped = vec![false; scores.len()];
    let mut overall_max: Option<f64> = None;
    for cap in &profile.caps {
        let fired = per_domain
            .iter()
            .flatten()
            .find(|c| c.indicator.id == cap.indicator)
            .and_then(|c| c.score)
            .is_some_and(|s| s < cap.below);
        if !fired {
            continue;
        }
        match &cap.limit {
            CapLimit::Domain { domain, max } => {
                if let Some(d) = profile
                    .domains
                    .iter()
                    .position(|d: &Domain| &d.id == domain)
                    && let Some(score) = scores[d]
                    && score > *max
                {
                    scores[d] = Some(*max);
                    capped[d] = true;
                }
            }
            CapLimit::Overall(max) => {
                overall_max = Some(overall_max.map_or(*max, |m: f64| m.min(*max)));
            }
        }
    }
    let mut overall = weighted_mean(
        profile
            .domains
            .iter()
            .zip(&scores)
            .filter_map(|(d, s)| s.map(|s| (d.weight * multiplier(&d.id), s))),
    );
    let mut overall_capped = false;
    if let (Some(o), Some(max)) = (overall, overall_max)
        && o > max
    {
        overall = Some(max);
        overall_capped = true;
    }
    (scores, capped, overall, overall_capped)
}

fn gaps(profile: &Profile, assessment: &Assessment, per_domain: &[Vec<Counted>]) -> Vec<Gap> {
    let heaviest = profile
        .indicators()
        .map(|(d, i)| i.weight * d.weight * 2.0)
        .fold(0.0, f64::max);
    let mut gaps: Vec<(usize, Gap)> = Vec::new();
    let mut order = 0;
    for (domain, counted) in profile.domains.iter().zip(per_domain) {
        for c in counted {
            order += 1;
            let Some(score) = c.score else { continue };
            let target = assessment.targets.get(&c.indicator.id).map_or(1.0, |v| {
                indicator_score(&c.indicator.kind, v, assessment.as_of)
            });
            if score < target {
                let gap = target - score;
                let critical = if c.indicator.critical { 2.0 } else { 1.0 };
                gaps.push((
                    order,
                    Gap {
                        id: c.indicator.id.clone(),
                        domain: domain.id.clone(),
                        score,
                        target,
                        gap,
                        priority: 100.0 * gap * c.indicator.weight * domain.weight * critical
                            / heaviest,
                        critical: c.indicator.critical,
                    },
                ));
            }
        }
    }
    gaps.sort_by(|(oa, a), (ob, b)| b.priority.total_cmp(&a.priority).then(oa.cmp(ob)));
    gaps.into_iter().map(|(_, g)| g).collect()
}
