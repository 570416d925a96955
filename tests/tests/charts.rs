//! Charts of the examples: the chart models are snapshotted (they are what every backend
//! draws), and the SVG drawn from them is checked for structure.

use tradeready::chart::to_svg;
use tradeready::report::Report;
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
        Report::new(&profile, &report, "en").domain_chart()
    );
    insta::assert_yaml_snapshot!(
        "phases-fr",
        Report::new(&profile, &report, "fr").phase_chart()
    );
    insta::assert_yaml_snapshot!(
        "scenarios-es",
        Report::new(&profile, &report, "es").scenario_chart()
    );
}

#[test]
fn the_domain_chart_draws_every_domain_to_svg() {
    let (profile, report) = example("meridia-2025");
    let chart = Report::new(&profile, &report, "en").domain_chart();
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
