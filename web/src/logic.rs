//! What the pages compute from the state: the profiles on offer, scores of a draft that may
//! still hold mistakes, exports and imports. Pure functions over the core, tested natively.

use crate::state::{Draft, FileState, FileSummary, LoadedFile, ProfileKey};
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

/// What the Start page lists of a profile on offer: enough to choose it, without the
/// profile itself (an embedded profile is parsed only when a page needs it).
#[derive(Clone, Debug)]
pub struct Choice {
    /// Id and version.
    pub key: ProfileKey,
    /// Its title.
    pub title: tradeready::model::LocalizedText,
    /// Its languages, the default first.
    pub languages: Vec<String>,
    /// The SHA-256 of its file, which a draft started on it records.
    pub sha256: Option<String>,
    /// Whether the user loaded it (rather than it being built in).
    pub own: bool,
}

impl Choice {
    /// The default language.
    pub fn default_language(&self) -> &str {
        self.languages.first().map_or("en", String::as_str)
    }
}

/// The profiles on offer: the core's catalogue, which files are loaded against, what the
/// Start page lists ([`Profiles::choices`]), and the list the other pages use (the
/// embedded profiles, then the user's own), each profile in it checked and ready.
///
/// The list is made the first time it is read (through `Deref`): parsing the embedded
/// profile is most of what the app does before it can show anything, and the Start page,
/// shown first, needs only the titles, which the build wrote beside each embedded profile
/// (`tradeready::embedded::EmbeddedProfile::title`). The app reads the list once the
/// Start page is drawn, or at once where a restored draft needs its profile.
#[derive(Debug)]
pub struct Profiles {
    catalogue: Catalogue,
    choices: Vec<Choice>,
    /// The user's own profiles, checked (they must be, to be offered at all).
    own: Vec<Available>,
    list: std::cell::OnceCell<Vec<Available>>,
    /// The texts the catalogue was made from, for the views module, which makes its own.
    own_texts: Vec<String>,
    packs: Vec<String>,
}

impl std::ops::Deref for Profiles {
    type Target = [Available];
    fn deref(&self) -> &[Available] {
        self.list.get_or_init(|| {
            let mut list: Vec<Available> = self
                .choices
                .iter()
                .filter(|c| !c.own)
                .filter_map(|c| {
                    // An embedded profile that does not load is left out, as before it was
                    // lazy; the core's tests load every one, natively and on wasm32.
                    let profile = self.catalogue.get(&c.key.id, &c.key.version).ok()?;
                    Some(Available {
                        key: c.key.clone(),
                        profile,
                        own: false,
                    })
                })
                .collect();
            list.extend(self.own.iter().cloned());
            list
        })
    }
}

impl Profiles {
    /// The catalogue files are loaded through.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// What the Start page lists, in the order of the list: the embedded profiles, then
    /// the user's own. Reading it parses nothing.
    pub fn choices(&self) -> &[Choice] {
        &self.choices
    }

    /// Whether the list is made (every profile parsed).
    pub fn ready(&self) -> bool {
        self.list.get().is_some()
    }

    /// The catalogue alone, for what loads files and needs no list (the views module's
    /// downloads, which so find the profiles the pages show, by the same rule).
    pub fn into_catalogue(self) -> Catalogue {
        self.catalogue
    }

    /// The user's own profiles' texts and the language packs applied, as the views module
    /// takes them.
    pub fn sources(&self) -> (&[String], &[String]) {
        (&self.own_texts, &self.packs)
    }
}

/// The embedded profiles, in the language of the packs given (see `tradeready::pack`;
/// the embedded text is the default language's), then the user's own (given as texts),
/// each loaded once. An own profile with the id and version of an embedded one does not
/// replace it.
pub fn available_profiles(own_texts: &[String], packs: &[String]) -> Profiles {
    available_profiles_hashed(own_texts, packs, &|_| None)
}

/// As [`available_profiles`], each own profile given the SHA-256 of its text by `hash`
/// (lowercase hex, None when it is not known), as the command line hashes a profile file,
/// so that drafts, reports and carried files name the profile as `tradeready` does: the
/// views module hashes with sha2, the app with the browser's Web Crypto (asynchronously,
/// so it hands in the hashes it has).
pub fn available_profiles_hashed(
    own_texts: &[String],
    packs: &[String],
    hash: &dyn Fn(&str) -> Option<String>,
) -> Profiles {
    let mut catalogue = Catalogue::embedded();
    for pack in packs {
        // A pack that does not fit its profile is left out: the default language stays.
        let _ = catalogue.translate(pack);
    }
    let mut choices: Vec<Choice> = catalogue
        .entries()
        .into_iter()
        .filter_map(|entry| {
            let embedded = tradeready::embedded::find(&entry.id, &entry.version)?;
            Some(Choice {
                key: ProfileKey {
                    id: entry.id,
                    version: entry.version,
                },
                title: embedded.title(),
                languages: embedded.languages.iter().map(|l| (*l).to_owned()).collect(),
                sha256: Some(embedded.sha256.to_owned()),
                own: false,
            })
        })
        .collect();
    let mut own = Vec::new();
    for text in own_texts {
        let Some(mut p) = tradeready::load_profile(text, catalogue.layers()).value else {
            continue;
        };
        p.sha256 = hash(text);
        let key = ProfileKey {
            id: p.id.clone(),
            version: p.version.to_string(),
        };
        if !choices.iter().any(|c| c.key == key) {
            choices.push(Choice {
                key: key.clone(),
                title: p.title.clone(),
                languages: p.languages.clone(),
                sha256: p.sha256.clone(),
                own: true,
            });
            own.push(Available {
                key,
                profile: catalogue.add(p),
                own: true,
            });
        }
    }
    Profiles {
        catalogue,
        choices,
        own,
        list: std::cell::OnceCell::new(),
        own_texts: own_texts.to_vec(),
        packs: packs.to_vec(),
    }
}

/// The language packs to fetch so that the embedded profiles speak `lang`: one per
/// embedded profile that has the language and does not speak it by default, and with
/// `full` (the clauses' text is wanted: the embedded text leaves it out) one for the
/// default language too.
pub fn packs_wanted(profiles: &[Choice], lang: &str, full: bool) -> Vec<String> {
    profiles
        .iter()
        .filter(|a| !a.own)
        .filter(|a| full || a.default_language() != lang)
        .filter(|a| a.languages.iter().any(|l| l == lang))
        .map(|a| format!("pack-{}-{}-{lang}.yaml", a.key.id, a.key.version))
        .collect()
}

/// Finds a profile by key.
pub fn find<'a>(profiles: &'a [Available], key: &ProfileKey) -> Option<&'a Available> {
    profiles.iter().find(|a| &a.key == key)
}

/// The draft as a file holds it: every answer, including those with evidence or a note but
/// neither a value nor `na` yet (DESIGN.md "Assessment": the core accepts them with a
/// warning and counts the indicator as missing), so that nothing typed is left out. Only
/// evidence lines added but left blank are dropped (they hold nothing), and an entry that
/// held nothing else with them.
pub fn exportable(draft: &Draft) -> raw::Assessment {
    let mut a = draft.assessment.clone();
    let ids: Vec<String> = a.answers.keys().cloned().collect();
    for id in ids {
        if let Some(x) = a.answers.get_mut(id.as_str()) {
            x.evidence.retain(|e| !e.trim().is_empty());
        }
    }
    a.answers.retain(|_, x| {
        x.value.is_some() || x.na.is_some() || !x.evidence.is_empty() || x.note.is_some()
    });
    a
}

/// Answers with evidence or a note but neither a value nor `na`: the exports keep them, and
/// they count as not answered until they are answered.
pub fn drafted_only(draft: &Draft) -> Vec<String> {
    exportable(draft)
        .answers
        .iter()
        .filter(|(_, a)| a.value.is_none() && a.na.is_none())
        .map(|(id, _)| id.clone())
        .collect()
}

/// Whether an exported text holds everything the draft holds: it reads back as the
/// draft's [`exportable`] form. Only then may the app say that everything is exported.
pub fn holds_everything(draft: &Draft, text: &str) -> bool {
    !text.trim().is_empty()
        && tradeready::parse::decode::<raw::Assessment>(text).is_ok_and(|a| a == exportable(draft))
}

/// Scores of a draft, with the answers that are wrong set aside and reported, so that one
/// mistake does not blank the whole results page.
#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    /// The scores, when the header (dates, names) is valid.
    pub report: Option<ScoreReport>,
    /// The problems found (stable code and pointer; `indicator_of` names the indicator),
    /// for sentences in the user's language (see `said.rs`).
    pub diagnostics: Vec<Diagnostic>,
}

/// The indicator a diagnostic concerns, when it is about one answer or target.
pub fn indicator_of(d: &Diagnostic) -> Option<String> {
    let mut segments = tradeready::diag::pointer_segments(&d.pointer);
    match segments.next().as_deref() {
        Some("answers" | "targets") => segments.next(),
        _ => None,
    }
}

/// Scores a draft against its profile.
pub fn evaluate(draft: &Draft, profile: &Profile) -> Evaluation {
    let mut a = exportable(draft);
    let mut diagnostics = Vec::new();
    // Two passes at most: the second runs without the answers the first found wrong.
    for _ in 0..2 {
        let loaded = tradeready::load::check(a.clone(), profile);
        if let Some(checked) = loaded.value {
            return Evaluation {
                report: Some(tradeready::score(profile, &checked)),
                diagnostics,
            };
        }
        let mut header_problem = false;
        for d in loaded.diagnostics.into_iter().filter(Diagnostic::is_error) {
            let id = indicator_of(&d);
            match &id {
                Some(id) => {
                    a.answers.remove(id.as_str());
                    a.targets.remove(id.as_str());
                }
                None => header_problem = true,
            }
            diagnostics.push(d);
        }
        if header_problem {
            break;
        }
    }
    Evaluation {
        report: None,
        diagnostics,
    }
}

/// The draft as YAML, ready for `tradeready validate`.
pub fn export_yaml(draft: &Draft) -> String {
    tradeready::parse::to_yaml(&exportable(draft))
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
/// The errors come back located (line and column), for [`crate::said`] to word.
pub fn import(bytes: &[u8], profiles: &Profiles) -> Result<raw::Assessment, Vec<Diagnostic>> {
    let text = tradeready::parse::text_from_bytes(bytes).map_err(|d| vec![d])?;
    let loaded = profiles.catalogue.import(text);
    match loaded.value {
        Some(imported) => Ok(imported.raw),
        None => Err(loaded
            .diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect()),
    }
}

/// The newest profile on offer with this id and a later version than `version`, if any:
/// what an assessment of `id` `version` can be carried forward to.
pub fn newer_on_offer<'a>(
    profiles: &'a [Available],
    id: &str,
    version: &str,
) -> Option<&'a Available> {
    let version = semver::Version::parse(version).ok()?;
    profiles
        .iter()
        .filter(|a| a.key.id == id && a.profile.version > version)
        .max_by(|a, b| a.profile.version.cmp(&b.profile.version))
}

/// A file that names a profile version not on offer, where a later version of the same
/// profile is: what the Carry forward page may carry (its text and the version it would
/// go to). None for anything else, which stays an import error.
pub fn older_version(bytes: &[u8], profiles: &Profiles) -> Option<(String, ProfileKey)> {
    let text = tradeready::parse::text_from_bytes(bytes).ok()?;
    let raw = profiles.catalogue.decode_assessment(text).value?;
    let (id, version) = (&raw.profile.id, raw.profile.version.as_str());
    if find(
        profiles,
        &ProfileKey {
            id: id.clone(),
            version: version.to_owned(),
        },
    )
    .is_some()
    {
        return None;
    }
    let newer = newer_on_offer(profiles, id, version)?;
    Some((text.to_owned(), newer.key.clone()))
}

/// What the Carry forward page carries for a saved draft: its export (every answer,
/// piece of evidence and note), when a later version of its profile is on offer.
pub fn carry_of(draft: &Draft, profiles: &Profiles) -> Option<crate::state::Carry> {
    let key = draft.profile_key();
    newer_on_offer(profiles, &key.id, &key.version)?;
    Some(crate::state::Carry {
        name: export_name(draft, "yaml"),
        text: export_yaml(draft).into(),
        draft: Some(draft.id.clone()),
    })
}

/// A file for the Workshop or Compare page, loaded through every layer the browser has:
/// what it is, or its errors, located.
pub fn load_file(name: String, bytes: &[u8], profiles: &Profiles) -> LoadedFile {
    let text = match tradeready::parse::text_from_bytes(bytes) {
        Ok(text) => text,
        Err(d) => {
            return LoadedFile {
                name,
                text: "".into(),
                state: FileState::Failed(vec![d]),
            };
        }
    };
    let loaded = profiles.catalogue.load_assessment(text);
    let state = match loaded.value {
        Some(s) => FileState::Loaded(FileSummary {
            administration: s.assessment.administration.clone(),
            code: s.assessment.code.clone(),
            cycle: s.assessment.cycle.clone(),
            profile: ProfileKey {
                id: s.profile.id.clone(),
                version: s.profile.version.to_string(),
            },
            overall: s.scores.overall,
        }),
        None => FileState::Failed(
            loaded
                .diagnostics
                .into_iter()
                .filter(Diagnostic::is_error)
                .collect(),
        ),
    };
    LoadedFile {
        name,
        text: text.into(),
        state,
    }
}

/// The request the views module's `report` takes (views/src/lib.rs `Request`): the texts of
/// the files that loaded, the profiles' sources, the language, and whether to name no one.
pub fn report_request(
    files: &[LoadedFile],
    profiles: &Profiles,
    lang: &str,
    anonymize: bool,
) -> String {
    let texts = files
        .iter()
        .filter(|f| matches!(f.state, FileState::Loaded(_)))
        .map(|f| &*f.text)
        .collect();
    request_of(texts, profiles, lang, anonymize)
}

/// The views module's request for these assessment texts.
pub fn request_of(texts: Vec<&str>, profiles: &Profiles, lang: &str, anonymize: bool) -> String {
    #[derive(serde::Serialize)]
    struct Request<'a> {
        files: Vec<&'a str>,
        profiles: &'a [String],
        packs: &'a [String],
        lang: &'a str,
        anonymize: bool,
    }
    let (own, packs) = profiles.sources();
    serde_json::to_string(&Request {
        files: texts,
        profiles: own,
        packs,
        lang,
        anonymize,
    })
    .unwrap_or_default()
}

/// The saved draft (of `saved`) that holds exactly what an imported file holds, if any.
pub fn same_as<'a>(imported: &raw::Assessment, saved: &'a [Draft]) -> Option<&'a Draft> {
    saved.iter().find(|d| &exportable(d) == imported)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, State, new_draft};
    use tradeready::model::AnswerValue;
    use yew::Reducible;

    const EXAMPLE: &str = include_str!("../../assessments/examples/northland-2025.yaml");

    fn wco() -> Profiles {
        available_profiles(&[], &[])
    }

    #[test]
    fn a_file_for_the_workshop_loads_or_says_where_it_fails() {
        let profiles = wco();
        let ok = load_file("n.yaml".into(), EXAMPLE.as_bytes(), &profiles);
        let FileState::Loaded(summary) = &ok.state else {
            panic!("{:?}", ok.state)
        };
        assert_eq!(
            summary.administration,
            "Revenue and Customs Authority of Northland"
        );
        assert_eq!(summary.profile.id, "wco-resilience");
        assert!(summary.overall.is_some());
        let bad = load_file(
            "bad.yaml".into(),
            EXAMPLE.replacen("as_of:", "as_of: [", 1).as_bytes(),
            &profiles,
        );
        let FileState::Failed(errors) = &bad.state else {
            panic!("{:?}", bad.state)
        };
        assert!(errors.iter().all(|d| d.line.is_some()), "{errors:?}");
        let binary = load_file("x.bin".into(), &[0, 159, 146, 150], &profiles);
        assert!(matches!(binary.state, FileState::Failed(_)));
        // The views module gets the texts of the files that loaded, and nothing else.
        let request: serde_json::Value =
            serde_json::from_str(&report_request(&[ok, bad, binary], &profiles, "fr", true))
                .unwrap();
        assert_eq!(request["files"].as_array().unwrap().len(), 1);
        assert_eq!(request["files"][0], EXAMPLE);
        assert_eq!(
            (request["lang"].as_str(), request["anonymize"].as_bool()),
            (Some("fr"), Some(true))
        );
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
            None,
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
    fn a_file_of_a_version_no_longer_offered_is_carried_to_the_newest_and_loses_nothing() {
        // A profile of one's own, 1.0.0 of the WCO profile under another id: the only
        // version of that id on offer.
        const WCO: &str = include_str!("../../assessments/profiles/wco-resilience/1.0.0.yaml");
        let own = WCO.replacen("\nid: wco-resilience\n", "\nid: my-profile\n", 1);
        assert_ne!(own, WCO);
        let profiles = available_profiles(&[own], &[]);
        let example = EXAMPLE.replacen("id: wco-resilience", "id: my-profile", 1);
        let example = example.as_str();
        // The example answers 1.0.0, on offer: an import as it stands, not a carry.
        assert!(older_version(example.as_bytes(), &profiles).is_none());
        // The same answers of a version the app does not offer: carried to 1.0.0.
        let old = example.replacen("version: 1.0.0", "version: 0.9.0", 1);
        assert_ne!(old, example);
        let (text, to) = older_version(old.as_bytes(), &profiles).expect("a later version");
        assert_eq!(
            (to.id.as_str(), to.version.as_str()),
            ("my-profile", "1.0.0")
        );
        let carried = profiles.catalogue().migrate(&text, None);
        let m = carried.value.expect("carried");
        assert_eq!(m.report.compatibility, 1.0);
        assert!(m.report.lost.is_empty() && m.report.dropped.is_empty());
        let original = import(example.as_bytes(), &profiles).unwrap();
        assert_eq!(
            m.raw.answers, original.answers,
            "every answer, evidence and note"
        );
        assert_eq!(m.raw.profile.version.as_str(), "1.0.0");
        // A later version than any on offer, or another profile id, is no carry.
        let newer = example.replacen("version: 1.0.0", "version: 9.0.0", 1);
        assert!(older_version(newer.as_bytes(), &profiles).is_none());
        let other = example.replacen("id: my-profile", "id: elsewhere", 1);
        assert!(older_version(other.as_bytes(), &profiles).is_none());
        // A saved draft of 0.9.0 is offered too, with its storage id; one of 1.0.0 is not.
        let draft = |text: &str| Draft {
            id: "saved".into(),
            ..draft_of(tradeready::parse::decode::<raw::Assessment>(text).unwrap())
        };
        let carry = carry_of(&draft(&old), &profiles).expect("offered");
        assert_eq!(carry.draft.as_deref(), Some("saved"));
        assert_eq!(&*carry.text, export_yaml(&draft(&old)));
        assert!(carry_of(&draft(example), &profiles).is_none());
    }

    #[test]
    fn the_wco_profile_is_on_offer() {
        let p = wco();
        assert!(p.iter().any(|a| a.key.id == "wco-resilience" && !a.own));
    }

    #[test]
    fn export_then_import_gives_the_same_assessment_in_yaml_and_json() {
        let profiles = wco();
        let raw = import(EXAMPLE.as_bytes(), &profiles).unwrap();
        let draft = draft_of(raw.clone());
        for (name, text) in [
            ("x.yaml", export_yaml(&draft)),
            ("x.json", export_json(&draft)),
        ] {
            let back =
                import(text.as_bytes(), &profiles).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_eq!(back, raw, "{name}");
        }
    }

    #[test]
    fn exports_score_like_the_command_line() {
        let profiles = wco();
        let raw = import(EXAMPLE.as_bytes(), &profiles).unwrap();
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
        let errors = import(bad.as_bytes(), &wco()).unwrap_err();
        assert!(
            errors[0].render("bad.yaml").starts_with("bad.yaml:"),
            "{errors:?}"
        );
        assert!(errors[0].message.contains("must be a level"), "{errors:?}");
        assert_eq!(errors[0].code, "bad-level");
        let errors = import(&[0xff, 0xfe, 0, 0x41], &wco()).unwrap_err();
        assert!(errors[0].message.contains("UTF-16"), "{errors:?}");
    }

    #[test]
    fn an_import_with_several_unknown_fields_lists_them_all() {
        let bad = EXAMPLE
            .replace("cycle: \"2025\"\n", "cycle: \"2025\"\ncolour: red\n")
            .replace(
                "governance.oga-roles:\n    value: 4",
                "governance.oga-roles:\n    value: 4\n    evidense: [x]",
            );
        let errors = import(bad.as_bytes(), &wco()).unwrap_err();
        let mut unknown: Vec<&str> = errors
            .iter()
            .filter(|d| d.code == "unknown-field")
            .map(|d| d.pointer.as_str())
            .collect();
        // Natively the JSON Schema layer lists them, in its own order; in the browser typed
        // decoding does, in the file's (core/src/parse/mod.rs tests that).
        unknown.sort_unstable();
        assert_eq!(
            unknown,
            ["/answers/governance.oga-roles/evidense", "/colour"]
        );
        assert!(errors.iter().all(|d| d.line.is_some()), "{errors:?}");
    }

    #[test]
    fn an_import_identical_to_a_saved_draft_finds_it() {
        let profiles = wco();
        let raw = import(EXAMPLE.as_bytes(), &profiles).unwrap();
        let mut saved = draft_of(raw.clone());
        // A blank evidence line in the saved draft is nothing the file lacks.
        let mut answer = saved
            .assessment
            .answers
            .get("governance.oga-roles")
            .unwrap()
            .clone();
        answer.evidence.push("  ".into());
        saved
            .assessment
            .answers
            .set("governance.oga-roles".into(), answer);
        let other = draft_of(
            import(
                EXAMPLE.replace("value: 4", "value: 3").as_bytes(),
                &profiles,
            )
            .unwrap(),
        );
        let drafts = [other.clone(), saved];
        assert_eq!(
            same_as(&raw, &drafts).map(|d| &d.assessment.cycle),
            Some(&raw.cycle)
        );
        assert!(same_as(&raw, &drafts[..1]).is_none());
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
        assert_eq!(e.diagnostics.len(), 1);
        assert_eq!(
            indicator_of(&e.diagnostics[0]).as_deref(),
            Some("exercises.last-exercise")
        );
    }

    #[test]
    fn evidence_and_notes_without_an_answer_are_exported_as_entries_in_yaml_and_json() {
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
            ))
            // Only a blank evidence line: nothing to keep, so no entry.
            .reduce(Action::SetEvidence(
                "governance.activation".into(),
                vec![String::new()],
            ));
        let draft = s.draft.as_ref().unwrap();
        assert_eq!(
            drafted_only(draft),
            vec!["exercises.last-exercise".to_owned()]
        );
        let yaml = export_yaml(draft);
        assert!(!yaml.contains('#'), "no comments: {yaml}");
        assert!(
            yaml.contains(
                "  exercises.last-exercise:\n    evidence:\n    - After-action report, May 2025\n"
            ),
            "{yaml}"
        );
        assert!(!yaml.contains("governance.activation"), "{yaml}");
        for (name, text) in [("x.yaml", yaml), ("x.json", export_json(draft))] {
            assert!(holds_everything(draft, &text), "{name}");
            let back = import(text.as_bytes(), &profiles).unwrap();
            // The answer, and the entry with evidence and a note but no value or na.
            assert_eq!(back.answers.len(), 2, "{name}");
            let kept = back.answers.get("exercises.last-exercise").unwrap();
            assert_eq!(
                (kept.value.as_ref(), kept.na.as_ref()),
                (None, None),
                "{name}"
            );
            assert_eq!(
                kept.evidence,
                vec!["After-action report, May 2025"],
                "{name}"
            );
            assert_eq!(
                kept.note.as_deref(),
                Some("Ask the port authority\nfor the date"),
                "{name}"
            );
        }
        // It counts as missing: one indicator answered, the other not.
        let e = evaluate(draft, &profiles[0].profile);
        assert!(e.diagnostics.is_empty(), "{:?}", e.diagnostics);
        assert_eq!(e.report.unwrap().counts.answered, 1);
    }

    #[test]
    fn an_export_that_leaves_something_out_does_not_hold_everything() {
        let s = wco_draft().reduce(Action::SetNote(
            "exercises.last-exercise".into(),
            Some("Ask the port authority".into()),
        ));
        let draft = s.draft.as_ref().unwrap();
        // What the JSON export wrote before: the entry without a value or na dropped.
        let mut short = draft.assessment.clone();
        short
            .answers
            .retain(|_, x| x.value.is_some() || x.na.is_some());
        let text = serde_json::to_string_pretty(&short).unwrap();
        assert!(!holds_everything(draft, &text));
        assert!(!holds_everything(draft, ""));
        assert!(holds_everything(draft, &export_json(draft)));
        assert!(holds_everything(draft, &export_yaml(draft)));
    }

    #[test]
    fn a_draft_survives_storage_as_yaml_and_old_json_drafts_still_load() {
        let profiles = wco();
        let mut raw = import(EXAMPLE.as_bytes(), &profiles).unwrap();
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
                    "2025-06-30",
                    None
                ),
                "yaml"
            ),
            "xe-2025-h1.yaml"
        );
        assert_eq!(
            export_name(
                &new_draft(
                    "d".into(),
                    &key,
                    "Douane d'Été",
                    "",
                    "2025/1",
                    "2025-06-30",
                    None
                ),
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
                    "2025-06-30",
                    None
                ),
                "json"
            ),
            "état-d-été-σοφία-2025-1.json"
        );
    }
}
