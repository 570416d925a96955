//! The printed report: headless Chromium prints `tradeready report` of examples to PDF, the
//! page count is checked (one assessment: at most six A4 pages), and the first and a
//! middle page are written as PNG under `target/tmp/print/` for a look.
//!
//! Needs Debian's `chromium` and `poppler-utils` (pdfinfo, pdftoppm); `bash .ci/run`
//! installs them before the tests.

use std::path::{Path, PathBuf};
use std::process::Command;
use tradeready_tests::tradeready;

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("print");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn tool(name: &str) -> PathBuf {
    let path = Path::new("/usr/bin").join(name);
    assert!(
        path.exists(),
        "{} is missing: install Debian's chromium and poppler-utils (`bash .ci/run` does)",
        path.display()
    );
    path
}

/// Writes the report of `files` (with `extra` arguments) as `name.html`, prints it to
/// `name.pdf`, and gives the PDF's path and its page count.
fn print(name: &str, files: &[&str], extra: &[&str]) -> (PathBuf, u32) {
    let dir = out_dir();
    let html = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    let _ = std::fs::remove_file(&pdf);
    let mut args = vec!["report"];
    args.extend_from_slice(files);
    args.extend_from_slice(extra);
    args.extend(["-o", html.to_str().unwrap()]);
    let run = tradeready(&args);
    assert_eq!(run.code, Some(0), "{}", run.stderr);

    let profile = tempdir(name);
    let status = Command::new(tool("chromium"))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            &format!("--user-data-dir={}", profile.display()),
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
            &format!("file://{}", html.display()),
        ])
        .output()
        .expect("chromium runs");
    let _ = std::fs::remove_dir_all(&profile);
    assert!(
        pdf.exists(),
        "chromium printed no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let info = Command::new(tool("pdfinfo"))
        .arg(&pdf)
        .output()
        .expect("pdfinfo runs");
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count in {info}"));
    // A4 portrait, as pdfinfo names it (594.96 × 841.92 points).
    let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap();
    assert!(size.ends_with("(A4)"), "{size}");
    (pdf, pages)
}

/// Writes page `page` of a PDF as `<pdf>-<page>.png` and checks it is there.
fn png(pdf: &Path, page: u32) {
    let prefix = pdf.with_extension("").to_string_lossy().into_owned();
    let run = Command::new(tool("pdftoppm"))
        .args([
            "-f",
            &page.to_string(),
            "-l",
            &page.to_string(),
            "-r",
            "80",
            "-png",
            "-singlefile",
        ])
        .arg(pdf)
        .arg(format!("{prefix}-{page}"))
        .output()
        .expect("pdftoppm runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let image = PathBuf::from(format!("{prefix}-{page}.png"));
    let bytes = std::fs::read(&image).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG"),
        "{} is not a PNG",
        image.display()
    );
}

fn tempdir(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("tradeready-chromium-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn one_assessment_prints_on_at_most_six_a4_pages() {
    for (name, file, lang) in [
        (
            "northland-2025",
            "assessments/examples/northland-2025.yaml",
            "en",
        ),
        (
            "meridia-2025",
            "assessments/examples/meridia-2025.yaml",
            "en",
        ),
        (
            "northland-2025-fr",
            "assessments/examples/northland-2025.yaml",
            "fr",
        ),
        (
            "meridia-2025-es",
            "assessments/examples/meridia-2025.yaml",
            "es",
        ),
        // Under 1.1.0, whose action plan is the longest (84 gaps), in the two languages
        // whose words are longer: seven pages until the plan's rows were tightened.
        (
            "northland-2026-fr",
            "assessments/examples/northland-2026.yaml",
            "fr",
        ),
        (
            "northland-2026-es",
            "assessments/examples/northland-2026.yaml",
            "es",
        ),
    ] {
        let (pdf, pages) = print(name, &[file], &["--lang", lang]);
        assert!((1..=6).contains(&pages), "{name} prints on {pages} pages");
        png(&pdf, 1);
        png(&pdf, pages.div_ceil(2));
    }
}

#[test]
fn cycles_and_a_workshop_print_too() {
    let (pdf, pages) = print(
        "northland-cycles",
        &[
            "assessments/examples/northland-2023.yaml",
            "assessments/examples/northland-2024.yaml",
            "assessments/examples/northland-2025.yaml",
        ],
        &[],
    );
    // The comparison (three pages at most: what moved lists every indicator that did),
    // then the latest cycle's report from a page of its own (six at most).
    assert!(
        (3..=9).contains(&pages),
        "the cycles print on {pages} pages"
    );
    png(&pdf, 1);
    let mut files: Vec<String> =
        std::fs::read_dir(tradeready_tests::root().join("assessments/examples/workshop"))
            .unwrap()
            .map(|e| {
                format!(
                    "assessments/examples/workshop/{}",
                    e.unwrap().file_name().to_string_lossy()
                )
            })
            .collect();
    files.sort();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    let (pdf, pages) = print("workshop", &files, &["--anonymize"]);
    assert!(
        (1..=4).contains(&pages),
        "the workshop prints on {pages} pages"
    );
    png(&pdf, 1);
}
