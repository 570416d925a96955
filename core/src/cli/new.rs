//! `tradeready new`: a blank assessment, each indicator a commented entry.

use super::{Outcome, Output, Reported, emit, fail, read_profile, report};
use std::path::{Path, PathBuf};
use tradeready::{Catalogue, template};

/// What the blank assessment is for.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An embedded profile id (its newest version), ID@VERSION, or a profile file.
    #[arg(long, value_name = "ID|FILE")]
    profile: Option<String>,
    /// Name of the administration.
    #[arg(long, default_value = "Name of the Customs administration")]
    administration: String,
    /// Short code of the administration (such as an ISO country code).
    #[arg(long)]
    code: Option<String>,
    /// Label of the review cycle.
    #[arg(long, default_value = "cycle-1")]
    cycle: String,
    /// Reference date of the assessment, YYYY-MM-DD [default: today]
    #[arg(long)]
    as_of: Option<String>,
    /// Where editors find the assessment JSON Schema (see `tradeready schema assessment`).
    #[arg(long, default_value = "assessment.schema.json")]
    schema: String,
    #[command(flatten)]
    output: Output,
}

pub fn run(args: &Args) -> Outcome {
    let mut catalogue = Catalogue::embedded();
    let profile = match args.profile.as_deref() {
        Some(arg) if Path::new(arg).is_file() => {
            let path = PathBuf::from(arg);
            let (text, sha256) = read_profile(&path)?;
            let loaded = tradeready::load::profile(&text, catalogue.layers());
            report(arg, &loaded.diagnostics);
            let mut profile = loaded.value.ok_or(Reported)?;
            profile.sha256 = Some(sha256);
            catalogue.add(profile)
        }
        Some(arg) => {
            let found = match arg.split_once('@') {
                Some((id, version)) => catalogue.get(id, version),
                None => catalogue.latest(arg),
            };
            found.map_err(|_| {
                fail(
                    arg,
                    "no such embedded profile or profile file (see `tradeready profiles`)",
                )
            })?
        }
        None => match catalogue.only() {
            Some(found) => found.map_err(|d| fail("tradeready new", d.message))?,
            None => {
                return Err(fail(
                    "tradeready new",
                    "name the profile with --profile (see `tradeready profiles`)",
                ));
            }
        },
    };
    let as_of = match &args.as_of {
        Some(date) => {
            if tradeready::validate::parse_date(date).is_none() {
                return Err(fail(
                    "--as-of",
                    format_args!("{date:?} is not a date written YYYY-MM-DD"),
                ));
            }
            date.clone()
        }
        None => tradeready::format_date(time::OffsetDateTime::now_utc().date()),
    };
    let text = template::blank_assessment(
        &profile,
        &template::Blank {
            administration: &args.administration,
            code: args.code.as_deref(),
            cycle: &args.cycle,
            as_of: &as_of,
            schema: &args.schema,
        },
    );
    emit(text.as_bytes(), &args.output)
}
