//! The JSON Schema layer.
//!
//! The schemas are generated from the raw model types (schemars), so they cannot drift from
//! what typed decoding accepts; `schemas/*.schema.json` are committed copies that a test
//! keeps fresh. Natively, [`check`] validates a document against them with the `jsonschema`
//! crate and reports every error, not just the first. In the browser that crate would cost
//! about 650 KB, so there typed decoding stands in for it, and a differential test over
//! the bad-input corpus keeps the browser no more lenient than the command line.

use crate::model::raw;
use crate::parse::FileKind;

/// The JSON Schema of a file kind, as committed in `schemas/`.
pub fn schema_for(kind: FileKind) -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = match kind {
        FileKind::Profile => generator.into_root_schema_for::<raw::Profile>(),
        FileKind::Assessment => generator.into_root_schema_for::<raw::Assessment>(),
    };
    schema.to_value()
}

/// The schema as pretty-printed JSON with a final newline, byte for byte the committed file.
pub fn schema_text(kind: FileKind) -> String {
    let mut text = serde_json::to_string_pretty(&schema_for(kind)).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::check;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::schema_for;
    use crate::diag::{Diagnostic, pointer_push};
    use crate::parse::FileKind;
    use jsonschema::error::ValidationErrorKind;
    use std::sync::OnceLock;

    const ANSWER_HINT: &str =
        "write the answer as {value: ...}, or {na: <reason>} where it does not apply";

    /// Whether a pointer names one answer (`/answers/<id>`).
    fn is_answer(pointer: &str) -> bool {
        pointer
            .strip_prefix("/answers/")
            .is_some_and(|id| !id.contains('/'))
    }

    fn validator(kind: FileKind) -> Option<&'static jsonschema::Validator> {
        static PROFILE: OnceLock<Option<jsonschema::Validator>> = OnceLock::new();
        static ASSESSMENT: OnceLock<Option<jsonschema::Validator>> = OnceLock::new();
        let cell = match kind {
            FileKind::Profile => &PROFILE,
            FileKind::Assessment => &ASSESSMENT,
        };
        cell.get_or_init(|| jsonschema::validator_for(&schema_for(kind)).ok())
            .as_ref()
    }

    /// Validates a JSON document against the schema of its kind; every error is reported,
    /// with the JSON Pointer of the node at fault (positions come later, from the text).
    pub fn check(kind: FileKind, document: &serde_json::Value) -> Vec<Diagnostic> {
        let Some(validator) = validator(kind) else {
            return vec![Diagnostic::error(
                "internal",
                "",
                "the built-in JSON Schema failed to compile",
            )];
        };
        let mut out = Vec::new();
        for error in validator.iter_errors(document) {
            let path = error.instance_path().as_str().to_owned();
            match error.kind() {
                ValidationErrorKind::AdditionalProperties { unexpected } => {
                    for field in unexpected {
                        out.push(Diagnostic::error(
                            "unknown-field",
                            pointer_push(&path, field),
                            format!("unknown field `{field}`"),
                        ));
                    }
                }
                _ => {
                    let what = if path.is_empty() {
                        "the document".to_owned()
                    } else {
                        path.clone()
                    };
                    let mut d =
                        Diagnostic::error("schema", path.clone(), format!("{what}: {error}"));
                    if is_answer(&path) && matches!(error.kind(), ValidationErrorKind::Type { .. })
                    {
                        d = d.hint(ANSWER_HINT);
                    }
                    out.push(d);
                }
            }
        }
        out
    }
}
