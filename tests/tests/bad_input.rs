//! The bad-input corpus: every file under tests/data/bad is rejected cleanly by
//! `tradeready validate`, with exit status 1, an error that names the file and the
//! problem, no panic, and in well under a second. The diagnostics are snapshotted so that a
//! change in wording or position is seen in review.

use tradeready_tests::{data, tradeready};

/// What each file's error must say (a fragment of the message), beside its snapshot.
const EXPECT: &[(&str, &str)] = &[
    // Found by the json_fast_path fuzz target: a DEL character in a JSON string, which
    // JSON takes and YAML refuses; the fast path used to accept the file.
    (
        "json-control-character.json",
        "control characters are not allowed",
    ),
    // Found by the same target: a whole number beyond 64 bits, which serde_json reads as
    // a float and YAML refuses; the fast path used to accept the file.
    (
        "json-integer-beyond-64-bits.json",
        "answers.risk.shared-risk-information.value: the whole number 4222222222222222222222222222222222222 is too large (numbers are read up to 64 bits)",
    ),
    // And a tab before the opening brace, which YAML refuses at the start of a line.
    (
        "json-tab-before-the-brace.json",
        "1:1: found character that cannot start any token",
    ),
    (
        "action-bad-due.yaml",
        "the action for `governance.oga-roles` is due \"2026-02-30\", which is not a real date",
    ),
    (
        "action-unknown-indicator.yaml",
        "`governance.oga-role` is not an indicator",
    ),
    (
        "action-unknown-status.yaml",
        "/actions/governance.oga-roles/status",
    ),
    (
        "profile-migration-bad-value.yaml",
        "migration from 1.0.0, `governance.activation`: the answer for `exercises.response` must be a level of scale `maturity`",
    ),
    (
        "profile-migration-duplicate-old-id.yaml",
        "`exercises.review` appears twice",
    ),
    (
        "profile-migration-from-not-lower.yaml",
        "must come from a version lower than this profile's own, 1.1.0",
    ),
    (
        "profile-migration-listed-twice.yaml",
        "`governance.oga-roles` is listed twice: here and in `replaces`",
    ),
    (
        "profile-migration-to-and-drop.yaml",
        "/migrations/0/indicators/aeo.release-time",
    ),
    (
        "profile-migration-unknown-to.yaml",
        "`exercises.last-test` is carried to `exercises.plan-test`, which is not an indicator",
    ),
    (
        "sha256-not-hex.yaml",
        "is not a SHA-256 written as 64 lowercase hexadecimal digits",
    ),
    (
        "answer-not-a-mapping.yaml",
        "write the answer as {value: ...}",
    ),
    ("profile-title-number.yaml", "/scenarios/0/title"),
    ("alias-bomb.yaml", "alias"),
    (
        "tag-in-flow-then-broken-line.yaml",
        "12:5: did not find expected key",
    ),
    (
        "as-of-invalid.yaml",
        "`as_of` \"30 June 2025\" is not a date",
    ),
    ("binary.bin", "binary file"),
    ("boolean-as-yes.yaml", "must be true or false"),
    ("date-after-as-of.yaml", "after the assessment's as_of date"),
    ("date-invalid.yaml", "must be a real date"),
    ("date-wrong-format.yaml", "YYYY-MM-DD"),
    ("deep-nesting.yaml", "nested too deeply"),
    ("duplicate-answer.yaml", "`aeo.coverage` appears twice"),
    ("duplicate-key-top.yaml", "duplicate"),
    ("empty-administration.yaml", "name is empty"),
    ("empty-evidence-item.yaml", "evidence item is empty"),
    ("empty-na.yaml", "not applicable without a reason"),
    ("empty.yaml", "empty"),
    ("format-2.yaml", "format 2 is not supported"),
    ("latin1.yaml", "not UTF-8"),
    (
        "level-not-integer.yaml",
        "must be a level of scale `maturity`",
    ),
    (
        "level-out-of-range.yaml",
        "must be a level of scale `maturity` (0, 1, 2, 3, 4), found the number 7",
    ),
    ("missing-as-of.yaml", "as_of"),
    ("missing-profile.yaml", "\"profile\" is a required property"),
    (
        "name-as-number.yaml",
        "/administration/name: 42 is not of type \"string\"",
    ),
    ("na-on-capped-indicator.yaml", "cannot be not applicable"),
    ("neither-value-nor-na.yaml", "neither `value` nor `na`"),
    ("no-kind.yaml", "missing field `kind`"),
    ("not-a-mapping.yaml", "expected a mapping"),
    ("number-as-text.yaml", "must be a finite number"),
    ("number-not-finite.yaml", "must be a finite number"),
    ("only-comments.yaml", "no data"),
    ("profile-bad-id.yaml", "profile id \"Demo_Profile\""),
    ("profile-bad-version.yaml", "not a semantic version"),
    (
        "profile-bands-not-from-zero.yaml",
        "first band must start at 0",
    ),
    (
        "profile-baseline-equals-target.yaml",
        "`baseline` and `target` are both 48",
    ),
    (
        "profile-cap-unknown-indicator.yaml",
        "`governance.activate` is not an indicator",
    ),
    (
        "profile-domain-equals-indicator.yaml",
        "both a domain id and an indicator id",
    ),
    (
        "profile-duplicate-indicator.yaml",
        "indicator id `exercises.last-test` is used twice",
    ),
    ("profile-duplicate-level.yaml", "level 0 appears twice"),
    (
        "profile-duplicate-phase.yaml",
        "phase `prepare` is listed twice",
    ),
    (
        "profile-empty-domain.yaml",
        "domain `empty`: it has no indicator",
    ),
    (
        "profile-field-of-another-kind.yaml",
        "`points` applies to ratio indicators",
    ),
    (
        "profile-fresh-not-below-stale.yaml",
        "indicator `exercises.last-test`: `fresh_days` (730) must be less than `stale_days` (730)",
    ),
    ("profile-level-score-out-of-range.yaml", "outside [0, 1]"),
    ("profile-misspelt-weight.yaml", "unknown field `weigth`"),
    ("profile-no-domains.yaml", "at least one domain"),
    (
        "profile-points-not-increasing.yaml",
        "strictly increasing x",
    ),
    (
        "profile-scenario-unknown-id.yaml",
        "scenario `pandemic`: the weight `exercise` names neither a domain nor an indicator",
    ),
    (
        "profile-unknown-clause.yaml",
        "ref `TRG.review.2` names no clause",
    ),
    (
        "profile-unknown-language.yaml",
        "language `de` is not among",
    ),
    (
        "profile-basis-unknown-language.yaml",
        "scenario `pandemic`: language `de` is not among",
    ),
    ("profile-unknown-phase.yaml", "react"),
    ("profile-unknown-scale.yaml", "unknown scale `maturty`"),
    (
        "profile-unknown-source.yaml",
        "ref `GTFP.3` does not start with a declared source",
    ),
    (
        "profile-weight-as-text.yaml",
        "\"heavy\" is not of type \"number\"",
    ),
    ("profile-weight-zero.yaml", "greater than 0"),
    ("ratio-negative.yaml", "within [0, 1], found -0.1"),
    ("ratio-out-of-range.yaml", "within [0, 1], found 65"),
    ("syntax-bad-indent.yaml", "did not find expected key"),
    ("syntax-tab-indent.yaml", "tab"),
    (
        "syntax-unclosed-flow.yaml",
        "did not find expected ',' or '}'",
    ),
    (
        "target-on-date-indicator.yaml",
        "targets are set for scale, boolean, ratio and number",
    ),
    (
        "target-unknown-indicator.yaml",
        "`aeo.coverag` is not an indicator",
    ),
    (
        "target-wrong-type.yaml",
        "target for `governance.oga-roles` must be a level",
    ),
    ("two-documents.yaml", "more than one document"),
    ("unknown-field-answer.yaml", "unknown field `evidense`"),
    ("unknown-field-top.yaml", "unknown field `asessors`"),
    (
        "unknown-indicator.yaml",
        "`governance.activaton` is not an indicator",
    ),
    ("unknown-kind.yaml", "unknown kind \"questionnaire\""),
    ("unknown-profile-id.yaml", "wco-resilence"),
    (
        "unknown-profile-version.yaml",
        "demo 1.2.0, but the profile given is demo 1.0.0",
    ),
    ("utf16.yaml", "not UTF-8"),
    ("value-and-na.yaml", "has both `value` and `na`"),
    ("wrong-type-administration.yaml", "administration"),
    ("wrong-type-evidence.yaml", "evidence"),
];

fn check_rejected(path: &std::path::Path, fragment: &str) -> String {
    let shown = path
        .strip_prefix(tradeready_tests::root())
        .unwrap_or(path)
        .display()
        .to_string();
    let profile = data("profiles/demo.yaml");
    let run = tradeready(&["validate", &shown, "--profile", profile.to_str().unwrap()]);
    assert_eq!(run.code, Some(1), "{shown}: exit status\n{}", run.stderr);
    assert!(
        !run.stderr.contains("panicked"),
        "{shown} panicked:\n{}",
        run.stderr
    );
    assert!(
        run.stdout.is_empty(),
        "{shown}: nothing is reported valid\n{}",
        run.stdout
    );
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("{shown}:")),
        "{shown}: the error names the file: {first}"
    );
    assert!(
        run.stderr.contains(fragment),
        "{shown}: expected {fragment:?} in\n{}",
        run.stderr
    );
    run.stderr
}

#[test]
fn every_bad_file_is_rejected_cleanly() {
    let dir = data("bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut listed: Vec<String> = EXPECT.iter().map(|(n, _)| (*n).to_owned()).collect();
    listed.sort();
    assert_eq!(
        names, listed,
        "every corpus file has an expectation, and every expectation a file"
    );
    assert!(names.len() >= 40, "the corpus has {} files", names.len());
    insta::glob!("../data/bad", "*", |path| {
        if path.is_dir() {
            return;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let fragment = EXPECT
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, f)| *f)
            .unwrap_or_else(|| panic!("no expectation for {}", path.display()));
        insta::assert_snapshot!(check_rejected(path, fragment));
    });
}

/// Every meaning error about one indicator, domain, scale, cap or scenario of a profile
/// begins by naming it, not only by its pointer.
#[test]
fn profile_errors_name_what_they_are_about() {
    let profile = data("profiles/demo.yaml");
    for (name, prefix) in [
        (
            "profile-fresh-not-below-stale.yaml",
            "indicator `exercises.last-test`: ",
        ),
        (
            "profile-baseline-equals-target.yaml",
            "indicator `aeo.release-time`: ",
        ),
        (
            "profile-field-of-another-kind.yaml",
            "indicator `governance.activation`: ",
        ),
        (
            "profile-points-not-increasing.yaml",
            "indicator `aeo.coverage`: ",
        ),
        ("profile-duplicate-phase.yaml", "indicator `aeo.coverage`: "),
        (
            "profile-weight-zero.yaml",
            "indicator `governance.oga-roles`: ",
        ),
        ("profile-empty-domain.yaml", "domain `empty`: "),
        ("profile-duplicate-level.yaml", "scale `maturity`: "),
        (
            "profile-level-score-out-of-range.yaml",
            "scale `maturity`: ",
        ),
        (
            "profile-cap-unknown-indicator.yaml",
            "cap on `governance.activate`: ",
        ),
        ("profile-scenario-unknown-id.yaml", "scenario `pandemic`: "),
    ] {
        let shown = format!("tests/data/bad/{name}");
        let run = tradeready(&["validate", &shown, "--profile", profile.to_str().unwrap()]);
        assert_eq!(run.code, Some(1), "{name}: exit status\n{}", run.stderr);
        // FILE:LINE:COLUMN: message, or FILE: message.
        let first = run.stderr.lines().next().unwrap_or_default();
        let message = first
            .strip_prefix(&format!("{shown}:"))
            .map(|rest| rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':'))
            .map(str::trim_start)
            .unwrap_or_default();
        assert!(
            message.starts_with(prefix),
            "{name}: expected the message to begin with {prefix:?}, got\n{}",
            run.stderr
        );
    }
}

#[test]
fn errors_carry_line_and_column_where_the_yaml_has_them() {
    for (name, line_col) in [
        ("unknown-field-top.yaml", ":7:1:"),
        ("level-out-of-range.yaml", ":9:33:"),
        ("date-after-as-of.yaml", ":13:32:"),
        ("duplicate-answer.yaml", ":12:3:"),
        ("profile-misspelt-weight.yaml", ":46:9:"),
        ("profile-unknown-clause.yaml", ":92:16:"),
        ("syntax-unclosed-flow.yaml", ":12:"),
    ] {
        let path = data(&format!("bad/{name}"));
        let shown = format!("tests/data/bad/{name}");
        let run = tradeready(&[
            "validate",
            &shown,
            "--profile",
            data("profiles/demo.yaml").to_str().unwrap(),
        ]);
        assert!(
            run.stderr.starts_with(&format!("{shown}{line_col}")),
            "{}: expected {line_col}, got\n{}",
            path.display(),
            run.stderr
        );
    }
}

#[test]
fn a_30_megabyte_file_is_refused_before_it_is_read() {
    let dir = std::env::temp_dir().join(format!("tradeready-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.yaml");
    let line = "  # padding padding padding padding padding padding padding padding padding\n";
    let mut text = String::from("kind: assessment\nanswers:\n");
    while text.len() < 30_000_000 {
        text.push_str(line);
    }
    std::fs::write(&path, text).unwrap();
    let run = tradeready(&["validate", path.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.starts_with(path.to_str().unwrap()),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("30.0 MB; files over 4 MB are refused"),
        "{}",
        run.stderr
    );
}

/// Positions cost a walk of the text each, so a big file with many errors must not take a
/// walk per error: the first errors are placed, every error is reported. How fast is
/// measured by the budget example (`cargo run --release -p tradeready-tests --example
/// budget`), not here: a timed test fails on a busy machine for no fault of the code.
#[test]
fn thousands_of_errors_in_a_big_file_are_all_reported_and_the_first_placed() {
    let dir = std::env::temp_dir().join(format!("tradeready-many-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("many.yaml");
    let mut text = String::from(
        "kind: assessment\nformat: 1\nprofile: {id: demo, version: 1.0.0}\n\
         administration: {name: X}\ncycle: '2025'\nas_of: 2025-06-30\nanswers:\n",
    );
    for i in 0..5000 {
        text.push_str(&format!("  unknown.indicator-{i}: {{value: 1}}\n"));
    }
    while text.len() < 3_900_000 {
        text.push_str("  # padding padding padding padding padding padding padding padding\n");
    }
    std::fs::write(&path, &text).unwrap();
    let profile = data("profiles/demo.yaml");
    let run = tradeready(&[
        "validate",
        path.to_str().unwrap(),
        "--profile",
        profile.to_str().unwrap(),
    ]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("is not an indicator"))
        .collect();
    assert_eq!(errors.len(), 5000);
    let shown = path.to_str().unwrap();
    assert!(
        errors[0].starts_with(&format!("{shown}:8:24: ")),
        "{}",
        errors[0]
    );
    assert!(
        errors[4999].starts_with(&format!("{shown}: ")),
        "{}",
        errors[4999]
    );
}

/// The core refuses oversized text too, for the web app's imports.
#[test]
fn the_core_refuses_oversized_text() {
    let text = format!(
        "kind: assessment\n#{}\n",
        "x".repeat(tradeready::parse::MAX_FILE_BYTES)
    );
    let err = tradeready::parse::syntax(&text).unwrap_err();
    assert_eq!(err.code, "too-large");
}
