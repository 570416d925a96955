//! Shared helpers for TradeReady's black-box tests: where the project's files are, and how
//! to run the `tradeready` command the way a user does.
// Test helpers read files and run processes; that is their job.
#![allow(clippy::disallowed_methods)]

pub mod generate;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// A path under `tests/data/`.
pub fn data(path: &str) -> PathBuf {
    root().join("tests/data").join(path)
}

/// The `tradeready` binary beside this test (target/<profile>/tradeready).
///
/// `cargo test --workspace` builds it, since the `tradeready` package has integration tests
/// of its own. When the tests of this package run alone, or the binary is older than its
/// sources, it is built first, so that a test never runs a stale binary.
pub fn binary() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let exe = std::env::current_exe().expect("a test knows its own path");
            // target/<profile>/deps/<test> -> target/<profile>/tradeready
            let dir = exe
                .parent()
                .and_then(Path::parent)
                .expect("tests run from target/<profile>/deps");
            let bin = dir.join(format!("tradeready{}", std::env::consts::EXE_SUFFIX));
            let built = modified(&bin);
            let sources = [
                "core/src",
                "core/Cargo.toml",
                "core/build.rs",
                "Cargo.lock",
                "assessments/profiles",
            ]
            .iter()
            .filter_map(|p| newest(&root().join(p)))
            .max();
            if built.is_none() || sources > built {
                let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
                let mut build = Command::new(cargo);
                build
                    .args(["build", "-q", "-p", "tradeready", "--bin", "tradeready"])
                    .current_dir(root());
                if dir.file_name().is_some_and(|n| n == "release") {
                    build.arg("--release");
                }
                let status = build.status().expect("cargo runs");
                assert!(status.success(), "building the tradeready binary failed");
            }
            bin
        })
        .clone()
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest modification time of a file, or of any file under a folder.
fn newest(path: &Path) -> Option<SystemTime> {
    if path.is_dir() {
        std::fs::read_dir(path)
            .ok()?
            .filter_map(|e| newest(&e.ok()?.path()))
            .max()
    } else {
        modified(path)
    }
}

/// What one run of the command gave.
#[derive(Debug)]
pub struct Run {
    /// Exit status (None when killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Wall time.
    pub elapsed: Duration,
}

impl From<(Output, Duration)> for Run {
    fn from((output, elapsed): (Output, Duration)) -> Self {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            elapsed,
        }
    }
}

/// Runs `tradeready` with `args` from the workspace root.
pub fn tradeready(args: &[&str]) -> Run {
    let binary = binary();
    let start = Instant::now();
    let output = Command::new(binary)
        .args(args)
        .current_dir(root())
        .output()
        .expect("the tradeready binary runs");
    (output, start.elapsed()).into()
}

/// Loads an example assessment (or any assessment of an embedded profile) through every
/// layer, with its profile and its scores; panics with the diagnostics if it is invalid.
pub fn load_example(
    path: &Path,
) -> (
    tradeready::Profile,
    tradeready::Assessment,
    tradeready::ScoreReport,
) {
    static CATALOGUE: std::sync::OnceLock<tradeready::Catalogue> = std::sync::OnceLock::new();
    let catalogue = CATALOGUE.get_or_init(tradeready::Catalogue::embedded);
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let loaded = catalogue.load_assessment(&text);
    let scored = loaded
        .value
        .unwrap_or_else(|| panic!("{}: {:#?}", path.display(), loaded.diagnostics));
    ((*scored.profile).clone(), scored.assessment, scored.scores)
}
