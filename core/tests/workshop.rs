//! Workshops, on cases computed by hand: `aggregate` (DESIGN.md "Across administrations")
//! and `merge` (DESIGN.md "Several respondents, one administration"), through the public
//! API exactly as the command line calls them, JSON compared to 1e-9.

use serde_json::{Value, json};
use tradeready::aggregate::aggregate;
use tradeready::merge::{Resolve, merge};
use tradeready::{Catalogue, Scored};

/// Domain `a`: a scale and a boolean. Domain `b`: a ratio (default points), a date fresh
/// up to 365 days and stale from 730, a scale nobody answers, and a ratio whose points
/// clamp everything below 0.2 to 0 (so that different values tie on score).
fn profile(version: &str) -> String {
    format!(
        "kind: profile\nformat: 1\nid: t\nversion: {version}\nlanguages: [en]\ntitle: T\n\
         scales:\n  m:\n    levels:\n      - {{value: 0, label: L0, score: 0}}\n      - {{value: 1, label: L1, score: 0.25}}\n      - {{value: 2, label: L2, score: 0.5}}\n      - {{value: 3, label: L3, score: 0.75}}\n      - {{value: 4, label: L4, score: 1}}\n\
         bands:\n  - {{min: 0, label: Initial}}\n  - {{min: 60, label: Established}}\n\
         domains:\n\
         \x20 - id: a\n    title: A\n    indicators:\n\
         \x20     - {{id: a.level, kind: scale, scale: m, text: Level?}}\n\
         \x20     - {{id: a.flag, kind: boolean, text: Flag?}}\n\
         \x20 - id: b\n    title: B\n    indicators:\n\
         \x20     - {{id: b.share, kind: ratio, text: Share?}}\n\
         \x20     - {{id: b.when, kind: date, text: When?, fresh_days: 365, stale_days: 730}}\n\
         \x20     - {{id: b.never, kind: scale, scale: m, text: Never answered?}}\n\
         \x20     - {{id: b.clamped, kind: ratio, text: Clamped?, points: [[0.2, 0], [0.8, 1]]}}\n"
    )
}

fn catalogue() -> Catalogue {
    let mut catalogue = Catalogue::empty();
    for version in ["1.0.0", "1.1.0"] {
        let added = catalogue.add_text(&profile(version));
        assert!(added.value.is_some(), "{:#?}", added.diagnostics);
    }
    catalogue
}

/// An assessment of profile t 1.0.0 with these header fields and `answers:`/`targets:`
/// lines.
struct File<'a> {
    name: &'a str,
    code: &'a str,
    cycle: &'a str,
    as_of: &'a str,
    assessors: &'a str,
    version: &'a str,
    body: &'a str,
}

impl Default for File<'_> {
    fn default() -> Self {
        File {
            name: "Customs of Xanadu",
            code: "XX",
            cycle: "c1",
            as_of: "2025-06-30",
            assessors: "[]",
            version: "1.0.0",
            body: "answers: {}",
        }
    }
}

fn text(f: &File) -> String {
    format!(
        "kind: assessment\nformat: 1\nprofile: {{id: t, version: {}}}\n\
         administration: {{name: {}, code: {}}}\ncycle: {}\nas_of: {}\nassessors: {}\n{}\n",
        f.version, f.name, f.code, f.cycle, f.as_of, f.assessors, f.body
    )
}

fn load(catalogue: &Catalogue, files: &[File]) -> Vec<Scored> {
    files
        .iter()
        .map(|f| {
            let t = text(f);
            let loaded = catalogue.load_assessment(&t);
            loaded
                .value
                .unwrap_or_else(|| panic!("{:#?}\n{t}", loaded.diagnostics))
        })
        .collect()
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

/// n, mean, min, median, max of `v` against the expected figures.
fn stats(v: &Value, n: u64, [mean, min, median, max]: [f64; 4], what: &str) {
    assert_eq!(v["n"], n, "{what}: n");
    close(&v["mean"], mean, &format!("{what} mean"));
    close(&v["min"], min, &format!("{what} min"));
    close(&v["median"], median, &format!("{what} median"));
    close(&v["max"], max, &format!("{what} max"));
}

fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {list}"))
}

/// Four administrations, scored by hand (as_of 2025-06-30 for all):
/// - W: a.level 3 (0.75), a.flag true (1), b.share 0.2, b.when 180 days old (1).
///   a = 87.5, b = (0.2 + 1)/2 = 60, overall 73.75.
/// - X: a.level 1 (0.25), a.flag false (0), b.share na, b.when 2024-04-18: 438 days old,
///   (730 − 438)/365 = 0.8. a = 12.5, b = 80, overall 46.25.
/// - Y: a.level 3, a.flag na, b.share 0.6, b.when missing. a = 75, b = 60, overall 67.5.
/// - Z: a.level na, a.flag true, b.share 1, b.when 2025-06-30 (1). a = 100, b = 100,
///   overall 100.
///
/// b.never and b.clamped: nobody answers them.
fn workshop() -> [File<'static>; 4] {
    [
        File {
            name: "Wessex Revenue Board",
            code: "QW1",
            body: "answers:\n  a.level: {value: 3}\n  a.flag: {value: true}\n  b.share: {value: 0.2}\n  b.when: {value: 2025-01-01}",
            ..File::default()
        },
        File {
            name: "Xylandia Customs Office",
            code: "QX2",
            body: "answers:\n  a.level: {value: 1}\n  a.flag: {value: false}\n  b.share: {na: No trade}\n  b.when: {value: 2024-04-18}",
            ..File::default()
        },
        File {
            name: "Yarrowdale Border Agency",
            code: "QY3",
            body: "answers:\n  a.level: {value: 3}\n  a.flag: {na: Not in mandate}\n  b.share: {value: 0.6}",
            ..File::default()
        },
        File {
            name: "Zephyria Customs Service",
            code: "QZ4",
            body: "answers:\n  a.level: {na: Not in mandate}\n  a.flag: {value: true}\n  b.share: {value: 1}\n  b.when: {value: 2025-06-30}",
            ..File::default()
        },
    ]
}

#[test]
fn aggregate_gives_the_figures_computed_by_hand() {
    let catalogue = catalogue();
    let scored = load(&catalogue, &workshop());
    let refs: Vec<&Scored> = scored.iter().collect();
    let r = serde_json::to_value(aggregate(&refs, false).unwrap()).unwrap();
    assert_eq!(r["n"], 4);
    // Overall 73.75, 46.25, 67.5, 100: mean 287.5/4; even n, median (67.5 + 73.75)/2.
    stats(&r["overall"], 4, [71.875, 46.25, 70.625, 100.0], "overall");
    // a: 87.5, 12.5, 75, 100: mean 275/4, median (75 + 87.5)/2.
    stats(
        by_id(&r["domains"], "a"),
        4,
        [68.75, 12.5, 81.25, 100.0],
        "a",
    );
    // b: 60, 80, 60, 100: mean 75, median (60 + 80)/2.
    stats(by_id(&r["domains"], "b"), 4, [75.0, 60.0, 70.0, 100.0], "b");
    let ind = &r["indicators"];
    // a.level over three files (Z is na): 0.75, 0.25, 0.75; levels 1 once, 3 twice.
    let level = by_id(ind, "a.level");
    stats(level, 3, [1.75 / 3.0, 0.25, 0.75, 0.75], "a.level");
    assert_eq!(level["levels"], json!({"1": 1, "3": 2}));
    assert_eq!(
        serde_json::to_string(&level["levels"]).unwrap(),
        r#"{"1":1,"3":2}"#,
        "levels in scale order"
    );
    // a.flag: 1, 0, 1 (Y na); a boolean has no level counts.
    let flag = by_id(ind, "a.flag");
    stats(flag, 3, [2.0 / 3.0, 0.0, 1.0, 1.0], "a.flag");
    assert!(flag.get("levels").is_none());
    // b.share: 0.2, 0.6, 1 (X na).
    stats(by_id(ind, "b.share"), 3, [0.6, 0.2, 0.6, 1.0], "b.share");
    // b.when: 1, 0.8, 1 (Y missing, not counted under `missing: exclude`).
    stats(
        by_id(ind, "b.when"),
        3,
        [2.8 / 3.0, 0.8, 1.0, 1.0],
        "b.when",
    );
    // Nobody answered b.never: n 0, all null; a scale, so its level counts are empty.
    let never = by_id(ind, "b.never");
    assert_eq!(
        never,
        &json!({"id": "b.never", "n": 0, "mean": null, "min": null, "median": null, "max": null, "levels": {}})
    );
    assert_eq!(
        by_id(ind, "b.clamped"),
        &json!({"id": "b.clamped", "n": 0, "mean": null, "min": null, "median": null, "max": null})
    );
    // The matrix, in the order given, named.
    let admins = r["administrations"].as_array().unwrap();
    let labels: Vec<&str> = admins
        .iter()
        .map(|a| a["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Wessex Revenue Board",
            "Xylandia Customs Office",
            "Yarrowdale Border Agency",
            "Zephyria Customs Service"
        ]
    );
    close(&admins[1]["overall"], 46.25, "X overall");
    assert_eq!(admins[1]["domains"][0]["id"], "a");
    close(&admins[1]["domains"][0]["score"], 12.5, "X a");
    close(&admins[1]["domains"][1]["score"], 80.0, "X b");
}

#[test]
fn anonymised_output_holds_no_name_and_no_code() {
    let catalogue = catalogue();
    let files = workshop();
    let scored = load(&catalogue, &files);
    let refs: Vec<&Scored> = scored.iter().collect();
    let report = aggregate(&refs, true).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    let text = tradeready::aggregate::render_text(&scored[0].profile, &report);
    for f in &files {
        for secret in [f.name, f.code] {
            assert!(!json.contains(secret), "{secret} in {json}");
            assert!(!text.contains(secret), "{secret} in {text}");
        }
        // Not even a word of a name.
        for word in f.name.split_whitespace().filter(|w| w.len() > 7) {
            assert!(!json.contains(word) && !text.contains(word), "{word}");
        }
    }
    let labels: Vec<&str> = report
        .administrations
        .iter()
        .map(|a| a.label.as_str())
        .collect();
    assert_eq!(labels, ["A", "B", "C", "D"]);
    // The names are there without --anonymize, so the search above can fail.
    let named = serde_json::to_string(&aggregate(&refs, false).unwrap()).unwrap();
    assert!(named.contains("Xylandia Customs Office"));
}

#[test]
fn aggregate_refuses_a_file_of_another_profile_version_and_names_it() {
    let catalogue = catalogue();
    let [w, x, ..] = workshop();
    let other = File {
        version: "1.1.0",
        ..x
    };
    let scored = load(&catalogue, &[w, other]);
    let refs: Vec<&Scored> = scored.iter().collect();
    let e = aggregate(&refs, false).unwrap_err();
    assert_eq!(e.file, 1);
    assert_eq!(e.diagnostic.code, "different-profile");
    assert_eq!(e.diagnostic.pointer, "/profile");
    assert!(
        e.diagnostic.message.contains("t 1.1.0") && e.diagnostic.message.contains("t 1.0.0"),
        "{}",
        e.diagnostic.message
    );
    // What to do: carry the earlier version's files forward to the later one.
    assert_eq!(
        e.diagnostic.hints,
        [
            "carry the files of t 1.0.0 forward first: tradeready migrate FILE --to 1.1.0 -o NEW-FILE"
        ]
    );
}

#[test]
fn the_facilitators_text_orders_domains_and_spreads() {
    let catalogue = catalogue();
    let scored = load(&catalogue, &workshop());
    let refs: Vec<&Scored> = scored.iter().collect();
    let report = aggregate(&refs, true).unwrap();
    // a (mean 68.75) is weaker than b (75).
    assert_eq!(tradeready::aggregate::weakest_first(&report), [0, 1]);
    // Spreads: a.level 0.5, a.flag 1, b.share 0.8, b.when 0.2: a.flag, b.share, a.level,
    // b.when.
    let widest = tradeready::aggregate::widest_spreads(&report, 10);
    let ids: Vec<&str> = widest
        .iter()
        .map(|&i| report.indicators[i].id.as_str())
        .collect();
    assert_eq!(ids, ["a.flag", "b.share", "a.level", "b.when"]);
    let text = tradeready::aggregate::render_text(&scored[0].profile, &report);
    let a = text.find("\n  a ").unwrap();
    let b = text.find("\n  b ").unwrap();
    assert!(a < b, "{text}");
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("A ") && l.contains("73.8") && l.contains("87.5")),
        "{text}"
    );
}

// ---- merge ----

fn respondent(assessors: &'static str, as_of: &'static str, body: &'static str) -> File<'static> {
    File {
        assessors,
        as_of,
        body,
        ..File::default()
    }
}

fn merged(files: &[File], resolve: Resolve) -> (tradeready::merge::Consensus, Value) {
    let catalogue = catalogue();
    let scored = load(&catalogue, files);
    let refs: Vec<&Scored> = scored.iter().collect();
    let consensus = merge(&refs, resolve).unwrap();
    let json = serde_json::to_value(&consensus.report).unwrap();
    // Whatever the case, the YAML written validates, with warnings at most.
    let yaml = consensus.to_yaml();
    let loaded = catalogue.load_assessment(&yaml);
    assert!(loaded.value.is_some(), "{:#?}\n{yaml}", loaded.diagnostics);
    (consensus, json)
}

/// The merged YAML, loaded back.
fn reloaded(consensus: &tradeready::merge::Consensus) -> tradeready::Assessment {
    let yaml = consensus.to_yaml();
    catalogue().load_assessment(&yaml).value.unwrap().assessment
}

#[test]
fn respondents_who_all_agree_give_their_answers() {
    let body = "answers:\n  a.level: {value: 2}\n  a.flag: {value: true}\n  b.share: {value: 0.5}\n  b.when: {na: No exercise}\ntargets:\n  a.level: 4";
    let files = [
        respondent("[Legal]", "2025-06-30", body),
        respondent("[Risk, Legal]", "2025-05-31", body),
        respondent("[Ports]", "2025-06-15", body),
    ];
    let (consensus, json) = merged(&files, Resolve::None);
    assert_eq!(
        json,
        json!({"n": 3, "agreed": 4, "conflicts": [], "partial": []})
    );
    let a = reloaded(&consensus);
    let single = load(&catalogue(), &files[..1]);
    assert_eq!(a.answers, single[0].assessment.answers);
    assert_eq!(a.targets, single[0].assessment.targets);
    assert_eq!(a.assessors, ["Legal", "Risk", "Ports"]);
    assert_eq!(tradeready::format_date(a.as_of), "2025-06-30", "the latest");
    assert_eq!(a.cycle, "c1");
    assert_eq!(a.code.as_deref(), Some("XX"));
    // All na: agreed, one reason given once.
    assert!(matches!(
        &a.answers["b.when"].response,
        tradeready::model::Response::NotApplicable(r) if r == "No exercise"
    ));
}

#[test]
fn a_partial_answer_is_taken_and_listed() {
    let files = [
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.level: {value: 3}\n  b.share: {na: First reason}",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  b.share: {na: Second reason}",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.level: {value: 3}\n  a.flag: {value: false}",
        ),
    ];
    let (consensus, json) = merged(&files, Resolve::None);
    // a.level: A and C agree, B is silent. a.flag: C alone. b.share: A and B na.
    assert_eq!(
        json,
        json!({"n": 3, "agreed": 3, "conflicts": [], "partial": ["a.level", "a.flag", "b.share"]})
    );
    let a = reloaded(&consensus);
    assert_eq!(
        a.answers["a.level"].response,
        tradeready::model::Response::Value(tradeready::model::Value::Level(3))
    );
    assert_eq!(
        a.answers["b.share"].response,
        tradeready::model::Response::NotApplicable("First reason; Second reason".into())
    );
}

#[test]
fn a_value_against_na_is_a_conflict_and_the_rules_set_na_aside() {
    let files = [
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.flag: {na: Not ours, note: ask Legal}",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.flag: {value: false, evidence: [Directive 4]}",
        ),
    ];
    let (consensus, json) = merged(&files, Resolve::None);
    assert_eq!(
        json,
        json!({"n": 2, "agreed": 0, "partial": [], "conflicts": [
            {"id": "a.flag", "answers": [
                {"respondent": "A", "na": "Not ours", "note": "ask Legal"},
                {"respondent": "B", "value": false, "evidence": ["Directive 4"]}
            ], "resolved": null}
        ]})
    );
    // Left for the group: a commented entry, nothing answered.
    let yaml = consensus.to_yaml();
    assert!(
        yaml.contains("  # CONFLICT on the answer of a.flag: the respondents differ.\n  #   A: na: \"Not ours\"; note: \"ask Legal\"\n  #   B: false; evidence: \"Directive 4\"\n  # a.flag: {value: SETTLE, evidence: [\"Directive 4\"], note: \"A: ask Legal\"}\n"),
        "{yaml}"
    );
    assert!(!reloaded(&consensus).answers.contains_key("a.flag"));
    for rule in [Resolve::Lowest, Resolve::Median] {
        let (consensus, json) = merged(&files, rule);
        assert_eq!(json["conflicts"][0]["resolved"], false, "{rule:?}");
        let a = reloaded(&consensus);
        assert_eq!(
            a.answers["a.flag"].response,
            tradeready::model::Response::Value(tradeready::model::Value::Bool(false))
        );
        assert_eq!(a.answers["a.flag"].evidence, ["Directive 4"]);
    }
}

#[test]
fn lowest_and_median_break_ties_in_file_order() {
    // b.clamped scores 0.15 and 0.1 both 0 (clamped below 0.2) and 0.9 as 1.
    // Sorted by (score, file): A 0.15, B 0.1, C 0.9.
    let files = [
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  b.clamped: {value: 0.15}\n  a.level: {value: 3}",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  b.clamped: {value: 0.1}\n  a.level: {value: 1}",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  b.clamped: {value: 0.9}\n  a.level: {value: 4}",
        ),
        respondent("[]", "2025-06-30", "answers:\n  a.level: {value: 1}"),
    ];
    let (_, none) = merged(&files, Resolve::None);
    assert_eq!(none["agreed"], 0);
    assert_eq!(none["partial"], json!(["b.clamped"]));
    let (_, lowest) = merged(&files, Resolve::Lowest);
    let (_, median) = merged(&files, Resolve::Median);
    // a.level: 0.75 (A), 0.25 (B), 1 (C), 0.25 (D): sorted B, D, A, C. Lowest: B's 1.
    // Lower median of four: the second, D's 1.
    assert_eq!(by_id(&lowest["conflicts"], "a.level")["resolved"], 1);
    assert_eq!(by_id(&median["conflicts"], "a.level")["resolved"], 1);
    // b.clamped: lowest the first of the tie (A's 0.15); the median of three, the second
    // (B's 0.1).
    close(
        &by_id(&lowest["conflicts"], "b.clamped")["resolved"],
        0.15,
        "lowest",
    );
    close(
        &by_id(&median["conflicts"], "b.clamped")["resolved"],
        0.1,
        "median",
    );
    // Conflicts in profile order.
    let ids: Vec<&str> = none["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a.level", "b.clamped"]);
}

#[test]
fn values_compare_by_type_and_dates_are_scored_at_the_merged_as_of() {
    // 1 equals 1.0, a scale answer 3.0 is level 3; two different dates conflict even when
    // both score 1.
    let files = [
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  b.share: {value: 1}\n  b.when: {value: 2025-06-01}\n  a.level: {value: 3}",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  b.share: {value: 1.0}\n  b.when: {value: 2025-05-01}\n  a.level: {value: 3.0}",
        ),
    ];
    let (_, json) = merged(&files, Resolve::None);
    assert_eq!(json["agreed"], 2);
    assert_eq!(json["conflicts"][0]["id"], "b.when");
    // A's as_of is 2025-06-30, B's 2024-12-31. At their own dates A's 2024-10-01 (272
    // days) and B's 2024-01-01 (365 days) both score 1, and the tie would go to A. At the
    // merged as_of, 2025-06-30, B's date is 546 days old and scores (730 − 546)/365: the
    // lowest.
    let files = [
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  b.when: {value: 2024-10-01}",
        ),
        respondent(
            "[]",
            "2024-12-31",
            "answers:\n  b.when: {value: 2024-01-01}",
        ),
    ];
    let (consensus, json) = merged(&files, Resolve::Lowest);
    assert_eq!(json["conflicts"][0]["resolved"], "2024-01-01");
    assert_eq!(tradeready::format_date(consensus.as_of), "2025-06-30");
}

#[test]
fn evidence_and_notes_of_every_respondent_are_kept() {
    let files = [
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.level: {value: 3, evidence: [E1, E2], note: n1}\n  b.never: {evidence: [G1], note: ask}",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.level: {value: 3, evidence: [E2, E3]}",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.level: {value: 3, note: n3}\n  b.never: {note: later}",
        ),
    ];
    let (consensus, json) = merged(&files, Resolve::None);
    // b.never holds only evidence and notes: it answers nothing, in neither list.
    assert_eq!(
        json,
        json!({"n": 3, "agreed": 1, "conflicts": [], "partial": []})
    );
    let a = reloaded(&consensus);
    assert_eq!(a.answers["a.level"].evidence, ["E1", "E2", "E3"]);
    assert_eq!(a.answers["a.level"].note.as_deref(), Some("A: n1; C: n3"));
    assert!(!a.answers.contains_key("b.never"));
    let never = &a.gathered["b.never"];
    assert_eq!(never.evidence, ["G1"]);
    assert_eq!(never.note.as_deref(), Some("A: ask; C: later"));
}

#[test]
fn conflicting_targets_are_listed_and_settled_by_the_same_rule() {
    let files = [
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.level: {value: 2}\ntargets:\n  a.level: 4\n  b.share: 0.5",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.level: {value: 2}\ntargets:\n  a.level: 3",
        ),
        respondent(
            "[]",
            "2025-06-30",
            "answers:\n  a.level: {value: 2}\ntargets:\n  b.share: 0.5",
        ),
    ];
    let (consensus, json) = merged(&files, Resolve::None);
    assert_eq!(
        json,
        json!({"n": 3, "agreed": 1, "partial": [], "conflicts": [
            {"id": "a.level", "target": true, "answers": [
                {"respondent": "A", "value": 4}, {"respondent": "B", "value": 3}
            ], "resolved": null}
        ]})
    );
    let yaml = consensus.to_yaml();
    assert!(yaml.contains("  # a.level: SETTLE\n"), "{yaml}");
    let a = reloaded(&consensus);
    assert!(!a.targets.contains_key("a.level"));
    assert_eq!(a.targets["b.share"], tradeready::model::Value::Ratio(0.5));
    let (consensus, json) = merged(&files, Resolve::Lowest);
    assert_eq!(json["conflicts"][0]["resolved"], 3);
    assert_eq!(
        reloaded(&consensus).targets["a.level"],
        tradeready::model::Value::Level(3)
    );
}

#[test]
fn files_of_another_administration_cycle_or_profile_version_are_refused() {
    let catalogue = catalogue();
    let base = || respondent("[]", "2025-06-30", "answers: {}");
    for (other, code, pointer) in [
        (
            File {
                code: "YY",
                name: "Customs of Yonder",
                ..base()
            },
            "different-administration",
            "/administration",
        ),
        (
            File {
                cycle: "c2",
                ..base()
            },
            "different-cycle",
            "/cycle",
        ),
        (
            File {
                version: "1.1.0",
                ..base()
            },
            "different-profile",
            "/profile",
        ),
    ] {
        let scored = load(&catalogue, &[base(), base(), other]);
        let refs: Vec<&Scored> = scored.iter().collect();
        let e = merge(&refs, Resolve::None).unwrap_err();
        assert_eq!(
            (e.file, e.diagnostic.code, e.diagnostic.pointer.as_str()),
            (2, code, pointer)
        );
    }
    // The same code under another spelling of the name is the same administration.
    let scored = load(
        &catalogue,
        &[
            base(),
            File {
                name: "Xanadu Customs",
                ..base()
            },
        ],
    );
    let refs: Vec<&Scored> = scored.iter().collect();
    assert!(merge(&refs, Resolve::None).is_ok());
}

#[test]
fn actions_are_the_first_files_then_the_others_for_other_ids() {
    let files = [
        respondent(
            "[Legal]",
            "2025-06-30",
            "answers:\n  a.level: {value: 2}\nactions:\n  a.level: {do: Sign the protocol, owner: Legal, status: planned}",
        ),
        respondent(
            "[Risk]",
            "2025-06-30",
            "answers:\n  a.level: {value: 2}\nactions:\n  a.level: {owner: Risk, status: done}\n  b.share: {owner: Risk, due: 2026-03-31, status: in-progress}",
        ),
    ];
    let (consensus, _) = merged(&files, Resolve::None);
    let a = reloaded(&consensus);
    let level = &a.actions["a.level"];
    assert_eq!(level.owner.as_deref(), Some("Legal"), "the first file's");
    assert_eq!(level.what.as_deref(), Some("Sign the protocol"));
    assert_eq!(level.status.as_str(), "planned");
    let share = &a.actions["b.share"];
    assert_eq!(
        share.owner.as_deref(),
        Some("Risk"),
        "another file's, for another id"
    );
    assert_eq!(
        share.due.map(tradeready::format_date).as_deref(),
        Some("2026-03-31")
    );
    assert_eq!(a.actions.len(), 2);
}
