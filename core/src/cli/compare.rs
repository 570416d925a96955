//! `tradeready compare`: one administration across review cycles. Files of different
//! versions of the profile are each carried to the newest version among them first.

use super::{
    Outcome, Output, ProfileFile, Reported, catalogue, display, emit, fail, json, read_text, report,
};
use clap::ValueEnum;
use std::path::PathBuf;
use tradeready::compare;

/// The cycles to compare.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Two or more assessments of one administration and one profile id.
    #[arg(required = true, num_args = 2.., value_name = "FILE")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    profile: ProfileFile,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
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
    let mut decoded = Vec::new();
    let mut failed = false;
    for path in &args.files {
        let Ok(text) = read_text(path) else {
            failed = true;
            continue;
        };
        let loaded = catalogue.decode_assessment(&text);
        failed |= report(&display(path), &loaded.diagnostics);
        if let Some(raw) = loaded.value {
            decoded.push((path, text, raw));
        }
    }
    if failed {
        return Err(Reported);
    }
    let (first_path, _, first) = &decoded[0];
    for (path, _, raw) in &decoded {
        if raw.profile.id != first.profile.id {
            return Err(fail(
                &display(path),
                format_args!(
                    "answers profile {}, and {} answers {}: compare takes cycles of one profile id",
                    raw.profile.id,
                    display(first_path),
                    first.profile.id
                ),
            ));
        }
    }
    let newest = decoded
        .iter()
        .filter_map(|(_, _, raw)| semver::Version::parse(raw.profile.version.as_str()).ok())
        .max()
        .map(|v| v.to_string());
    let profile = catalogue
        .migration_target(&first.profile.id, newest.as_deref())
        .map_err(|d| fail(&display(first_path), d.message))?;
    let mut cycles = Vec::new();
    for (path, text, raw) in &decoded {
        let loaded = catalogue.migrate_to(raw, text, &profile);
        failed |= report(&display(path), &loaded.diagnostics);
        cycles.extend(loaded.value);
    }
    if failed {
        return Err(Reported);
    }
    let comparison =
        compare::compare(&cycles).map_err(|d| fail("tradeready compare", d.message))?;
    let text = match args.format {
        Format::Json => json(&comparison)?,
        Format::Text => {
            let latest = cycles
                .iter()
                .max_by_key(|c| c.scored.assessment.as_of)
                .map(|c| &c.scored.scores)
                .ok_or(Reported)?;
            compare::render_text(&comparison, latest)
        }
    };
    emit(text.as_bytes(), &args.output)
}
