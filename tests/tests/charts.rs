//! Charts of the examples: the chart models are snapshotted (they are what every backend
//! draws), and the SVG drawn from them is checked for structure.

use tradeready::chart::{domain_chart, phase_chart, scenario_chart, to_svg};
use tradeready_tests::{load_example, root};

fn example(name: &str) -> (tradeready::Profile, tradeready::ScoreReport) {
    let (profile, _, report) =
        load_example(&root().join(format!("assessments/examples/{name}.yaml")));
    (profile, report)
}

#[test]
fn chart_models_of_an_example() {
    let (profile, report) = example("northland-2025");
    insta::assert_yaml_snapshot!(
        "domains-en",
        domain_chart(&profile, &report, "en", "Domain scores")
    );
    insta::assert_yaml_snapshot!(
        "phases-fr",
        phase_chart(&profile, &report, "fr", "Préparation par phase")
    );
    insta::assert_yaml_snapshot!(
        "scenarios-es",
        scenario_chart(&profile, &report, "es", "Escenarios")
    );
}

#[test]
fn the_domain_chart_draws_every_domain_to_svg() {
    let (profile, report) = example("meridia-2025");
    let chart = domain_chart(&profile, &report, "en", "Domain scores");
    let svg = to_svg(&chart, 720);
    assert_eq!(chart.bars.len(), profile.domains.len());
    for bar in &chart.bars {
        assert!(
            svg.contains(&bar.label.replace('&', "&amp;")),
            "{} missing",
            bar.label
        );
    }
    assert!(
        chart
            .summary()
            .starts_with("Domain scores: Governance, roles and activation ")
    );
}
