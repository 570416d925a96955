//! `tradeready merge`: several respondents' assessments of one administration become one
//! (a consensus).

use super::{Outcome, Output, ProfileFile, Reported, catalogue, display, emit, json, load_many};
use clap::ValueEnum;
use std::path::PathBuf;
use tradeready::merge::{Resolve, merge};

/// The respondents' assessments and how to settle conflicts.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The respondents' assessments (labelled A, B, C... in this order), all of one
    /// administration, profile id and version, and cycle.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    profile: ProfileFile,
    /// How a conflict is settled: left for the group (none), the answer with the lowest
    /// score (lowest), or the lower median by score (median); ties keep file order.
    #[arg(long, value_enum, default_value_t = Rule::None)]
    resolve: Rule,
    /// Output format: the merged assessment (yaml) or the report of agreements and
    /// conflicts (json).
    #[arg(long, value_enum, default_value_t = Format::Yaml)]
    format: Format,
    #[command(flatten)]
    output: Output,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Rule {
    None,
    Lowest,
    Median,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Yaml,
    Json,
}

pub fn run(args: &Args) -> Outcome {
    let catalogue = catalogue(&args.profile)?;
    let loaded = load_many(&catalogue, &args.files)?;
    let scored: Vec<&tradeready::Scored> = loaded.iter().map(|(_, s)| s).collect();
    let resolve = match args.resolve {
        Rule::None => Resolve::None,
        Rule::Lowest => Resolve::Lowest,
        Rule::Median => Resolve::Median,
    };
    let consensus = merge(&scored, resolve).map_err(|e| {
        let (path, text) = &loaded[e.file].0;
        super::report_in(&display(path), text, e.diagnostic);
        Reported
    })?;
    let text = match args.format {
        Format::Json => json(&consensus.report)?,
        Format::Yaml => consensus.to_yaml(),
    };
    emit(text.as_bytes(), &args.output)
}
