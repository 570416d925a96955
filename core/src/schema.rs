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
pub use native::{check, is_valid_doc};

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::schema_for;
    use crate::diag::{Diagnostic, pointer_push};
    use crate::parse::FileKind;
    use crate::parse::json_doc::{Doc, DocJson};
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

    /// Whether a document read in place by the JSON fast path is valid against the schema
    /// of its kind (quicker than [`check`], which gathers every error; the same schema,
    /// compiled for that representation the first time it is needed).
    pub fn is_valid_doc(kind: FileKind, document: &Doc<'_>) -> bool {
        static PROFILE: OnceLock<Option<jsonschema::Validator<DocJson>>> = OnceLock::new();
        static ASSESSMENT: OnceLock<Option<jsonschema::Validator<DocJson>>> = OnceLock::new();
        let cell = match kind {
            FileKind::Profile => &PROFILE,
            FileKind::Assessment => &ASSESSMENT,
        };
        cell.get_or_init(|| {
            jsonschema::options_for::<DocJson>()
                .build(&schema_for(kind))
                .ok()
        })
        .as_ref()
        .is_some_and(|v| v.is_valid(document))
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

/// The file name of the committed schema for assessments of one profile version, as
/// `tradeready new` names it in its modeline: `<id>-<version>.assessment.schema.json`.
pub fn profile_schema_file_name(id: &str, version: &str) -> String {
    format!("{id}-{version}.assessment.schema.json")
}

/// Checks that `lang` is one of the profile's languages; the error lists them.
pub fn check_language(profile: &crate::Profile, lang: &str) -> Result<(), crate::Diagnostic> {
    if profile.languages.iter().any(|l| l == lang) {
        return Ok(());
    }
    Err(crate::Diagnostic::error(
        "unknown-language",
        "",
        format!(
            "profile {} {} has no language `{lang}`; its languages are {}",
            profile.id,
            profile.version,
            profile.languages.join(", ")
        ),
    ))
}

/// The JSON Schema of assessments of one profile version, for editors: the generic
/// assessment schema narrowed so that `answers`, `targets` and `actions` accept exactly the
/// profile's indicator ids, each answer's `value` has its indicator's type (a scale's levels
/// as an enum with their labels and descriptors), each id carries its question, help, unit,
/// baseline and target and cited clauses as its description in `lang` (falling back to the
/// profile's first language where a text lacks it), and `profile.id` and `profile.version`
/// are fixed. An answer's `value` is never `null` here, a little stricter than the generic
/// schema, because a null value is never what an assessor means.
pub fn profile_assessment_schema(profile: &crate::Profile, lang: &str) -> serde_json::Value {
    use serde_json::{Map, Value, json};
    let default_lang = profile.default_language();
    let text = |t: &crate::model::LocalizedText| one_line(t.get(lang, default_lang));
    let words = Words::of(lang);
    let mut schema = schema_for(FileKind::Assessment);
    // The entry's other fields, and the profile's hash, are as in the generic schema.
    let generic = |field: &str| schema["$defs"]["Answer"]["properties"][field].clone();
    let (na, evidence, note) = (generic("na"), generic("evidence"), generic("note"));
    let sha256 = schema["$defs"]["ProfileRef"]["properties"]["sha256"].clone();
    let version = profile.version.to_string();
    let mut answers = Map::new();
    let mut targets = Map::new();
    let mut actions = Map::new();
    for (domain, indicator) in profile.indicators() {
        let (plain, markdown) = describe(&words, domain, indicator, &text);
        let value = value_schema(&words, indicator, &text);
        let answer = json!({
            "type": "object",
            "additionalProperties": false,
            "title": text(&indicator.title),
            "description": plain,
            "markdownDescription": markdown,
            "properties": {
                "value": value,
                "na": na,
                "evidence": evidence,
                "note": note,
            },
        });
        answers.insert(indicator.id.clone(), answer);
        // A date records when something happened; there is nothing to aim for.
        if !matches!(indicator.kind, crate::model::IndicatorKind::Date { .. }) {
            let mut target = value_schema(&words, indicator, &text);
            if let Value::Object(map) = &mut target {
                map.insert("title".into(), Value::String(text(&indicator.title)));
                map.insert("description".into(), Value::String(plain.clone()));
                map.insert(
                    "markdownDescription".into(),
                    Value::String(markdown.clone()),
                );
            }
            targets.insert(indicator.id.clone(), target);
        }
        actions.insert(
            indicator.id.clone(),
            json!({
                "allOf": [{"$ref": "#/$defs/Action"}],
                "title": text(&indicator.title),
                "description": plain,
                "markdownDescription": markdown,
            }),
        );
    }
    let title = format!(
        "TradeReady assessment for {} {}: {}",
        profile.id,
        version,
        text(&profile.title)
    );
    schema["title"] = Value::String(title);
    let props = &mut schema["properties"];
    props["answers"]["properties"] = Value::Object(answers);
    props["answers"]["additionalProperties"] = Value::Bool(false);
    props["targets"]["properties"] = Value::Object(targets);
    props["targets"]["additionalProperties"] = Value::Bool(false);
    props["actions"]["properties"] = Value::Object(actions);
    props["actions"]["additionalProperties"] = Value::Bool(false);
    props["profile"] = json!({
        "type": "object",
        "additionalProperties": false,
        "description": format!("The profile answered: {} {}.", profile.id, version),
        "properties": {
            "id": {"const": profile.id, "description": "Profile id."},
            "version": {"const": version, "description": "Profile version."},
            "sha256": sha256,
        },
        "required": ["id", "version"],
    });
    schema
}

/// [`profile_assessment_schema`] as pretty-printed JSON with a final newline, byte for byte
/// the committed file.
pub fn profile_assessment_schema_text(profile: &crate::Profile, lang: &str) -> String {
    let schema = profile_assessment_schema(profile, lang);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of an indicator's answer value.
fn value_schema(
    words: &Words,
    indicator: &crate::model::Indicator,
    text: &dyn Fn(&crate::model::LocalizedText) -> String,
) -> serde_json::Value {
    use crate::model::IndicatorKind;
    use serde_json::json;
    match &indicator.kind {
        IndicatorKind::Scale { scale, levels } => {
            let values: Vec<i64> = levels.iter().map(|l| l.value).collect();
            let described: Vec<(String, String)> = levels
                .iter()
                .map(|l| {
                    let label = text(&l.label);
                    let descriptor = indicator
                        .level_descriptors
                        .iter()
                        .find(|(v, _)| *v == l.value)
                        .map(|(_, d)| text(d));
                    match descriptor {
                        Some(d) => (format!("{label}: {d}"), format!("**{label}**: {d}")),
                        None => (label.clone(), format!("**{label}**")),
                    }
                })
                .collect();
            let list: Vec<String> = values.iter().map(i64::to_string).collect();
            json!({
                "type": "integer",
                "enum": values,
                "enumDescriptions": described.iter().map(|d| &d.0).collect::<Vec<_>>(),
                "markdownEnumDescriptions": described.iter().map(|d| &d.1).collect::<Vec<_>>(),
                "description": format!("{} `{scale}`{} {}.", words.level_of, words.colon, list.join(", ")),
            })
        }
        IndicatorKind::Boolean => json!({"type": "boolean", "description": words.true_or_false}),
        IndicatorKind::Ratio { .. } => json!({
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": words.ratio,
        }),
        IndicatorKind::Number { unit, .. } => {
            let unit = unit
                .as_ref()
                .map(|u| format!(" {} {}", words.in_unit, text(u)))
                .unwrap_or_default();
            json!({"type": "number", "description": format!("{}{unit}.", words.number)})
        }
        IndicatorKind::Date { .. } => json!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": words.date_value,
        }),
    }
}

/// An indicator's description, as plain text and as Markdown: its title, question, help,
/// what the answer is, and the clauses it cites.
fn describe(
    words: &Words,
    domain: &crate::model::Domain,
    indicator: &crate::model::Indicator,
    text: &dyn Fn(&crate::model::LocalizedText) -> String,
) -> (String, String) {
    use crate::model::IndicatorKind;
    let mut plain = Vec::new();
    let mut markdown = Vec::new();
    let title = text(&indicator.title);
    let question = text(&indicator.text);
    plain.push(format!("{title} ({})", text(&domain.title)));
    markdown.push(format!("**{title}** ({})", text(&domain.title)));
    plain.push(question.clone());
    markdown.push(question);
    if let Some(help) = &indicator.help {
        plain.push(text(help));
        markdown.push(format!("*{}*", text(help)));
    }
    let kind = match &indicator.kind {
        IndicatorKind::Scale { scale, levels } => {
            let levels: Vec<String> = levels
                .iter()
                .map(|l| format!("{} {}", l.value, text(&l.label)))
                .collect();
            format!(
                "{} `{scale}`{} {}.",
                words.scale,
                words.colon,
                levels.join(", ")
            )
        }
        IndicatorKind::Boolean => words.yes_or_no.to_owned(),
        IndicatorKind::Ratio { .. } => words.ratio.to_owned(),
        IndicatorKind::Number {
            unit,
            baseline,
            target,
        } => {
            let unit = unit
                .as_ref()
                .map(|u| format!("{}{} {}; ", words.unit, words.colon, text(u)))
                .unwrap_or_default();
            format!(
                "{}. {unit}{} {baseline}, {} {target}.",
                words.number, words.baseline, words.target
            )
        }
        IndicatorKind::Date {
            fresh_days,
            stale_days,
        } => (words.date)(*fresh_days, *stale_days),
    };
    plain.push(kind.clone());
    markdown.push(kind);
    if indicator.critical {
        plain.push(words.critical.to_owned());
        markdown.push(format!("**{}**", words.critical));
    }
    if !indicator.refs.is_empty() {
        plain.push(format!(
            "{}{} {}.",
            words.cites,
            words.colon,
            indicator.refs.join(", ")
        ));
        let refs: Vec<String> = indicator.refs.iter().map(|r| format!("`{r}`")).collect();
        markdown.push(format!(
            "{}{} {}.",
            words.cites,
            words.colon,
            refs.join(", ")
        ));
    }
    (plain.join("\n"), markdown.join("\n\n"))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The schema's own words around the profile's texts, in English, French or Spanish (any
/// other language of a profile gets the English ones).
struct Words {
    colon: &'static str,
    level_of: &'static str,
    scale: &'static str,
    true_or_false: &'static str,
    yes_or_no: &'static str,
    ratio: &'static str,
    number: &'static str,
    in_unit: &'static str,
    unit: &'static str,
    baseline: &'static str,
    target: &'static str,
    date_value: &'static str,
    date: fn(u32, u32) -> String,
    critical: &'static str,
    cites: &'static str,
}

impl Words {
    fn of(lang: &str) -> Words {
        match lang {
            "fr" => Words {
                colon: "\u{a0}:",
                level_of: "Un niveau de l'échelle",
                scale: "Échelle",
                true_or_false: "true ou false.",
                yes_or_no: "Oui ou non\u{a0}: true ou false.",
                ratio: "Une part de 0 à 1 (0.42 pour 42\u{a0}%).",
                number: "Un nombre",
                in_unit: "en",
                unit: "Unité",
                baseline: "référence",
                target: "cible",
                date_value: "Une date écrite AAAA-MM-JJ, pas après `as_of`.",
                date: |fresh, stale| {
                    format!(
                        "Une date (AAAA-MM-JJ)\u{a0}: score plein jusqu'à {fresh} jours avant `as_of`, nul à partir de {stale} jours."
                    )
                },
                critical: "Critique.",
                cites: "Cite",
            },
            "es" => Words {
                colon: ":",
                level_of: "Un nivel de la escala",
                scale: "Escala",
                true_or_false: "true o false.",
                yes_or_no: "Sí o no: true o false.",
                ratio: "Una proporción de 0 a 1 (0.42 para 42\u{a0}%).",
                number: "Un número",
                in_unit: "en",
                unit: "Unidad",
                baseline: "línea de base",
                target: "meta",
                date_value: "Una fecha escrita AAAA-MM-DD, no posterior a `as_of`.",
                date: |fresh, stale| {
                    format!(
                        "Una fecha (AAAA-MM-DD): puntuación completa hasta {fresh} días antes de `as_of`, nula desde {stale} días."
                    )
                },
                critical: "Crítico.",
                cites: "Cita",
            },
            _ => Words {
                colon: ":",
                level_of: "A level of scale",
                scale: "Scale",
                true_or_false: "true or false.",
                yes_or_no: "Yes or no: true or false.",
                ratio: "A share from 0 to 1 (0.42 for 42%).",
                number: "A number",
                in_unit: "in",
                unit: "Unit",
                baseline: "baseline",
                target: "target",
                date_value: "A date written YYYY-MM-DD, not after `as_of`.",
                date: |fresh, stale| {
                    format!(
                        "A date (YYYY-MM-DD): full score up to {fresh} days before `as_of`, none from {stale} days."
                    )
                },
                critical: "Critical.",
                cites: "Cites",
            },
        }
    }
}
