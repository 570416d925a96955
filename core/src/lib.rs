//! TradeReady's core: reads profiles and assessments, validates them and scores them.
//!
//! The core is pure. Callers hand it text (and, through the assessment's `as_of`, the
//! date to score at) and get values and [`Diagnostic`]s back; it never reads a file, the
//! network or the clock, never prints, and never panics on bad input. The command line
//! and the web app are thin shells over the same functions, so they give byte-identical
//! results on the same inputs.
//!
//! Loading a file goes through three layers (DESIGN.md "Validation"): YAML syntax
//! ([`parse`]), the JSON Schema ([`schema`], native builds only, stood in for by typed
//! decoding in the browser), and meaning ([`validate`]). A file that fails any layer is
//! never half-loaded.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod chart;
pub mod diag;
pub mod embedded;
pub mod model;
pub mod parse;
pub mod report;
pub mod schema;
pub mod score;
pub mod template;
pub mod validate;

pub use diag::{Diagnostic, Severity};
pub use model::{Assessment, Profile};
pub use parse::FileKind;
pub use score::{ScoreReport, score};

use diag::has_errors;
use model::raw;

/// What loading a file gave: the checked value when there is no error, and every
/// diagnostic (warnings included) with its line and column where the text has one.
#[derive(Debug)]
pub struct Loaded<T> {
    /// The checked value; `None` when any diagnostic is an error.
    pub value: Option<T>,
    /// Errors and warnings, in the order found.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Loaded<T> {
    fn failed(mut diagnostics: Vec<Diagnostic>, text: &str) -> Self {
        parse::locate(&mut diagnostics, text);
        Loaded {
            value: None,
            diagnostics,
        }
    }

    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Which validation layers to run.
#[derive(Clone, Copy, Debug)]
pub struct Layers {
    /// Check the JSON Schema before typed decoding. Available in native builds only; the
    /// browser relies on typed decoding, which the differential test keeps as strict.
    pub json_schema: bool,
}

// Natively the schema layer runs; on wasm32 the same expression is `false`, which clippy
// would turn into a derive that is wrong for native builds.
#[allow(clippy::derivable_impls)]
impl Default for Layers {
    fn default() -> Self {
        Layers {
            json_schema: cfg!(not(target_arch = "wasm32")),
        }
    }
}

/// The first layers (syntax, kind, JSON Schema, typed decoding) for a file expected to be
/// of `kind`.
pub fn decode<T: serde::de::DeserializeOwned>(
    text: &str,
    kind: FileKind,
    layers: Layers,
) -> Result<T, Vec<Diagnostic>> {
    let value = parse::syntax(text).map_err(|d| vec![d])?;
    let found = parse::kind_of(&value).map_err(|d| vec![d])?;
    if found != kind {
        return Err(vec![Diagnostic::error(
            "wrong-kind",
            "/kind",
            format!(
                "this file is {} {}, where {} {} was expected",
                article(found),
                found.as_str(),
                article(kind),
                kind.as_str()
            ),
        )]);
    }
    if layers.json_schema {
        schema_layer(kind, &value)?;
    }
    parse::decode_tree(text, &value).map_err(|d| vec![d])
}

#[cfg(not(target_arch = "wasm32"))]
fn schema_layer(kind: FileKind, value: &serde_yaml::Value) -> Result<(), Vec<Diagnostic>> {
    let json = parse::to_json(value).map_err(|d| vec![d])?;
    let errors = schema::check(kind, &json);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(target_arch = "wasm32")]
fn schema_layer(_: FileKind, _: &serde_yaml::Value) -> Result<(), Vec<Diagnostic>> {
    Ok(())
}

fn article(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Profile => "a",
        FileKind::Assessment => "an",
    }
}

/// Loads a profile through every layer.
pub fn load_profile(text: &str, layers: Layers) -> Loaded<Profile> {
    let raw = match decode::<raw::Profile>(text, FileKind::Profile, layers) {
        Ok(raw) => raw,
        Err(diags) => return Loaded::failed(diags, text),
    };
    let (value, mut diagnostics) = validate::lower_profile(raw);
    parse::locate(&mut diagnostics, text);
    Loaded { value, diagnostics }
}

/// Reads which profile an assessment answers (`profile: {id, version}`), after the syntax,
/// schema and decoding layers, so that the caller can find that profile.
pub fn decode_assessment(text: &str, layers: Layers) -> Result<raw::Assessment, Vec<Diagnostic>> {
    decode::<raw::Assessment>(text, FileKind::Assessment, layers).map_err(|mut diags| {
        parse::locate(&mut diags, text);
        diags
    })
}

/// Checks a decoded assessment against its profile (the meaning layer).
pub fn check_assessment(raw: raw::Assessment, text: &str, profile: &Profile) -> Loaded<Assessment> {
    let (value, mut diagnostics) = validate::lower_assessment(raw, profile);
    parse::locate(&mut diagnostics, text);
    Loaded { value, diagnostics }
}

/// Loads an assessment through every layer against a given profile.
pub fn load_assessment(text: &str, profile: &Profile, layers: Layers) -> Loaded<Assessment> {
    match decode_assessment(text, layers) {
        Ok(raw) => check_assessment(raw, text, profile),
        Err(diags) => Loaded {
            value: None,
            diagnostics: diags,
        },
    }
}

/// Loads text of either kind, as `tradeready validate` does: a profile on its own, an
/// assessment against the profile that `find_profile` returns for its id and version.
pub fn validate_text(
    text: &str,
    layers: Layers,
    find_profile: &dyn Fn(&str, &str) -> Result<Profile, String>,
) -> Vec<Diagnostic> {
    let kind = match parse::syntax(text).and_then(|v| parse::kind_of(&v)) {
        Ok(kind) => kind,
        Err(d) => {
            let mut diags = vec![d];
            parse::locate(&mut diags, text);
            return diags;
        }
    };
    match kind {
        FileKind::Profile => load_profile(text, layers).diagnostics,
        FileKind::Assessment => {
            let raw = match decode_assessment(text, layers) {
                Ok(raw) => raw,
                Err(diags) => return diags,
            };
            match find_profile(&raw.profile.id, raw.profile.version.as_str()) {
                Ok(profile) => check_assessment(raw, text, &profile).diagnostics,
                Err(message) => {
                    let mut diags = vec![Diagnostic::error("unknown-profile", "/profile", message)];
                    parse::locate(&mut diags, text);
                    diags
                }
            }
        }
    }
}

/// Whether a list of diagnostics holds an error.
pub fn is_invalid(diagnostics: &[Diagnostic]) -> bool {
    has_errors(diagnostics)
}

/// Writes a date as YYYY-MM-DD.
pub fn format_date(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}
