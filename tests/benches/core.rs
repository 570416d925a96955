//! The core's figures (issue 16), with criterion: `cargo bench -p tradeready-tests`.
//!
//! Criterion keeps each run under target/criterion/ and prints the change from the last
//! one, so a regression shows as "Performance has regressed"; `-- --save-baseline NAME`
//! and `-- --baseline NAME` compare against a named run instead. Every input goes through
//! the public loading pipeline (`Catalogue`), as the command line does; the generated
//! files come from tests/src/generate.rs, the same generator as the loading budget.
// A measuring tool panics on an invalid input rather than measuring an error path.
#![allow(clippy::disallowed_methods)]

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;
use tradeready::load::{Catalogue, Layers, MigratedFile, Scored};
use tradeready::report::page;
use tradeready::{Profile, aggregate, compare};
use tradeready_tests::{generate, root};

const PROFILE: &str = "assessments/profiles/wco-resilience/1.1.0.yaml";

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The assessments under assessments/examples (the top folder), by file name.
fn examples() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(root().join("assessments/examples"))
        .expect("the examples")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            let name = p
                .file_stem()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect();
    out.sort();
    out
}

fn latest(catalogue: &Catalogue) -> Arc<Profile> {
    catalogue
        .latest("wco-resilience")
        .expect("the bundled profile")
}

/// `n` generated assessments of the bundled profile, each checked to be valid.
fn generated(catalogue: &Catalogue, n: usize, seed: u64) -> Vec<String> {
    let profile = latest(catalogue);
    let mut rng = generate::Rng::new(seed);
    (0..n)
        .map(|i| {
            let text = generate::assessment(&profile, i, &mut rng);
            assert!(!catalogue.load_assessment(&text).is_invalid(), "file {i}");
            text
        })
        .collect()
}

fn valid<T>(loaded: tradeready::load::Loaded<T>) -> T {
    match loaded.value {
        Some(v) if !loaded.is_invalid() => v,
        _ => panic!("{:#?}", loaded.diagnostics),
    }
}

fn single(c: &mut Criterion) {
    let catalogue = Catalogue::embedded();
    let text = read(PROFILE);
    c.bench_function("profile/parse+validate wco-resilience 1.1.0", |b| {
        b.iter(|| {
            valid(tradeready::load::profile(
                black_box(&text),
                Layers::default(),
            ))
        })
    });
    let mut group = c.benchmark_group("assessment");
    for (name, text) in examples() {
        // What `tradeready score` does per file: syntax, schema, typed decoding, meaning,
        // the profile look-up and the scores (the target: under 2 ms).
        group.bench_function(format!("load+score/{name}"), |b| {
            b.iter(|| valid(catalogue.load_assessment(black_box(&text))))
        });
        let scored = valid(catalogue.load_assessment(&text));
        group.bench_function(format!("score/{name}"), |b| {
            b.iter(|| tradeready::score(&scored.profile, black_box(&scored.assessment)))
        });
    }
    group.finish();
    let northland = read("assessments/examples/northland-2025.yaml");
    c.bench_function("migrate/northland-2025 1.0.0 to 1.1.0", |b| {
        b.iter(|| valid(catalogue.migrate(black_box(&northland), Some("1.1.0"))))
    });
    c.bench_function("report/one assessment (page::load + page::render)", |b| {
        b.iter(|| {
            let files: Vec<MigratedFile> = page::load(&catalogue, &[black_box(&northland)])
                .into_iter()
                .map(valid)
                .collect();
            page::render(&files, &page::Options::default()).expect("a page")
        })
    });
}

fn many(c: &mut Criterion) {
    let catalogue = Catalogue::embedded();
    let profile = latest(&catalogue);
    let texts = generated(&catalogue, 1000, 2026);
    let mut group = c.benchmark_group("1000 generated");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    group.bench_function("validate", |b| {
        b.iter(|| {
            for t in &texts {
                valid(tradeready::load::assessment(t, &profile, Layers::default()));
            }
        })
    });
    // The same files in JSON, as `tradeready validate` checks many files: every layer,
    // the JSON fast path, no scores (`Catalogue::check_all`).
    let json: Vec<String> = texts
        .iter()
        .map(|t| {
            let tree: serde_yaml::Value = serde_yaml::from_str(t).expect("generated YAML");
            serde_json::to_string_pretty(&tree).expect("generated YAML is JSON")
        })
        .collect();
    let json: Vec<&str> = json.iter().map(String::as_str).collect();
    let mut checking = Catalogue::embedded();
    group.bench_function("validate JSON (check_all)", |b| {
        b.iter(|| {
            let found = checking.check_all(&json);
            assert!(found.iter().all(|d| !tradeready::is_invalid(d)));
        })
    });
    let scored: Vec<Scored> = texts
        .iter()
        .map(|t| valid(catalogue.load_assessment(t)))
        .collect();
    group.bench_function("score", |b| {
        b.iter(|| {
            for s in &scored {
                black_box(tradeready::score(&s.profile, &s.assessment));
            }
        })
    });
    let refs: Vec<&Scored> = scored.iter().collect();
    group.bench_function("aggregate", |b| {
        b.iter(|| aggregate::aggregate(black_box(&refs), false).expect("one profile"))
    });
    group.finish();

    // Ten review cycles of one administration, each a year later than the last.
    let cycles: Vec<String> = generated(&catalogue, 10, 10)
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            t.lines()
                .map(|l| {
                    if l.starts_with("administration:") {
                        "administration: {name: Customs of Benchland, code: BL}".to_owned()
                    } else if l.starts_with("cycle:") {
                        format!("cycle: \"{}\"", 2030 + i)
                    } else if l.starts_with("as_of:") {
                        format!("as_of: {}-06-30", 2030 + i)
                    } else {
                        l.to_owned()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    let migrated: Vec<MigratedFile> = cycles
        .iter()
        .map(|t| valid(catalogue.migrate(t, None)))
        .collect();
    c.bench_function("compare/10 cycles", |b| {
        b.iter(|| compare::compare(black_box(&migrated)).expect("comparable"))
    });

    // A workshop of 50 administrations, as `tradeready report` makes its page.
    let workshop = generated(&catalogue, 50, 50);
    let borrowed: Vec<&str> = workshop.iter().map(String::as_str).collect();
    let mut group = c.benchmark_group("report");
    group.sample_size(20);
    group.bench_function("workshop of 50 (page::load + page::render)", |b| {
        b.iter(|| {
            let files: Vec<MigratedFile> = page::load(&catalogue, black_box(&borrowed))
                .into_iter()
                .map(valid)
                .collect();
            page::render(&files, &page::Options::default()).expect("a page")
        })
    });
    let files: Vec<MigratedFile> = page::load(&catalogue, &borrowed)
        .into_iter()
        .map(valid)
        .collect();
    group.bench_function("workshop of 50 (page::render alone)", |b| {
        b.iter(|| page::render(black_box(&files), &page::Options::default()).expect("a page"))
    });
    group.finish();
}

criterion_group!(benches, single, many);
criterion_main!(benches);
