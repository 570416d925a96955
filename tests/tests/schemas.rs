//! The committed JSON Schemas in schemas/ are generated from the core's Rust types; this
//! test fails when they drift, so that editors and other tools never see a stale format.

use std::path::{Path, PathBuf};
use tradeready::parse::FileKind;
use tradeready::schema::{
    profile_assessment_schema, profile_assessment_schema_text, profile_schema_file_name,
    schema_text,
};
use tradeready_tests::root;

#[test]
fn committed_schemas_match_the_types() {
    for (kind, file) in [
        (FileKind::Profile, "profile"),
        (FileKind::Assessment, "assessment"),
    ] {
        let path = root().join(format!("schemas/{file}.schema.json"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == schema_text(kind),
            "{} is out of date; regenerate it with\n    cargo run -q -- schema {file} > schemas/{file}.schema.json",
            path.display()
        );
    }
}

#[test]
fn the_schemas_are_draft_2020_12_and_reject_unknown_fields() {
    for kind in [FileKind::Profile, FileKind::Assessment] {
        let schema = tradeready::schema::schema_for(kind);
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["additionalProperties"], false);
        assert!(jsonschema::meta::is_valid(&schema));
    }
}

/// The profile-specific assessment schema of every embedded profile version, committed as
/// `schemas/<id>-<version>.assessment.schema.json` in the profile's first language.
#[test]
fn committed_profile_schemas_match_the_embedded_profiles() {
    let catalogue = tradeready::Catalogue::embedded();
    assert!(!tradeready::embedded::PROFILES.is_empty());
    for embedded in tradeready::embedded::PROFILES {
        let profile = catalogue.get(embedded.id, embedded.version).unwrap();
        let file = profile_schema_file_name(embedded.id, embedded.version);
        let path = root().join("schemas").join(&file);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        let fresh = profile_assessment_schema_text(&profile, profile.default_language());
        assert!(
            committed == fresh,
            "{} is out of date; please run\n    cargo run -q -- schema assessment --profile {}@{} > schemas/{file}\nto update it",
            path.display(),
            embedded.id,
            embedded.version
        );
    }
}

/// No profile schema stays in schemas/ once its profile is gone.
#[test]
fn every_committed_profile_schema_has_its_embedded_profile() {
    let expected: Vec<String> = tradeready::embedded::PROFILES
        .iter()
        .map(|p| profile_schema_file_name(p.id, p.version))
        .collect();
    for entry in std::fs::read_dir(root().join("schemas")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name == "assessment.schema.json" || name == "profile.schema.json" {
            continue;
        }
        assert!(
            expected.contains(&name),
            "schemas/{name} belongs to no embedded profile version; delete it"
        );
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

fn document(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).unwrap();
    let yaml = tradeready::parse::syntax(&text).unwrap();
    tradeready::parse::to_json(&yaml).unwrap()
}

/// The schema errors of a document, as `pointer: message` lines.
fn schema_errors(schema: &serde_json::Value, doc: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).unwrap();
    validator
        .iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path().as_str()))
        .collect()
}

fn demo_profile() -> tradeready::Profile {
    let text = std::fs::read_to_string(tradeready_tests::data("profiles/demo.yaml")).unwrap();
    tradeready::load_profile(&text, tradeready::Layers::default())
        .value
        .unwrap()
}

#[test]
fn every_example_validates_under_its_profile_schema() {
    let catalogue = tradeready::Catalogue::embedded();
    let mut files = Vec::new();
    yaml_files(&root().join("assessments/examples"), &mut files);
    assert!(files.len() >= 7, "the examples are there");
    for path in &files {
        let doc = document(path);
        let id = doc["profile"]["id"].as_str().unwrap();
        let version = doc["profile"]["version"].as_str().unwrap();
        let profile = catalogue.get(id, version).unwrap();
        let schema = profile_assessment_schema(&profile, profile.default_language());
        let errors = schema_errors(&schema, &doc);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
    // And the demo assessments of the test data under the demo profile's schema.
    let demo = profile_assessment_schema(&demo_profile(), "en");
    let path = tradeready_tests::data("assessments/demo-2025.yaml");
    let errors = schema_errors(&demo, &document(&path));
    assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
}

/// Every file of the bad-input corpus that is about answers, targets or actions (an unknown
/// id, a wrong level, a ratio out of range, a value of the wrong type, a misspelt field),
/// with the pointer the profile schema must flag. The generic schema passes most of them;
/// only the meaning layer of `tradeready validate` caught them before.
const ABOUT_ANSWERS: &[(&str, &str)] = &[
    ("unknown-indicator.yaml", "/answers"),
    ("target-unknown-indicator.yaml", "/targets"),
    ("action-unknown-indicator.yaml", "/actions"),
    (
        "level-out-of-range.yaml",
        "/answers/governance.oga-roles/value",
    ),
    (
        "level-not-integer.yaml",
        "/answers/governance.oga-roles/value",
    ),
    ("ratio-out-of-range.yaml", "/answers/aeo.coverage/value"),
    ("ratio-negative.yaml", "/answers/aeo.coverage/value"),
    (
        "boolean-as-yes.yaml",
        "/answers/governance.activation/value",
    ),
    ("number-as-text.yaml", "/answers/aeo.release-time/value"),
    (
        "date-wrong-format.yaml",
        "/answers/exercises.last-test/value",
    ),
    ("target-wrong-type.yaml", "/targets"),
    ("target-on-date-indicator.yaml", "/targets"),
    ("unknown-field-answer.yaml", "/answers/"),
    ("answer-not-a-mapping.yaml", "/answers/"),
    ("wrong-type-evidence.yaml", "/answers/"),
];

#[test]
fn the_profile_schema_rejects_the_bad_answers_of_the_corpus() {
    let schema = profile_assessment_schema(&demo_profile(), "en");
    let generic = tradeready::schema::schema_for(FileKind::Assessment);
    let mut passed_generic = 0;
    for (file, pointer) in ABOUT_ANSWERS {
        let path = tradeready_tests::data("bad").join(file);
        let doc = document(&path);
        let errors = schema_errors(&schema, &doc);
        assert!(
            errors.iter().any(|e| e.starts_with(pointer)),
            "{file}: expected an error at {pointer}, got {errors:#?}"
        );
        passed_generic += usize::from(schema_errors(&generic, &doc).is_empty());
    }
    assert!(
        passed_generic >= 10,
        "only {passed_generic} passed the generic schema"
    );
}

#[test]
fn the_profile_schema_fixes_the_profile_and_describes_ids_in_the_language_asked() {
    let profile = demo_profile();
    let en = profile_assessment_schema(&profile, "en");
    let fr = profile_assessment_schema(&profile, "fr");
    assert!(jsonschema::meta::is_valid(&en));
    assert_eq!(
        en["properties"]["profile"]["properties"]["id"]["const"],
        "demo"
    );
    assert_eq!(
        en["properties"]["profile"]["properties"]["version"]["const"],
        "1.0.0"
    );
    let entry = &en["properties"]["answers"]["properties"]["governance.oga-roles"];
    let value = &entry["properties"]["value"];
    assert_eq!(value["enum"], serde_json::json!([0, 1, 2, 3, 4]));
    assert_eq!(
        value["markdownEnumDescriptions"].as_array().unwrap().len(),
        5
    );
    let md = entry["markdownDescription"].as_str().unwrap();
    assert!(md.contains("TRG.prepare.1"), "{md}");
    let fr_entry = &fr["properties"]["answers"]["properties"]["governance.oga-roles"];
    assert_ne!(entry["description"], fr_entry["description"]);
    // The schema's own words follow the language too.
    let fr_text = fr_entry["description"].as_str().unwrap();
    assert!(
        fr_text.contains("Échelle `maturity`\u{a0}: 0 Inexistant"),
        "{fr_text}"
    );
    assert!(fr_text.contains("Cite\u{a0}: TRG.prepare.1."), "{fr_text}");
    let wrong = serde_json::json!({"kind": "assessment", "format": 1,
        "profile": {"id": "demo", "version": "1.1.0"},
        "administration": {"name": "X"}, "cycle": "1", "as_of": "2025-01-01"});
    let errors = schema_errors(&en, &wrong);
    assert!(
        errors.iter().any(|e| e.starts_with("/profile/version")),
        "{errors:#?}"
    );
}
