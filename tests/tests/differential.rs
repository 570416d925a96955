//! The browser has no JSON Schema validator (it would cost about 650 KB of wasm), so typed
//! decoding stands in for it. These tests keep the browser no more lenient than the
//! command line: every document the JSON Schema rejects, typed decoding rejects too.
//!
//! Two corpora: the bad-input files, and mutants of the valid test files (every node
//! replaced by a value of each other type, every mapping key removed, an unknown key added
//! to every mapping), so that a field added to the format without its schema is caught.

use serde_yaml::Value;
use tradeready::load::decode;
use tradeready::model::raw;
use tradeready::parse::{self, FileKind};
use tradeready::{Catalogue, Layers, load_profile, schema};
use tradeready_tests::data;

/// Whether the JSON Schema rejects the text, or None when it never gets that far (the
/// syntax layer or the kind check refuses it first, for both paths alike).
fn schema_rejects(text: &str) -> Option<(FileKind, bool)> {
    let value = parse::syntax(text).ok()?;
    let kind = parse::kind_of(&value).ok()?;
    let Ok(json) = parse::to_json(&value) else {
        return Some((kind, true));
    };
    Some((kind, !schema::check(kind, &json).is_empty()))
}

/// Whether typed decoding alone (no schema, no meaning checks) rejects the text.
fn typed_rejects(kind: FileKind, text: &str) -> bool {
    let layers = Layers { json_schema: false };
    match kind {
        FileKind::Profile => decode::<raw::Profile>(text, kind, layers).is_err(),
        FileKind::Assessment => decode::<raw::Assessment>(text, kind, layers).is_err(),
    }
}

#[test]
fn typed_decoding_rejects_every_bad_file_the_schema_rejects() {
    let mut rejected_by_schema = 0;
    for entry in std::fs::read_dir(data("bad")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = parse::text_from_bytes(&bytes) else {
            continue;
        };
        let Some((kind, rejected)) = schema_rejects(text) else {
            continue;
        };
        if rejected {
            rejected_by_schema += 1;
            assert!(
                typed_rejects(kind, text),
                "{}: the schema rejects it, typed decoding accepts it",
                path.display()
            );
        }
    }
    assert!(
        rejected_by_schema >= 8,
        "only {rejected_by_schema} corpus files reach the schema"
    );
}

#[test]
fn both_layers_accept_the_valid_test_files() {
    for path in ["profiles/demo.yaml", "assessments/demo-2025.yaml"] {
        let text = std::fs::read_to_string(data(path)).unwrap();
        let (kind, rejected) = schema_rejects(&text).unwrap();
        assert!(!rejected, "{path}: the schema rejects a valid file");
        assert!(
            !typed_rejects(kind, &text),
            "{path}: typed decoding rejects a valid file"
        );
    }
}

/// Every mutant of `value`: each node replaced by each other kind of value, each mapping
/// entry removed, and an unknown key added to each mapping.
fn mutants(value: &Value) -> Vec<Value> {
    let replacements = [
        Value::Null,
        Value::Bool(true),
        Value::Number(42.into()),
        Value::Number(serde_yaml::Number::from(0.5)),
        Value::String("text".into()),
        Value::Sequence(vec![Value::String("x".into())]),
        serde_yaml::from_str("{zz: 1}").unwrap(),
    ];
    let mut out = Vec::new();
    for r in &replacements {
        if std::mem::discriminant(r) != std::mem::discriminant(value) {
            out.push(r.clone());
        }
    }
    match value {
        Value::Mapping(map) => {
            for (key, child) in map {
                let mut removed = map.clone();
                removed.remove(key);
                out.push(Value::Mapping(removed));
                for m in mutants(child) {
                    let mut changed = map.clone();
                    changed.insert(key.clone(), m);
                    out.push(Value::Mapping(changed));
                }
            }
            let mut extra = map.clone();
            extra.insert(Value::String("zz-unknown".into()), Value::Number(1.into()));
            out.push(Value::Mapping(extra));
        }
        Value::Sequence(items) => {
            for (i, child) in items.iter().enumerate() {
                for m in mutants(child) {
                    let mut changed = items.clone();
                    changed[i] = m;
                    out.push(Value::Sequence(changed));
                }
            }
        }
        _ => {}
    }
    out
}

#[test]
fn typed_decoding_rejects_every_mutant_the_schema_rejects() {
    for path in ["profiles/demo.yaml", "assessments/demo-2025.yaml"] {
        let text = std::fs::read_to_string(data(path)).unwrap();
        let original: Value = serde_yaml::from_str(&text).unwrap();
        let mut checked = 0;
        let mut rejected = 0;
        for mutant in mutants(&original) {
            let text = serde_yaml::to_string(&mutant).unwrap();
            let Some((kind, schema_rejected)) = schema_rejects(&text) else {
                continue;
            };
            checked += 1;
            if schema_rejected {
                rejected += 1;
                assert!(
                    typed_rejects(kind, &text),
                    "{path}: the schema rejects this mutant, typed decoding accepts it:\n{text}"
                );
            }
        }
        assert!(
            checked > 200 && rejected > 100,
            "{path}: {checked} mutants checked, {rejected} rejected by the schema"
        );
    }
}

/// The whole browser path (typed decoding and meaning checks) must also refuse what the
/// schema refuses; this is implied by the test above, and checked end to end here.
#[test]
fn the_browser_path_loads_no_profile_the_schema_rejects() {
    let text = std::fs::read_to_string(data("profiles/demo.yaml")).unwrap();
    let original: Value = serde_yaml::from_str(&text).unwrap();
    for mutant in mutants(&original) {
        let text = serde_yaml::to_string(&mutant).unwrap();
        if let Some((FileKind::Profile, true)) = schema_rejects(&text) {
            assert!(
                load_profile(&text, Layers { json_schema: false })
                    .value
                    .is_none(),
                "{text}"
            );
        }
    }
}

/// In the browser, typed decoding reports what the schema reports natively; its errors must
/// be as easy to find: every error in a bad file that is about one node names its line and
/// column.
#[test]
fn the_browser_path_places_its_errors() {
    let mut catalogue = Catalogue::embedded().with_layers(Layers { json_schema: false });
    let demo = std::fs::read_to_string(data("profiles/demo.yaml")).unwrap();
    assert!(catalogue.add_text(&demo).value.is_some());
    let mut placed = 0;
    for entry in std::fs::read_dir(data("bad")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = parse::text_from_bytes(&bytes) else {
            continue;
        };
        let diagnostics = catalogue.load(text).diagnostics;
        let errors: Vec<_> = diagnostics.iter().filter(|d| d.is_error()).collect();
        assert!(!errors.is_empty(), "{}: accepted", path.display());
        for d in errors {
            if !d.pointer.is_empty() {
                assert!(
                    d.line.is_some(),
                    "{}: no position for {d:?}",
                    path.display()
                );
                placed += 1;
            }
        }
    }
    assert!(placed >= 20, "only {placed} errors were about one node");
}
