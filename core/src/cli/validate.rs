//! `tradeready validate`: checks profiles and assessments, every error of every file.

use super::{Outcome, ProfileFile, Reported, catalogue, display, fail, report};
use rayon::prelude::*;
use std::io::Write;
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
    // Read on every core; what cannot be read is reported in the order given.
    let bytes: Vec<std::io::Result<Vec<u8>>> = args.files.par_iter().map(std::fs::read).collect();
    // The texts borrow the bytes read: a thousand files are not held twice.
    let texts: Vec<_> = bytes
        .par_iter()
        .map(|b| b.as_ref().map(|b| tradeready::parse::text_from_bytes(b)))
        .collect();
    let mut read: Vec<(String, &str)> = Vec::with_capacity(args.files.len());
    for (path, text) in args.files.iter().zip(texts) {
        let name = display(path);
        match text {
            Ok(Ok(text)) => read.push((name, text)),
            Ok(Err(d)) => {
                report(&name, &[d]);
                failed = true;
            }
            Err(e) => {
                fail(&name, format_args!("cannot read the file: {e}"));
                failed = true;
            }
        }
    }
    let texts: Vec<&str> = read.iter().map(|(_, text)| *text).collect();
    // One write for all the "valid" lines, not one each; flushed before a file's
    // diagnostics, so that the two streams keep the files' order on a terminal.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for ((name, _), diagnostics) in read.iter().zip(catalogue.check_all(&texts)) {
        if !diagnostics.is_empty() {
            let _ = out.flush();
        }
        if report(name, &diagnostics) {
            failed = true;
        } else {
            let _ = writeln!(out, "{name}: valid");
        }
    }
    let _ = out.flush();
    if failed { Err(Reported) } else { Ok(()) }
}
