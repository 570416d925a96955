//! What the pages compute from the state: the profiles on offer, scores of a draft that may
//! still hold mistakes, exports and imports. Pure functions over the core, tested natively.

use crate::state::{Draft, ProfileKey};
use std::sync::Arc;
use tradeready::model::raw;
use tradeready::{Catalogue, Diagnostic, Profile, ScoreReport};

/// A profile the user can answer.
#[derive(Clone, Debug)]
pub struct Available {
    /// Id and version.
    pub key: ProfileKey,
    /// The checked profile.
    pub profile: Arc<Profile>,
    /// Whether the user loaded it (rather than it being built in).
    pub own: bool,
}

/// The profiles on offer: the core's catalogue, which files are loaded against, and the
/// list the pages show (the embedded profiles, then the user's own).
#[derive(Debug)]
pub struct Profiles {
    catalogue: Catalogue,
    list: Vec<Available>,
}

impl std::ops::Deref for Profiles {
    type Target = [Available];
    fn deref(&self) -> &[Available] {
        &self.list
    }
}

impl Profiles {
    /// The catalogue files are loaded through.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }
}

/// The embedded profiles, then the user's own (given as texts), each loaded once. An own
/// profile with the id and version of an embedded one does not replace it.
pub fn available_profiles(own_texts: &[String]) -> Profiles {
    let mut catalogue = Catalogue::embedded();
    let mut list = Vec::new();
    for entry in catalogue.entries() {
        if let Ok(profile) = catalogue.get(&entry.id, &entry.version) {
            list.push(Available {
                key: ProfileKey {
                    id: entry.id,
                    version: entry.version,
                },
                profile,
                own: false,
            });
        }
    }
    for text in own_texts {
        let Some(p) = tradeready::load_profile(text, catalogue.layers()).value else {
            continue;
        };
        let key = ProfileKey {
            id: p.id.clone(),
            version: p.version.to_string(),
        };
        if !list.iter().any(|a| a.key == key) {
            list.push(Available {
                key,
                profile: catalogue.add(p),
                own: true,
            });
        }
    }
    Profiles { catalogue, list }
}

/// Finds a profile by key.
pub fn find<'a>(profiles: &'a [Available], key: &ProfileKey) -> Option<&'a Available> {
    profiles.iter().find(|a| &a.key == key)
}

/// The draft as a valid file would hold it: answers with neither a value nor `na` (only
/// evidence or a note so far) cannot be written, so they are left out, and so are evidence
/// lines left blank.
pub fn exportable(draft: &Draft) -> raw::Assessment {
    let mut a = draft.assessment.clone();
    a.answers.retain(|_, x| x.value.is_some() || x.na.is_some());
    // An evidence line added but not yet filled in is not evidence.
    let ids: Vec<String> = a.answers.keys().cloned().collect();
    for id in ids {
        if let Some(x) = a.answers.get_mut(id.as_str()) {
            x.evidence.retain(|e| !e.trim().is_empty());
        }
    }
    a
}

/// Answers with evidence or a note but neither a value nor `na`: a valid file cannot hold
/// them as answers, so the exports cannot carry them as data.
fn drafted(draft: &Draft) -> impl Iterator<Item = (&String, &raw::Answer)> {
    draft
        .assessment
        .answers
        .iter()
        .filter(|(_, a)| a.value.is_none() && a.na.is_none())
        .filter(|(_, a)| a.evidence.iter().any(|e| !e.trim().is_empty()) || a.note.is_some())
}

/// The indicators of [`drafted`] answers, for the export bar's warning.
pub fn drafted_only(draft: &Draft) -> Vec<String> {
    drafted(draft).map(|(id, _)| id.clone()).collect()
}

/// Scores of a draft, with the answers that are wrong set aside and reported, so that one
/// mistake does not blank the whole results page.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// The scores, when the header (dates, names) is valid.
    pub report: Option<ScoreReport>,
    /// Problems, with the indicator they concern where there is one.
    pub problems: Vec<(Option<String>, String)>,
}

fn indicator_of(d: &Diagnostic) -> Option<String> {
    let mut segments = tradeready::diag::pointer_segments(&d.pointer);
    match segments.next().as_deref() {
        Some("answers" | "targets") => segments.next(),
        _ => None,
    }
}

/// Scores a draft against its profile.
pub fn evaluate(draft: &Draft, profile: &Profile) -> Evaluation {
    let mut a = exportable(draft);
    let mut problems = Vec::new();
    // Two passes at most: the second runs without the answers the first found wrong.
    for _ in 0..2 {
        let loaded = tradeready::load::check(a.clone(), profile);
        if let Some(checked) = loaded.value {
            return Evaluation {
                report: Some(tradeready::score(profile, &checked)),
                problems,
            };
        }
        let mut header_problem = false;
        for d in loaded.diagnostics.into_iter().filter(Diagnostic::is_error) {
            match indicator_of(&d) {
                Some(id) => {
                    a.answers.remove(id.as_str());
                    a.targets.remove(id.as_str());
                    problems.push((Some(id), d.message));
                }
                None => {
                    header_problem = true;
                    problems.push((None, d.message));
                }
            }
        }
        if header_problem {
            break;
        }
    }
    Evaluation {
        report: None,
        problems,
    }
}

/// The draft as YAML, ready for `tradeready validate`. Evidence and notes of indicators
/// not yet answered follow as comments, so that the file still holds every word typed
/// (a reader sees them; importing the file does not bring them back).
pub fn export_yaml(draft: &Draft) -> String {
    let mut text = tradeready::parse::to_yaml(&exportable(draft));
    let mut pending = drafted(draft).peekable();
    if pending.peek().is_some() {
        text.push_str(
            "\n# Not yet answered, kept here as comments so that nothing typed is lost.\n\
             # Give each a value (or na: <reason>) under answers to make it count.\n",
        );
        for (id, a) in pending {
            text.push_str(&format!("# {id}:\n"));
            for item in a.evidence.iter().filter(|e| !e.trim().is_empty()) {
                text.push_str(&comment(&format!("  evidence: {item}")));
            }
            if let Some(note) = &a.note {
                text.push_str(&comment(&format!("  note: {note}")));
            }
        }
    }
    text
}

/// Text as YAML comment lines, however many lines it has.
fn comment(text: &str) -> String {
    text.lines().map(|l| format!("# {l}\n")).collect()
}

/// The draft as JSON, ready for `tradeready validate`.
pub fn export_json(draft: &Draft) -> String {
    let mut text = serde_json::to_string_pretty(&exportable(draft)).unwrap_or_default();
    text.push('\n');
    text
}

/// A text in lower case. In the browser, by the browser's own Unicode tables (JavaScript's
/// toLowerCase): Rust's would add 7 KB to the app for this one use.
fn lowercase(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::JsString::from(s).to_lower_case());
    #[cfg(not(target_arch = "wasm32"))]
    s.to_lowercase()
}

/// A file name for an export: `<code or name>-<cycle>.<ext>`.
pub fn export_name(draft: &Draft, ext: &str) -> String {
    let a = &draft.assessment;
    let who = a
        .administration
        .code
        .as_ref()
        .map_or(a.administration.name.as_str(), |c| c.as_str());
    let clean = |s: &str| -> String {
        lowercase(s)
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .trim_matches('-')
            .to_owned()
    };
    let stem = format!("{}-{}", clean(who), clean(a.cycle.as_str()));
    format!(
        "{}.{ext}",
        if stem == "-" {
            "assessment".to_owned()
        } else {
            stem
        }
    )
}

/// Reads an assessment file: every layer the browser has, against the profile it names.
/// Errors come back rendered as `FILE:LINE:COLUMN: message`.
pub fn import(
    file_name: &str,
    bytes: &[u8],
    profiles: &Profiles,
) -> Result<raw::Assessment, Vec<String>> {
    let render = |ds: &[Diagnostic]| {
        ds.iter()
            .filter(|d| d.is_error())
            .map(|d| d.render(file_name))
            .collect::<Vec<_>>()
    };
    let text = tradeready::parse::text_from_bytes(bytes).map_err(|d| render(&[d]))?;
    let loaded = profiles.catalogue.import(text);
    match loaded.value {
        Some(imported) => Ok(imported.raw),
        None => Err(render(&loaded.diagnostics)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, State, new_draft};
    use tradeready::model::AnswerValue;
    use yew::Reducible;

    const EXAMPLE: &str = include_str!("../../assessments/examples/northland-2025.yaml");

    fn wco() -> Profiles {
        available_profiles(&[])
    }

    /// A new draft of the WCO profile, open in the app's state.
    fn wco_draft() -> std::rc::Rc<State> {
        let key = ProfileKey {
            id: "wco-resilience".into(),
            version: "1.0.0".into(),
        };
        std::rc::Rc::new(State::default()).reduce(Action::Open(Box::new(new_draft(
            "d".into(),
            &key,
            "X",
            "",
            "c",
            "2025-06-30",
        ))))
    }

    fn draft_of(raw: raw::Assessment) -> Draft {
        Draft {
            id: "t".into(),
            assessment: raw,
            saved_at: None,
            exported: true,
            revision: 0,
        }
    }

    #[test]
    fn the_wco_profile_is_on_offer() {
        let p = wco();
        assert!(p.iter().any(|a| a.key.id == "wco-resilience" && !a.own));
    }

    #[test]
    fn export_then_import_gives_the_same_assessment_in_yaml_and_json() {
        let profiles = wco();
        let raw = import("example.yaml", EXAMPLE.as_bytes(), &profiles).unwrap();
        let draft = draft_of(raw.clone());
        for (name, text) in [
            ("x.yaml", export_yaml(&draft)),
            ("x.json", export_json(&draft)),
        ] {
            let back = import(name, text.as_bytes(), &profiles)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(back, raw, "{name}");
        }
    }

    #[test]
    fn exports_score_like_the_command_line() {
        let profiles = wco();
        let raw = import("example.yaml", EXAMPLE.as_bytes(), &profiles).unwrap();
        let draft = draft_of(raw);
        let profile = &profiles[0].profile;
        let from_app = evaluate(&draft, profile).report.unwrap();
        let scored = Catalogue::embedded()
            .load_assessment(EXAMPLE)
            .value
            .unwrap();
        assert_eq!(from_app, scored.scores);
    }

    #[test]
    fn a_bad_import_names_the_file_line_and_problem() {
        let bad = EXAMPLE.replace(
            "governance.oga-roles:\n    value: 4",
            "governance.oga-roles:\n    value: 9",
        );
        let errors = import("bad.yaml", bad.as_bytes(), &wco()).unwrap_err();
        assert!(errors[0].starts_with("bad.yaml:"), "{errors:?}");
        assert!(errors[0].contains("must be a level"), "{errors:?}");
        let errors = import("bin.yaml", &[0xff, 0xfe, 0, 0x41], &wco()).unwrap_err();
        assert!(errors[0].contains("UTF-16"), "{errors:?}");
    }

    #[test]
    fn a_wrong_answer_is_set_aside_and_reported_not_fatal() {
        let s = wco_draft()
            .reduce(Action::SetValue(
                "governance.oga-roles".into(),
                Some(AnswerValue::Int(3)),
            ))
            .reduce(Action::SetValue(
                "exercises.last-exercise".into(),
                Some(AnswerValue::Text("2030-01-01".into())),
            ));
        let profiles = wco();
        let e = evaluate(s.draft.as_ref().unwrap(), &profiles[0].profile);
        let report = e.report.expect("scores despite one wrong answer");
        assert_eq!(report.counts.answered, 1);
        assert_eq!(e.problems.len(), 1);
        assert_eq!(e.problems[0].0.as_deref(), Some("exercises.last-exercise"));
    }

    #[test]
    fn evidence_without_an_answer_is_kept_as_comments_in_yaml_and_the_file_stays_valid() {
        let profiles = wco();
        let s = wco_draft()
            .reduce(Action::SetValue(
                "governance.oga-roles".into(),
                Some(AnswerValue::Int(3)),
            ))
            .reduce(Action::SetEvidence(
                "exercises.last-exercise".into(),
                vec!["After-action report, May 2025".into(), " ".into()],
            ))
            .reduce(Action::SetNote(
                "exercises.last-exercise".into(),
                Some("Ask the port authority\nfor the date".into()),
            ));
        let draft = s.draft.as_ref().unwrap();
        assert_eq!(
            drafted_only(draft),
            vec!["exercises.last-exercise".to_owned()]
        );
        let yaml = export_yaml(draft);
        assert!(yaml.contains("# exercises.last-exercise:\n"), "{yaml}");
        assert!(
            yaml.contains("#   evidence: After-action report, May 2025\n"),
            "{yaml}"
        );
        assert!(
            yaml.contains("#   note: Ask the port authority\n# for the date\n"),
            "{yaml}"
        );
        let back = import("x.yaml", yaml.as_bytes(), &profiles).unwrap();
        assert_eq!(back.answers.len(), 1);
        assert!(back.answers.get("exercises.last-exercise").is_none());
    }

    #[test]
    fn a_draft_survives_storage_as_yaml_and_old_json_drafts_still_load() {
        let profiles = wco();
        let mut raw = import("example.yaml", EXAMPLE.as_bytes(), &profiles).unwrap();
        // Text a YAML writer must quote or escape, an answer with only evidence, and a note
        // over several lines.
        let tricky = [
            "yes",
            "null",
            "1.0",
            "- x",
            "a: b",
            "# not a comment",
            "  padded  ",
            "Été 2025 — ok",
            "'\"",
        ];
        raw.answers.set(
            "exercises.last-exercise".into(),
            raw::Answer {
                value: None,
                na: None,
                evidence: tricky.iter().map(|s| (*s).to_owned()).collect(),
                note: Some("line one\nline two: three\n".into()),
            },
        );
        let draft = Draft {
            id: "0123".into(),
            assessment: raw,
            saved_at: Some(1_763_880_000_123.5),
            exported: false,
            revision: 42,
        };
        let yaml = tradeready::parse::to_yaml(&draft);
        let back: Draft = tradeready::parse::decode(&yaml).unwrap();
        assert_eq!(back, draft);
        let json = serde_json::to_string(&draft).unwrap();
        let back: Draft = tradeready::parse::decode(&json).unwrap();
        assert_eq!(back, draft, "a draft saved as JSON by an earlier version");
    }

    #[test]
    fn export_names_are_safe() {
        let key = ProfileKey {
            id: "p".into(),
            version: "1.0.0".into(),
        };
        assert_eq!(
            export_name(
                &new_draft(
                    "d".into(),
                    &key,
                    "Customs of X",
                    "XE",
                    "2025-H1",
                    "2025-06-30"
                ),
                "yaml"
            ),
            "xe-2025-h1.yaml"
        );
        assert_eq!(
            export_name(
                &new_draft("d".into(), &key, "Douane d'Été", "", "2025/1", "2025-06-30"),
                "json"
            ),
            "douane-d-été-2025-1.json"
        );
        // The same as the browser test gives (web/tests/browser.rs).
        assert_eq!(
            export_name(
                &new_draft(
                    "d".into(),
                    &key,
                    "ÉTAT d'Été ΣΟΦΊΑ",
                    "",
                    "2025/1",
                    "2025-06-30"
                ),
                "json"
            ),
            "état-d-été-σοφία-2025-1.json"
        );
    }
}
