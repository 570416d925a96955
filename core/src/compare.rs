//! One administration across review cycles, exactly as DESIGN.md "Across cycles" says:
//! the change of the overall, each domain, each phase and each indicator from the first
//! cycle to the last, what migration left unmatched, and what became of the first cycle's
//! actions. Every cycle is scored under one profile (the caller migrates them first, see
//! [`crate::load::Catalogue::migrate_to`]).

use crate::diag::Diagnostic;
use crate::load::MigratedFile;
use crate::score::{IndicatorScore, ScoreReport};
use serde::Serialize;
use std::collections::BTreeSet;

/// A score moves when it changes by more than this (DESIGN.md).
pub const MOVED: f64 = 0.001;

/// The JSON of `tradeready compare --format json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// Cycle labels in `as_of` order.
    pub cycles: Vec<String>,
    /// The overall, first cycle to last.
    pub overall: Change,
    /// Each domain, in profile order.
    pub domains: Vec<IdChange>,
    /// Each phase, in the order of the scores.
    pub phases: Vec<IdChange>,
    /// Each indicator, in profile order.
    pub indicators: Vec<IndicatorChange>,
    /// Ids migration dropped or lost, then ids no earlier answer reaches.
    pub unmatched: Vec<Unmatched>,
    /// Each action of the first cycle, in profile order.
    pub actions: Vec<ActionFollowed>,
    /// With more than two cycles: every cycle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub series: Option<Vec<SeriesPoint>>,
}

/// A score from the first cycle to the last.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// In the first cycle.
    pub from: Option<f64>,
    /// In the last cycle.
    pub to: Option<f64>,
    /// to − from; null when either is null.
    pub change: Option<f64>,
}

impl Change {
    fn new(from: Option<f64>, to: Option<f64>) -> Self {
        let change = from.zip(to).map(|(f, t)| t - f);
        Change { from, to, change }
    }
}

/// The change of a domain or a phase.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IdChange {
    /// Its id.
    pub id: String,
    /// The change.
    #[serde(flatten)]
    pub change: Change,
}

/// How an indicator moved.
#[allow(missing_docs)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Improved,
    Regressed,
    Unchanged,
    New,
    Dropped,
    None,
}

/// The change of an indicator.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorChange {
    /// Its id.
    pub id: String,
    /// The change of its counted score.
    #[serde(flatten)]
    pub change: Change,
    /// How it moved.
    pub trend: Trend,
}

/// An id one side of the comparison has and the other not.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmatched {
    /// The id.
    pub id: String,
    /// `earlier` or `later`.
    pub only_in: &'static str,
}

/// What became of one action of the first cycle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionFollowed {
    /// Indicator id.
    pub id: String,
    /// Its status in the first cycle.
    pub from: &'static str,
    /// Its status in the last cycle; null when the last cycle does not list it.
    pub to: Option<&'static str>,
    /// The trend of its indicator.
    pub trend: Trend,
}

/// One cycle of the series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// Cycle label.
    pub cycle: String,
    /// Reference date.
    pub as_of: String,
    /// The version the cycle answered.
    pub profile_version: String,
    /// The compatibility of its migration (1 when none).
    pub compatibility: f64,
    /// Overall score.
    pub overall: Option<f64>,
    /// Domain scores.
    pub domains: Vec<DomainPoint>,
}

/// A domain's score in one cycle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DomainPoint {
    /// Domain id.
    pub id: String,
    /// Score.
    pub score: Option<f64>,
}

/// Compares cycles already carried to one profile version (in the order given; they are
/// put in `as_of` order here, equal dates keeping that order). The error says why the
/// files are not cycles of one administration and one profile.
pub fn compare(cycles: &[MigratedFile]) -> Result<Comparison, Diagnostic> {
    if cycles.len() < 2 {
        return Err(Diagnostic::error(
            "compare-one",
            "",
            "compare needs at least two assessments",
        ));
    }
    let first = &cycles[0];
    for c in cycles {
        if c.scored.profile.id != first.scored.profile.id
            || c.scored.profile.version != first.scored.profile.version
        {
            return Err(Diagnostic::error(
                "compare-profiles",
                "/profile",
                format!(
                    "the cycles answer different profiles ({} and {}); compare takes cycles of one profile",
                    first.scored.profile.id, c.scored.profile.id
                ),
            ));
        }
        if !first.who().is(c.who()) {
            return Err(Diagnostic::error(
                "compare-administrations",
                "/administration",
                format!(
                    "the cycles are of different administrations ({} and {}); compare takes cycles of one administration",
                    first.raw.administration.name, c.raw.administration.name
                ),
            ));
        }
    }
    let mut ordered: Vec<&MigratedFile> = cycles.iter().collect();
    ordered.sort_by_key(|c| c.scored.assessment.as_of);
    let (earliest, latest) = (ordered[0], ordered[ordered.len() - 1]);
    let (a, b) = (&earliest.scored.scores, &latest.scored.scores);
    let profile = &latest.scored.profile;

    let domains = a
        .domains
        .iter()
        .zip(&b.domains)
        .map(|(x, y)| IdChange {
            id: x.id.clone(),
            change: Change::new(x.score, y.score),
        })
        .collect();
    let phases = a
        .phases
        .iter()
        .zip(&b.phases)
        .map(|(x, y)| IdChange {
            id: x.phase.as_str().to_owned(),
            change: Change::new(x.score, y.score),
        })
        .collect();
    let indicators: Vec<IndicatorChange> = a
        .indicators
        .iter()
        .zip(&b.indicators)
        .map(|(x, y)| indicator_change(x, y))
        .collect();

    // Earlier ids that any migration dropped or lost, then the newest version's ids that
    // no answer of any migrated cycle reaches.
    let migrated: Vec<&MigratedFile> = ordered
        .iter()
        .copied()
        .filter(|c| c.report.from != c.report.to)
        .collect();
    let mut unmatched: Vec<Unmatched> = migrated
        .iter()
        .flat_map(|c| {
            c.report
                .dropped
                .iter()
                .map(|d| d.id.clone())
                .chain(c.report.lost.iter().cloned())
        })
        .collect::<BTreeSet<String>>()
        .into_iter()
        .map(|id| Unmatched {
            id,
            only_in: "earlier",
        })
        .collect();
    if !migrated.is_empty() {
        for (_, ind) in profile.indicators() {
            if migrated.iter().all(|c| c.report.new.contains(&ind.id)) {
                unmatched.push(Unmatched {
                    id: ind.id.clone(),
                    only_in: "later",
                });
            }
        }
    }

    let trend_of = |id: &str| {
        indicators
            .iter()
            .find(|i| i.id == id)
            .map_or(Trend::None, |i| i.trend)
    };
    let actions = profile
        .indicators()
        .filter_map(|(_, ind)| {
            let action = earliest.scored.assessment.actions.get(&ind.id)?;
            Some(ActionFollowed {
                id: ind.id.clone(),
                from: action.status.as_str(),
                to: latest
                    .scored
                    .assessment
                    .actions
                    .get(&ind.id)
                    .map(|a| a.status.as_str()),
                trend: trend_of(&ind.id),
            })
        })
        .collect();

    let series = (ordered.len() > 2).then(|| {
        ordered
            .iter()
            .map(|c| SeriesPoint {
                cycle: c.scored.scores.cycle.clone(),
                as_of: c.scored.scores.as_of.clone(),
                profile_version: c.answered.clone(),
                compatibility: c.report.compatibility,
                overall: c.scored.scores.overall,
                domains: c
                    .scored
                    .scores
                    .domains
                    .iter()
                    .map(|d| DomainPoint {
                        id: d.id.clone(),
                        score: d.score,
                    })
                    .collect(),
            })
            .collect()
    });

    Ok(Comparison {
        cycles: ordered
            .iter()
            .map(|c| c.scored.scores.cycle.clone())
            .collect(),
        overall: Change::new(a.overall, b.overall),
        domains,
        phases,
        indicators,
        unmatched,
        actions,
        series,
    })
}

fn indicator_change(x: &IndicatorScore, y: &IndicatorScore) -> IndicatorChange {
    let change = Change::new(x.score, y.score);
    let trend = match (x.score, y.score) {
        (Some(f), Some(t)) if t - f > MOVED => Trend::Improved,
        (Some(f), Some(t)) if f - t > MOVED => Trend::Regressed,
        (Some(_), Some(_)) => Trend::Unchanged,
        (None, Some(_)) => Trend::New,
        (Some(_), None) => Trend::Dropped,
        (None, None) => Trend::None,
    };
    IndicatorChange {
        id: x.id.clone(),
        change,
        trend,
    }
}

/// The text of `tradeready compare`: a short page of a progress report.
pub fn render_text(comparison: &Comparison, latest: &ScoreReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let one = |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{:.1}", round1(v)));
    let signed = |v: Option<f64>| {
        v.map_or("—".to_owned(), |v| {
            let r = round1(v);
            if r > 0.0 {
                format!("+{r:.1}")
            } else {
                format!("{r:.1}")
            }
        })
    };
    let _ = writeln!(
        out,
        "{}: {}",
        latest.administration,
        comparison.cycles.join(" → ")
    );
    let o = &comparison.overall;
    let _ = writeln!(
        out,
        "Overall: {} → {} ({})",
        one(o.from),
        one(o.to),
        signed(o.change)
    );
    let _ = writeln!(out, "\nDomains");
    for d in &comparison.domains {
        let _ = writeln!(
            out,
            "  {}: {} → {} ({})",
            d.id,
            one(d.change.from),
            one(d.change.to),
            signed(d.change.change)
        );
    }
    let pct =
        |v: Option<f64>| v.map_or("—".to_owned(), |v| format!("{:.0} %", round0(v * 100.0)));
    for (title, trend) in [
        ("Improved", Trend::Improved),
        ("Regressed", Trend::Regressed),
        ("New", Trend::New),
        ("No longer counted", Trend::Dropped),
    ] {
        let mut listed: Vec<&IndicatorChange> = comparison
            .indicators
            .iter()
            .filter(|i| i.trend == trend)
            .collect();
        if listed.is_empty() {
            continue;
        }
        // Largest moves first; equal moves keep profile order.
        listed.sort_by(|p, q| {
            let (p, q) = (
                p.change.change.unwrap_or(0.0),
                q.change.change.unwrap_or(0.0),
            );
            q.abs().total_cmp(&p.abs())
        });
        let _ = writeln!(out, "\n{title}");
        for i in listed {
            let _ = writeln!(
                out,
                "  {}: {} → {}",
                i.id,
                pct(i.change.from),
                pct(i.change.to)
            );
        }
    }
    if !comparison.unmatched.is_empty() {
        let _ = writeln!(out, "\nNot matched across versions");
        for u in &comparison.unmatched {
            let _ = writeln!(out, "  {} (only in the {} cycles)", u.id, u.only_in);
        }
    }
    if !comparison.actions.is_empty() {
        let _ = writeln!(out, "\nActions of the first cycle");
        for a in &comparison.actions {
            let trend = match a.trend {
                Trend::Improved => "improved",
                Trend::Regressed => "regressed",
                Trend::Unchanged => "unchanged",
                Trend::New => "new",
                Trend::Dropped => "no longer counted",
                Trend::None => "not counted",
            };
            let _ = writeln!(
                out,
                "  {}: {} → {} (indicator {trend})",
                a.id,
                a.from,
                a.to.unwrap_or("not listed")
            );
        }
    }
    out
}

/// Rounded half away from zero to one decimal.
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

fn round0(v: f64) -> f64 {
    v.round()
}
