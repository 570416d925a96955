//! The bundled WCO profile is the substance of the product: these tests hold each released
//! version to the editorial rules of its issue, so that a later edit cannot quietly drop a
//! citation, a translation or the guidance an assessor relies on. 1.0.0 is held to the
//! rules it was released under; 1.1.0 and later to the same and to those of issue 15 (a
//! `basis` for every figure the sources do not give, all five levels described in three
//! languages, honest coverage, a migration from 1.0.0 that loses nothing); 1.2.0 also to
//! the review of its paraphrases (a `section` for every clause, a `basis` for every domain
//! weight and scenario, the same scores as 1.1.0 for the same answers); 1.2.1 also to the
//! second review's (the Guidelines' "should" and "could" kept, the scenario and domain
//! bases citing what the sources say).

use std::collections::BTreeSet;
use tradeready::model::{LocalizedText, raw};
use tradeready::{Layers, embedded, load_profile};

/// The released versions of the profile.
const VERSIONS: [&str; 4] = ["1.0.0", "1.1.0", "1.2.0", "1.2.1"];

/// The versions held to the rules of issue 15.
const SINCE_1_1: [&str; 3] = ["1.1.0", "1.2.0", "1.2.1"];

/// The versions that give every multiplier, domain weight and clause section as data.
const SINCE_1_2: [&str; 2] = ["1.2.0", "1.2.1"];

/// The newest version, the one README describes.
const NEWEST: &str = "1.2.1";

fn profile_at(version: &str) -> (tradeready::Profile, raw::Profile) {
    let found = embedded::find("wco-resilience", version).expect("the WCO profile is embedded");
    let loaded = load_profile(found.text, Layers::default());
    assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
    let p = loaded.value.unwrap();
    let raw = tradeready::load::decode(
        found.text,
        tradeready::parse::FileKind::Profile,
        Layers::default(),
    )
    .expect("the WCO profile decodes");
    (p, raw)
}

/// The indicator of a profile with this id.
fn indicator<'a>(raw: &'a raw::Profile, id: &str) -> &'a raw::Indicator {
    raw.domains
        .iter()
        .flat_map(|d| &d.indicators)
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

/// The English paraphrase of a profile's clause with this id.
fn clause_text(raw: &raw::Profile, id: &str) -> String {
    let c = raw
        .sources
        .iter()
        .flat_map(|s| s.clauses.iter().flatten())
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no clause {id}"));
    c.text.as_ref().unwrap().get("en", "en").to_string()
}

fn has(text: &LocalizedText, lang: &str) -> bool {
    match text {
        LocalizedText::Plain(_) => false,
        LocalizedText::Translated(map) => map.get(lang).is_some_and(|t| !t.trim().is_empty()),
    }
}

fn langs(text: &LocalizedText, required: &[&str], what: &str, problems: &mut Vec<String>) {
    for lang in required {
        if !has(text, lang) {
            problems.push(format!("{what}: no `{lang}` text"));
        }
    }
}

#[test]
fn every_version_is_listed_and_the_newest_is_used_by_default() {
    for version in VERSIONS {
        assert!(
            embedded::find("wco-resilience", version).is_some(),
            "{version}"
        );
    }
    assert_eq!(embedded::latest("wco-resilience").unwrap().version, NEWEST);
    // The web build embeds the newest only (tradeready::pack::on_the_web).
    for version in VERSIONS {
        assert_eq!(
            tradeready::pack::on_the_web("wco-resilience", version, &VERSIONS),
            version == NEWEST,
            "{version}"
        );
    }
}

#[test]
fn sizes_are_within_the_brief() {
    for version in VERSIONS {
        sizes_are_within_the_brief_at(version);
    }
}

fn sizes_are_within_the_brief_at(version: &str) {
    let (p, _) = profile_at(version);
    let indicators = p.indicators().count();
    assert!(
        (10..=12).contains(&p.domains.len()),
        "{} domains",
        p.domains.len()
    );
    assert!((70..=100).contains(&indicators), "{indicators} indicators");
    assert!(
        (4..=6).contains(&p.scenarios.len()),
        "{} scenarios",
        p.scenarios.len()
    );
    assert_eq!(p.languages, ["en", "fr", "es"]);
}

#[test]
fn every_assessable_clause_is_cited_and_every_indicator_cites_one() {
    for version in VERSIONS {
        every_assessable_clause_is_cited_at(version);
    }
}

fn every_assessable_clause_is_cited_at(version: &str) {
    let (p, raw) = profile_at(version);
    let cited: BTreeSet<&str> = p
        .indicators()
        .flat_map(|(_, i)| i.refs.iter().map(String::as_str))
        .collect();
    let mut uncited = Vec::new();
    let mut clauses = 0;
    for source in &raw.sources {
        for clause in source.clauses.iter().flatten() {
            clauses += 1;
            assert!(
                clause.text.as_ref().is_some_and(|t| !t.is_blank()),
                "{} has no paraphrase",
                clause.id
            );
            if clause.assess && !cited.contains(clause.id.as_str()) {
                uncited.push(clause.id.clone());
            }
        }
    }
    assert_eq!(
        clauses, 177,
        "the five sources hold 177 catalogued provisions"
    );
    assert!(uncited.is_empty(), "uncited: {uncited:?}");
    for (_, i) in p.indicators() {
        assert!(!i.refs.is_empty(), "{} cites no clause", i.id);
    }
    let sources: Vec<&str> = raw.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sources, ["TRG", "PSCG", "RES", "GTFP", "C19"]);
}

#[test]
fn every_indicator_carries_what_an_assessor_needs() {
    for version in VERSIONS {
        every_indicator_carries_what_an_assessor_needs_at(version);
    }
}

fn every_indicator_carries_what_an_assessor_needs_at(version: &str) {
    let (p, raw) = profile_at(version);
    let mut problems = Vec::new();
    for domain in &raw.domains {
        langs(
            &domain.title,
            &["en", "fr", "es"],
            &domain.id,
            &mut problems,
        );
        for i in &domain.indicators {
            let id = &i.id;
            match &i.title {
                Some(t) => langs(
                    t,
                    &["en", "fr", "es"],
                    &format!("{id} title"),
                    &mut problems,
                ),
                None => problems.push(format!("{id}: no title")),
            }
            langs(
                &i.text,
                &["en", "fr", "es"],
                &format!("{id} question"),
                &mut problems,
            );
            if i.help.as_ref().is_none_or(LocalizedText::is_blank) {
                problems.push(format!("{id}: no help"));
            }
            if i.phases.is_empty() {
                problems.push(format!("{id}: no phase"));
            }
            if i.evidence.is_empty() {
                problems.push(format!("{id}: no evidence"));
            }
            if i.recommendation
                .as_ref()
                .is_none_or(LocalizedText::is_blank)
            {
                problems.push(format!("{id}: no recommendation"));
            }
            if i.kind == raw::IndicatorKind::Scale {
                let levels = i.levels.as_ref();
                for level in [0, 2, 4] {
                    match levels.and_then(|l| l.iter().find(|(k, _)| k.0 == level)) {
                        Some((_, text)) => langs(
                            text,
                            &["en", "fr"],
                            &format!("{id} level {level}"),
                            &mut problems,
                        ),
                        None => problems.push(format!("{id}: level {level} not described")),
                    }
                }
            }
        }
    }
    for scenario in &raw.scenarios {
        langs(
            &scenario.title,
            &["en", "fr", "es"],
            &scenario.id,
            &mut problems,
        );
        assert!(
            !scenario.weights.is_empty(),
            "{} weighs nothing",
            scenario.id
        );
    }
    for (_, levels) in raw.scales.iter() {
        for level in &levels.levels {
            langs(
                &level.label,
                &["en", "fr", "es"],
                "scale level",
                &mut problems,
            );
        }
    }
    for band in &raw.bands {
        langs(&band.label, &["en", "fr", "es"], "band", &mut problems);
    }
    for source in &raw.sources {
        langs(
            &source.title,
            &["en", "fr", "es"],
            &source.id,
            &mut problems,
        );
        for clause in source.clauses.iter().flatten() {
            langs(
                &clause.title,
                &["en", "fr", "es"],
                &clause.id,
                &mut problems,
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{version}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(!p.caps.is_empty());
}

#[test]
fn all_five_kinds_are_used_where_the_brief_asks() {
    for version in VERSIONS {
        all_five_kinds_are_used_at(version);
    }
}

fn all_five_kinds_are_used_at(version: &str) {
    let (p, _) = profile_at(version);
    let kind = |id: &str| {
        p.indicator(id)
            .map(|(_, i)| i.kind.tag())
            .unwrap_or_else(|| panic!("no {id}"))
    };
    use tradeready::model::KindTag;
    assert_eq!(kind("aeo-mra.aeo-coverage"), KindTag::Ratio);
    assert_eq!(kind("aeo-mra.mra-coverage"), KindTag::Ratio);
    assert_eq!(kind("communication.channels-tested"), KindTag::Date);
    assert_eq!(kind("exercises.last-exercise"), KindTag::Date);
    assert_eq!(kind("risk.priority-release"), KindTag::Number);
    let kinds: BTreeSet<String> = p
        .indicators()
        .map(|(_, i)| i.kind.tag().as_str().to_owned())
        .collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
}

/// 1.0.0 as released: nine caps, among them the activation mechanism over governance.
#[test]
fn in_1_0_0_the_activation_mechanism_caps_governance() {
    let (p, _) = profile_at("1.0.0");
    assert_eq!(p.caps.len(), 9);
    assert!(p.caps.iter().any(|c| c.indicator == "governance.activation"
        && matches!(&c.limit, tradeready::model::CapLimit::Domain { domain, .. } if domain == "governance")));
}

const LANGS: [&str; 3] = ["en", "fr", "es"];

/// Issue 15, item 2: every figure the sources do not give says where it comes from. A
/// ratio (its curve), number (baseline and target) and date (fresh and stale limits)
/// indicator, a critical flag and a cap each carry a `basis`, in three languages; and
/// every other `basis` is in three languages too.
#[test]
fn every_invented_figure_critical_flag_and_cap_has_a_basis() {
    for version in SINCE_1_1 {
        every_invented_figure_critical_flag_and_cap_has_a_basis_at(version);
    }
}

fn every_invented_figure_critical_flag_and_cap_has_a_basis_at(version: &str) {
    let (_, raw) = profile_at(version);
    let mut problems = Vec::new();
    for i in raw.domains.iter().flat_map(|d| &d.indicators) {
        let needs = matches!(
            i.kind,
            raw::IndicatorKind::Ratio | raw::IndicatorKind::Number | raw::IndicatorKind::Date
        ) || i.critical;
        match &i.basis {
            Some(b) => langs(b, &LANGS, &format!("{} basis", i.id), &mut problems),
            None if needs => problems.push(format!("{}: no basis", i.id)),
            None => {}
        }
    }
    for cap in &raw.caps {
        match &cap.basis {
            Some(b) => langs(
                b,
                &LANGS,
                &format!("cap on {} basis", cap.indicator),
                &mut problems,
            ),
            None => problems.push(format!("cap on {}: no basis", cap.indicator)),
        }
    }
    assert!(problems.is_empty(), "{version}:\n{}", problems.join("\n"));
}

/// Issue 15, item 6: every scale indicator describes all five levels, and every question,
/// help text, evidence item and recommendation, and every domain and scenario description,
/// is in English, French and Spanish.
#[test]
fn everything_an_assessor_reads_is_in_three_languages() {
    for version in SINCE_1_1 {
        everything_an_assessor_reads_is_in_three_languages_at(version);
    }
}

fn everything_an_assessor_reads_is_in_three_languages_at(version: &str) {
    let (_, raw) = profile_at(version);
    let mut problems = Vec::new();
    for i in raw.domains.iter().flat_map(|d| &d.indicators) {
        let id = &i.id;
        langs(&i.text, &LANGS, &format!("{id} question"), &mut problems);
        match &i.help {
            Some(h) => langs(h, &LANGS, &format!("{id} help"), &mut problems),
            None => problems.push(format!("{id}: no help")),
        }
        match &i.recommendation {
            Some(r) => langs(r, &LANGS, &format!("{id} recommendation"), &mut problems),
            None => problems.push(format!("{id}: no recommendation")),
        }
        for (n, e) in i.evidence.iter().enumerate() {
            langs(e, &LANGS, &format!("{id} evidence {n}"), &mut problems);
        }
        if i.kind == raw::IndicatorKind::Scale {
            for level in 0..=4 {
                match i
                    .levels
                    .as_ref()
                    .and_then(|l| l.iter().find(|(k, _)| k.0 == level))
                {
                    Some((_, text)) => {
                        langs(text, &LANGS, &format!("{id} level {level}"), &mut problems)
                    }
                    None => problems.push(format!("{id}: level {level} not described")),
                }
            }
        }
    }
    for d in &raw.domains {
        match &d.description {
            Some(t) => langs(t, &LANGS, &format!("{} description", d.id), &mut problems),
            None => problems.push(format!("{}: no description", d.id)),
        }
    }
    for s in &raw.scenarios {
        match &s.description {
            Some(d) => langs(d, &LANGS, &format!("{} description", s.id), &mut problems),
            None => problems.push(format!("{}: no description", s.id)),
        }
    }
    assert!(
        problems.is_empty(),
        "{version}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Ratio help texts speak of percentages the way the app takes them (0 to 100 %), while
/// the file stores a share.
#[test]
fn ratio_help_speaks_of_percentages() {
    for version in SINCE_1_1 {
        ratio_help_speaks_of_percentages_at(version);
    }
}

fn ratio_help_speaks_of_percentages_at(version: &str) {
    let (_, raw) = profile_at(version);
    for i in raw.domains.iter().flat_map(|d| &d.indicators) {
        if i.kind != raw::IndicatorKind::Ratio {
            continue;
        }
        let help = i.help.as_ref().expect("help");
        for (lang, needle) in [
            ("en", "0 to 100 %"),
            ("fr", "0 à 100 %"),
            ("es", "0 a 100 %"),
        ] {
            assert!(
                has(help, lang) && help.get(lang, "en").contains(needle),
                "{version} {}: the {lang} help does not say `{needle}`",
                i.id
            );
        }
    }
}

/// Issue 15, items 1 and 4: the three distortions are gone, the COVID-19 article (a weak
/// source) shapes no critical indicator, caps only where a source makes a precondition,
/// and the gaps the review found have an indicator of their own.
#[test]
fn the_review_findings_are_fixed() {
    for version in SINCE_1_1 {
        the_review_findings_are_fixed_at(version);
    }
}

fn the_review_findings_are_fixed_at(version: &str) {
    let (p, raw) = profile_at(version);
    let ind = |id: &str| indicator(&raw, id);
    let it = ind("digital.it-continuity");
    assert!(!it.critical && it.weight <= 2.0);
    assert_eq!(it.refs, ["PSCG.scenario.1"]);
    assert!(!ind("governance.poc").critical);
    assert!(p.indicator("continuity.ports-open").is_none());
    assert_eq!(
        ind("risk.clearance-available").refs,
        ["PSCG.cbp.ports-open"]
    );
    for i in raw.domains.iter().flat_map(|d| &d.indicators) {
        if i.critical {
            assert!(
                i.refs.iter().all(|r| !r.starts_with("C19.")),
                "{} is critical and cites the COVID-19 article",
                i.id
            );
        }
    }
    // Tested channels with trade are measured once.
    assert!(p.indicator("partnership.channels-before-crisis").is_none());
    // One cap, over a domain whose other indicators are parts or uses of the plan.
    let caps: Vec<&str> = p.caps.iter().map(|c| c.indicator.as_str()).collect();
    assert_eq!(caps, ["continuity.plan"]);
    // The review's gaps.
    assert_eq!(ind("continuity.resume-backlog").refs, ["TRG.phases.resume"]);
    assert_eq!(
        ind("governance.complements-emergency-management").refs,
        ["TRG.concept.2"]
    );
    assert_eq!(
        ind("partnership.resilience-partnership").refs,
        ["RES.pre.partnership"]
    );
    // A security incident among the scenarios, and no AEO-MRA multiplier without a reason.
    assert!(p.scenarios.iter().any(|s| s.id == "security-incident"));
    let cyber = raw
        .scenarios
        .iter()
        .find(|s| s.id == "cyber-attack")
        .unwrap();
    assert!(cyber.weights.iter().all(|(k, _)| k != "aeo-mra"));
    // Citations the review found wrong are gone.
    for (id, gone) in [
        ("digital.it-continuity", "TRG.respond-repair.2"),
        ("governance.oga-roles", "TRG.comms-objectives.g"),
        ("governance.coordination-centre", "TRG.comms-objectives.h"),
        ("partnership.trust-survey", "TRG.comms-business.a"),
        ("continuity.plan", "C19.global.b"),
        ("capacity.resources", "C19.guidelines.d"),
        ("cooperation.neighbour-exchange", "C19.guidelines.c"),
        ("cooperation.regional-activities", "C19.global.c"),
        ("partnership.engagement-model", "PSCG.sec2.tools"),
    ] {
        assert!(
            !ind(id).refs.iter().any(|r| r == gone),
            "{version}: {id} still cites {gone}"
        );
    }
    // Recommendations do not turn the profile's own intervals into rules.
    for i in raw.domains.iter().flat_map(|d| &d.indicators) {
        let rec = i.recommendation.as_ref().unwrap().get("en", "en");
        for rule in [
            "every year",
            "yearly",
            "once a year",
            "every two years",
            "within hours",
            "every day",
        ] {
            assert!(
                !rec.contains(rule),
                "{version} {}: the recommendation says `{rule}`",
                i.id
            );
        }
    }
}

/// 1.1.0: every scenario multiplier has its reason, a comment line right above it in the
/// file.
#[test]
fn in_1_1_0_every_scenario_multiplier_has_its_reason() {
    let text = std::fs::read_to_string(
        tradeready_tests::root().join("assessments/profiles/wco-resilience/1.1.0.yaml"),
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| *l == "scenarios:").unwrap();
    let end = lines.iter().position(|l| *l == "migrations:").unwrap();
    let mut multipliers = 0;
    for n in start..end {
        let l = lines[n];
        if l.starts_with("      ") && !l.trim_start().starts_with('#') {
            multipliers += 1;
            assert!(
                lines[n - 1].trim_start().starts_with("# "),
                "line {}: `{}` has no reason above it",
                n + 1,
                l.trim()
            );
        }
    }
    assert!(multipliers > 40, "{multipliers} multipliers");
}

/// From 1.2.0 the reasons are data a reader of the profile gets: every scenario has a
/// `basis` in three languages that names each of its multipliers as `id ×N`, and every
/// domain weighted other than 1 has a `basis` saying where the weight comes from.
#[test]
fn since_1_2_0_every_multiplier_and_domain_weight_has_its_basis() {
    for version in SINCE_1_2 {
        every_multiplier_and_domain_weight_has_its_basis_at(version);
    }
}

fn every_multiplier_and_domain_weight_has_its_basis_at(version: &str) {
    let (_, raw) = profile_at(version);
    let mut problems = Vec::new();
    for s in &raw.scenarios {
        let Some(basis) = &s.basis else {
            problems.push(format!("scenario {}: no basis", s.id));
            continue;
        };
        langs(
            basis,
            &LANGS,
            &format!("scenario {} basis", s.id),
            &mut problems,
        );
        for lang in LANGS {
            let text = basis.get(lang, "en");
            for (id, m) in s.weights.iter() {
                let named = format!("{id} ×{m}");
                if !text.contains(&named) {
                    problems.push(format!("scenario {} basis ({lang}): no `{named}`", s.id));
                }
            }
        }
    }
    for d in &raw.domains {
        match &d.basis {
            Some(b) => langs(b, &LANGS, &format!("domain {} basis", d.id), &mut problems),
            None if d.weight != 1.0 => problems.push(format!("domain {}: no basis", d.id)),
            None => {}
        }
    }
    assert!(problems.is_empty(), "{version}:\n{}", problems.join("\n"));
}

/// 1.2.0 gives every clause its place in its source (`section`), and mends the paraphrases
/// the 2026-12-04 review found saying more or less than the source (CHANGELOG.md).
#[test]
fn in_1_2_0_every_clause_has_a_section_and_the_paraphrases_are_mended() {
    let (_, raw) = profile_at("1.2.0");
    let clauses: Vec<&raw::Clause> = raw
        .sources
        .iter()
        .flat_map(|s| s.clauses.iter().flatten())
        .collect();
    for c in &clauses {
        assert!(
            c.section.as_ref().is_some_and(|s| !s.trim().is_empty()),
            "{} has no section",
            c.id
        );
    }
    let text = |id: &str| clause_text(&raw, id).to_lowercase();
    // What each mended paraphrase must now carry (the source's own force or content).
    for (id, needle) in [
        ("RES.10", "where appropriate"),
        ("PSCG.ntfb.2", "gender"),
        ("TRG.respond-repair.8", "seek"),
        ("GTFP.collab.4", "compliance"),
        ("GTFP.capacity.6", "encourage"),
        ("GTFP.collab.5", "encourage"),
        ("TRG.reconstitute-resume.2", "could"),
        ("PSCG.protocol.engage-pga", "must"),
        ("GTFP.plan.6", "must"),
        ("PSCG.advisory.1", "example"),
    ] {
        assert!(text(id).contains(needle), "{id} does not say `{needle}`");
    }
    for id in ["PSCG.rec.1", "PSCG.rec.intro"] {
        assert!(!text(id).contains("must"), "{id} says `must`");
    }
    // The COVID-19 project's areas of work say whose they are.
    for c in clauses.iter().filter(|c| c.id.starts_with("C19.area")) {
        assert!(
            text(&c.id).contains("project"),
            "{} does not name the project",
            c.id
        );
    }
}

/// 1.2.0 and 1.2.1 change text only: every example answered under 1.1.0 scores the same,
/// overall, by domain, by phase and under every scenario, once carried to either.
#[test]
fn the_same_answers_score_the_same_under_1_1_0_1_2_0_and_1_2_1() {
    let catalogue = tradeready::Catalogue::embedded();
    let mut files = 0;
    for path in example_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        if !answers(&text, "1.1.0") {
            continue;
        }
        files += 1;
        let old = catalogue.load_assessment(&text).value.unwrap().scores;
        for to in SINCE_1_2 {
            let what = format!("{} to {to}", path.display());
            let migrated = catalogue.migrate(&text, Some(to)).value.unwrap();
            assert_eq!(migrated.report.compatibility, 1.0, "{what}");
            assert!(
                migrated
                    .report
                    .carried
                    .iter()
                    .all(|c| c.how == tradeready::migrate::How::Same),
                "{what}"
            );
            let new = migrated.scored.scores;
            assert_eq!(new.profile.version, to);
            assert_eq!(old.overall, new.overall, "{what}");
            assert_eq!(old.domains, new.domains, "{what}");
            assert_eq!(old.phases, new.phases, "{what}");
            assert_eq!(old.scenarios, new.scenarios, "{what}");
            assert_eq!(old.gaps.len(), new.gaps.len(), "{what}");
        }
    }
    assert!(files >= 2, "{files} examples on 1.1.0");
}

/// 1.2.1 mends what the second review (REVIEW-1.2.0.md) found: the Guidelines' own
/// "should" and "could" in every Trade Recovery Guidelines 4.2 action, the points the
/// paraphrases dropped, and the scenario and domain bases citing what the sources say.
#[test]
fn in_1_2_1_the_second_review_is_applied() {
    let (_, raw) = profile_at("1.2.1");
    let clauses: Vec<&raw::Clause> = raw
        .sources
        .iter()
        .flat_map(|s| s.clauses.iter().flatten())
        .collect();
    let text = |id: &str| clause_text(&raw, id).to_lowercase();
    // The source's word for each action of the phase table (TRG 4.2).
    let could = |id: &str| {
        id.starts_with("TRG.reconstitute-resume.")
            || ["4", "5", "6", "7"]
                .iter()
                .any(|n| id == format!("TRG.respond-repair.{n}"))
    };
    let mut actions = 0;
    let table = ["prepare", "respond-repair", "reconstitute-resume", "review"];
    for c in clauses
        .iter()
        .filter(|c| table.iter().any(|p| c.id.starts_with(&format!("TRG.{p}."))))
    {
        actions += 1;
        let (word, other) = if could(&c.id) {
            ("could", "should")
        } else {
            ("should", "could")
        };
        let t = text(&c.id);
        assert!(t.contains(word), "{} does not say `{word}`: {t}", c.id);
        assert!(!t.contains(other), "{} says `{other}`: {t}", c.id);
        assert!(
            !t.contains("customs may"),
            "{} says `Customs may`: {t}",
            c.id
        );
    }
    assert_eq!(actions, 23, "the phase table's actions");
    for c in &clauses {
        assert!(
            c.section.as_ref().is_some_and(|s| !s.trim().is_empty()),
            "{} has no section",
            c.id
        );
    }
    for (id, needle) in [
        (
            "GTFP.plan.6",
            "gender equality organizational assessment tool (geoat)",
        ),
        ("PSCG.advisory.1", "only one of industry's routes"),
        ("GTFP.collab.5", "transparently"),
        ("GTFP.collab.5", "economic development"),
        ("C19.area.1.a", "predictive capability"),
        ("C19.area.1.b", "different disaster scenarios"),
        ("RES.10", "where appropriate"),
        ("PSCG.protocol.engage-pga", "must"),
    ] {
        assert!(text(id).contains(needle), "{id} does not say `{needle}`");
    }
    assert!(!text("C19.area.3.b").contains("neighbour"), "C19.area.3.b");
    for c in clauses.iter().filter(|c| c.id.starts_with("C19.area")) {
        assert!(
            text(&c.id).contains("project"),
            "{} does not name the project",
            c.id
        );
    }
    // Resolution paragraphs 1 to 10 carry no printed number: the section names the verb.
    for c in clauses.iter().filter(|c| c.id.starts_with("RES.")) {
        let section = c.section.as_deref().unwrap();
        if section.starts_with("Members, ") {
            assert!(section.ends_with(')'), "{}: {section}", c.id);
        }
    }
    let mut problems = Vec::new();
    let bases = raw
        .scenarios
        .iter()
        .map(|s| (format!("scenario {}", s.id), s.basis.as_ref().unwrap()))
        .chain(
            raw.domains
                .iter()
                .filter_map(|d| Some((format!("domain {}", d.id), d.basis.as_ref()?))),
        );
    for (what, basis) in bases {
        for (lang, wrong) in [
            ("en", "must anticipate"),
            ("en", "PSCG introduction"),
            ("en", "(PSCG, CBP"),
            ("en", "weighed up"),
            ("en", "practices to avoid"),
            ("en", "PSCG section 5)"),
            ("en", "Priority and relief cargo"),
            ("en", "build trade recovery on these four"),
            ("fr", "doivent prévoir"),
            ("fr", "PSCG introduction"),
            ("fr", "(PSCG, appui"),
            ("fr", "C19 domaine"),
            ("fr", "réagir et réparer 1"),
            ("fr", "mainlevée selon le risque"),
            ("es", "deben prever"),
            ("es", "PSCG introducción"),
            ("es", "(PSCG, apoyo"),
            ("es", "responder y reparar 1"),
            ("es", "levante según el riesgo"),
        ] {
            if basis.get(lang, "en").contains(wrong) {
                problems.push(format!("{what} ({lang}) says `{wrong}`"));
            }
        }
    }
    let domain_basis = raw
        .domains
        .iter()
        .find(|d| d.id == "communication")
        .and_then(|d| d.basis.as_ref())
        .unwrap()
        .get("en", "en");
    assert!(domain_basis.contains("TRG 4.3"), "{domain_basis}");
    assert!(domain_basis.contains("three components"), "{domain_basis}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// 1.2.1 also mends what a third, blind read of it found before release (CHANGELOG.md,
/// 1.2.1, "A third read"): the AEO basis at the Guidelines' strength, paraphrases that
/// widened their addressees or dropped a qualifier, and bases citing the right sections.
#[test]
fn in_1_2_1_the_third_read_is_applied() {
    let (_, raw) = profile_at("1.2.1");
    let clause = |id: &str| clause_text(&raw, id);
    let indicator = |id: &str| indicator(&raw, id);
    // The Guidelines' "should generally be considered", not an obligation.
    let basis = indicator("aeo-mra.lower-risk").basis.as_ref().unwrap();
    for (lang, word, qualifier) in [
        ("en", "should", "non-AEOs"),
        ("fr", "devrait", "non OEA"),
        ("es", "debería", "no OEA"),
    ] {
        let text = basis.get(lang, "en");
        assert!(
            text.contains(word) && text.contains(qualifier),
            "{lang}: {text}"
        );
    }
    // Low-risk cargo is eased subject to priority cargo, not strictly after it; and a
    // critical flag the sources do not rank says it is the profile's choice.
    let priority = indicator("risk.priority-cargo").basis.as_ref().unwrap();
    assert!(
        !priority.get("en", "en").contains("only after"),
        "{priority:?}"
    );
    for id in [
        "governance.activation",
        "risk.priority-cargo",
        "monitoring.after-action-review",
    ] {
        let text = indicator(id).basis.as_ref().unwrap().get("en", "en");
        assert!(
            text.contains("critical") && text.contains("profile's own choice"),
            "{id}: {text}"
        );
    }
    // Customs is the one addressed, in the actions that widened it to others.
    for id in ["TRG.prepare.1", "TRG.respond-repair.3"] {
        assert!(
            clause(id).starts_with("Customs should"),
            "{id}: {}",
            clause(id)
        );
    }
    for (id, needle) in [
        ("TRG.prepare.2", "communication channels"),
        ("TRG.prepare.4", "should grant"),
        ("TRG.prepare.7", "priority cargo identified nationally"),
        ("TRG.respond-repair.3", "mitigation strategies"),
        ("TRG.respond-repair.7", "operating procedures"),
        ("TRG.respond-repair.10", "identified nationally"),
        (
            "TRG.reconstitute-resume.1",
            "on the basis of a risk assessment, Customs",
        ),
        ("TRG.reconstitute-resume.3", "to a minimum"),
        ("RES.3", "not limited"),
        ("RES.7", "use of technology"),
        ("RES.7", "trust frameworks"),
        ("RES.7", "in step with global supply chains"),
        ("RES.7", "could take in, without being limited to"),
        ("TRG.prepare.4", "as far as possible"),
        ("PSCG.crisis.all-goods", "for information on"),
    ] {
        assert!(
            clause(id).contains(needle),
            "{id} does not say `{needle}`: {}",
            clause(id)
        );
    }
    let domain = raw.domains.iter().find(|d| d.id == "governance").unwrap();
    let domain = domain.basis.as_ref().unwrap();
    for (lang, right, wrong) in [
        ("en", "roles and activation agreed with", "(TRG 2;"),
        ("fr", "rôles et déclenchement convenus", "(Directives 2 ;"),
        ("es", "funciones y activación acordadas", "(Directrices 2;"),
    ] {
        let text = domain.get(lang, "en");
        assert!(
            text.contains(right) && text.contains("4.3.2"),
            "{lang}: {text}"
        );
        assert!(!text.contains(wrong), "{lang}: {text}");
    }
    let scenario = |id: &str| raw.scenarios.iter().find(|s| s.id == id).unwrap();
    let pandemic = scenario("pandemic").basis.as_ref().unwrap().get("en", "en");
    assert!(pandemic.contains("pilots quarantined"), "{pandemic}");
    let congestion = scenario("port-congestion")
        .basis
        .as_ref()
        .unwrap()
        .get("en", "en");
    assert!(
        congestion.contains("the profile's own reading of headquarters"),
        "{congestion}"
    );
    let text = embedded::find("wco-resilience", "1.2.1").unwrap().text;
    assert!(!text.contains("autorité d'urgence"), "unidiomatic French");
    assert!(
        !text.contains("autoridad de emergencia"),
        "unidiomatic Spanish"
    );
}

/// Whether an assessment's text answers this version of the profile, as the loader reads it.
fn answers(text: &str, version: &str) -> bool {
    tradeready::Catalogue::embedded()
        .decode_assessment(text)
        .value
        .is_some_and(|a| a.profile.version.as_str() == version)
}

fn example_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![tradeready_tests::root().join("assessments/examples")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Issue 15, item 3: the coverage figure README gives is the honest one, computed here:
/// the provisions that can be assessed, and that every one of them is cited by an
/// indicator; each provision marked not assessable says why in the comment above it.
#[test]
fn readme_states_the_honest_coverage() {
    let (p, raw) = profile_at(NEWEST);
    let cited: BTreeSet<&str> = p
        .indicators()
        .flat_map(|(_, i)| i.refs.iter().map(String::as_str))
        .collect();
    let clauses: Vec<&raw::Clause> = raw
        .sources
        .iter()
        .flat_map(|s| s.clauses.iter().flatten())
        .collect();
    let assessable: Vec<&&raw::Clause> = clauses.iter().filter(|c| c.assess).collect();
    let measured = assessable
        .iter()
        .filter(|c| cited.contains(c.id.as_str()))
        .count();
    for c in &clauses {
        assert!(
            c.assess || !cited.contains(c.id.as_str()),
            "{} is marked not assessable but cited",
            c.id
        );
    }
    // README is wrapped: compare with its whitespace runs made single spaces.
    let readme = std::fs::read_to_string(tradeready_tests::root().join("README.md")).unwrap();
    let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    let figure = format!(
        "Of the {} provisions of the five texts, {} are assessable and {} of them are measured",
        clauses.len(),
        assessable.len(),
        measured
    );
    assert!(readme.contains(&figure), "README should say: {figure}");
    let text = std::fs::read_to_string(
        tradeready_tests::root().join(format!("assessments/profiles/wco-resilience/{NEWEST}.yaml")),
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    for c in clauses.iter().filter(|c| !c.assess) {
        let at = lines
            .iter()
            .position(|l| l.trim() == format!("- id: {}", c.id))
            .unwrap();
        assert!(
            lines[at - 1].trim_start().starts_with("# Not assessable: "),
            "{} is not assessable and does not say why",
            c.id
        );
    }
}

/// Issue 15, item 7: every example of an earlier version migrates to each later one with
/// nothing lost and nothing unmapped (dropped ids each give their reason).
#[test]
fn every_example_migrates_to_every_later_version_losing_nothing() {
    let catalogue = tradeready::Catalogue::embedded();
    let mut files = 0;
    for path in example_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let Some(from) = VERSIONS.iter().position(|v| answers(&text, v)) else {
            continue;
        };
        for to in &VERSIONS[from + 1..] {
            files += 1;
            let migrated = catalogue.migrate(&text, Some(to));
            // Warnings the file has on its own version (evidence gathered before an answer)
            // may stay; an error may not.
            assert!(
                migrated
                    .diagnostics
                    .iter()
                    .all(|d| d.severity != tradeready::Severity::Error),
                "{} to {to}: {:#?}",
                path.display(),
                migrated.diagnostics
            );
            let report = migrated.value.unwrap().report;
            assert!(
                report.lost.is_empty(),
                "{} to {to}: lost {:?}",
                path.display(),
                report.lost
            );
            assert!(
                report.unmapped.is_empty(),
                "{} to {to}: unmapped {:?}",
                path.display(),
                report.unmapped
            );
            assert!(report.dropped.iter().all(|d| !d.reason.trim().is_empty()));
            assert!(report.compatibility > 0.9, "{} to {to}", path.display());
        }
    }
    // 18 files on 1.0.0 go to 1.1.0, 1.2.0 and 1.2.1; those on 1.1.0 to 1.2.0 and 1.2.1.
    assert!(files >= 58, "{files} migrations");
}
