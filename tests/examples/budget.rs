//! The loading budgets of issues 10 and 12, measured end to end from the command line:
//! `tradeready validate`, `tradeready score` and `tradeready aggregate` of 1,000 generated
//! assessments of the bundled profile, each under 1.5 s on a 2-core machine (the profile
//! parsed once).
//!
//!     cargo run --release -p tradeready-tests --example budget [-- N]
//!
//! Then bad input: a 30 MB file refused and a 3.9 MB file with 5,000 errors, 1 s each.
//!
//! Prints the median of three runs of each command and its verdict against the budget.
//! It exits 1 only at twice the budget: on this machine the medians of validate and score
//! are 1.2 to 1.3 s (aggregate, added with issue 12, has not been timed here yet), a
//! margin that a noisy run could cross, while the regression this guards against (the
//! profile parsed again for every file) takes about 9 s.
// A measuring tool prints and runs processes; that is its job.
#![allow(clippy::disallowed_methods, clippy::print_stdout, clippy::print_stderr)]

use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};
use tradeready::Catalogue;
use tradeready_tests::{binary, generate, root};

const BUDGET: Duration = Duration::from_millis(1500);
/// Where the command fails, rather than only saying it is over.
const LIMIT: Duration = Duration::from_millis(3000);
const RUNS: usize = 3;

fn main() -> ExitCode {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1000);
    let catalogue = Catalogue::embedded();
    let profile = match catalogue.latest("wco-resilience") {
        Ok(p) => p,
        Err(d) => {
            eprintln!("budget: {}", d.message);
            return ExitCode::FAILURE;
        }
    };
    let dir = root().join("target/budget");
    let _ = std::fs::remove_dir_all(&dir);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("budget: cannot create {}: {e}", dir.display());
        return ExitCode::FAILURE;
    }
    let mut rng = generate::Rng::new(2026);
    let mut files = Vec::with_capacity(n);
    for i in 0..n {
        let text = generate::assessment(&profile, i, &mut rng);
        // Every generated file must be valid, or the figures would measure error paths.
        let loaded = catalogue.load_assessment(&text);
        if let Some(d) = loaded.errors().next() {
            eprintln!(
                "budget: generated file {i} is invalid: {}",
                d.render("generated")
            );
            return ExitCode::FAILURE;
        }
        let path = dir.join(format!("assessment-{i:04}.yaml"));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("budget: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        files.push(path);
    }
    let exe = binary();
    let mut over = false;
    for (what, extra) in [
        ("validate", &[][..]),
        ("score", &["--format", "json", "-o", "/dev/null"][..]),
        ("aggregate", &["--format", "json", "-o", "/dev/null"][..]),
    ] {
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let start = Instant::now();
            let output = Command::new(&exe)
                .arg(what)
                .args(&files)
                .args(extra)
                .output();
            let elapsed = start.elapsed();
            match output {
                Ok(o) if o.status.success() => times.push(elapsed),
                Ok(o) => {
                    eprintln!(
                        "budget: tradeready {what} failed: {}",
                        String::from_utf8_lossy(&o.stderr)
                    );
                    return ExitCode::FAILURE;
                }
                Err(e) => {
                    eprintln!("budget: cannot run {}: {e}", exe.display());
                    return ExitCode::FAILURE;
                }
            }
        }
        times.sort();
        let median = times[RUNS / 2];
        let verdict = if median <= BUDGET { "within" } else { "OVER" };
        println!(
            "tradeready {what:8} {n} files: median {:.3} s of {RUNS} runs (min {:.3}, max {:.3}), {verdict} the {:.1} s budget",
            median.as_secs_f64(),
            times[0].as_secs_f64(),
            times[RUNS - 1].as_secs_f64(),
            BUDGET.as_secs_f64()
        );
        over |= median > LIMIT;
    }
    over |= bad_input(&exe, &dir);
    if over {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Bad input is refused quickly: a 30 MB file before it is read, and a 3.9 MB file with
/// 5,000 errors, each reported, the first placed (tests/tests/bad_input.rs checks what is
/// said; this, how long it takes). 1 s each; fails at 2 s. Whether the times are over.
fn bad_input(exe: &std::path::Path, dir: &std::path::Path) -> bool {
    const BAD: Duration = Duration::from_millis(1000);
    let huge = dir.join("huge.yaml");
    let mut text = String::from("kind: assessment\nanswers:\n");
    while text.len() < 30_000_000 {
        text.push_str("  # padding padding padding padding padding padding padding padding\n");
    }
    let many = dir.join("many-errors.yaml");
    let mut errors = String::from(
        "kind: assessment\nformat: 1\nprofile: {id: demo, version: 1.0.0}\n\
         administration: {name: X}\ncycle: '2025'\nas_of: 2025-06-30\nanswers:\n",
    );
    for i in 0..5000 {
        errors.push_str(&format!("  unknown.indicator-{i}: {{value: 1}}\n"));
    }
    while errors.len() < 3_900_000 {
        errors.push_str("  # padding padding padding padding padding padding padding padding\n");
    }
    if std::fs::write(&huge, text).is_err() || std::fs::write(&many, errors).is_err() {
        eprintln!(
            "budget: cannot write the bad-input files in {}",
            dir.display()
        );
        return true;
    }
    let demo = root().join("tests/data/profiles/demo.yaml");
    let mut over = false;
    for (what, args) in [
        ("a 30 MB file refused", vec![huge.clone()]),
        (
            "5,000 errors in 3.9 MB",
            vec![many.clone(), "--profile".into(), demo.clone()],
        ),
    ] {
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let start = Instant::now();
            let output = Command::new(exe).arg("validate").args(&args).output();
            let elapsed = start.elapsed();
            match output {
                // Refused, as it must be: exit status 1.
                Ok(o) if o.status.code() == Some(1) => times.push(elapsed),
                Ok(o) => {
                    eprintln!(
                        "budget: tradeready validate ({what}) exited {:?}: {}",
                        o.status.code(),
                        String::from_utf8_lossy(&o.stderr)
                    );
                    return true;
                }
                Err(e) => {
                    eprintln!("budget: cannot run {}: {e}", exe.display());
                    return true;
                }
            }
        }
        times.sort();
        let median = times[RUNS / 2];
        let verdict = if median <= BAD { "within" } else { "OVER" };
        println!(
            "tradeready validate, {what}: median {:.3} s of {RUNS} runs, {verdict} the {:.1} s budget",
            median.as_secs_f64(),
            BAD.as_secs_f64()
        );
        over |= median > BAD * 2;
    }
    over
}
