//! Migration and comparison across review cycles, against numbers computed by hand from
//! DESIGN.md "Across cycles" and "Profile versions and migration". The profiles are the
//! demo profile (1.0.0) and its later version 1.1.0 under tests/data/profiles.

use proptest::prelude::*;
use serde_json::{Value, json};
use tradeready::Catalogue;
use tradeready::compare::{self, Comparison};
use tradeready::load::MigratedFile;

const DEMO: &str = include_str!("../../tests/data/profiles/demo.yaml");
const DEMO_11: &str = include_str!("../../tests/data/profiles/demo-1.1.0.yaml");
const Y2024: &str = include_str!("../../tests/data/cycles/demo-2024.yaml");
const Y2025: &str = include_str!("../../tests/data/assessments/demo-2025.yaml");
const Y2026: &str = include_str!("../../tests/data/cycles/demo-2026.yaml");

fn catalogue(profiles: &[&str]) -> Catalogue {
    let mut c = Catalogue::empty();
    for p in profiles {
        let added = c.add_text(p);
        assert!(!added.is_invalid(), "{:?}", added.diagnostics);
    }
    c
}

fn carried(c: &Catalogue, text: &str, to: &str) -> MigratedFile {
    let loaded = c.migrate(text, Some(to));
    assert!(!loaded.is_invalid(), "{:#?}", loaded.diagnostics);
    loaded.value.expect("valid")
}

fn compared(c: &Catalogue, texts: &[&str], to: &str) -> Value {
    let cycles: Vec<MigratedFile> = texts.iter().map(|t| carried(c, t, to)).collect();
    let comparison: Comparison = compare::compare(&cycles).expect("comparable");
    serde_json::to_value(&comparison).unwrap()
}

fn close(v: &Value, expected: f64) {
    let a = v
        .as_f64()
        .unwrap_or_else(|| panic!("expected {expected}, found {v}"));
    assert!(
        (a - expected).abs() < 1e-9,
        "expected {expected}, found {a}"
    );
}

fn trends(r: &Value) -> Vec<(String, String)> {
    r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["trend"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn one_version_two_cycles() {
    let c = catalogue(&[DEMO]);
    let r = compared(&c, &[Y2025, Y2024], "1.0.0");
    // Given out of order: as_of puts 2024 first.
    assert_eq!(r["cycles"], json!(["2024", "2025-H1"]));
    // 2024: oga-roles level 2 = 0.5, activation 1: governance (3·0.5 + 1)/4 = 62.5;
    // coverage 0.5 = 0.6, release time 30 h = (30 − 48)/(6 − 48) = 18/42: aeo
    // (0.6 + 18/42)/2; last test 167 days old = 1, review level 2 = 0.5: exercises 75.
    let aeo_24 = 100.0 * (0.6 + 18.0 / 42.0) / 2.0;
    // 2025 (tests/tests/cli.rs): governance 81.25, aeo (0.8 + 28/42)/2, exercises 100.
    let aeo_25 = 100.0 * (0.8 + 28.0 / 42.0) / 2.0;
    close(&r["domains"][0]["from"], 62.5);
    close(&r["domains"][0]["to"], 81.25);
    close(&r["domains"][0]["change"], 18.75);
    close(&r["domains"][1]["change"], aeo_25 - aeo_24);
    close(&r["domains"][2]["change"], 25.0);
    let overall_24 = (2.0 * 62.5 + aeo_24 + 75.0) / 4.0;
    let overall_25 = (2.0 * 81.25 + aeo_25 + 100.0) / 4.0;
    close(&r["overall"]["from"], overall_24);
    close(&r["overall"]["to"], overall_25);
    close(&r["overall"]["change"], overall_25 - overall_24);
    assert_eq!(
        trends(&r),
        pairs(&[
            ("governance.oga-roles", "improved"),
            ("governance.activation", "unchanged"),
            ("aeo.coverage", "improved"),
            ("aeo.release-time", "improved"),
            ("exercises.last-test", "unchanged"),
            // na in 2025: counted only in the earlier cycle.
            ("exercises.review", "dropped"),
        ])
    );
    close(&r["indicators"][5]["from"], 0.5);
    assert!(r["indicators"][5]["to"].is_null());
    assert!(r["indicators"][5]["change"].is_null());
    // One version: nothing unmatched. The 2024 actions, in profile order, with the 2025
    // file listing none.
    assert_eq!(r["unmatched"], json!([]));
    assert_eq!(
        r["actions"],
        json!([
            {"id": "aeo.release-time", "from": "in-progress", "to": null, "trend": "improved"},
            {"id": "exercises.last-test", "from": "planned", "to": null, "trend": "unchanged"},
        ])
    );
    assert!(r.get("series").is_none(), "two cycles have no series");
    // Phases: prepare 2024 = (3·0.5 + 0.6 + 1)/5 = 0.62, 2025 = (2.25 + 0.8 + 1)/5 = 0.81.
    assert_eq!(r["phases"][0]["id"], "prepare");
    close(&r["phases"][0]["change"], 19.0);
}

#[test]
fn two_versions_are_measured_with_the_newest_yardstick() {
    let c = catalogue(&[DEMO_11]);
    let r = compared(&c, &[Y2024, Y2026], "1.1.0");
    // 2024 carried to 1.1.0: agency-roles 0.5 (governance 50); coverage 0.6 (aeo 60, mra
    // missing); channels and plan tested (split) 1 and 1, response the lower of review 2
    // (0.5) and activation true -> 3 (0.75): exercises (1 + 1 + 0.5)/3.
    let ex_24 = 100.0 * 2.5 / 3.0;
    // 2026: agency-roles 1 (100); coverage 0.8 = 1 and mra 1 (100); channels 1, plan
    // tested 536 days old = (730 − 536)/365, response 0.5.
    let plan = 194.0 / 365.0;
    let ex_26 = 100.0 * (1.0 + plan + 0.5) / 3.0;
    close(&r["domains"][0]["change"], 50.0);
    close(&r["domains"][1]["change"], 40.0);
    close(&r["domains"][2]["from"], ex_24);
    close(&r["domains"][2]["to"], ex_26);
    close(&r["overall"]["from"], (100.0 + 60.0 + ex_24) / 4.0);
    close(&r["overall"]["to"], (200.0 + 100.0 + ex_26) / 4.0);
    assert_eq!(
        trends(&r),
        pairs(&[
            ("governance.agency-roles", "improved"),
            ("aeo.coverage", "improved"),
            ("aeo.mra", "new"),
            ("exercises.channels-tested", "unchanged"),
            ("exercises.plan-tested", "regressed"),
            ("exercises.response", "unchanged"),
        ])
    );
    close(&r["indicators"][4]["change"], plan - 1.0);
    assert_eq!(
        r["unmatched"],
        json!([
            {"id": "aeo.release-time", "only_in": "earlier"},
            {"id": "aeo.mra", "only_in": "later"},
        ])
    );
    // The 2024 action on exercises.last-test was split to both ids; the one on the dropped
    // aeo.release-time does not reach 1.1.0.
    assert_eq!(
        r["actions"],
        json!([
            {"id": "exercises.channels-tested", "from": "planned", "to": "done", "trend": "unchanged"},
            {"id": "exercises.plan-tested", "from": "planned", "to": null, "trend": "regressed"},
        ])
    );
}

#[test]
fn three_cycles_give_the_series() {
    let c = catalogue(&[DEMO_11]);
    let r = compared(&c, &[Y2026, Y2024, Y2025], "1.1.0");
    assert_eq!(r["cycles"], json!(["2024", "2025-H1", "2026"]));
    let series = r["series"].as_array().expect("series");
    assert_eq!(series.len(), 3);
    assert_eq!(series[0]["profile_version"], "1.0.0");
    assert_eq!(series[2]["profile_version"], "1.1.0");
    // 2024: six answers, the one of the dropped aeo.release-time not carried: 5/6.
    close(&series[0]["compatibility"], 5.0 / 6.0);
    // 2025: six answers (review na), release time dropped again: 5/6.
    close(&series[1]["compatibility"], 5.0 / 6.0);
    close(&series[2]["compatibility"], 1.0);
    // 2025 carried: agency-roles 0.75 (75); coverage 0.8 = 0.8 (80); channels and plan
    // 1 and 1, response: activation true -> 3 (0.75) wins over review na: 2.75/3.
    close(
        &series[1]["overall"],
        (150.0 + 80.0 + 100.0 * 2.75 / 3.0) / 4.0,
    );
    close(&series[1]["domains"][0]["score"], 75.0);
    assert_eq!(series[1]["as_of"], "2025-06-30");
    // From first to last: the comparison is the 2024 to 2026 one.
    close(&r["domains"][0]["change"], 50.0);
}

#[test]
fn equal_dates_keep_the_order_given() {
    let c = catalogue(&[DEMO]);
    let again = Y2025.replace("cycle: 2025-H1", "cycle: 2025-bis");
    let r = compared(&c, &[&again, Y2025], "1.0.0");
    assert_eq!(r["cycles"], json!(["2025-bis", "2025-H1"]));
    let r = compared(&c, &[Y2025, &again], "1.0.0");
    assert_eq!(r["cycles"], json!(["2025-H1", "2025-bis"]));
    close(&r["overall"]["change"], 0.0);
    assert!(
        trends(&r)
            .iter()
            .all(|(_, t)| t == "unchanged" || t == "none")
    );
}

#[test]
fn under_missing_zero_a_missing_answer_counts_as_zero() {
    let zero = DEMO.replace("missing: exclude", "missing: zero");
    let c = catalogue(&[&zero]);
    // 2024 without its release time answer: counted at 0, so the trend is `improved`
    // (0 -> 28/42), not `new`.
    let without = Y2024.replace("  aeo.release-time: {value: 30}\n", "");
    let r = compared(&c, &[&without, Y2025], "1.0.0");
    let t = trends(&r);
    assert_eq!(t[3], pairs(&[("aeo.release-time", "improved")])[0]);
    close(&r["indicators"][3]["from"], 0.0);
    close(&r["indicators"][3]["change"], 28.0 / 42.0);
    // aeo 2024 = (0.6 + 0)/2 = 30.
    close(&r["domains"][1]["from"], 30.0);
}

#[test]
fn other_administrations_and_profiles_are_refused() {
    let c = catalogue(&[DEMO]);
    let other = Y2025
        .replace("code: XE", "code: XM")
        .replace("Examplestan", "Meridia");
    let cycles = vec![carried(&c, Y2024, "1.0.0"), carried(&c, &other, "1.0.0")];
    let err = compare::compare(&cycles).unwrap_err();
    assert_eq!(err.code, "compare-administrations");
    assert!(err.message.contains("Meridia"), "{}", err.message);
    let one = vec![carried(&c, Y2024, "1.0.0")];
    assert_eq!(compare::compare(&one).unwrap_err().code, "compare-one");
}

fn report(c: &Catalogue, text: &str) -> Value {
    serde_json::to_value(&carried(c, text, "1.1.0").report).unwrap()
}

#[test]
fn migration_report_of_every_form() {
    let c = catalogue(&[DEMO_11]);
    let r = report(&c, Y2024);
    assert_eq!(r["from"], "1.0.0");
    assert_eq!(r["to"], "1.1.0");
    close(&r["compatibility"], 5.0 / 6.0);
    assert_eq!(
        r["carried"],
        json!([
            {"from": "aeo.coverage", "to": ["aeo.coverage"], "how": "same"},
            {"from": "exercises.last-test", "to": ["exercises.channels-tested", "exercises.plan-tested"], "how": "split"},
            {"from": "exercises.review", "to": ["exercises.response"], "how": "merged"},
            {"from": "governance.activation", "to": ["exercises.response"], "how": "merged"},
            {"from": "governance.oga-roles", "to": ["governance.agency-roles"], "how": "renamed"},
        ])
    );
    assert_eq!(
        r["dropped"],
        json!([{"id": "aeo.release-time", "reason": "Release time is now measured in the time release study"}])
    );
    assert_eq!(r["lost"], json!([]));
    assert_eq!(
        r["unmapped"],
        json!([
            {"id": "aeo.release-time", "value": 12, "target": true},
            {"id": "aeo.release-time", "action": true},
        ])
    );
    assert_eq!(r["new"], json!(["aeo.mra"]));
    let m = carried(&c, Y2024, "1.1.0").raw;
    // The merge of two values keeps the lower-scoring one (review 2 = 0.5 against
    // activation true -> 3 = 0.75), its evidence first, and an identical note once.
    let response = m.answers.get("exercises.response").unwrap();
    assert_eq!(response.value, Some(tradeready::model::AnswerValue::Int(2)));
    assert_eq!(response.evidence, ["Review minutes", "Directive 12/2023"]);
    assert_eq!(response.note.as_deref(), Some("Signed"));
    assert_eq!(m.migrated_from.as_ref().unwrap().version.as_str(), "1.0.0");
    assert_eq!(m.profile.version.as_str(), "1.1.0");
    // Answers follow the new profile's order.
    let order: Vec<&String> = m.answers.keys().collect();
    assert_eq!(
        order,
        [
            "governance.agency-roles",
            "aeo.coverage",
            "exercises.channels-tested",
            "exercises.plan-tested",
            "exercises.response"
        ]
    );
}

#[test]
fn a_value_wins_over_na_in_a_merge() {
    let c = catalogue(&[DEMO_11]);
    let m = carried(&c, Y2025, "1.1.0").raw;
    // activation true -> 3 wins over review's na; the na reason is not carried.
    let response = m.answers.get("exercises.response").unwrap();
    assert_eq!(response.value, Some(tradeready::model::AnswerValue::Int(3)));
    assert_eq!(response.na, None);
    assert_eq!(response.evidence, ["Directive 12/2023"]);
}

/// A 1.1.0 profile with a remapped entry on its own and no entry for one removed id.
fn remap_profile() -> String {
    DEMO_11.replace(
        "      governance.activation: {to: exercises.response, values: {true: 3, false: 0}}\n      exercises.review: exercises.response\n",
        "      exercises.review: {to: exercises.response, values: {0: 0, 1: 0, 2: 1, 3: 2, 4: 4}}\n",
    )
}

#[test]
fn remapped_unmapped_and_lost() {
    let c = catalogue(&[&remap_profile()]);
    let r = report(&c, Y2024);
    // governance.activation has no entry and 1.1.0 has no such id: lost.
    assert_eq!(r["lost"], json!(["governance.activation"]));
    let how: Vec<(String, String)> = r["carried"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["from"].as_str().unwrap().to_owned(),
                c["how"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        how.contains(&("exercises.review".into(), "remapped".into())),
        "{how:?}"
    );
    // Carried: coverage, last-test, review, oga-roles = 4 of 6.
    close(&r["compatibility"], 4.0 / 6.0);
    let m = carried(&c, Y2024, "1.1.0").raw;
    assert_eq!(
        m.answers.get("exercises.response").unwrap().value,
        Some(tradeready::model::AnswerValue::Int(1))
    );
    // A value the table does not list is unmapped and not carried.
    let odd = Y2024.replace(
        "exercises.review: {value: 2,",
        "exercises.review: {value: 2.5,",
    );
    let loaded = c.migrate(&odd, Some("1.1.0"));
    let r = serde_json::to_value(&loaded.value.expect("valid").report).unwrap();
    assert_eq!(
        r["unmapped"][0],
        json!({"id": "aeo.release-time", "value": 12, "target": true})
    );
    assert!(
        r["unmapped"]
            .as_array()
            .unwrap()
            .contains(&json!({"id": "exercises.review", "value": 2.5})),
        "{}",
        r["unmapped"]
    );
    assert!(
        r["new"]
            .as_array()
            .unwrap()
            .contains(&json!("exercises.response"))
    );
}

#[test]
fn an_error_after_migration_names_the_old_id_at_its_place() {
    // A renamed answer whose value the new indicator cannot take.
    let bad = Y2024.replace(
        "aeo.coverage: {value: 0.5}",
        "aeo.coverage: {value: 0.5}\n  aeo.mra-old: {value: 1}",
    );
    let profile = DEMO_11.replace(
        "aeo.release-time: {drop:",
        "aeo.mra-old: aeo.mra\n      aeo.release-time: {drop:",
    );
    let c2 = catalogue(&[&profile]);
    let loaded = c2.migrate(&bad, Some("1.1.0"));
    assert!(loaded.is_invalid());
    let d = loaded.errors().next().unwrap();
    assert!(
        d.message
            .starts_with("`aeo.mra-old` of demo 1.0.0, carried to `aeo.mra`: "),
        "{}",
        d.message
    );
    assert_eq!(d.pointer, "/answers/aeo.mra-old/value");
    // Line 12 of the old file: the comment, seven header lines, `answers:`, three answers.
    assert_eq!(d.line, Some(12), "placed at the old entry");
    // Backwards is refused.
    let newer = Y2026;
    let c1 = catalogue(&[DEMO]);
    let refused = c1.migrate(newer, Some("1.0.0"));
    assert_eq!(refused.errors().next().unwrap().code, "migrate-backwards");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Migrating to the same version changes nothing, whatever is answered.
    #[test]
    fn migrating_to_the_same_version_changes_nothing(
        level in 0i64..5, share in 0.0f64..=1.0, active: bool, hours in 0.0f64..100.0,
        skip in proptest::collection::vec(any::<bool>(), 4),
    ) {
        let mut text = String::from(
            "kind: assessment\nformat: 1\nprofile: {id: demo, version: 1.0.0}\n\
             administration: {name: X}\ncycle: c\nas_of: 2025-06-30\nanswers:\n",
        );
        let entries = [
            format!("  governance.oga-roles: {{value: {level}, evidence: [e]}}\n"),
            format!("  governance.activation: {{value: {active}}}\n"),
            format!("  aeo.coverage: {{value: {share}}}\n"),
            format!("  aeo.release-time: {{value: {hours}, note: n}}\n"),
        ];
        for (entry, skipped) in entries.iter().zip(&skip) {
            if !skipped {
                text.push_str(entry);
            }
        }
        text.push_str("  exercises.review: {na: none}\ntargets: {aeo.coverage: 0.9}\n");
        let c = catalogue(&[DEMO]);
        let original = c.decode_assessment(&text).value.expect("decodes");
        let m = carried(&c, &text, "1.0.0");
        prop_assert_eq!(&m.raw, &original);
        prop_assert_eq!(m.report.compatibility, 1.0);
        prop_assert!(m.report.carried.iter().all(|c| c.how == tradeready::migrate::How::Same));
        prop_assert!(m.report.dropped.is_empty() && m.report.lost.is_empty() && m.report.unmapped.is_empty());
    }
}

#[test]
fn replaces_still_carries_answers_forward() {
    // A 1.1.0 with no `migrations` block at all: `replaces` alone renames, and an id it
    // does not name keeps its id or is lost.
    let profile = DEMO_11[..DEMO_11.find("migrations:").unwrap()].to_owned()
        + "replaces:\n  governance.oga-roles: governance.agency-roles\n";
    let c = catalogue(&[&profile]);
    let r = report(&c, Y2024);
    assert_eq!(
        r["carried"],
        json!([
            {"from": "aeo.coverage", "to": ["aeo.coverage"], "how": "same"},
            {"from": "governance.oga-roles", "to": ["governance.agency-roles"], "how": "renamed"},
        ])
    );
    assert_eq!(
        r["lost"],
        json!([
            "aeo.release-time",
            "exercises.last-test",
            "exercises.review",
            "governance.activation"
        ])
    );
    close(&r["compatibility"], 2.0 / 6.0);
}

#[test]
fn evidence_without_an_answer_moves_and_yields_in_a_merge() {
    let c = catalogue(&[DEMO_11]);
    // review holds evidence and a note but no answer; activation answers true.
    let text = Y2024.replace(
        "exercises.review: {value: 2, evidence: [Review minutes], note: Signed}",
        "exercises.review: {evidence: [Review minutes], note: ask the trade}",
    );
    let m = carried(&c, &text, "1.1.0");
    let response = m.raw.answers.get("exercises.response").unwrap();
    assert_eq!(response.value, Some(tradeready::model::AnswerValue::Int(3)));
    assert_eq!(response.evidence, ["Directive 12/2023", "Review minutes"]);
    assert_eq!(response.note.as_deref(), Some("Signed; ask the trade"));
    // Five answers given (review has none): activation, coverage, last-test, oga-roles
    // carried, release time dropped: 4/5.
    assert!((m.report.compatibility - 4.0 / 5.0).abs() < 1e-9);
}
