//! `tradeready schema`: the JSON Schema of a file kind, or of assessments of one profile.

use super::{Outcome, Output, emit, fail, resolve_profile};
use clap::ValueEnum;
use tradeready::parse::FileKind;

/// Which schema.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which schema.
    #[arg(value_enum)]
    kind: Kind,
    /// For `assessment`: the schema of assessments of this profile, with its indicator ids,
    /// answer types and texts; an embedded profile id (its newest version), ID@VERSION, or
    /// a profile file.
    #[arg(long, value_name = "ID|FILE")]
    profile: Option<String>,
    /// The language of the texts in a profile's schema [default: the profile's first].
    #[arg(long, value_name = "L", requires = "profile")]
    lang: Option<String>,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Kind {
    Profile,
    Assessment,
}

pub fn run(args: &Args) -> Outcome {
    let text = match (args.kind, args.profile.as_deref()) {
        (Kind::Profile, None) => tradeready::schema::schema_text(FileKind::Profile),
        (Kind::Assessment, None) => tradeready::schema::schema_text(FileKind::Assessment),
        (Kind::Profile, Some(_)) => {
            return Err(fail(
                "--profile",
                "only the assessment schema is made for a profile (`tradeready schema assessment --profile ...`)",
            ));
        }
        (Kind::Assessment, Some(arg)) => {
            let profile = resolve_profile(arg)?;
            let lang = args
                .lang
                .clone()
                .unwrap_or_else(|| profile.default_language().to_owned());
            tradeready::schema::check_language(&profile, &lang)
                .map_err(|d| fail("--lang", d.message))?;
            tradeready::schema::profile_assessment_schema_text(&profile, &lang)
        }
    };
    emit(text.as_bytes(), &Output { output: None })
}
