//! `tradeready migrate`: carries an assessment to a later version of its profile, and
//! prints the migrated assessment (YAML) or the migration report (JSON).

use super::{
    Outcome, Output, ProfileFile, Reported, catalogue, display, emit, fail, json, read_text, report,
};
use clap::ValueEnum;
use std::path::PathBuf;

/// What to migrate, and to what.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The assessment.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The version to carry it to [default: the newest on offer].
    #[arg(long, value_name = "VERSION")]
    to: Option<String>,
    #[command(flatten)]
    profile: ProfileFile,
    /// Output: the migrated assessment (yaml) or the migration report (json).
    #[arg(long, value_enum, default_value_t = Format::Yaml)]
    format: Format,
    #[command(flatten)]
    output: Output,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    Yaml,
    Json,
}

pub fn run(args: &Args) -> Outcome {
    let catalogue = catalogue(&args.profile)?;
    let name = display(&args.file);
    let text = read_text(&args.file)?;
    let loaded = catalogue.migrate(&text, args.to.as_deref());
    if report(&name, &loaded.diagnostics) {
        return Err(Reported);
    }
    let migrated = loaded.value.ok_or(Reported)?;
    if let Some(to) = &args.to
        && migrated.scored.profile.version.to_string() != *to
    {
        return Err(fail(
            &name,
            format_args!(
                "--to {to} and --profile name different versions ({})",
                migrated.scored.profile.version
            ),
        ));
    }
    let out = match args.format {
        Format::Json => json(&migrated.report)?,
        Format::Yaml => serde_yaml::to_string(&migrated.raw)
            .map_err(|e| fail(&name, format_args!("cannot write the migrated file: {e}")))?,
    };
    emit(out.as_bytes(), &args.output)
}
