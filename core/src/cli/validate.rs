//! `tradeready validate`: checks profiles and assessments, every error of every file.

use super::{Outcome, ProfileFile, Reported, catalogue, display, fail, report};
use std::io::{Read, Write};
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
    // Each file read on a core into a buffer used again for the next, and checked there.
    let read = |path: &PathBuf, buffer: &mut Vec<u8>| {
        std::fs::File::open(path).and_then(|mut file| file.read_to_end(buffer))?;
        Ok::<_, std::io::Error>(())
    };
    // One write for all the "valid" lines, not one each; flushed before a file's
    // diagnostics, so that the two streams keep the files' order on a terminal.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (path, checked) in args
        .files
        .iter()
        .zip(catalogue.check_files(&args.files, read))
    {
        let name = display(path);
        match checked {
            Ok(diagnostics) => {
                if !diagnostics.is_empty() {
                    let _ = out.flush();
                }
                if report(&name, &diagnostics) {
                    failed = true;
                } else {
                    let _ = writeln!(out, "{name}: valid");
                }
            }
            Err(e) => {
                let _ = out.flush();
                fail(&name, format_args!("cannot read the file: {e}"));
                failed = true;
            }
        }
    }
    let _ = out.flush();
    if failed { Err(Reported) } else { Ok(()) }
}
