//! The committed JSON Schemas in schemas/ are generated from the core's Rust types; this
//! test fails when they drift, so that editors and other tools never see a stale format.

use tradeready::parse::FileKind;
use tradeready::schema::schema_text;
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
