//! `merge` and `aggregate` over many generated assessments of the bundled profile (every
//! indicator kind, missing and not applicable answers, targets): whatever the respondents
//! answer, the merged file validates and nothing answered is lost.

use tradeready::merge::{Resolve, merge};
use tradeready::model::Response;
use tradeready::{Catalogue, Scored};
use tradeready_tests::generate;

/// Three generated respondents of one administration and cycle: files n, n + 6 and
/// n + 12 share a cycle and as_of; their administration line is made the same.
fn respondents(catalogue: &Catalogue, seed: u64) -> Vec<Scored> {
    let profile = catalogue.latest("wco-resilience").unwrap();
    let mut rng = generate::Rng::new(seed);
    [0, 6, 12]
        .iter()
        .map(|&n| {
            let text = generate::assessment(&profile, n + (seed as usize % 6), &mut rng);
            let text: String = text
                .lines()
                .map(|l| {
                    if l.starts_with("administration:") {
                        "administration: {name: One Customs, code: \"OC\"}"
                    } else {
                        l
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            let loaded = catalogue.load_assessment(&text);
            loaded
                .value
                .unwrap_or_else(|| panic!("{:#?}", loaded.diagnostics))
        })
        .collect()
}

#[test]
fn merged_generated_respondents_validate_under_every_rule() {
    let catalogue = Catalogue::embedded();
    for seed in 0..6 {
        let files = respondents(&catalogue, seed);
        let refs: Vec<&Scored> = files.iter().collect();
        for rule in [Resolve::None, Resolve::Lowest, Resolve::Median] {
            let consensus = merge(&refs, rule).unwrap();
            assert!(
                !consensus.report.conflicts.is_empty(),
                "random respondents disagree"
            );
            let yaml = consensus.to_yaml();
            let loaded = catalogue.load_assessment(&yaml);
            let merged = loaded
                .value
                .unwrap_or_else(|| {
                    panic!("seed {seed} {rule:?}: {:#?}\n{yaml}", loaded.diagnostics)
                })
                .assessment;
            let conflicts: Vec<&str> = consensus
                .report
                .conflicts
                .iter()
                .filter(|c| !c.target)
                .map(|c| c.id.as_str())
                .collect();
            for (_, indicator) in merged_profile(&catalogue).indicators() {
                let id = &indicator.id;
                let values: Vec<&Response> = files
                    .iter()
                    .filter_map(|f| f.assessment.answers.get(id).map(|a| &a.response))
                    .collect();
                let answered = merged.answers.contains_key(id);
                if values.is_empty() {
                    assert!(!answered, "{id}: nobody answered");
                } else if rule == Resolve::None && conflicts.contains(&id.as_str()) {
                    assert!(!answered, "{id}: left for the group");
                    assert!(yaml.contains(&format!("  # {id}: {{value: SETTLE")), "{id}");
                } else {
                    // Taken: one of the answers given.
                    let taken = &merged.answers[id].response;
                    assert!(
                        values.contains(&taken),
                        "{id}: {taken:?} not among {values:?}"
                    );
                }
            }
        }
    }
}

fn merged_profile(catalogue: &Catalogue) -> std::sync::Arc<tradeready::Profile> {
    catalogue.latest("wco-resilience").unwrap()
}

#[test]
fn aggregate_of_generated_files_counts_each_file_once() {
    let catalogue = Catalogue::embedded();
    let profile = merged_profile(&catalogue);
    let mut rng = generate::Rng::new(7);
    let files: Vec<Scored> = (0..40)
        .map(|n| {
            catalogue
                .load_assessment(&generate::assessment(&profile, n, &mut rng))
                .value
                .unwrap()
        })
        .collect();
    let refs: Vec<&Scored> = files.iter().collect();
    let report = tradeready::aggregate::aggregate(&refs, true).unwrap();
    assert_eq!(report.n, 40);
    assert_eq!(report.administrations.len(), 40);
    assert_eq!(report.administrations[39].label, "AN");
    for (i, stats) in report.indicators.iter().enumerate() {
        let scored = files
            .iter()
            .filter(|f| f.scores.indicators[i].score.is_some())
            .count();
        assert_eq!(stats.stats.n, scored, "{}", stats.id);
        if let Some(levels) = &stats.levels {
            // Level counts are the answers with a value; the generator writes no missing-zero.
            assert_eq!(
                levels.0.iter().map(|(_, c)| c).sum::<usize>(),
                scored,
                "{}",
                stats.id
            );
            assert!(levels.0.windows(2).all(|w| w[0].0 < w[1].0), "scale order");
            assert!(levels.0.iter().all(|(_, c)| *c > 0), "only levels chosen");
        }
        if let (Some(min), Some(median), Some(max), Some(mean)) = (
            stats.stats.min,
            stats.stats.median,
            stats.stats.max,
            stats.stats.mean,
        ) {
            assert!(min <= median && median <= max && min <= mean && mean <= max);
        }
    }
}
