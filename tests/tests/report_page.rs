//! `tradeready report` (one file, the cycles of one administration, a workshop) and
//! `score --format xlsx`: snapshots of the three views on the examples, what each view
//! holds, the errors of files that make no page, hostile text kept as text in every
//! format, and the workbook read back from its zip.

use std::io::Read;
use tradeready_tests::{root, tradeready};

const PROFILE: &str = "tests/data/profiles/demo.yaml";
const DEMO_2024: &str = "tests/data/cycles/demo-2024.yaml";
const DEMO_2025: &str = "tests/data/assessments/demo-2025.yaml";
const NORTHLAND: [&str; 3] = [
    "assessments/examples/northland-2023.yaml",
    "assessments/examples/northland-2024.yaml",
    "assessments/examples/northland-2025.yaml",
];

fn ok(args: &[&str]) -> String {
    let run = tradeready(args);
    assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
    run.stdout
}

fn workshop_files() -> Vec<String> {
    let dir = root().join("assessments/examples/workshop");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| {
            format!(
                "assessments/examples/workshop/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .filter(|f| f.ends_with(".yaml"))
        .collect();
    files.sort();
    files
}

/// Self-contained: no script, nothing fetched, nothing linked. Checked on the markup (the
/// tags and the stylesheet), where text from a file cannot be: escaped, it holds no `<`.
fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"));
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "the page holds a script");
    let style = lower
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .unwrap();
    for banned in ["url(", "@import", "http"] {
        assert!(!style.contains(banned), "the stylesheet holds {banned}");
    }
    for tag in lower.split('<').skip(1) {
        // Attribute values are text (an aria-label holds a file's text, escaped): left out.
        let tag: String = tag
            .split('>')
            .next()
            .unwrap()
            .split('"')
            .step_by(2)
            .collect::<Vec<_>>()
            .join("\"\"");
        let tag = tag.as_str();
        let name = tag.split([' ', '\n']).next().unwrap();
        assert!(
            ![
                "link",
                "iframe",
                "object",
                "embed",
                "img",
                "image",
                "use",
                "a",
                "base",
                "meta http-equiv"
            ]
            .contains(&name),
            "the page holds <{name}>"
        );
        for banned in [" src=", " href=", "xlink:href", "url(", "@import"] {
            assert!(!tag.contains(banned), "<{tag}> holds {banned}");
        }
        let addresses =
            tag.matches("http").count() - tag.matches("http://www.w3.org/2000/svg").count();
        assert_eq!(addresses, 0, "<{tag}> holds an address");
    }
}

#[test]
fn one_file_is_its_report_with_the_profile_short_hash() {
    let page = ok(&["report", NORTHLAND[2]]);
    insta::assert_snapshot!("report-one-northland-2025", page);
    assert_self_contained(&page);
    // The same page as `score --format html`.
    assert_eq!(page, ok(&["score", NORTHLAND[2], "--format", "html"]));
    let meta = page
        .lines()
        .find(|l| l.starts_with("<p class=\"meta\">"))
        .unwrap();
    let hash = meta
        .split("<code>")
        .nth(1)
        .unwrap()
        .split("</code>")
        .next()
        .unwrap();
    assert_eq!(hash.len(), 12, "{meta}");
    assert!(
        hash.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
    assert!(meta.contains("wco-resilience 1.0.0"), "{meta}");
    assert_eq!(page.matches("<svg").count(), 3);
}

#[test]
fn cycles_add_the_comparison_before_the_latest_report() {
    let mut args = vec!["report"];
    // Given out of order: the page puts them in as_of order.
    args.extend([NORTHLAND[2], NORTHLAND[0], NORTHLAND[1]]);
    let page = ok(&args);
    insta::assert_snapshot!("report-cycles-northland", page);
    assert_self_contained(&page);
    assert!(page.contains("Cycles 2023 → 2024 → 2025"));
    // The trend, the change per domain, then the latest report's three charts.
    assert_eq!(page.matches("<svg").count(), 5);
    assert!(page.contains("aria-label=\"Scores across cycles (2023, 2024, 2025): Overall readiness 51.7 → 62.8 → 64.9;"));
    assert!(page.contains(
        "aria-label=\"Change per domain (2023 → 2025): Governance, roles and activation +31.0"
    ));
    for part in [
        "<h2>What moved</h2>",
        "<h3>Improved (",
        "<h3>Regressed (",
        "Latest report: cycle 2025",
    ] {
        assert!(page.contains(part), "{part} missing");
    }
    let comparison = page.find("What moved").unwrap();
    let latest = page.find("Latest report:").unwrap();
    assert!(comparison < latest);
}

#[test]
fn cycles_follow_the_actions_of_the_first_cycle() {
    let page = ok(&["report", DEMO_2024, DEMO_2025, "--profile", PROFILE]);
    insta::assert_snapshot!("report-cycles-demo", page);
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "compare",
        DEMO_2024,
        DEMO_2025,
        "--profile",
        PROFILE,
        "--format",
        "json",
    ]))
    .unwrap();
    let actions = json["actions"].as_array().unwrap();
    if actions.is_empty() {
        assert!(!page.contains("Actions adopted in"));
    } else {
        assert!(page.contains("<h2>Actions adopted in 2024</h2>"), "{page}");
        for a in actions {
            assert!(page.contains(&format!("<code>{}</code>", a["id"].as_str().unwrap())));
        }
    }
}

#[test]
fn a_workshop_under_anonymize_names_no_administration() {
    let files = workshop_files();
    let mut args = vec!["report", "--anonymize"];
    args.extend(files.iter().map(String::as_str));
    let page = ok(&args);
    insta::assert_snapshot!("report-workshop-anonymized", page);
    assert_self_contained(&page);
    assert!(page.contains("Workshop: 8 administrations"));
    for file in &files {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        let raw: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let name = raw["administration"]["name"].as_str().unwrap();
        assert!(!page.contains(name), "{name} is in the page");
        // Each distinctive word of the name too (not "Customs", "of", "the"...).
        for word in name
            .split(' ')
            .filter(|w| w.len() > 3 && w.chars().next().unwrap().is_uppercase())
        {
            if ![
                "Customs",
                "Revenue",
                "Service",
                "Directorate",
                "Administration",
                "Islands",
                "Coast",
                "Authority",
                "Agency",
                "National",
                "Border",
                "Federal",
                "General",
                "Republic",
            ]
            .contains(&word)
            {
                assert!(!page.contains(word), "{word} (of {name}) is in the page");
            }
        }
        if let Some(code) = raw["administration"]["code"].as_str() {
            assert!(
                !page.contains(&format!(">{code}<")),
                "{code} is in the page"
            );
            assert!(
                !page.contains(&format!(" {code} ")),
                "{code} is in the page"
            );
        }
    }
    // The heat map's rows are A to H, in the order given.
    for label in ["A", "B", "C", "H"] {
        assert!(
            page.contains(&format!(">\n{label}\n</text>")),
            "{label} missing"
        );
    }
    assert!(
        page.matches("<svg").count() >= 2,
        "the heat map and the distribution"
    );
    assert!(page.contains("Where the administrations differ most"));

    // Without --anonymize the names are there.
    let mut args = vec!["report"];
    args.extend(files.iter().map(String::as_str));
    assert!(ok(&args).contains("Customs Directorate of Aldania"));
}

#[test]
fn a_french_report_marks_english_only_text_with_its_language() {
    let page = ok(&["report", NORTHLAND[2], "--lang", "fr"]);
    assert!(page.contains("<html lang=\"fr\">"));
    assert!(page.contains("Préparation globale"));
    // The WCO profile's recommendations are in English only.
    assert!(
        page.contains("<div class=\"rec\" lang=\"en\">"),
        "no English recommendation marked"
    );
    // Its titles are translated: no title is marked.
    assert!(!page.contains("<span class=\"what\" lang="));
    let spanish = ok(&["report", NORTHLAND[2], "--lang", "es"]);
    assert!(spanish.contains("<html lang=\"es\">") && spanish.contains("Plan de acción"));
    // The workshop's charts speak French too: their words and their decimal commas.
    let mut args = vec!["report", "--anonymize", "--lang", "fr"];
    let files = workshop_files();
    args.extend(files.iter().map(String::as_str));
    let workshop = ok(&args);
    assert!(
        workshop.contains(">\nGlobal\n</text>"),
        "the heat map's header"
    );
    assert!(
        workshop.contains("Atelier : 8 administrations") || workshop.contains("Atelier\u{a0}: 8")
    );
    assert!(!workshop.contains(">\nOverall\n</text>"));
    let cycles = ok(&["report", NORTHLAND[0], NORTHLAND[2], "--lang", "es"]);
    assert!(cycles.contains("Avance entre ciclos de evaluación"));
    assert!(cycles.contains("+13,2"), "Spanish numbers");
}

#[test]
fn files_that_make_no_page_are_refused_with_a_clear_error() {
    // Two cycles of Northland and one of Meridia: neither cycles nor a workshop.
    let run = tradeready(&[
        "report",
        NORTHLAND[1],
        NORTHLAND[2],
        "assessments/examples/meridia-2025.yaml",
    ]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.starts_with(&format!(
            "{}:7:17: this file is of the same administration as file 1",
            NORTHLAND[2]
        )),
        "{}",
        run.stderr
    );
    let run = tradeready(&["report", NORTHLAND[2], "--lang", "de"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("is not written in `de`; its languages are en, fr, es"),
        "{}",
        run.stderr
    );
    let run = tradeready(&["report", NORTHLAND[2], "--anonymize"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("--anonymize labels the administrations of a workshop"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
    // A profile id other than the first file's.
    let run = tradeready(&["report", NORTHLAND[2], DEMO_2025]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("a report takes files of one profile id"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.starts_with(&format!("{DEMO_2025}:3:")),
        "{}",
        run.stderr
    );
}

/// The demo assessment with markup and formulas in the name, the cycle, evidence, a note,
/// an action's text and its owner.
fn hostile(code: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(root().join(DEMO_2025))
        .unwrap()
        .replace("code: XE", &format!("code: {code}"))
        .replace(
            "Customs Administration of Examplestan",
            "\"<script>alert(1)</script> =HYPERLINK(\\\"x\\\") & co\"",
        )
        .replace("2025-H1", "\"<img src=x onerror=alert(1)>\"")
        .replace("MoU with Port Health 2024-03", "\"<b>MoU</b> =1+1\"")
        .replace(
            "Signed with two of five agencies",
            "\"</td><script>note()</script>\"",
        )
        + "actions:\n  governance.oga-roles: {do: \"<i>Sign</i> @once\", owner: \"=cmd|' /C calc'!A0 <b>Legal</b>\", due: 2026-03-31, status: in-progress}\n";
    // Tests run in parallel: each copy has a file of its own.
    static COPIES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let copy = COPIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = std::env::temp_dir().join(format!(
        "tradeready-hostile-page-{}-{copy}.yaml",
        std::process::id()
    ));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn hostile_text_stays_text_in_every_format_and_view() {
    let path = hostile("XE");
    let file = path.to_str().unwrap();
    let one = ok(&["report", file, "--profile", PROFILE]);
    let cycles = ok(&["report", DEMO_2024, file, "--profile", PROFILE]);
    for page in [&one, &cycles] {
        assert_self_contained(page);
        assert!(
            !page.contains("<script>")
                && !page.contains("<img")
                && !page.contains("<b>")
                && !page.contains("<i>")
        );
        assert!(
            page.contains(
                "&lt;script&gt;alert(1)&lt;/script&gt; =HYPERLINK(&quot;x&quot;) &amp; co"
            )
        );
        assert!(
            page.contains("&lt;i&gt;Sign&lt;/i&gt; @once"),
            "the adopted action"
        );
        assert!(
            page.contains("=cmd|&#39; /C calc&#39;!A0 &lt;b&gt;Legal&lt;/b&gt;"),
            "the owner"
        );
    }
    // Of another code, the hostile file is a second administration: a workshop, with the
    // name escaped in the heat map and its cycle in the header.
    let other = hostile("\"<u>XQ</u>\"");
    let workshop = ok(&[
        "report",
        DEMO_2025,
        other.to_str().unwrap(),
        "--profile",
        PROFILE,
    ]);
    assert_self_contained(&workshop);
    assert!(workshop.contains("Workshop: 2 administrations"));
    assert!(
        !workshop.contains("<script>") && !workshop.contains("<img") && !workshop.contains("<u>")
    );
    assert!(
        workshop.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "the cycle, escaped"
    );
    assert!(
        workshop.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the name, escaped"
    );
    let _ = std::fs::remove_file(&other);

    let md = ok(&["score", file, "--profile", PROFILE, "--format", "md"]);
    assert!(
        !md.contains("<script>") && !md.contains("<img") && !md.contains("<i>Sign"),
        "{md}"
    );
    let txt = ok(&["score", file, "--profile", PROFILE]);
    assert!(
        txt.contains("<i>Sign</i> @once"),
        "plain text shows the action as written"
    );
    let csv = ok(&["score", file, "--profile", PROFILE, "--format", "csv"]);
    assert!(
        csv.contains(",'=cmd|' /C calc'!A0 <b>Legal</b>,2026-03-31,in-progress\r\n"),
        "{csv}"
    );

    let xlsx = std::env::temp_dir().join(format!("tradeready-hostile-{}.xlsx", std::process::id()));
    ok(&[
        "score",
        file,
        "--profile",
        PROFILE,
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    let book = Book::open(&xlsx);
    // Every sheet holds no formula; the hostile texts are shared strings, XML-escaped.
    for sheet in 1..=4 {
        assert!(
            !book
                .part(&format!("xl/worksheets/sheet{sheet}.xml"))
                .contains("<f>")
        );
    }
    let strings = book.part("xl/sharedStrings.xml");
    for text in [
        "&lt;script&gt;alert(1)&lt;/script&gt; =HYPERLINK(\"x\") &amp; co",
        "&lt;b&gt;MoU&lt;/b&gt; =1+1",
        "&lt;/td&gt;&lt;script&gt;note()&lt;/script&gt;",
        "=cmd|' /C calc'!A0 &lt;b&gt;Legal&lt;/b&gt;",
        "&lt;i&gt;Sign&lt;/i&gt; @once",
    ] {
        assert!(strings.contains(text), "{text} missing from {strings}");
    }
    let _ = std::fs::remove_file(&xlsx);
    let _ = std::fs::remove_file(&path);
}

/// An .xlsx file's parts, read from its zip.
struct Book(std::collections::BTreeMap<String, String>);

impl Book {
    fn open(path: &std::path::Path) -> Book {
        let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap())
            .expect("the workbook is a zip");
        let mut parts = std::collections::BTreeMap::new();
        for i in 0..archive.len() {
            let mut part = archive.by_index(i).unwrap();
            let mut text = String::new();
            part.read_to_string(&mut text).unwrap();
            let name = part.name().expect("a part's name").into_owned();
            parts.insert(name, text);
        }
        Book(parts)
    }

    fn part(&self, name: &str) -> String {
        self.0
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .clone()
    }

    /// The text of shared string `index`.
    fn string(&self, index: usize) -> String {
        let strings = self.part("xl/sharedStrings.xml");
        let item = strings.split("<si>").nth(index + 1).unwrap();
        let start = item.find("<t").unwrap();
        let start = start + item[start..].find('>').unwrap() + 1;
        item[start..item.find("</t>").unwrap()].to_owned()
    }

    /// The raw `<c>` element of a cell ("A1") of a sheet (1-based).
    fn cell(&self, sheet: usize, reference: &str) -> String {
        let xml = self.part(&format!("xl/worksheets/sheet{sheet}.xml"));
        let at = xml
            .find(&format!("<c r=\"{reference}\""))
            .unwrap_or_else(|| panic!("{reference} missing"));
        let end = at
            + xml[at..]
                .find("</c>")
                .or_else(|| xml[at..].find("/>"))
                .unwrap();
        xml[at..end].to_owned()
    }

    /// A string cell's text.
    fn text(&self, sheet: usize, reference: &str) -> String {
        let cell = self.cell(sheet, reference);
        assert!(
            cell.contains("t=\"s\""),
            "{reference} is not a string: {cell}"
        );
        let v = cell
            .split("<v>")
            .nth(1)
            .unwrap()
            .split("</v>")
            .next()
            .unwrap();
        self.string(v.parse().unwrap())
    }

    /// A number cell's value.
    fn number(&self, sheet: usize, reference: &str) -> f64 {
        let cell = self.cell(sheet, reference);
        assert!(
            !cell.contains("t=\""),
            "{reference} is not a number: {cell}"
        );
        cell.split("<v>")
            .nth(1)
            .unwrap()
            .split("</v>")
            .next()
            .unwrap()
            .parse()
            .unwrap()
    }
}

#[test]
fn the_workbook_has_four_sheets_with_frozen_headers_and_percentages() {
    let out = std::env::temp_dir().join(format!("tradeready-{}.xlsx", std::process::id()));
    let run = tradeready(&["score", NORTHLAND[2], "--format", "xlsx"]);
    assert_eq!(run.code, Some(1), "no workbook to standard output");
    assert!(
        run.stderr.contains("name the file with -o FILE.xlsx"),
        "{}",
        run.stderr
    );
    ok(&[
        "score",
        NORTHLAND[2],
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    let book = Book::open(&out);
    let workbook = book.part("xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    assert_eq!(names, ["Summary", "Domains", "Indicators", "Action plan"]);
    for sheet in 1..=4 {
        let xml = book.part(&format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(
            xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""),
            "sheet {sheet} header not frozen"
        );
        assert!(
            xml.contains("customWidth=\"1\""),
            "sheet {sheet} widths not set"
        );
    }
    assert!(book.part("xl/styles.xml").contains("formatCode=\"0%\""));

    let json: serde_json::Value =
        serde_json::from_str(&ok(&["score", NORTHLAND[2], "--format", "json"])).unwrap();
    assert_eq!(
        book.text(1, "B1"),
        "Revenue and Customs Authority of Northland"
    );
    assert!((book.number(1, "B5") - json["overall"].as_f64().unwrap()).abs() < 1e-9);
    assert!((book.number(1, "B7") - json["completeness"].as_f64().unwrap()).abs() < 1e-9);
    assert_eq!(
        book.text(2, "A2"),
        json["domains"][0]["id"].as_str().unwrap()
    );
    assert_eq!(
        book.text(3, "A2"),
        json["indicators"][0]["id"].as_str().unwrap()
    );
    let gaps = json["gaps"].as_array().unwrap();
    assert_eq!(book.text(4, "B2"), gaps[0]["id"].as_str().unwrap());
    assert!((book.number(4, "E2") - gaps[0]["score"].as_f64().unwrap()).abs() < 1e-9);
    // One row per gap under the header.
    let plan = book.part("xl/worksheets/sheet4.xml");
    assert_eq!(plan.matches("<row ").count(), gaps.len() + 1);
    // The same file gives the same bytes (dated as of the assessment, not today).
    let again = std::env::temp_dir().join(format!("tradeready-{}-again.xlsx", std::process::id()));
    ok(&[
        "score",
        NORTHLAND[2],
        "--format",
        "xlsx",
        "-o",
        again.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());
    assert!(
        book.part("docProps/core.xml")
            .contains("2025-09-30T00:00:00Z")
    );
    let _ = std::fs::remove_file(&out);
    let _ = std::fs::remove_file(&again);
}

#[test]
fn the_csv_of_an_example_is_golden() {
    insta::assert_snapshot!(
        "northland-2025-csv-fr",
        ok(&["score", NORTHLAND[2], "--format", "csv", "--lang", "fr"])
    );
}

#[test]
fn hostile_csv_parses_back_into_one_row_per_gap() {
    let path = hostile("XE");
    let file = path.to_str().unwrap();
    let csv = ok(&["score", file, "--profile", PROFILE, "--format", "csv"]);
    let json: serde_json::Value = serde_json::from_str(&ok(&[
        "score",
        file,
        "--profile",
        PROFILE,
        "--format",
        "json",
    ]))
    .unwrap();
    let gaps = json["gaps"].as_array().unwrap().len();
    let csv_path = path.with_extension("csv");
    std::fs::write(&csv_path, &csv).unwrap();
    // Python's csv module, as a spreadsheet user's script would read it; the owner cell
    // comes back as written, behind its defusing quote.
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg("import csv,sys\nrows=list(csv.reader(open(sys.argv[1],encoding='utf-8-sig',newline='')))\nprint(len(rows)-1)\nprint([r[9] for r in rows if r[9]][1])")
        .arg(&csv_path)
        .output()
        .expect("python3 runs");
    let _ = std::fs::remove_file(&csv_path);
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{gaps}\n'=cmd|' /C calc'!A0 <b>Legal</b>\n"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
