//! Scoring, exactly as DESIGN.md "Scoring (normative)" says.
//!
//! Everything here is a pure function of a checked profile and a checked assessment: no
//! clock (dates are aged against the assessment's `as_of`), no I/O, no randomness, and no
//! dependence on the order of answers in the file.

use crate::model::{
    Assessment, Cap, CapLimit, Domain, Indicator, IndicatorKind, MissingPolicy, Phase, Profile,
    ProfileKey, Response, Value,
};
use serde::Serialize;

/// The result of scoring one assessment: the JSON of `tradeready score --format json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScoreReport {
    /// The profile scored against.
    pub profile: ProfileKey,
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
    /// Every cap that fired, in profile order.
    pub caps: Vec<FiredCap>,
}

/// Why a cap fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CapReason {
    /// Its indicator is counted and scores strictly below the cap's `below`.
    Below,
    /// Its indicator is not answered (whatever the `missing` policy).
    Missing,
}

/// What a fired cap limits.
#[derive(Clone, Debug, PartialEq)]
pub enum CapScope {
    /// A domain's score (by id).
    Domain(String),
    /// The overall score.
    Overall,
}

/// A cap that fired: one entry of `caps` in `tradeready score --format json`, written
/// `{"if": ID, "domain": ID, "max": M, "reason": R, "lowered": B}` or with `"overall": true`
/// in place of `"domain"`.
#[derive(Clone, Debug, PartialEq)]
pub struct FiredCap {
    /// The indicator the cap is on (`if`).
    pub indicator: String,
    /// What it limits.
    pub scope: CapScope,
    /// The maximum, 0-100.
    pub max: f64,
    /// The cap's threshold in [0, 1], for text that says why it fired (not in the JSON,
    /// whose fields are DESIGN.md's).
    pub below: f64,
    /// Why it fired.
    pub reason: CapReason,
    /// Whether the score it caps was strictly above `max` before caps of its kind (a
    /// domain's score before domain caps; the overall from the capped domain scores, before
    /// overall caps), judged for this cap on its own; false when that score is null.
    pub lowered: bool,
}

impl Serialize for FiredCap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("if", &self.indicator)?;
        match &self.scope {
            CapScope::Domain(domain) => map.serialize_entry("domain", domain)?,
            CapScope::Overall => map.serialize_entry("overall", &true)?,
        }
        map.serialize_entry("max", &self.max)?;
        map.serialize_entry("reason", &self.reason)?;
        map.serialize_entry("lowered", &self.lowered)?;
        map.end()
    }
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
    /// The phase (written `"id": "prepare"` in the JSON).
    #[serde(rename = "id")]
    pub phase: Phase,
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
    let Overall {
        domains: domain_scores,
        capped,
        overall,
        overall_capped,
        caps,
    } = overall_with(profile, &per_domain, &unit);

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
                phase,
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
            let score = overall_with(profile, &per_domain, &m).overall;
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
        profile: profile.key(),
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
        caps,
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

/// Domain scores and the overall, computed once with some weight multipliers.
struct Overall {
    /// Domain scores after domain caps, in profile order.
    domains: Vec<Option<f64>>,
    /// Which domains a cap lowered.
    capped: Vec<bool>,
    /// The overall after overall caps.
    overall: Option<f64>,
    /// Whether an overall cap lowered it.
    overall_capped: bool,
    /// Every cap that fired, in profile order.
    caps: Vec<FiredCap>,
}

/// Why a cap fires, or None when it does not: its indicator is missing (counted at 0 or
/// not), or counted and strictly below `below`. Not applicable never fires (validation
/// forbids it on a capped indicator).
fn fires(cap: &Cap, per_domain: &[Vec<Counted>]) -> Option<CapReason> {
    let c = per_domain
        .iter()
        .flatten()
        .find(|c| c.indicator.id == cap.indicator)?;
    match (c.status, c.score) {
        (Status::Missing, _) => Some(CapReason::Missing),
        (Status::Answered, Some(s)) if s < cap.below => Some(CapReason::Below),
        _ => None,
    }
}

/// Domain scores, the overall and the caps that fired, with every domain and indicator
/// weight multiplied by `multiplier(id)`. Whether a cap fires depends on its indicator's
/// own score only, never on the multipliers.
fn overall_with(
    profile: &Profile,
    per_domain: &[Vec<Counted>],
    multiplier: &dyn Fn(&str) -> f64,
) -> Overall {
    let before: Vec<Option<f64>> = per_domain
        .iter()
        .map(|cs| {
            weighted_mean(cs.iter().filter_map(|c| {
                c.score
                    .map(|s| (c.indicator.weight * multiplier(&c.indicator.id), s))
            }))
            .map(|m| 100.0 * m)
        })
        .collect();
    let fired: Vec<(&Cap, CapReason)> = profile
        .caps
        .iter()
        .filter_map(|cap| fires(cap, per_domain).map(|reason| (cap, reason)))
        .collect();

    // Domain caps, each judged against the domain's score before domain caps.
    let mut scores = before.clone();
    let mut capped = vec![false; scores.len()];
    let mut domain_lowered = Vec::with_capacity(fired.len());
    for (cap, _) in &fired {
        let CapLimit::Domain { domain, max } = &cap.limit else {
            domain_lowered.push(false);
            continue;
        };
        let index = profile
            .domains
            .iter()
            .position(|d: &Domain| &d.id == domain);
        let lowered = index
            .and_then(|d| before[d])
            .is_some_and(|score| score > *max);
        if let Some(d) = index
            && lowered
        {
            scores[d] = scores[d].map(|s| s.min(*max));
            capped[d] = true;
        }
        domain_lowered.push(lowered);
    }

    // Overall caps, each judged against the overall from the capped domain scores.
    let before_overall = weighted_mean(
        profile
            .domains
            .iter()
            .zip(&scores)
            .filter_map(|(d, s)| s.map(|s| (d.weight * multiplier(&d.id), s))),
    );
    let mut overall = before_overall;
    let mut overall_capped = false;
    let mut caps = Vec::with_capacity(fired.len());
    for ((cap, reason), domain_lowered) in fired.into_iter().zip(domain_lowered) {
        let (scope, max, lowered) = match &cap.limit {
            CapLimit::Domain { domain, max } => {
                (CapScope::Domain(domain.clone()), *max, domain_lowered)
            }
            CapLimit::Overall(max) => {
                let lowered = before_overall.is_some_and(|o| o > *max);
                if lowered {
                    overall = overall.map(|o| o.min(*max));
                    overall_capped = true;
                }
                (CapScope::Overall, *max, lowered)
            }
        };
        caps.push(FiredCap {
            indicator: cap.indicator.clone(),
            scope,
            max,
            below: cap.below,
            reason,
            lowered,
        });
    }
    Overall {
        domains: scores,
        capped,
        overall,
        overall_capped,
        caps,
    }
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
    // Priorities are compared rounded to 9 decimal places (half away from zero), so that
    // two equal in exact arithmetic keep profile order whatever the float rounding. Only the
    // sort key is rounded; the priority reported keeps the full f64.
    let key = |g: &Gap| (g.priority * 1e9).round();
    gaps.sort_by(|(oa, a), (ob, b)| key(b).total_cmp(&key(a)).then(oa.cmp(ob)));
    gaps.into_iter().map(|(_, g)| g).collect()
}
