//! `tradeready report`: one page of one assessment, of the cycles of one administration,
//! or of a workshop; the page is the core's ([`tradeready::report::page`]), so that the
//! web app gives the same bytes.

use super::{
    Outcome, Output, ProfileFile, Reported, catalogue, display, emit, fail, read_text, report,
};
use std::path::PathBuf;
use tradeready::report::page;

/// What to report and how.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// One assessment; several cycles of one administration (the same code, or the same
    /// name where a file has no code); or one assessment per administration (a workshop).
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    profile: ProfileFile,
    /// Label the administrations of a workshop A, B, C... in the order given, and leave
    /// every name and code out of the page.
    #[arg(long)]
    anonymize: bool,
    /// The language of the page, among the profile's. Default: the profile's first.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    #[command(flatten)]
    output: Output,
}

pub fn run(args: &Args) -> Outcome {
    let catalogue = catalogue(&args.profile)?;
    let mut texts = Vec::with_capacity(args.files.len());
    let mut failed = false;
    for path in &args.files {
        match read_text(path) {
            Ok(text) => texts.push(text),
            Err(Reported) => failed = true,
        }
    }
    if failed {
        return Err(Reported);
    }
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut files = Vec::with_capacity(texts.len());
    for (path, loaded) in args.files.iter().zip(page::load(&catalogue, &borrowed)) {
        failed |= report(&display(path), &loaded.diagnostics);
        files.extend(loaded.value);
    }
    if failed {
        return Err(Reported);
    }
    let options = page::Options {
        lang: args.lang.clone(),
        anonymize: args.anonymize,
    };
    let html = page::render(&files, &options).map_err(|e| match e.file {
        Some(i) => {
            super::report_in(&display(&args.files[i]), &texts[i], e.diagnostic);
            Reported
        }
        None => fail("tradeready report", e.diagnostic.message),
    })?;
    emit(html.as_bytes(), &args.output)
}
