//! `tradeready validate`: checks profiles and assessments, every error of every file.

use super::{Outcome, ProfileFile, Reported, catalogue, display, fail, report};
use rayon::prelude::*;
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
    let mut read = Vec::with_capacity(args.files.len());
    for (path, bytes) in args.files.iter().zip(bytes) {
        let name = display(path);
        match bytes {
            Err(e) => {
                fail(&name, format_args!("cannot read the file: {e}"));
                failed = true;
            }
            Ok(bytes) => match tradeready::parse::text_from_bytes(&bytes) {
                Ok(text) => read.push((name, text.to_owned())),
                Err(d) => {
                    report(&name, &[d]);
                    failed = true;
                }
            },
        }
    }
    let texts: Vec<&str> = read.iter().map(|(_, text)| text.as_str()).collect();
    for ((name, _), loaded) in read.iter().zip(catalogue.check_all(&texts)) {
        if report(name, &loaded) {
            failed = true;
        } else {
            println!("{name}: valid");
        }
    }
    if failed { Err(Reported) } else { Ok(()) }
}
