//! The report model: everything a person reads about one scored assessment, assembled once
//! and in one language, for every renderer (the text report, the web app's Results page,
//! the charts) to lay out as it likes. A renderer chooses layout, not content: it does not
//! look indicators up in the profile again, compute bands or phrase caps itself.

use super::words::{CapWhy, Lang, Words};
use crate::chart::{Bar, BarChart, Threshold};
use crate::model::{Phase, Profile};
use crate::score::{CapReason, CapScope, ScoreReport, Status};

/// One scored assessment, ready to be read, in one language.
#[derive(Clone, Debug)]
pub struct Report {
    /// The language of the report's words and of the profile's text where it has it.
    pub lang: Lang,
    /// The administration assessed.
    pub administration: String,
    /// The review cycle.
    pub cycle: String,
    /// The reference date, YYYY-MM-DD.
    pub as_of: String,
    /// The profile's id.
    pub profile_id: String,
    /// The profile's version.
    pub profile_version: String,
    /// The profile's title.
    pub profile_title: String,
    /// The overall score.
    pub overall: Score,
    /// (answered + not applicable) / all indicators.
    pub completeness: f64,
    /// Answered indicators with evidence / answered indicators.
    pub evidence_coverage: f64,
    /// How many indicators are answered, not applicable and missing, of how many.
    pub counts: crate::score::Counts,
    /// The indicators not answered, in profile order: while there are any, the scores are
    /// provisional.
    pub unanswered: Vec<Named>,
    /// Domains in profile order.
    pub domains: Vec<Line>,
    /// Phases in phase order, each present only if some indicator is tagged with it.
    pub phases: Vec<PhaseLine>,
    /// Scenarios in profile order.
    pub scenarios: Vec<Line>,
    /// Every cap that fired, in profile order.
    pub caps: Vec<CapLine>,
    /// The action plan: gaps by priority, highest first.
    pub actions: Vec<ActionLine>,
    /// The band boundaries above 0, for charts.
    pub thresholds: Vec<Threshold>,
}

/// A score with its band.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// 0-100, or None where nothing counted.
    pub value: Option<f64>,
    /// The band's label, in the report's language.
    pub band: Option<String>,
    /// The band's position among the profile's bands (0 = lowest).
    pub band_index: Option<usize>,
    /// Whether a cap lowered the score.
    pub capped: bool,
}

/// Something named: an id and its title in the report's language.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
}

/// A domain or a scenario, with its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Score.
    pub score: Score,
}

/// A phase of trade recovery, with its readiness.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseLine {
    /// The phase.
    pub phase: Phase,
    /// Its name in the report's language.
    pub name: &'static str,
    /// Readiness (phases are never capped).
    pub score: Score,
}

/// A cap that fired.
#[derive(Clone, Debug, PartialEq)]
pub struct CapLine {
    /// The indicator the cap is on.
    pub indicator: Named,
    /// The domain it limits, or None for the overall.
    pub domain: Option<Named>,
    /// The maximum, 0-100.
    pub max: f64,
    /// The threshold in [0, 1].
    pub below: f64,
    /// Why it fired.
    pub reason: CapReason,
    /// Whether it holds a score down (the score was above `max` before caps).
    pub lowered: bool,
    /// The reason in words: "Governance is capped at 50 because Agreed activation
    /// mechanism is below 50%".
    pub sentence: String,
}

/// One entry of the action plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionLine {
    /// The indicator.
    pub indicator: Named,
    /// Its domain.
    pub domain: Named,
    /// 0-100.
    pub priority: f64,
    /// Current score in [0, 1].
    pub score: f64,
    /// Target score in [0, 1].
    pub target: f64,
    /// Whether the indicator is critical.
    pub critical: bool,
    /// What to do, in the report's language, when the profile says.
    pub recommendation: Option<String>,
    /// The clauses the indicator measures.
    pub refs: Vec<String>,
    /// The action the administration adopted for it, when it did.
    pub adopted: Option<Adopted>,
}

/// An action adopted in the assessment (DESIGN.md "The action plan adopted").
#[derive(Clone, Debug, PartialEq)]
pub struct Adopted {
    /// What will be done (the recommendation when the file does not say).
    pub what: Option<String>,
    /// Who does it.
    pub owner: Option<String>,
    /// By when, YYYY-MM-DD.
    pub due: Option<String>,
    /// planned, in-progress, done or dropped.
    pub status: String,
}

impl Adopted {
    /// The action in one line: what, owner, due date and status, labelled in `lang`.
    pub fn line(&self, lang: Lang) -> String {
        let w = lang.words();
        [
            self.what.clone(),
            self.owner
                .as_ref()
                .map(|o| format!("{}{}{o}", w.owner, w.colon)),
            self.due
                .as_ref()
                .map(|d| format!("{}{}{d}", w.due, w.colon)),
            Some(format!("{}{}{}", w.status, w.colon, self.status)),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

impl Report {
    /// Assembles the report of `scores` (the result of scoring an assessment against
    /// `profile`) in `lang`: the report's own words in that language (English when it is
    /// not one of the three), the profile's text in it where the profile has it, else in
    /// the profile's default language.
    pub fn new(profile: &Profile, scores: &ScoreReport, lang: &str) -> Report {
        let words = Lang::from_code(lang).unwrap_or_default();
        let default = profile.default_language();
        let text = |t: &crate::model::LocalizedText| t.get(lang, default).to_owned();
        let score = |value: Option<f64>, capped: bool| {
            let band_index =
                value.and_then(|v| profile.bands.iter().rposition(|b| b.min <= v + 1e-9));
            Score {
                value,
                band: band_index.map(|i| text(&profile.bands[i].label)),
                band_index,
                capped,
            }
        };
        let named = |id: &str| Named {
            id: id.to_owned(),
            title: profile
                .indicator(id)
                .map_or_else(|| id.to_owned(), |(_, i)| text(&i.title)),
        };
        let domain_named = |id: &str| Named {
            id: id.to_owned(),
            title: profile
                .domains
                .iter()
                .find(|d| d.id == id)
                .map_or_else(|| id.to_owned(), |d| text(&d.title)),
        };

        let domains = scores
            .domains
            .iter()
            .zip(&profile.domains)
            .map(|(d, domain)| Line {
                id: d.id.clone(),
                title: text(&domain.title),
                score: score(d.score, d.capped),
            })
            .collect();
        let phases = scores
            .phases
            .iter()
            .map(|p| PhaseLine {
                phase: p.phase,
                name: words.phase(p.phase),
                score: score(p.score, false),
            })
            .collect();
        let scenarios = scores
            .scenarios
            .iter()
            .zip(&profile.scenarios)
            .map(|(s, scenario)| Line {
                id: s.id.clone(),
                title: text(&scenario.title),
                score: score(s.score, false),
            })
            .collect();
        let caps = scores
            .caps
            .iter()
            .map(|c| {
                let indicator = named(&c.indicator);
                let domain = match &c.scope {
                    CapScope::Domain(d) => Some(domain_named(d)),
                    CapScope::Overall => None,
                };
                let why = match c.reason {
                    CapReason::Missing => CapWhy::Missing,
                    CapReason::Below => CapWhy::Below(words.percent(c.below)),
                };
                let scope = domain
                    .as_ref()
                    .map_or(words.words().overall_scope, |d| d.title.as_str());
                CapLine {
                    sentence: words.cap_sentence(scope, &words.max(c.max), &indicator.title, &why),
                    indicator,
                    domain,
                    max: c.max,
                    below: c.below,
                    reason: c.reason,
                    lowered: c.lowered,
                }
            })
            .collect();
        let actions = scores
            .gaps
            .iter()
            .filter_map(|g| {
                let (domain, indicator) = profile.indicator(&g.id)?;
                Some(ActionLine {
                    indicator: Named {
                        id: g.id.clone(),
                        title: text(&indicator.title),
                    },
                    domain: Named {
                        id: domain.id.clone(),
                        title: text(&domain.title),
                    },
                    priority: g.priority,
                    score: g.score,
                    target: g.target,
                    critical: g.critical,
                    recommendation: indicator.recommendation.as_ref().map(text),
                    refs: indicator.refs.clone(),
                    adopted: None,
                })
            })
            .collect();
        let unanswered = scores
            .indicators
            .iter()
            .filter(|i| i.status == Status::Missing)
            .map(|i| named(&i.id))
            .collect();
        Report {
            lang: words,
            administration: scores.administration.clone(),
            cycle: scores.cycle.clone(),
            as_of: scores.as_of.clone(),
            profile_id: scores.profile.id.clone(),
            profile_version: scores.profile.version.clone(),
            profile_title: text(&profile.title),
            overall: score(scores.overall, scores.overall_capped),
            completeness: scores.completeness,
            evidence_coverage: scores.evidence_coverage,
            counts: scores.counts.clone(),
            unanswered,
            domains,
            phases,
            scenarios,
            caps,
            actions,
            thresholds: profile
                .bands
                .iter()
                .filter(|b| b.min > 0.0)
                .map(|b| Threshold {
                    value: b.min,
                    label: text(&b.label),
                })
                .collect(),
        }
    }

    /// The same report with the actions the assessment adopted set beside their gaps
    /// (DESIGN.md "The action plan adopted"); an action without `do` reads as the gap's
    /// recommendation.
    pub fn with_actions(
        mut self,
        actions: &std::collections::BTreeMap<String, crate::model::Action>,
    ) -> Report {
        for line in &mut self.actions {
            if let Some(a) = actions.get(&line.indicator.id) {
                line.adopted = Some(Adopted {
                    what: a.what.clone().or_else(|| line.recommendation.clone()),
                    owner: a.owner.clone(),
                    due: a.due.map(crate::format_date),
                    status: a.status.as_str().to_owned(),
                });
            }
        }
        self
    }

    /// The report's fixed words.
    pub fn words(&self) -> &'static Words {
        self.lang.words()
    }

    /// Whether the scores are provisional: some indicator is not answered.
    pub fn provisional(&self) -> bool {
        !self.unanswered.is_empty()
    }

    /// The caps that hold a score down, in profile order.
    pub fn holding(&self) -> impl Iterator<Item = &CapLine> {
        self.caps.iter().filter(|c| c.lowered)
    }

    /// Domain scores as a bar chart.
    pub fn domain_chart(&self) -> BarChart {
        let bars = self.domains.iter().map(|d| bar(&d.id, &d.title, &d.score));
        self.chart(self.words().domains, bars)
    }

    /// Phase readiness as a bar chart.
    pub fn phase_chart(&self) -> BarChart {
        let bars = self
            .phases
            .iter()
            .map(|p| bar(p.phase.as_str(), p.name, &p.score));
        self.chart(self.words().phases, bars)
    }

    /// Scenario readiness as a bar chart.
    pub fn scenario_chart(&self) -> BarChart {
        let bars = self
            .scenarios
            .iter()
            .map(|s| bar(&s.id, &s.title, &s.score));
        self.chart(self.words().scenarios, bars)
    }

    fn chart(&self, title: &str, bars: impl Iterator<Item = Bar>) -> BarChart {
        BarChart {
            title: title.to_owned(),
            bars: bars.collect(),
            thresholds: self.thresholds.clone(),
            lang: self.lang,
        }
    }
}

fn bar(id: &str, label: &str, score: &Score) -> Bar {
    Bar {
        id: id.to_owned(),
        label: label.to_owned(),
        value: score.value,
        band: score.band.clone(),
        band_index: score.band_index,
        capped: score.capped,
    }
}
