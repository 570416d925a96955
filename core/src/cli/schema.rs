//! `tradeready schema`: the JSON Schema of a file kind.

use super::{Outcome, Output, emit};
use clap::ValueEnum;
use tradeready::parse::FileKind;

/// Which schema.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which schema.
    #[arg(value_enum)]
    kind: Kind,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Kind {
    Profile,
    Assessment,
}

pub fn run(args: &Args) -> Outcome {
    let kind = match args.kind {
        Kind::Profile => FileKind::Profile,
        Kind::Assessment => FileKind::Assessment,
    };
    emit(
        tradeready::schema::schema_text(kind).as_bytes(),
        &Output { output: None },
    )
}
