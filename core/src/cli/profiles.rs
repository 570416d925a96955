//! `tradeready profiles`: the embedded profiles, one a line.

use super::{Outcome, Output, emit};
use tradeready::Catalogue;

/// No arguments.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_: &Args) -> Outcome {
    let catalogue = Catalogue::embedded();
    let mut out = String::new();
    for entry in catalogue.entries() {
        let title = match catalogue.get(&entry.id, &entry.version) {
            Ok(profile) => profile.text(&profile.title).to_owned(),
            Err(_) => "(invalid)".to_owned(),
        };
        out.push_str(&format!("{} {}\t{}\n", entry.id, entry.version, title));
    }
    if out.is_empty() {
        out.push_str("no embedded profiles\n");
    }
    emit(out.as_bytes(), &Output { output: None })
}
