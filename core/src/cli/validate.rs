//! `tradeready validate`: checks profiles and assessments, every error of every file.

use super::{Outcome, ProfileFile, Reported, catalogue, display, read_text, report};
use std::path::PathBuf;

/// The files to check.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to check (profiles or assessments). An assessment may name a profile given
    /// among them.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    profile: ProfileFile,
}

pub fn run(args: &Args) -> Outcome {
    let mut catalogue = catalogue(&args.profile)?;
    let mut failed = false;
    let mut read = Vec::with_capacity(args.files.len());
    for path in &args.files {
        match read_text(path) {
            Ok(text) => read.push((display(path), text)),
            Err(Reported) => failed = true,
        }
    }
    let texts: Vec<&str> = read.iter().map(|(_, text)| text.as_str()).collect();
    for ((name, _), loaded) in read.iter().zip(catalogue.load_all(&texts)) {
        if report(name, &loaded.diagnostics) {
            failed = true;
        } else {
            println!("{name}: valid");
        }
    }
    if failed { Err(Reported) } else { Ok(()) }
}
