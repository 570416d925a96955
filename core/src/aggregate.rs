//! Across administrations (a workshop): DESIGN.md "Across administrations", exactly.
//!
//! Several scored assessments of one profile id and version become one
//! [`AggregateReport`]: n, mean, min, median and max of the overall, of each domain (0-100)
//! and of each indicator (0-1), each over the files where it has a score; for scale
//! indicators the count of answers at each level chosen; and the matrix of administrations
//! against domains. With `anonymize`, administrations are labelled A, B, C... in the order
//! given, and no name or code appears anywhere in the result.
//!
//! The result is the JSON of `tradeready aggregate --format json`; [`render_text`] is what
//! a facilitator projects.

use crate::diag::{Diagnostic, InFile};
use crate::load::Scored;
use crate::model::{IndicatorKind, Profile, Response, Value};
use crate::report::{percent_text, score_text};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::fmt::Write;

/// n, mean, min, median, max of a set of scores; all null when n is 0.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// How many files have a score.
    pub n: usize,
    /// Arithmetic mean.
    pub mean: Option<f64>,
    /// Smallest.
    pub min: Option<f64>,
    /// Middle value; of an even n, the mean of the two middle values.
    pub median: Option<f64>,
    /// Largest.
    pub max: Option<f64>,
}

impl Stats {
    /// The statistics of `values` (any order).
    pub fn of(values: impl IntoIterator<Item = f64>) -> Stats {
        let mut v: Vec<f64> = values.into_iter().collect();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n == 0 {
            return Stats {
                n,
                mean: None,
                min: None,
                median: None,
                max: None,
            };
        }
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        Stats {
            n,
            mean: Some(v.iter().sum::<f64>() / n as f64),
            min: Some(v[0]),
            median: Some(median),
            max: Some(v[n - 1]),
        }
    }

    /// max − min, or None when n is 0.
    pub fn spread(&self) -> Option<f64> {
        Some(self.max? - self.min?)
    }
}

/// A domain's statistics over the group, 0-100.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DomainStats {
    /// Domain id.
    pub id: String,
    /// The figures.
    #[serde(flatten)]
    pub stats: Stats,
}

/// An indicator's statistics over the group, 0-1.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorStats {
    /// Indicator id.
    pub id: String,
    /// The figures.
    #[serde(flatten)]
    pub stats: Stats,
    /// For scale indicators only: how many files chose each level (levels chosen only, in
    /// scale order; not applicable answers are not counted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub levels: Option<LevelCounts>,
}

/// Answers at each level chosen, in scale order. Written as a JSON object whose keys are
/// the level as text (`{"0": 1, "3": 2}`), in that order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct LevelCounts(pub Vec<(i64, usize)>);

impl Serialize for LevelCounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (level, count) in &self.0 {
            map.serialize_entry(&level.to_string(), count)?;
        }
        map.end()
    }
}

/// One administration's row of the matrix.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AdministrationRow {
    /// Its name, or a neutral label (A, B, C...) when anonymised.
    pub label: String,
    /// Overall score, 0-100.
    pub overall: Option<f64>,
    /// Domain scores in profile order.
    pub domains: Vec<DomainCell>,
}

/// One domain score of one administration.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DomainCell {
    /// Domain id.
    pub id: String,
    /// 0-100, null when nothing counted.
    pub score: Option<f64>,
}

/// The JSON of `tradeready aggregate --format json`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AggregateReport {
    /// How many files.
    pub n: usize,
    /// The overall scores, 0-100.
    pub overall: Stats,
    /// Each domain, in profile order.
    pub domains: Vec<DomainStats>,
    /// Each indicator, in profile order.
    pub indicators: Vec<IndicatorStats>,
    /// Each administration's overall and domain scores, in the order given.
    pub administrations: Vec<AdministrationRow>,
}

/// The neutral label of the `index`-th file (0-based): A … Z, then AA, AB … as
/// spreadsheets name columns.
pub fn neutral_label(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Checks that every file answers the profile id and version of the first; the error
/// names the file that differs (its index) and points at its `/profile`.
pub fn same_profile(files: &[&Scored]) -> Result<(), InFile> {
    let Some(first) = files.first() else {
        return Ok(());
    };
    let (id, version) = (
        &first.assessment.profile_id,
        &first.assessment.profile_version,
    );
    for (i, f) in files.iter().enumerate().skip(1) {
        let a = &f.assessment;
        if &a.profile_id != id || &a.profile_version != version {
            return Err(InFile {
                file: i,
                diagnostic: Diagnostic::error(
                    "different-profile",
                    "/profile",
                    format!(
                        "this file answers {} {}, where the first file answers {id} {version}: \
                         all files must answer one profile id and version",
                        a.profile_id, a.profile_version
                    ),
                )
                .hint(same_profile_hint(
                    id,
                    version,
                    &a.profile_id,
                    &a.profile_version,
                )),
            });
        }
    }
    Ok(())
}

/// What to do about files of two profile versions: carry the earlier one's files forward to
/// the later (of one id), or keep to one profile.
fn same_profile_hint(
    id: &str,
    version: &semver::Version,
    other_id: &str,
    other_version: &semver::Version,
) -> String {
    if id != other_id {
        return "bring every file to one profile first".to_owned();
    }
    let (earlier, newer) = if version < other_version {
        (version, other_version)
    } else {
        (other_version, version)
    };
    format!(
        "carry the files of {id} {earlier} forward first: tradeready migrate FILE --to {newer} -o NEW-FILE"
    )
}

/// Aggregates scored assessments of one profile id and version. Each file counts once.
pub fn aggregate(files: &[&Scored], anonymize: bool) -> Result<AggregateReport, InFile> {
    same_profile(files)?;
    let Some(first) = files.first() else {
        return Ok(AggregateReport {
            n: 0,
            overall: Stats::of([]),
            domains: Vec::new(),
            indicators: Vec::new(),
            administrations: Vec::new(),
        });
    };
    let profile: &Profile = &first.profile;
    let overall = Stats::of(files.iter().filter_map(|f| f.scores.overall));
    let domains = profile
        .domains
        .iter()
        .enumerate()
        .map(|(d, domain)| DomainStats {
            id: domain.id.clone(),
            stats: Stats::of(files.iter().filter_map(|f| f.scores.domains[d].score)),
        })
        .collect();
    let indicators = profile
        .indicators()
        .enumerate()
        .map(|(i, (_, indicator))| {
            let stats = Stats::of(files.iter().filter_map(|f| f.scores.indicators[i].score));
            let levels = match &indicator.kind {
                IndicatorKind::Scale { levels, .. } => Some(LevelCounts(
                    levels
                        .iter()
                        .map(|l| {
                            let chosen = files
                                .iter()
                                .filter(|f| {
                                    f.assessment.answers.get(&indicator.id).is_some_and(|a| {
                                        a.response == Response::Value(Value::Level(l.value))
                                    })
                                })
                                .count();
                            (l.value, chosen)
                        })
                        .filter(|&(_, chosen)| chosen > 0)
                        .collect(),
                )),
                _ => None,
            };
            IndicatorStats {
                id: indicator.id.clone(),
                stats,
                levels,
            }
        })
        .collect();
    let administrations = files
        .iter()
        .enumerate()
        .map(|(i, f)| AdministrationRow {
            label: if anonymize {
                neutral_label(i)
            } else {
                f.assessment.administration.clone()
            },
            overall: f.scores.overall,
            domains: f
                .scores
                .domains
                .iter()
                .map(|d| DomainCell {
                    id: d.id.clone(),
                    score: d.score,
                })
                .collect(),
        })
        .collect();
    Ok(AggregateReport {
        n: files.len(),
        overall,
        domains,
        indicators,
        administrations,
    })
}

/// How many indicators the text output lists where administrations differ most.
pub const WIDEST_SPREADS: usize = 10;

/// Domains from weakest to strongest by mean across the group (domains with no score
/// last), ties in profile order. Indices into `report.domains`.
pub fn weakest_first(report: &AggregateReport) -> Vec<usize> {
    let mut order: Vec<usize> = (0..report.domains.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| report.domains[i].stats.mean.map(|m| (m * 1e9).round());
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.total_cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(a.cmp(&b))
    });
    order
}

/// The indicators where administrations differ most: those scored by at least two files
/// with a spread (max − min) above 0, widest first, ties in profile order; at most
/// `limit`. Indices into `report.indicators`.
pub fn widest_spreads(report: &AggregateReport, limit: usize) -> Vec<usize> {
    let mut order: Vec<(usize, f64)> = report
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, i)| i.stats.n >= 2)
        .filter_map(|(n, i)| i.stats.spread().map(|s| (n, s)))
        .filter(|&(_, s)| s > 1e-9)
        .collect();
    // Compared rounded to 9 places, as gap priorities are, so that spreads equal in exact
    // arithmetic keep profile order.
    order.sort_by(|(a, x), (b, y)| {
        (y * 1e9)
            .round()
            .total_cmp(&(x * 1e9).round())
            .then(a.cmp(b))
    });
    order.into_iter().take(limit).map(|(i, _)| i).collect()
}

/// The text a facilitator projects: the group's overall, its domains from weakest to
/// strongest (mean, min–max), the indicators where administrations differ most, and the
/// matrix of administrations against domains. Titles in the profile's default language.
pub fn render_text(profile: &Profile, report: &AggregateReport) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = writeln!(
        w,
        "Workshop: {} administration{}, profile {} {} ({})",
        report.n,
        if report.n == 1 { "" } else { "s" },
        profile.id,
        profile.version,
        profile.text(&profile.title)
    );
    let _ = writeln!(
        w,
        "Overall readiness: mean {}, median {}, range {}–{} (n={})",
        score_text(report.overall.mean),
        score_text(report.overall.median),
        score_text(report.overall.min),
        score_text(report.overall.max),
        report.overall.n
    );

    let _ = writeln!(
        w,
        "\nDomains, weakest first (mean across the group, min–max)"
    );
    let width = report.domains.iter().map(|d| d.id.len()).max().unwrap_or(0);
    for i in weakest_first(report) {
        let d = &report.domains[i];
        let title = profile
            .domains
            .iter()
            .find(|x| x.id == d.id)
            .map_or("", |x| profile.text(&x.title));
        let _ = writeln!(
            w,
            "  {:width$}  {:>5}  {:13}  n={:<3} {}",
            d.id,
            score_text(d.stats.mean),
            format!("({}–{})", score_text(d.stats.min), score_text(d.stats.max)),
            d.stats.n,
            title
        );
    }

    let widest = widest_spreads(report, WIDEST_SPREADS);
    let _ = writeln!(
        w,
        "\nWhere administrations differ most (spread = max − min of the indicator's score)"
    );
    if widest.is_empty() {
        let _ = writeln!(w, "  no indicator differs between administrations");
    }
    let width = widest
        .iter()
        .map(|&i| report.indicators[i].id.len())
        .max()
        .unwrap_or(0);
    for i in widest {
        let ind = &report.indicators[i];
        let pct = |v: Option<f64>| v.map_or_else(|| "n/a".to_owned(), percent_text);
        let levels = ind
            .levels
            .as_ref()
            .filter(|l| !l.0.is_empty())
            .map(|l| {
                let parts: Vec<String> = l.0.iter().map(|(lv, c)| format!("{lv}:{c}")).collect();
                format!("  levels {}", parts.join(" "))
            })
            .unwrap_or_default();
        let _ = writeln!(
            w,
            "  {:width$}  spread {:>4}  ({}–{}, mean {}, n={}){levels}",
            ind.id,
            pct(ind.stats.spread()),
            pct(ind.stats.min),
            pct(ind.stats.max),
            pct(ind.stats.mean),
            ind.stats.n,
        );
    }

    let _ = writeln!(w, "\nAdministrations × domains (0-100)");
    for (n, d) in report.domains.iter().enumerate() {
        let _ = writeln!(w, "  D{:<2} {}", n + 1, d.id);
    }
    let label_width = report
        .administrations
        .iter()
        .map(|a| a.label.chars().count())
        .chain([14])
        .max()
        .unwrap_or(14);
    let mut header = format!("  {:label_width$}  {:>7}", "administration", "overall");
    for n in 0..report.domains.len() {
        let _ = write!(header, " {:>5}", format!("D{}", n + 1));
    }
    let _ = writeln!(w, "{header}");
    for a in &report.administrations {
        let pad = label_width.saturating_sub(a.label.chars().count());
        let mut row = format!(
            "  {}{}  {:>7}",
            a.label,
            " ".repeat(pad),
            score_text(a.overall)
        );
        for d in &a.domains {
            let _ = write!(row, " {:>5}", score_text(d.score));
        }
        let _ = writeln!(w, "{row}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statistics_of_odd_even_and_empty_sets() {
        let odd = Stats::of([3.0, 1.0, 2.0]);
        assert_eq!(
            (odd.n, odd.mean, odd.min, odd.median, odd.max),
            (3, Some(2.0), Some(1.0), Some(2.0), Some(3.0))
        );
        // Even n: (2 + 3) / 2.
        let even = Stats::of([4.0, 1.0, 3.0, 2.0]);
        assert_eq!(even.median, Some(2.5));
        assert_eq!(even.mean, Some(2.5));
        assert_eq!(even.spread(), Some(3.0));
        let none = Stats::of([]);
        assert_eq!(
            (none.n, none.mean, none.min, none.median, none.max),
            (0, None, None, None, None)
        );
        assert_eq!(
            serde_json::to_string(&none).unwrap(),
            r#"{"n":0,"mean":null,"min":null,"median":null,"max":null}"#
        );
    }

    #[test]
    fn neutral_labels_run_like_spreadsheet_columns() {
        let labels: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(neutral_label)
            .collect();
        assert_eq!(labels, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn level_counts_are_an_object_in_scale_order() {
        let counts = LevelCounts(vec![(0, 1), (3, 2)]);
        assert_eq!(serde_json::to_string(&counts).unwrap(), r#"{"0":1,"3":2}"#);
    }
}
