//! TradeReady's core: reads profiles and assessments, validates them and scores them.
//!
//! The core is pure. Callers hand it text (and, through the assessment's `as_of`, the
//! date to score at) and get values and [`Diagnostic`]s back; it never reads a file, the
//! network or the clock, never prints, and never panics on bad input. The command line
//! and the web app are thin shells over the same functions, so they give byte-identical
//! results on the same inputs.
//!
//! Loading a file goes through one pipeline, [`load`], and three layers (DESIGN.md
//! "Validation"): YAML syntax ([`parse`]), the JSON Schema ([`schema`], native builds only,
//! stood in for by typed decoding in the browser), and meaning ([`validate`]). A file that
//! fails any layer is never half-loaded. A [`Catalogue`] holds the profiles assessments
//! name, each parsed once.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod aggregate;
pub mod chart;
pub mod compare;
pub mod diag;
pub mod embedded;
pub mod load;
pub mod merge;
pub mod migrate;
pub mod model;
pub mod pack;
pub mod parse;
pub mod report;
pub mod schema;
pub mod score;
pub mod template;
pub mod validate;

pub use diag::{Diagnostic, Severity};
pub use load::{
    Catalogue, Document, Layers, Loaded, Scored, assessment as load_assessment,
    profile as load_profile,
};
pub use model::{Assessment, Profile, ProfileKey};
pub use parse::FileKind;
pub use score::{ScoreReport, score};

/// Whether a list of diagnostics holds an error.
pub fn is_invalid(diagnostics: &[Diagnostic]) -> bool {
    diag::has_errors(diagnostics)
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
