//! Scoring rules of DESIGN.md "Scoring (normative)", each on a case computed by hand.
//!
//! Every case is a small profile and an assessment written inline, scored through the
//! public API exactly as `tradeready score --format json` does, and compared to 1e-9.

use serde_json::{Value, json};
use tradeready::{Layers, load_assessment, load_profile, score};

/// A profile with the maturity scale, four bands and the given domains (and extra
/// top-level YAML such as caps or scenarios).
fn profile_yaml(domains: &str, extra: &str) -> String {
    format!(
        "kind: profile\nformat: 1\nid: t\nversion: 1.0.0\nlanguages: [en]\ntitle: T\n\
         scales:\n  m:\n    levels:\n      - {{value: 0, label: L0, score: 0}}\n      - {{value: 1, label: L1, score: 0.25}}\n      - {{value: 2, label: L2, score: 0.5}}\n      - {{value: 3, label: L3, score: 0.75}}\n      - {{value: 4, label: L4, score: 1}}\n\
         bands:\n  - {{min: 0, label: Initial}}\n  - {{min: 40, label: Developing}}\n  - {{min: 60, label: Established}}\n  - {{min: 80, label: Advanced}}\n\
         domains:\n{domains}\n{extra}\n"
    )
}

/// Scores `answers` (YAML lines under `answers:`, plus optional `targets:` block) and
/// returns the JSON result.
fn run(profile: &str, answers: &str) -> Value {
    let loaded = load_profile(profile, Layers::default());
    assert!(
        loaded.value.is_some(),
        "profile invalid: {:#?}\n{profile}",
        loaded.diagnostics
    );
    let p = loaded.value.unwrap();
    let text = format!(
        "kind: assessment\nformat: 1\nprofile: {{id: t, version: 1.0.0}}\nadministration: {{name: X}}\ncycle: c1\nas_of: 2025-06-30\n{answers}\n"
    );
    let a = load_assessment(&text, &p, Layers::default());
    assert!(
        a.value.is_some(),
        "assessment invalid: {:#?}\n{text}",
        a.diagnostics
    );
    serde_json::to_value(score(&p, &a.value.unwrap())).unwrap()
}

fn close(actual: &Value, expected: f64, what: &str) {
    let a = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: expected {expected}, found {actual}"));
    assert!(
        (a - expected).abs() < 1e-9,
        "{what}: expected {expected}, found {a}"
    );
}

fn domain<'a>(result: &'a Value, id: &str) -> &'a Value {
    result["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id)
        .unwrap()
}

const TWO_DOMAINS: &str = "  - id: a\n    title: A\n    weight: 2\n    indicators:\n      - {id: a.one, kind: scale, scale: m, text: Q, weight: 3, critical: true, phases: [prepare]}\n      - {id: a.two, kind: boolean, text: Q, phases: [respond, prepare]}\n  - id: b\n    title: B\n    indicators:\n      - {id: b.one, kind: boolean, text: Q, phases: [review]}\n      - {id: b.two, kind: scale, scale: m, text: Q}";

#[test]
fn domain_and_overall_are_weighted_means() {
    let r = run(
        &profile_yaml(TWO_DOMAINS, ""),
        "answers:\n  a.one: {value: 3}\n  a.two: {value: false}\n  b.one: {value: true}\n  b.two: {value: 2}",
    );
    // a = (3·0.75 + 1·0) / 4 = 56.25; b = (1 + 0.5) / 2 = 75; overall = (2·56.25 + 75) / 3.
    close(&domain(&r, "a")["score"], 56.25, "a");
    close(&domain(&r, "b")["score"], 75.0, "b");
    close(&r["overall"], 62.5, "overall");
    assert_eq!(r["band"], "Established");
    assert_eq!(domain(&r, "a")["band"], "Developing");
}

#[test]
fn a_domain_with_no_counted_indicator_is_null_and_left_out() {
    let r = run(
        &profile_yaml(TWO_DOMAINS, ""),
        "answers:\n  a.one: {value: 2}\n  b.one: {na: No such function}",
    );
    assert_eq!(domain(&r, "b")["score"], Value::Null);
    assert_eq!(domain(&r, "b")["band"], Value::Null);
    close(&domain(&r, "a")["score"], 50.0, "a");
    // The overall is a's score alone, not dragged down by b.
    close(&r["overall"], 50.0, "overall");
}

#[test]
fn nothing_counted_gives_null_everywhere() {
    let r = run(&profile_yaml(TWO_DOMAINS, ""), "answers: {}");
    assert_eq!(r["overall"], Value::Null);
    assert_eq!(r["band"], Value::Null);
    close(&r["completeness"], 0.0, "completeness");
    close(&r["evidence_coverage"], 0.0, "evidence coverage");
    assert!(
        r["phases"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["score"].is_null())
    );
    assert_eq!(r["gaps"], json!([]));
}

#[test]
fn not_applicable_answers_are_excluded() {
    let r = run(
        &profile_yaml(TWO_DOMAINS, ""),
        "answers:\n  a.one: {value: 4}\n  a.two: {na: Not our mandate}\n  b.one: {value: true}\n  b.two: {value: 0}",
    );
    close(&domain(&r, "a")["score"], 100.0, "a");
    let two = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "a.two")
        .unwrap();
    assert_eq!(two["status"], "na");
    assert_eq!(two["score"], Value::Null);
    // Not applicable counts towards completeness.
    close(&r["completeness"], 1.0, "completeness");
}

#[test]
fn missing_exclude_versus_zero() {
    let answers = "answers:\n  a.one: {value: 4}\n  b.one: {value: true}";
    let exclude = run(&profile_yaml(TWO_DOMAINS, "missing: exclude"), answers);
    close(&domain(&exclude, "a")["score"], 100.0, "a, exclude");
    close(&domain(&exclude, "b")["score"], 100.0, "b, exclude");
    close(&exclude["overall"], 100.0, "overall, exclude");
    let zero = run(&profile_yaml(TWO_DOMAINS, "missing: zero"), answers);
    // a = 3·1 / 4 = 75; b = 1 / 2 = 50; overall = (150 + 50) / 3.
    close(&domain(&zero, "a")["score"], 75.0, "a, zero");
    close(&domain(&zero, "b")["score"], 50.0, "b, zero");
    close(&zero["overall"], 200.0 / 3.0, "overall, zero");
    let missing = zero["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "a.two")
        .unwrap();
    assert_eq!(missing["status"], "missing");
    close(&missing["score"], 0.0, "missing counted as 0");
    // A missing indicator counted as zero is a gap; excluded, it is not.
    assert!(
        zero["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["id"] == "a.two")
    );
    assert!(
        !exclude["gaps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["id"] == "a.two")
    );
    close(
        &zero["completeness"],
        0.5,
        "completeness is about answers, not policy",
    );
}

const CAPS: &str = "caps:\n  - {if: a.one, below: 0.5, cap: {domain: a, max: 30}}\n  - {if: a.one, below: 0.3, cap: {domain: a, max: 20}}\n  - {if: a.two, below: 1, cap: {overall: 50}}";

#[test]
fn caps_lower_a_domain_and_the_overall() {
    let p = profile_yaml(TWO_DOMAINS, CAPS);
    // a.one = 0.25 fires both domain caps (the lowest wins); a.two false fires the overall cap.
    let r = run(
        &p,
        "answers:\n  a.one: {value: 1}\n  a.two: {value: false}\n  b.one: {value: true}\n  b.two: {value: 4}",
    );
    // a before caps = 3·0.25 / 4 = 18.75, below both maxima: not lowered, not capped.
    close(&domain(&r, "a")["score"], 18.75, "a");
    assert_eq!(domain(&r, "a")["capped"], false);
    // overall = (2·18.75 + 100) / 3 = 45.8333 < 50: not lowered.
    close(&r["overall"], 137.5 / 3.0, "overall");
    assert_eq!(r["overall_capped"], false);
    // All three fired and are listed, none lowered what it caps.
    assert_eq!(
        r["caps"],
        json!([
            {"if": "a.one", "domain": "a", "max": 30.0, "reason": "below", "lowered": false},
            {"if": "a.one", "domain": "a", "max": 20.0, "reason": "below", "lowered": false},
            {"if": "a.two", "overall": true, "max": 50.0, "reason": "below", "lowered": false},
        ])
    );

    let r = run(
        &p,
        "answers:\n  a.one: {value: 1}\n  a.two: {value: true}\n  b.one: {value: true}\n  b.two: {value: 4}",
    );
    // a before caps = (0.75 + 1) / 4 = 43.75, capped to 20 (the lower of 30 and 20).
    close(&domain(&r, "a")["score"], 20.0, "a capped");
    assert_eq!(domain(&r, "a")["capped"], true);
    assert_eq!(domain(&r, "a")["band"], "Initial");
    close(&r["overall"], 140.0 / 3.0, "overall from the capped domain");
    // Both listed; each judged on its own against 43.75, so both lowered though 20 wins.
    assert_eq!(
        r["caps"],
        json!([
            {"if": "a.one", "domain": "a", "max": 30.0, "reason": "below", "lowered": true},
            {"if": "a.one", "domain": "a", "max": 20.0, "reason": "below", "lowered": true},
        ])
    );

    let r = run(
        &p,
        "answers:\n  a.one: {value: 4}\n  a.two: {value: false}\n  b.one: {value: true}\n  b.two: {value: 4}",
    );
    // a = 75, b = 100, overall = 250/3 = 83.3 capped to 50 by a.two.
    close(&domain(&r, "a")["score"], 75.0, "a");
    close(&r["overall"], 50.0, "overall capped");
    assert_eq!(r["overall_capped"], true);
    assert_eq!(r["band"], "Developing");
    assert_eq!(
        r["caps"],
        json!([{"if": "a.two", "overall": true, "max": 50.0, "reason": "below", "lowered": true}])
    );
}

#[test]
fn a_cap_fires_only_strictly_below_its_threshold() {
    let p = profile_yaml(TWO_DOMAINS, CAPS);
    // a.one = 0.5 is not below 0.5.
    let r = run(&p, "answers:\n  a.one: {value: 2}\n  a.two: {value: true}");
    close(&domain(&r, "a")["score"], 62.5, "a");
    assert_eq!(domain(&r, "a")["capped"], false);
    assert_eq!(r["caps"], json!([]));
    // Above the threshold neither.
    let r = run(&p, "answers:\n  a.one: {value: 3}\n  a.two: {value: true}");
    close(&domain(&r, "a")["score"], 81.25, "a");
    assert_eq!(r["caps"], json!([]));
}

#[test]
fn a_cap_fires_on_a_missing_indicator_under_missing_exclude() {
    // a.one is not answered: not counted, but a precondition not shown is not assumed met.
    let answers = "answers:\n  a.two: {value: true}\n  b.one: {value: true}";
    let r = run(&profile_yaml(TWO_DOMAINS, CAPS), answers);
    // a before caps = a.two alone = 100; both a.one caps fire, the lower (20) wins.
    close(
        &domain(&r, "a")["score"],
        20.0,
        "a capped though a.one is missing",
    );
    assert_eq!(domain(&r, "a")["capped"], true);
    // overall = (2·20 + 100) / 3; the overall cap on a.two (true: 1 is not below 1) does not fire.
    close(&r["overall"], 140.0 / 3.0, "overall");
    assert_eq!(r["overall_capped"], false);
    assert_eq!(
        r["caps"],
        json!([
            {"if": "a.one", "domain": "a", "max": 30.0, "reason": "missing", "lowered": true},
            {"if": "a.one", "domain": "a", "max": 20.0, "reason": "missing", "lowered": true},
        ])
    );
}

#[test]
fn a_missing_capped_indicator_under_missing_zero_is_counted_at_zero_and_fires() {
    let answers = "answers:\n  a.two: {value: true}\n  b.one: {value: true}";
    let r = run(
        &profile_yaml(TWO_DOMAINS, &format!("missing: zero\n{CAPS}")),
        answers,
    );
    // a before caps = (3·0 + 1·1) / 4 = 25: above 20, not above 30.
    close(&domain(&r, "a")["score"], 20.0, "a capped to 20");
    assert_eq!(domain(&r, "a")["capped"], true);
    // b = (1 + 0) / 2 = 50; overall = (2·20 + 50) / 3 = 30.
    close(&r["overall"], 30.0, "overall");
    // Both fire as missing, not as below; each is judged against 25 on its own.
    assert_eq!(
        r["caps"],
        json!([
            {"if": "a.one", "domain": "a", "max": 30.0, "reason": "missing", "lowered": false},
            {"if": "a.one", "domain": "a", "max": 20.0, "reason": "missing", "lowered": true},
        ])
    );
}

#[test]
fn a_missing_capped_indicator_caps_scenario_readiness_too() {
    let p = profile_yaml(
        TWO_DOMAINS,
        "caps:\n  - {if: a.one, below: 0.5, cap: {domain: a, max: 40}}\nscenarios:\n  - {id: s, title: S, weights: {a.two: 9, b: 2}}",
    );
    let r = run(
        &p,
        "answers:\n  a.two: {value: true}\n  b.one: {value: false}",
    );
    // Scenario: a = a.two alone = 100, capped to 40 because a.one is missing; b = 0.
    // overall = (2·40 + 2·0) / (2 + 2) = 20.
    close(&r["scenarios"][0]["score"], 20.0, "scenario");
    close(&domain(&r, "a")["score"], 40.0, "a");
}

#[test]
fn a_capped_domain_with_no_score_stays_null() {
    let p = profile_yaml(
        TWO_DOMAINS,
        "caps:\n  - {if: a.one, below: 0.5, cap: {domain: b, max: 10}}",
    );
    let r = run(&p, "answers:\n  a.one: {value: 0}");
    assert_eq!(domain(&r, "b")["score"], Value::Null);
    assert_eq!(domain(&r, "b")["capped"], false);
    // The cap fired, but the score it caps is null: listed, not lowered.
    assert_eq!(
        r["caps"],
        json!([{"if": "a.one", "domain": "b", "max": 10.0, "reason": "below", "lowered": false}])
    );
}

fn ratio_profile(points: &str) -> String {
    profile_yaml(
        &format!(
            "  - id: d\n    title: D\n    indicators:\n      - {{id: d.r, kind: ratio, text: Q{points}}}"
        ),
        "",
    )
}

fn single_score(profile: &str, value: &str) -> f64 {
    let r = run(
        profile,
        &format!("answers:\n  {}: {{value: {value}}}", first_id(profile)),
    );
    r["indicators"][0]["score"].as_f64().unwrap()
}

fn first_id(profile: &str) -> String {
    let start = profile.find("{id: d.").unwrap() + 5;
    profile[start..].split(',').next().unwrap().to_owned()
}

#[test]
fn ratio_interpolates_at_between_and_outside_the_points() {
    let p = ratio_profile(", points: [[0.2, 0.1], [0.5, 0.6], [0.8, 1]]");
    for (x, expected) in [
        ("0.2", 0.1),
        ("0.5", 0.6),
        ("0.8", 1.0),
        ("0.35", 0.35), // halfway between 0.1 and 0.6
        ("0.65", 0.8),  // halfway between 0.6 and 1
        ("0.6", 0.6 + 0.4 / 3.0),
        ("0", 0.1), // below the first point: its score
        ("0.1", 0.1),
        ("0.95", 1.0), // above the last point
        ("1", 1.0),
    ] {
        let s = single_score(&p, x);
        assert!(
            (s - expected).abs() < 1e-9,
            "ratio {x}: expected {expected}, found {s}"
        );
    }
    // Default points: the identity.
    let p = ratio_profile("");
    assert!((single_score(&p, "0.42") - 0.42).abs() < 1e-12);
}

fn number_profile(baseline: f64, target: f64) -> String {
    profile_yaml(
        &format!(
            "  - id: d\n    title: D\n    indicators:\n      - {{id: d.n, kind: number, text: Q, unit: hours, baseline: {baseline}, target: {target}}}"
        ),
        "",
    )
}

#[test]
fn number_where_lower_is_better() {
    let p = number_profile(48.0, 6.0);
    for (v, expected) in [
        ("48", 0.0),
        ("6", 1.0),
        ("27", 0.5),
        ("20", 28.0 / 42.0),
        ("60", 0.0),
        ("2", 1.0),
    ] {
        let s = single_score(&p, v);
        assert!(
            (s - expected).abs() < 1e-9,
            "release time {v}: expected {expected}, found {s}"
        );
    }
}

#[test]
fn number_where_higher_is_better() {
    let p = number_profile(10.0, 30.0);
    for (v, expected) in [
        ("10", 0.0),
        ("30", 1.0),
        ("15", 0.25),
        ("5", 0.0),
        ("45.5", 1.0),
    ] {
        let s = single_score(&p, v);
        assert!(
            (s - expected).abs() < 1e-9,
            "value {v}: expected {expected}, found {s}"
        );
    }
}

#[test]
fn date_at_fresh_at_stale_and_in_between() {
    let p = profile_yaml(
        "  - id: d\n    title: D\n    indicators:\n      - {id: d.t, kind: date, text: Q, fresh_days: 100, stale_days: 300}",
        "",
    );
    // as_of is 2025-06-30.
    for (date, expected) in [
        ("2025-06-30", 1.0),   // age 0
        ("2025-03-22", 1.0),   // age 100 = fresh
        ("2025-03-21", 0.995), // age 101
        ("2024-12-12", 0.5),   // age 200, halfway
        ("2024-12-02", 0.45),  // age 210
        ("2024-09-03", 0.0),   // age 300 = stale
        ("2020-01-01", 0.0),
    ] {
        let s = single_score(&p, date);
        assert!(
            (s - expected).abs() < 1e-9,
            "date {date}: expected {expected}, found {s}"
        );
    }
}

#[test]
fn date_ages_count_calendar_days_across_a_leap_year() {
    let p = profile_yaml(
        "  - id: d\n    title: D\n    indicators:\n      - {id: d.t, kind: date, text: Q, fresh_days: 0, stale_days: 366}",
        "",
    );
    // 2024-06-30 to 2025-06-30 is 365 days; 2023-06-30 to 2024-06-30 would be 366.
    let s = single_score(&p, "2024-06-30");
    assert!((s - 1.0 / 366.0).abs() < 1e-12, "{s}");
}

#[test]
fn bands_at_their_boundaries() {
    let p = ratio_profile("");
    let cases = [
        ("0", "Initial"),
        ("0.3999", "Initial"),
        ("0.4", "Developing"),
        ("0.39999999999999", "Developing"), // within 1e-9 of 40
        ("0.59999", "Developing"),
        ("0.6", "Established"),
        ("0.8", "Advanced"),
        ("1", "Advanced"),
    ];
    for (x, band) in cases {
        let r = run(&p, &format!("answers:\n  d.r: {{value: {x}}}"));
        assert_eq!(r["band"], band, "ratio {x}");
        assert_eq!(domain(&r, "d")["band"], band, "ratio {x}");
    }
}

#[test]
fn gap_priorities_and_their_order() {
    let p = profile_yaml(TWO_DOMAINS, "");
    let r = run(
        &p,
        "answers:\n  a.one: {value: 2}\n  a.two: {value: false}\n  b.one: {value: false}\n  b.two: {value: 3}\ntargets:\n  a.one: 3\n  b.two: 2",
    );
    // M = max(w·W·2) = 3·2·2 = 12.
    // a.one: target 0.75, gap 0.25, 100·0.25·3·2·2/12 = 25.
    // a.two: gap 1, 100·1·1·2·1/12 = 16.667.
    // b.one: gap 1, 100·1·1·1/12 = 8.333.
    // b.two: 0.75 >= target 0.5: no gap.
    let gaps = r["gaps"].as_array().unwrap();
    let ids: Vec<&str> = gaps.iter().map(|g| g["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a.one", "a.two", "b.one"]);
    close(&gaps[0]["priority"], 25.0, "a.one");
    close(&gaps[0]["target"], 0.75, "a.one target");
    close(&gaps[0]["gap"], 0.25, "a.one gap");
    close(&gaps[1]["priority"], 200.0 / 12.0, "a.two");
    close(&gaps[2]["priority"], 100.0 / 12.0, "b.one");
}

#[test]
fn equal_priorities_keep_profile_order() {
    let p = profile_yaml(
        "  - id: d\n    title: D\n    indicators:\n      - {id: d.x, kind: boolean, text: Q}\n      - {id: d.y, kind: boolean, text: Q}\n      - {id: d.z, kind: boolean, text: Q, weight: 2}",
        "",
    );
    let r = run(
        &p,
        "answers:\n  d.y: {value: false}\n  d.x: {value: false}\n  d.z: {value: false}",
    );
    let ids: Vec<&str> = r["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["d.z", "d.x", "d.y"]);
    close(&r["gaps"][0]["priority"], 50.0, "d.z: 100·1·2/(2·2)");
    close(&r["gaps"][1]["priority"], 25.0, "d.x");
}

#[test]
fn priorities_equal_in_exact_arithmetic_keep_profile_order() {
    // M = 3·1·2 = 6. d.y: gap 1 − 0.9, weight 3: 100·0.1·3/6 = 5 exactly, but in f64
    // 4.999999999999999; d.x: gap 1 − 0.7, weight 1: 100·0.3/6 = 5, in f64
    // 5.000000000000001. Unrounded, d.x would sort first; rounded to 9 places they tie,
    // and d.y comes first in the profile.
    let p = profile_yaml(
        "  - id: d\n    title: D\n    indicators:\n      - {id: d.y, kind: ratio, text: Q, weight: 3}\n      - {id: d.x, kind: ratio, text: Q}",
        "",
    );
    let r = run(&p, "answers:\n  d.x: {value: 0.7}\n  d.y: {value: 0.9}");
    let gaps = r["gaps"].as_array().unwrap();
    let ids: Vec<&str> = gaps.iter().map(|g| g["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["d.y", "d.x"]);
    let (y, x) = (
        gaps[0]["priority"].as_f64().unwrap(),
        gaps[1]["priority"].as_f64().unwrap(),
    );
    // The float rounding the rule guards against is really there: the reported priorities
    // keep the full f64 and are in the "wrong" order.
    assert!(x > y, "{x} > {y}");
    close(&gaps[0]["priority"], 5.0, "d.y");
    close(&gaps[1]["priority"], 5.0, "d.x");
}

#[test]
fn the_text_report_names_the_caps_holding_scores_down() {
    let p = load_profile(&profile_yaml(TWO_DOMAINS, CAPS), Layers::default())
        .value
        .unwrap();
    let text = "kind: assessment\nformat: 1\nprofile: {id: t, version: 1.0.0}\nadministration: {name: X}\ncycle: c1\nas_of: 2025-06-30\nanswers:\n  a.two: {value: false}\n  b.one: {value: true}\n  b.two: {value: 4}\n";
    let a = load_assessment(text, &p, Layers::default()).value.unwrap();
    let out = text_report(&p, &score(&p, &a), "en");
    // a before caps = 0 (a.two false alone): the a.one caps fire but hold nothing down;
    // the overall (2·0 + 100) / 3 = 33.3 is below 50: nor does the a.two cap.
    assert!(!out.contains("Caps holding scores down"), "{out}");

    let text = text.replace("a.two: {value: false}", "a.two: {value: true}");
    let a = load_assessment(&text, &p, Layers::default()).value.unwrap();
    let out = text_report(&p, &score(&p, &a), "en");
    assert!(
        out.contains(
            "Caps holding scores down\n  A is capped at 30 because Q is not answered.\n  A is capped at 20 because Q is not answered.\n"
        ),
        "{out}"
    );

    let text = text.replace(
        "a.two: {value: true}",
        "a.two: {value: false}\n  a.one: {value: 4}",
    );
    let a = load_assessment(&text, &p, Layers::default()).value.unwrap();
    let out = text_report(&p, &score(&p, &a), "en");
    assert!(
        out.contains(
            "Caps holding scores down\n  The overall score is capped at 50 because Q is below 100%.\n"
        ),
        "{out}"
    );
    // The same report in French: its words, its numbers.
    let out = text_report(&p, &score(&p, &a), "fr");
    assert!(
        out.contains("Plafonds qui retiennent les scores\n  Le score global\u{a0}: plafond de 50, car « Q » est en dessous de 100\u{202f}%.\n"),
        "{out}"
    );
}

fn text_report(p: &tradeready::Profile, scores: &tradeready::ScoreReport, lang: &str) -> String {
    tradeready::report::text::render(&tradeready::report::Report::new(p, scores, lang))
}

#[test]
fn phase_readiness_uses_indicator_weights_across_domains_without_caps() {
    let p = profile_yaml(TWO_DOMAINS, CAPS);
    let r = run(
        &p,
        "answers:\n  a.one: {value: 1}\n  a.two: {value: true}\n  b.one: {value: false}",
    );
    // prepare: a.one (w3, 0.25) and a.two (w1, 1) = 1.75/4 = 43.75, no cap.
    // respond: a.two = 100. review: b.one = 0. b.two has no phase.
    let phases = r["phases"].as_array().unwrap();
    let ids: Vec<&str> = phases.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["prepare", "respond", "review"]);
    close(&phases[0]["score"], 43.75, "prepare");
    close(&phases[1]["score"], 100.0, "respond");
    close(&phases[2]["score"], 0.0, "review");
    let r = run(&p, "answers:\n  a.one: {value: 1}");
    assert_eq!(
        r["phases"][2]["score"],
        Value::Null,
        "review tagged but nothing counts"
    );
}

#[test]
fn scenario_readiness_multiplies_domain_and_indicator_weights() {
    let p = profile_yaml(
        TWO_DOMAINS,
        &format!(
            "{CAPS}\nscenarios:\n  - {{id: s, title: S, weights: {{b: 4, a.two: 5}}}}\n  - {{id: plain, title: P}}"
        ),
    );
    let r = run(
        &p,
        "answers:\n  a.one: {value: 4}\n  a.two: {value: false}\n  b.one: {value: true}\n  b.two: {value: 2}",
    );
    // Unweighted: a = 75, b = 75, overall = 75 capped to 50 by a.two.
    close(&r["overall"], 50.0, "overall");
    // Scenario s: a = (3·1 + 5·0)/8 = 37.5; b = 75 (weight 4); overall = (2·37.5 + 4·75)/6
    // = 62.5, then the overall cap (a.two false) lowers it to 50.
    close(&r["scenarios"][0]["score"], 50.0, "s");
    // Without the overall cap, the multipliers show.
    let p2 = profile_yaml(
        TWO_DOMAINS,
        "scenarios:\n  - {id: s, title: S, weights: {b: 4, a.two: 5}}",
    );
    let r2 = run(
        &p2,
        "answers:\n  a.one: {value: 4}\n  a.two: {value: false}\n  b.one: {value: true}\n  b.two: {value: 2}",
    );
    close(&r2["scenarios"][0]["score"], 62.5, "s without caps");
    // Multipliers touch nothing else.
    close(&domain(&r2, "a")["score"], 75.0, "a unchanged");
    close(
        &r["scenarios"][1]["score"],
        50.0,
        "no multipliers: the overall",
    );
}

#[test]
fn scenario_domain_caps_fire_on_the_indicators_own_score() {
    let p = profile_yaml(
        TWO_DOMAINS,
        "caps:\n  - {if: a.one, below: 0.5, cap: {domain: a, max: 40}}\nscenarios:\n  - {id: s, title: S, weights: {a.two: 9}}",
    );
    let r = run(
        &p,
        "answers:\n  a.one: {value: 1}\n  a.two: {value: true}\n  b.one: {value: true}",
    );
    // Scenario a = (3·0.25 + 9·1)/12 = 81.25, capped to 40; overall = (2·40 + 100)/3 = 60.
    close(&r["scenarios"][0]["score"], 60.0, "s");
}

#[test]
fn completeness_and_evidence_coverage() {
    let r = run(
        &profile_yaml(TWO_DOMAINS, ""),
        "answers:\n  a.one: {value: 1, evidence: [Memo]}\n  a.two: {value: true}\n  b.one: {na: n/a, evidence: [Letter]}",
    );
    close(&r["completeness"], 0.75, "3 of 4");
    close(&r["evidence_coverage"], 0.5, "1 of 2 answered");
    assert_eq!(
        r["counts"],
        json!({"indicators": 4, "answered": 2, "not_applicable": 1, "missing": 1})
    );
}

#[test]
fn result_json_uses_the_design_field_names() {
    let r = run(
        &profile_yaml(TWO_DOMAINS, "scenarios:\n  - {id: s, title: S}"),
        "answers:\n  a.one: {value: 2}",
    );
    for key in [
        "profile",
        "cycle",
        "as_of",
        "overall",
        "band",
        "domains",
        "phases",
        "scenarios",
        "completeness",
        "evidence_coverage",
        "indicators",
        "gaps",
        "caps",
    ] {
        assert!(r.get(key).is_some(), "missing {key}");
    }
    assert_eq!(r["profile"], json!({"id": "t", "version": "1.0.0"}));
    assert_eq!(r["as_of"], "2025-06-30");
    assert_eq!(r["cycle"], "c1");
    let d = &r["domains"][0];
    for key in ["id", "score", "band", "capped"] {
        assert!(d.get(key).is_some(), "domain {key}");
    }
    let g = &r["gaps"][0];
    for key in ["id", "score", "target", "gap", "priority"] {
        assert!(g.get(key).is_some(), "gap {key}");
    }
    let i = &r["indicators"][0];
    for key in ["id", "status", "score"] {
        assert!(i.get(key).is_some(), "indicator {key}");
    }
}
