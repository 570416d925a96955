//! Writes generated assessments of the bundled profile to a folder, with the generator of
//! the loading budget (tests/src/generate.rs), for tests/side-by-side/run.sh:
//!
//!     cargo run --release -p tradeready-tests --example generate -- DIR [N] [--json]
//!
//! N files (1,000 by default) named assessment-NNNN.yaml, each checked valid first; with
//! `--json` the same assessments as JSON (assessment-NNNN.json), which every validator
//! reads the same way (YAML readers differ on dates: some make `2025-06-30` a date, which
//! a JSON Schema `"type": "string"` refuses).
// A tool that writes files and says what it did.
#![allow(clippy::disallowed_methods, clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;
use tradeready::Catalogue;
use tradeready_tests::generate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let plain: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(dir) = plain.first().map(PathBuf::from) else {
        eprintln!("usage: generate DIR [N] [--json]");
        return ExitCode::from(2);
    };
    let n: usize = plain.get(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let catalogue = Catalogue::embedded();
    let profile = match catalogue.latest("wco-resilience") {
        Ok(p) => p,
        Err(d) => {
            eprintln!("generate: {}", d.message);
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("generate: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut rng = generate::Rng::new(2026);
    for i in 0..n {
        let text = generate::assessment(&profile, i, &mut rng);
        let loaded = catalogue.load_assessment(&text);
        if let Some(d) = loaded.errors().next() {
            eprintln!("generate: file {i} is invalid: {}", d.render("generated"));
            return ExitCode::FAILURE;
        }
        let (name, body) = if json {
            let value: serde_json::Value = match serde_yaml::from_str(&text) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("generate: file {i} as JSON: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let body = serde_json::to_string_pretty(&value).unwrap_or_default() + "\n";
            (format!("assessment-{i:04}.json"), body)
        } else {
            (format!("assessment-{i:04}.yaml"), text)
        };
        if let Err(e) = std::fs::write(dir.join(&name), body) {
            eprintln!("generate: cannot write {name}: {e}");
            return ExitCode::FAILURE;
        }
    }
    println!("{n} assessments in {}", dir.display());
    ExitCode::SUCCESS
}
