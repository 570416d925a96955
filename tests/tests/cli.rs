//! The command line, end to end: golden outputs (insta snapshots), exit statuses, and the
//! JSON numbers of DESIGN.md on a case computed by hand.

use serde_json::Value;
use tradeready_tests::{Run, root, tradeready};

const PROFILE: &str = "tests/data/profiles/demo.yaml";
const ASSESSMENT: &str = "tests/data/assessments/demo-2025.yaml";

fn score_json() -> Run {
    tradeready(&[
        "score",
        ASSESSMENT,
        "--profile",
        PROFILE,
        "--format",
        "json",
    ])
}

fn ok(run: &Run) -> &str {
    assert_eq!(run.code, Some(0), "stderr:\n{}", run.stderr);
    &run.stdout
}

#[test]
fn score_text_is_golden() {
    let run = tradeready(&["score", ASSESSMENT, "--profile", PROFILE]);
    insta::assert_snapshot!(ok(&run));
}

#[test]
fn score_text_speaks_french_and_spanish_with_their_numbers() {
    let run = tradeready(&["score", ASSESSMENT, "--profile", PROFILE, "--lang", "fr"]);
    let out = ok(&run);
    assert!(
        out.contains("Préparation globale\u{a0}: 84,0 (Advanced)"),
        "{out}"
    );
    assert!(out.contains("Complétude\u{a0}: 100\u{202f}%"), "{out}");
    assert!(out.contains("[Priorité 25,0]"), "{out}");
    let run = tradeready(&["score", ASSESSMENT, "--profile", PROFILE, "--lang", "es"]);
    assert!(
        ok(&run).contains("Plan de acción (3 brechas"),
        "{}",
        run.stdout
    );
    let run = tradeready(&["score", ASSESSMENT, "--profile", PROFILE, "--lang", "de"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
}

#[test]
fn score_json_is_golden() {
    let run = score_json();
    insta::assert_snapshot!(ok(&run));
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

/// The demo assessment scored by hand, as DESIGN.md "Scoring" says.
#[test]
fn score_json_gives_the_numbers_computed_by_hand() {
    let run = score_json();
    let r: Value = serde_json::from_str(ok(&run)).unwrap();
    // Indicators: oga-roles level 3 = 0.75; activation true = 1; coverage 0.65 between
    // (0.5, 0.6) and (0.8, 1) = 0.6 + 0.4·0.15/0.3 = 0.8; release time 20 h against 48 -> 6
    // = 28/42; channels tested 240 days before as_of, fresh up to 365 = 1; review n/a.
    let scores: Vec<&Value> = r["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| &i["score"])
        .collect();
    close(scores[0], 0.75);
    close(scores[1], 1.0);
    close(scores[2], 0.8);
    close(scores[3], 28.0 / 42.0);
    close(scores[4], 1.0);
    assert!(scores[5].is_null());
    // Domains: governance (3·0.75 + 1)/4; aeo (0.8 + 2/3)/2; exercises 1.
    let governance = 100.0 * 3.25 / 4.0;
    let aeo = 100.0 * (0.8 + 28.0 / 42.0) / 2.0;
    close(&r["domains"][0]["score"], governance);
    close(&r["domains"][1]["score"], aeo);
    close(&r["domains"][2]["score"], 100.0);
    // Overall with domain weights 2, 1, 1; no cap fires.
    close(&r["overall"], (2.0 * governance + aeo + 100.0) / 4.0);
    assert_eq!(r["band"], "Advanced");
    // Phases: prepare = (3·0.75 + 0.8 + 1)/5; respond = 1; resume = (0.8 + 2/3)/2;
    // review = (2/3 + 1)/2 (the n/a review indicator does not count).
    let phases: Vec<(&str, f64)> = r["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["score"].as_f64().unwrap()))
        .collect();
    let expected = [
        ("prepare", 81.0),
        ("respond", 100.0),
        ("resume", aeo),
        ("review", 100.0 * (28.0 / 42.0 + 1.0) / 2.0),
    ];
    assert_eq!(phases.len(), expected.len());
    for ((id, score), (eid, escore)) in phases.iter().zip(expected) {
        assert_eq!(*id, eid);
        assert!((score - escore).abs() < 1e-9, "{id}: {score} vs {escore}");
    }
    // Pandemic: exercises weight ×2, coverage ×3: aeo = (3·0.8 + 2/3)/4.
    let aeo_pandemic = 100.0 * (2.4 + 28.0 / 42.0) / 4.0;
    close(
        &r["scenarios"][0]["score"],
        (2.0 * governance + aeo_pandemic + 2.0 * 100.0) / 5.0,
    );
    close(&r["completeness"], 1.0);
    close(&r["evidence_coverage"], 0.8);
    // Gaps: M = 3·2·2 = 12. oga-roles: target level 4 = 1, gap 0.25, critical:
    // 100·0.25·3·2·2/12 = 25. Release time: gap 1/3, 100/3/12. Coverage: target 0.8 scores
    // 1, gap 0.2, 100·0.2/12.
    let gaps = r["gaps"].as_array().unwrap();
    let ids: Vec<&str> = gaps.iter().map(|g| g["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["governance.oga-roles", "aeo.release-time", "aeo.coverage"]
    );
    close(&gaps[0]["priority"], 25.0);
    close(&gaps[1]["priority"], 100.0 * (1.0 - 28.0 / 42.0) / 12.0);
    close(&gaps[2]["priority"], 100.0 * 0.2 / 12.0);
    close(&gaps[2]["target"], 1.0);
}

#[test]
fn score_writes_to_a_file_with_output() {
    let out = std::env::temp_dir().join(format!("tradeready-score-{}.json", std::process::id()));
    let run = tradeready(&[
        "score",
        ASSESSMENT,
        "--profile",
        PROFILE,
        "--format",
        "json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(ok(&run), "");
    let written = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    let stdout = tradeready(&[
        "score",
        ASSESSMENT,
        "--profile",
        PROFILE,
        "--format",
        "json",
    ])
    .stdout;
    assert_eq!(written, stdout);
}

#[test]
fn validate_reports_each_file() {
    let run = tradeready(&["validate", PROFILE, ASSESSMENT, "--profile", PROFILE]);
    insta::assert_snapshot!(ok(&run), @r"
    tests/data/profiles/demo.yaml: valid
    tests/data/assessments/demo-2025.yaml: valid
    ");
}

#[test]
fn evidence_gathered_before_an_answer_warns_and_counts_as_missing() {
    let file = "tests/data/warnings/demo-2025-gathered.yaml";
    let run = tradeready(&["validate", file, "--profile", PROFILE]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("tests/data/warnings/demo-2025-gathered.yaml:11:")
            && run
                .stderr
                .contains("`aeo.coverage` holds evidence or a note but no answer yet"),
        "{}",
        run.stderr
    );
    let run = tradeready(&["score", file, "--profile", PROFILE, "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let coverage = report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == "aeo.coverage")
        .unwrap();
    assert_eq!(coverage["status"], "missing");
}

#[test]
fn validate_goes_on_after_a_bad_file_and_exits_1() {
    let run = tradeready(&[
        "validate",
        "tests/data/bad/empty-na.yaml",
        ASSESSMENT,
        "--profile",
        PROFILE,
    ]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout, "tests/data/assessments/demo-2025.yaml: valid\n");
    assert!(
        run.stderr
            .starts_with("tests/data/bad/empty-na.yaml:14:26: "),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_file_is_invalid_input() {
    let run = tradeready(&["validate", "no/such/file.yaml"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .starts_with("no/such/file.yaml: cannot read the file"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unknown_profile_is_a_located_error_naming_what_is_available() {
    let run = tradeready(&["score", ASSESSMENT]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .starts_with("tests/data/assessments/demo-2025.yaml:3:10: no profile demo 1.0.0 is available (available: "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--profile"), "{}", run.stderr);
}

#[test]
fn a_profile_where_an_assessment_is_expected() {
    let run = tradeready(&["score", PROFILE, "--profile", PROFILE]);
    assert_eq!(run.code, Some(1));
    insta::assert_snapshot!(run.stderr, @"tests/data/profiles/demo.yaml:3:7: this file is a profile, where an assessment was expected");
}

#[test]
fn wrong_usage_exits_2() {
    for args in [
        &["score"][..],
        &["frobnicate"],
        &["score", ASSESSMENT, "--format", "xml"],
        &["schema", "nothing"],
        &[],
    ] {
        let run = tradeready(args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.is_empty());
    }
}

#[test]
fn help_is_golden() {
    let run = tradeready(&["--help"]);
    insta::assert_snapshot!(ok(&run));
}

#[test]
fn schema_prints_the_committed_schemas() {
    for kind in ["profile", "assessment"] {
        let run = tradeready(&["schema", kind]);
        let committed =
            std::fs::read_to_string(root().join(format!("schemas/{kind}.schema.json"))).unwrap();
        assert_eq!(ok(&run), committed);
    }
}

#[test]
fn new_prints_a_commented_blank_assessment() {
    let run = tradeready(&[
        "new",
        "--profile",
        PROFILE,
        "--administration",
        "Customs of Examplestan",
        "--code",
        "XE",
        "--cycle",
        "2026",
        "--as-of",
        "2026-01-31",
    ]);
    insta::assert_snapshot!(ok(&run));
}

#[test]
fn a_blank_assessment_validates_and_so_does_it_once_filled_in() {
    let run = tradeready(&["new", "--profile", PROFILE, "--as-of", "2026-01-31"]);
    let blank = ok(&run).to_owned();
    assert!(blank.starts_with("# yaml-language-server: $schema="));
    let dir = std::env::temp_dir().join(format!("tradeready-new-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("blank.yaml");
    std::fs::write(&path, &blank).unwrap();
    let as_blank = tradeready(&["validate", path.to_str().unwrap(), "--profile", PROFILE]);
    // Uncomment every answer, and give the date its value.
    let filled: String = blank
        .lines()
        .map(|l| match l.strip_prefix("  # ") {
            Some(entry) if entry.contains(": {value: ") => {
                format!("  {}\n", entry.replace("YYYY-MM-DD", "2025-12-01"))
            }
            _ => format!("{l}\n"),
        })
        .collect();
    std::fs::write(&path, &filled).unwrap();
    let as_filled = tradeready(&["validate", path.to_str().unwrap(), "--profile", PROFILE]);
    let scored = tradeready(&[
        "score",
        path.to_str().unwrap(),
        "--profile",
        PROFILE,
        "--format",
        "json",
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    ok(&as_blank);
    ok(&as_filled);
    let r: Value = serde_json::from_str(ok(&scored)).unwrap();
    close(&r["completeness"], 1.0);
}

#[test]
fn new_uses_the_only_embedded_profile_or_asks_for_one() {
    let run = tradeready(&["new", "--as-of", "2026-01-31"]);
    let mut ids: Vec<&str> = tradeready::embedded::PROFILES
        .iter()
        .map(|p| p.id)
        .collect();
    ids.dedup();
    // One profile id (in several versions): its newest version, natively the WCO profile's
    // newest (1.2.1).
    match ids.as_slice() {
        [id] => {
            let only = tradeready::embedded::latest(id).unwrap();
            let out = ok(&run);
            assert!(
                out.contains(&format!(
                    "profile: {{id: {}, version: {}, sha256: {}}}",
                    only.id, only.version, only.sha256
                )),
                "{out}"
            );
        }
        _ => {
            assert_eq!(run.code, Some(1));
            assert!(run.stderr.contains("--profile"), "{}", run.stderr);
        }
    }
}

#[test]
fn new_rejects_a_bad_date() {
    let run = tradeready(&["new", "--profile", PROFILE, "--as-of", "31/01/2026"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("YYYY-MM-DD"), "{}", run.stderr);
}

#[test]
fn profiles_lists_the_embedded_profiles() {
    let run = tradeready(&["profiles"]);
    insta::assert_snapshot!(ok(&run), @r"
    wco-resilience 1.0.0	WCO trade recovery and resilience readiness
    wco-resilience 1.1.0	WCO trade recovery and resilience readiness
    wco-resilience 1.2.0	WCO trade recovery and resilience readiness
    wco-resilience 1.2.1	WCO trade recovery and resilience readiness
    ");
}

#[test]
fn readme_main_command_scores_an_example_against_the_wco_profile() {
    let run = tradeready(&["score", "assessments/examples/northland-2025.yaml"]);
    let out = ok(&run);
    assert!(
        out.starts_with(
            "Revenue and Customs Authority of Northland — cycle 2025, as of 2025-09-30"
        ),
        "{out}"
    );
    assert!(out.contains("Profile: wco-resilience 1.0.0"), "{out}");
    assert!(out.contains("Action plan"), "{out}");
}

#[test]
fn validate_finds_a_profile_given_beside_its_assessment_in_any_order() {
    let run = tradeready(&["validate", ASSESSMENT, PROFILE]);
    insta::assert_snapshot!(ok(&run), @r"
    tests/data/assessments/demo-2025.yaml: valid
    tests/data/profiles/demo.yaml: valid
    ");
    // Without the profile, the same assessment names what is missing.
    let alone = tradeready(&["validate", ASSESSMENT]);
    assert_eq!(alone.code, Some(1));
    assert!(
        alone.stderr.contains("no profile demo 1.0.0"),
        "{}",
        alone.stderr
    );
}

#[test]
fn score_of_several_files_gives_one_result_each_in_order() {
    let examples = [
        "assessments/examples/northland-2024.yaml",
        "assessments/examples/northland-2025.yaml",
    ];
    let run = tradeready(&["score", examples[0], examples[1], "--format", "json"]);
    let all: Value = serde_json::from_str(ok(&run)).unwrap();
    let all = all.as_array().expect("an array of results");
    assert_eq!(all.len(), 2);
    for (result, path) in all.iter().zip(examples) {
        let one: Value =
            serde_json::from_str(ok(&tradeready(&["score", path, "--format", "json"]))).unwrap();
        assert_eq!(result, &one, "{path}");
    }
    // One bad file among them: exit 1, nothing printed.
    let bad = tradeready(&["score", examples[0], "tests/data/bad/empty-na.yaml"]);
    assert_eq!(bad.code, Some(1));
    assert!(bad.stdout.is_empty(), "{}", bad.stdout);
}

/// The files of one folder of assessments/examples, sorted, as paths from the root.
fn examples_in(folder: &str) -> Vec<String> {
    let mut files: Vec<String> =
        std::fs::read_dir(root().join("assessments/examples").join(folder))
            .unwrap()
            .map(|e| {
                format!(
                    "assessments/examples/{folder}/{}",
                    e.unwrap().file_name().to_string_lossy()
                )
            })
            .filter(|p| p.ends_with(".yaml"))
            .collect();
    files.sort();
    files
}

fn run_with(args: &[&str], files: &[String]) -> Run {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(files.iter().map(String::as_str));
    tradeready(&all)
}

#[test]
fn aggregate_of_the_workshop_set_is_the_mean_of_the_scores_and_names_nobody() {
    let files = examples_in("workshop");
    let run = run_with(&["aggregate", "--format", "json", "--anonymize"], &files);
    let out = ok(&run);
    let r: Value = serde_json::from_str(out).unwrap();
    assert_eq!(r["n"], files.len());
    let mut overall = Vec::new();
    for (n, path) in files.iter().enumerate() {
        let (_, a, report) = tradeready_tests::load_example(&root().join(path));
        assert!(
            !out.contains(&a.administration),
            "{} named",
            a.administration
        );
        let code = a.code.unwrap();
        assert!(!out.contains(&format!("\"{code}")), "{code} in the output");
        let row = &r["administrations"][n];
        assert_eq!(row["label"], tradeready::aggregate::neutral_label(n));
        close(&row["overall"], report.overall.unwrap());
        overall.push(report.overall.unwrap());
    }
    // The figures of the scores of each file, computed here independently.
    close(
        &r["overall"]["mean"],
        overall.iter().sum::<f64>() / overall.len() as f64,
    );
    overall.sort_by(f64::total_cmp);
    let k = overall.len();
    let median = if k % 2 == 0 {
        (overall[k / 2 - 1] + overall[k / 2]) / 2.0
    } else {
        overall[k / 2]
    };
    close(&r["overall"]["median"], median);
    close(&r["overall"]["min"], overall[0]);
    close(&r["overall"]["max"], overall[k - 1]);
}

#[test]
fn aggregate_text_is_what_a_facilitator_projects() {
    let run = run_with(&["aggregate", "--anonymize"], &examples_in("workshop"));
    insta::assert_snapshot!(ok(&run));
}

#[test]
fn merge_of_three_respondents_lists_their_conflicts_and_writes_a_valid_file() {
    let files = examples_in("consensus");
    let run = run_with(&["merge", "--format", "json"], &files);
    let r: Value = serde_json::from_str(ok(&run)).unwrap();
    assert_eq!(r["n"], 3);
    let ids: Vec<&str> = r["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "governance.oga-roles",
            "governance.activation",
            "governance.poc",
            "communication.scenario-channels",
            "aeo-mra.aeo-coverage",
            "risk.priority-cargo",
            "exercises.last-exercise",
            "cooperation.outbound-inspection"
        ]
    );
    assert_eq!(r["conflicts"][2]["target"], true);
    assert_eq!(
        r["conflicts"][7]["answers"][1],
        serde_json::json!({"respondent": "B", "na": "Inspections at the request of a partner are done by the Plant Protection Office, not by Customs"})
    );
    // governance.activation: A 3 (0.75), B 3 (0.75), C 2 (0.5). Lowest: C's 2; the lower
    // median of three, sorted C, A, B: A's 3.
    for (rule, expected) in [("lowest", 2), ("median", 3)] {
        let run = run_with(&["merge", "--format", "json", "--resolve", rule], &files);
        let r: Value = serde_json::from_str(ok(&run)).unwrap();
        assert_eq!(r["conflicts"][1]["resolved"], expected, "{rule}");
    }
    let out = std::env::temp_dir().join(format!("tradeready-merge-{}.yaml", std::process::id()));
    let run = run_with(&["merge", "-o", out.to_str().unwrap()], &files);
    assert_eq!(ok(&run), "");
    let check = tradeready(&["validate", out.to_str().unwrap()]);
    let written = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    assert_eq!(check.code, Some(0), "{}\n{written}", check.stderr);
    assert!(written.contains(
        "  # CONFLICT on the answer of governance.activation: the respondents differ.\n"
    ));
}

#[test]
fn merge_refuses_a_file_of_another_cycle_and_names_it() {
    let run = tradeready(&[
        "merge",
        "assessments/examples/northland-2024.yaml",
        "assessments/examples/northland-2025.yaml",
    ]);
    assert_eq!(run.code, Some(1));
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with(
            "assessments/examples/northland-2025.yaml:8:8: this file is of cycle \"2025\", where the first file is of cycle \"2024\""
        ),
        "{}",
        run.stderr
    );
}

/// Provenance: an embedded profile's hash is that of its file as released, comment lines
/// and all; `new` writes it; scoring a file answered against another text warns and goes on.
#[test]
fn provenance_hashes_are_of_the_released_files() {
    use sha2::{Digest, Sha256};
    let hex = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    for p in tradeready::embedded::PROFILES {
        let file = root().join(format!("assessments/profiles/{}/{}.yaml", p.id, p.version));
        assert_eq!(
            p.sha256,
            hex(&std::fs::read(file).unwrap()),
            "{} {}",
            p.id,
            p.version
        );
        assert_ne!(p.sha256, hex(p.text.as_bytes()), "hashed before stripping");
    }
    let demo = hex(&std::fs::read(root().join(PROFILE)).unwrap());
    let run = tradeready(&["new", "--profile", PROFILE, "--as-of", "2025-01-01"]);
    assert!(
        ok(&run).contains(&format!(
            "profile: {{id: demo, version: 1.0.0, sha256: {demo}}}"
        )),
        "{}",
        run.stdout
    );
    let dir = std::env::temp_dir().join(format!("tradeready-hash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("other-text.yaml");
    let text = std::fs::read_to_string(root().join(ASSESSMENT))
        .unwrap()
        .replace(
            "version: 1.0.0}",
            &format!("version: 1.0.0, sha256: {}}}", "0".repeat(64)),
        );
    std::fs::write(&path, text).unwrap();
    let scored = tradeready(&["score", path.to_str().unwrap(), "--profile", PROFILE]);
    std::fs::remove_dir_all(&dir).unwrap();
    ok(&scored);
    let expected = format!(
        "warning: answered against a different text of demo 1.0.0 (sha256 000000000000 here, {} in the profile used)",
        &demo[..12]
    );
    assert!(scored.stderr.contains(&expected), "{}", scored.stderr);
}

const DEMO_11: &str = "tests/data/profiles/demo-1.1.0.yaml";
const CYCLE_2024: &str = "tests/data/cycles/demo-2024.yaml";
const CYCLE_2026: &str = "tests/data/cycles/demo-2026.yaml";

#[test]
fn compare_text_is_golden() {
    let run = tradeready(&["compare", ASSESSMENT, CYCLE_2024, "--profile", PROFILE]);
    insta::assert_snapshot!(ok(&run));
}

#[test]
fn compare_across_versions_json_is_golden() {
    let run = tradeready(&[
        "compare",
        CYCLE_2024,
        ASSESSMENT,
        CYCLE_2026,
        "--profile",
        DEMO_11,
        "--format",
        "json",
    ]);
    insta::assert_snapshot!(ok(&run));
}

#[test]
fn compare_refuses_one_file_and_other_profiles() {
    let one = tradeready(&["compare", ASSESSMENT, "--profile", PROFILE]);
    assert_eq!(one.code, Some(2), "wrong usage: {}", one.stderr);
    let other = tradeready(&[
        "compare",
        ASSESSMENT,
        "tests/data/bad/unknown-profile-id.yaml",
    ]);
    assert_eq!(other.code, Some(1));
    assert!(
        other
            .stderr
            .contains("compare takes cycles of one profile id"),
        "{}",
        other.stderr
    );
}

#[test]
fn migrate_yaml_and_json_are_golden() {
    let yaml = tradeready(&["migrate", CYCLE_2024, "--profile", DEMO_11]);
    insta::assert_snapshot!("migrate_yaml", ok(&yaml));
    let json = tradeready(&[
        "migrate",
        CYCLE_2024,
        "--profile",
        DEMO_11,
        "--format",
        "json",
    ]);
    insta::assert_snapshot!("migrate_json", ok(&json));
    // The migrated file is itself a valid 1.1.0 assessment, carrying the profile's hash.
    let dir = std::env::temp_dir().join(format!("tradeready-migrate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("migrated.yaml");
    let written = tradeready(&[
        "migrate",
        CYCLE_2024,
        "--profile",
        DEMO_11,
        "-o",
        out.to_str().unwrap(),
    ]);
    ok(&written);
    let valid = tradeready(&["validate", out.to_str().unwrap(), "--profile", DEMO_11]);
    let text = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    ok(&valid);
    assert!(text.contains("sha256: "), "{text}");
    assert!(
        text.contains("migrated_from:\n  version: 1.0.0\n"),
        "{text}"
    );
}

#[test]
fn schema_of_a_profile_prints_its_committed_schema() {
    for embedded in tradeready::embedded::PROFILES {
        let file = tradeready::schema::profile_schema_file_name(embedded.id, embedded.version);
        let committed = std::fs::read_to_string(root().join("schemas").join(&file)).unwrap();
        let at = format!("{}@{}", embedded.id, embedded.version);
        let run = tradeready(&["schema", "assessment", "--profile", &at]);
        assert_eq!(ok(&run), committed, "{at}");
    }
    // A bare id is its newest version.
    let newest = tradeready::embedded::latest("wco-resilience").unwrap();
    let file = tradeready::schema::profile_schema_file_name(newest.id, newest.version);
    let committed = std::fs::read_to_string(root().join("schemas").join(&file)).unwrap();
    let run = tradeready(&["schema", "assessment", "--profile", "wco-resilience"]);
    assert_eq!(ok(&run), committed);
}

#[test]
fn schema_of_a_profile_file_speaks_the_language_asked_or_lists_the_profile_languages() {
    let en = tradeready(&["schema", "assessment", "--profile", PROFILE]);
    let fr = tradeready(&["schema", "assessment", "--profile", PROFILE, "--lang", "fr"]);
    let en: Value = serde_json::from_str(ok(&en)).unwrap();
    let fr: Value = serde_json::from_str(ok(&fr)).unwrap();
    assert_eq!(
        en["properties"]["profile"]["properties"]["id"]["const"],
        "demo"
    );
    assert!(
        fr["title"]
            .as_str()
            .unwrap()
            .ends_with("Profil de démonstration"),
        "{}",
        fr["title"]
    );
    let de = tradeready(&["schema", "assessment", "--profile", PROFILE, "--lang", "de"]);
    assert_eq!(de.code, Some(1));
    assert_eq!(
        de.stderr,
        "--lang: profile demo 1.0.0 has no language `de`; its languages are en, fr\n"
    );
    let wrong = tradeready(&["schema", "profile", "--profile", PROFILE]);
    assert_eq!(wrong.code, Some(1));
    assert!(
        wrong.stderr.contains("only the assessment schema"),
        "{}",
        wrong.stderr
    );
    let unknown = tradeready(&["schema", "assessment", "--profile", "no-such-profile"]);
    assert_eq!(unknown.code, Some(1));
    assert!(
        unknown.stderr.starts_with("no-such-profile: "),
        "{}",
        unknown.stderr
    );
}

#[test]
fn new_writes_its_comments_in_the_language_asked() {
    let en = tradeready(&["new", "--profile", PROFILE, "--as-of", "2026-01-31"]);
    let fr = tradeready(&[
        "new",
        "--profile",
        PROFILE,
        "--as-of",
        "2026-01-31",
        "--lang",
        "fr",
    ]);
    let (en, fr) = (ok(&en), ok(&fr));
    assert!(en.contains("#   Demo readiness profile"), "{en}");
    assert!(fr.contains("#   Profil de démonstration"), "{fr}");
    assert!(fr.contains("# Décommentez une réponse"), "{fr}");
    assert_ne!(en, fr);
    // Only the comments differ: the answers' skeleton is the same.
    let data = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| !l.trim_start().starts_with('#') || l.contains(": {value: "))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(data(en), data(fr));
    let es = tradeready(&[
        "new",
        "--profile",
        PROFILE,
        "--as-of",
        "2026-01-31",
        "--lang",
        "es",
    ]);
    assert_eq!(es.code, Some(1));
    assert_eq!(
        es.stderr,
        "--lang: profile demo 1.0.0 has no language `es`; its languages are en, fr\n"
    );
}

#[test]
fn new_points_its_modeline_at_the_profile_schema() {
    let run = tradeready(&["new", "--profile", PROFILE, "--as-of", "2026-01-31"]);
    assert!(
        ok(&run).starts_with("# yaml-language-server: $schema=demo-1.0.0.assessment.schema.json\n"),
        "{}",
        run.stdout
    );
    let run = tradeready(&[
        "new",
        "--profile",
        "wco-resilience@1.0.0",
        "--as-of",
        "2026-01-31",
        "--schema",
        "../schemas/wco-resilience-1.0.0.assessment.schema.json",
    ]);
    assert!(
        ok(&run).starts_with(
            "# yaml-language-server: $schema=../schemas/wco-resilience-1.0.0.assessment.schema.json\n"
        ),
        "{}",
        run.stdout
    );
}

/// tests/editor/mistakes.yaml holds four mistakes, on lines 10 to 13, that the editor test
/// (tests/editor) sees flagged by yaml-language-server under the profile's schema;
/// `tradeready validate` reports each of them on the same line. One at a time, since an
/// unknown field stops the file at the schema layer, before the meaning is checked.
#[test]
fn validate_flags_the_editor_tests_four_mistakes_on_the_same_lines() {
    let text = std::fs::read_to_string(root().join("tests/editor/mistakes.yaml")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let dir = std::env::temp_dir().join(format!("tradeready-mistakes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut reported = Vec::new();
    for line in 10..=13 {
        // The other three lines are commented out, so that the numbering stays.
        let one: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| match i + 1 {
                n if (10..=13).contains(&n) && n != line => format!("  # {l}\n"),
                _ => format!("{l}\n"),
            })
            .collect();
        let path = dir.join(format!("mistake-{line}.yaml"));
        std::fs::write(&path, one).unwrap();
        let run = tradeready(&["validate", path.to_str().unwrap()]);
        assert_eq!(run.code, Some(1), "line {line}: {}", run.stderr);
        let prefix = format!("{}:{line}:", path.display());
        // One error; a hint may follow it, indented.
        let errors = run.stderr.lines().filter(|l| !l.starts_with(' ')).count();
        assert_eq!(errors, 1, "{}", run.stderr);
        assert!(run.stderr.starts_with(&prefix), "{prefix}: {}", run.stderr);
        reported.push(run.stderr.clone());
    }
    std::fs::remove_dir_all(&dir).unwrap();
    let all = reported.join("");
    for part in ["governance.oga-rols", "7", "1.5", "evidnce"] {
        assert!(all.contains(part), "{part} in {all}");
    }
}
