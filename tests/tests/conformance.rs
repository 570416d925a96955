//! Every good file of the project loads without error: the test data under tests/data, the
//! embedded profiles, and every profile and example under assessments/. Example scores are
//! snapshotted, so that a change that moves them is seen in review.

use std::path::{Path, PathBuf};
use tradeready::{Layers, Profile, embedded, load_assessment, load_profile};
use tradeready_tests::{data, load_example, root};

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "json") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn profile(path: &Path) -> Profile {
    let text = std::fs::read_to_string(path).unwrap();
    let loaded = load_profile(&text, Layers::default());
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.render(&path.display().to_string()))
        .collect();
    loaded
        .value
        .unwrap_or_else(|| panic!("{}", errors.join("\n")))
}

#[test]
fn test_profiles_and_assessments_are_valid() {
    let demo = profile(&data("profiles/demo.yaml"));
    let assessments = yaml_files(&data("assessments"));
    assert!(!assessments.is_empty());
    for path in assessments {
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = load_assessment(&text, &demo, Layers::default());
        assert!(
            loaded.value.is_some(),
            "{}: {:#?}",
            path.display(),
            loaded.diagnostics
        );
        assert!(
            loaded.diagnostics.is_empty(),
            "{}: {:#?}",
            path.display(),
            loaded.diagnostics
        );
    }
}

#[test]
fn embedded_profiles_are_the_files_under_assessments_profiles_and_valid() {
    let files = yaml_files(&root().join("assessments/profiles"));
    assert_eq!(
        files.len(),
        embedded::PROFILES.len(),
        "every profile file is embedded"
    );
    for path in &files {
        let p = profile(path);
        let found = embedded::find(&p.id, &p.version.to_string()).unwrap_or_else(|| {
            panic!(
                "{} is not embedded as {} {}",
                path.display(),
                p.id,
                p.version
            )
        });
        // Embedded without its comment lines (core/build.rs), and meaning the same: a
        // block scalar holding a line that starts with `#` would fail here.
        let file = std::fs::read_to_string(path).unwrap();
        assert!(!found.text.lines().any(|l| l.trim_start().starts_with('#')));
        assert_eq!(
            tradeready::parse::syntax(found.text).unwrap(),
            tradeready::parse::syntax(&file).unwrap(),
            "{}: the embedded text means something else than the file",
            path.display()
        );
        // The folder and file name are the id and version.
        assert!(
            path.ends_with(format!("{}/{}.yaml", p.id, p.version)),
            "{}",
            path.display()
        );
        let warnings: Vec<String> = load_profile(found.text, Layers::default())
            .diagnostics
            .iter()
            .map(|d| d.render(found.id))
            .collect();
        assert!(
            warnings.is_empty(),
            "a released profile has no warnings:\n{}",
            warnings.join("\n")
        );
    }
}

#[test]
fn examples_validate_against_their_embedded_profile_and_their_scores_are_pinned() {
    for path in yaml_files(&root().join("assessments/examples")) {
        let (_, _, report) = load_example(&path);
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_json_snapshot!(format!("example-{name}"), report);
    }
}

/// JSON is YAML: the same files written as JSON load and score identically, level keys
/// ("0", "2") and all.
#[test]
fn json_files_are_accepted_and_score_the_same() {
    let to_json = |path: &str| {
        let value: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(data(path)).unwrap()).unwrap();
        serde_json::to_string_pretty(&value).unwrap()
    };
    let (profile_json, assessment_json) = (
        to_json("profiles/demo.yaml"),
        to_json("assessments/demo-2025.yaml"),
    );
    assert!(
        profile_json.contains("\"levels\": {\n            \"0\""),
        "level keys are JSON strings"
    );
    let from_json = load_profile(&profile_json, Layers::default());
    let from_json = from_json
        .value
        .unwrap_or_else(|| panic!("{:#?}", from_json.diagnostics));
    let from_yaml = profile(&data("profiles/demo.yaml"));
    let score = |p: &Profile, text: &str| {
        let a = load_assessment(text, p, Layers::default()).value.unwrap();
        serde_json::to_string(&tradeready::score(p, &a)).unwrap()
    };
    let yaml_text = std::fs::read_to_string(data("assessments/demo-2025.yaml")).unwrap();
    assert_eq!(
        score(&from_json, &assessment_json),
        score(&from_yaml, &yaml_text)
    );
}

/// The examples read like real review cycles: evidence on most answers, some answers not
/// applicable or missing, targets for next cycle, improvement over the cycles and at least
/// one regression.
#[test]
fn examples_read_like_real_review_cycles() {
    use std::collections::BTreeMap;
    let mut by_admin: BTreeMap<
        String,
        Vec<(String, tradeready::ScoreReport, tradeready::Assessment)>,
    > = BTreeMap::new();
    let examples = root().join("assessments/examples");
    // The workshop set and the respondents' files (in folders of their own) are one cycle
    // each; `a_workshop_set_and_three_respondents_to_merge` covers them.
    for path in yaml_files(&examples)
        .into_iter()
        .filter(|p| p.parent() == Some(examples.as_path()))
    {
        let (_, a, report) = load_example(&path);
        assert!(
            report.evidence_coverage > 0.5,
            "{}: evidence on most answers",
            path.display()
        );
        assert!(
            !a.targets.is_empty(),
            "{}: targets for next cycle",
            path.display()
        );
        by_admin.entry(a.code.clone().unwrap()).or_default().push((
            tradeready::format_date(a.as_of),
            report,
            a,
        ));
    }
    assert_eq!(by_admin.len(), 3, "three administrations");
    let mut regressions = 0;
    for (code, mut cycles) in by_admin {
        assert!(
            (2..=4).contains(&cycles.len()),
            "{code}: two to four cycles"
        );
        cycles.sort_by(|a, b| a.0.cmp(&b.0));
        let (first, last) = (&cycles[0].1, &cycles[cycles.len() - 1].1);
        assert!(last.overall > first.overall, "{code} improves overall");
        assert!(
            cycles.iter().any(|c| c.1.counts.not_applicable > 0),
            "{code}: some answers not applicable"
        );
        assert!(
            cycles.iter().any(|c| c.1.counts.missing > 0),
            "{code}: some answers missing"
        );
        for pair in cycles.windows(2) {
            let (a, b) = (&pair[0].1, &pair[1].1);
            let years = |x: &str, y: &str| {
                let (x, y): (i32, i32) = (x[..4].parse().unwrap(), y[..4].parse().unwrap());
                y - x
            };
            assert_eq!(
                years(&pair[0].0, &pair[1].0),
                1,
                "{code}: cycles a year apart"
            );
            // Paired by id: two cycles may answer different versions of the profile.
            for ib in &b.indicators {
                let Some(ia) = a.indicators.iter().find(|i| i.id == ib.id) else {
                    continue;
                };
                if let (Some(sa), Some(sb)) = (ia.score, ib.score)
                    && sb < sa - 0.001
                {
                    regressions += 1;
                }
            }
        }
    }
    assert!(regressions > 0, "at least one regression across the cycles");
}

/// The workshop material of issue 12: six to ten administrations of one region, one cycle,
/// on the bundled profile, of different maturity and with evidence; and three respondents
/// of one of them whose files merge with a handful of conflicts into a valid assessment.
#[test]
fn a_workshop_set_and_three_respondents_to_merge() {
    let catalogue = tradeready::Catalogue::embedded();
    let load = |path: &Path| {
        let text = std::fs::read_to_string(path).unwrap();
        catalogue.load_assessment(&text).value.unwrap()
    };
    let set: Vec<tradeready::Scored> = yaml_files(&root().join("assessments/examples/workshop"))
        .iter()
        .map(|p| load(p))
        .collect();
    assert!(
        (6..=10).contains(&set.len()),
        "{} administrations",
        set.len()
    );
    let mut codes: Vec<&str> = set
        .iter()
        .map(|s| s.assessment.code.as_deref().unwrap())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), set.len(), "one file per administration");
    for s in &set {
        assert_eq!(s.assessment.cycle, set[0].assessment.cycle, "one cycle");
        assert!(
            s.scores.evidence_coverage > 0.3,
            "{}",
            s.assessment.administration
        );
    }
    let refs: Vec<&tradeready::Scored> = set.iter().collect();
    let report = tradeready::aggregate::aggregate(&refs, false).unwrap();
    let (min, max) = (report.overall.min.unwrap(), report.overall.max.unwrap());
    assert!(min < 40.0 && max > 80.0, "maturity from {min} to {max}");

    let respondents: Vec<tradeready::Scored> =
        yaml_files(&root().join("assessments/examples/consensus"))
            .iter()
            .map(|p| load(p))
            .collect();
    assert_eq!(respondents.len(), 3);
    let refs: Vec<&tradeready::Scored> = respondents.iter().collect();
    let consensus = tradeready::merge::merge(&refs, tradeready::merge::Resolve::None).unwrap();
    let conflicts = consensus.report.conflicts.len();
    assert!((4..=10).contains(&conflicts), "{conflicts} conflicts");
    assert!(consensus.report.conflicts.iter().any(|c| c.target));
    assert!(set.iter().any(|s| s.assessment.code == consensus.code));
    let merged = catalogue.load_assessment(&consensus.to_yaml());
    assert!(merged.value.is_some(), "{:#?}", merged.diagnostics);
}

/// The native JSON results of the examples, byte for byte. The web app's browser test
/// (web/tests/browser.rs) compares the core compiled to wasm against the same files, so
/// the two builds are shown to give byte-identical results. `TRADEREADY_BLESS=1` rewrites
/// them after an intended change.
#[test]
fn native_json_results_match_the_parity_files() {
    for path in yaml_files(&root().join("assessments/examples")) {
        let (_, _, report) = load_example(&path);
        let mut json = serde_json::to_string_pretty(&report).unwrap();
        json.push('\n');
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let golden = data(&format!("parity/{name}.json"));
        if std::env::var_os("TRADEREADY_BLESS").is_some() {
            std::fs::write(&golden, &json).unwrap();
        }
        let committed = std::fs::read_to_string(&golden).unwrap_or_default();
        assert!(
            committed == json,
            "{} differs; rerun with TRADEREADY_BLESS=1 after an intended change",
            golden.display()
        );
    }
}

/// Language packs (core/src/pack.rs): for every embedded profile and each of its
/// languages, the pack takes the profile's place in a catalogue, and every example scores
/// to the same JSON under it as under the full profile; a pack of another shape is refused.
#[test]
fn language_packs_score_every_example_exactly_as_the_full_profile() {
    let examples = yaml_files(&root().join("assessments/examples"));
    for found in embedded::PROFILES {
        let languages = tradeready::pack::languages(found.text).unwrap();
        let lite = tradeready::pack::lite(found.text, &languages[0]).unwrap();
        // The first load leaves out what only the reports and readers need.
        let doc: serde_yaml::Value = serde_yaml::from_str(&lite).unwrap();
        let indicators = doc["domains"]
            .as_sequence()
            .unwrap()
            .iter()
            .flat_map(|d| d["indicators"].as_sequence().unwrap());
        for i in indicators {
            for key in ["basis", "recommendation"] {
                assert!(
                    i.get(key).is_none(),
                    "{key} of {:?} in the lite pack",
                    i["id"]
                );
            }
        }
        let caps = doc.get("caps").and_then(|c| c.as_sequence());
        assert!(caps.into_iter().flatten().all(|c| c.get("basis").is_none()));
        let packs = languages.iter().map(|lang| {
            (
                lang.clone(),
                tradeready::pack::one_language(found.text, lang).unwrap(),
            )
        });
        for (lang, pack) in packs.chain([("lite".to_owned(), lite)]) {
            assert!(pack.len() <= found.text.len());
            let mut catalogue = tradeready::Catalogue::embedded();
            let full = tradeready::Catalogue::embedded();
            let translated = catalogue.translate(&pack);
            assert!(
                translated.value.is_some(),
                "{lang}: {:#?}",
                translated.diagnostics
            );
            for path in &examples {
                let text = std::fs::read_to_string(path).unwrap();
                let (Some(a), Some(b)) = (
                    full.load_assessment(&text).value,
                    catalogue.load_assessment(&text).value,
                ) else {
                    continue;
                };
                assert_eq!(
                    serde_json::to_string(&a.scores).unwrap(),
                    serde_json::to_string(&b.scores).unwrap(),
                    "{} under the {lang} pack",
                    path.display()
                );
            }
        }
        // A pack that scores differently is not a pack.
        let mut catalogue = tradeready::Catalogue::embedded();
        let changed = found.text.replacen("weight: 1.5", "weight: 2.5", 1);
        if changed != found.text {
            let refused = catalogue.translate(&changed);
            assert!(refused.value.is_none());
            assert!(refused.diagnostics[0].message.contains("does not match"));
        }
    }
}
