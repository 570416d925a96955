//! The command line: one argument struct per command, the shared flags flattened in, one
//! module per command. Every command reads files, hands their text to the core's loading
//! pipeline ([`tradeready::Catalogue`]) and prints what comes back; this layer holds the
//! I/O, the clock and the exit status, and nothing else.
// The shell is where I/O, the clock and printing belong.
#![allow(clippy::disallowed_methods, clippy::print_stdout, clippy::print_stderr)]

mod aggregate;
mod compare;
mod merge;
mod migrate;
mod new;
mod profiles;
mod report;
mod schema;
mod score;
mod validate;

use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tradeready::{Catalogue, Diagnostic};

/// Measure a Customs administration's readiness to keep trade moving through a disruption,
/// against the WCO trade recovery and resilience instruments.
#[derive(Debug, Parser)]
#[command(name = "tradeready", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the embedded profiles.
    Profiles(profiles::Args),
    /// Print a blank assessment, each indicator a commented entry to fill in.
    New(new::Args),
    /// Check profiles and assessments; exit 1 on any error.
    Validate(validate::Args),
    /// Score assessments.
    Score(score::Args),
    /// Set several administrations side by side (a workshop).
    ///
    /// Statistics per domain and indicator, and the matrix of administrations against
    /// domains.
    Aggregate(aggregate::Args),
    /// Merge several respondents' answers into one assessment (a consensus).
    ///
    /// The conflicts are listed for the group to settle.
    Merge(merge::Args),
    /// Compare review cycles of one administration.
    Compare(compare::Args),
    /// Carry an assessment to a later version of its profile.
    Migrate(migrate::Args),
    /// One page to print: an assessment, the cycles of one administration, or a workshop.
    ///
    /// Self-contained HTML (inline CSS and SVG, no script), laid out for A4.
    Report(report::Args),
    /// Print the JSON Schema of a file kind.
    Schema(schema::Args),
}

/// `--profile FILE`: the profile file to check assessments against.
#[derive(Debug, Args)]
pub struct ProfileFile {
    /// Check assessments against this profile file instead of an embedded profile.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
}

/// `-o FILE`: where the output goes.
#[derive(Debug, Args)]
pub struct Output {
    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A failure already reported to the user; the exit status is 1.
#[derive(Debug)]
pub struct Reported;

/// What a command gives back.
pub type Outcome = Result<(), Reported>;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Profiles(args) => profiles::run(&args),
        Command::New(args) => new::run(&args),
        Command::Validate(args) => validate::run(&args),
        Command::Score(args) => score::run(&args),
        Command::Aggregate(args) => aggregate::run(&args),
        Command::Merge(args) => merge::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Migrate(args) => migrate::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Schema(args) => schema::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Reported) => ExitCode::from(1),
    }
}

/// How a path is named in messages.
pub fn display(path: &Path) -> String {
    path.display().to_string()
}

/// Prints diagnostics to stderr as `FILE:LINE:COLUMN: message`; returns whether any is an
/// error.
pub fn report(file: &str, diagnostics: &[Diagnostic]) -> bool {
    let mut stderr = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(stderr, "{}", d.render(file));
    }
    tradeready::is_invalid(diagnostics)
}

/// Prints one diagnostic about a file, placed in its text where it points at a node.
pub fn report_in(file: &str, text: &str, diagnostic: Diagnostic) {
    let mut diagnostics = [diagnostic];
    tradeready::parse::locate(&mut diagnostics, text);
    report(file, &diagnostics);
}

/// A file's path and its text.
pub type Source = (PathBuf, String);

/// Reads and loads every assessment named, reporting each file's diagnostics; fails when
/// any file cannot be read or is invalid. Each loaded file comes with its path and text.
pub fn load_many(
    catalogue: &Catalogue,
    files: &[PathBuf],
) -> Result<Vec<(Source, tradeready::Scored)>, Reported> {
    let mut failed = false;
    let mut read = Vec::with_capacity(files.len());
    for path in files {
        match read_text(path) {
            Ok(text) => read.push((path, text)),
            Err(Reported) => failed = true,
        }
    }
    let loaded =
        catalogue.load_assessments(&read.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>());
    let mut out = Vec::with_capacity(read.len());
    for ((path, text), loaded) in read.into_iter().zip(loaded) {
        failed |= report(&display(path), &loaded.diagnostics);
        if let Some(scored) = loaded.value {
            out.push(((path.clone(), text), scored));
        }
    }
    if failed || out.is_empty() {
        return Err(Reported);
    }
    Ok(out)
}

/// Prints `FILE: message` and gives the failure.
pub fn fail(file: &str, message: impl std::fmt::Display) -> Reported {
    eprintln!("{file}: {message}");
    Reported
}

/// Reads a file's bytes.
pub fn read(path: &Path) -> Result<Vec<u8>, Reported> {
    std::fs::read(path).map_err(|e| fail(&display(path), format_args!("cannot read the file: {e}")))
}

/// Reads a file as UTF-8 text (a byte-order mark allowed).
pub fn read_text(path: &Path) -> Result<String, Reported> {
    let bytes = read(path)?;
    match tradeready::parse::text_from_bytes(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(d) => {
            report(&display(path), &[d]);
            Err(Reported)
        }
    }
}

/// Reads a profile file as text, with the SHA-256 of its bytes in lowercase hex (the
/// provenance an assessment records in `profile.sha256`).
pub fn read_profile(path: &Path) -> Result<(String, String), Reported> {
    use sha2::{Digest, Sha256};
    let bytes = read(path)?;
    let sha256: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    match tradeready::parse::text_from_bytes(&bytes) {
        Ok(text) => Ok((text.to_owned(), sha256)),
        Err(d) => {
            report(&display(path), &[d]);
            Err(Reported)
        }
    }
}

/// Writes `bytes` to the file named, or to standard output.
pub fn emit(bytes: &[u8], output: &Output) -> Outcome {
    match &output.output {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| fail(&display(path), format_args!("cannot write: {e}"))),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| fail("<stdout>", e))
        }
    }
}

/// Pretty JSON with a final newline; a value that cannot be written is a reported failure,
/// never an empty output.
pub fn json<T: serde::Serialize>(value: &T) -> Result<String, Reported> {
    let mut text = serde_json::to_string_pretty(value).map_err(|e| {
        fail(
            "tradeready",
            format_args!("cannot write the result as JSON: {e}"),
        )
    })?;
    text.push('\n');
    Ok(text)
}

/// The embedded profiles, and with `--profile FILE` that file, pinned: every assessment is
/// checked against it.
pub fn catalogue(profile: &ProfileFile) -> Result<Catalogue, Reported> {
    let mut catalogue = Catalogue::embedded();
    if let Some(path) = &profile.profile {
        let name = display(path);
        let (text, sha256) = read_profile(path)?;
        let loaded = tradeready::load::profile(&text, catalogue.layers());
        report(&name, &loaded.diagnostics);
        let mut profile = loaded.value.ok_or(Reported)?;
        profile.sha256 = Some(sha256);
        catalogue.pin(profile);
    }
    Ok(catalogue)
}

/// The profile `--profile ID|FILE` names: a profile file, an embedded id (its newest
/// version) or an embedded ID@VERSION.
pub fn resolve_profile(arg: &str) -> Result<std::sync::Arc<tradeready::Profile>, Reported> {
    let mut catalogue = Catalogue::embedded();
    if Path::new(arg).is_file() {
        let (text, sha256) = read_profile(Path::new(arg))?;
        let loaded = tradeready::load::profile(&text, catalogue.layers());
        report(arg, &loaded.diagnostics);
        let mut profile = loaded.value.ok_or(Reported)?;
        profile.sha256 = Some(sha256);
        return Ok(catalogue.add(profile));
    }
    let found = match arg.split_once('@') {
        Some((id, version)) => catalogue.get(id, version),
        None => catalogue.latest(arg),
    };
    found.map_err(|_| {
        fail(
            arg,
            "no such embedded profile or profile file (see `tradeready profiles`)",
        )
    })
}
