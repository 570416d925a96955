//! Property tests of scoring: bounds, monotonicity and independence from answer order.

use proptest::prelude::*;
use serde_json::Value;
use tradeready::{Layers, Profile, load_assessment, load_profile, score};

const DEMO: &str = include_str!("../../tests/data/profiles/demo.yaml");

fn demo(missing_zero: bool, caps: bool) -> Profile {
    let mut text = DEMO.replace(
        "missing: exclude",
        if missing_zero {
            "missing: zero"
        } else {
            "missing: exclude"
        },
    );
    if !caps {
        let start = text.find("caps:").unwrap();
        let end = text.find("scenarios:").unwrap();
        text.replace_range(start..end, "");
    }
    load_profile(&text, Layers::default())
        .value
        .expect("demo profile is valid")
}

/// One generated answer: missing, not applicable, or a value written as YAML.
#[derive(Clone, Debug)]
enum Gen {
    Missing,
    Na,
    Value(String),
}

fn date_days_before_as_of(days: i64) -> String {
    let as_of = time::Date::from_calendar_date(2025, time::Month::June, 30).unwrap();
    tradeready::format_date(as_of - time::Duration::days(days))
}

/// A value for each of the demo profile's indicators, in profile order.
fn values() -> impl Strategy<Value = Vec<String>> {
    (
        0..=4i64,
        any::<bool>(),
        0.0..=1.0f64,
        0.0..200.0f64,
        0i64..1000,
        0..=4i64,
    )
        .prop_map(|(l, b, r, n, d, l2)| {
            vec![
                l.to_string(),
                b.to_string(),
                r.to_string(),
                n.to_string(),
                date_days_before_as_of(d),
                l2.to_string(),
            ]
        })
}

const IDS: [&str; 6] = [
    "governance.oga-roles",
    "governance.activation",
    "aeo.coverage",
    "aeo.release-time",
    "exercises.last-test",
    "exercises.review",
];

fn answers() -> impl Strategy<Value = Vec<Gen>> {
    (values(), prop::collection::vec(0..10u8, 6)).prop_map(|(values, modes)| {
        values
            .into_iter()
            .zip(modes)
            .enumerate()
            .map(|(i, (v, m))| match m {
                // A capped indicator cannot be not applicable.
                0 => Gen::Missing,
                1 if i > 1 => Gen::Na,
                _ => Gen::Value(v),
            })
            .collect()
    })
}

fn assessment_text(answers: &[(usize, Gen)], evidence_mask: u8) -> String {
    let mut text = String::from(
        "kind: assessment\nformat: 1\nprofile: {id: demo, version: 1.0.0}\nadministration: {name: P}\ncycle: c\nas_of: 2025-06-30\nanswers:\n",
    );
    for (i, a) in answers {
        let evidence = if evidence_mask & (1 << i) != 0 {
            ", evidence: [E]"
        } else {
            ""
        };
        match a {
            Gen::Missing => {}
            Gen::Na => text.push_str(&format!(
                "  {}: {{na: Not in mandate{evidence}}}\n",
                IDS[*i]
            )),
            Gen::Value(v) => text.push_str(&format!("  {}: {{value: {v}{evidence}}}\n", IDS[*i])),
        }
    }
    text
}

fn run(profile: &Profile, text: &str) -> Value {
    let a = load_assessment(text, profile, Layers::default());
    let a = a
        .value
        .unwrap_or_else(|| panic!("{:#?}\n{text}", a.diagnostics));
    serde_json::to_value(score(profile, &a)).unwrap()
}

fn within(v: &Value, lo: f64, hi: f64, what: &str) {
    if let Some(x) = v.as_f64() {
        assert!(
            x >= lo - 1e-9 && x <= hi + 1e-9,
            "{what} = {x} outside [{lo}, {hi}]"
        );
    } else {
        assert!(v.is_null(), "{what} is {v}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_score_stays_within_its_bounds(answers in answers(), zero in any::<bool>(), evidence in any::<u8>()) {
        let profile = demo(zero, true);
        let numbered: Vec<(usize, Gen)> = answers.into_iter().enumerate().collect();
        let r = run(&profile, &assessment_text(&numbered, evidence));
        within(&r["overall"], 0.0, 100.0, "overall");
        for d in r["domains"].as_array().unwrap() { within(&d["score"], 0.0, 100.0, "domain"); }
        for p in r["phases"].as_array().unwrap() { within(&p["score"], 0.0, 100.0, "phase"); }
        for s in r["scenarios"].as_array().unwrap() { within(&s["score"], 0.0, 100.0, "scenario"); }
        for i in r["indicators"].as_array().unwrap() { within(&i["score"], 0.0, 1.0, "indicator"); }
        within(&r["completeness"], 0.0, 1.0, "completeness");
        within(&r["evidence_coverage"], 0.0, 1.0, "evidence coverage");
        for g in r["gaps"].as_array().unwrap() {
            within(&g["priority"], 0.0, 100.0, "priority");
            let gap = g["gap"].as_f64().unwrap();
            prop_assert!(gap > 0.0 && gap <= 1.0);
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_its_domain_without_caps(
        values in values(), which in 0..6usize, other in values(), zero in any::<bool>()
    ) {
        let profile = demo(zero, false);
        // Two answers for one indicator, ordered so that the second is at least as good.
        let (low, high) = better_pair(which, &values[which], &other[which]);
        let base: Vec<(usize, Gen)> = values.iter().cloned().map(Gen::Value).enumerate().collect();
        let mut a = base.clone();
        a[which].1 = Gen::Value(low.clone());
        let mut b = base;
        b[which].1 = Gen::Value(high.clone());
        let (ra, rb) = (run(&profile, &assessment_text(&a, 0)), run(&profile, &assessment_text(&b, 0)));
        let domain = ra["indicators"][which]["domain"].clone();
        let score = |r: &Value| r["domains"].as_array().unwrap().iter().find(|d| d["id"] == domain).unwrap()["score"].as_f64().unwrap();
        prop_assert!(score(&rb) >= score(&ra) - 1e-9, "{} -> {}: {} then {}", low, high, score(&ra), score(&rb));
        prop_assert!(rb["overall"].as_f64().unwrap() >= ra["overall"].as_f64().unwrap() - 1e-9);
    }

    #[test]
    fn results_do_not_depend_on_the_order_of_answers(answers in answers(), seed in any::<u64>(), evidence in any::<u8>()) {
        let profile = demo(false, true);
        let numbered: Vec<(usize, Gen)> = answers.into_iter().enumerate().collect();
        let mut shuffled = numbered.clone();
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let a = run(&profile, &assessment_text(&numbered, evidence));
        let b = run(&profile, &assessment_text(&shuffled, evidence));
        prop_assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }
}

/// Orders two values of indicator `which` so that the second scores at least as well.
fn better_pair(which: usize, x: &str, y: &str) -> (String, String) {
    let key = |v: &str| -> f64 {
        match which {
            1 => f64::from(u8::from(v == "true")),
            // Release time: lower is better.
            3 => -v.parse::<f64>().unwrap(),
            // Dates: later is better; YYYY-MM-DD sorts as text.
            4 => v.replace('-', "").parse().unwrap(),
            _ => v.parse().unwrap(),
        }
    };
    if key(x) <= key(y) {
        (x.to_owned(), y.to_owned())
    } else {
        (y.to_owned(), x.to_owned())
    }
}
