//! `tradeready score`: scores assessments, as text (in English, French or Spanish) or JSON.

use super::{
    Outcome, Output, ProfileFile, Reported, catalogue, display, emit, json, read_text, report,
};
use clap::ValueEnum;
use std::path::PathBuf;
use tradeready::Scored;

/// What to score and how to show it.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessments. With several, the text reports follow one another and JSON is an
    /// array of results in the order given.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    profile: ProfileFile,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The language of the text report: its own words, and the profile's text where the
    /// profile has it in that language. Default: the profile's first language.
    #[arg(long, value_name = "LANG", value_parser = ["en", "fr", "es"])]
    lang: Option<String>,
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
    let mut scored: Vec<Scored> = Vec::with_capacity(args.files.len());
    let mut failed = false;
    for path in &args.files {
        let Ok(text) = read_text(path) else {
            failed = true;
            continue;
        };
        let loaded = catalogue.load_assessment(&text);
        failed |= report(&display(path), &loaded.diagnostics);
        scored.extend(loaded.value);
    }
    if failed {
        return Err(Reported);
    }
    let text = match args.format {
        Format::Json => match scored.as_slice() {
            [one] => json(&one.scores)?,
            many => json(&many.iter().map(|s| &s.scores).collect::<Vec<_>>())?,
        },
        Format::Text => scored
            .iter()
            .map(|s| {
                let lang = args.lang.as_deref().unwrap_or(s.profile.default_language());
                let report = tradeready::report::Report::new(&s.profile, &s.scores, lang);
                tradeready::report::text::render(&report)
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    emit(text.as_bytes(), &args.output)
}
