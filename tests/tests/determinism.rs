//! Determinism (issue 16): every output of the command is byte-identical across two runs,
//! and across the order of the input files where DESIGN.md says order does not matter
//! (`compare`, and `report` of cycles, put the cycles in `as_of` order). Where order
//! matters by design (`aggregate`, `merge` and the workshop `report` label and list the
//! files in the order given), the tests assert that: the same figures, in the other order.
//!
//! Native and browser bytes are compared by the browser journeys (tests/e2e), not here.
// The tests run the binary and read what it wrote; that is their job.
#![allow(clippy::disallowed_methods)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use tradeready_tests::{binary, root};

const ONE: &str = "assessments/examples/northland-2025.yaml";
const NORTHLAND: [&str; 4] = [
    "assessments/examples/northland-2023.yaml",
    "assessments/examples/northland-2024.yaml",
    "assessments/examples/northland-2025.yaml",
    "assessments/examples/northland-2026.yaml",
];

/// The command's standard output, as bytes; panics unless it exits 0.
fn run(args: &[&str]) -> Vec<u8> {
    let output = Command::new(binary())
        .args(args)
        .current_dir(root())
        .output()
        .expect("the tradeready binary runs");
    assert!(
        output.status.success(),
        "tradeready {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// What the command wrote with `-o FILE`.
fn run_to_file(args: &[&str], name: &str) -> Vec<u8> {
    let path = std::env::temp_dir().join(format!(
        "tradeready-determinism-{}-{name}",
        std::process::id()
    ));
    let path_text = path.to_str().expect("a UTF-8 temp path");
    let mut all = args.to_vec();
    all.extend(["-o", path_text]);
    run(&all);
    let bytes = std::fs::read(&path).expect("the output was written");
    let _ = std::fs::remove_file(&path);
    bytes
}

fn files(dir: &str) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join(dir))
        .expect("the folder exists")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p: PathBuf| {
            p.strip_prefix(root())
                .expect("under the root")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    out.sort();
    out
}

fn with<'a>(head: &[&'a str], files: &'a [String], tail: &[&'a str]) -> Vec<&'a str> {
    let mut args = head.to_vec();
    args.extend(files.iter().map(String::as_str));
    args.extend(tail);
    args
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("the command printed JSON")
}

#[test]
fn every_output_is_byte_identical_across_two_runs() {
    let workshop = files("assessments/examples/workshop");
    let consensus = files("assessments/examples/consensus");
    let northland: Vec<String> = NORTHLAND.iter().map(|s| s.to_string()).collect();
    let mut cases: Vec<Vec<&str>> = vec![
        vec!["score", ONE],
        vec!["score", ONE, "--lang", "fr"],
        vec!["score", ONE, "--format", "json"],
        vec!["score", ONE, "--format", "md", "--lang", "es"],
        vec!["score", ONE, "--format", "html"],
        vec!["score", ONE, "--format", "csv"],
        vec!["report", ONE],
        with(&["report"], &northland, &[]),
        with(&["report"], &workshop, &[]),
        with(&["report"], &workshop, &["--anonymize", "--lang", "fr"]),
        with(&["compare"], &northland, &[]),
        with(&["compare"], &northland, &["--format", "json"]),
        vec![
            "migrate",
            "assessments/examples/northland-2025.yaml",
            "--to",
            "1.1.0",
        ],
        vec![
            "migrate",
            "assessments/examples/northland-2025.yaml",
            "--to",
            "1.1.0",
            "--format",
            "json",
        ],
        with(&["aggregate"], &workshop, &[]),
        with(&["aggregate"], &workshop, &["--anonymize"]),
        with(&["aggregate"], &workshop, &["--format", "json"]),
        with(&["validate"], &workshop, &[]),
        vec!["new", "--as-of", "2026-06-30"],
        vec!["new", "--profile", "wco-resilience@1.0.0", "--lang", "fr"],
        // Without --as-of, `new` dates the file today: identical within one day.
        vec!["new"],
        vec!["schema", "assessment", "--profile", "wco-resilience@1.1.0"],
    ];
    for resolve in ["none", "lowest", "median"] {
        cases.push(with(&["merge"], &consensus, &["--resolve", resolve]));
        cases.push(with(
            &["merge"],
            &consensus,
            &["--resolve", resolve, "--format", "json"],
        ));
    }
    for args in &cases {
        let first = run(args);
        assert!(
            !first.is_empty(),
            "tradeready {} printed nothing",
            args.join(" ")
        );
        assert!(
            first == run(args),
            "tradeready {} gave other bytes the second time",
            args.join(" ")
        );
    }
    // The workbook is written to a file (it is binary), dated by the assessment's as_of.
    let xlsx = ["score", ONE, "--format", "xlsx"];
    let a = run_to_file(&xlsx, "a.xlsx");
    assert!(a.starts_with(b"PK"), "not a workbook");
    assert!(a == run_to_file(&xlsx, "b.xlsx"), "the workbook differs");
    let pdf_free = ["report", ONE];
    assert_eq!(run_to_file(&pdf_free, "report.html"), run(&pdf_free));
}

/// `compare` and `report` of cycles order the cycles by `as_of`: the order of the files on
/// the command line changes no byte.
#[test]
fn cycles_give_the_same_bytes_in_any_file_order() {
    let orders: [[usize; 4]; 4] = [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]];
    for (head, tail) in [
        (&["compare"][..], &[][..]),
        (&["compare"][..], &["--format", "json"][..]),
        (&["report"][..], &[][..]),
    ] {
        let outputs: Vec<Vec<u8>> = orders
            .iter()
            .map(|order| {
                let files: Vec<String> = order.iter().map(|&i| NORTHLAND[i].to_string()).collect();
                run(&with(head, &files, tail))
            })
            .collect();
        for (order, output) in orders.iter().zip(&outputs) {
            assert!(
                *output == outputs[0],
                "tradeready {} of the cycles in the order {order:?} differs",
                head[0]
            );
        }
    }
}

/// `aggregate` lists the administrations (and labels them A, B, C) in the order given, so
/// reversing the files reverses `administrations`; every statistic is the same, to the
/// bit, because each is computed over the scores in a fixed order.
#[test]
fn aggregate_keeps_its_figures_and_follows_the_file_order() {
    let forward = files("assessments/examples/workshop");
    let backward: Vec<String> = forward.iter().rev().cloned().collect();
    for anonymize in [false, true] {
        let tail: &[&str] = if anonymize {
            &["--format", "json", "--anonymize"]
        } else {
            &["--format", "json"]
        };
        let a = json(&run(&with(&["aggregate"], &forward, tail)));
        let b = json(&run(&with(&["aggregate"], &backward, tail)));
        for key in ["n", "overall", "domains", "indicators"] {
            assert_eq!(
                a[key], b[key],
                "aggregate `{key}` depends on the file order"
            );
        }
        let rows = |v: &Value| v["administrations"].as_array().expect("a list").clone();
        let (ra, mut rb) = (rows(&a), rows(&b));
        rb.reverse();
        if anonymize {
            // The labels stay A, B, C... in the order given; the figures move with the files.
            let strip = |r: &[Value]| {
                r.iter()
                    .map(|x| (x["overall"].clone(), x["domains"].clone()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(strip(&ra), strip(&rb));
            let labels: Vec<Value> = rows(&b).iter().map(|x| x["label"].clone()).collect();
            assert_eq!(labels, ["A", "B", "C", "D", "E", "F", "G", "H"]);
        } else {
            assert_eq!(ra, rb, "the administrations are not in the order given");
        }
    }
}

/// The workshop page lists the administrations in the order given: reversed files,
/// reversed rows.
#[test]
fn workshop_report_follows_the_file_order() {
    let forward = files("assessments/examples/workshop");
    let backward: Vec<String> = forward.iter().rev().cloned().collect();
    let names: Vec<String> = forward
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(root().join(f)).expect("readable");
            let line = text
                .lines()
                .find(|l| l.starts_with("administration:"))
                .expect("an administration line")
                .to_owned();
            line.split("name:")
                .nth(1)
                .expect("a name")
                .split([',', '}'])
                .next()
                .expect("a name")
                .trim()
                .trim_matches('"')
                .to_owned()
        })
        .collect();
    let order = |page: &[u8]| {
        let page = String::from_utf8_lossy(page);
        let mut at: Vec<(usize, &str)> = names
            .iter()
            .map(|n| {
                let escaped = n.replace('&', "&amp;").replace('\'', "&#39;");
                (
                    page.find(&escaped)
                        .unwrap_or_else(|| panic!("{n} is not on the page")),
                    n.as_str(),
                )
            })
            .collect();
        at.sort();
        at.into_iter()
            .map(|(_, n)| n.to_owned())
            .collect::<Vec<_>>()
    };
    let a = order(&run(&with(&["report"], &forward, &[])));
    let mut b = order(&run(&with(&["report"], &backward, &[])));
    assert_eq!(
        a, names,
        "the page does not list the administrations in file order"
    );
    b.reverse();
    assert_eq!(b, names, "reversed files, rows not reversed");
}

/// `merge` labels the respondents A, B, C in the order given: another order relabels them
/// but agrees on the same indicators and finds the same conflicts.
#[test]
fn merge_finds_the_same_conflicts_in_any_order() {
    let forward = files("assessments/examples/consensus");
    let backward: Vec<String> = forward.iter().rev().cloned().collect();
    let a = json(&run(&with(&["merge"], &forward, &["--format", "json"])));
    let b = json(&run(&with(&["merge"], &backward, &["--format", "json"])));
    assert_eq!(a["n"], b["n"]);
    assert_eq!(a["agreed"], b["agreed"]);
    assert_eq!(a["partial"], b["partial"]);
    let ids = |v: &Value| {
        v["conflicts"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|c| c["id"].clone())
            .collect::<Vec<_>>()
    };
    assert!(!ids(&a).is_empty(), "the consensus example has conflicts");
    assert_eq!(ids(&a), ids(&b));
    // The answers of each conflict, respondent labels aside, come in the reverse order.
    let given = |v: &Value| {
        v["conflicts"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|c| {
                c["answers"]
                    .as_array()
                    .expect("answers")
                    .iter()
                    .map(|x| {
                        let mut x = x.clone();
                        if let Some(o) = x.as_object_mut() {
                            o.remove("respondent");
                        }
                        x
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
    };
    let mut reversed = given(&b);
    reversed.iter_mut().for_each(|answers| answers.reverse());
    assert_eq!(given(&a), reversed);
}
