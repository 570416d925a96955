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

/// The workshop charts of the workshop set, drawn to SVG natively.
#[test]
fn the_workshop_charts_draw_the_workshop_set() {
    use tradeready::chart::workshop::{
        distribution, draw_distribution, draw_heat_map, draw_level_spread, heat_map, level_spread,
        svg,
    };
    let dir = root().join("assessments/examples/workshop");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let catalogue = tradeready::Catalogue::embedded();
    let scored: Vec<tradeready::Scored> = paths
        .iter()
        .map(|p| {
            catalogue
                .load_assessment(&std::fs::read_to_string(p).unwrap())
                .value
                .unwrap()
        })
        .collect();
    let refs: Vec<&tradeready::Scored> = scored.iter().collect();
    let report = tradeready::aggregate::aggregate(&refs, true).unwrap();
    let profile = &scored[0].profile;

    let heat = heat_map(profile, &report, "fr", "Carte de chaleur");
    assert_eq!(heat.rows.len(), paths.len());
    assert_eq!(heat.columns.len(), profile.domains.len());
    let drawn = svg(900, heat.height(), |a| draw_heat_map(&heat, a, 1.0));
    // Background, then one cell per administration for the overall and each domain.
    assert_eq!(
        drawn.matches("<rect").count(),
        1 + paths.len() * (1 + profile.domains.len())
    );
    assert!(drawn.contains("Gouvernance"), "domain titles in French");
    for s in &scored {
        assert!(!drawn.contains(&s.assessment.administration));
    }

    let dist = distribution(profile, &report, "en", "Scores per domain");
    let drawn = svg(900, dist.height(), |a| draw_distribution(&dist, a, 1.0));
    let dots: usize = dist.rows.iter().map(|r| r.values.len()).sum();
    assert_eq!(
        dots,
        paths.len() * profile.domains.len(),
        "every file scores every domain"
    );
    assert_eq!(drawn.matches("<circle").count(), 2 * dots);

    let spread = level_spread(
        profile,
        &report,
        "governance.oga-roles",
        "en",
        "Roles agreed",
    )
    .expect("a scale indicator");
    let chosen: usize = spread.levels.iter().map(|l| l.count).sum();
    assert_eq!(chosen + spread.other, paths.len());
    let drawn = svg(600, spread.height(), |a| draw_level_spread(&spread, a, 1.0));
    assert!(drawn.contains("4 Optimised"), "{drawn}");
    assert!(level_spread(profile, &report, "aeo-mra.aeo-coverage", "en", "x").is_none());
}
