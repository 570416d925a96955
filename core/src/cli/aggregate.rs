//! `tradeready aggregate`: several administrations side by side (a workshop).

use super::{Outcome, Output, ProfileFile, Reported, catalogue, display, emit, json, load_many};
use clap::ValueEnum;
use std::path::PathBuf;
use tradeready::aggregate::{aggregate, render_text};

/// The administrations' assessments and how to show them.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessments, one per administration, all of one profile id and version.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    profile: ProfileFile,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Label the administrations A, B, C... in the order given, and leave every name and
    /// code out of the output.
    #[arg(long)]
    anonymize: bool,
    #[command(flatten)]
    output: Output,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Text,
    Json,
}

pub fn run(args: &Args) -> Outcome {
    let catalogue = catalogue(&args.profile)?;
    let loaded = load_many(&catalogue, &args.files)?;
    let scored: Vec<&tradeready::Scored> = loaded.iter().map(|(_, s)| s).collect();
    let report = aggregate(&scored, args.anonymize).map_err(|e| {
        let (path, text) = &loaded[e.file].0;
        super::report_in(&display(path), text, e.diagnostic);
        Reported
    })?;
    let text = match args.format {
        Format::Json => json(&report)?,
        Format::Text => render_text(&scored[0].profile, &report),
    };
    emit(text.as_bytes(), &args.output)
}
