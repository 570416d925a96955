//! `tradeready score`: scores assessments; the report as text, Markdown, HTML or the action
//! plan as CSV, or a workbook (in English, French or Spanish), or the scores as JSON.

use super::{Outcome, Output, ProfileFile, catalogue, emit, fail, json, load_many};
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
    /// The text report in Markdown, with tables.
    Md,
    /// The one-page report: inline CSS and SVG, no script, prints on A4.
    Html,
    /// The action plan, one row per gap, for spreadsheets.
    Csv,
    /// A workbook: Summary, Domains, Indicators, Action plan (needs -o FILE).
    Xlsx,
}

pub fn run(args: &Args) -> Outcome {
    let catalogue = catalogue(&args.profile)?;
    let scored: Vec<Scored> = load_many(&catalogue, &args.files)?
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    let lang = |s: &Scored| {
        args.lang
            .as_deref()
            .unwrap_or(s.profile.default_language())
            .to_owned()
    };
    let report = |s: &Scored| {
        tradeready::report::Report::new(&s.profile, &s.scores, &lang(s))
            .with_actions(&s.assessment.actions)
    };
    let bytes = match args.format {
        Format::Json => match scored.as_slice() {
            [one] => json(&one.scores)?,
            many => json(&many.iter().map(|s| &s.scores).collect::<Vec<_>>())?,
        }
        .into_bytes(),
        Format::Text => joined(&scored, |s| tradeready::report::text::render(&report(s))),
        Format::Md => joined(&scored, |s| {
            tradeready::report::markdown::render(&report(s))
        }),
        Format::Xlsx => {
            let [one] = scored.as_slice() else {
                return Err(fail("tradeready", "--format xlsx takes one assessment"));
            };
            if args.output.output.is_none() {
                return Err(fail(
                    "tradeready",
                    "--format xlsx writes a binary workbook: name the file with -o FILE.xlsx",
                ));
            }
            tradeready::report::xlsx::render(one, &report(one))
                .map_err(|e| fail("tradeready", format_args!("cannot write the workbook: {e}")))?
        }
        Format::Html | Format::Csv => {
            let [one] = scored.as_slice() else {
                return Err(fail(
                    "tradeready",
                    "--format html and csv take one assessment (`tradeready report` puts several in one page)",
                ));
            };
            let report = report(one);
            if matches!(args.format, Format::Csv) {
                tradeready::report::csv::render(&report)
            } else {
                tradeready::report::html::render(&report, &one.profile, &tradeready::chart::to_svg)
                    .into_bytes()
            }
        }
    };
    emit(&bytes, &args.output)
}

/// The reports of several files, one after the other.
fn joined(scored: &[Scored], render: impl Fn(&Scored) -> String + Sync + Send) -> Vec<u8> {
    use rayon::prelude::*;
    scored
        .par_iter()
        .map(render)
        .collect::<Vec<_>>()
        .join("\n")
        .into_bytes()
}
