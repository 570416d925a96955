//! The reports of `tradeready score --format md|html|csv`: snapshots on an example, the
//! CSV read back by Python's csv module, the HTML self-contained, and hostile text from
//! the files kept as text in every format.

use tradeready_tests::tradeready;

const PROFILE: &str = "tests/data/profiles/demo.yaml";
const ASSESSMENT: &str = "tests/data/assessments/demo-2025.yaml";
const EXAMPLE: &str = "assessments/examples/northland-2025.yaml";

fn score(file: &str, format: &str, extra: &[&str]) -> String {
    let mut args = vec!["score", file, "--format", format];
    args.extend_from_slice(extra);
    let run = tradeready(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

#[test]
fn markdown_of_an_example_is_golden() {
    insta::assert_snapshot!("northland-md", score(EXAMPLE, "md", &[]));
}

#[test]
fn markdown_in_french() {
    let md = score(ASSESSMENT, "md", &["--profile", PROFILE, "--lang", "fr"]);
    insta::assert_snapshot!("demo-md-fr", md);
}

#[test]
fn csv_is_the_action_plan_with_a_bom_crlf_and_one_row_per_gap() {
    let csv = score(EXAMPLE, "csv", &[]);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.ends_with("\r\n"));
    let json = score(EXAMPLE, "json", &[]);
    let gaps = serde_json::from_str::<serde_json::Value>(&json).unwrap()["gaps"]
        .as_array()
        .unwrap()
        .len();
    // Python's csv module, as a spreadsheet user's script would read it.
    let path = std::env::temp_dir().join(format!("tradeready-plan-{}.csv", std::process::id()));
    std::fs::write(&path, &csv).unwrap();
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg("import csv,sys\nrows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline='')))\nprint(len(rows)-1, len(rows[0]), rows[1][1], len({len(r) for r in rows}))")
        .arg(&path)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("{gaps} 12 communication.channels-tested 1"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn html_is_one_page_with_nothing_fetched_and_no_script() {
    let html = score(EXAMPLE, "html", &[]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    for banned in [
        "<script", "src=", "href=", "url(", "@import", "<link", "<iframe", "<object",
    ] {
        assert!(!lower.contains(banned), "the report holds {banned}");
    }
    // Every chart inline, and the action plan complete.
    assert_eq!(html.matches("<svg").count(), 3);
    assert!(html.contains("Action plan (86 gaps, highest priority first)"));
    assert_eq!(html.matches("<tr><td class=\"n\">").count(), 86);
}

#[test]
fn html_in_spanish_speaks_spanish() {
    let html = score(EXAMPLE, "html", &["--lang", "es"]);
    assert!(html.contains("<html lang=\"es\">"));
    assert!(html.contains("Preparación global"));
    assert!(html.contains("64,9"));
}

#[test]
fn hostile_text_stays_text_in_every_format() {
    let text = std::fs::read_to_string(tradeready_tests::root().join(ASSESSMENT))
        .unwrap()
        .replace(
            "Customs Administration of Examplestan",
            "\"<script>alert(1)</script> =HYPERLINK(\\\"x\\\") | **b** & co\"",
        )
        .replace("2025-H1", "\"<img src=x onerror=alert(1)>\"")
        + "actions:\n  governance.oga-roles: {owner: \"=cmd|' /C calc'!A0 <b>Legal</b>\", due: 2026-03-31, status: in-progress}\n";
    let path = std::env::temp_dir().join(format!("tradeready-hostile-{}.yaml", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let file = path.to_str().unwrap();
    let html = score(file, "html", &["--profile", PROFILE]);
    assert!(
        !html.contains("<script>") && !html.contains("<img"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let md = score(file, "md", &["--profile", PROFILE]);
    assert!(!md.contains("<script>") && !md.contains("<img"), "{md}");
    assert!(md.contains("\\*\\*b\\*\\*"));
    assert!(
        html.contains("Owner: =cmd|&#39; /C calc&#39;!A0 &lt;b&gt;Legal&lt;/b&gt;"),
        "{html}"
    );
    assert!(html.contains("Due: 2026-03-31 · Status: in-progress"));
    assert!(md.contains("Adopted: "), "{md}");
    let csv = String::from_utf8(
        std::process::Command::new(tradeready_tests::binary())
            .args(["score", file, "--profile", PROFILE, "--format", "csv"])
            .current_dir(tradeready_tests::root())
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        csv.contains(",'=cmd|' /C calc'!A0 <b>Legal</b>,2026-03-31,in-progress\r\n"),
        "{csv}"
    );
    let txt = score(file, "text", &["--profile", PROFILE]);
    assert!(txt.contains("Adopted: Agree and sign"), "{txt}");
    assert!(
        txt.contains("<script>alert(1)</script>"),
        "plain text shows the name as written"
    );
    let _ = std::fs::remove_file(&path);
}
