//! `tradeready new`: a blank assessment, each indicator a commented entry.

use super::{Outcome, Output, emit, fail, resolve_profile};
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
    /// Where editors find the assessment JSON Schema, a path relative to the file or a URL
    /// [default: ID-VERSION.assessment.schema.json, beside the file; write it with
    /// `tradeready schema assessment --profile ID@VERSION`, or find it in schemas/]
    #[arg(long, value_name = "PATH|URL")]
    schema: Option<String>,
    /// The language of the comments (questions, help, levels, evidence)
    /// [default: the profile's first].
    #[arg(long, value_name = "L")]
    lang: Option<String>,
    #[command(flatten)]
    output: Output,
}

pub fn run(args: &Args) -> Outcome {
    let profile = match args.profile.as_deref() {
        Some(arg) => resolve_profile(arg)?,
        None => match Catalogue::embedded().only() {
            Some(found) => found.map_err(|d| fail("tradeready new", d.message))?,
            None => {
                return Err(fail(
                    "tradeready new",
                    "name the profile with --profile (see `tradeready profiles`)",
                ));
            }
        },
    };
    let lang = args
        .lang
        .clone()
        .unwrap_or_else(|| profile.default_language().to_owned());
    tradeready::schema::check_language(&profile, &lang).map_err(|d| fail("--lang", d.message))?;
    let schema = args.schema.clone().unwrap_or_else(|| {
        tradeready::schema::profile_schema_file_name(&profile.id, &profile.version.to_string())
    });
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
            schema: &schema,
            lang: &lang,
        },
    );
    emit(text.as_bytes(), &args.output)
}
